"""Excel 97-2003 workbooks (.xls) through xlrd, which needs the whole file in memory."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from connectors.files.extractors.base import (
    ExtractContext,
    Item,
    Notice,
    cell_text,
    read_in_memory,
)
from connectors.files.extractors.sheet import extract_sheet


def extract(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    import xlrd

    data = read_in_memory(stream, ctx, "XLS workbook")
    if isinstance(data, Notice):
        yield data
        return
    book = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=_Discard())
    try:
        for index in range(book.nsheets):
            if ctx.budget.left is not None and ctx.budget.left <= 0:
                ctx.report.truncated = True
                break
            sheet = book.sheet_by_index(index)
            rows = (
                (r + 1, [_value(book, sheet.cell(r, c)) for c in range(sheet.ncols)])
                for r in range(sheet.nrows)
            )
            yield from extract_sheet(sheet.name, rows, ctx)
            book.unload_sheet(index)
    finally:
        book.release_resources()


def _value(book: object, cell: object) -> str | None:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return cell_text(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell_text(cell.value)
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    return cell_text(cell.value)


class _Discard:
    """xlrd writes warnings (which may quote cell text) to a log file: swallow them."""

    def write(self, _text: str) -> int:
        return 0

    def flush(self) -> None:
        return None
