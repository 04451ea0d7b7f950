"""Images (JPEG, PNG, GIF, TIFF, BMP): read by OCR when ``ocr = true``, else only counted.

A photographed ID card or a scanned form saved as an image holds personal data as
pixels. With OCR on, each image (each frame of a multi-page TIFF fax, up to
``ocr_max_pages`` in sample mode) is read by tesseract; without it an image stays a
quiet ``binary`` file, as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from connectors.files.extractors.base import ExtractContext, Item, Notice
from connectors.files.textio import text_chunks

#: larger images are not decoded (a 20,000 x 20,000 pixel "image" is a bomb, not a scan)
MAX_PIXELS = 60_000_000


def extract(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    """Only reached with ``ocr = true`` (without it the dispatcher counts images binary)."""
    from PIL import Image, ImageSequence

    from connectors.files.ocr import OcrUnavailableError, ocr_image

    with Image.open(stream) as image:
        if image.width * image.height > MAX_PIXELS:
            yield Notice("too_large", f"{image.width}x{image.height} pixels", ctx.place())
            return
        limit = None if ctx.limits.full else ctx.limits.ocr_max_pages
        for number, frame in enumerate(ImageSequence.Iterator(image), 1):
            if limit is not None and number > limit:
                ctx.report.sampled = True
                break
            try:
                text = ocr_image(frame.copy(), ctx.limits.ocr_languages, ctx.limits.timeout_s)
            except OcrUnavailableError as exc:
                yield Notice("ocr_unavailable", str(exc), ctx.place())
                return
            if text.strip():
                yield from text_chunks(text, ctx, page=number, part="ocr")
