"""Table-driven positive and negative cases per entity (cases/*.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.assertions import assert_detects, assert_not_detects

CASES = Path(__file__).parent / "cases"


def _load() -> tuple[list, list]:
    positives, negatives = [], []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        entity = data.get("entity")
        for case in data.get("positive", []):
            positives.append(pytest.param(entity, case["text"], case["value"], id=f"{path.stem}+"))
        for text in data.get("negative", []):
            negatives.append(pytest.param(entity, text, id=f"{path.stem}-"))
        for case in data.get("cases", []):
            positives.append(
                pytest.param(case["entity"], case["text"], case["value"], id=f"{path.stem}+")
            )
        for case in data.get("negatives", []):
            negatives.append(pytest.param(case["entity"], case["text"], id=f"{path.stem}-"))
    return positives, negatives


POSITIVES, NEGATIVES = _load()


@pytest.mark.parametrize(("entity", "text", "value"), POSITIVES)
def test_positive(fast_detector, entity, text, value):
    assert_detects(text, fast_detector.analyze(text), entity, value)


@pytest.mark.parametrize(("entity", "text"), NEGATIVES)
def test_negative(fast_detector, entity, text):
    assert_not_detects(text, fast_detector.analyze(text), entity)


@pytest.mark.parametrize(("entity", "text", "value"), POSITIVES)
def test_positive_in_batch(fast_detector, entity, text, value):
    """The batch API finds the same spans as analyze()."""
    results = fast_detector.analyze_batch(["前置きの文章です。", text, text, "後書き"])
    assert_detects(text, results[1], entity, value)
    assert results[1] == results[2]
