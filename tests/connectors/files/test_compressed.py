"""gzip / bzip2 / xz streams and tar archives: rotated logs and backups are read."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import tarfile
from pathlib import Path

import pytest

from connectors.files.extractors.compressed import _zstd, inflated_name
from connectors.files.sniff import FileType, sniff
from tests.connectors.files.conftest import scan

LOG = "2024-04-01 12:00:00 INFO 問い合わせ 山田太郎 090-1234-5678 taro@example.co.jp\n"


@pytest.mark.parametrize(
    ("name", "pack"),
    [("access.log.2.gz", gzip.compress), ("dump.log.bz2", bz2.compress),
     ("dump.log.xz", lzma.compress), ("app.log.zst", _zstd().compress)],
)  # fmt: skip
def test_a_compressed_log_is_inflated_and_read(tmp_path: Path, name: str, pack) -> None:
    (tmp_path / name).write_bytes(pack(LOG.encode() * 3))
    out = scan(tmp_path)
    member = inflated_name(name)
    assert out.entities(name, member=member) == {"PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"}
    assert out.errors == []


def _tar(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("link-to-etc")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tar.addfile(link)  # never followed
    return buffer.getvalue()


def test_a_tar_gz_backup_is_read_member_by_member(tmp_path: Path) -> None:
    csv = "氏名,電話\n山田太郎,090-1234-5678\n佐藤花子,090-8765-4321\n".encode()
    data = _tar({"export/customers.csv": csv, "export/notes.txt": b"hanako@example.jp\n"})
    (tmp_path / "backup.tgz").write_bytes(gzip.compress(data))
    (tmp_path / "plain.tar").write_bytes(data)
    out = scan(tmp_path)
    assert "PHONE_NUMBER" in out.entities("backup.tgz", member="backup.tar/export/customers.csv")
    assert out.entities("backup.tgz", member="backup.tar/export/notes.txt") == {"EMAIL_ADDRESS"}
    assert out.entities("plain.tar", member="export/notes.txt") == {"EMAIL_ADDRESS"}
    assert out.errors == []


def test_a_gzip_bomb_is_cut_at_the_sample_budget_and_the_expansion_limit(tmp_path: Path) -> None:
    bomb = gzip.compress(b"heartbeat ok\n" * (5 * 1024 * 1024) + LOG.encode())  # 65 MB: 190 KB
    (tmp_path / "bomb.log.gz").write_bytes(bomb)
    sample = scan(tmp_path, per_file_budget_mb=1)
    assert sample.findings == [] and sample.errors == []  # read 1 MB, then stop
    assert sample.results[0].metadata["files"]["bomb.log.gz"]["truncated"] is True
    full = scan(tmp_path, mode="full", archive_max_expanded_mb=8)
    assert full.error_kinds("bomb.log.gz") == {"too_large"}


def test_tar_member_limits(tmp_path: Path) -> None:
    data = _tar({f"f{i}.txt": LOG.encode() for i in range(5)})
    (tmp_path / "many.tar").write_bytes(data)
    out = scan(tmp_path, archive_max_members=2)
    assert {f.location["member"] for f in out.findings} == {"f0.txt", "f1.txt"}
    assert "archive_limit" in out.error_kinds("many.tar")


def test_a_broken_gzip_is_corrupt_and_the_scan_goes_on(tmp_path: Path) -> None:
    (tmp_path / "cut.log.gz").write_bytes(gzip.compress(LOG.encode() * 100)[:40])
    (tmp_path / "ok.log").write_text(LOG)
    out = scan(tmp_path)
    assert out.error_kinds("cut.log.gz") == {"corrupt"}
    assert "PHONE_NUMBER" in out.entities("ok.log")


def test_sniffing_and_names() -> None:
    assert sniff(io.BytesIO(gzip.compress(b"x")), "a.gz").type == FileType.COMPRESSED
    assert sniff(io.BytesIO(bz2.compress(b"x")), "a").type == FileType.COMPRESSED
    assert sniff(io.BytesIO(_tar({"a": b"x"})), "a.tar").type == FileType.TAR
    assert sniff(io.BytesIO(b"BZh is how this line starts\n"), "a.txt").type == FileType.TEXT
    assert inflated_name("logs/app.log.1.gz") == "app.log.1"
    assert inflated_name("backup.TGZ") == "backup.tar" and inflated_name("blob") == "blob.inflated"
