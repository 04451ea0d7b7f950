"""Corrupt and hostile files: each is reported with a kind and a reason; the scan finishes."""

from __future__ import annotations

import json
import os
import random
import time
import zipfile
from pathlib import Path

import pytest

from connectors.files.source import FilesSource
from scanner.scan.runner import Runner
from tests.connectors.files import builders
from tests.connectors.files.conftest import FakeDetector, make_config, scan

GOOD = "山田太郎 090-1234-5678\n"


def _write(root: Path, name: str, data: bytes) -> Path:
    path = root / name
    path.write_bytes(data)
    return path


def _assert_control_file_scanned(out) -> None:
    assert out.entities("good.txt") == {"PERSON", "PHONE_NUMBER"}


@pytest.fixture
def share(tmp_path: Path) -> Path:
    _write(tmp_path, "good.txt", GOOD.encode())
    return tmp_path


def test_truncated_zip_xlsx_pdf(share: Path) -> None:
    xlsx = builders.build_xlsx({"s": [["氏名", "電話"], ["山田太郎", "090-1234-5678"]]})
    zipped = builders.build_zip({"a.txt": GOOD.encode() * 100})
    pdf = builders.build_pdf([["山田太郎 090-1234-5678"]] * 3)
    _write(share, "cut.xlsx", xlsx[: len(xlsx) // 2])
    _write(share, "cut.zip", zipped[: len(zipped) // 2])
    _write(share, "cut.pdf", pdf[: len(pdf) // 3])
    out = scan(share)
    _assert_control_file_scanned(out)
    for name in ("cut.xlsx", "cut.zip"):
        assert "corrupt" in out.error_kinds(name), name
    errors = [e for e in out.errors if e.location["path"] == "cut.pdf"]
    # pdfminer recovers what it can from a cut PDF: either text or a reported error
    assert errors or out.entities("cut.pdf")
    for error in out.errors:
        assert error.message and "山田" not in error.message and "090" not in error.message


def test_zip_bomb_nested(share: Path) -> None:
    _write(share, "bomb.zip", builders.build_zip_bomb(expanded_mb=12, nested=2))
    started = time.monotonic()
    out = scan(share)
    assert time.monotonic() - started < 10
    _assert_control_file_scanned(out)
    bomb = [e for e in out.errors if e.location["path"] == "bomb.zip"]
    assert [e.kind for e in bomb] == ["zip_bomb"]
    assert bomb[0].location["member"] == "layer1.zip/layer0.zip/zeros.txt"
    assert "expands" in bomb[0].message


def test_a_member_lying_about_its_size_is_cut_off_while_read(share: Path, monkeypatch) -> None:
    """Declared sizes pass the ratio check; the counting reader still stops the bytes."""
    _write(share, "liar.zip", builders.build_zip({"big.txt": b"x" * (3 * 1024 * 1024)}))
    out = scan(share, archive_max_expanded_mb=1.0, archive_max_ratio=1e9)
    assert "zip_bomb" in out.error_kinds("liar.zip")
    # and a member whose stream yields more than it declared
    from connectors.files import limits

    reader = limits.CountingReader(__import__("io").BytesIO(b"y" * 100), declared=10)
    with pytest.raises(limits.LimitError):
        reader.read(100)


def test_deeply_nested_archive(share: Path) -> None:
    _write(share, "deep.zip", builders.build_nested_zip(6, GOOD.encode()))
    out = scan(share)
    _assert_control_file_scanned(out)
    deep = [e for e in out.errors if e.location["path"] == "deep.zip"]
    assert [e.kind for e in deep] == ["too_deep"]
    assert deep[0].location["member"].count("/") == 3
    shallow = builders.build_nested_zip(3, GOOD.encode())
    _write(share, "deep.zip", shallow)
    assert scan(share).entities("deep.zip") == {"PERSON", "PHONE_NUMBER"}


def test_sparse_2gb_file_is_skipped_or_sampled_in_bounded_memory(share: Path) -> None:
    big = share / "huge.log"
    with open(big, "wb") as f:
        f.write(GOOD.encode() * 10)
        f.truncate(2 * 1024**3)
    out = scan(share)
    assert out.error_kinds("huge.log") == {"too_large"}
    _assert_control_file_scanned(out)
    started = time.monotonic()
    out = scan(share, max_file_size_mb=4096, per_file_budget_mb=1, file_timeout_s=0)
    assert time.monotonic() - started < 20
    assert out.entities("huge.log") == {"PERSON", "PHONE_NUMBER"}
    meta = out.results[0].metadata["files"]["huge.log"]
    assert meta["sampled"] is True and meta["size"] == 2 * 1024**3
    assert out.stat("bytes") >= 2 * 1024**3  # share size counted, not read


def test_undecodable_bytes(share: Path) -> None:
    rng = random.Random(7)
    _write(share, "notes.txt", bytes(rng.randrange(128, 256) for _ in range(5000)))
    out = scan(share)
    assert out.error_kinds("notes.txt") & {"undecodable", "binary"}
    _assert_control_file_scanned(out)


def test_unreadable_file(share: Path, monkeypatch) -> None:
    """Tests run as root, which reads anything: the open itself is made to fail."""
    locked = _write(share, "locked.txt", GOOD.encode())
    real_open = os.open

    def fake_open(path, flags, *args, **kwargs):
        if os.fsdecode(path) == str(locked):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)
    out = scan(share)
    assert out.error_kinds("locked.txt") == {"permission"}
    assert out.entities("locked.txt") == set()
    _assert_control_file_scanned(out)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores permissions")
def test_unreadable_file_for_real(share: Path) -> None:
    _write(share, "locked.txt", GOOD.encode()).chmod(0)
    assert scan(share).error_kinds("locked.txt") == {"permission"}


def test_file_that_vanishes_between_crawl_and_scan(share: Path) -> None:
    _write(share, "gone.txt", GOOD.encode())
    source = FilesSource(make_config(share))
    units = list(source.work_units())
    (share / "gone.txt").unlink()
    results = [Runner(FakeDetector(), None).run(source, u) for u in units]
    errors = [e for r in results for e in r.errors]
    assert [(e.location, e.kind) for e in errors] == [({"path": "gone.txt"}, "vanished")]


def test_file_swapped_for_a_symlink_after_the_crawl_is_not_followed(share: Path) -> None:
    target = share.parent / f"{share.name}-outside.txt"
    target.write_text(GOOD)
    _write(share, "swap.txt", b"harmless")
    source = FilesSource(make_config(share))
    units = list(source.work_units())
    (share / "swap.txt").unlink()
    os.symlink(target, share / "swap.txt")
    result = Runner(FakeDetector(), None).run(source, units[0])
    assert {e.kind for e in result.errors if e.location["path"] == "swap.txt"}
    assert not [f for f in result.findings if f.location["path"] == "swap.txt"]


def test_folder_swapped_for_a_symlink_after_the_crawl_is_not_followed(share: Path) -> None:
    """O_NOFOLLOW guards the last component only: ``sub/`` becoming a link to a folder
    outside must not lead the read out of the root (the issue read an outside file)."""
    outside = share.parent / f"{share.name}-outside"
    outside.mkdir()
    (outside / "list.txt").write_text(GOOD)
    (share / "sub").mkdir()
    _write(share, "sub/list.txt", b"harmless")
    source = FilesSource(make_config(share))
    units = list(source.work_units())
    (share / "sub" / "list.txt").unlink()
    (share / "sub").rmdir()
    os.symlink(outside, share / "sub")
    results = [Runner(FakeDetector(), None).run(source, u) for u in units]
    errors = [e for r in results for e in r.errors if e.location.get("path") == "sub/list.txt"]
    assert [e.kind for e in errors] == ["symlink"]
    assert not [f for r in results for f in r.findings if "list.txt" in f.location["path"]]


def test_fifo_does_not_hang_the_scan(share: Path) -> None:
    os.mkfifo(share / "pipe.txt")
    out = scan(share)
    assert out.error_kinds("pipe.txt") == {"special_file"}


def test_corrupt_documents(share: Path) -> None:
    broken_docx = builders.build_zip(
        {"[Content_Types].xml": b"<x/>", "word/document.xml": b"<not really xml"}
    )
    _write(share, "broken.docx", broken_docx)
    msg = builders.build_msg("s", GOOD, "a@example.jp", "b@example.jp")
    _write(share, "cut.msg", msg[:700])
    _write(share, "bad.json", b'{"name": "\xff\xfe' + b"[" * 100_000)
    _write(
        share,
        "laughs.xml",
        (
            b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">'
            b"]><l>&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;</l>"
        ),
    )
    out = scan(share)
    _assert_control_file_scanned(out)
    assert "corrupt" in out.error_kinds("broken.docx")
    assert out.error_kinds("cut.msg")
    assert "corrupt" in out.error_kinds("bad.json")
    assert out.entities("laughs.xml") == set()


def test_encrypted_zip_member(share: Path) -> None:
    data = bytearray(builders.build_zip({"secret.txt": GOOD.encode()}))
    # set the "encrypted" bit in the local and central headers
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        data[at + offset] |= 0x1
    _write(share, "locked.zip", bytes(data))
    out = scan(share)
    assert out.error_kinds("locked.zip") == {"encrypted"}


def test_slow_file_times_out(share: Path, monkeypatch) -> None:
    from connectors.files.extractors import text

    def slow(stream, ctx):
        time.sleep(5)
        yield from ()

    monkeypatch.setattr(text, "extract", slow)
    started = time.monotonic()
    out = scan(share, file_timeout_s=0.3)
    assert time.monotonic() - started < 3
    assert out.error_kinds("good.txt") == {"timeout"}


def test_every_error_serialises_without_values(share: Path) -> None:
    _write(share, "cut.zip", builders.build_zip({"a.txt": GOOD.encode() * 50})[:120])
    _write(share, "bomb.zip", builders.build_zip_bomb(12, 1))
    out = scan(share)
    text = json.dumps([e.to_json_dict() for e in out.errors], ensure_ascii=False)
    assert out.errors and "090-1234" not in text and "山田" not in text


def test_zip_with_too_many_members(share: Path) -> None:
    out_path = share / "many.zip"
    with zipfile.ZipFile(out_path, "w") as zf:
        for i in range(30):
            zf.writestr(f"m{i}.txt", GOOD)
    out = scan(share, archive_max_members=10)
    assert out.error_kinds("many.zip") == {"archive_limit"}
    assert out.entities("many.zip") == {"PERSON", "PHONE_NUMBER"}
    assert out.stat("members") == 10


def test_a_detector_failure_stays_with_its_file(share: Path) -> None:
    _write(share, "boom.txt", b"BOOM " + GOOD.encode())

    class Fragile(FakeDetector):
        def analyze_batch(self, texts, context=()):
            if any("BOOM" in t for t in texts):
                raise ValueError("detector broke on 山田太郎 090-1234-5678")
            return super().analyze_batch(texts, context)

    out = scan(share, Fragile())
    _assert_control_file_scanned(out)
    [error] = [e for e in out.errors if e.location["path"] == "boom.txt"]
    assert error.kind == "scan_failed" and "山田" not in error.message
    assert "090-1234" not in error.message
