"""OCR of scanned pages and images with tesseract (through pytesseract), when enabled.

A scanned 履歴書, a photographed driving licence or a faxed order form has no text layer:
without OCR the scan can only say ``no_text_layer`` or count the file as an image. With
``ocr = true`` such pages and images are read by tesseract in ``ocr_languages`` (Debian's
``tesseract-ocr`` and ``tesseract-ocr-jpn`` packages carry the program and the Japanese
model: nothing is downloaded). Tesseract's Japanese output puts spaces between
characters (山 田 太 郎); they are taken out between two Japanese characters so names
and addresses read as written. Text from OCR is marked ``part = "ocr"`` in its places.
"""

from __future__ import annotations

import functools
import re
from typing import Any

#: images smaller than this on their short side are icons and logos, not documents
MIN_SIDE_PX = 200
#: pages are rendered at this resolution for OCR
RENDER_DPI = 200
_JA = r"\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff9f"
_JA_SPACE = re.compile(rf"(?<=[{_JA}]) +(?=[{_JA}])")


class OcrUnavailableError(RuntimeError):
    """tesseract (or one of the configured languages) is not installed."""


@functools.cache
def missing_languages(languages: str) -> tuple[str, ...] | None:
    """The configured languages tesseract lacks (empty: all there); None: no tesseract."""
    try:
        import pytesseract

        installed = set(pytesseract.get_languages(config=""))
    except Exception:  # noqa: BLE001 - not installed, not runnable: the same to the user
        return None
    return tuple(lang for lang in languages.split("+") if lang not in installed)


def check_available(languages: str) -> None:
    missing = missing_languages(languages)
    if missing is None:
        raise OcrUnavailableError(
            "ocr = true but tesseract is not installed (apt-get install tesseract-ocr "
            "tesseract-ocr-jpn)"
        )
    if missing:
        raise OcrUnavailableError(
            f"ocr = true but tesseract lacks the language(s) {', '.join(missing)} "
            "(apt-get install tesseract-ocr-jpn)"
        )


def ocr_image(image: Any, languages: str, timeout_s: float = 0) -> str:
    """The text tesseract reads in a PIL image ('' for an icon-sized one)."""
    import pytesseract

    if min(image.size) < MIN_SIDE_PX:
        return ""
    check_available(languages)
    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    text = pytesseract.image_to_string(image, lang=languages, timeout=timeout_s or 0)
    return _JA_SPACE.sub("", text)
