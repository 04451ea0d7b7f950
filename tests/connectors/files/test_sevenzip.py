"""7-Zip archives: members read like ZIP members, under the same limits."""

from __future__ import annotations

import io
from pathlib import Path

import py7zr

from connectors.files.sniff import FileType, sniff
from tests.connectors.files.conftest import scan

CSV = "氏名,電話\n山田太郎,090-1234-5678\n佐藤花子,090-8765-4321\n".encode()


def _7z(path: Path, files: dict[str, bytes], password: str | None = None) -> None:
    with py7zr.SevenZipFile(path, "w", password=password) as archive:
        for name, data in files.items():
            archive.writestr(data, name)


def test_members_of_a_7z_are_read(tmp_path: Path) -> None:
    _7z(tmp_path / "backup.7z", {"名簿/customers.csv": CSV, "notes.txt": b"taro@example.jp\n"})
    out = scan(tmp_path)
    assert "PHONE_NUMBER" in out.entities("backup.7z", member="名簿/customers.csv")
    assert out.entities("backup.7z", member="notes.txt") == {"EMAIL_ADDRESS"}
    assert out.errors == []


def test_a_password_protected_7z_is_encrypted(tmp_path: Path) -> None:
    _7z(tmp_path / "secret.7z", {"notes.txt": b"taro@example.jp\n"}, password="pw")
    out = scan(tmp_path)
    assert out.error_kinds("secret.7z") == {"encrypted"} and out.findings == []


def test_7z_limits(tmp_path: Path) -> None:
    big = b"\0" * (3 * 1024 * 1024)
    _7z(tmp_path / "bomb.7z", {"a.txt": b"taro@example.jp\n", "zeros.bin": big, "z2.bin": big})
    out = scan(tmp_path, archive_max_expanded_mb=4)
    assert "zip_bomb" in out.error_kinds("bomb.7z")
    assert out.entities("bomb.7z", member="a.txt") == {"EMAIL_ADDRESS"}
    _7z(tmp_path / "many.7z", {f"f{i}.txt": b"taro@example.jp\n" for i in range(4)})
    many = scan(tmp_path, archive_max_members=2)
    assert "archive_limit" in many.error_kinds("many.7z")


def test_a_cut_7z_is_corrupt_and_the_scan_goes_on(tmp_path: Path) -> None:
    _7z(tmp_path / "whole.7z", {"notes.txt": b"taro@example.jp\n" * 50})
    data = (tmp_path / "whole.7z").read_bytes()
    (tmp_path / "cut.7z").write_bytes(data[: len(data) // 2])
    out = scan(tmp_path)
    assert out.error_kinds("cut.7z") == {"corrupt"}
    assert out.entities("whole.7z", member="notes.txt") == {"EMAIL_ADDRESS"}
    assert sniff(io.BytesIO(data), "x.7z").type == FileType.SEVEN_ZIP
