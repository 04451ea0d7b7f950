"""The subject index built in worker processes holds what the serial build holds."""

from __future__ import annotations

import sqlalchemy as sa

from scanner.inventory import schema as t
from scanner.subject.index import build_subject_index


def _index_rows(workspace) -> list[tuple]:
    """Every entry with its place, signature and spec: what a search or a rescan reads."""
    with workspace.inventory() as inventory, inventory.engine.connect() as conn:
        query = sa.select(
            t.subject_places.c.source,
            t.subject_places.c.kind,
            t.subject_places.c.place_key,
            t.subject_places.c.spec_json,
            t.subject_places.c.signature,
            t.subject_places.c.entries,
            t.subject_entries.c.fingerprint,
            t.subject_entries.c.entity,
            t.subject_entries.c.record_json,
            t.subject_entries.c.detail_json,
        ).join(t.subject_entries, t.subject_entries.c.place_pk == t.subject_places.c.id)
        return sorted(tuple(r) for r in conn.execute(query))


def test_processes_build_the_same_index_as_serial_and_stay_incremental(examples):
    serial = _index_rows(examples)  # the fixture's serial build
    assert serial
    config, fp = examples.config, examples.fingerprinter
    with examples.inventory() as inventory:
        report = build_subject_index(
            config, inventory, fp, full=True, executor="processes", workers=2
        )
    assert report.reindexed == report.places and not report.errors
    assert _index_rows(examples) == serial
    with examples.inventory() as inventory:
        again = build_subject_index(config, inventory, fp, executor="processes", workers=2)
    assert (again.reindexed, again.unchanged) == (0, again.places)
    assert _index_rows(examples) == serial
