"""One worksheet (XLSX or XLS): a header row makes a table, anything else is text.

Japanese workbooks often put a title (顧客一覧) and a blank row above the header, and
start tables in column B; the header is looked for in the first rows, and the rows above
it are scanned as text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from connectors.files.extractors.base import (
    ExtractContext,
    Item,
    Place,
    TextChunk,
    column_letter,
)
from connectors.files.extractors.table import header_from, sample_rows, table_blocks

_HEADER_SEARCH_ROWS = 10
_BLANK_RUN = 10_000

Row = tuple[int, Sequence[str | None]]  # (1-based row number, cells as text)


def extract_sheet(name: str, rows: Iterable[Row], ctx: ExtractContext) -> Iterator[Item]:
    it = _until_blank_run(rows, ctx)
    before: list[Row] = []
    header: tuple[str, ...] | None = None
    start = 0
    for row in it:
        cells = row[1]
        filled = [c for c in cells if c]
        if not filled:
            continue
        if len(filled) >= 2:
            start = next(i for i, c in enumerate(cells) if c)
            header = header_from(cells[start:])
            if header is None:
                before.append(row)
            break
        before.append(row)
        if len(before) >= _HEADER_SEARCH_ROWS:
            break
    if header is None:
        yield from _text_rows(name, _chain(before, it), ctx)
        return
    yield from _text_rows(name, before, ctx)
    yield TextChunk("\t".join(header), ctx.place(sheet=name), ("header",))
    data = (cells[start:] for _, cells in it)
    if not ctx.limits.full:
        data = iter(sample_rows(_bounded(data, ctx), ctx.limits.table_sample_rows))
    yield from table_blocks(name, header, data, ctx)


def _bounded(rows: Iterator[Sequence[str | None]], ctx: ExtractContext) -> Iterator:
    """Sample mode reads at most ``table_sample_rows × windows`` rows of a sheet: a sheet
    is parsed from its start (there is no seeking into its XML), so rows further down
    would cost their parsing whatever is kept, and a 1M-row workbook would run out its
    time with no finding. The sample is drawn from these rows; the rest are not read."""
    cap = ctx.limits.table_sample_rows * max(1, ctx.limits.windows)
    for n, row in enumerate(rows):
        if n >= cap:
            ctx.report.sampled = True
            return
        yield row


def _until_blank_run(rows: Iterable[Row], ctx: ExtractContext) -> Iterator[Row]:
    """Stop at a long run of empty rows: a sheet formatted down to row 1,048,576 is empty
    there, and reading it would cost minutes."""
    blank = 0
    for row in rows:
        if any(row[1]):
            blank = 0
            yield row
            continue
        blank += 1
        if blank >= _BLANK_RUN:
            ctx.report.truncated = True
            return


def _chain(first: list[Row], rest: Iterator[Row]) -> Iterator[Row]:
    yield from first
    yield from rest


def _text_rows(name: str, rows: Iterable[Row], ctx: ExtractContext) -> Iterator[TextChunk]:
    """Rows as tab-joined text; ``marks`` give each cell's reference (B12)."""
    parts: list[str] = []
    marks: list[tuple[int, Place]] = []
    size = 0
    for number, cells in rows:
        line: list[str] = []
        row_marks: list[tuple[int, Place]] = []
        offset = 0
        for index, value in enumerate(cells):
            if not value:
                continue
            cell = f"{column_letter(index)}{number}"
            row_marks.append((offset, ctx.place(sheet=name, cell=cell, line=number)))
            line.append(value)
            offset += len(value) + 1
        if not line:
            continue
        text = "\t".join(line)
        if ctx.over_budget(len(text)):
            break
        if parts and size + len(text) > ctx.limits.chunk_chars:
            yield TextChunk("\n".join(parts), marks[0][1], (), tuple(marks))
            parts, marks, size = [], [], 0
        marks.extend((size + o, p) for o, p in row_marks)
        parts.append(text)
        size += len(text) + 1
    if parts:
        yield TextChunk("\n".join(parts), marks[0][1], (), tuple(marks))
