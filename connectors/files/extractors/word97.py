"""Word 97-2003 documents (.doc): the text of the piece table, read with olefile.

Old 履歴書 and 社員名簿 files are still ``.doc`` on many shares. The text of a Word binary
document is listed by its piece table ([MS-DOC] 2.8.35, the ``Clx`` in the table stream):
each piece is a run of characters stored either as UTF-16LE or, "compressed", as 8-bit
cp1252 (Word writes Japanese text in UTF-16 pieces). Field instructions (``HYPERLINK
"mailto:…"``) are kept beside their shown result; paragraph, cell and line marks become
line breaks and tabs. Formatting, images and embedded objects
are not read. No kept library does only this (antiword and LibreOffice are programs, not
libraries; the one pure-Python package is a few months old with its own OLE parser), and
olefile, which Kojin already uses to tell OLE2 files apart, reads the streams.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import BinaryIO

from connectors.files.extractors.base import ExtractContext, Item, in_memory_items
from connectors.files.textio import text_chunks

_WORD_MAGIC = 0xA5EC
_F_ENCRYPTED = 0x0100
_F_WHICH_TABLE = 0x0200
_FC_CLX_INDEX = 33  # fcClx / lcbClx in FibRgFcLcb97
#: paragraph, line and page marks, cell ends, field marks (an instruction such as
#: ``HYPERLINK "mailto:…"`` is kept: it is text an address can sit in), picture anchors
_MARKS = str.maketrans({"\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x07": "\t", "\x13": " ",
                        "\x14": " ", "\x15": " ", "\x01": None, "\x08": None})  # fmt: skip


class WordFormatError(ValueError):
    """The WordDocument or table stream is not what [MS-DOC] describes."""


def extract(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    what = "Word 97-2003 document"
    yield from in_memory_items(stream, ctx, what, lambda b: text_chunks(document_text(b), ctx))


def document_text(data: bytes) -> str:
    """The document's text (body, then footnotes, headers and the rest, as Word stores it)."""
    import olefile

    with olefile.OleFileIO(data) as ole:
        word = ole.openstream("WordDocument").read()
        if len(word) < 0x22 or _u16(word, 0) != _WORD_MAGIC:
            raise WordFormatError("no Word 97-2003 file information block")
        flags = _u16(word, 0x0A)
        if flags & _F_ENCRYPTED:
            raise WordFormatError("the document is encrypted (password-protected)")
        table_name = "1Table" if flags & _F_WHICH_TABLE else "0Table"
        if not ole.exists(table_name):
            raise WordFormatError(f"table stream {table_name} is missing")
        table = ole.openstream(table_name).read()
    fc_clx, lcb_clx = _clx_position(word)
    if lcb_clx == 0 or fc_clx + lcb_clx > len(table):
        raise WordFormatError("piece table outside the table stream")
    pieces = []
    for cp_start, cp_end, fc_value in _pieces(table[fc_clx : fc_clx + lcb_clx]):
        count = cp_end - cp_start
        if count <= 0:
            continue
        if fc_value & 0x40000000:  # compressed: one cp1252 byte a character
            start = (fc_value & 0x3FFFFFFF) // 2
            raw = word[start : start + count]
            pieces.append(raw.decode("cp1252", errors="replace"))
        else:
            raw = word[fc_value : fc_value + 2 * count]
            pieces.append(raw.decode("utf-16-le", errors="replace"))
    return "".join(pieces).translate(_MARKS)


def _clx_position(word: bytes) -> tuple[int, int]:
    """fcClx and lcbClx, found past the FIB's variable-length parts."""
    pos = 0x20
    csw = _u16(word, pos)
    pos += 2 + 2 * csw
    cslw = _u16(word, pos)
    pos += 2 + 4 * cslw
    cb_fc_lcb = _u16(word, pos)
    pos += 2
    if cb_fc_lcb <= _FC_CLX_INDEX:
        raise WordFormatError("file information block without a piece table")
    at = pos + 8 * _FC_CLX_INDEX
    return _u32(word, at), _u32(word, at + 4)


def _pieces(clx: bytes) -> Iterator[tuple[int, int, int]]:
    """(first CP, end CP, encoded fc) of each piece: skip the Prc entries, read the Pcdt."""
    i = 0
    while i < len(clx) and clx[i] == 0x01:
        i += 3 + _u16(clx, i + 1)
    if i >= len(clx) or clx[i] != 0x02:
        raise WordFormatError("no piece table (Pcdt) in the Clx")
    lcb = _u32(clx, i + 1)
    plc = clx[i + 5 : i + 5 + lcb]
    if lcb < 16 or len(plc) < lcb or (lcb - 4) % 12:
        raise WordFormatError("damaged piece table")
    n = (lcb - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    for k in range(n):
        fc_value = _u32(plc, 4 * (n + 1) + 8 * k + 2)
        yield cps[k], cps[k + 1], fc_value


def _u16(data: bytes, offset: int) -> int:
    if offset + 2 > len(data):
        raise WordFormatError("unexpected end of the Word data")
    return struct.unpack_from("<H", data, offset)[0]


def _u32(data: bytes, offset: int) -> int:
    if offset + 4 > len(data):
        raise WordFormatError("unexpected end of the Word data")
    return struct.unpack_from("<I", data, offset)[0]
