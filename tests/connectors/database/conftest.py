"""Real database servers for the connector tests.

PostgreSQL and MariaDB tests skip with a clear reason when their server is unreachable,
except under ``CI=true``, where an unreachable server fails the test: CI must really run
them. Each run works in its own schema (PostgreSQL) or database (MariaDB), dropped after.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import sqlalchemy as sa

from bench.db_corpus import CorpusSize, populate
from connectors.database.drivers import with_default_driver

PG_URLS = (
    "postgresql://postgres@127.0.0.1:5432/test",
    "postgresql://root@127.0.0.1:5432/test",
)
MARIADB_URLS = ("mysql://root@127.0.0.1:3306/test",)
#: rows per table of the corpus the real-server tests scan
SERVER_ROWS = 120


def unavailable(reason: str) -> None:
    """Skip, or under CI=true fail: database tests must not silently vanish in CI."""
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(f"{reason} (CI=true: database tests must run, not skip)")
    pytest.skip(reason)


def _first_reachable(env: str, candidates: tuple[str, ...], connect_args: dict) -> sa.URL:
    urls = [os.environ[env]] if os.environ.get(env) else list(candidates)
    problems = []
    for text in urls:
        url = with_default_driver(sa.make_url(text))  # the drivers Kojin's extras install
        engine = sa.create_engine(url, connect_args=connect_args, poolclass=sa.pool.NullPool)
        try:
            with engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
            return url
        except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
            problems.append(f"{url.render_as_string(hide_password=True)}: {type(exc).__name__}")
        finally:
            engine.dispose()
    unavailable(f"no database server reachable (set {env}): " + "; ".join(problems))
    raise AssertionError("unreachable")  # pytest.skip / fail raise; keeps type checkers calm


def run_id() -> str:
    return uuid.uuid4().hex[:8]


@dataclass(frozen=True)
class Shop:
    """The corpus loaded into one database: where, and what was written (the truth)."""

    url: sa.URL
    truth: dict[str, list[str]]
    schema: str | None = None

    @property
    def url_text(self) -> str:
        return self.url.render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_admin_url() -> sa.URL:
    return _first_reachable("KOJIN_TEST_POSTGRES_URL", PG_URLS, {"connect_timeout": 3})


@pytest.fixture(scope="session")
def mariadb_admin_url() -> sa.URL:
    return _first_reachable("KOJIN_TEST_MARIADB_URL", MARIADB_URLS, {"connect_timeout": 3})


@pytest.fixture(scope="session")
def pg_shop(pg_admin_url: sa.URL) -> Iterator[Shop]:
    """The corpus in a fresh PostgreSQL schema."""
    schema = f"kojin_test_{run_id()}"
    engine = sa.create_engine(pg_admin_url, poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        conn.execute(sa.schema.CreateSchema(schema))
    try:
        gold = populate(engine, CorpusSize(SERVER_ROWS), schema=schema)
        with engine.begin() as conn:
            conn.execute(sa.text(f'ANALYZE "{schema}".dtb_order'))
        yield Shop(pg_admin_url, gold, schema)
    finally:
        with engine.begin() as conn:
            conn.execute(sa.schema.DropSchema(schema, cascade=True))
        engine.dispose()


@pytest.fixture(scope="session")
def mariadb_shop(mariadb_admin_url: sa.URL) -> Iterator[Shop]:
    """The corpus in a fresh MariaDB database (the shop's URL names it)."""
    database = f"kojin_test_{run_id()}"
    admin = sa.create_engine(mariadb_admin_url, poolclass=sa.pool.NullPool)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE DATABASE `{database}` CHARACTER SET utf8mb4"))
    url = mariadb_admin_url.set(database=database, query={"charset": "utf8mb4"})
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        gold = populate(engine, CorpusSize(SERVER_ROWS))
        yield Shop(url, gold, database)
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS `{database}`"))
        admin.dispose()


@pytest.fixture(scope="session")
def shop_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Shop:
    """The corpus in a SQLite file (read-only for the source, so one file serves all)."""
    path = tmp_path_factory.mktemp("db") / "shop.sqlite3"
    engine = sa.create_engine(f"sqlite:///{path}")
    gold = populate(engine, CorpusSize(SERVER_ROWS))
    engine.dispose()
    return Shop(sa.make_url(f"sqlite:///{path}"), gold, "main")
