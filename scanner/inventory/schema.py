"""The inventory's tables as the code reads and writes them (the latest schema version).

Changing a table here needs a new migration in ``migrations.py``; a test checks that the
migrations build exactly these tables. JSON goes in text columns so SQLite, PostgreSQL
and MySQL behave the same. No column ever holds a raw personal value.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

schema_version = Table(
    "kojin_schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String(100), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

runs = Table(
    "kojin_runs",
    metadata,
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
)

run_sources = Table(
    "kojin_run_sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_pk", Integer, ForeignKey("kojin_runs.id"), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("type", String(40), nullable=False),
    Column("status", String(16), nullable=False),
    Column("units", Integer, nullable=False),
    Column("units_done", Integer, nullable=False),
    Column("findings", Integer, nullable=False),
    Column("errors", Integer, nullable=False),
    Column("stats_json", Text, nullable=False),
)

findings = Table(
    "kojin_findings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_pk", Integer, ForeignKey("kojin_runs.id"), nullable=False),
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
    # the run that last read this place; NULL: this finding's run read it (see records)
    Column("last_scanned_run_pk", Integer),
    Index("ix_kojin_findings_run_key", "run_pk", "finding_key", unique=True),
)

fingerprints = Table(
    "kojin_fingerprints",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_pk", Integer, ForeignKey("kojin_runs.id"), nullable=False, index=True),
    Column("finding_pk", Integer, ForeignKey("kojin_findings.id"), nullable=False, index=True),
    Column("fingerprint", String(64), nullable=False, index=True),
)

scan_errors = Table(
    "kojin_scan_errors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_pk", Integer, ForeignKey("kojin_runs.id"), nullable=False, index=True),
    Column("source", String(200), nullable=False),
    Column("location_json", Text, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("message", Text, nullable=False),
)

reviews = Table(
    "kojin_reviews",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("finding_key", String(64), nullable=False, index=True),
    Column("mark", String(20), nullable=False),
    Column("note", Text, nullable=False),
    Column("reviewer", String(200), nullable=False),
    Column("at", String(40), nullable=False),
    Column("run_pk", Integer, ForeignKey("kojin_runs.id")),
)

subject_places = Table(
    "kojin_subject_places",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source", String(200), nullable=False, index=True),
    Column("kind", String(16), nullable=False),  # "table" | "file"
    Column("place_key", String(700), nullable=False),  # "schema.table" or the file's path
    Column("spec_json", Text, nullable=False),  # what was read: columns, entities
    Column("signature", String(128), nullable=False),  # content digest: unchanged = skip
    Column("key_check", String(64), nullable=False),  # HMAC of a constant: the key in use
    Column("entries", Integer, nullable=False),
    Column("indexed_at", String(40), nullable=False),
    Column("run_pk", Integer, ForeignKey("kojin_runs.id")),
)

subject_entries = Table(
    "kojin_subject_entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("place_pk", Integer, ForeignKey("kojin_subject_places.id"), nullable=False, index=True),
    Column("fingerprint", String(64), nullable=False, index=True),
    Column("entity", String(64), nullable=False),
    Column("record_json", Text, nullable=False),  # row key / file part: never a personal value
    Column("detail_json", Text, nullable=False),  # columns / line, paragraph, cell
)

subject_log = Table(
    "kojin_subject_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", String(40), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(40), nullable=False),  # export | plan_delete | delete | ...
    Column("subject", String(64), nullable=False, index=True),  # the subject's fingerprint
    Column("outcome", String(20), nullable=False),
    Column("detail_json", Text, nullable=False),  # counts and places, never values
)

item_states = Table(
    "kojin_item_states",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_pk", Integer, ForeignKey("kojin_runs.id"), nullable=False),
    Column("source", String(200), nullable=False),
    Column("item_key", Text, nullable=False),  # a file's path, "schema.table"
    Column("settings", String(64), nullable=False),  # digest of what the item was read with
    Column("marker_json", Text, nullable=False),  # size, mtime, hash; catalog statistics
    Column("finding_keys_json", Text, nullable=False),  # the item's findings in this run
    Column("metadata_json", Text, nullable=False),  # what finalize needs (table links)
    Column("read_in", String(64), nullable=False),  # the run that last read the item
    Index("ix_kojin_item_states_run_source", "run_pk", "source"),
)

finding_refs = Table(
    "kojin_finding_refs",
    metadata,
    Column("id", Integer, primary_key=True),
    # the run that holds the finding without storing it again (an unchanged item's)
    Column("run_pk", Integer, ForeignKey("kojin_runs.id"), nullable=False, index=True),
    # the stored finding, a row of the run that last read the item
    Column("finding_pk", Integer, ForeignKey("kojin_findings.id"), nullable=False, index=True),
)

settings = Table(
    "kojin_settings",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Text, nullable=False),
    Column("set_at", String(40), nullable=False),
)
