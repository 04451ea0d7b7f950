"""Outlook messages (.msg) through extract-msg: headers, body and attachments."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from connectors.files.encoding import decode_declared
from connectors.files.extractors.base import (
    Embedded,
    ExtractContext,
    Item,
    Notice,
    TextChunk,
    bytes_opener,
    read_in_memory,
)
from connectors.files.extractors.markup import html_to_text
from connectors.files.textio import text_chunks


def extract(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    import extract_msg

    data = read_in_memory(stream, ctx, "MSG file")
    if isinstance(data, Notice):
        yield data
        return
    message = extract_msg.openMsg(data, delayAttachments=True)
    try:
        yield from _message(message, ctx, "")
    finally:
        message.close()


def _message(message: Any, ctx: ExtractContext, prefix: str) -> Iterator[Item]:
    headers = []
    for label, attr in (("From", "sender"), ("To", "to"), ("Cc", "cc"), ("Subject", "subject")):
        value = _safe(message, attr)
        if value:
            headers.append(f"{label}: {value}")
    if headers:
        yield TextChunk("\n".join(headers), ctx.place(part=f"{prefix}header"), ("From", "To"))
    body = _safe(message, "body")
    if not body:
        html = _safe(message, "htmlBody")
        if isinstance(html, bytes):
            body = html_to_text(decode_declared(html, None)[0])
    if isinstance(body, str) and body.strip():
        yield from text_chunks(body, ctx, part=f"{prefix}body")
    for index, attachment in enumerate(_safe(message, "attachments") or [], start=1):
        name = (
            _safe(attachment, "longFilename")
            or _safe(attachment, "shortFilename")
            or f"attachment-{index}"
        )
        data = _safe(attachment, "data")
        if isinstance(data, bytes):
            yield Embedded(str(name), bytes_opener(data), len(data))
        elif data is not None and hasattr(data, "body"):
            yield from _message(data, ctx, f"{prefix}{name}:")


def _safe(obj: Any, attr: str) -> Any:
    """extract-msg computes properties lazily and raises on damaged streams: treat as absent."""
    try:
        return getattr(obj, attr)
    except Exception:  # extract-msg raises many exception types on damaged properties
        return None
