"""Versioned schema migrations: ordered functions and a ``kojin_schema_version`` table.

Each migration is frozen once released: it spells out its own DDL instead of using
``schema.py``, so a database created today and one upgraded from an old Kojin end up
the same. A new table or column means a new ``Migration`` at the end of ``MIGRATIONS``
and the same change in ``schema.py``. Each migration runs in its own transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    inspect,
    select,
    text,
)

from scanner.inventory.schema import schema_version


class InventoryError(Exception):
    """The inventory cannot be used as asked; the message says why, without values."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _v1_initial(conn: Connection) -> None:
    md = MetaData()
    runs = _v1_runs(md)
    _v1_findings(md, runs)
    md.create_all(conn)


def _v1_runs(md: MetaData) -> Table:
    """Runs and, per run, its sources' counters."""
    runs = Table(
        "kojin_runs", md,
        Column("id", Integer, primary_key=True),
        Column("run_id", String(64), nullable=False, unique=True),
        Column("started", String(40), nullable=False),
        Column("ended", String(40), nullable=False),
        Column("status", String(16), nullable=False),
        Column("config_path", Text),
        Column("config_fingerprint", String(64), nullable=False),
        Column("catalog_json", Text, nullable=False),
        Column("versions_json", Text, nullable=False),
        Column("detector_json", Text, nullable=False),
        Column("out_dir", Text),
        Column("findings_count", Integer, nullable=False),
        Column("violations_count", Integer, nullable=False),
        Column("errors_count", Integer, nullable=False),
    )  # fmt: skip
    Table(
        "kojin_run_sources", md,
        Column("id", Integer, primary_key=True),
        Column("run_pk", Integer, ForeignKey(runs.c.id), nullable=False, index=True),
        Column("name", String(200), nullable=False),
        Column("type", String(40), nullable=False),
        Column("status", String(16), nullable=False),
        Column("units", Integer, nullable=False),
        Column("units_done", Integer, nullable=False),
        Column("findings", Integer, nullable=False),
        Column("errors", Integer, nullable=False),
        Column("stats_json", Text, nullable=False),
    )  # fmt: skip
    return runs


def _v1_findings(md: MetaData, runs: Table) -> None:
    """Findings with their verdicts, their fingerprints, the scan's errors, the reviews."""
    findings = Table(
        "kojin_findings", md,
        Column("id", Integer, primary_key=True),
        Column("run_pk", Integer, ForeignKey(runs.c.id), nullable=False),
        Column("finding_key", String(64), nullable=False, index=True),
        Column("source", String(200), nullable=False),
        Column("location_json", Text, nullable=False),
        Column("place", Text, nullable=False),
        Column("entity", String(64), nullable=False),
        Column("score", Float, nullable=False),
        Column("evidence_json", Text, nullable=False),
        Column("examples_json", Text, nullable=False),
        Column("rows_sampled", Integer),
        Column("rows_matched", Integer),
        Column("count", Integer),
        Column("verdict", String(32), nullable=False),
        Column("rule", String(40), nullable=False),
        Column("asset", String(200)),
        Column("purposes_json", Text, nullable=False),
        Column("reason_ja", Text, nullable=False),
        Column("reason_en", Text, nullable=False),
        Index("ix_kojin_findings_run_key", "run_pk", "finding_key", unique=True),
    )  # fmt: skip
    Table(
        "kojin_fingerprints", md,
        Column("id", Integer, primary_key=True),
        Column("run_pk", Integer, ForeignKey(runs.c.id), nullable=False, index=True),
        Column("finding_pk", Integer, ForeignKey(findings.c.id), nullable=False, index=True),
        Column("fingerprint", String(64), nullable=False, index=True),
    )  # fmt: skip
    Table(
        "kojin_scan_errors", md,
        Column("id", Integer, primary_key=True),
        Column("run_pk", Integer, ForeignKey(runs.c.id), nullable=False, index=True),
        Column("source", String(200), nullable=False),
        Column("location_json", Text, nullable=False),
        Column("kind", String(40), nullable=False),
        Column("message", Text, nullable=False),
    )  # fmt: skip
    Table(
        "kojin_reviews", md,
        Column("id", Integer, primary_key=True),
        Column("finding_key", String(64), nullable=False, index=True),
        Column("mark", String(20), nullable=False),
        Column("note", Text, nullable=False),
        Column("reviewer", String(200), nullable=False),
        Column("at", String(40), nullable=False),
        Column("run_pk", Integer, ForeignKey(runs.c.id)),
    )  # fmt: skip


