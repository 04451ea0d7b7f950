"""E-mail (.eml, RFC 5322) with the standard library's modern parser.

Address and subject headers, text and HTML bodies (decoded by their declared charset,
with ISO-2022-JP and Shift_JIS labels widened to what Japanese mailers really send),
and attachments and forwarded messages handed back to the dispatcher as embedded files.
"""

from __future__ import annotations

from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import BinaryIO

from connectors.files.encoding import decode_declared
from connectors.files.extractors.base import (
    Embedded,
    ExtractContext,
    Item,
    Notice,
    TextChunk,
    bytes_opener,
)
from connectors.files.extractors.markup import html_to_text
from connectors.files.textio import iter_chunks, iter_lines, text_chunks

HEADERS = ("From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Subject", "Date")


def extract(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    size = stream.seek(0, 2)
    if size > ctx.limits.in_memory_bytes:
        yield Notice(
            "too_large", "e-mail larger than the in-memory limit; read as text", ctx.place()
        )
        yield from iter_chunks(iter_lines(stream, ctx), ctx)
        return
    stream.seek(0)
    message = BytesParser(policy=policy.default).parse(stream)
    ctx.report.bytes_read += size
    yield from _message(message, ctx, "")


def _message(message: EmailMessage, ctx: ExtractContext, prefix: str) -> Iterator[Item]:
    header_lines: list[str] = []
    for name in HEADERS:
        for value in message.get_all(name, []):
            try:
                text = str(value)
            except (ValueError, LookupError, UnicodeError):
                continue
            header_lines.append(f"{name}: {text}")
    if header_lines:
        text = "\n".join(header_lines)
        if not ctx.over_budget(len(text)):
            yield TextChunk(text, ctx.place(part=f"{prefix}header", line=1), HEADERS)
    yield from _part(message, ctx, prefix, [0])


def _part(
    part: EmailMessage, ctx: ExtractContext, prefix: str, counter: list[int]
) -> Iterator[Item]:
    if part.is_multipart():
        for sub in part.iter_parts():
            yield from _part(sub, ctx, prefix, counter)  # type: ignore[arg-type]
        return
    counter[0] += 1
    ctype = part.get_content_type()
    filename = part.get_filename()
    if ctype == "message/rfc822":
        inner = part.get_payload()
        inner_msg = inner[0] if isinstance(inner, list) and inner else None
        if isinstance(inner_msg, EmailMessage):
            data = inner_msg.as_bytes()
            yield Embedded(filename or f"message-{counter[0]}.eml", bytes_opener(data), len(data))
        return
    disposition = part.get_content_disposition()
    is_body = ctype in ("text/plain", "text/html") and disposition != "attachment" and not filename
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes | bytearray):
        return
    if not is_body:
        name = filename or f"part-{counter[0]}"
        yield Embedded(name, bytes_opener(bytes(payload)), len(payload), declared_type=ctype)
        return
    text, codec = decode_declared(bytes(payload), part.get_content_charset())
    ctx.report.encodings.add(codec)
    if ctype == "text/html":
        text = html_to_text(text)
    place_part = f"{prefix}body" if counter[0] == 1 else f"{prefix}body-{counter[0]}"
    yield from text_chunks(text, ctx, part=place_part)
