"""PowerPoint 97-2003 .ppt: slide, table, notes and hyperlink text from the record stream.

The fixture in data/ is our own deck, written by python-pptx and saved as .ppt by
LibreOffice 7.4 (``soffice --headless --convert-to 'ppt:MS PowerPoint 97'``), stored
gzipped (LibreOffice puts a 590 KB preview picture in it); the tests change copies of it
with olefile.
"""

from __future__ import annotations

import gzip
import io
import struct
from pathlib import Path

import olefile

from connectors.files.extractors.ppt97 import presentation_text
from connectors.files.sniff import FileType, sniff
from tests.connectors.files.conftest import scan

DATA = Path(__file__).parent / "data"


def _deck() -> bytes:
    return gzip.decompress((DATA / "briefing_ja.ppt.gz").read_bytes())


def _changed(tmp_path: Path, name: str, stream: str, change) -> Path:
    path = tmp_path / name
    path.write_bytes(_deck())
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        data = bytearray(ole.openstream(stream).read())
        change(data)
        ole.write_stream(stream, bytes(data))
    return path


def test_a_japanese_ppt_is_read_slides_table_notes_and_links(tmp_path: Path) -> None:
    (tmp_path / "説明会.ppt").write_bytes(_deck())
    out = scan(tmp_path)
    assert out.entities("説明会.ppt") == {"PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"}
    assert out.errors == []
    text = presentation_text(_deck())
    lines = text.splitlines()
    assert "担当：山田太郎（人事部）" in lines and "電話 03-1234-5678" in lines
    assert "鈴木一郎" in lines and "ichiro.suzuki@example.jp" in lines  # a table's cells
    assert "当日の受付は佐藤花子さん" in lines  # the speaker notes
    assert "mailto:hanako.sato@example.co.jp" in lines  # a hyperlink's target only
    assert "\r" not in text and "\x0b" not in text


def test_sniffing_a_ppt() -> None:
    sniffed = sniff(io.BytesIO(_deck()), "x.ppt")
    assert sniffed.type == FileType.PPT and ".ppt" in sniffed.detail


def test_an_encrypted_ppt_is_reported_encrypted(tmp_path: Path) -> None:
    def encrypted(current_user: bytearray) -> None:  # CurrentUserAtom.headerToken
        struct.pack_into("<I", current_user, 12, 0xF3D1C4DF)

    _changed(tmp_path, "secret.ppt", "Current User", encrypted)
    out = scan(tmp_path)
    assert out.error_kinds("secret.ppt") == {"encrypted"} and out.findings == []


def test_a_record_running_past_the_end_keeps_the_text_before_it(tmp_path: Path) -> None:
    def cut(document: bytearray) -> None:
        at = document.find("鈴木一郎".encode("utf-16-le")) - 8  # that TextCharsAtom's header
        assert struct.unpack_from("<H", document, at + 2)[0] == 0x0FA0
        struct.pack_into("<I", document, at + 4, 0x7FFFFFFF)

    path = _changed(tmp_path, "cut.ppt", "PowerPoint Document", cut)
    text = presentation_text(path.read_bytes())
    assert "担当：山田太郎（人事部）" in text and "鈴木一郎" not in text


def test_a_damaged_ppt_is_corrupt_and_the_scan_goes_on(tmp_path: Path) -> None:
    data = _deck()
    (tmp_path / "half.ppt").write_bytes(data[: len(data) // 3])
    (tmp_path / "ok.ppt").write_bytes(data)
    out = scan(tmp_path)
    assert "EMAIL_ADDRESS" in out.entities("ok.ppt")
    assert out.error_kinds("half.ppt") and out.entities("half.ppt") == set()


def test_a_stream_of_garbage_is_corrupt(tmp_path: Path) -> None:
    def garbage(document: bytearray) -> None:
        struct.pack_into("<HHI", document, 0, 0x0000, 0x0FA0, 0x7FFFFFFF)

    _changed(tmp_path, "garbage.ppt", "PowerPoint Document", garbage)
    out = scan(tmp_path)
    assert out.error_kinds("garbage.ppt") == {"corrupt"}
