"""The one assertion helper the detector tests share."""

from __future__ import annotations

from scanner.detect.detection import Detection


def spans(detections: list[Detection], entity: str) -> list[str]:
    return [d.value for d in detections if d.entity == entity]


def assert_detects(text: str, detections: list[Detection], entity: str, value: str) -> None:
    """``value`` is found in ``text`` as ``entity``, with offsets into the original text."""
    found = [d for d in detections if d.entity == entity]
    assert any(text[d.start : d.end] == value for d in found), (
        f"expected {entity} {value!r} in {text!r}; got "
        f"{[(d.entity, text[d.start : d.end], round(d.score, 2)) for d in detections]}"
    )
    for d in found:
        assert text[d.start : d.end] == d.value


def assert_not_detects(text: str, detections: list[Detection], entity: str) -> None:
    found = [(text[d.start : d.end], round(d.score, 2), d.reasons) for d in detections
             if d.entity == entity]  # fmt: skip
    assert not found, f"{entity} must not be found in {text!r}; got {found}"
