"""Location-level findings: one per (source, location, entity), the findings.jsonl line.

One class owns a finding's identity (``key``), its place as text (``place``), the evidence
later stages act on, and its JSON in and out.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from typing import Any

from scanner.entities import category

#: the field names of each location class, in order
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


class _Fields(Mapping[str, Any]):
    """A location read as the mapping of its set fields, as findings.jsonl writes it."""

    def __getitem__(self, key: str) -> Any:
        if key not in self._names():
            raise KeyError(key)
        value = getattr(self, key)
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def __len__(self) -> int:
        return len(self._keys())

    def _names(self) -> tuple[str, ...]:
        names = _FIELD_NAMES.get(type(self))
        if names is None:  # fields() is slow: the names are looked up once per class
            names = _FIELD_NAMES[type(self)] = tuple(f.name for f in fields(self))  # type: ignore[arg-type]
        return names

    def _keys(self) -> tuple[str, ...]:
        return tuple(name for name in self._names() if getattr(self, name) is not None)

    def to_dict(self) -> dict[str, Any]:
        return {name: value for name in self._names()
                if (value := getattr(self, name)) is not None}  # fmt: skip


@dataclass(frozen=True, eq=False)
class TableLocation(_Fields):
    """A database table, or one of its columns."""

    schema: str
    table: str
    column: str | None = None

    def render(self, source: str) -> str:
        """The table: ``shop-db:main.customers``."""
        return f"{source}:{self.schema + '.' if self.schema else ''}{self.table}"

    def describe(self, source: str) -> str:
        """The column too: ``shop-db:main.customers.email``."""
        return self.render(source) + (f".{self.column}" if self.column else "")


@dataclass(frozen=True, eq=False)
class FileLocation(_Fields):
    """A file (root-relative path), a member inside it, a sheet, a table column; a page or
    a line where an extractor reported a problem."""

    path: str
    member: str | None = None
    sheet: str | None = None
    column: str | None = None
    page: int | None = None
    line: int | None = None

    def render(self, source: str) -> str:
        """The file: ``share:hr/a.xlsx``."""
        return f"{source}:{self.path}"

    def describe(self, source: str) -> str:
        """Where inside it too: ``share:hr/a.xlsx [sheet=名簿, column=氏名]``."""
        inside = [(k, v) for k, v in self.items() if k != "path"]
        if not inside:
            return self.render(source)
        return self.render(source) + " [" + ", ".join(f"{k}={v}" for k, v in inside) + "]"


Location = TableLocation | FileLocation


@dataclass(frozen=True, eq=False)
class UnitLocation(_Fields):
    """A work unit as a whole (a table or a file by its unit key), when its executor failed."""

    unit: str

    def render(self, source: str) -> str:
        return source

    def describe(self, source: str) -> str:
        return f"{source} [unit={self.unit}]"


@dataclass(frozen=True, eq=False)
class SourceLocation(_Fields):
    """The whole source (unreachable, not listed): no keys, so it reads as an empty mapping."""

    def render(self, source: str) -> str:
        return source

    def describe(self, source: str) -> str:
        return source


ErrorLocation = TableLocation | FileLocation | UnitLocation | SourceLocation


def location_from(data: Mapping[str, Any]) -> Location:
    """The typed location of a mapping (JSON in); a location stays as it is."""
    if isinstance(data, TableLocation | FileLocation):
        return data
    if "table" in data:
        return TableLocation(**data)
    if "path" in data:
        return FileLocation(**data)
    raise ValueError(f"not a finding location: keys {sorted(data)}")


def error_location_from(data: Mapping[str, Any]) -> ErrorLocation:
    """The typed place of a scan problem: a finding's location, a unit, or the source."""
    if isinstance(data, UnitLocation | SourceLocation):
        return data
    if not data:
        return SourceLocation()
    if set(data) == {"unit"}:
        return UnitLocation(str(data["unit"]))
    return location_from(data)


def render_place(source: str, location: Mapping[str, Any]) -> str:
    """The one readable place of a location: ``shop-db:main.customers``, ``share:a/b.csv``
    (a table without its column, a file without its member); just the source otherwise."""
    try:
        return location_from(location).render(source)
    except (TypeError, ValueError):
        return source


def finding_key(source: str, location: Mapping[str, Any], entity: str) -> str:
    """SHA-256 of a finding's identity (source, location, entity): equal across runs."""
    identity = [source, sorted([str(k), v] for k, v in location.items()), entity]
    text = json.dumps(identity, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


#: evidence key naming the run that last read a finding carried forward unchanged
CARRIED_FROM = "carried_from_run"


@dataclass(frozen=True)
class ColumnGroup:
    """Columns that hold one value between them (tel01..03 → one phone number)."""

    kind: str | None
    columns: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False, init=False)
