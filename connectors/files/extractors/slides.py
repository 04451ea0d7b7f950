"""PowerPoint decks (.pptx) through python-pptx: shapes (grouped ones too), tables and
speaker notes, with the slide number as the page."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from connectors.files.extractors.base import ExtractContext, Item, Place
from connectors.files.extractors.paragraphs import paragraph_chunks
from connectors.files.extractors.zip_limits import check_archive


def extract(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    with zipfile.ZipFile(stream) as zf:
        check_archive(zf, ctx)
    stream.seek(0)
    yield from paragraph_chunks(_texts(stream, ctx), ctx)


def _texts(stream: BinaryIO, ctx: ExtractContext) -> Iterator[tuple[Place, str]]:
    from pptx import Presentation

    deck = Presentation(stream)
    for number, slide in enumerate(deck.slides, start=1):
        place = ctx.place(page=number)
        for text in _shape_texts(slide.shapes):
            yield place, text
        if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
            yield ctx.place(page=number, part="notes"), slide.notes_slide.notes_text_frame.text


def _shape_texts(shapes: Iterable[Any]) -> Iterator[str]:
    for shape in shapes:
        if getattr(shape, "shape_type", None) == 6:  # MSO_SHAPE_TYPE.GROUP
            yield from _shape_texts(shape.shapes)
            continue
        if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
            yield shape.text_frame.text
        if getattr(shape, "has_table", False) and shape.has_table:
            for row in shape.table.rows:
                yield "\t".join(cell.text.strip() for cell in row.cells if cell.text.strip())
