"""Group numbered paragraphs into chunks whose marks remember each paragraph's place."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from connectors.files.extractors.base import ExtractContext, Place, TextChunk


def paragraph_chunks(
    paragraphs: Iterable[tuple[Place, str]], ctx: ExtractContext
) -> Iterator[TextChunk]:
    parts: list[str] = []
    marks: list[tuple[int, Place]] = []
    size = 0
    for place, text in paragraphs:
        text = text.strip()
        if not text:
            continue
        if ctx.over_budget(len(text)):
            break
        if parts and size + len(text) > ctx.limits.chunk_chars:
            yield TextChunk("\n".join(parts), marks[0][1], (), tuple(marks))
            parts, marks, size = [], [], 0
        marks.append((size, place))
        parts.append(text)
        size += len(text) + 1
    if parts:
        yield TextChunk("\n".join(parts), marks[0][1], (), tuple(marks))
