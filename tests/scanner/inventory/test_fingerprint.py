"""Fingerprints: one digest per person's value however it is typed; keys stay secret."""

from __future__ import annotations

import stat

import pytest

from scanner.fingerprint import (
    KEY_ENV,
    Fingerprinter,
    FingerprintKeyError,
    MissingKeyError,
    create_key,
    load_key,
    normalize_value,
)

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


def test_a_key_file_is_created_0600_only_when_asked(tmp_path):
    key_file = tmp_path / "keys" / "kojin-hmac.key"
    with pytest.raises(MissingKeyError):
        load_key(key_file, environ={})  # never made on the side
    assert not key_file.exists()
    first = create_key(key_file)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600 and len(first) >= 32
    assert load_key(key_file, environ={}) == first
    with pytest.raises(FingerprintKeyError, match="already there"):
        create_key(key_file)
    from_env = "e" * 32
    assert load_key(key_file, environ={KEY_ENV: from_env}) == from_env.encode()


@pytest.mark.parametrize("short", ["a", "x" * 31])
def test_short_keys_are_refused(tmp_path, short):
    with pytest.raises(FingerprintKeyError, match="shorter than 32 bytes"):
        load_key(tmp_path / "none.key", environ={KEY_ENV: short})
    key_file = tmp_path / "short.key"
    key_file.write_text(short)
    key_file.chmod(0o600)
    with pytest.raises(FingerprintKeyError, match="shorter than 32 bytes"):
        load_key(key_file, environ={})


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660])
def test_a_key_file_open_to_others_is_refused(tmp_path, mode):
    key_file = tmp_path / "kojin-hmac.key"
    create_key(key_file)
    key_file.chmod(mode)
    with pytest.raises(FingerprintKeyError, match=f"open to others \\(mode {mode:04o}\\)"):
        load_key(key_file, environ={})
