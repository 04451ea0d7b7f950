from __future__ import annotations

import pytest

from scanner.detect.text_normalizer import normalize


@pytest.mark.parametrize(
    ("original", "normalized"),
    [
        ("０９０－１２３４－５６７８", "090-1234-5678"),
        ("090ー1234ー5678", "090-1234-5678"),  # prolonged sound mark between digits
        ("メールアドレス", "メールアドレス"),  # ... but not inside katakana
        ("ｶﾞｲﾄﾞ", "ガイド"),  # half-width voiced marks compose
        ("山田　太郎", "山田 太郎"),
        ("03‐1234―5678", "03-1234-5678"),
    ],
)
def test_normalize(original, normalized):
    assert normalize(original).text == normalized


def test_offsets_map_back_through_composed_characters():
    norm = normalize("ｶﾞｲﾄﾞ ０９０")
    start = norm.text.index("090")
    s, e = norm.original_span(start, start + 3)
    assert norm.original[s:e] == "０９０"
    s, e = norm.original_span(0, 1)
    assert norm.original[s:e] == "ｶﾞ"


def test_ascii_text_is_not_copied():
    norm = normalize("plain ascii 123")
    assert norm.starts is None and norm.original_span(2, 5) == (2, 5)
