"""The shape every connector has: config in, work units out, content read from each unit.

A work unit is plain, picklable data (a table, a batch of files), so the same unit is read
in-process, in a worker process or on a Dask worker. A connector only reads: it yields
content (a table's column values, a file's text chunks and table blocks) and notes the
problems it stepped over. What the content holds is the scanner's business
(``scanner.scan.runner``); connectors import nothing from the scanner.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

#: ``UnitReport.metadata[ITEMS]``: the items (files, tables) a unit read, each a dict
#: ``{"key", "location", "marker"}``: ``location`` holds the keys every finding of the item
#: has; ``marker`` is what tells the next run whether the item changed (size, mtime and
#: hash; catalog statistics), None when nothing can tell. ``"unchanged": True`` says the
#: marker matched the previous run's and the item was not read further.
ITEMS = "items"


class SourceError(Exception):
    """A source cannot be reached or read at all (bad URL, unreachable server, no root).

    ``kind`` names the failure for errors.jsonl and the summary, so an operator knows what
    to fix: ``unreachable``, ``unknown_database``, ``auth_failed``, ``password_unset``,
    ``missing_root``, ``permission``, ``driver_missing``, ``config``, ``timeout``.
    """

    def __init__(self, message: str, kind: str = "unreachable") -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class WorkUnit:
    source: str
    kind: str  # "table", "files", ...
    key: str  # a stable id inside the source: "public.customer", "docs/a.xlsx"
    payload: Mapping[str, Any] = field(default_factory=dict)
    size_hint: int = 0  # bytes or rows, for progress


@dataclass(frozen=True)
class Problem:
    """Something at one place of a unit that reading (or scanning) stepped over.

    ``place`` holds the location keys (schema and table, or path and member); ``message``
    never carries a read value: build it with ``safe_error_message``.
    """

    place: Mapping[str, Any]
    kind: str  # e.g. "permission", "corrupt", "timeout", "too_large"
    message: str


@dataclass
class UnitReport:
    """What reading one unit found besides its content: problems, counters, plan facts.

    The reader fills it while it yields content; the scanner adds its own problems to the
    same list, so they stay in the order they happened.
    """

    problems: list[Problem] = field(default_factory=list)
    stats: Counter[str] = field(default_factory=Counter)  # rows, bytes, files, skipped, ...
    #: plan-level facts a later stage may need (e.g. table links for cross-reference)
    metadata: dict[str, Any] = field(default_factory=dict)

    def problem(self, place: Mapping[str, Any], kind: str, message: str) -> None:
        self.problems.append(Problem(dict(place), kind, message))


class Source(Protocol):
    """A source created with ``previous`` (item key -> marker from the last run) leaves
    the items it can tell are unchanged out of its work units and lists them in
    ``carried`` (item key -> marker) once ``work_units`` has run."""

    name: str
    carried: Mapping[str, Mapping[str, Any]]

    def test_connection(self) -> None:
        """Raise SourceError with a clear, value-free message if the source can't be read."""

    def work_units(self) -> Iterator[WorkUnit]:
        """List the independent pieces of work (cheap: no reading here)."""

    def read(self, unit: WorkUnit, report: UnitReport) -> Iterator[Any]:
        """Read one unit into content items. Must not raise for per-item problems: note
        them in ``report``."""


def safe_error_message(exc: BaseException, limit: int = 200) -> str:
    """Describe an exception by type and a trimmed message that cannot quote row data.

    A database driver's error keeps only its kind, SQLSTATE / errno and object names
    (``connectors.database.errors``). Any other message (zipfile, a date parser, ...) is
    cut at the first line and at any ``[parameters: ...]`` / ``[SQL: ...]`` part, and every
    quoted literal in it is replaced by ``'…'``: ``Invalid isoformat string: 'yy@…'``
    quoted the value it could not parse.
    """
    if type(exc).__module__.partition(".")[0] in _DRIVER_ROOTS:
        from connectors.database.errors import driver_error_text

        reduced = driver_error_text(exc)
        if reduced is not None:
            return reduced
    text = str(exc).split("\n", 1)[0]
    for marker in ("[SQL:", "[parameters:", "(Background on this error"):
        text = text.split(marker, 1)[0]
    text = strip_quoted(text.strip())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


#: where database errors come from (checked by module name: no driver is imported here)
_DRIVER_ROOTS = frozenset({"sqlalchemy", "psycopg2", "psycopg", "pymysql", "MySQLdb",
                           "sqlite3", "mariadb"})  # fmt: skip
#: a quoted literal, or an unclosed one to the end of the text
_QUOTED = re.compile(
    r"'(?:[^'\\]|\\.)*(?:'|$)|\"(?:[^\"\\]|\\.)*(?:\"|$)"
    r"|“[^”]*(?:”|$)|「[^」]*(?:」|$)|『[^』]*(?:』|$)"
)


def strip_quoted(text: str) -> str:
    """``text`` with every quoted literal as ``'…'``."""
    return _QUOTED.sub("'…'", text)