class Evidence(Mapping[str, Any]):
    """What the classifier or detector said: the JSON as it was written (reports and the
    inventory read it as that mapping), with the keys later stages act on typed once.

    ``Evidence(mapping)`` is JSON in, ``to_json()`` JSON out; the typed fields are read
    from the JSON, never set apart from it, so the two cannot disagree.
    """

    #: the table's full row count, if the database connector counted it (``sampling``)
    table_rows: int | None
    #: a key column leading to personal data elsewhere (容易照合性), no values of its own
    cross_reference: bool
    #: a column of free text, whose values the detector finds cell by cell
    free_text: bool
    #: the column group holding one value, if any
    group: ColumnGroup | None
    #: a cross-reference's target table and the kinds of its links
    linked_table: str | None
    links: tuple[str, ...]
    _json: dict[str, Any] = field(repr=False)

    def __init__(self, data: Mapping[str, Any] | None = None) -> None:
        raw = dict(data or {})
        sampling = raw.get("sampling")
        rows = sampling.get("table_rows") if isinstance(sampling, Mapping) else None
        group = raw.get("group")
        typed = {
            "table_rows": rows if isinstance(rows, int) and not isinstance(rows, bool) else None,
            "cross_reference": bool(raw.get("cross_reference")),
            "free_text": bool(raw.get("free_text")),
            "group": (
                ColumnGroup(group.get("kind"), tuple(group.get("columns") or ()))
                if isinstance(group, Mapping) and group
                else None
            ),
            "linked_table": raw.get("linked_table"),
            "links": tuple(raw.get("links") or ()),
            "_json": raw,
        }
        for name, value in typed.items():
            object.__setattr__(self, name, value)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Evidence, (self._json,))

    def __getitem__(self, key: str) -> Any:
        return self._json[key]

    def __contains__(self, key: object) -> bool:
        return key in self._json

    def get(self, key: str, default: Any = None) -> Any:
        return self._json.get(key, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self._json)

    def __len__(self) -> int:
        return len(self._json)

    def to_json(self) -> dict[str, Any]:
        return dict(self._json)


@dataclass(frozen=True)
class Finding:
    """Personal information of one kind found at one place.

    ``location`` is a ``TableLocation`` or a ``FileLocation`` (a mapping given to the
    constructor is typed on the way in). ``examples`` are masked; ``fingerprints`` are
    HMAC-SHA256 digests of normalised values (never the values) for the inventory and
    subject index. ``evidence`` is what the classifier or detector said (an ``Evidence``;
    a mapping given to the constructor is typed on the way in); the keys later stages act
    on are read through the properties below, nowhere else.
    """

    source: str
    location: Location
    entity: str
    score: float
    evidence: Evidence = field(default_factory=Evidence)
    examples: tuple[str, ...] = ()
    rows_sampled: int | None = None
    rows_matched: int | None = None
    count: int | None = None
    fingerprints: tuple[str, ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "location", location_from(self.location))
        if not isinstance(self.evidence, Evidence):
            object.__setattr__(self, "evidence", Evidence(self.evidence))

    @property
    def category(self) -> str:
        return category(self.entity)

    @cached_property
    def key(self) -> str:
        """The finding's identity, the same from run to run (see ``finding_key``)."""
        return finding_key(self.source, self.location, self.entity)

    def with_known_key(self, key: str) -> Finding:
        """This finding, read back with its identity (``key``): not hashed again."""
        self.__dict__["key"] = key
        return self

    def with_evidence(self, evidence: Mapping[str, Any]) -> Finding:
        """The finding with other evidence; its identity (already computed) is kept."""
        out = replace(self, evidence=evidence)
        if "key" in self.__dict__:
            out.__dict__["key"] = self.__dict__["key"]
        return out

    @property
    def place(self) -> str:
        """The table or file: what the ledger and the catalog group by."""
        return render_place(self.source, self.location)

    @property
    def where(self) -> str:
        """The place down to the column or the archive member: what a reviewer reads."""
        return self.location.describe(self.source)

    # -- evidence that later stages act on ------------------------------------------

    @property
    def table_rows(self) -> int | None:
        """The table's full row count, if the database connector counted it."""
        return self.evidence.table_rows

    @property
    def is_cross_reference(self) -> bool:
        """A key column that leads to personal data elsewhere (容易照合性), no values."""
        return self.evidence.cross_reference

    @property
    def free_text(self) -> bool:
        """A column of free text: its values are found by the detector, cell by cell."""
        return self.evidence.free_text

    @property
    def group(self) -> tuple[str | None, tuple[str, ...]]:
        """(kind, columns) of the column group holding one value (tel01..03), if any."""
        group = self.evidence.group or ColumnGroup(None)
        return group.kind, group.columns

    @property
    def linked_table(self) -> tuple[str | None, tuple[str, ...]]:
        """A cross-reference's target table and the kinds of its links."""
        return self.evidence.linked_table, self.evidence.links

    # -- JSON -----------------------------------------------------------------------

    def to_json_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source,
            "location": self.location.to_dict(),
            "entity": self.entity,
            "category": self.category,
            "score": round(self.score, 3),
        }
        if self.rows_sampled is not None:
            out["rows_sampled"] = self.rows_sampled
            out["rows_matched"] = self.rows_matched
        if self.count is not None:
            out["count"] = self.count
        out["evidence"] = self.evidence.to_json()
        out["examples"] = list(self.examples)
        return out

    def to_state(self) -> dict[str, Any]:
        """Everything, fingerprints and the unrounded score too (the scan's checkpoint)."""
        return {
            **self.to_json_dict(), "score": self.score, "fingerprints": list(self.fingerprints)
        }

    @classmethod
    def from_json_dict(cls, data: Mapping[str, Any]) -> Finding:
        return cls(
            source=data["source"],
            location=location_from(data["location"]),
            entity=data["entity"],
            score=data["score"],
            evidence=data.get("evidence", {}),
            examples=tuple(data.get("examples", ())),
            rows_sampled=data.get("rows_sampled"),
            rows_matched=data.get("rows_matched"),
            count=data.get("count"),
            fingerprints=tuple(data.get("fingerprints", ())),
        )


@dataclass(frozen=True)
class ScanError:
    """A problem at one place that the scan reported and stepped over.

    ``location`` is typed like a finding's (a mapping given to the constructor is typed on
    the way in), or names a whole unit or the whole source. ``message`` must never carry a
    scanned value: use ``connectors.base.safe_error_message``.
    """

    source: str
    location: ErrorLocation
    kind: str  # e.g. "permission", "corrupt", "timeout", "unreachable", "too_large"
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "location", error_location_from(self.location))

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "location": self.location.to_dict(),
            "kind": self.kind,
            "message": self.message,
        }
