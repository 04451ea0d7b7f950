"""Build real documents of every supported format in memory, for tests, bench and examples.

No writer libraries exist here for PDF with Japanese text or for Outlook .msg, so those
are assembled by hand: a PDF with a non-embedded Adobe-Japan1 font (the text layer is
what a scanner reads) and an OLE2 compound file holding MAPI property streams.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Mapping, Sequence
from email.message import EmailMessage
from email.policy import SMTP

# -- PDF --------------------------------------------------------------------------------


def build_pdf(
    pages: Sequence[Sequence[str]],
    vertical: bool = False,
    password_protected: bool = False,
    aes256: tuple[str, str] | None = None,
    wrong_key: bool = False,
) -> bytes:
    """A PDF whose text layer holds ``pages`` (lists of lines), Japanese included.

    The Type0 font uses the predefined UniJIS-UCS2-H CMap, so each character is written
    as its UCS-2 code and readers map it to Unicode through Adobe-Japan1. ``vertical``
    writes 縦書き: the -V CMap, each line a column from the right edge leftwards.
    ``password_protected`` adds a standard security handler whose user password is not
    empty, so no reader opens it without the password (the text stays unencrypted:
    readers refuse before they decrypt anything).

    ``aes256 = (user password, owner password)`` encrypts strings and streams with AES-256
    (security handler revision 5, as ``qpdf --encrypt U O 256 --force-R5`` writes).
    ``wrong_key`` stores a file key in /UE and /OE that is not the one the content was
    encrypted with: the password checks pass, the content does not decrypt.
    """
    aes = _Aes256(*aes256, wrong_key=wrong_key) if aes256 else None
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_id = add(b"")
    descriptor = add(
        b"<< /Type /FontDescriptor /FontName /KozMinPr6N-Regular /Flags 4 "
        b"/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        b"/CapHeight 700 /StemV 80 >>"
    )
    cidfont = add(
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPr6N-Regular "
        b"/CIDSystemInfo << /Registry %s /Ordering %s /Supplement 6 >> "
        b"/FontDescriptor %d 0 R /DW 1000 >>"
        % (_pdf_string(b"Adobe", aes), _pdf_string(b"Japan1", aes), descriptor)
    )
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPr6N-Regular "
        b"/Encoding /UniJIS-UCS2-%s /DescendantFonts [%d 0 R] >>"
        % (b"V" if vertical else b"H", cidfont)
    )
    kids = []
    for lines in pages:
        ops = [b"BT /F1 10 Tf 40 800 Td 14 TL"]
        for i, line in enumerate(lines):
            text = b"<" + line.encode("utf-16-be").hex().encode() + b">"
            if vertical:  # each column starts at the top, columns run right to left
                ops.append(b"1 0 0 1 %d 800 Tm %s Tj" % (550 - 16 * i, text))
            else:
                ops.append(text + b" Tj T*")
        ops.append(b"ET")
        stream = b"\n".join(ops)
        if aes:
            stream = aes.encrypt(stream)
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        page = add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
            % (pages_id, font, content)
        )
        kids.append(page)
    encrypt = b""
    if password_protected:
        key = add(
            b"<< /Filter /Standard /V 1 /R 2 /P -44 /O <%s> /U <%s> >>" % (b"ab" * 32, b"cd" * 32)
        )
        encrypt = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (key, b"01" * 16, b"01" * 16)
    elif aes:
        key = add(aes.dictionary())
        encrypt = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (key, b"01" * 16, b"01" * 16)
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, catalog, encrypt, xref)
    )
    return out.getvalue()


def _pdf_string(text: bytes, aes: _Aes256 | None) -> bytes:
    return b"<%s>" % aes.encrypt(text).hex().encode() if aes else b"(%s)" % text


class _Aes256:
    """PDF standard security handler, revision 5 (AES-256): the /Encrypt entries and the
    encryption of strings and streams (one file key for all objects, a random IV first)."""

    def __init__(self, user: str, owner: str, wrong_key: bool = False) -> None:
        import hashlib
        import os

        self.key = os.urandom(32)
        stored = os.urandom(32) if wrong_key else self.key
        u_salts, o_salts = os.urandom(16), os.urandom(16)
        upw, opw = user.encode(), owner.encode()
        self.u = hashlib.sha256(upw + u_salts[:8]).digest() + u_salts
        self.ue = self._cbc(hashlib.sha256(upw + u_salts[8:]).digest(), stored)
        self.o = hashlib.sha256(opw + o_salts[:8] + self.u).digest() + o_salts
        self.oe = self._cbc(hashlib.sha256(opw + o_salts[8:] + self.u).digest(), stored)
        perms = struct.pack("<i", -4) + b"\xff\xff\xff\xffTadb" + os.urandom(4)
        self.perms = self._ecb(self.key, perms)

    @staticmethod
    def _cbc(key: bytes, data: bytes, iv: bytes = b"\0" * 16) -> bytes:
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

        encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
        return encryptor.update(data) + encryptor.finalize()

    @staticmethod
    def _ecb(key: bytes, data: bytes) -> bytes:
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

        encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
        return encryptor.update(data) + encryptor.finalize()

    def encrypt(self, data: bytes) -> bytes:
        import os

        pad = 16 - len(data) % 16
        iv = os.urandom(16)
        return iv + self._cbc(self.key, data + bytes([pad]) * pad, iv)

    def dictionary(self) -> bytes:
        return (
            b"<< /Filter /Standard /V 5 /R 5 /Length 256 /P -4 /StmF /StdCF /StrF /StdCF "
            b"/CF << /StdCF << /AuthEvent /DocOpen /CFM /AESV3 /Length 32 >> >> "
            b"/O <%s> /U <%s> /OE <%s> /UE <%s> /Perms <%s> >>"
            % tuple(v.hex().encode() for v in (self.o, self.u, self.oe, self.ue, self.perms))
        )


# -- OLE2 compound files and Outlook .msg ---------------------------------------------

_FREE, _END, _FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
_SECTOR, _MINI, _CUTOFF = 512, 64, 4096


def build_cfb(streams: Mapping[str, bytes]) -> bytes:
    """A version-3 compound file with the given streams ("a/b" puts b in storage a)."""
    # directory tree: storages from path prefixes
    entries: list[dict] = [{"name": "Root Entry", "type": 5, "children": [], "data": b""}]
    index: dict[str, int] = {"": 0}
    for path in sorted(streams):
        parts = path.split("/")
        for depth in range(1, len(parts)):
            key = "/".join(parts[:depth])
            if key not in index:
                index[key] = len(entries)
                entries.append({"name": parts[depth - 1], "type": 1, "children": [], "data": b""})
                entries[index["/".join(parts[: depth - 1])]]["children"].append(index[key])
        index[path] = len(entries)
        entries.append({"name": parts[-1], "type": 2, "children": [], "data": streams[path]})
        entries[index["/".join(parts[:-1])]]["children"].append(index[path])

    mini = bytearray()
    minifat: list[int] = []
    big: list[tuple[int, bytes]] = []
    for i, e in enumerate(entries):
        data = e["data"]
        if e["type"] != 2:
            continue
        if len(data) < _CUTOFF:
            e["start"] = len(minifat) if data else _END
            count = -(-len(data) // _MINI)
            for k in range(count):
                minifat.append(len(minifat) + 1 if k < count - 1 else _END)
            mini += data.ljust(count * _MINI, b"\0")
        else:
            big.append((i, data))

    sectors: list[bytes] = []
    fat: list[int] = []

    def put(data: bytes, marker: int | None = None) -> int:
        start = len(sectors)
        count = max(1, -(-len(data) // _SECTOR))
        for k in range(count):
            sectors.append(data[k * _SECTOR : (k + 1) * _SECTOR].ljust(_SECTOR, b"\0"))
            fat.append(marker if marker is not None else (start + k + 1 if k < count - 1 else _END))
        return start

    for i, data in big:
        entries[i]["start"] = put(data)
    ministream_start = put(bytes(mini)) if mini else _END
    minifat_bytes = b"".join(struct.pack("<I", v) for v in minifat)
    minifat_start = put(minifat_bytes.ljust(_SECTOR, b"\xff")) if minifat else _END
    entries[0]["start"] = ministream_start
    entries[0]["size"] = len(mini)

    def sort_key(i: int) -> tuple[int, str]:
        name = entries[i]["name"]
        return (len(name), name.upper())

    left_right: dict[int, tuple[int, int]] = {}
    child: dict[int, int] = {}
    for i, e in enumerate(entries):
        kids = sorted(e["children"], key=sort_key)
        if kids:
            child[i] = kids[0]
            for a, b in zip(kids, kids[1:] + [None], strict=True):
                left_right[a] = (_FREE, b if b is not None else _FREE)
    directory = bytearray()
    for i, e in enumerate(entries):
        name = e["name"].encode("utf-16-le") + b"\0\0"
        size = e.get("size", len(e["data"]))
        lr = left_right.get(i, (_FREE, _FREE))
        directory += struct.pack(
            "<64sHBBIII16sIQQIQ",
            name.ljust(64, b"\0"),
            len(name),
            e["type"],
            1,
            lr[0],
            lr[1],
            child.get(i, _FREE),
            b"\0" * 16,
            0,
            0,
            0,
            e.get("start", _END) if e["type"] != 1 else 0,
            size,
        )
    directory = bytes(directory.ljust(-(-len(directory) // _SECTOR) * _SECTOR, b"\0"))
    dir_start = put(directory)

    # FAT sectors: enough to cover every sector including themselves
    n_fat = 1
    while (len(sectors) + n_fat) > n_fat * (_SECTOR // 4):
        n_fat += 1
    fat_start = len(sectors)
    fat.extend([_FAT] * n_fat)
    table = b"".join(struct.pack("<I", v) for v in fat).ljust(n_fat * _SECTOR, b"\xff")
    for k in range(n_fat):
        sectors.append(table[k * _SECTOR : (k + 1) * _SECTOR])
    difat = [fat_start + k for k in range(n_fat)] + [_FREE] * (109 - n_fat)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"\0" * 16,
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        b"\0" * 6,
        0,
        n_fat,
        dir_start,
        0,
        _CUTOFF,
        minifat_start,
        1 if minifat else 0,
        _END,
        0,
    ) + b"".join(struct.pack("<I", v) for v in difat)
    return header + b"".join(sectors)


def build_msg(
    subject: str,
    body: str,
    sender: str,
    to: str,
    attachments: Sequence[tuple[str, bytes]] = (),
) -> bytes:
    """An Outlook .msg (unicode string properties) that extract-msg can open."""

    def prop_stream(tag: str, text: str) -> tuple[str, bytes]:
        return f"__substg1.0_{tag}001F", text.encode("utf-16-le")

    streams: dict[str, bytes] = dict(
        [
            prop_stream("001A", "IPM.Note"),
            prop_stream("0037", subject),
            prop_stream("1000", body),
            prop_stream("0C1A", sender),
            prop_stream("0C1F", sender),
            prop_stream("0E04", to),
        ]
    )
    # property stream header of a top-level message: 32 bytes, no fixed properties
    streams["__properties_version1.0"] = struct.pack(
        "<8sIIII8s", b"\0" * 8, 0, 0, len(attachments), len(attachments), b"\0" * 8
    )
    streams["__nameid_version1.0/__substg1.0_00020102"] = b""
    streams["__nameid_version1.0/__substg1.0_00030102"] = b""
    streams["__nameid_version1.0/__substg1.0_00040102"] = b""
    for i, (name, data) in enumerate(attachments):
        folder = f"__attach_version1.0_#{i:08X}"
        streams[f"{folder}/__properties_version1.0"] = b"\0" * 8 + struct.pack(
            "<HHII", 0x0003, 0x3705, 2, 1
        ).ljust(16, b"\0")
        streams[f"{folder}/__substg1.0_3707001F"] = name.encode("utf-16-le")
        streams[f"{folder}/__substg1.0_37010102"] = data
    return build_cfb(streams)


# -- Office, e-mail, archives ------------------------------------------------------------


def build_xlsx(sheets: Mapping[str, Sequence[Sequence[object]]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def build_xls(sheets: Mapping[str, Sequence[Sequence[object]]]) -> bytes | None:
    """An Excel 97-2003 workbook via xlwt (a test-only tool); None if xlwt is missing."""
    try:
        import xlwt
    except ImportError:
        return None
    book = xlwt.Workbook(encoding="utf-8")
    for name, rows in sheets.items():
        sheet = book.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                sheet.write(r, c, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def build_docx(paragraphs: Sequence[str], table: Sequence[Sequence[str]] = ()) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def build_pptx(slides: Sequence[Sequence[str]], notes: Sequence[str] = ()) -> bytes:
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    layout = deck.slide_layouts[6]
    for i, lines in enumerate(slides):
        slide = deck.slides.add_slide(layout)
        box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(8), Inches(4))
        box.text_frame.text = "\n".join(lines)
        if i < len(notes):
            slide.notes_slide.notes_text_frame.text = notes[i]
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


_ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"'
)


def build_opendocument(
    kind: str,
    body: str,
    styles_body: str = "",
    encrypted: bool = False,
    extra: Mapping[str, bytes] | None = None,
) -> bytes:
    """An OpenDocument package as LibreOffice writes it: ``kind`` is text, spreadsheet or
    presentation; ``body`` the XML inside ``office:text`` / ``office:spreadsheet`` /
    ``office:presentation``; ``styles_body`` goes into styles.xml's master styles
    (headers, footers). ``encrypted`` marks content.xml encrypted in the manifest."""
    media = f"application/vnd.oasis.opendocument.{kind}"
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_ODF_NS}>'
        f"<office:body><office:{kind}>{body}</office:{kind}></office:body>"
        "</office:document-content>"
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {_ODF_NS}>'
        f"<office:master-styles>{styles_body}</office:master-styles></office:document-styles>"
    )
    crypt = (
        '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AA==">'
        '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" '
        'manifest:initialisation-vector="AA=="/></manifest:encryption-data>'
        if encrypted
        else ""
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{media}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        f"{crypt}</manifest:file-entry></manifest:manifest>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), media)  # first and stored, as the spec asks
        zf.writestr("content.xml", content.encode(), zipfile.ZIP_DEFLATED)
        zf.writestr("styles.xml", styles.encode(), zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", manifest.encode(), zipfile.ZIP_DEFLATED)
        for name, data in (extra or {}).items():
            zf.writestr(name, data, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def build_eml(
    subject: str,
    body: str,
    sender: str,
    to: str,
    charset: str = "iso-2022-jp",
    attachments: Sequence[tuple[str, bytes]] = (),
    html: str | None = None,
) -> bytes:
    """A Japanese e-mail; the body and subject in ``charset`` as Japanese mailers send."""
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = to
    message["Date"] = "Mon, 01 Apr 2024 09:00:00 +0900"
    message["Message-ID"] = "<test@example.jp>"
    message.set_content(body, charset=charset, cte="7bit" if "2022" in charset else "base64")
    if html is not None:
        message.add_alternative(html, subtype="html", charset="utf-8")
    for name, data in attachments:
        message.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    return message.as_bytes(policy=SMTP)


def build_zip(members: Mapping[str, bytes], cp932_names: bool = False) -> bytes:
    """A ZIP; ``cp932_names`` writes names as raw cp932 bytes without the UTF-8 flag, as
    Japanese Windows tools do (zipfile itself cannot, so placeholders are patched)."""
    out = io.BytesIO()
    raw_names: dict[bytes, bytes] = {}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for i, (name, data) in enumerate(members.items()):
            if cp932_names and not name.isascii():
                raw = name.encode("cp932")
                placeholder = f"~{i:03d}".encode().ljust(len(raw), b"~")
                raw_names[placeholder] = raw
                name = placeholder.decode()
            zf.writestr(name, data)
    data = out.getvalue()
    for placeholder, raw in raw_names.items():
        data = data.replace(placeholder, raw)
    return data


def build_zip_bomb(expanded_mb: int = 12, nested: int = 2) -> bytes:
    """``expanded_mb`` of zeros compressed, wrapped ``nested`` times in further ZIPs."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        with zf.open("zeros.txt", "w") as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(expanded_mb):
                member.write(block)
    data = out.getvalue()
    for level in range(nested):
        data = build_zip({f"layer{level}.zip": data})
    return data


def build_nested_zip(depth: int, leaf: bytes, leaf_name: str = "leaf.txt") -> bytes:
    data = build_zip({leaf_name: leaf})
    for level in range(depth - 1):
        data = build_zip({f"level{depth - level - 1}.zip": data})
    return data
