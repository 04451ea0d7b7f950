from __future__ import annotations

import pytest

from scanner.detect.detector import CHUNK_CHARS, Detector
from tests.assertions import assert_detects, assert_not_detects, spans


def test_offsets_point_into_the_original_full_width_text(fast_detector):
    text = "ｶﾞｲﾄﾞ：お電話は０９０－１２３４－５６７８、メールはＴＡＲＯ＠ＥＸＡＭＰＬＥ．ＪＰまで"
    found = fast_detector.analyze(text)
    assert_detects(text, found, "PHONE_NUMBER", "０９０－１２３４－５６７８")
    assert_detects(text, found, "EMAIL_ADDRESS", "ＴＡＲＯ＠ＥＸＡＭＰＬＥ．ＪＰ")


def test_label_applies_to_the_nearest_date_only(fast_detector):
    text = "生年月日：1985年4月1日、入社日：2010年4月1日"
    assert spans(fast_detector.analyze(text), "DATE_OF_BIRTH") == ["1985年4月1日"]


def test_corporate_number_is_not_a_my_number(fast_detector):
    text = "マイナンバー欄に法人番号 8700110005901 が記入されていた"
    found = fast_detector.analyze(text)
    assert_not_detects(text, found, "JP_MY_NUMBER")
    assert_detects(text, found, "JP_CORPORATE_NUMBER", "8700110005901")


def test_a_my_number_only_detector_takes_no_corporate_number_either():
    # Without the corporate-number recognizer in the registry: the My Number patterns
    # reject a 13-digit corporate number themselves (plain, hyphenated, T-prefixed).
    from scanner.detect.recognizers.registry import build_registry

    registry = build_registry("fast", ("JP_MY_NUMBER",))
    assert not any("JP_CORPORATE_NUMBER" in r.supported_entities for r in registry.recognizers)
    only = Detector(entities=["JP_MY_NUMBER"])
    for number in ("8700110005901", "8-7001-1000-5901", "T8700110005901"):
        text = f"マイナンバー欄に法人番号 {number} が記入されていた"
        assert_not_detects(text, only.analyze(text), "JP_MY_NUMBER")


def test_surname_inside_company_name_is_not_a_person(fast_detector):
    text = "取引先の藤田通信と山田電機から見積もりが届いた"
    assert_not_detects(text, fast_detector.analyze(text), "PERSON")


def test_every_finding_explains_itself(fast_detector):
    for d in fast_detector.analyze("山田太郎様 電話090-1234-5678 生年月日1985/4/1"):
        assert d.recognizer and d.reasons and 0 < d.score <= 1


def test_threshold_and_entity_filter():
    text = "山田太郎様の電話は090-1234-5678です"
    only_phone = Detector(entities=["PHONE_NUMBER"]).analyze(text)
    assert [d.entity for d in only_phone] == ["PHONE_NUMBER"]
    assert Detector(threshold=0.9).analyze("番号0312345678") == []  # unformatted, no label
    assert [d.entity for d in Detector(threshold=0.4).analyze("番号0312345678")] == ["PHONE_NUMBER"]


def test_bad_arguments_are_rejected():
    with pytest.raises(ValueError, match="mode"):
        Detector(mode="turbo")
    with pytest.raises(ValueError, match="threshold"):
        Detector(threshold=1.5)
    with pytest.raises(ValueError, match="unknown entity"):
        Detector(entities="PERSONS")


def test_long_text_is_chunked_without_losing_or_shifting_spans(fast_detector):
    line = "お客様 山田太郎様 電話090-1234-5678 メール taro@example.co.jp\n"
    text = line * (3 * CHUNK_CHARS // len(line))
    found = fast_detector.analyze(text)
    emails = [d for d in found if d.entity == "EMAIL_ADDRESS"]
    assert len(emails) == text.count("taro@example.co.jp")
    assert all(text[d.start : d.end] == "taro@example.co.jp" for d in emails)


def test_batch_matches_single_and_keeps_context_inside_each_text(fast_detector):
    texts = ["マイナンバー", "123456789018", "マイナンバー 123456789018", "", "山田太郎様"]
    batch = fast_detector.analyze_batch(texts)
    assert batch[1] == []  # the label in the previous text must not leak across
    assert spans(batch[2], "JP_MY_NUMBER") == ["123456789018"]
    assert batch[3] == []
    assert [d.value for d in batch[4]] == [d.value for d in fast_detector.analyze(texts[4])]


def test_external_context_such_as_a_column_name(fast_detector):
    assert spans(fast_detector.analyze_batch(["123456789018"], context=["my_number"])[0],
                 "JP_MY_NUMBER") == ["123456789018"]  # fmt: skip


def test_values_never_show_in_repr(fast_detector):
    (d,) = fast_detector.analyze("メール taro@example.co.jp")
    assert "taro" not in repr(d)
    assert d.to_public()["excerpt"] == "t***@example.co.jp"
    assert d.to_public(show_values=True)["excerpt"] == "taro@example.co.jp"


@pytest.mark.ginza
def test_deep_mode_finds_at_least_what_fast_finds(fast_detector, deep_detector):
    text = "担当の山田太郎様（勤務先：吉田電気株式会社）の生年月日は1985年4月1日です。"
    fast = {(d.entity, d.value) for d in fast_detector.analyze(text)}
    deep = {(d.entity, d.value) for d in deep_detector.analyze(text)}
    assert fast <= deep


def test_a_birth_mark_does_not_carry_over_to_the_next_date(fast_detector):
    text = "小林様（昭和23年5月9日生）、退職日2024年3月23日"
    assert spans(fast_detector.analyze(text), "DATE_OF_BIRTH") == ["昭和23年5月9日"]


def test_an_era_date_past_its_end_is_a_birthdate_with_a_lower_score(fast_detector):
    [late] = fast_detector.analyze("生年月日：平成31年5月1日")
    [exact] = fast_detector.analyze("生年月日：令和元年5月1日")
    assert late.entity == exact.entity == "DATE_OF_BIRTH"
    assert late.score < exact.score and late.score >= 0.5
    assert any("past its era's end" in reason for reason in late.reasons)


def test_a_detector_for_some_entities_runs_its_recognizers_in_the_registry_order(fast_detector):
    """A reading both the kana and the name recognizer find is reported by the same one in
    every process (presidio listed the recognizers of an entity list in a set's order)."""
    limited = Detector(entities=["PHONE_NUMBER", "JP_MY_NUMBER", "PERSON"])
    order = [type(r).__name__ for r in fast_detector._pipeline().recognizers]
    names = [type(r).__name__ for r in limited._pipeline().recognizers]
    assert names == [n for n in order if n in names]
    text = "ふりがな　やまぐち やすひろ\n氏名　山口 康弘"
    assert [d.recognizer for d in limited.analyze(text)] == [
        d.recognizer for d in fast_detector.analyze(text) if d.entity == "PERSON"
    ]
