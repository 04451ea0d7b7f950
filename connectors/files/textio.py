"""Read a text stream as decoded lines, within the byte budget and in bounded memory.

In sample mode a large file is read as a head plus evenly spaced windows; each window
starts at the next line break (so multi-byte characters and ISO-2022-JP shift states
start clean) and line numbers are known only in the head.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from connectors.files.encoding import SNIFF_BYTES, detect_encoding
from connectors.files.extractors.base import ExtractContext, Place, TextChunk
from connectors.files.limits import plan_windows

BLOCK = 64 * 1024
#: a "line" longer than this (minified JSON, a file without line breaks) is cut
MAX_LINE_CHARS = 256 * 1024


@dataclass(frozen=True)
class Line:
    text: str  # without the line break
    number: int | None  # 1-based, None inside a sampled window
    offset: int  # byte offset of the window the line came from


def _explicit_codec(stream: BinaryIO, codec: str) -> tuple[str, int]:
    """BOM codecs as an explicit byte order (later windows have no BOM) and the BOM length."""
    if codec in ("utf-16", "utf-32"):
        stream.seek(0)
        bom = stream.read(4)
        width = 2 if codec == "utf-16" else 4
        little = bom.startswith(codecs.BOM_UTF16_LE if width == 2 else codecs.BOM_UTF32_LE)
        return f"{codec}-{'le' if little else 'be'}", width
    if codec == "utf-8-sig":
        return "utf-8", 3
    return codec, 0


def _newline(codec: str) -> tuple[bytes, int]:
    if codec.startswith("utf-16"):
        return ("\n".encode(codec), 2)
    if codec.startswith("utf-32"):
        return ("\n".encode(codec), 4)
    return b"\n", 1


def resolve_encoding(stream: BinaryIO, ctx: ExtractContext) -> str:
    """The codec for this stream: the sniffer's guess, or a fresh detection."""
    if ctx.encoding is not None:
        return ctx.encoding.encoding
    stream.seek(0)
    head = stream.read(SNIFF_BYTES)
    size = stream.seek(0, 2)
    guess = detect_encoding(head, complete=len(head) >= size)
    return guess.encoding if guess else "utf-8"


def iter_lines(
    stream: BinaryIO, ctx: ExtractContext, codec: str | None = None, head_only: bool = False
) -> Iterator[Line]:
    """Decoded lines of the planned windows; NULs dropped, bad bytes become U+FFFD.

    ``head_only`` reads one contiguous prefix (up to the budget) for formats a parser must
    see in order (HTML, XML).
    """
    codec = codec or resolve_encoding(stream, ctx)
    ctx.report.encodings.add(codec)
    codec, bom = _explicit_codec(stream, codec)
    newline, unit = _newline(codec)
    size = stream.seek(0, 2)
    windows = plan_windows(size, ctx.limits)
    if head_only and windows[0][1] < size:
        windows = ((0, min(size, ctx.limits.budget_bytes)),)
        ctx.report.truncated = True
    elif len(windows) > 1 or windows[0][1] < size:
        ctx.report.sampled = True
    for index, (start, length) in enumerate(windows):
        end = start + length
        if index == 0:
            pos = bom
        else:
            pos = _align(stream, start, end, newline, unit)
            if pos is None:
                continue
        yield from _window_lines(stream, ctx, codec, pos, end, numbered=index == 0)


def _align(stream: BinaryIO, start: int, end: int, newline: bytes, unit: int) -> int | None:
    """Offset just after the first line break at or after ``start`` (in ``unit`` steps)."""
    start -= start % unit
    stream.seek(start)
    data = stream.read(min(end - start, BLOCK))
    i = data.find(newline)
    while i != -1 and i % unit:
        i = data.find(newline, i + 1)
    return None if i == -1 else start + i + len(newline)


def _window_lines(
    stream: BinaryIO, ctx: ExtractContext, codec: str, pos: int, end: int, numbered: bool
) -> Iterator[Line]:
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    stream.seek(pos)
    number = 1 if numbered else None
    pending = ""
    left = end - pos
    while left > 0:
        data = stream.read(min(BLOCK, left))
        if not data:
            break
        left -= len(data)
        ctx.report.bytes_read += len(data)
        text = decoder.decode(data, final=left <= 0)
        if "\x00" in text:
            text = text.replace("\x00", "")
        ctx.report.decode_errors += text.count("\ufffd")
        pending += text
        parts = pending.split("\n")
        pending = parts.pop()
        for part in parts:
            yield Line(part.rstrip("\r"), number, pos)
            if number is not None:
                number += 1
        if len(pending) > MAX_LINE_CHARS:
            yield Line(pending, number, pos)
            pending = ""
    pending += decoder.decode(b"", final=True)
    if pending.strip():
        yield Line(pending.rstrip("\r"), number, pos)


def iter_chunks(
    lines: Iterator[Line], ctx: ExtractContext, context: tuple[str, ...] = ()
) -> Iterator[TextChunk]:
    """Group lines into chunks of about ``chunk_chars`` that start on a line boundary."""
    limit = ctx.limits.chunk_chars
    buf: list[str] = []
    size = 0
    first: Line | None = None
    for line in lines:
        if first is not None and (size + len(line.text) > limit or line.offset != first.offset):
            yield _chunk(buf, first, ctx, context)
            buf, size, first = [], 0, None
        if len(line.text) > limit:
            for piece in _split_long(line.text, limit):
                yield _chunk([piece], line, ctx, context)
            continue
        if first is None:
            first = line
        buf.append(line.text)
        size += len(line.text) + 1
    if first is not None and buf:
        yield _chunk(buf, first, ctx, context)


def _split_long(text: str, limit: int) -> Iterator[str]:
    """Cut a very long line near ``limit``, preferring a space or comma so values stay whole."""
    while len(text) > limit:
        cut = max(text.rfind(sep, limit - 200, limit) for sep in (" ", ",", "\t", "、", "　"))
        cut = cut + 1 if cut > 0 else limit
        yield text[:cut]
        text = text[cut:]
    if text:
        yield text


def _chunk(buf: list[str], first: Line, ctx: ExtractContext, context: tuple[str, ...]) -> TextChunk:
    place: Place = (
        ctx.place(line=first.number) if first.number is not None else ctx.place(offset=first.offset)
    )
    return TextChunk("\n".join(buf), place, context)


def text_chunks(text: str, ctx: ExtractContext, **place: str | int | None) -> Iterator[TextChunk]:
    """An already decoded text (a PDF page, an e-mail body) as line-numbered chunks."""
    lines = text.splitlines()
    limit = ctx.limits.chunk_chars
    start = 0
    while start < len(lines):
        size, end = 0, start
        while end < len(lines) and (end == start or size + len(lines[end]) < limit):
            size += len(lines[end]) + 1
            end += 1
        chunk = "\n".join(lines[start:end])
        if chunk.strip():
            if ctx.over_budget(len(chunk)):
                return
            for piece in _split_long(chunk, limit) if len(chunk) > limit else (chunk,):
                yield TextChunk(piece, ctx.place(line=start + 1, **place))
        start = end
