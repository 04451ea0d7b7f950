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


# Real fixtures (uchardet's test texts) showed these misreadings; the inputs below are
# written here, not copied from them.
LATIN = [
    ("Zaštita podataka, ščepec.", "iso8859_16"),
    ("Ochrona danych, sądy, mąż.", "cp852"),
    ("Hrvatska čuva šumu i žive ljude.", "iso8859_16"),
    ("Regatul (în daneză Sunet), două tări si mări, în regat.", "cp852"),
]


@pytest.mark.parametrize(("text", "codec"), LATIN)
def test_latin_text_that_happens_to_be_valid_cp932_is_not_read_as_japanese(
    text: str, codec: str
) -> None:
    data = text.encode(codec)
    assert data.decode("cp932")  # the trap: strictly valid cp932
    guess = detect_encoding(data, complete=True)
    assert guess is None or guess.encoding != "cp932"


def test_single_kanji_inside_ascii_words_lowers_plausibility_japanese_runs_do_not() -> None:
    latin_as_sjis = "Hrvatska čuva šumu i žive ljude.".encode("iso8859_16").decode("cp932")
    assert japanese_plausibility(latin_as_sjis) < 0.3
    for text in ("A社の山田です", "3月1日 B型", "TEL:03-1234 山田", "Re: 見積書"):
        assert japanese_plausibility(text) >= 0.5


KOREAN = "개인정보 보호법에 따라 고객의 이름과 주소를 안전하게 관리합니다. " * 4
CHINESE = "根据个人信息保护法的规定，公司必须妥善管理客户的姓名和地址信息。" * 4


@pytest.mark.parametrize(("text", "codec"), [(KOREAN, "euc_kr"), (CHINESE, "gb18030")])
def test_korean_and_chinese_legacy_bytes_are_not_read_as_euc_jp(text: str, codec: str) -> None:
    data = text.encode(codec)
    guess = detect_encoding(data, complete=True)
    assert guess is not None
    assert data.decode(guess.encoding) == text


def test_a_kanji_only_japanese_list_stays_japanese() -> None:
    rows = ["山田太郎,東京都千代田区", "佐藤花子,大阪府大阪市北区", "鈴木一郎,神奈川県横浜市中区"]
    text = "氏名,住所\n" + "\n".join(rows * 3) + "\n"
    for codec in ("euc_jp", "cp932"):
        guess = detect_encoding(text.encode(codec), complete=True)
        assert guess is not None and text.encode(codec).decode(guess.encoding) == text


def test_iso_2022_kr_is_recognised_by_its_designator() -> None:
    data = KOREAN.encode("iso2022_kr")
    guess = detect_encoding(data, complete=True)
    assert guess is not None and guess.encoding == "iso2022_kr" and guess.method == "escape"
