"""OpenDocument files (.odt/.ods/.odp) were reported `unsupported` (issue 10: py-pdf's
sample-files hold three LibreOffice .odt sources); they are read from content.xml."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from connectors.files.dispatch import extract_document
from connectors.files.extractors.base import (
    ExtractContext,
    ExtractReport,
    TableBlock,
    TextBudget,
    TextChunk,
)
from connectors.files.limits import ScanLimits
from connectors.files.sniff import FileType, sniff
from tests.connectors.files import builders
from tests.connectors.files.conftest import scan

PERSON_LINE = "担当：山田太郎様　電話 090-1234-5678　メール taro@example.co.jp"
ALL3 = {"PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"}


def _items(data: bytes, name: str, limits: ScanLimits | None = None) -> list:
    ctx = ExtractContext(limits or ScanLimits(), ExtractReport(), name)
    return list(extract_document(io.BytesIO(data), ctx))


def _texts(items: list) -> str:
    return "\n".join(i.text for i in items if isinstance(i, TextChunk))


def test_odt_paragraphs_table_text_box_and_footer_are_read(tmp_path: Path) -> None:
    body = (
        "<text:h>履歴書</text:h>"
        '<text:p>氏名：<text:span>山田</text:span><text:s text:c="2"/>太郎'
        "<draw:frame><draw:text-box><text:p>電話 090-1234-5678</text:p></draw:text-box>"
        "</draw:frame>様</text:p>"
        "<table:table><table:table-row>"
        "<table:table-cell><text:p>メール</text:p></table:table-cell>"
        "<table:table-cell><text:p>taro@example.co.jp</text:p></table:table-cell>"
        "</table:table-row></table:table>"
    )
    footer = (
        "<style:master-page><style:footer><text:p>作成：佐藤花子</text:p></style:footer>"
        "</style:master-page>"
    )
    data = builders.build_opendocument("text", body, footer)
    assert sniff(io.BytesIO(data), "cv.odt").type == FileType.ODT
    text = _texts(_items(data, "cv.odt"))
    assert "氏名：山田  太郎様" in text
    assert "電話 090-1234-5678" in text
    assert "メール\ttaro@example.co.jp" in text
    assert "作成：佐藤花子" in text
    (tmp_path / "cv.odt").write_bytes(
        builders.build_opendocument("text", f"<text:p>{PERSON_LINE}</text:p>")
    )
    out = scan(tmp_path)
    assert out.error_kinds("cv.odt") == set()
    assert out.entities("cv.odt") == ALL3


def test_ods_sheet_with_a_header_is_a_table(tmp_path: Path) -> None:
    rows = "".join(
        "<table:table-row>"
        f"<table:table-cell><text:p>山田{n}郎</text:p></table:table-cell>"
        f"<table:table-cell><text:p>090-1234-{n:04d}</text:p></table:table-cell>"
        '<table:table-cell table:number-columns-repeated="16000"/>'
        "</table:table-row>"
        for n in range(1, 6)
    )
    body = (
        '<table:table table:name="顧客">'
        "<table:table-row><table:table-cell><text:p>氏名</text:p></table:table-cell>"
        "<table:table-cell><text:p>電話</text:p></table:table-cell></table:table-row>"
        f"{rows}"
        '<table:table-row table:number-rows-repeated="1048000"><table:table-cell/>'
        "</table:table-row>"
        '</table:table><table:table table:name="メモ"><table:table-row>'
        f"<table:table-cell><text:p>{PERSON_LINE}</text:p></table:table-cell>"
        "</table:table-row></table:table>"
    )
    data = builders.build_opendocument("spreadsheet", body)
    items = _items(data, "list.ods")
    blocks = [i for i in items if isinstance(i, TableBlock)]
    assert [b.table for b in blocks] == ["顧客"]
    assert blocks[0].header == ("氏名", "電話")
    assert len(blocks[0].rows) == 5 and blocks[0].rows[0][:2] == ("山田1郎", "090-1234-0001")
    assert PERSON_LINE in _texts(items)
    (tmp_path / "list.ods").write_bytes(data)
    out = scan(tmp_path)
    assert out.error_kinds("list.ods") == set()
    assert "PHONE_NUMBER" in out.entities("list.ods", column="電話")


def test_odp_slides_are_pages_and_notes_are_read() -> None:
    body = (
        "<draw:page><draw:frame><draw:text-box><text:p>表紙</text:p></draw:text-box></draw:frame>"
        "</draw:page>"
        "<draw:page><draw:frame><draw:text-box><text:p>担当 山田太郎</text:p></draw:text-box>"
        "</draw:frame>"
        "<presentation:notes><draw:frame><draw:text-box><text:p>電話 090-1234-5678</text:p>"
        "</draw:text-box></draw:frame></presentation:notes></draw:page>"
    )
    items = _items(builders.build_opendocument("presentation", body), "deck.odp")
    chunk = next(i for i in items if isinstance(i, TextChunk))
    places = [place for _, place in chunk.marks]
    assert [(p.page, p.part) for p in places] == [(1, None), (2, None), (2, "notes")]


def test_password_protected_opendocument_is_encrypted(tmp_path: Path) -> None:
    data = builders.build_opendocument("text", "<text:p>x</text:p>", encrypted=True)
    (tmp_path / "locked.odt").write_bytes(data)
    assert scan(tmp_path).error_kinds("locked.odt") == {"encrypted"}


def test_opendocument_bomb_and_entities_are_refused() -> None:
    bomb = builders.build_opendocument(
        "text", "<text:p>a</text:p>", extra={"Pictures/pad.xml": b"0" * (20 * 1024 * 1024)}
    )
    kinds = {i.kind for i in _items(bomb, "bomb.odt") if not isinstance(i, TextChunk)}
    assert kinds == {"zip_bomb"}
    # an entity in content.xml is not expanded (no billion laughs), and nothing is fetched
    buf = io.BytesIO(builders.build_opendocument("text", "<text:p>ok</text:p>"))
    evil = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(evil, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "content.xml":
                data = data.replace(
                    b"<office:document-content",
                    b'<!DOCTYPE d [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                    b'<!ENTITY x SYSTEM "file:///etc/passwd">]><office:document-content',
                ).replace(b"<text:p>ok</text:p>", b"<text:p>ok &b; &x;</text:p>")
                data = data.replace(b'<?xml version="1.0" encoding="UTF-8"?>\n', b"")
            dst.writestr(info, data)
    text = _texts(_items(evil.getvalue(), "evil.odt"))
    assert "lol" not in text and "root:" not in text


def test_odt_text_budget_is_kept() -> None:
    body = "".join(f"<text:p>段落{n} {'あ' * 90}</text:p>" for n in range(2000))
    data = builders.build_opendocument("text", body)
    limits = ScanLimits(budget_bytes=10_000)
    ctx = ExtractContext(limits, ExtractReport(), "long.odt", budget=TextBudget(10_000))
    items = list(extract_document(io.BytesIO(data), ctx))
    assert sum(len(i.text) for i in items if isinstance(i, TextChunk)) <= 10_200
    assert ctx.report.truncated


def test_ods_repeated_cells_are_capped() -> None:
    # a hostile row: 5,000 filled cells each repeated 1,000 times is read as 16,384 cells
    from connectors.files.extractors import opendocument

    cell = (
        '<table:table-cell table:number-columns-repeated="1000">'
        "<text:p>x</text:p></table:table-cell>"
    )
    rows = f'<table:table-row table:number-rows-repeated="2">{cell * 5000}</table:table-row>'
    sheet = f'<table:table table:name="s">{rows}</table:table>'
    ctx = ExtractContext(ScanLimits(), ExtractReport(), "wide.ods")
    with zipfile.ZipFile(io.BytesIO(builders.build_opendocument("spreadsheet", sheet))) as zf:
        events = opendocument._events(zf, "content.xml", ctx, ("start", "end"))
        next(e for e, el in events if e == "start" and el.tag == opendocument._TABLE_EL)
        got = list(opendocument._rows(events, []))
    assert [len(cells) for _, cells in got] == [opendocument.MAX_ROW_CELLS] * 2
