"""Shared by CSV and spreadsheets: is a row a header, and rows cut into table blocks."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from connectors.files.extractors.base import ExtractContext, TableBlock

_DATA_LIKE = re.compile(r"\d{3}|@|[\d０-９]{2,}[-‐－]|https?://")


def header_from(cells: Sequence[str | None]) -> tuple[str, ...] | None:
    """The row as column names if it reads like a header, else None.

    A header has at least two short, distinct, non-empty labels and nothing that looks
    like data (phone digits, an @, a URL); a first row of values fails on one of them.
    """
    labels = [(c or "").strip() for c in cells]
    while labels and not labels[-1]:
        labels.pop()
    if len(labels) < 2 or not all(labels):
        return None
    if len(set(labels)) != len(labels):
        return None
    if any(len(label) > 40 or _DATA_LIKE.search(label) for label in labels):
        return None
    return tuple(labels)


def table_blocks(
    table: str,
    header: tuple[str, ...],
    rows: Iterable[Sequence[str | None]],
    ctx: ExtractContext,
) -> Iterator[TableBlock]:
    """Rows padded or cut to the header's width, in blocks of ``table_block_rows``."""
    width = len(header)
    names = header
    block: list[tuple[str | None, ...]] = []
    for row in rows:
        values = [(v.strip() or None) if isinstance(v, str) else v for v in row]
        if len(values) > width:
            extra = len(values) - width
            if any(values[width:]):
                names = names + tuple(f"column_{width + i + 1}" for i in range(extra))
                width = len(names)
            else:
                values = values[:width]
        if not any(values):
            continue
        if ctx.over_budget(sum(len(v) for v in values if v)):
            break
        block.append(tuple(values) + (None,) * (width - len(values)))
        if len(block) >= ctx.limits.table_block_rows:
            yield _block(table, names, block, ctx)
            block = []
    if block:
        yield _block(table, names, block, ctx)


def _block(
    table: str, names: tuple[str, ...], block: list[tuple[str | None, ...]], ctx: ExtractContext
) -> TableBlock:
    width = len(names)
    rows = tuple(r + (None,) * (width - len(r)) for r in block)
    return TableBlock(table, names, rows, ctx.place(sheet=table or None))


_Row = TypeVar("_Row")


def sample_rows(rows: Iterator[_Row], k: int) -> list[_Row]:
    """A uniform sample of ``k`` rows in one pass (reservoir sampling), seeded so the same
    table gives the same sample every run."""
    rng = random.Random(0)
    sample: list[_Row] = []
    for i, row in enumerate(rows):
        if i < k:
            sample.append(row)
        else:
            j = rng.randint(0, i)
            if j < k:
                sample[j] = row
    return sample
