"""Excel workbooks (.xlsx/.xlsm) through openpyxl in read-only mode: rows are streamed."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from typing import BinaryIO

from connectors.files.extractors.base import ExtractContext, Item, cell_text
from connectors.files.extractors.sheet import extract_sheet
from connectors.files.extractors.zip_limits import check_archive


def extract(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    import openpyxl

    with zipfile.ZipFile(stream) as zf:
        check_archive(zf, ctx)
    stream.seek(0)
    book = openpyxl.load_workbook(stream, read_only=True, data_only=True, keep_links=False)
    try:
        for sheet in book.worksheets:
            if ctx.budget.left is not None and ctx.budget.left <= 0:
                ctx.report.truncated = True
                break
            rows = (
                (number, [cell_text(v) for v in values])
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
            )
            yield from extract_sheet(sheet.title, rows, ctx)
    finally:
        book.close()
