"""The encoding cascade on short and long Japanese samples in every encoding it claims."""

from __future__ import annotations

import pytest

from connectors.files.encoding import (
    decode_declared,
    detect_encoding,
    japanese_plausibility,
)

SHORT = ["山田", "山田太郎", "氏名", "東京都千代田区", "こんにちは", "テスト", "㈱山田商事", "髙橋"]
LONG = (
    "お客様各位\n平素は格別のお引き立てを賜り、厚く御礼申し上げます。\n"
    "氏名：山田太郎　電話：090-1234-5678　住所：東京都千代田区丸の内一丁目2番3号\n"
) * 40

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp932", "euc_jp", "iso2022_jp"]


def _roundtrip(text: str, encoding: str, complete: bool = True) -> str | None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"{text!r} has no {encoding} form")
    guess = detect_encoding(data, complete=complete)
    assert guess is not None
    return data.decode(guess.encoding)


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("text", SHORT)
def test_short_samples_decode_to_the_original(text: str, encoding: str) -> None:
    assert _roundtrip(text, encoding) == text


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_long_samples_decode_to_the_original(encoding: str) -> None:
    assert _roundtrip(LONG, encoding) == LONG


@pytest.mark.parametrize("encoding", ["utf-8", "cp932", "euc_jp"])
def test_a_sample_cut_inside_a_character_is_still_recognised(encoding: str) -> None:
    data = LONG.encode(encoding)
    cut = data[:1001] if data[1000] >= 0x80 else data[:1001]
    guess = detect_encoding(cut, complete=False)
    assert guess is not None and guess.encoding in (encoding, "euc_jis_2004")


def test_methods_say_which_evidence_decided() -> None:
    assert detect_encoding("山田".encode("utf-8-sig")).method == "bom"
    assert detect_encoding("山田".encode("iso2022_jp")).method == "escape"
    assert detect_encoding("山田".encode()).method == "utf-8"
    assert detect_encoding("山田".encode("cp932"), complete=True).method == "plausibility"
    assert detect_encoding(b"plain ascii").encoding == "utf-8"


def test_euc_read_as_cp932_is_implausible() -> None:
    euc = "山田太郎".encode("euc_jp")
    assert japanese_plausibility(euc.decode("cp932")) < japanese_plausibility(euc.decode("euc_jp"))


def test_nul_heavy_binary_is_not_utf16() -> None:
    assert detect_encoding(b"\x00\x01\x02\x03" * 100) is None


def test_declared_charsets_are_widened_to_what_mailers_send() -> None:
    # ① is a cp932 (NEC) character: labelled Shift_JIS it must still decode
    text, codec = decode_declared("①山田".encode("cp932"), "Shift_JIS")
    assert text == "①山田" and codec == "cp932"
    text, codec = decode_declared("山田".encode("iso2022_jp"), "ISO-2022-JP")
    assert text == "山田"
    # a wrong label loses to the bytes
    text, _ = decode_declared("山田太郎です".encode("euc_jp"), "utf-8")
    assert text == "山田太郎です"
    text, _ = decode_declared(b"abc", "no-such-charset")
    assert text == "abc"


def test_utf16_without_bom_is_found_by_its_nul_pattern() -> None:
    guess = detect_encoding("Name: Yamada, Tel: 090-1234-5678\n".encode("utf-16-le"))
    assert guess is not None and guess.encoding == "utf-16-le"
