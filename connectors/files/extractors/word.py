"""Word documents (.docx) through python-docx: body paragraphs and tables in order, text
boxes (résumé templates put names and addresses in them), headers and footers."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from typing import BinaryIO

from connectors.files.extractors.base import ExtractContext, Item, Place
from connectors.files.extractors.paragraphs import paragraph_chunks
from connectors.files.extractors.zip_limits import check_archive


def extract(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    with zipfile.ZipFile(stream) as zf:
        check_archive(zf, ctx)
    stream.seek(0)
    yield from paragraph_chunks(_paragraphs(stream, ctx), ctx)


def _paragraphs(stream: BinaryIO, ctx: ExtractContext) -> Iterator[tuple[Place, str]]:
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table

    document = docx.Document(stream)
    number = 0
    for block in document.iter_inner_content():
        number += 1
        if isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = cell.text.strip()
                    if text and (not cells or cells[-1] != text):  # merged cells repeat
                        cells.append(text)
                yield ctx.place(paragraph=number), "\t".join(cells)
        else:
            yield ctx.place(paragraph=number), block.text
    for box in document.element.body.iter(qn("w:txbxContent")):
        for p in box.iter(qn("w:p")):
            number += 1
            yield (
                ctx.place(paragraph=number, part="textbox"),
                "".join(t.text or "" for t in p.iter(qn("w:t"))),
            )
    for section in document.sections:
        for part_name, part in (("header", section.header), ("footer", section.footer)):
            if part.is_linked_to_previous:
                continue
            for paragraph in part.paragraphs:
                yield ctx.place(part=part_name), paragraph.text
