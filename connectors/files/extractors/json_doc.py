"""JSON and JSON Lines: values rendered as ``key.path: value`` lines, keys passed as context.

Keeping each value next to its key gives the detector the same hint a column name
gives (``"tel": "0312345678"``). A document too large to parse in memory, or a broken
one, is read as text instead, which still shows keys beside values.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any, BinaryIO

from connectors.files.extractors.base import ExtractContext, Item, Notice, Place, TextChunk
from connectors.files.textio import iter_chunks, iter_lines, resolve_encoding

_MAX_CONTEXT = 24


def extract(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    size = stream.seek(0, 2)
    limit = ctx.limits.in_memory_bytes
    if not ctx.limits.full:
        limit = min(limit, ctx.limits.budget_bytes)
    if size > limit:
        yield Notice("too_large", "JSON document too large to parse; read as text", ctx.place())
        yield from iter_chunks(iter_lines(stream, ctx), ctx)
        return
    codec = resolve_encoding(stream, ctx)
    ctx.report.encodings.add(codec)
    stream.seek(0)
    data = stream.read()
    ctx.report.bytes_read += len(data)
    text = data.decode(codec, errors="replace").lstrip("\ufeff")
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else "not valid JSON"
        yield Notice("corrupt", f"JSON document {reason}; read as text", ctx.place())
        yield from iter_chunks(iter_lines(stream, ctx, codec), ctx)
        return
    yield from _render(_flatten(doc), ctx, ctx.place())


def extract_lines(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    """JSON Lines: one record a line; a line that is not JSON is kept as text."""
    for line in iter_lines(stream, ctx):
        if not line.text.strip():
            continue
        place = ctx.place(line=line.number) if line.number else ctx.place(offset=line.offset)
        try:
            record = json.loads(line.text)
        except (ValueError, RecursionError):
            yield TextChunk(line.text, place)
            continue
        yield from _render(_flatten(record), ctx, place)


def _flatten(doc: Any) -> Iterator[tuple[str, str]]:
    """(key path, scalar as text) pairs, depth first, without recursion."""
    stack: list[tuple[str, Any]] = [("", doc)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            items = list(value.items())
            for key, child in reversed(items):
                stack.append((f"{path}.{key}" if path else str(key), child))
        elif isinstance(value, list):
            for child in reversed(value):
                stack.append((f"{path}[]", child))
        elif value is None or isinstance(value, bool):
            continue
        else:
            yield path, str(value)


def _render(pairs: Iterator[tuple[str, str]], ctx: ExtractContext, place: Place) -> Iterator[Item]:
    """``path: value`` lines in chunks; ``marks`` remember each value's key path."""
    buf: list[str] = []
    marks: list[tuple[int, Place]] = []
    keys: dict[str, None] = {}
    size = 0
    for path, value in pairs:
        line = f"{path}: {value}"
        if buf and size + len(line) > ctx.limits.chunk_chars:
            yield TextChunk("\n".join(buf), place, tuple(keys)[:_MAX_CONTEXT], tuple(marks))
            buf, marks, keys, size = [], [], {}, 0
        if ctx.over_budget(len(line)):
            break
        marks.append((size, _with_key(place, path)))
        buf.append(line)
        size += len(line) + 1
        leaf = path.rsplit(".", 1)[-1].removesuffix("[]")
        if leaf:
            keys.setdefault(leaf, None)
    if buf:
        yield TextChunk("\n".join(buf), place, tuple(keys)[:_MAX_CONTEXT], tuple(marks))


def _with_key(place: Place, path: str) -> Place:
    return replace(place, key=path or None)
