"""Outlook's TNEF (``winmail.dat``, ``application/ms-tnef``) through tnefparse.

Exchange and Outlook wrap a rich-text message in TNEF: the body (plain, HTML or
compressed RTF) and every attachment are inside it, so a mail server's or a user's
``winmail.dat`` is a message of its own. The body is read as text and each attachment
handed back to the dispatcher like an e-mail attachment.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from connectors.files.extractors.base import (
    Embedded,
    ExtractContext,
    Item,
    Notice,
    bytes_opener,
    read_in_memory,
)
from connectors.files.extractors.markup import html_to_text
from connectors.files.extractors.rtf import rtf_chunks
from connectors.files.textio import text_chunks

#: TNEF's signature, 0x223E9F78 little-endian
MAGIC = b"\x78\x9f\x3e\x22"


def extract(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    from tnefparse import TNEF

    data = read_in_memory(stream, ctx, "TNEF message")
    if isinstance(data, Notice):
        yield data
        return
    message = TNEF(data)
    headers = [
        f"Subject: {p.data}"
        for p in message.msgprops
        if p.name == TNEF.ATTSUBJECT and isinstance(p.data, str) and p.data.strip()
    ]
    if headers:
        yield from text_chunks("\n".join(headers), ctx, part="header")
    body = getattr(message, "body", None)
    if body:
        yield from text_chunks(_text(body), ctx, part="body")
    html = getattr(message, "htmlbody", None)
    if html:
        yield from text_chunks(html_to_text(_text(html)), ctx, part="body-html")
    rtf = getattr(message, "rtfbody", None)
    if rtf:
        yield from rtf_chunks(rtf if isinstance(rtf, bytes) else rtf.encode(), ctx, part="body-rtf")
    for number, attachment in enumerate(message.attachments, 1):
        payload = attachment.data
        if not isinstance(payload, bytes | bytearray) or not payload:
            continue
        name = _name(attachment, message.codepage) or f"attachment-{number}"
        yield Embedded(name, bytes_opener(bytes(payload)), len(payload))


def _text(value: bytes | str) -> str:
    if isinstance(value, str):
        return value
    from connectors.files.encoding import decode_declared

    return decode_declared(value, None)[0]


def _name(attachment, codepage: str | None) -> str:  # type: ignore[no-untyped-def]
    """The attachment's file name; tnefparse reads 8-bit names as UTF-8, Outlook writes
    them in the message's code page (cp932 in Japan)."""
    try:
        name = attachment.long_filename()
    except (AttributeError, UnicodeError, ValueError):
        raw = getattr(attachment, "_name", b"")
        name = raw.decode(codepage or "cp932", "replace") if isinstance(raw, bytes) else ""
    if isinstance(name, bytes):
        name = name.decode(codepage or "cp932", "replace")
    return str(name or "").replace("\x00", "").strip().replace("/", "_")
