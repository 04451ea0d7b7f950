"""PDF text layers through pdfplumber, page by page; scanned PDFs have none to read.

In sample mode a long PDF is read as its first pages plus evenly spaced ones, and pages
are released as soon as their text is taken so memory stays flat.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from connectors.files.extractors.base import ExtractContext, Item, Notice
from connectors.files.textio import text_chunks

HEAD_PAGES = 20
SPACED_PAGES = 20


def page_plan(count: int, full: bool) -> list[int]:
    """0-based page indexes to read."""
    if full or count <= HEAD_PAGES + SPACED_PAGES:
        return list(range(count))
    rest = count - HEAD_PAGES
    step = rest / SPACED_PAGES
    return list(range(HEAD_PAGES)) + sorted(
        {HEAD_PAGES + int(step * i + step / 2) for i in range(SPACED_PAGES)}
    )


def extract(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    import pdfplumber

    with pdfplumber.open(stream) as pdf:
        pages = pdf.pages
        plan = page_plan(len(pages), ctx.limits.full)
        if len(plan) < len(pages):
            ctx.report.sampled = True
        found_text = False
        for index in plan:
            page = pages[index]
            try:
                text = page.extract_text() or ""
            finally:
                page.close()
            if not text.strip():
                continue
            found_text = True
            if ctx.budget.left is not None and ctx.budget.left <= 0:
                ctx.report.truncated = True
                break
            yield from text_chunks(text, ctx, page=index + 1)
        if plan and not found_text:
            yield Notice("no_text_layer", "PDF has no text layer (scanned image?)", ctx.place())
