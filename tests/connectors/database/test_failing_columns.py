"""A column that cannot be read costs that column, never the table: a MariaDB name with
a backtick (reflected doubled, so it was quoted twice: error 1054) and a view column that
fails on its rows."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa

from connectors.base import UnitReport
from connectors.registry import create_source
from scanner.config import parse_config
from tests.connectors.database.conftest import MARIADB_URLS, PG_URLS, _first_reachable


def _read(url: str) -> dict[str, tuple[list, UnitReport]]:
    return _read_config(f'[[sources]]\ntype = "database"\nname = "db"\nurl = "{url}"\n')


def _read_config(text: str) -> dict[str, tuple[list, UnitReport]]:
    config = parse_config(text, ".")
    source = create_source(config.sources[0])
    out = {}
    try:
        for unit in source.work_units():
            report = UnitReport()
            out[unit.payload["table"]] = (list(source.read(unit, report)), report)
    finally:
        source.close()
    return out


def _left_out(items, report, column: str) -> None:
    [problem] = report.problems
    assert f"columns left out after a read error: {column} (" in problem.message
    assert column in {s["column"] for s in report.metadata["skipped_columns"]}
    assert type(items[-1]).__name__ == "TableEnd" and items[-1].rows_read == 1


def test_a_view_column_failing_on_its_rows_is_left_out_on_sqlite(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE m (id INTEGER PRIMARY KEY, email TEXT)")
        conn.exec_driver_sql("INSERT INTO m VALUES (1, 'taro@example.jp')")
        conn.exec_driver_sql(
            "CREATE VIEW v AS SELECT id, email, json_extract('{}', email) AS p FROM m"
        )
    engine.dispose()
    _left_out(*_read(f"sqlite:///{tmp_path / 'db.sqlite3'}")["v"], "p")


@pytest.mark.postgres
def test_a_typed_view_column_failing_on_its_rows_is_left_out_on_postgres():
    admin = _first_reachable("KOJIN_TEST_POSTGRES_URL", PG_URLS, {"connect_timeout": 3})
    schema = f"kojin_cols_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(admin, poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        conn.execute(sa.schema.CreateSchema(schema))
        conn.exec_driver_sql(f"CREATE TABLE {schema}.m (id INT PRIMARY KEY, email TEXT)")
        conn.exec_driver_sql(f"INSERT INTO {schema}.m VALUES (1, 'taro@example.jp')")
        conn.exec_driver_sql(
            f"CREATE VIEW {schema}.v AS SELECT id, email, email::int AS n FROM {schema}.m"
        )
    try:
        url = admin.render_as_string(hide_password=False)
        config = f'[[sources]]\ntype = "database"\nname = "db"\nurl = "{url}"\n'
        config += f'include_schemas = ["{schema}"]\n'
        items, report = _read_config(config)["v"]
        assert report.problems[0].kind == "column"
        _left_out(items, report, "n")
    finally:
        with engine.begin() as conn:
            conn.execute(sa.schema.DropSchema(schema, cascade=True))
        engine.dispose()


@pytest.mark.mariadb
def test_a_mariadb_column_with_a_backtick_is_read():
    admin = _first_reachable("KOJIN_TEST_MARIADB_URL", MARIADB_URLS, {"connect_timeout": 3})
    database = f"kojin_bt_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(admin, poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE `{database}` CHARACTER SET utf8mb4")
    url = admin.set(database=database, query={"charset": "utf8mb4"})
    try:
        db = sa.create_engine(url, poolclass=sa.pool.NullPool)
        with db.begin() as conn:
            conn.exec_driver_sql(
                "CREATE TABLE members (id INT PRIMARY KEY, `we``ird` VARCHAR(80), "
                "email VARCHAR(80))"
            )
            conn.exec_driver_sql("INSERT INTO members VALUES (1, 'x', 'taro@example.jp')")
        db.dispose()
        items, report = _read(url.render_as_string(hide_password=False))["members"]
        assert report.problems == []
        assert report.metadata["columns"] == ["id", "we`ird", "email"]
        assert report.stats["columns_scanned"] == 3 and items[-1].rows_read == 1
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS `{database}`")
        engine.dispose()
