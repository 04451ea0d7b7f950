"""OCR (ocr = true): scanned PDFs and images read by tesseract; off by default.

Needs Debian's tesseract-ocr and tesseract-ocr-jpn and a CJK font (fonts-noto-cjk) to
draw the test scans: without them these tests skip with the reason, except under
``CI=true``, where CI installs them and the tests must run.
"""

from __future__ import annotations

import glob
import os
from pathlib import Path

import pytest

from connectors.base import SourceError
from connectors.files import ocr
from connectors.files.source import FilesSource
from tests.connectors.files.conftest import make_config, scan

ALL4 = {"PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"}
LINES = ("氏名　山田太郎", "電話　090-1234-5678", "メール　taro@example.jp")


def _need(what: str) -> None:
    reason = (
        f"{what} is not installed (apt-get install tesseract-ocr tesseract-ocr-jpn fonts-noto-cjk)"
    )
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(f"{reason}; CI=true: the OCR tests must run, not skip")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def scan_image():
    if ocr.missing_languages("jpn+eng") != ():
        _need("tesseract with jpn")
    fonts = glob.glob("/usr/share/fonts/**/NotoSansCJK-Regular.ttc", recursive=True)
    if not fonts:
        _need("a CJK font")
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(fonts[0], 40)
    image = Image.new("RGB", (1200, 320), "white")
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(LINES):
        draw.text((40, 40 + 90 * i), line, font=font, fill="black")
    return image


def test_scanned_pdf_and_images_are_read_with_ocr_on(
    tmp_path: Path, scan_image, fast_detector
) -> None:
    scan_image.save(tmp_path / "履歴書.pdf")  # a PDF holding only the picture: no text layer
    scan_image.save(tmp_path / "card.jpg")
    scan_image.save(tmp_path / "fax.tiff", save_all=True, append_images=[scan_image])
    off = scan(tmp_path, detector=fast_detector)
    assert off.findings == [] and off.error_kinds() == {"no_text_layer"}
    on = scan(tmp_path, detector=fast_detector, ocr=True)  # OCR may read 太郎 as 太朗
    for name in ("履歴書.pdf", "card.jpg", "fax.tiff"):
        assert on.entities(name) >= ALL4, name
    person = next(
        f for f in on.findings if f.location["path"] == "card.jpg" and f.entity == "PERSON"
    )
    assert person.evidence["places"][0]["part"] == "ocr"
    assert on.errors == []


def test_sample_mode_ocrs_a_bounded_number_of_pages(tmp_path: Path, scan_image) -> None:
    scan_image.save(tmp_path / "fax.tiff", save_all=True, append_images=[scan_image] * 3)
    out = scan(tmp_path, ocr=True, ocr_max_pages=1)
    phone = next(f for f in out.findings if f.entity == "PHONE_NUMBER")
    assert [p["page"] for p in phone.evidence["places"]] == [1]
    assert phone.evidence["sampled"] is True


def test_icons_are_not_read(tmp_path: Path, scan_image) -> None:
    scan_image.resize((300, 80)).save(tmp_path / "logo.png")
    assert ocr.ocr_image(scan_image.resize((300, 80)), "jpn") == ""


def test_ocr_asked_for_without_tesseract_fails_the_source_clearly(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(ocr, "missing_languages", lambda languages: None)
    source = FilesSource(make_config(tmp_path, ocr=True))
    with pytest.raises(SourceError, match="tesseract is not installed"):
        source.test_connection()
    monkeypatch.setattr(ocr, "missing_languages", lambda languages: ("jpn",))
    with pytest.raises(SourceError, match="lacks the language"):
        source.test_connection()
    FilesSource(make_config(tmp_path)).test_connection()  # off: nothing to check
