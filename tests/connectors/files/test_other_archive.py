"""RAR, LZH, CAB and ISO images through libarchive: members read like ZIP members.

LZH is written here by hand (level-0 headers, stored ``-lh0-`` members: the format
Lhaplus still reads); an ISO 9660 image by libarchive's own writer. RAR and CAB go through
the same code (no writer for them is at hand).
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

import libarchive

from connectors.files.sniff import FileType, sniff
from tests.connectors.files.conftest import scan

CSV = "氏名,電話\n山田太郎,090-1234-5678\n佐藤花子,090-8765-4321\n".encode()


def _crc16(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


def _lzh(files: dict[str, bytes]) -> bytes:
    out = b""
    for name, data in files.items():
        raw = name.encode("cp932")  # as Japanese LHA tools write names
        body = (
            b"-lh0-" + struct.pack("<II", len(data), len(data)) + b"\0\0\0\0"
            + b"\x20\x00" + bytes([len(raw)]) + raw + struct.pack("<H", _crc16(data))
        )  # fmt: skip
        out += bytes([len(body), sum(body) & 0xFF]) + body + data
    return out + b"\0"


def test_an_lzh_archive_with_cp932_names_is_read(tmp_path: Path) -> None:
    (tmp_path / "名簿.lzh").write_bytes(_lzh({"顧客.csv": CSV, "memo.txt": b"taro@example.jp\n"}))
    out = scan(tmp_path)
    assert "PHONE_NUMBER" in out.entities("名簿.lzh", member="顧客.csv")
    assert out.entities("名簿.lzh", member="memo.txt") == {"EMAIL_ADDRESS"}
    assert out.errors == []


def test_an_iso_image_is_read(tmp_path: Path) -> None:
    with libarchive.file_writer(str(tmp_path / "backup.iso"), "iso9660") as archive:
        archive.add_file_from_memory("CUSTOMERS.CSV", len(CSV), CSV)
    out = scan(tmp_path)
    members = {f.location.get("member") for f in out.findings}
    assert len(members) == 1 and "PHONE_NUMBER" in out.entities("backup.iso", member=members.pop())


def test_limits_and_damage(tmp_path: Path) -> None:
    (tmp_path / "many.lzh").write_bytes(_lzh({f"f{i}.txt": b"taro@example.jp\n" for i in range(4)}))
    out = scan(tmp_path, archive_max_members=2)
    assert "archive_limit" in out.error_kinds("many.lzh")
    assert {f.location["member"] for f in out.findings} == {"f0.txt", "f1.txt"}
    big = _lzh({"a.txt": b"taro@example.jp\n", "zeros.bin": b"\0" * (5 * 1024 * 1024)})
    (tmp_path / "bomb.lzh").write_bytes(big)
    bomb = scan(tmp_path, archive_max_expanded_mb=2)
    assert "zip_bomb" in bomb.error_kinds("bomb.lzh")
    (tmp_path / "cut.lzh").write_bytes(_lzh({"a.txt": b"x" * 5000})[:300])
    cut = scan(tmp_path)
    assert cut.error_kinds("cut.lzh") <= {"corrupt"}


def test_sniffing_other_archives() -> None:
    assert sniff(io.BytesIO(_lzh({"a": b"x"})), "a.lzh").type == FileType.OTHER_ARCHIVE
    assert sniff(io.BytesIO(b"Rar!\x1a\x07\x00" + b"\0" * 40), "a.rar").type == (
        FileType.OTHER_ARCHIVE
    )
    assert sniff(io.BytesIO(b"MSCF\0\0\0\0" + b"\0" * 40), "a.cab").type == FileType.OTHER_ARCHIVE
