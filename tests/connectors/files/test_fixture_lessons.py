"""What other libraries' public test fixtures taught the file connector (issue 10).

Each case was seen on a held-out fixture set (uchardet's test texts, flanker's e-mails);
the inputs here are synthetic, written for the test.
"""

from __future__ import annotations

import random
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import pytest

from connectors.files.encoding import detect_encoding
from tests.connectors.files.conftest import scan


def _noise(n: int, seed: int = 3) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(128, 256) for _ in range(n))


def test_japanese_utf8_with_a_stray_byte_stays_utf8() -> None:
    text = "氏名：山田太郎\n電話：090-1234-5678\n住所：東京都千代田区丸の内\n" * 5
    data = text.encode() + b"\xb4\n" + text.encode()
    guess = detect_encoding(data, complete=True)
    assert guess is not None and guess.encoding == "utf-8"
    assert "山田太郎" in data.decode(guess.encoding, errors="replace")


def test_cp932_text_is_not_taken_for_damaged_utf8() -> None:
    data = ("お客様各位\n氏名：山田太郎　住所：東京都千代田区\n" * 5).encode("cp932")
    guess = detect_encoding(data, complete=True)
    assert guess is not None and guess.encoding == "cp932"


def test_an_email_with_raw_8bit_headers_in_no_charset_is_read_as_email(tmp_path: Path) -> None:
    name = "Юрий Гагарин".encode()
    head = (
        b"From: " + name + b"\xf1 <yuri@example.com>\r\nTo: \xb4taro@example.jp\r\n"
        b"Subject: \xb4!\r\nDate: Fri, 13 Jul 2012 10:06:49 -0200\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
    )
    (tmp_path / "odd.eml").write_bytes(head + b"Taro Yamada 090-1234-5678\r\n")
    out = scan(tmp_path)
    assert not out.error_kinds("odd.eml") & {"undecodable", "wrong_extension"}
    assert {"PERSON", "PHONE_NUMBER"} <= out.entities("odd.eml")


def _mail_with(maintype: str, subtype: str, data: bytes) -> bytes:
    message = EmailMessage()
    message["From"] = "Taro Yamada <taro@example.jp>"
    message["To"] = "hanako@example.jp"
    message["Subject"] = "files"
    message.set_content("see attached")
    message.add_attachment(data, maintype=maintype, subtype=subtype, filename=None)
    return message.as_bytes(policy=SMTP)


def test_a_declared_binary_attachment_is_binary_not_undecodable(tmp_path: Path) -> None:
    (tmp_path / "sound.eml").write_bytes(_mail_with("audio", "basic", _noise(4000)))
    (tmp_path / "sig.eml").write_bytes(_mail_with("application", "pkcs7-signature", _noise(900)))
    out = scan(tmp_path)
    assert "undecodable" not in out.error_kinds()
    assert "EMAIL_ADDRESS" in out.entities("sound.eml")


def test_a_text_attachment_that_does_not_decode_is_still_undecodable(tmp_path: Path) -> None:
    (tmp_path / "bad.eml").write_bytes(_mail_with("application", "octet-stream", _noise(4000)))
    assert "undecodable" in scan(tmp_path).error_kinds("bad.eml")


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text", ["Name: Taro Yamada, phone 090-1234-5678\n", "山田太郎様 090\n"])
def test_utf32_without_a_bom_is_text(codec: str, text: str) -> None:
    data = (text * 4).encode(codec)
    guess = detect_encoding(data, complete=True)
    assert guess is not None and data.decode(guess.encoding) == text * 4


def test_nul_heavy_binary_is_not_utf32() -> None:
    assert detect_encoding(b"\x07\x00\x00\x00" * 64, complete=True) is None


_CZECH = (
    "Příliš žluťoučký kůň úpěl ďábelské ódy. Šťastný Řehoř si koupil žádost o úvěr.\n"
    "V pondělí přijde paní Šárka z Brna, žádá o schůzku ve čtvrtek.\n"
)
_FRENCH = (
    "Le cœur de l'œuvre : une sœur, un bœuf et un œuf pour 15 € seulement.\n"
    "Les élèves étudient l'économie à l'école supérieure.\n"
)
_POLISH = (
    "Zażółć gęślą jaźń. Śródmieście, źdźbło, Łódź i Kraków są piękne.\n"
    "Pani Świątek wróciła wczoraj.\n"
)
_GERMAN = "Der Bär läuft über die Brücke. Grüße aus Köln, Jürgen Müller.\nSchöne Tage.\n"


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (_CZECH, "iso8859-2"),  # charset-normalizer: cp1258, every š an ą-like letter
        (_FRENCH, "iso8859-15"),  # charset-normalizer: iso8859-10, œ read as ½-like
        (_POLISH, "cp1250"),
        (_POLISH, "iso8859-2"),
        (_GERMAN, "iso8859-1"),
        (_GERMAN, "cp1252"),
    ],
)
def test_latin_text_is_read_with_the_code_page_whose_letters_fit(text: str, codec: str) -> None:
    data = (text * 3).encode(codec)
    guess = detect_encoding(data, complete=True)
    assert guess is not None
    assert data.decode(guess.encoding) == text * 3


@pytest.mark.parametrize("codec", ["cp932", "euc_jp", "iso2022_jp"])
def test_japanese_files_do_not_go_to_the_latin_ranking(codec: str) -> None:
    text = "お客様各位\n氏名：山田太郎　住所：東京都千代田区丸の内1-1\n電話：090-1234-5678\n" * 3
    guess = detect_encoding(text.encode(codec), complete=True)
    assert guess is not None and guess.method != "latin-alphabet"
    assert text.encode(codec).decode(guess.encoding) == text
