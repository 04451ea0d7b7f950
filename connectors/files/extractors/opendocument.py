"""OpenDocument files (.odt, .ods, .odp; LibreOffice's formats) from their ``content.xml``.

The text is in a handful of elements (``text:p``, ``text:h``, table cells, ``draw:page``),
so the XML is streamed with lxml (already a dependency, hardened as for XML files: no
entities, no network, no huge trees) instead of building odfpy's or odfdo's whole DOM.
The ZIP limits of Office files apply, and the bytes actually inflated are counted.

- text documents: paragraphs and headings in order, a table row as its cells joined by
  tabs, text boxes and notes where they stand; headers and footers from ``styles.xml``;
- spreadsheets: each ``table:table`` is a sheet, read like an XLSX sheet (a header row
  makes a table whose columns are classified); repeated rows and cells are expanded up
  to a cap, empty ones only counted;
- presentations: each ``draw:page`` is a slide (the page), speaker notes as ``notes``.

A document LibreOffice saved with a password has ``manifest:encryption-data`` in its
manifest; it is sniffed ``encrypted`` and not opened.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from typing import Any, BinaryIO

from connectors.files.extractors.base import ExtractContext, Item, Place, cell_text
from connectors.files.extractors.paragraphs import paragraph_chunks
from connectors.files.extractors.sheet import extract_sheet
from connectors.files.extractors.zip_limits import check_archive
from connectors.files.limits import CountingReader

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_PRESENTATION = "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"

P, H = f"{{{_TEXT}}}p", f"{{{_TEXT}}}h"
_PARAGRAPHS = (P, H)
_SPACE, _TAB, _BREAK = f"{{{_TEXT}}}s", f"{{{_TEXT}}}tab", f"{{{_TEXT}}}line-break"
_TABLE_EL, _ROW = f"{{{_TABLE}}}table", f"{{{_TABLE}}}table-row"
_CELLS = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
_PAGE = f"{{{_DRAW}}}page"
_NOTES = f"{{{_PRESENTATION}}}notes"
_HEADERS = {f"{{{_STYLE}}}header": "header", f"{{{_STYLE}}}footer": "footer"}
#: a cell or row repeated more often than this is read this many times (a formatted
#: column or sheet repeats an empty cell ~16k or ~1M times)
MAX_REPEAT = 1000
#: cells of one row at most (Excel's column count): repeated cells past it are not read
MAX_ROW_CELLS = 16_384
#: attributes that name a repetition count
_COLS_REPEATED = f"{{{_TABLE}}}number-columns-repeated"
_ROWS_REPEATED = f"{{{_TABLE}}}number-rows-repeated"


def extract_text_document(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    """.odt (and the body of any OpenDocument file read as paragraphs)."""
    with zipfile.ZipFile(stream) as zf:
        check_archive(zf, ctx)
        yield from paragraph_chunks(_document_paragraphs(zf, ctx), ctx)


def extract_presentation(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    with zipfile.ZipFile(stream) as zf:
        check_archive(zf, ctx)
        yield from paragraph_chunks(_slide_paragraphs(zf, ctx), ctx)


def extract_spreadsheet(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    with zipfile.ZipFile(stream) as zf:
        check_archive(zf, ctx)
        events = _events(zf, "content.xml", ctx, ("start", "end"))
        for event, elem in events:
            if event != "start" or elem.tag != _TABLE_EL:
                continue
            if ctx.budget.left is not None and ctx.budget.left <= 0:
                ctx.report.truncated = True
                break
            name = elem.get(f"{{{_TABLE}}}name") or ""
            ended: list[bool] = []
            yield from extract_sheet(name, _rows(events, ended), ctx)
            if not ended:  # the sheet's reader stopped early (sample): pass its rest
                _skip_to_end(events, _TABLE_EL)


# -- XML -------------------------------------------------------------------------------


def _events(
    zf: zipfile.ZipFile, member: str, ctx: ExtractContext, kinds: tuple[str, ...]
) -> Iterator[tuple[str, Any]]:
    from lxml import etree

    try:
        info = zf.getinfo(member)
    except KeyError:
        return
    with zf.open(info) as raw:
        counted = CountingReader(raw, info.file_size, ctx.expansion)  # type: ignore[arg-type]
        yield from etree.iterparse(
            counted, events=kinds, resolve_entities=False, no_network=True, huge_tree=False
        )


def _skip_to_end(events: Iterator[tuple[str, Any]], tag: str) -> None:
    """Consume events to the end of the element ``tag`` now open (nested ones balanced)."""
    depth = 1
    for event, elem in events:
        if elem.tag == tag:
            depth += 1 if event == "start" else -1
            if depth == 0:
                elem.clear()
                return


def _inline_text(elem: Any) -> str:
    """A paragraph's text: spans and links included, ``text:s``/``tab``/``line-break``
    as their characters, nested paragraphs (a text box's, already read) and notes'
    citations left out."""
    out = [elem.text or ""]
    for child in elem:
        tag = child.tag
        if tag == _SPACE:
            out.append(" " * min(int(child.get(f"{{{_TEXT}}}c", "1") or 1), 100))
        elif tag == _TAB:
            out.append("\t")
        elif tag == _BREAK:
            out.append("\n")
        elif tag not in _PARAGRAPHS and isinstance(tag, str):
            out.append(_inline_text(child))
        out.append(child.tail or "")
    return "".join(out)


def _document_paragraphs(zf: zipfile.ZipFile, ctx: ExtractContext) -> Iterator[tuple[Place, str]]:
    number = 0
    #: open table cells, innermost last: their paragraphs' texts
    cells: list[list[str]] = []
    rows: list[list[str]] = []
    for event, elem in _events(zf, "content.xml", ctx, ("start", "end")):
        tag = elem.tag
        if event == "start":
            if tag == _ROW:
                rows.append([])
            elif tag in _CELLS:
                cells.append([])
            continue
        if tag in _PARAGRAPHS:
            text = _inline_text(elem)
            if cells:
                cells[-1].append(text)
            else:
                number += 1
                yield ctx.place(paragraph=number), text
            _drop(elem)
            _forget_before(elem)
        elif tag in _CELLS and cells:
            text = "\n".join(t for t in cells.pop() if t.strip()).strip()
            if rows and text and (not rows[-1] or rows[-1][-1] != text):
                rows[-1].append(text)
        elif tag == _ROW and rows:
            row = "\t".join(rows.pop())
            if cells:  # a table inside a cell: its rows are that cell's text
                cells[-1].append(row)
            else:
                number += 1
                yield ctx.place(paragraph=number), row
            _drop(elem)
            _forget_before(elem)
    for _, elem in _events(zf, "styles.xml", ctx, ("end",)):
        if elem.tag in _PARAGRAPHS:
            part = _part(elem)
            if part:
                yield ctx.place(part=part), _inline_text(elem)


def _slide_paragraphs(zf: zipfile.ZipFile, ctx: ExtractContext) -> Iterator[tuple[Place, str]]:
    page = 0
    in_notes = False
    for event, elem in _events(zf, "content.xml", ctx, ("start", "end")):
        tag = elem.tag
        if tag == _PAGE and event == "start":
            page += 1
        elif tag == _NOTES:
            in_notes = event == "start"
        elif event == "end" and tag in _PARAGRAPHS:
            place = ctx.place(page=page or None, part="notes" if in_notes else None)
            yield place, _inline_text(elem)
            _drop(elem)
        elif event == "end" and tag == _PAGE:
            elem.clear()


def _rows(
    events: Iterator[tuple[str, Any]], ended: list[bool]
) -> Iterator[tuple[int, list[str | None]]]:
    """The rows of the sheet now open, numbered, until its end (``ended`` then gets an
    entry; a nested table's end does not end the sheet)."""
    number = 0
    depth = 0
    for event, elem in events:
        tag = elem.tag
        if tag == _TABLE_EL:
            depth += 1 if event == "start" else -1
            if depth < 0:
                ended.append(True)
                elem.clear()
                return
            continue
        if depth:
            continue
        if event != "end" or tag != _ROW:
            continue
        cells: list[str | None] = []
        for cell in elem:
            if cell.tag not in _CELLS:
                continue
            value = _cell_value(cell)
            times = _repeat(cell, _COLS_REPEATED)
            if value is None and times > 1:
                times = 1  # empty filler columns: one is enough to keep positions
            cells.extend([value] * min(times, MAX_REPEAT, MAX_ROW_CELLS - len(cells)))
            if len(cells) >= MAX_ROW_CELLS:
                break
        while cells and cells[-1] is None:
            cells.pop()
        repeat = _repeat(elem, _ROWS_REPEATED)
        elem.clear()
        if not cells:
            number += repeat
            continue
        for _ in range(min(repeat, MAX_REPEAT)):
            number += 1
            yield number, cells
        number += max(0, repeat - MAX_REPEAT)


def _cell_value(cell: Any) -> str | None:
    kind = cell.get(f"{{{_OFFICE}}}value-type")
    if kind == "date":
        return cell_text(cell.get(f"{{{_OFFICE}}}date-value", "")[:10] or None)
    if kind in {"float", "percentage", "currency"} and cell.get(f"{{{_OFFICE}}}value"):
        value = cell.get(f"{{{_OFFICE}}}value")
        return value[:-2] if value.endswith(".0") else value
    texts = [_inline_text(p) for p in cell.iter(*_PARAGRAPHS)]
    text = "\n".join(t for t in texts if t.strip()).strip()
    return text or None


def _repeat(elem: Any, attribute: str) -> int:
    try:
        return max(1, int(elem.get(attribute, "1")))
    except ValueError:
        return 1


def _part(elem: Any) -> str | None:
    """ "header" or "footer" when a paragraph of styles.xml sits in a master page's one."""
    parent = elem.getparent()
    while parent is not None:
        if parent.tag in _HEADERS:
            return _HEADERS[parent.tag]
        parent = parent.getparent()
    return None


def _forget_before(elem: Any) -> None:
    """Drop the read siblings before a body-level paragraph, so a long document is not
    kept whole in memory (inside a paragraph, siblings' tails are its text: kept)."""
    parent = elem.getparent()
    if parent is None or parent.tag in _PARAGRAPHS or parent.tag.startswith(f"{{{_TEXT}}}span"):
        return
    while elem.getprevious() is not None:
        del parent[0]


def _drop(elem: Any) -> None:
    """Free a read element's children (its tail belongs to the parent's text)."""
    for child in list(elem):
        elem.remove(child) if child.tail is None else child.clear(keep_tail=True)
    elem.text = None
