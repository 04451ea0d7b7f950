"""Run the database part of a reviewed deletion plan (dry run unless told to execute).

The scan's connections are read-only by construction; this is the one place Kojin writes
to a scanned database, over its own read-write connection opened here and nowhere else.
Before anything is written, every step is re-checked read-only: its key must be the
table's primary key (or, for a keyless child, a reference), a matched row must still
hold the digests it matched, and a dependent step must be one the declared foreign keys
derive, now, from a row the plan deletes (a step added by hand matches none). Then each
database runs its steps in one transaction, re-checking each row again under a row lock
(``SELECT ... FOR UPDATE`` where the dialect has it) right before its statement; a row
that changed, vanished or fails its foreign keys, or a statement that changes another
number of rows than the plan says, rolls the whole database back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from connectors.base import SourceError, safe_error_message
from scanner.fingerprint import Fingerprinter
from scanner.subject.plan import (
    ForeignKeys,
    PlanError,
    reference_of,
    source_error_text,
    statement_for,
)
from scanner.subject.reader import forget_reflections, key_value, reflect_place, table_records

if TYPE_CHECKING:
    from scanner.config import KojinConfig
    from scanner.detect.detector import Detector
    from scanner.subject.places import TablePlace


@dataclass(frozen=True)
class StepOutcome:
    source: str
    step: int
    table: str
    action: str
    key: Mapping[str, Any]
    status: str  # "ok" (would run / ran), "refused"
    reason: str = ""
    rows: int = 0


@dataclass(frozen=True)
class DeletionOutcome:
    status: str  # "dry_run", "done", "refused", "failed"
    steps: tuple[StepOutcome, ...]
    message: str = ""

    @property
    def rows(self) -> int:
        return sum(s.rows for s in self.steps)


class _RefusedError(Exception):
    """A step whose row no longer holds what the plan says: the database rolls back."""

    def __init__(self, outcome: StepOutcome):
        super().__init__(outcome.reason)
        self.outcome = outcome


def read_write_engine(source_config: Any) -> sa.Engine:
    """The deletion's own connection: read-write, foreign keys enforced (SQLite too)."""
    from connectors.database.url import resolve_url

    url = resolve_url(source_config.url, source_config.password_env)
    engine = sa.create_engine(url, hide_parameters=True, poolclass=sa.pool.NullPool)
    if url.get_backend_name() == "sqlite":

        @sa.event.listens_for(engine, "connect")
        def _foreign_keys(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.execute("PRAGMA foreign_keys = ON")

    return engine


def run_plan(
    config: KojinConfig,
    plan: Mapping[str, Any],
    places: Mapping[tuple[str, str], TablePlace],
    fingerprinter: Fingerprinter,
    *,
    execute: bool,
    detector: Callable[[], Detector] | None = None,
) -> DeletionOutcome:
    """Re-check every step; with ``execute``, then run each database's steps in one
    transaction. ``places`` are the personal tables by (source, "schema.table")."""
    from connectors.registry import create_source

    if plan["key_check"] != fingerprinter.key_check():
        raise PlanError("the plan was made with another HMAC key: make a new plan")
    configs = {s.name: s for s in config.sources}
    for database in plan["databases"]:
        if configs.get(database["source"]) is None or configs[database["source"]].type != (
            "database"
        ):
            raise PlanError(f"{database['source']}: not a database source of this config")
        if database.get("blocked"):
            raise PlanError(f"{database['source']}: the plan is blocked: {database['blocked'][0]}")
    checked: list[StepOutcome] = []
    for database in plan["databases"]:  # read-only re-check of everything first
        source = create_source(configs[database["source"]])
        try:
            with source.connect() as conn:
                forget_reflections(conn)
                shape = _derive(conn, database["source"], database["steps"])
                for step, refused_shape in zip(database["steps"], shape, strict=True):
                    checked.append(
                        refused_shape
                        or _check(conn, database["source"], step, places, fingerprinter, detector)
                    )
        except Exception as exc:  # noqa: BLE001 - unreachable, no rights, ...: one line
            raise PlanError(f"{database['source']}: {source_error_text(source, exc)}") from None
        finally:
            source.close()
    refused = [s for s in checked if s.status == "refused"]
    if refused or not execute:
        status = "refused" if refused else "dry_run"
        return DeletionOutcome(status, tuple(checked), refused[0].reason if refused else "")
    done: list[StepOutcome] = []
    for database in plan["databases"]:
        try:
            engine = read_write_engine(configs[database["source"]])
        except SourceError as exc:
            return DeletionOutcome("failed", tuple(done), f"{database['source']}: {exc}")
        try:
            done += _execute(engine, database, places, fingerprinter, detector)
        except _RefusedError as exc:
            return DeletionOutcome("refused", (*done, exc.outcome), exc.outcome.reason)
        except sa.exc.SQLAlchemyError as exc:
            from connectors.database.url import scrub

            message = f"{database['source']}: {scrub(safe_error_message(exc), engine.url)}"
            return DeletionOutcome("failed", tuple(done), message)
        finally:
            engine.dispose()
    return DeletionOutcome("done", tuple(done))


def _execute(
    engine: sa.Engine,
    database: Mapping[str, Any],
    places: Mapping[tuple[str, str], TablePlace],
    fingerprinter: Fingerprinter,
    detector: Callable[[], Detector] | None,
) -> list[StepOutcome]:
    source = database["source"]
    out: list[StepOutcome] = []
    with engine.connect() as conn:
        with conn.begin():  # every step or none: any exception rolls back
            for step in database["steps"]:
                check = _check(conn, source, step, places, fingerprinter, detector, lock=True)
                if check.status == "refused":
                    raise _RefusedError(check)
                statement = statement_for(
                    conn,
                    step["schema"],
                    step["table"],
                    step["action"],
                    step["key"],
                    step["columns"],
                )
                rows = conn.execute(statement).rowcount
                if rows != step["rows"]:
                    reason = f"{rows} rows changed, not {step['rows']} as planned"
                    raise _RefusedError(_outcome(source, step, "refused", reason))
                out.append(_outcome(source, step, "ok", rows=rows))
    return out


def _outcome(
    source: str, step: Mapping[str, Any], status: str, reason: str = "", rows: int = 0
) -> StepOutcome:
    table = f"{step['schema']}.{step['table']}"
    return StepOutcome(
        source, step["step"], table, step["action"], step["key"], status, reason, rows
    )


def _derive(
    conn: sa.Connection, source: str, steps: list[Mapping[str, Any]]
) -> list[StepOutcome | None]:
    """Per step, a refusal when the database's own keys do not give the step: a key that
    is not the table's primary key, or a dependent step (a reference) that no declared
    foreign key derives from a row this plan deletes. Derived from the database now,
    never from the file."""
    graph = ForeignKeys(conn, {step["schema"] for step in steps})
    derived: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for parent in steps:
        if parent["action"] != "delete" or parent["by"] != "primary_key" or not parent["key"]:
            continue
        links = graph.referencing(parent["schema"], parent["table"])
        if not links:
            continue
        clause = reflect_place(conn, parent["schema"], parent["table"]).clause()
        for link in links:
            reference = reference_of(conn, clause, parent["key"], link)
            if reference is not None:
                derived.setdefault((link.schema, link.table), []).append(reference)
    out: list[StepOutcome | None] = []
    for step in steps:
        reason = _shape_problem(conn, step, derived.get((step["schema"], step["table"]), []))
        out.append(_outcome(source, step, "refused", reason) if reason else None)
    return out


def _shape_problem(
    conn: sa.Connection, step: Mapping[str, Any], derived: list[dict[str, Any]]
) -> str:
    if step["action"] not in ("delete", "nullify"):
        return f"unknown action {step['action']!r}"
    if not step["key"]:
        return "a step without a key would change every row: refused"
    if step["action"] == "nullify" and not step["columns"]:
        return "nothing to set to NULL"
    not_derived = "no declared foreign key gives this step from a row the plan deletes"
    if step["by"] == "reference":
        return "" if dict(step["key"]) in derived else not_derived
    if step["by"] != "primary_key":
        return f"unknown step kind {step['by']!r}"
    primary_key = reflect_place(conn, step["schema"], step["table"]).primary_key
    if not primary_key or set(step["key"]) != set(primary_key):
        return "the key is not the table's primary key"
    if set(step["columns"]) & set(primary_key):
        return "a primary key column cannot be set to NULL"
    recheck = step.get("recheck") or {}
    if recheck.get("matched"):
        return ""  # the row's digests are re-checked next
    references = recheck.get("references")
    return "" if references and dict(references) in derived else not_derived


def _check(
    conn: sa.Connection,
    source: str,
    step: Mapping[str, Any],
    places: Mapping[tuple[str, str], TablePlace],
    fingerprinter: Fingerprinter,
    detector: Callable[[], Detector] | None,
    lock: bool = False,
) -> StepOutcome:
    """Does the row still hold what the plan says? (Keyless steps have nothing to check.)"""
    if step["by"] != "primary_key":
        return _outcome(source, step, "ok")
    recheck = step.get("recheck") or {}
    if "matched" in recheck:
        place = places.get((source, f"{step['schema']}.{step['table']}"))
        if place is None:
            return _outcome(source, step, "refused", "the table is no longer marked personal")
        records = list(table_records(conn, place, detector, keys=[step["key"]], for_update=lock))
        if not records:
            return _outcome(source, step, "refused", "the row is gone")
        still = {(v.entity, fingerprinter.fingerprint(v.entity, v.text)) for v in records[0].values}
        lost = [
            kind
            for kind, digest in recheck["matched"].items()
            if (recheck["entities"][kind], digest) not in still
        ]
        if lost:
            return _outcome(
                source, step, "refused", f"the row changed: {', '.join(lost)} no longer match"
            )
        return _outcome(source, step, "ok")
    reference = recheck.get("references") or {}
    info = reflect_place(conn, step["schema"], step["table"])
    clause = info.clause(tuple(dict.fromkeys([*step["key"], *reference])))
    shown = list(reference) or list(step["key"])
    select = sa.select(*(clause.c[c] for c in shown)).where(
        sa.and_(*(clause.c[c] == v for c, v in step["key"].items()))
    )
    if lock and conn.dialect.name != "sqlite":
        select = select.with_for_update()
    row = conn.execute(select).first()
    if row is None:
        return _outcome(source, step, "refused", "the row is gone")
    if reference and [key_value(v) for v in row] != list(reference.values()):
        return _outcome(source, step, "refused", "the row no longer references the deleted row")
    return _outcome(source, step, "ok")
