"""CSV and TSV: a header row makes a table whose columns are classified like DB columns.

Without a header the rows are plain text. In sample mode a seeded reservoir keeps an
evenly spread sample of rows, so a large export costs the same as a small one.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import BinaryIO

from connectors.files.extractors.base import ExtractContext, Item, TextChunk
from connectors.files.extractors.table import header_from, sample_rows, table_blocks
from connectors.files.textio import Line, iter_chunks, iter_lines

_DELIMITERS = ",\t;|"


def extract(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    yield from _extract(stream, ctx, None)


def extract_tsv(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    yield from _extract(stream, ctx, "\t")


def _extract(stream: BinaryIO, ctx: ExtractContext, delimiter: str | None) -> Iterator[Item]:
    lines = iter_lines(stream, ctx)
    head: list[Line] = []
    for line in lines:
        if line.text.strip():
            head.append(line)
            break
    if not head:
        return
    delimiter = delimiter or _delimiter(head[0].text)
    first = next(csv.reader([head[0].text], delimiter=delimiter), [])
    header = header_from(first)
    if header is None:
        yield from iter_chunks(_chain(head, lines), ctx)
        return
    yield TextChunk(delimiter.join(first), ctx.place(line=head[0].number), ("header",))
    rows = _rows(lines, delimiter)
    if not ctx.limits.full:
        rows = iter(sample_rows(rows, ctx.limits.table_sample_rows))
    yield from table_blocks("", header, rows, ctx)


def _chain(head: list[Line], rest: Iterator[Line]) -> Iterator[Line]:
    yield from head
    yield from rest


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _rows(lines: Iterator[Line], delimiter: str) -> Iterator[list[str]]:
    """csv.reader over the lines; a window boundary restarts the reader (quotes reset)."""
    texts = (line.text for line in lines if line.text.strip())
    reader = csv.reader(texts, delimiter=delimiter)
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error:
            continue  # an unbalanced quote at a sample edge: skip the row
