"""What extractors yield, and the context they work in.

An extractor takes a seekable binary stream and yields items: text with its place in
the file, table blocks (a CSV or a sheet with a header row), embedded files (archive
members, attachments) for the dispatcher to recurse into, and notices of problems it
stepped over. It never sees the detector, so the same extractor serves a scan, a test
or a benchmark.
"""

from __future__ import annotations

import bisect
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, BinaryIO, Protocol, cast

from connectors.files.limits import ExpansionBudget, ScanLimits

if TYPE_CHECKING:
    from connectors.files.encoding import EncodingGuess


@dataclass(frozen=True)
class Place:
    """Where in a file a piece of text came from; only the fields that apply are set."""

    member: str | None = None  # archive member or attachment path, "/"-joined when nested
    sheet: str | None = None
    cell: str | None = None
    column: str | None = None
    page: int | None = None  # PDF page, slide number
    line: int | None = None  # 1-based line, or a sheet row
    paragraph: int | None = None
    part: str | None = None  # e-mail part: "header", "body", "attachment"
    key: str | None = None  # JSON key path or XML element path
    offset: int | None = None  # byte offset of a sampled window whose line is unknown

    def as_dict(self) -> dict[str, str | int]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class TextChunk:
    """Text to run the detector on. ``marks`` map offsets to finer places (cells, lines)."""

    text: str
    place: Place
    context: tuple[str, ...] = ()
    marks: tuple[tuple[int, Place], ...] = ()

    def place_at(self, offset: int) -> Place:
        if self.marks:
            i = bisect.bisect_right([m[0] for m in self.marks], offset) - 1
            return self.marks[max(i, 0)][1]
        if self.place.line is not None:
            return replace(self.place, line=self.place.line + self.text.count("\n", 0, offset))
        return self.place


@dataclass(frozen=True)
class TableBlock:
    """Rows of a table with a header row: classified column by column like a DB table."""

    table: str  # the sheet name, or "" for a CSV
    header: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]
    place: Place


@dataclass(frozen=True)
class Embedded:
    """A file inside the file. ``open`` gives its bytes; the dispatcher applies the limits."""

    name: str
    open: Callable[[], BinaryIO]
    size: int | None = None  # as declared by the container
    compressed_size: int | None = None
    #: the MIME type the container declares for it (an e-mail part), "" when none
    declared_type: str = ""


@dataclass(frozen=True)
class Notice:
    """A problem the extractor stepped over (an encrypted member, a limit reached)."""

    kind: str
    message: str
    place: Place


Item = TextChunk | TableBlock | Embedded | Notice


@dataclass
class ExtractReport:
    """Facts about one top-level file gathered while extracting it (counters, flags)."""

    encodings: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    truncated: bool = False
    sampled: bool = False
    decode_errors: int = 0
    bytes_read: int = 0
    members: int = 0


class TextBudget:
    """Characters one document may still yield in sample mode (None: no limit)."""

    def __init__(self, limit: int | None) -> None:
        self.left = limit

    def spend(self, n: int) -> bool:
        """Account for ``n`` characters; False once the budget is gone."""
        if self.left is None:
            return True
        if self.left <= 0:
            return False
        self.left -= n
        return True


@dataclass(frozen=True)
class ExtractContext:
    limits: ScanLimits
    report: ExtractReport
    name: str  # the file or member name, for extension hints
    member: str | None = None
    depth: int = 0
    encoding: EncodingGuess | None = None
    expansion: ExpansionBudget | None = None
    budget: TextBudget = field(default_factory=lambda: TextBudget(None))
    #: the MIME type the container declared for this member ("" for files on disk)
    declared_type: str = ""

    def place(self, **fields: str | int | None) -> Place:
        return Place(member=self.member, **fields)  # type: ignore[arg-type]

    def over_budget(self, n: int) -> bool:
        """Spend ``n`` chars; True (and mark the file truncated) once the budget is gone."""
        if self.budget.spend(n):
            return False
        self.report.truncated = True
        return True


class Extractor(Protocol):
    def __call__(self, stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]: ...


def cell_text(value: object) -> str | None:
    """A spreadsheet cell as text: integers without '.0', dates as ISO dates."""
    import datetime as dt

    if value is None:
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def join_member(parent: str | None, name: str) -> str:
    """The path of a file inside a file: outer members first, joined by '/'."""
    return f"{parent}/{name}" if parent else name


def archive_limit(ctx: ExtractContext, found: str) -> Notice:
    """The notice for a container with more members than ``archive_max_members``."""
    limit = ctx.limits.archive_max_members
    return Notice("archive_limit", f"{found}; only the first {limit} are scanned", ctx.place())


def bytes_opener(data: bytes) -> Callable[[], BinaryIO]:
    """An ``Embedded.open`` for bytes already in memory (an attachment)."""
    return lambda: io.BytesIO(data)


def spool_opener(spool: BinaryIO) -> Callable[[], BinaryIO]:
    """An ``Embedded.open`` for a member the extractor spooled itself (a 7z or RAR member):
    read from its start; closing what it opens leaves the spool to the extractor."""

    def open_member() -> BinaryIO:
        spool.seek(0)
        return cast(BinaryIO, _Borrowed(spool))

    return open_member


class _Borrowed:
    """A file read once by the dispatcher and closed by its owner, not by the reader."""

    def __init__(self, file: BinaryIO) -> None:
        self._file = file

    def read(self, n: int = -1) -> bytes:
        return self._file.read(n)

    def __enter__(self) -> _Borrowed:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def read_in_memory(stream: BinaryIO, ctx: ExtractContext, what: str) -> bytes | Notice:
    """The whole stream for a parser that needs it in memory, or a ``too_large`` notice
    when it is over the in-memory limit."""
    size = stream.seek(0, 2)
    if size > ctx.limits.in_memory_bytes:
        return Notice("too_large", f"{what} larger than the in-memory limit", ctx.place())
    stream.seek(0)
    data = stream.read()
    ctx.report.bytes_read += len(data)
    return data


def in_memory_items(
    stream: BinaryIO, ctx: ExtractContext, what: str, items: Callable[[bytes], Iterable[Item]]
) -> Iterator[Item]:
    """A parser's items from the whole stream held in memory (``read_in_memory``), or the
    ``too_large`` notice."""
    data = read_in_memory(stream, ctx, what)
    if isinstance(data, Notice):
        yield data
    else:
        yield from items(data)
