"""Context words and honorifics count as whole words, never as part of a longer one (issue 10)."""

from __future__ import annotations

import pytest

from scanner.detect.context_enhancer import find_context
from scanner.detect.recognizers.jp_person_recognizer import honorific_at
from tests.assertions import assert_not_detects


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("https://www.adobe.com/ 1990-04-01", "dob"),  # dob inside adobe
        ("カナダとアイルランド", "カナ"),  # カナ inside カナダ
        ("username 山田", "name"),
    ],
)
def test_word_inside_a_longer_word_is_no_context(text, word):
    start = len(text) - 2
    assert find_context(text, start, len(text), [word], [], (40, 0)) is None


@pytest.mark.parametrize(
    ("text", "word"),
    [("DOB: 1990-04-01", "dob"), ("カナ：アイルランド", "カナ"), ("氏名欄 山田", "氏名"),
     ("user_name 山田", "name"), ("お名前(カナ) ヤマダ", "カナ")],
)  # fmt: skip
def test_whole_word_is_context(text, word):
    start = len(text) - 2
    assert find_context(text, start, len(text), [word], [], (40, 0)) is not None


@pytest.mark.parametrize("text", ["京都サンガの試合", "池袋サンシャインで待ち合わせ"])
def test_katakana_honorific_inside_a_katakana_word_is_none(text):
    assert honorific_at(text, 2) == ""


def test_katakana_honorific_alone_counts():
    assert honorific_at("ヤマダサン、こんにちは", 3) == "サン"


@pytest.mark.parametrize(
    "text",
    [
        "開発部長（リードエンジニア）として参加",
        "技術顧問（シニアコンサルタント）",
        "To Do: 資料作成",
        "You Owe Me",
        "San Juan の港",
        "お名前の欄：To Do リスト",
        "https://www.adobe.com/ カナダとアイルランドの旅",
    ],
)
def test_no_person_in_look_alikes(fast_detector, text):
    assert_not_detects(text, fast_detector.analyze(text), "PERSON")


def test_no_birthdate_from_a_url_with_adobe(fast_detector):
    text = "https://www.adobe.com/download 2001-04-01"
    assert_not_detects(text, fast_detector.analyze(text), "DATE_OF_BIRTH")
