"""Change markers on the real servers: equal while a table is untouched, different after
a write, so an incremental rescan skips exactly the unchanged tables."""

from __future__ import annotations

import time

import pytest
import sqlalchemy as sa

from connectors.database.config import DatabaseSourceConfig
from connectors.database.source import DatabaseSource
from tests.connectors.database.conftest import run_id


def _source(url: sa.URL, schema: str, previous=None) -> DatabaseSource:
    config = DatabaseSourceConfig(
        type="database", name="db", url=url.render_as_string(hide_password=False),
        include_schemas=[schema],
    )  # fmt: skip
    return DatabaseSource(config, previous=previous)


def _markers(url: sa.URL, schema: str) -> dict:
    source = _source(url, schema)
    try:
        return {u.key: u.payload["marker"] for u in source.work_units()}
    finally:
        source.close()


def _carried_after_write(url: sa.URL, schema: str, write: str) -> None:
    markers = _markers(url, schema)
    assert set(markers) == {f"{schema}.a", f"{schema}.b"} and all(markers.values())
    source = _source(url, schema, previous=markers)
    assert list(source.work_units()) == [] and set(source.carried) == set(markers)
    source.close()
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        conn.execute(sa.text(write))
    engine.dispose()
    for _ in range(40):  # statistics reach the catalog shortly after the writer leaves
        source = _source(url, schema, previous=markers)
        units = [u.key for u in source.work_units()]
        source.close()
        if units:
            break
        time.sleep(0.1)
    assert units == [f"{schema}.a"] and set(source.carried) == {f"{schema}.b"}


@pytest.mark.postgres
def test_postgres_marker_follows_writes(pg_admin_url) -> None:
    schema = f"kojin_marker_{run_id()}"
    engine = sa.create_engine(pg_admin_url, poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        for table in ("a", "b"):
            conn.execute(sa.text(f'CREATE TABLE "{schema}".{table} (id int PRIMARY KEY, v text)'))
            conn.execute(sa.text(f"INSERT INTO \"{schema}\".{table} VALUES (1, 'x'), (2, 'y')"))
    try:
        _carried_after_write(pg_admin_url, schema, f"UPDATE \"{schema}\".a SET v = 'z'")
    finally:
        with engine.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


@pytest.mark.mariadb
def test_mariadb_marker_follows_writes(mariadb_admin_url) -> None:
    database = f"kojin_marker_{run_id()}"
    admin = sa.create_engine(mariadb_admin_url, poolclass=sa.pool.NullPool)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE DATABASE `{database}`"))
        for table in ("a", "b"):
            conn.execute(sa.text(f"CREATE TABLE `{database}`.{table} (id int PRIMARY KEY, v text)"))
            conn.execute(sa.text(f"INSERT INTO `{database}`.{table} VALUES (1, 'x'), (2, 'y')"))
    url = mariadb_admin_url.set(database=database)
    try:
        time.sleep(1.1)  # update_time has a resolution of one second
        _carried_after_write(url, database, f"UPDATE `{database}`.a SET v = 'z'")
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS `{database}`"))
        admin.dispose()
