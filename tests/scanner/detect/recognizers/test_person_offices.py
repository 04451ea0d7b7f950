"""A name beside the word for its office, its kin or its bearer's role (jp_person_recognizer)."""

from __future__ import annotations

import pytest

from scanner.detect.recognizers.jp_person_recognizer import office_after
from tests.assertions import spans


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a surname before a ministry's or a town's office, a full name before a trade
        ("野村財務大臣は記者会見で説明した。", ["野村"]),
        ("村岡農林水産副大臣が視察に訪れた。", ["村岡"]),
        ("今夜は田中一郎シェフが腕をふるう。", ["田中一郎"]),
        ("決勝では山口アマが勝った。", ["山口"]),
        # an institution's or a place's office is no person's
        ("早稲田大学教授の話を聞いた。", []),
        ("元広島県議会議員が来た。", []),
        ("伊勢国神戸藩主に与えられた。", []),
        ("日本代表監督が決まった。", []),
        ("前議長の尽力に感謝する。", []),
    ],
)  # fmt: skip
def test_a_name_before_its_office_is_a_name(fast_detector, text, names):
    assert spans(fast_detector.analyze(text), "PERSON") == names


def test_office_after_reads_the_glued_compound_only(engine):
    text = "村岡農林水産副大臣、村岡 副大臣、村岡大学教授"
    ms = engine.morphemes(text)
    at = [k for k, m in enumerate(ms) if m.surface == "村岡"]
    assert office_after(ms, at[0] + 1, ms[at[0]].end) == "農林水産副大臣"
    assert office_after(ms, at[1] + 1, ms[at[1]].end) == ""  # a space: not glued
    assert office_after(ms, at[2] + 1, ms[at[2]].end) == ""  # 大学: an institution's


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("公爵の姉ブリギッタを女王とした。", ["ブリギッタ"]),  # a word unknown to the dictionary
        ("伯爵の娘ルドミラを妃に迎えた。", ["ルドミラ"]),
        ("彼の妻イルメリンは画家だった。", ["イルメリン"]),
    ],
)  # fmt: skip
def test_a_word_for_a_relative_before_a_word_makes_it_a_name(fast_detector, text, names):
    assert spans(fast_detector.analyze(text), "PERSON") == names


def test_a_candidate_listed_beside_a_likely_name_is_lifted(engine):
    from scanner.detect.recognizers.jp_person_recognizer import _listed_with_names
    from scanner.detect.recognizers.person_scorer import Candidate

    text = "ゴンザレス、ヴァシリエフ、ロドリゲス、日本学会"
    ms = engine.morphemes(text)
    cands = [Candidate(k, k, m.start, m.end) for k, m in enumerate(ms[:5]) if m.surface != "、"]
    cands.append(Candidate(6, 7, ms[6].start, ms[7].end))  # 日本|学会
    assert [text[c.start : c.end] for c in cands][-1] == "日本学会", [m.surface for m in ms]
    # the second is lifted beside the third; the first is too weak; a body is never lifted
    assert _listed_with_names(ms, cands, [0.2, 0.3, 0.9, 0.4]) == [0.2, 0.6, 0.9, 0.4]
    # no likely name beside them: nothing changes
    assert _listed_with_names(ms, cands, [0.5, 0.3, 0.5, 0.3]) == [0.5, 0.3, 0.5, 0.3]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("はじめまして、広報チームの杉浦です。", ["杉浦"]),
        ("このたび理事長に就任しました堀田でございます。", ["堀田"]),
        ("昨日行ってきた大島です。", []),  # a place after a verb: no 人名 token
        ("これは研究者のデータベースです。", []),
        # a longer common noun that is a surname too is the word; one kanji is the name
        ("私たちは皆さんの仲間です。担当者の大家です。", []),
        ("店長の林です。", ["林"]),
        # after a unit of the organisation, and surnames Sudachi reads as common nouns
        ("総務課の小川です。", ["小川"]),
        ("営業部の大西です。東京支店の小山でございます。", ["大西", "小山"]),
        ("営業部の方針です。東京支店の売上です。目的地は村の小川です。", []),
    ],
)  # fmt: skip
def test_one_introducing_oneself_gives_a_name(fast_detector, text, names):
    assert spans(fast_detector.analyze(text), "PERSON") == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("野口晩年の大作を見た。", ["野口"]),
        ("スコセッシ作品を三本見た。", ["スコセッシ"]),
        ("京都展を開催した。東北ゆかりの品を集めた。", []),  # places, not people
    ],
)  # fmt: skip
def test_a_name_in_a_compound_about_its_person_is_a_name(fast_detector, text, names):
    assert spans(fast_detector.analyze(text), "PERSON") == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("和歌は宗祇・宗長に伝わった。", ["宗祇", "宗長"]),  # two names listed with ・
        ("連歌は宗祇・肖柏が広めた。", ["宗祇", "肖柏"]),
        ("醸造家のマリオ・ベルトーニも参加した。", ["マリオ・ベルトーニ"]),  # one foreign name
    ],
)  # fmt: skip
def test_kanji_names_listed_with_a_middle_dot_are_names_each(fast_detector, text, names):
    assert spans(fast_detector.analyze(text), "PERSON") == names
