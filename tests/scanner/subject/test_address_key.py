"""One key for the ways one address is written."""

from __future__ import annotations

import pytest

from scanner.subject.address_key import address_keys, kanji_number


@pytest.mark.parametrize(
    ("written", "asked"),
    [
        ("東京都千代田区千代田一丁目1番1号 皇居ビル3F", "千代田区千代田1-1-1"),
        ("〒100-0001 千代田1−1−1", "東京都千代田区千代田１－１－１"),
        ("大阪府大阪市北区梅田三丁目1番3号", "梅田3-1-3"),
        ("長野県上高井郡小布施町大字小布施1234番地", "上高井郡小布施町小布施1234"),
        ("北海道札幌市中央区北1条西二丁目3番地", "札幌市中央区北1条西2-3"),
        ("東京都港区六本木六丁目10番1号六本木ヒルズ森タワー", "港区六本木6丁目10-1"),
        ("神奈川県横浜市西区東三島二十三番地の5", "横浜市西区東三島23-5"),
    ],
)
def test_forms_of_one_address_share_a_key(written, asked):
    assert set(address_keys(written)) & set(address_keys(asked))


@pytest.mark.parametrize(
    ("a", "b"),
    [("千代田区千代田1-1-1", "千代田区千代田1-1-2"), ("港区六本木6-10-1", "港区赤坂6-10-1")],
)
def test_other_addresses_stay_apart(a, b):
    assert not set(address_keys(a)) & set(address_keys(b))


def test_kanji_numerals():
    numbers = [kanji_number(t) for t in ("三", "十", "二十三", "百五", "一〇五")]
    assert numbers == [3, 10, 23, 105, 105]
