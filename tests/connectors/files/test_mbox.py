"""mbox mail folders: each message read as an e-mail, its encodings and attachments too."""

from __future__ import annotations

import base64
import io
from pathlib import Path

from connectors.files.extractors.mbox import _MessageReader
from connectors.files.sniff import FileType, sniff
from tests.connectors.files.conftest import scan
from tests.fakes import FakeDetector


def _message(envelope: str, headers: str, body: bytes) -> bytes:
    return f"From {envelope}\n{headers}\n\n".encode() + body + b"\n"


JIS = _message(
    "taro@example.jp Mon Jan  1 00:00:00 2024",
    "From: taro@example.jp\nTo: hanako@example.co.jp\nSubject: jis\nMIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=ISO-2022-JP\nContent-Transfer-Encoding: 7bit",
    "山田太郎です。電話は090-1234-5678です。\n".encode("iso-2022-jp"),
)
BASE64 = _message(
    "- Tue Jan  2 00:00:00 2024",
    "From: ichiro@example.com\nTo: a@example.com\nSubject: b64\n"
    "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64",
    base64.encodebytes("鈴木一郎 連絡先 03-1234-5678\n".encode()),
)


class RecordingDetector(FakeDetector):
    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def analyze(self, text, context=()):
        self.texts.append(text)
        return super().analyze(text, context)


def test_each_message_is_decoded_and_found_under_its_own_member(tmp_path: Path) -> None:
    (tmp_path / "Inbox").write_bytes(JIS + BASE64)  # Thunderbird: no extension
    out = scan(tmp_path)
    assert out.entities("Inbox", member="message-1.eml") == {
        "PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"
    }  # fmt: skip
    assert out.entities("Inbox", member="message-2.eml") == {
        "PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"
    }  # fmt: skip
    assert out.errors == []


def test_from_lines_escaped_in_a_body_are_unescaped_and_do_not_split(tmp_path: Path) -> None:
    body = b"first line\n>From the archive: quoted\n\n>>From twice\nlast 090-1234-5678\n"
    message = _message(
        "a@example.com Wed Jan  3 00:00:00 2024", "From: a@example.com\nSubject: esc", body
    )
    (tmp_path / "mail.mbox").write_bytes(message + BASE64)
    detector = RecordingDetector()
    out = scan(tmp_path, detector=detector)
    text = "\n".join(detector.texts)
    assert "\nFrom the archive: quoted" in text and ">From twice" in text
    assert {f.location["member"] for f in out.findings} == {"message-1.eml", "message-2.eml"}
    assert "wrong_extension" not in out.error_kinds()


def test_an_attachment_inside_a_message_is_read_as_a_table(tmp_path: Path) -> None:
    csv = base64.encodebytes("氏名,電話\n山田太郎,090-1234-5678\n佐藤花子,090-8765-4321\n".encode())
    message = _message(
        "b@example.com Thu Jan  4 00:00:00 2024",
        "From: b@example.com\nSubject: list\nMIME-Version: 1.0\nContent-Type: multipart/mixed; "
        'boundary="XX"',
        b"--XX\nContent-Type: text/plain\n\nsee attached\n--XX\nContent-Type: text/csv\n"
        b'Content-Disposition: attachment; filename="list.csv"\nContent-Transfer-Encoding: '
        b"base64\n\n" + csv + b"--XX--\n",
    )
    (tmp_path / "archive.mbox").write_bytes(message)
    out = scan(tmp_path)
    assert "PHONE_NUMBER" in out.entities("archive.mbox", member="message-1.eml/list.csv")


def test_messages_past_the_member_limit_are_reported_not_read(tmp_path: Path) -> None:
    (tmp_path / "big.mbox").write_bytes(JIS + BASE64 + JIS + BASE64)
    out = scan(tmp_path, archive_max_members=2)
    assert {f.location["member"] for f in out.findings} == {"message-1.eml", "message-2.eml"}
    assert "archive_limit" in out.error_kinds("big.mbox")


def test_sniffing_an_mbox() -> None:
    assert sniff(io.BytesIO(JIS + BASE64), "Inbox").type == FileType.MBOX
    assert sniff(io.BytesIO(JIS), "saved.eml").type == FileType.EML  # one message, envelope
    raw = _message("c@example.com Fri Jan  5 00:00:00 2024", "From: c\nSubject: \xff", b"\xff\xfe")
    assert sniff(io.BytesIO(raw.replace(b"\xc3\xbf", b"\xff")), "spool").type == FileType.MBOX
    assert sniff(io.BytesIO(b"From here on, prose.\nIt: is not mail\n"), "a.txt").type == (
        FileType.TEXT
    )


def test_the_message_reader_streams_a_range_in_small_reads() -> None:
    data = b"x\n>From y\nzz\n" * 1000 + b"tail"
    reader = _MessageReader(io.BytesIO(data), 2, len(data) - 4)
    out = bytearray()
    buffer = bytearray(7)
    while n := reader.readinto(buffer):
        out += buffer[:n]
    assert bytes(out) == data[2:-4].replace(b">From", b"From")


def test_an_unescaped_from_line_in_a_body_does_not_cut_the_message(tmp_path: Path) -> None:
    body = b"favourite film:\n\nFrom Russia with love\nYear: 1963\n\nbye 090-1234-5678\n"
    message = _message("- Sat Jan  6 00:00:00 2024", "From: d@example.com\nSubject: films", body)
    (tmp_path / "films.mbox").write_bytes("\ufeff".encode() + message + BASE64)
    out = scan(tmp_path)
    assert {f.location["member"] for f in out.findings} == {"message-1.eml", "message-2.eml"}
    assert "PHONE_NUMBER" in out.entities("films.mbox", member="message-1.eml")
    assert out.errors == []
