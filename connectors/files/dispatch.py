"""Sniff a stream, run its extractor, recurse into embedded files, turn failures into notices.

This is the one place that knows about nesting: archive members and attachments are
copied to a spooled temporary file (memory up to a few MB, then disk) under the archive
limits, sniffed like any file and extracted with their own text budget.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from connectors.base import safe_error_message
from connectors.files.extractors import extractor_for
from connectors.files.extractors.base import (
    Embedded,
    ExtractContext,
    Item,
    Notice,
    Place,
    TextBudget,
    join_member,
)
from connectors.files.limits import SPOOL_BYTES, ExpansionBudget, LimitError
from connectors.files.sniff import DAMAGED_OLE, EXTRACTABLE, FileType, Sniffed, sniff

#: notice kinds that are facts about a file, not problems: counted, not reported
QUIET_KINDS = frozenset({FileType.BINARY.value, FileType.EMPTY.value})

_TEXT_FAMILY = frozenset(
    {
        FileType.TEXT,
        FileType.CSV,
        FileType.TSV,
        FileType.JSON,
        FileType.JSONL,
        FileType.HTML,
        FileType.XML,
        FileType.EML,
        FileType.MBOX,
    }
)
_EXPECTED: dict[str, frozenset[FileType]] = {
    **{ext: _TEXT_FAMILY for ext in (".txt", ".log", ".md", ".text", ".out", ".ini", ".cfg")},
    **{ext: frozenset({FileType.CSV, FileType.TSV, FileType.TEXT}) for ext in (".csv", ".tsv")},
    ".json": frozenset({FileType.JSON, FileType.JSONL}),
    ".jsonl": frozenset({FileType.JSONL, FileType.JSON}),
    ".xml": frozenset({FileType.XML, FileType.HTML}),
    ".html": frozenset({FileType.HTML, FileType.XML}),
    ".htm": frozenset({FileType.HTML, FileType.XML}),
    ".eml": frozenset({FileType.EML}),
    ".mbox": frozenset({FileType.MBOX}),
    ".mbx": frozenset({FileType.MBOX}),
    ".rtf": frozenset({FileType.RTF}),
    ".msg": frozenset({FileType.MSG}),
    ".xls": frozenset({FileType.XLS}),
    ".xlsx": frozenset({FileType.XLSX}),
    ".xlsm": frozenset({FileType.XLSX}),
    ".docx": frozenset({FileType.DOCX}),
    ".pptx": frozenset({FileType.PPTX}),
    ".ppt": frozenset({FileType.PPT}),
    ".odt": frozenset({FileType.ODT}),
    ".ods": frozenset({FileType.ODS}),
    ".odp": frozenset({FileType.ODP}),
    ".pdf": frozenset({FileType.PDF}),
    ".zip": frozenset({FileType.ZIP}),
    **{
        ext: frozenset({FileType.COMPRESSED})
        for ext in (".gz", ".tgz", ".bz2", ".xz", ".txz", ".zst")
    },
    ".tar": frozenset({FileType.TAR}),
    ".7z": frozenset({FileType.SEVEN_ZIP}),
    **{ext: frozenset({FileType.OTHER_ARCHIVE}) for ext in (".rar", ".lzh", ".lha", ".cab")},
}
#: what a file of any extension may turn out to be without its extension being wrong (a
#: password-protected .xlsx or .odt is an encrypted container, as its writer saved it)
_NO_MISMATCH = frozenset({FileType.EMPTY, FileType.ENCRYPTED})
_UNTYPED = frozenset({"application/octet-stream", "application/unknown"})
_TEXTUAL = ("text/", "message/")
_LONG_DIGITS = re.compile(r"\d{4,}")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_EMAIL_LIKE = re.compile(r"\S+@\S+")


class FileTimeoutError(BaseException):
    """The per-file time limit ran out (raised from a signal handler).

    A BaseException, like KeyboardInterrupt, so parsers' broad ``except Exception``
    clauses cannot swallow it.
    """


def extract_document(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    """Every item of a file or member, nested files included; never raises for bad input."""
    try:
        sniffed = sniff(stream, ctx.name)
    except (OSError, ValueError) as exc:
        yield Notice(error_kind(exc), describe_error(exc), ctx.place())
        return
    if sniffed.type is FileType.IMAGE and not ctx.limits.ocr:
        sniffed = Sniffed(FileType.BINARY, sniffed.detail)  # pixels only OCR can read
    ctx.report.types.add(sniffed.type.value)
    mismatch = _extension_mismatch(ctx.name, sniffed.type)
    if mismatch:
        yield Notice("wrong_extension", mismatch, ctx.place())
    if sniffed.type not in EXTRACTABLE:
        yield _not_extracted(sniffed, ctx)
        return
    extractor = extractor_for(sniffed.type)
    if extractor is None:
        yield Notice("unsupported", f"no extractor for {sniffed.type.value}", ctx.place())
        return
    inner = replace(ctx, encoding=sniffed.encoding)
    try:
        for item in extractor(stream, inner):
            if isinstance(item, Embedded):
                yield from _embedded(item, inner)
            else:
                yield item
    except Exception as exc:  # a parser failing on hostile input must not stop the scan
        yield Notice(error_kind(exc), describe_error(exc), ctx.place())


def _not_extracted(sniffed: Sniffed, ctx: ExtractContext) -> Notice:
    """Why a file is not read. Bytes that decode as no text are ``undecodable``, unless
    their container declared them a non-text type (an e-mail's audio/basic, image/pbm or
    S/MIME signature part): then they are binary content, as expected, not a problem.
    ``application/octet-stream`` declares nothing (mailers attach CSVs so)."""
    detail = sniffed.detail
    if detail == DAMAGED_OLE:  # a cut or broken .doc / .xls / .msg: not just binary data
        return Notice("corrupt", detail, ctx.place())
    if detail == "undecodable bytes":
        declared = ctx.declared_type.lower()
        if declared and declared not in _UNTYPED and not declared.startswith(_TEXTUAL):
            return Notice(FileType.BINARY.value, f"{declared} content", ctx.place())
        return Notice("undecodable", detail, ctx.place())
    return Notice(sniffed.type.value, detail, ctx.place())


def _embedded(item: Embedded, ctx: ExtractContext) -> Iterator[Item]:
    member = join_member(ctx.member, item.name)
    at = Place(member=member)
    if ctx.depth + 1 > ctx.limits.archive_max_depth:
        message = f"nested deeper than {ctx.limits.archive_max_depth} levels; not opened"
        yield Notice("too_deep", message, at)
        return
    ctx.report.members += 1
    expansion = ctx.expansion or ExpansionBudget(ctx.limits.archive_max_expanded_bytes)
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
        try:
            with item.open() as raw:
                shutil.copyfileobj(raw, spool, 1024 * 1024)
        except Exception as exc:  # a damaged member: report it, go on with the next
            yield Notice(error_kind(exc), describe_error(exc), at)
            return
        spool.seek(0)
        child = replace(
            ctx,
            name=item.name,
            member=member,
            depth=ctx.depth + 1,
            encoding=None,
            declared_type=item.declared_type,
            expansion=expansion,
            budget=TextBudget(ctx.limits.text_budget_chars),
        )
        yield from extract_document(spool, child)  # type: ignore[arg-type]


def _extension_mismatch(name: str, file_type: FileType) -> str | None:
    dot = name.rfind(".")
    suffix = name[dot:].lower() if dot > name.rfind("/") else ""
    expected = _EXPECTED.get(suffix)
    if expected is None or file_type in expected or file_type in _NO_MISMATCH:
        return None
    return f"content is {file_type.value}, not what the extension {suffix} says"


def error_kind(exc: BaseException) -> str:
    """A short, stable name for what went wrong, for reports and counters."""
    if isinstance(exc, LimitError):
        return exc.kind
    if isinstance(exc, FileTimeoutError):
        return "timeout"
    if isinstance(exc, PermissionError):
        return "permission"
    if isinstance(exc, FileNotFoundError):
        return "vanished"
    if isinstance(exc, RecursionError):
        return "too_deep"
    if isinstance(exc, MemoryError):
        return "too_large"
    if isinstance(exc, NotImplementedError):
        return "unsupported"
    if _is_encrypted(exc):
        return "encrypted"
    return "corrupt"  # BadZipFile, EOFError, struct.error, parser syntax errors, ...


def _is_encrypted(exc: BaseException, depth: int = 0) -> bool:
    """A password error, or one wrapped by a library (pdfplumber's PdfminerException
    carries pdfminer's PDFPasswordIncorrect as its argument)."""
    name = type(exc).__name__.lower()
    if "password" in name or "encrypt" in name or "encrypted" in str(exc).lower():
        return True
    if depth >= 3:
        return False
    inner = [a for a in exc.args if isinstance(a, BaseException)]
    inner += [e for e in (exc.__cause__, exc.__context__) if e is not None]
    return any(_is_encrypted(e, depth + 1) for e in inner)


def describe_error(exc: BaseException) -> str:
    """safe_error_message, further scrubbed of Japanese text, digit runs and addresses.

    Parser errors sometimes quote the bytes they choked on; those may be personal data.
    """
    text = safe_error_message(exc)
    text = _NON_ASCII.sub("…", text)
    text = _EMAIL_LIKE.sub("…@…", text)
    return _LONG_DIGITS.sub("####", text)
