"""Plain text and logs: decoded line by line, grouped into chunks with their line numbers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from connectors.files.extractors.base import ExtractContext, Item
from connectors.files.textio import iter_chunks, iter_lines


def extract(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    yield from iter_chunks(iter_lines(stream, ctx), ctx)
