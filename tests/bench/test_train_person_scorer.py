"""The scorer trainers: one pruning and weights-file writer serves the fast and deep ones."""

from __future__ import annotations

import json

from bench import train_person_scorer, train_person_scorer_deep
from scanner.detect.recognizers.person_scorer import PersonScorer


def test_small_weights_are_pruned_and_the_rest_rounded_in_feature_order():
    kept = train_person_scorer.prune({"b": 0.12345, "a": -0.5, "c": 0.001}, 0.02)
    assert kept == {"a": -0.5, "b": 0.123}
    assert list(kept) == ["a", "b"]


def test_weights_file_loads_and_says_what_it_was_trained_on(tmp_path):
    path = tmp_path / "w.json"
    train_person_scorer.write_weights(path, {"bias": -1.0}, "a model", "python -m x", {"l2": 1})
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["model"] == "a model" and data["retrain"] == "python -m x"
    assert "CC BY-SA 4.0" in data["trained_on"] and data["settings"] == {"l2": 1}
    assert PersonScorer.load(path).weights == {"bias": -1.0}


def test_the_deep_trainer_uses_the_same_writer():
    assert train_person_scorer_deep.write_weights is train_person_scorer.write_weights
    assert train_person_scorer_deep.prune is train_person_scorer.prune
