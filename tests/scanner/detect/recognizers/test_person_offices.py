"""A name followed by an office or trade glued to it (jp_person_recognizer.office_after)."""

from __future__ import annotations

import pytest

from scanner.detect.nlp.sudachi_engine import SudachiNlpEngine
from scanner.detect.recognizers.jp_person_recognizer import office_after


def _persons(detector, text: str) -> list[str]:
    return [text[r.start : r.end] for r in detector.analyze(text) if r.entity == "PERSON"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a surname before a ministry's or a town's office, a full name before a trade
        ("どうやら野村財務大臣は歓迎の意向である。", ["野村"]),
        ("村岡農林水産副大臣の出張について報告があった。", ["村岡"]),
        ("田中一郎シェフの料理は美味しい。", ["田中一郎"]),
        ("対する山口アマは中学生ながら強い。", ["山口"]),
        # an institution's or a place's office is no person's
        ("早稲田大学教授の話を聞いた。", []),
        ("元広島県議会議員が来た。", []),
        ("伊勢国神戸藩主に与えられた。", []),
        ("日本代表監督が決まった。", []),
        ("前議長の尽力に感謝する。", []),
    ],
)  # fmt: skip
def test_a_name_before_its_office_is_a_name(fast_detector, text, names):
    assert _persons(fast_detector, text) == names


def test_office_after_reads_the_glued_compound_only():
    engine = SudachiNlpEngine()
    engine.load()
    text = "村岡農林水産副大臣、村岡 副大臣、村岡大学教授"
    ms = engine.morphemes(text)
    at = [k for k, m in enumerate(ms) if m.surface == "村岡"]
    assert office_after(ms, at[0] + 1, ms[at[0]].end) == "農林水産副大臣"
    assert office_after(ms, at[1] + 1, ms[at[1]].end) == ""  # a space: not glued
    assert office_after(ms, at[2] + 1, ms[at[2]].end) == ""  # 大学: an institution's
