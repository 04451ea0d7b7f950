"""PowerPoint 97-2003 presentations (.ppt): the text atoms of the document stream (olefile).

Old 会社説明会 decks, 研修 rosters and 提案書 on shares are still ``.ppt``. A binary
presentation keeps its text in records of the ``PowerPoint Document`` stream ([MS-PPT]
2.3.1): an 8-byte header (version and instance, type, length), containers (version 0xF)
holding further records, and atoms. Slide, placeholder and notes text sits in
``TextCharsAtom`` (UTF-16LE) and ``TextBytesAtom`` (the low bytes of UTF-16 characters,
Latin-1; PowerPoint writes Japanese as UTF-16); hyperlink targets (``mailto:…``),
comments and their authors in ``CString`` atoms. The stream is walked in file order, so
text a fast save left behind in older copies of a slide is read too: it is in the file.
Formatting, pictures and embedded OLE objects are not read. No kept Python library reads
.ppt text (python-pptx reads only .pptx); olefile, which Kojin already uses to tell OLE2
files apart, reads the stream.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import BinaryIO

from connectors.files.extractors.base import ExtractContext, Item, in_memory_items
from connectors.files.textio import text_chunks

_STREAM = "PowerPoint Document"
_TEXT_CHARS, _TEXT_BYTES, _CSTRING = 0x0FA0, 0x0FA8, 0x0FBA
_CURRENT_USER_ENCRYPTED = 0xF3D1C4DF  # CurrentUserAtom.headerToken of an encrypted file
_CRYPT_SESSION = 0x2F14  # CryptSession10Container
_HEADER = struct.Struct("<HHI")
#: paragraph and line breaks; the other control characters PowerPoint stores in text
_MARKS = str.maketrans({"\r": "\n", "\x0b": "\n", "\x00": None})
_KIND = {_TEXT_CHARS: "utf-16-le", _TEXT_BYTES: "latin-1", _CSTRING: "utf-16-le"}


class PptFormatError(ValueError):
    """The PowerPoint Document stream is not what [MS-PPT] describes."""


def extract(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    what = "PowerPoint 97-2003 presentation"
    yield from in_memory_items(stream, ctx, what, lambda b: text_chunks(presentation_text(b), ctx))


def presentation_text(data: bytes) -> str:
    """Every text atom of the presentation, one a line, in the order the stream holds them."""
    import olefile

    with olefile.OleFileIO(data) as ole:
        if not ole.exists(_STREAM):
            raise PptFormatError("no PowerPoint Document stream")
        if ole.exists("EncryptedSummary") or _current_user_encrypted(ole):
            raise PptFormatError("the presentation is encrypted (password-protected)")
        document = ole.openstream(_STREAM).read()
    return "\n".join(_texts(document))


def _current_user_encrypted(ole) -> bool:
    if not ole.exists("Current User"):
        return False
    head = ole.openstream("Current User").read(16)
    return len(head) >= 16 and struct.unpack_from("<I", head, 12)[0] == _CURRENT_USER_ENCRYPTED


def _texts(document: bytes) -> Iterator[str]:
    if len(document) < _HEADER.size:
        raise PptFormatError("empty PowerPoint Document stream")
    ver_instance, _, length = _HEADER.unpack_from(document, 0)
    if ver_instance & 0x000F != 0x000F and length > len(document) - _HEADER.size:
        raise PptFormatError("the first record runs past the end of the stream")
    pos, end = 0, len(document)
    while pos + _HEADER.size <= end:
        ver_instance, rec_type, length = _HEADER.unpack_from(document, pos)
        pos += _HEADER.size
        if rec_type == _CRYPT_SESSION:
            raise PptFormatError("the presentation is encrypted (password-protected)")
        if ver_instance & 0x000F == 0x000F:  # a container: its records follow
            continue
        if length > end - pos:  # a cut file: keep what was read
            break
        encoding = _KIND.get(rec_type)
        if encoding is not None and length:
            text = document[pos : pos + length].decode(encoding, errors="replace").translate(_MARKS)
            if text.strip():
                yield text
        pos += length
