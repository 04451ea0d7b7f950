"""Content sniffing: magic bytes and ZIP member names decide, not extensions."""

from __future__ import annotations

import io

import pytest

from connectors.files.sniff import FileType, sniff
from tests.connectors.files import builders


def _sniff(data: bytes, name: str = "file.bin") -> FileType:
    return sniff(io.BytesIO(data), name).type


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"", "a.txt", FileType.EMPTY),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "photo.csv", FileType.IMAGE),
        (b"\x7fELF\x02\x01", "tool.txt", FileType.BINARY),
        (b"%PDF-1.4\n...", "report.txt", FileType.PDF),
        ("氏名,電話\n山田,090\n".encode("cp932"), "list.csv", FileType.CSV),
        (b"a\tb\tc\n1\t2\t3\n4\t5\t6\n7\t8\t9\n", "export.dat", FileType.TSV),
        (b"BMI,height,weight\n20,170,60\n21,160,50\n22,150,45\n", "bmi.txt", FileType.CSV),
        (b'{"name": "x"}', "data.txt", FileType.JSON),
        (b'{"a": 1}\n{"a": 2}\n{"a": 3}\n', "data.log", FileType.JSONL),
        (b"<!DOCTYPE html><html><body>x</body></html>", "page.xls", FileType.HTML),
        (b'<?xml version="1.0"?><root/>', "data", FileType.XML),
        # a memo headed <<...>> (seen on uchardet's Russian text) is not markup
        ("<<お知らせ>>\n本日は休業です。\n".encode(), "memo.txt", FileType.TEXT),
        ("< 5 の場合\n".encode(), "note.txt", FileType.TEXT),
        ("<氏名>山田</氏名>".encode(), "x.dat", FileType.XML),
        (b"From: a@example.jp\nTo: b@example.jp\nSubject: hi\n\nbody\n", "mail", FileType.EML),
        ("ただのメモです。\n".encode("euc_jp"), "memo.csv", FileType.CSV),
        ("ただのメモです。\n".encode("euc_jp"), "memo", FileType.TEXT),
    ],
)
def test_content_decides(data: bytes, name: str, expected: FileType) -> None:
    assert _sniff(data, name) == expected


def test_zip_based_office_files_are_told_apart_by_member_names() -> None:
    assert _sniff(builders.build_xlsx({"s": [["a"]]}), "x.zip") == FileType.XLSX
    assert _sniff(builders.build_docx(["a"]), "x.xlsx") == FileType.DOCX
    assert _sniff(builders.build_pptx([["a"]]), "x.docx") == FileType.PPTX
    assert _sniff(builders.build_zip({"a.txt": b"a"}), "x.docx") == FileType.ZIP


def test_ole_files_are_told_apart_by_stream_names() -> None:
    msg = builders.build_msg("s", "b", "a@example.jp", "b@example.jp")
    assert _sniff(msg, "mail.xls") == FileType.MSG
    xls = builders.build_xls({"s": [["a", "b"]]})
    if xls is not None:
        assert _sniff(xls, "book.msg") == FileType.XLS
    doc = builders.build_cfb({"WordDocument": b"\0" * 100})
    assert sniff(io.BytesIO(doc), "a.doc").type == FileType.DOC
    encrypted = builders.build_cfb({"EncryptionInfo": b"\0" * 10, "EncryptedPackage": b"x"})
    assert _sniff(encrypted, "secret.xlsx") == FileType.ENCRYPTED


def test_random_bytes_are_binary() -> None:
    import random

    rng = random.Random(1)
    data = bytes(rng.randrange(256) for _ in range(4096))
    assert _sniff(data, "notes.txt") == FileType.BINARY
