"""The subject index and the log of subject requests, in the inventory database.

The index maps HMAC fingerprints of normalised identifiers to the records holding them
(a row's primary key, a file part), place by place, so a place is replaced as a whole
when it changed. The log records every export, deletion plan and deletion: who, when,
which subject fingerprint and what came of it, never a personal value.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select, update

from scanner.inventory import schema as t
from scanner.inventory.batches import batches
from scanner.inventory.store import Inventory

#: digests looked up per query (bound parameters stay well under every dialect's limit)
_LOOKUP_BATCH = 500


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


EntryRow = tuple[str, str, str, str]
"""An entry as stored: fingerprint, entity, record JSON, detail JSON."""


def entry_row(entry: IndexEntry) -> EntryRow:
    """Encoded where it is made (a worker, in a parallel build), so the one writer only
    inserts: the JSON of 100,000s of entries would otherwise be the driver's work."""
    return entry.fingerprint, entry.entity, _json(entry.record), _json(entry.detail)


def _entry_insert(conn: Any) -> str:
    """The INSERT of entry rows in the driver's own parameter style: SQLAlchemy's
    per-row parameter processing cost more than the insert itself."""
    style = conn.dialect.paramstyle
    marks = [f":{i}" for i in range(1, 6)] if style == "numeric" else []
    marks = marks or ["?" if style == "qmark" else "%s"] * 5  # format, pyformat
    placeholders = ", ".join(marks)
    table = conn.dialect.identifier_preparer.format_table(t.subject_entries)
    columns = ("place_pk", "fingerprint", "entity", "record_json", "detail_json")
    quoted = ", ".join(conn.dialect.identifier_preparer.quote(c) for c in columns)
    return f"INSERT INTO {table} ({quoted}) VALUES ({placeholders})"


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class IndexedPlace:
    pk: int
    source: str
    kind: str  # "table" | "file"
    place_key: str
    spec: Mapping[str, Any]
    signature: str
    key_check: str
    entries: int
    indexed_at: str
    run_pk: int | None


@dataclass(frozen=True)
class IndexEntry:
    fingerprint: str
    entity: str
    record: Mapping[str, Any]
    detail: Mapping[str, Any]


@dataclass(frozen=True)
class IndexMatch:
    source: str
    kind: str
    place_key: str
    entry: IndexEntry


@dataclass(frozen=True)
class LogEntry:
    at: str
    actor: str
    action: str
    subject: str
    outcome: str
    detail: Mapping[str, Any]


class SubjectIndex:
    """Reads and writes the subject tables of an open inventory."""

    def __init__(self, inventory: Inventory):
        self.engine = inventory.engine

    def places(self) -> list[IndexedPlace]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.subject_places).order_by(t.subject_places.c.id))
            return [_place(r) for r in rows.mappings()]

    def replace_place(
        self,
        *,
        source: str,
        kind: str,
        place_key: str,
        spec: Mapping[str, Any],
        signature: str | Callable[[], str],
        key_check: str,
        run_pk: int | None,
        rows: Iterable[EntryRow],
        old_pk: int | None = None,
    ) -> int:
        """Store a place's entries (as ``entry_row`` encodes them) in place of its old
        ones, in one transaction.

        ``signature`` may be a callable, asked once ``rows`` are consumed (a digest of
        what was read while they were made).
        """
        count = 0
        with self.engine.begin() as conn:
            if old_pk is not None:
                _drop(conn, [old_pk])
            pk = conn.execute(
                insert(t.subject_places).values(
                    source=source,
                    kind=kind,
                    place_key=place_key,
                    spec_json=_json(spec),
                    signature="",
                    key_check=key_check,
                    entries=0,
                    indexed_at=now(),
                    run_pk=run_pk,
                )
            ).inserted_primary_key[0]
            insert_rows = _entry_insert(conn)
            for batch in batches((pk, *row) for row in rows):
                conn.exec_driver_sql(insert_rows, batch)
                count += len(batch)
            final = signature() if callable(signature) else signature
            conn.execute(
                update(t.subject_places)
                .where(t.subject_places.c.id == pk)
                .values(entries=count, signature=final)
            )
        return count

    def touch(self, pk: int, signature: str, run_pk: int | None) -> None:
        """An unchanged place: record that it was checked against this run."""
        with self.engine.begin() as conn:
            conn.execute(
                update(t.subject_places)
                .where(t.subject_places.c.id == pk)
                .values(signature=signature, run_pk=run_pk, indexed_at=now())
            )

    def drop(self, pks: Sequence[int]) -> None:
        if pks:
            with self.engine.begin() as conn:
                _drop(conn, pks)

    def lookup(self, fingerprints: Iterable[str]) -> list[IndexMatch]:
        """Every entry holding one of ``fingerprints``, with its place."""
        wanted = sorted(set(fingerprints))
        out: list[IndexMatch] = []
        e, p = t.subject_entries, t.subject_places
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), _LOOKUP_BATCH):
                query = (
                    select(
                        p.c.source,
                        p.c.kind,
                        p.c.place_key,
                        e.c.fingerprint,
                        e.c.entity,
                        e.c.record_json,
                        e.c.detail_json,
                    )
                    .join(p, p.c.id == e.c.place_pk)
                    .where(e.c.fingerprint.in_(wanted[i : i + _LOOKUP_BATCH]))
                    .order_by(e.c.id)
                )
                for r in conn.execute(query):
                    entry = IndexEntry(
                        r.fingerprint,
                        r.entity,
                        json.loads(r.record_json),
                        json.loads(r.detail_json),
                    )
                    out.append(IndexMatch(r.source, r.kind, r.place_key, entry))
        return out

    def log(
        self, actor: str, action: str, subject: str, outcome: str, detail: Mapping[str, Any]
    ) -> LogEntry:
        entry = LogEntry(now(), actor, action, subject, outcome, dict(detail))
        with self.engine.begin() as conn:
            conn.execute(
                insert(t.subject_log).values(
                    at=entry.at,
                    actor=actor,
                    action=action,
                    subject=subject,
                    outcome=outcome,
                    detail_json=_json(entry.detail),
                )
            )
        return entry

    def log_entries(self, subject: str | None = None) -> list[LogEntry]:
        query = select(t.subject_log).order_by(t.subject_log.c.id)
        if subject is not None:
            query = query.where(t.subject_log.c.subject == subject)
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [
            LogEntry(
                r["at"],
                r["actor"],
                r["action"],
                r["subject"],
                r["outcome"],
                json.loads(r["detail_json"]),
            )
            for r in rows
        ]


def _drop(conn, pks: Sequence[int]) -> None:
    conn.execute(delete(t.subject_entries).where(t.subject_entries.c.place_pk.in_(list(pks))))
    conn.execute(delete(t.subject_places).where(t.subject_places.c.id.in_(list(pks))))


def _place(r) -> IndexedPlace:
    return IndexedPlace(
        pk=r["id"],
        source=r["source"],
        kind=r["kind"],
        place_key=r["place_key"],
        spec=json.loads(r["spec_json"]),
        signature=r["signature"],
        key_check=r["key_check"],
        entries=r["entries"],
        indexed_at=r["indexed_at"],
        run_pk=r["run_pk"],
    )
