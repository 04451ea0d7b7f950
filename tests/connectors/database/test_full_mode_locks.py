"""Full mode reads by key ranges, each in its own short transaction, and hands a batch on
after its transaction ended: an ALTER TABLE between two batches does not wait (it failed
31 times out of 31 on a 1M-row table while one transaction held ACCESS SHARE)."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa

from connectors.base import UnitReport
from connectors.registry import create_source
from scanner.config import parse_config
from tests.connectors.database.conftest import PG_URLS, _first_reachable


def _source(url: str, schema: str | None = None):
    include = f'include_schemas = ["{schema}"]\n' if schema else ""
    config = parse_config(
        f'[[sources]]\ntype = "database"\nname = "db"\nurl = "{url}"\nmode = "full"\n'
        f"batch_size = 10\n{include}",
        ".",
    )
    return create_source(config.sources[0])


def _members(conn: sa.Connection, schema: str | None, key: bool = True) -> None:
    md = sa.MetaData(schema=schema)
    columns = [sa.Column("id", sa.Integer, primary_key=key, autoincrement=False)]
    members = sa.Table("members", md, *columns, sa.Column("email", sa.String(80)))
    md.create_all(conn)
    conn.execute(members.insert(), [{"id": i, "email": f"u{i}@example.jp"} for i in range(1, 46)])


def _batches(source) -> tuple[list[int], object]:
    [unit] = list(source.work_units())
    report = UnitReport()
    sizes = [len(i.values["email"]) for i in source.read(unit, report)
             if type(i).__name__ == "RowBatch"]  # fmt: skip
    return sizes, report


@pytest.mark.parametrize("key", [True, False])
def test_full_mode_reads_every_row_by_ranges_on_sqlite(tmp_path, key):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    with engine.begin() as conn:
        _members(conn, None, key)  # without a key: by SQLite's rowid
    engine.dispose()
    sizes, report = _batches(_source(f"sqlite:///{tmp_path / 'db.sqlite3'}"))
    assert sizes == [10, 10, 10, 10, 5]
    assert report.metadata["sampling"]["key"] == ("id" if key else "_rowid_")


@pytest.mark.postgres
def test_an_alter_table_between_two_batches_does_not_wait_on_postgres():
    admin = _first_reachable("KOJIN_TEST_POSTGRES_URL", PG_URLS, {"connect_timeout": 3})
    schema = f"kojin_locks_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(admin, poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        conn.execute(sa.schema.CreateSchema(schema))
        _members(conn, schema)
    source = _source(admin.render_as_string(hide_password=False), schema)
    [unit] = list(source.work_units())
    items = source.read(unit, UnitReport())
    try:
        while type(next(items)).__name__ != "RowBatch":
            pass  # the first batch is being classified now
        with engine.begin() as conn:
            conn.exec_driver_sql("SET LOCAL lock_timeout = '2s'")
            conn.exec_driver_sql(f"ALTER TABLE {schema}.members ADD COLUMN note text")
        rest = [i for i in items if type(i).__name__ == "RowBatch"]
        assert sum(len(b.values["email"]) for b in rest) == 35
    finally:
        items.close()  # whatever happened, its transaction ends before the schema goes
        source.close()
        with engine.begin() as conn:
            conn.execute(sa.schema.DropSchema(schema, cascade=True))
        engine.dispose()
