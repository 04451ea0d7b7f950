"""Rows written to the inventory in bounded batches, so one insert never holds a whole run."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

#: rows per executemany: large enough to amortise the round trip, small enough for memory
INSERT_BATCH = 5000

T = TypeVar("T")


def batches(items: Iterable[T], size: int = INSERT_BATCH) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
