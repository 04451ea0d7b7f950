"""RTF documents and Outlook's TNEF (winmail.dat): their text and attachments are read."""

from __future__ import annotations

import io
import struct
from pathlib import Path

from connectors.files.sniff import FileType, sniff
from tests.connectors.files.conftest import scan


def _escaped(text: str) -> bytes:
    return b"".join(b"\\'" + f"{b:02x}".encode() for b in text.encode("cp932"))


def _rtf(body: bytes) -> bytes:
    return (
        rb"{\rtf1\ansi\ansicpg932\deff0{\fonttbl{\f0\fnil\fcharset128 MS Gothic;}}\f0 "
        + body
        + rb"\par}"
    )


def test_a_japanese_rtf_is_read_through_its_escapes(tmp_path: Path) -> None:
    (tmp_path / "memo.rtf").write_bytes(_rtf(_escaped("担当：山田太郎") + rb"\par 090-1234-5678"))
    (tmp_path / "unicode.rtf").write_bytes(_rtf(rb"\u20304?\u34276?\u33457?\u23376? san"))
    out = scan(tmp_path)
    assert out.entities("memo.rtf") == {"PERSON", "PHONE_NUMBER"}
    assert out.entities("unicode.rtf") == {"PERSON"}  # 佐藤花子
    assert out.errors == []


def _attribute(level: int, attribute: int, data: bytes) -> bytes:
    head = struct.pack("<BII", level, attribute, len(data))
    return head + data + struct.pack("<H", sum(data) & 0xFFFF)


def _tnef(subject: str, attachments: dict[str, bytes]) -> bytes:
    out = b"\x78\x9f\x3e\x22" + struct.pack("<H", 1)
    out += _attribute(1, 0x00089006, struct.pack("<I", 0x00010000))  # version
    out += _attribute(1, 0x00069007, struct.pack("<II", 932, 0))  # OEM code page
    out += _attribute(1, 0x00018004, subject.encode("cp932") + b"\0")
    for name, data in attachments.items():
        out += _attribute(2, 0x00069002, b"\0" * 14)  # attachment rendering: starts one
        out += _attribute(2, 0x00018010, name.encode("cp932") + b"\0")
        out += _attribute(2, 0x0006800F, data)
    return out


def test_a_winmail_dat_gives_its_subject_and_its_attachments(tmp_path: Path) -> None:
    csv = "氏名,電話\n山田太郎,090-1234-5678\n佐藤花子,090-8765-4321\n".encode()
    data = _tnef("山田太郎様の件", {"名簿.csv": csv, "memo.txt": b"taro@example.jp\n"})
    (tmp_path / "winmail.dat").write_bytes(data)
    out = scan(tmp_path)
    assert out.entities("winmail.dat", member=None) == {"PERSON"}  # the subject
    assert "PHONE_NUMBER" in out.entities("winmail.dat", member="名簿.csv")
    assert out.entities("winmail.dat", member="memo.txt") == {"EMAIL_ADDRESS"}
    assert out.errors == []


def test_sniffing_rtf_and_tnef() -> None:
    assert sniff(io.BytesIO(_rtf(b"x")), "a.doc").type == FileType.RTF  # saved as .doc
    assert sniff(io.BytesIO(_tnef("s", {})), "winmail.dat").type == FileType.TNEF
    assert sniff(io.BytesIO(b"{rtf is a word}"), "a.txt").type != FileType.RTF


def test_a_truncated_tnef_is_corrupt_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "winmail.dat").write_bytes(_tnef("件名", {"a.txt": b"x" * 100})[:60])
    out = scan(tmp_path)
    assert out.error_kinds("winmail.dat") <= {"corrupt"} and out.findings == []
