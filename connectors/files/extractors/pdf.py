"""PDF text layers through pdfplumber, page by page; scanned PDFs have none to read.

A page set in vertical writing (縦書き) is read column by column, right to left and top
to bottom, from pdfplumber's characters: its row-wise ``extract_text`` would interleave
the columns into noise.

An encrypted PDF is read only when the empty password opens it as its *user* password, as
PDFium and Acrobat open it. pdfminer (and pypdf) also try the empty string as the owner
password, which opens a file that ``qpdf --encrypt secret "" 256`` protected with a user
password: that file is reported ``encrypted``, not read. So is one whose password check
passes but whose file key is wrong (AES-256's /Perms does not decrypt to its marker):
its text would be noise.

In sample mode a long PDF is read as its first pages plus evenly spaced ones, and pages
are released as soon as their text is taken so memory stays flat. With ``ocr = true`` a
page without a text layer is rendered (pypdfium2, through pdfplumber) and read by
tesseract (``connectors/files/ocr.py``), up to ``ocr_max_pages`` pages in sample mode.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, BinaryIO

from connectors.files.extractors.base import ExtractContext, Item, Notice
from connectors.files.textio import text_chunks

HEAD_PAGES = 20
SPACED_PAGES = 20
#: share of consecutive characters stacked top to bottom from which a page is vertical
VERTICAL_SHARE = 0.5


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
        locked = _password_problem(pdf.doc)
        if locked:
            yield Notice("encrypted", locked, ctx.place())
            return
        pages = pdf.pages
        plan = page_plan(len(pages), ctx.limits.full)
        if len(plan) < len(pages):
            ctx.report.sampled = True
        found_text = False
        ocr = _PageOcr(ctx)
        for index in plan:
            page = pages[index]
            part = None
            try:
                text = _vertical_text(page.chars) or page.extract_text() or ""
                if not text.strip() and ocr.wanted():
                    text, part = ocr.read(page), "ocr"
            finally:
                page.close()
            if not text.strip():
                continue
            found_text = True
            if ctx.budget.left is not None and ctx.budget.left <= 0:
                ctx.report.truncated = True
                break
            yield from text_chunks(text, ctx, page=index + 1, part=part)
        if ocr.problem:
            yield Notice("ocr_unavailable", ocr.problem, ctx.place())
        if plan and not found_text:
            yield Notice("no_text_layer", "PDF has no text layer (scanned image?)", ctx.place())


class _PageOcr:
    """OCR of a PDF's pages without a text layer: up to ``ocr_max_pages`` in sample mode."""

    def __init__(self, ctx: ExtractContext) -> None:
        self._ctx = ctx
        self._left = None if ctx.limits.full else ctx.limits.ocr_max_pages
        self.problem = ""

    def wanted(self) -> bool:
        if not self._ctx.limits.ocr or self.problem:
            return False
        if self._left is not None and self._left <= 0:
            self._ctx.report.sampled = True
            return False
        return True

    def read(self, page: Any) -> str:
        from connectors.files.ocr import RENDER_DPI, OcrUnavailableError, ocr_image

        if self._left is not None:
            self._left -= 1
        try:
            image = page.to_image(resolution=RENDER_DPI).original
            limits = self._ctx.limits
            return ocr_image(image, limits.ocr_languages, limits.timeout_s)
        except OcrUnavailableError as exc:
            self.problem = str(exc)
            return ""


def _password_problem(doc: Any) -> str | None:
    """Why an encrypted document pdfminer opened with the empty password must not be read,
    or None (not encrypted, or the empty password is its user password)."""
    if not getattr(doc, "encryption", None):
        return None
    handler = getattr(doc.decipher, "__self__", None)
    if handler is None:
        return None
    try:
        if hasattr(handler, "u_validation_salt"):  # revisions 5 and 6 (AES-256)
            empty = handler._normalize_password("")
            if handler._password_hash(empty, handler.u_validation_salt) != handler.u_hash:
                return "user password set (only the empty owner password opens it)"
            perms = handler.param.get("Perms")
            if isinstance(perms, bytes) and len(perms) == 16 and handler.key:
                from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

                decryptor = Cipher(algorithms.AES(handler.key), modes.ECB()).decryptor()
                if decryptor.update(perms)[9:12] != b"adb":
                    return "the empty password opens it but its content does not decrypt"
        elif handler.authenticate_user_password(b"") is None:  # revisions 2-4
            return "user password set (only the empty owner password opens it)"
    except (AttributeError, TypeError, ValueError):  # another pdfminer: trust its decision
        return None
    return None


def _vertical_text(chars: Sequence[dict[str, Any]]) -> str | None:
    """The page's text in vertical reading order, or None when it is not set vertically."""
    printed = [c for c in chars if c["text"].strip()]
    if len(printed) < 4:
        return None
    stacked = 0
    for a, b in zip(printed, printed[1:], strict=False):
        size = a["size"] or 1.0
        same_column = abs((a["x0"] + a["x1"]) - (b["x0"] + b["x1"])) / 2 < 0.3 * size
        if same_column and 0 < b["top"] - a["top"] < 2 * size:
            stacked += 1
    if stacked / (len(printed) - 1) < VERTICAL_SHARE:
        return None
    columns: list[tuple[float, list[dict[str, Any]]]] = []
    for c in sorted(printed, key=lambda c: -(c["x0"] + c["x1"])):
        centre = (c["x0"] + c["x1"]) / 2
        if columns and abs(columns[-1][0] - centre) < 0.5 * (c["size"] or 1.0):
            columns[-1][1].append(c)
        else:
            columns.append((centre, [c]))
    return "\n".join(
        "".join(c["text"] for c in sorted(column, key=lambda c: c["top"])) for _, column in columns
    )
