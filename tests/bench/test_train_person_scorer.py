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
    assert train_person_scorer_deep.fit_scorer is train_person_scorer.fit_scorer


def test_the_vector_slots_score_at_run_time_as_the_dense_model_trained():
    import numpy as np

    from scanner.detect.recognizers.person_scorer import row_weights

    vectors = np.array([[1.0, 0.0], [0.6, 0.8], [0.0, 1.0]])
    x = [["bias", "dv=0", "dv=1", "n1dv=2"], ["bias", "rwdv=1", "lwdv=0", "rwdv=1"]]
    sparse, dense = train_person_scorer.split_vectors(x, vectors)
    assert sparse == [["bias"], ["bias"]]
    wd = np.arange(10, dtype=float) / 7 - 0.6  # one direction of two numbers per slot
    per_row = row_weights(train_person_scorer.slot_rows(wd, vectors))
    for feats, z in zip(x, dense @ wd, strict=True):
        summed = sum(per_row.get(f, 0.0) for f in feats)  # what PersonScorer adds up
        assert abs(summed - z) <= 0.0005 * len(feats)


def test_fit_learns_dense_inputs_beside_the_features():
    import numpy as np

    x = [["bias"]] * 40
    y = [1, 0] * 20
    dense = np.array([[1.0], [-1.0]] * 20)  # the label is the dense column's sign
    weights, wd = train_person_scorer.fit_dense(x, y, 1e-4, 1, dense=dense)
    assert wd[0] > 1.0 and abs(weights["bias"]) < 0.1
    assert train_person_scorer.fit(x, y, 1e-4, 1) == train_person_scorer.fit_dense(x, y, 1e-4, 1)[0]


def test_both_trainers_fit_the_vector_slots_dense_unless_told_not_to(monkeypatch):
    import argparse

    import numpy as np

    parser = argparse.ArgumentParser()
    train_person_scorer.add_fit_arguments(parser, prune_at=0.0)
    x = [["bias", "f", "dv=0"], ["bias", "dv=1"]] * 10
    y = [1, 0] * 10
    vectors = np.array([[1.0, 0.0], [0.0, 1.0]])
    monkeypatch.setattr(train_person_scorer, "unit_vectors", lambda: vectors)
    kept, rows = train_person_scorer.fit_scorer(x, y, parser.parse_args([]))
    assert "dv=0" not in kept and set(rows) == set(train_person_scorer.VECTOR_SLOTS)
    kept, rows = train_person_scorer.fit_scorer(x, y, parser.parse_args(["--no-vectors"]))
    assert rows is None and kept["dv=0"] > 0 > kept["dv=1"]