def _v2_subjects(conn: Connection) -> None:
    md = MetaData()
    runs = Table("kojin_runs", md, Column("id", Integer, primary_key=True))
    places = Table(
        "kojin_subject_places", md,
        Column("id", Integer, primary_key=True),
        Column("source", String(200), nullable=False, index=True),
        Column("kind", String(16), nullable=False),
        Column("place_key", String(700), nullable=False),
        Column("spec_json", Text, nullable=False),
        Column("signature", String(128), nullable=False),
        Column("key_check", String(64), nullable=False),
        Column("entries", Integer, nullable=False),
        Column("indexed_at", String(40), nullable=False),
        Column("run_pk", Integer, ForeignKey(runs.c.id)),
    )  # fmt: skip
    Table(
        "kojin_subject_entries", md,
        Column("id", Integer, primary_key=True),
        Column("place_pk", Integer, ForeignKey(places.c.id), nullable=False, index=True),
        Column("fingerprint", String(64), nullable=False, index=True),
        Column("entity", String(64), nullable=False),
        Column("record_json", Text, nullable=False),
        Column("detail_json", Text, nullable=False),
    )  # fmt: skip
    Table(
        "kojin_subject_log", md,
        Column("id", Integer, primary_key=True),
        Column("at", String(40), nullable=False),
        Column("actor", String(200), nullable=False),
        Column("action", String(40), nullable=False),
        Column("subject", String(64), nullable=False, index=True),
        Column("outcome", String(20), nullable=False),
        Column("detail_json", Text, nullable=False),
    )  # fmt: skip
    for table in md.sorted_tables:
        if table.name != "kojin_runs":
            table.create(conn)


def _v3_not_scanned(conn: Connection) -> None:
    # the run that last read a finding's place; NULL: read by the finding's own run. A
    # finding of a source that could not be read is carried forward with it set.
    conn.execute(text("ALTER TABLE kojin_findings ADD COLUMN last_scanned_run_pk INTEGER"))


def _v4_item_states(conn: Connection) -> None:
    md = MetaData()
    runs = Table("kojin_runs", md, Column("id", Integer, primary_key=True))
    Table(
        "kojin_item_states", md,
        Column("id", Integer, primary_key=True),
        Column("run_pk", Integer, ForeignKey(runs.c.id), nullable=False),
        Column("source", String(200), nullable=False),
        Column("item_key", Text, nullable=False),
        Column("settings", String(64), nullable=False),
        Column("marker_json", Text, nullable=False),
        Column("finding_keys_json", Text, nullable=False),
        Column("metadata_json", Text, nullable=False),
        Column("read_in", String(64), nullable=False),
        Index("ix_kojin_item_states_run_source", "run_pk", "source"),
    )  # fmt: skip
    md.tables["kojin_item_states"].create(conn)


def _v5_settings(conn: Connection) -> None:
    md = MetaData()
    Table(
        "kojin_settings", md,
        Column("name", String(64), primary_key=True),
        Column("value", Text, nullable=False),
        Column("set_at", String(40), nullable=False),
    )  # fmt: skip
    md.create_all(conn)


def _v6_finding_refs(conn: Connection) -> None:
    # a rescan's findings of unchanged items point at the rows of the run that read them
    md = MetaData()
    runs = Table("kojin_runs", md, Column("id", Integer, primary_key=True))
    findings = Table("kojin_findings", md, Column("id", Integer, primary_key=True))
    Table(
        "kojin_finding_refs", md,
        Column("id", Integer, primary_key=True),
        Column("run_pk", Integer, ForeignKey(runs.c.id), nullable=False, index=True),
        Column("finding_pk", Integer, ForeignKey(findings.c.id), nullable=False, index=True),
    )  # fmt: skip
    md.tables["kojin_finding_refs"].create(conn)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _v1_initial),
    Migration(2, "subject index and subject request log", _v2_subjects),
    Migration(3, "findings carried forward from places not scanned", _v3_not_scanned),
    Migration(4, "per-item state for incremental rescans", _v4_item_states),
    Migration(5, "inventory settings (the HMAC key check value)", _v5_settings),
    Migration(6, "findings of unchanged items stored by reference", _v6_finding_refs),
)


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table(schema_version.name):
        return 0
    versions = conn.execute(select(schema_version.c.version)).scalars().all()
    return max(versions, default=0)


def migrate(engine: Engine, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring the database to the latest version; returns it. Refuses a newer database."""
    latest = migrations[-1].version if migrations else 0
    with engine.begin() as conn:
        schema_version.create(conn, checkfirst=True)
        applied = current_version(conn)
    if applied > latest:
        raise InventoryError(
            f"the inventory's schema version {applied} is newer than this Kojin knows "
            f"({latest}); upgrade Kojin"
        )
    for migration in migrations:
        if migration.version <= applied:
            continue
        with engine.begin() as conn:
            if current_version(conn) >= migration.version:  # another process got there
                continue
            migration.apply(conn)
            conn.execute(
                schema_version.insert().values(
                    version=migration.version,
                    name=migration.name,
                    applied_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                )
            )
        applied = migration.version
    return applied
