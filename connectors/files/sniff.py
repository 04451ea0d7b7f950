"""What a file really is, from its bytes: magic numbers first, the extension only as a hint.

Shares are full of misnamed files (an .xls that is HTML, a .txt that is a ZIP, a .csv
that is an Excel workbook); trusting extensions would skip personal data or feed
binaries to text parsers.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from enum import StrEnum
from typing import BinaryIO

from connectors.files.encoding import SNIFF_BYTES, EncodingGuess, detect_encoding


class FileType(StrEnum):
    TEXT = "text"
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"
    JSONL = "jsonl"
    HTML = "html"
    XML = "xml"
    EML = "eml"
    MBOX = "mbox"
    TNEF = "tnef"
    RTF = "rtf"
    XLSX = "xlsx"
    XLS = "xls"
    DOCX = "docx"
    DOC = "doc"
    PPTX = "pptx"
    PPT = "ppt"
    ODT = "odt"
    ODS = "ods"
    ODP = "odp"
    PDF = "pdf"
    IMAGE = "image"
    MSG = "msg"
    ZIP = "zip"
    COMPRESSED = "compressed"  # gzip, bzip2, xz
    TAR = "tar"
    SEVEN_ZIP = "7z"
    OTHER_ARCHIVE = "archive"  # RAR, LZH, CAB, ISO 9660 (libarchive)
    SQLITE = "sqlite"
    #: not extracted: the reason is in ``Sniffed.detail``
    EMPTY = "empty"
    BINARY = "binary"
    ENCRYPTED = "encrypted"
    UNSUPPORTED = "unsupported"


EXTRACTABLE = frozenset(
    t for t in FileType if t not in {"empty", "binary", "encrypted", "unsupported"}
)


@dataclass(frozen=True)
class Sniffed:
    type: FileType
    detail: str = ""
    encoding: EncodingGuess | None = None


_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "PNG image"),
    (0, b"\xff\xd8\xff", "JPEG image"),
    (0, b"GIF87a", "GIF image"),
    (0, b"GIF89a", "GIF image"),
    (0, b"II*\x00", "TIFF image"),
    (0, b"MM\x00*", "TIFF image"),
    (0, b"RIFF", "RIFF media"),
    (0, b"OggS", "Ogg media"),
    (0, b"ID3", "MP3 audio"),
    (0, b"fLaC", "FLAC audio"),
    (0, b"\x1aE\xdf\xa3", "Matroska video"),
    (4, b"ftyp", "MP4/QuickTime media"),
    (0, b"\x7fELF", "ELF executable"),
    (0, b"\xca\xfe\xba\xbe", "Java class / Mach-O"),
    (0, b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (0, b"wOFF", "web font"),
    (0, b"\x00\x01\x00\x00\x00", "TrueType font"),
    (0, b"OTTO", "OpenType font"),
    (0, b"PAR1", "Parquet data"),
)
#: image formats OCR can read (a scanned form, a photographed card)
_OCR_IMAGES = frozenset({"PNG image", "JPEG image", "GIF image", "TIFF image"})
#: two-letter magics that ordinary text can start with ("BMI,...", "MZ..."): trusted only
#: when the bytes are not text anyway
_WEAK_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"BM", "BMP image"),
    (b"MZ", "Windows executable"),
    (b"\x00\x00\x01\x00", "icon"),
)
_TNEF_MAGIC = b"\x78\x9f\x3e\x22"
_LZH = re.compile(rb"-l(?:h[0-7d]|z[s45])-")
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")
DAMAGED_OLE = "damaged OLE2 compound file"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_EML_HEADERS = re.compile(
    r"^(from|to|received|return-path|message-id|mime-version|subject|date|delivered-to|"
    r"reply-to|cc|content-type|x-[a-z0-9-]+):",
    re.IGNORECASE | re.MULTILINE,
)
#: an mbox envelope line: ``From sender date`` (Netscape wrote ``From - `` alone); what
#: follows it must look like e-mail headers
_FROM_LINE = re.compile(r"From \S+")
_HEADER_LINE = re.compile(r"^[A-Za-z0-9-]+:[ \t]|^[ \t]+\S")
_HTML_HINT = re.compile(r"<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s)", re.I)
#: a tag (names may be Japanese: ``<氏名>``), a declaration, a comment or a processing
#: instruction; ``<<お知らせ>>`` or ``< 5`` at the head of a text is not markup
_MARKUP_START = re.compile(r"<(?:[^\W\d][\w.:-]*(?:[\s/>]|$)|[!?/])")
_CSV_EXT = {".csv"}
_TSV_EXT = {".tsv", ".tab"}
_JSONL_EXT = {".jsonl", ".ndjson"}
_OOXML_MARKERS: tuple[tuple[str, FileType], ...] = (
    ("word/document.xml", FileType.DOCX),
    ("xl/workbook.xml", FileType.XLSX),
    ("xl/workbook.bin", FileType.UNSUPPORTED),
    ("ppt/presentation.xml", FileType.PPTX),
)


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > name.rfind("/") and dot != -1 else ""


def sniff(stream: BinaryIO, name: str) -> Sniffed:
    """Classify a seekable stream by content; ``name`` only settles ambiguous text."""
    stream.seek(0)
    head = stream.read(SNIFF_BYTES)
    stream.seek(0)
    if not head:
        return Sniffed(FileType.EMPTY, "empty file")
    if head.startswith(_ZIP_MAGICS):
        return _sniff_zip(stream, name)
    if head.startswith(_OLE_MAGIC):
        return _sniff_ole(stream)
    if b"%PDF-" in head[:1024]:
        return Sniffed(FileType.PDF, "PDF")
    if head.startswith((b"\x1f\x8b", b"\xfd7zXZ\x00", b"\x28\xb5\x2f\xfd")) or _BZIP2.match(head):
        return Sniffed(FileType.COMPRESSED, "compressed stream")
    if head.startswith((b"Rar!\x1a\x07", b"MSCF")) or _LZH.match(head[2:7]):
        return Sniffed(FileType.OTHER_ARCHIVE, "RAR, LZH or CAB archive")
    if head[0x8001:0x8006] == b"CD001":
        return Sniffed(FileType.OTHER_ARCHIVE, "ISO 9660 image")
    if head.startswith(b"SQLite format 3\x00"):
        return Sniffed(FileType.SQLITE, "SQLite database")
    if head.startswith(b"!BDN"):
        return Sniffed(FileType.UNSUPPORTED, "Outlook data file (.pst/.ost): not read")
    if head[4:19] in (b"Standard Jet DB", b"Standard ACE DB"):
        return Sniffed(FileType.UNSUPPORTED, "Microsoft Access database (.mdb/.accdb): not read")
    if head.startswith(b"7z\xbc\xaf\x27\x1c"):
        return Sniffed(FileType.SEVEN_ZIP, "7-Zip archive")
    if head[257:262] == b"ustar":
        return Sniffed(FileType.TAR, "tar archive")
    if head.startswith(_TNEF_MAGIC):
        return Sniffed(FileType.TNEF, "Outlook TNEF (winmail.dat)")
    for offset, magic, label in _MAGIC:
        if head[offset : offset + len(magic)] == magic:
            kind = FileType.IMAGE if label in _OCR_IMAGES else FileType.BINARY
            return Sniffed(kind, label)
    total = stream.seek(0, 2)
    stream.seek(0)
    # a preallocated or sparse log: text, then NUL padding; judge the text
    padded = head.rstrip(b"\0")
    if padded and len(head) - len(padded) > 1024:
        head = padded
    guess = detect_encoding(head, complete=len(head) >= total)
    text = ""
    if guess is not None:
        try:
            text = head[:8192].decode(guess.encoding, errors="replace").lstrip("\ufeff")
        except LookupError:
            guess = None
    controls = sum(1 for c in text if c < " " and c not in "\t\r\n\f\x1b")
    if guess is None:
        # e-mail is a byte protocol: raw 8-bit headers in no single charset are common,
        # and the e-mail extractor decodes each part by its own label
        raw = head[:8192].decode("latin-1")
        if _looks_like_email(raw):
            return Sniffed(FileType.EML, "e-mail with undecodable 8-bit bytes")
        if _FROM_LINE.match(raw) and _looks_like_email(raw.partition("\n")[2]):
            kind = FileType.EML if _suffix(name) == ".eml" else FileType.MBOX
            return Sniffed(kind, "mail folder with undecodable 8-bit bytes")
    if guess is None or (text and controls / len(text) > 0.05):
        for magic, label in _WEAK_MAGIC:
            if head.startswith(magic):
                return Sniffed(FileType.BINARY, label)
        return Sniffed(FileType.BINARY, "control characters" if guess else "undecodable bytes")
    return Sniffed(_text_kind(text, name), guess.encoding, guess)


def _text_kind(text: str, name: str) -> FileType:
    suffix = _suffix(name)
    stripped = text.lstrip()
    lower = stripped[:2048].lower()
    if stripped.startswith("{\\rtf"):
        return FileType.RTF
    if _MARKUP_START.match(stripped):
        if _HTML_HINT.search(lower) or suffix in {".html", ".htm", ".xhtml"}:
            return FileType.HTML
        return FileType.XML
    if _looks_like_email(text) or (suffix == ".eml" and _EML_HEADERS.search(text[:4096])):
        return FileType.EML
    if _FROM_LINE.match(stripped) and _looks_like_email(stripped.partition("\n")[2]):
        # an mbox folder (or one message saved with its envelope line)
        return FileType.EML if suffix == ".eml" else FileType.MBOX
    if stripped[:1] in ("{", "["):
        lines = [ln for ln in stripped.splitlines()[:20] if ln.strip()]
        if suffix in _JSONL_EXT or (
            len(lines) > 1 and all(ln.lstrip().startswith("{") for ln in lines[:-1])
        ):
            return FileType.JSONL
        return FileType.JSON
    if suffix in _CSV_EXT:
        return FileType.CSV
    if suffix in _TSV_EXT:
        return FileType.TSV
    return _delimited_kind(text)


def _looks_like_email(text: str) -> bool:
    """RFC 5322: header lines up to the first blank line, several of them well known."""
    block = re.split(r"\r?\n\r?\n", text[:8192], maxsplit=1)[0]
    lines = block.splitlines()
    if len(lines) < 2 or not all(_HEADER_LINE.match(ln) for ln in lines):
        return False
    return len(_EML_HEADERS.findall(block)) >= 2


def _delimited_kind(text: str) -> FileType:
    """A table without a telling extension: the same tab or comma count on every line."""
    lines = [ln for ln in text.splitlines()[:30] if ln.strip()]
    if len(lines) > 3:
        lines = lines[:-1]  # the last line may be cut by the sample
    if len(lines) < 3:
        return FileType.TEXT
    for sep, kind, minimum in (("\t", FileType.TSV, 1), (",", FileType.CSV, 2)):
        counts = {ln.count(sep) for ln in lines}
        if len(counts) == 1 and min(counts) >= minimum:
            return kind
    return FileType.TEXT


def _sniff_zip(stream: BinaryIO, name: str) -> Sniffed:
    try:
        with zipfile.ZipFile(stream) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        # still a ZIP; its extractor reports the damage
        return Sniffed(FileType.ZIP, "unreadable ZIP directory")
    finally:
        stream.seek(0)
    if "[Content_Types].xml" in names:
        for marker, kind in _OOXML_MARKERS:
            if marker in names:
                label = "binary Excel workbook (.xlsb)" if kind == FileType.UNSUPPORTED else ""
                return Sniffed(kind, label or kind.value)
        return Sniffed(FileType.UNSUPPORTED, "Office Open XML package of unknown kind")
    if "mimetype" in names and "content.xml" in names:
        return _sniff_opendocument(stream)
    return Sniffed(FileType.ZIP, "ZIP archive")


#: OpenDocument media types (templates too) -> type
_OPENDOCUMENT = {
    "application/vnd.oasis.opendocument.text": FileType.ODT,
    "application/vnd.oasis.opendocument.text-template": FileType.ODT,
    "application/vnd.oasis.opendocument.text-master": FileType.ODT,
    "application/vnd.oasis.opendocument.spreadsheet": FileType.ODS,
    "application/vnd.oasis.opendocument.spreadsheet-template": FileType.ODS,
    "application/vnd.oasis.opendocument.presentation": FileType.ODP,
    "application/vnd.oasis.opendocument.presentation-template": FileType.ODP,
}


def _sniff_opendocument(stream: BinaryIO) -> Sniffed:
    """The kind its ``mimetype`` member names; a password-protected one (its manifest
    carries encryption data) is ``encrypted``."""
    try:
        with zipfile.ZipFile(stream) as zf:
            media = zf.read("mimetype")[:100].decode("ascii", "replace").strip()
            manifest = b""
            if "META-INF/manifest.xml" in zf.namelist():
                info = zf.getinfo("META-INF/manifest.xml")
                if info.file_size <= 1_000_000:
                    manifest = zf.read(info)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError, RuntimeError):
        return Sniffed(FileType.ZIP, "unreadable OpenDocument package")
    finally:
        stream.seek(0)
    if b"encryption-data" in manifest:
        return Sniffed(FileType.ENCRYPTED, "password-protected OpenDocument file")
    kind = _OPENDOCUMENT.get(media)
    if kind is None:
        return Sniffed(FileType.UNSUPPORTED, f"OpenDocument file ({media[:60] or 'no type'})")
    return Sniffed(kind, kind.value)


def _sniff_ole(stream: BinaryIO) -> Sniffed:
    """OLE2 compound files hold XLS, MSG, DOC, PPT and password-protected OOXML."""
    import olefile

    try:
        ole = olefile.OleFileIO(stream)
    except Exception:  # olefile raises many types on damaged files
        stream.seek(0)
        return Sniffed(FileType.BINARY, DAMAGED_OLE)
    try:
        streams = {"/".join(parts).lower() for parts in ole.listdir(streams=True, storages=True)}
    finally:
        ole.close()
        stream.seek(0)
    if "encryptioninfo" in streams or "encryptedpackage" in streams:
        return Sniffed(FileType.ENCRYPTED, "password-protected Office file")
    if "workbook" in streams or "book" in streams:
        return Sniffed(FileType.XLS, "Excel 97-2003 workbook")
    if any(s.startswith("__substg1.0_") for s in streams) or "__properties_version1.0" in streams:
        return Sniffed(FileType.MSG, "Outlook message")
    if "worddocument" in streams:
        return Sniffed(FileType.DOC, "Word 97-2003 document (.doc)")
    if "powerpoint document" in streams:
        return Sniffed(FileType.PPT, "PowerPoint 97-2003 presentation (.ppt)")
    return Sniffed(FileType.UNSUPPORTED, "OLE2 compound file")
