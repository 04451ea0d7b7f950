"""The inventory on the real PostgreSQL server (127.0.0.1:5432, database ``test``).

Skips with the reason when the server is unreachable, except under ``CI=true``, where it
fails: CI must run it. Each run works in its own schema, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from connectors.database.drivers import with_default_driver
from scanner.inventory.diff import diff_runs
from scanner.inventory.recorder import record_scan
from scanner.inventory.records import Mark
from scanner.inventory.store import Inventory
from tests.scanner.inventory.builders import CONFIG, SAMPLE_FINDINGS, make_config, outcome

PG_URL = os.environ.get("KOJIN_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_schema() -> Iterator[str]:
    url = with_default_driver(sa.make_url(PG_URL))
    engine = sa.create_engine(url, connect_args={"connect_timeout": 3}, poolclass=sa.pool.NullPool)
    schema = f"kojin_inv_{uuid.uuid4().hex[:8]}"
    try:
        with engine.begin() as conn:
            conn.execute(sa.schema.CreateSchema(schema))
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        reason = f"PostgreSQL not reachable at {PG_URL}: {type(exc).__name__}"
        if os.environ.get("CI", "").strip().lower() == "true":
            pytest.fail(f"{reason} (CI=true: database tests must run, not skip)")
        pytest.skip(reason)
    try:
        yield schema
    finally:
        with engine.begin() as conn:
            conn.execute(sa.schema.DropSchema(schema, cascade=True))
        engine.dispose()


def test_runs_reviews_and_diff_on_postgres(tmp_path, monkeypatch, pg_schema):
    monkeypatch.setenv("KOJIN_HMAC_KEY", "k-0123456789abcdef0123456789abcdef")
    url = f"{PG_URL}?options=-csearch_path%3D{pg_schema}"
    config = make_config(tmp_path, CONFIG.replace(
        'path = "inventory.sqlite3"', f'url = "{url}"'))  # fmt: skip
    first = record_scan(config, outcome(SAMPLE_FINDINGS)).run
    with Inventory.open(config.inventory) as inventory:
        stored = inventory.findings(first)
        assert len(stored) == len(SAMPLE_FINDINGS)
        target = next(f for f in stored if f.is_violation)
        inventory.add_review(target.key, Mark.false_positive, "note", "tester", first.pk)
        tables = sa.inspect(inventory.engine).get_table_names(schema=pg_schema)
    assert "kojin_findings" in tables and "kojin_schema_version" in tables
    assert not config.inventory.path.exists()  # nothing written to SQLite

    second = record_scan(config, outcome(SAMPLE_FINDINGS[1:], run_id="20240602T000000Z"))
    assert second.run.violations_count == first.violations_count - 1
    with Inventory.open(config.inventory) as inventory:
        d = diff_runs(inventory, first, second.run).findings
        assert [f.place for f in d.removed] == ["shop-db:main.newsletter"]
        assert inventory.find_finding(target.finding_id)[1].review.by == "tester"


def test_subject_entries_are_stored_on_postgres(tmp_path, monkeypatch, pg_schema):
    """The entries' INSERT goes to the driver directly, in its own parameter style."""
    from scanner.inventory.subjects import IndexEntry, SubjectIndex, entry_row

    monkeypatch.setenv("KOJIN_HMAC_KEY", "k-0123456789abcdef0123456789abcdef")
    url = f"{PG_URL}?options=-csearch_path%3D{pg_schema}"
    config = make_config(tmp_path, CONFIG.replace(
        'path = "inventory.sqlite3"', f'url = "{url}"'))  # fmt: skip
    record_scan(config, outcome(SAMPLE_FINDINGS))
    entry = IndexEntry("ab" * 32, "EMAIL", {"row": {"id": 1}}, {"columns": ["email"]})
    with Inventory.open(config.inventory) as inventory:
        index = SubjectIndex(inventory)
        count = index.replace_place(
            source="shop-db", kind="table", place_key="main.customers", spec={},
            signature="1:0", key_check="k", run_pk=None, rows=[entry_row(entry)] * 3,
        )  # fmt: skip
        [place] = index.places()
    assert count == 3 and place.entries == 3 and place.signature == "1:0"
