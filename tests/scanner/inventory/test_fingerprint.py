"""Fingerprints: one digest per person's value however it is typed; keys stay secret."""

from __future__ import annotations

import stat

import pytest

from scanner.fingerprint import KEY_ENV, Fingerprinter, load_or_create_key, normalize_value

SAME_VALUE = [
    ("PHONE_NUMBER",
     ["090-1234-5678", "０９０－１２３４－５６７８", "+81 90 1234 5678", "09012345678"],
     "09012345678"),
    ("PHONE_NUMBER", ["03-1234-5678", "+81-3-1234-5678", "(03)1234-5678"], "0312345678"),
    ("EMAIL_ADDRESS", ["Taro.Yamada@Example.co.jp", " taro.yamada@example.co.jp "],
     "taro.yamada@example.co.jp"),
    ("PERSON", ["山田 太郎", "山田　太郎", "山田太郎様"], "山田太郎"),
    ("PERSON", ["やまだ たろう", "ヤマダ タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ"], "ヤマダタロウ"),
    ("DATE_OF_BIRTH", ["昭和60年4月1日", "1985/4/1", "19850401", "S60.4.1"], "1985-04-01"),
    ("JP_MY_NUMBER", ["1234 5678 9018", "123456789018"], "123456789018"),
    ("JP_PASSPORT", ["tk1234567", "TK-1234567"], "TK1234567"),
    ("ADDRESS", ["東京都千代田区神田富山町５－１", "東京都千代田区神田富山町 5-1"],
     "東京都千代田区神田富山町5-1"),
]  # fmt: skip


@pytest.mark.parametrize(("entity", "values", "normalized"), SAME_VALUE)
def test_ways_of_typing_one_value_meet(entity, values, normalized):
    fp = Fingerprinter(b"k")
    assert {normalize_value(entity, v) for v in values} == {normalized}
    assert len({fp.fingerprint(entity, v) for v in values}) == 1


def test_digest_is_keyed_and_never_the_value():
    a, b = Fingerprinter(b"key-a"), Fingerprinter(b"key-b")
    digest = a.fingerprint("PHONE_NUMBER", "090-1234-5678")
    assert digest != b.fingerprint("PHONE_NUMBER", "090-1234-5678")
    assert len(digest) == 64 and "5678" not in digest
    assert "key-a" not in repr(a)
    assert a.fingerprint("EMAIL_ADDRESS", "  ") is None
    assert a.fingerprints("PERSON", ["山田 太郎", "山田太郎", "鈴木"]) == (
        a.fingerprint("PERSON", "山田太郎"), a.fingerprint("PERSON", "鈴木"))  # fmt: skip


def test_key_file_is_created_once_with_0600(tmp_path):
    key_file = tmp_path / "keys" / "kojin-hmac.key"
    first = load_or_create_key(key_file, environ={})
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert load_or_create_key(key_file, environ={}) == first
    assert load_or_create_key(key_file, environ={KEY_ENV: "from-env"}) == b"from-env"
