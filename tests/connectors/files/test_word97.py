"""Word 97-2003 .doc: the piece table's text, UTF-16 and compressed pieces, field codes.

The two fixtures in data/ are our own text written by LibreOffice 7.4
(``soffice --headless --convert-to 'doc:MS Word 97'`` from a python-docx file and from an
HTML page with a mailto link); the tests change copies of them with olefile.
"""

from __future__ import annotations

import io
import shutil
import struct
from pathlib import Path

import olefile

from connectors.files.extractors.word97 import _clx_position, document_text
from connectors.files.sniff import FileType, sniff
from tests.connectors.files.conftest import scan

DATA = Path(__file__).parent / "data"


def test_a_japanese_doc_is_read_with_its_table(tmp_path: Path) -> None:
    shutil.copy(DATA / "resume_ja.doc", tmp_path / "履歴書.doc")
    out = scan(tmp_path)
    assert out.entities("履歴書.doc") == {"PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"}
    assert out.errors == []
    text = document_text((DATA / "resume_ja.doc").read_bytes())
    assert "氏名：山田太郎" in text and "メール\ttaro@example.jp" in text


def test_a_mailto_field_instruction_is_kept_beside_its_result() -> None:
    text = document_text((DATA / "mailto_link.doc").read_bytes())
    assert 'HYPERLINK "mailto:hanako@example.com"' in text and "Sato Hanako" in text
    assert "\x13" not in text and "\x15" not in text


def _table_name(word: bytes) -> str:
    return "1Table" if struct.unpack_from("<H", word, 0x0A)[0] & 0x0200 else "0Table"


def test_a_compressed_piece_is_read_as_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "compressed.doc"
    shutil.copy(DATA / "mailto_link.doc", path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        name = _table_name(word)
        table = bytearray(ole.openstream(name).read())
        fc_clx, _ = _clx_position(bytes(word))
        assert table[fc_clx] == 0x02  # a single Pcdt, no Prc, in LibreOffice's output
        n = (struct.unpack_from("<I", table, fc_clx + 1)[0] - 4) // 12
        cps = struct.unpack_from(f"<{n + 1}I", table, fc_clx + 5)
        pcd = fc_clx + 5 + 4 * (n + 1) + 2
        fc = struct.unpack_from("<I", table, pcd)[0]
        text = word[fc : fc + 2 * (cps[1] - cps[0])].decode("utf-16-le")
        squeezed = text.replace("Sato", "Søto").encode("cp1252")
        word[fc : fc + len(squeezed)] = squeezed  # 8-bit text where the UTF-16 was
        struct.pack_into("<I", table, pcd, (fc * 2) | 0x40000000)
        ole.write_stream("WordDocument", bytes(word))
        ole.write_stream(name, bytes(table))
    assert "Søto Hanako  tel 03-1234-5678" in document_text(path.read_bytes())


def test_an_encrypted_doc_is_reported_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "secret.doc"
    shutil.copy(DATA / "resume_ja.doc", path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        word[0x0B] |= 0x01  # fEncrypted
        ole.write_stream("WordDocument", bytes(word))
    out = scan(tmp_path)
    assert out.error_kinds("secret.doc") == {"encrypted"} and out.findings == []


def test_a_damaged_doc_is_corrupt_and_the_scan_goes_on(tmp_path: Path) -> None:
    data = (DATA / "resume_ja.doc").read_bytes()
    (tmp_path / "cut.doc").write_bytes(data[: len(data) // 2])
    shutil.copy(DATA / "mailto_link.doc", tmp_path / "ok.doc")
    out = scan(tmp_path)
    assert "EMAIL_ADDRESS" in out.entities("ok.doc")
    assert out.error_kinds("cut.doc") and out.entities("cut.doc") == set()


def test_sniffing_a_doc() -> None:
    data = (DATA / "resume_ja.doc").read_bytes()
    assert sniff(io.BytesIO(data), "x.doc").type == FileType.DOC
