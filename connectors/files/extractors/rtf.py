"""Rich Text Format (.rtf: WordPad, Word's "save as RTF", Outlook bodies) through striprtf.

Read as plain text, a Japanese RTF shows only its control words: the text itself is
written as ``\\'8e\\'52`` (cp932 bytes, named by ``\\ansicpg932``) or ``\\u23665?`` escapes.
striprtf resolves both, and drops the font, colour and style tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from connectors.files.extractors.base import ExtractContext, Item, in_memory_items
from connectors.files.textio import text_chunks


def extract(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    yield from in_memory_items(stream, ctx, "RTF document", lambda data: rtf_chunks(data, ctx))


def rtf_chunks(data: bytes, ctx: ExtractContext, **place: str | int | None) -> Iterator[Item]:
    """An RTF document's text (also an e-mail's or a TNEF message's RTF body)."""
    from striprtf.striprtf import rtf_to_text

    # RTF is 7-bit with escapes; stray 8-bit bytes are kept one to one
    text = rtf_to_text(data.decode("latin-1"), errors="replace")
    ctx.report.encodings.add("rtf")
    yield from text_chunks(text, ctx, **place)
