"""Read-only connections with a statement timeout, in the way each dialect offers them.

Kojin issues only SELECTs, but a scanner pointed at production must not be *able* to
write, nor to run a query for an hour. Two layers where the dialect allows:

- SQLite: the file is opened with a ``mode=ro`` URI and ``PRAGMA query_only``; a progress
  handler interrupts a statement that runs past the timeout.
- PostgreSQL: the session is ``READ ONLY`` (``SET SESSION CHARACTERISTICS``) and every
  transaction starts with ``SET TRANSACTION READ ONLY`` and a transaction-local
  ``statement_timeout``.
- MariaDB / MySQL: ``SET SESSION TRANSACTION READ ONLY``, ``max_statement_time``
  (MariaDB, seconds) or ``max_execution_time`` (MySQL, ms), and ``START TRANSACTION
  READ ONLY``.

Other dialects get neither; ``guard_description`` says so, and the evidence records it.
Every transaction is rolled back at the end.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa

from connectors.database.drivers import create_engine
from connectors.database.url import sqlite_read_only_url

_DEADLINE_KEY = "kojin_deadline"
#: SQLite calls the progress handler every this many virtual-machine instructions
_SQLITE_PROGRESS_STEPS = 10_000
_PG_DRIVERS_WITH_TIMEOUT = ("psycopg2", "psycopg")
_MYSQL_DRIVERS_WITH_TIMEOUT = ("pymysql", "mysqldb")


class _Deadline:
    """When the running SQLite statement must stop; reset before each statement."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.until = time.monotonic() + seconds

    def reset(self) -> None:
        self.until = time.monotonic() + self.seconds

    def expired(self) -> int:
        return 1 if time.monotonic() > self.until else 0


def _dialect(url: sa.URL) -> str:
    name = url.get_backend_name()
    return "mysql" if name == "mariadb" else name


def guard_description(url: sa.URL) -> str:
    """How the connection is kept read-only, for the evidence and ``test_connection``."""
    return {
        "sqlite": "sqlite: mode=ro URI + PRAGMA query_only; progress-handler timeout",
        "postgresql": "postgresql: session and transaction READ ONLY; statement_timeout",
        "mysql": "mysql/mariadb: session READ ONLY + START TRANSACTION READ ONLY; "
        "max_statement_time / max_execution_time",
    }.get(_dialect(url), "none: the dialect has no read-only mode Kojin knows; SELECTs only")


def create_read_only_engine(
    url: sa.URL, statement_timeout_s: float, connect_timeout_s: float = 10.0
) -> sa.Engine:
    """An engine whose every connection is read-only at the session level."""
    dialect = _dialect(url)
    connect_args: dict[str, Any] = {}
    driver = url.get_driver_name()
    if dialect == "sqlite":
        url = sqlite_read_only_url(url)
    elif dialect == "postgresql" and driver in _PG_DRIVERS_WITH_TIMEOUT:
        connect_args["connect_timeout"] = max(1, round(connect_timeout_s))
    elif dialect == "mysql" and driver in _MYSQL_DRIVERS_WITH_TIMEOUT:
        connect_args["connect_timeout"] = max(1, round(connect_timeout_s))
    engine = create_engine(url, connect_args=connect_args, hide_parameters=True, pool_pre_ping=True)
    if dialect == "sqlite":
        _install_sqlite_guards(engine, statement_timeout_s)
    elif dialect == "postgresql":
        _on_connect(engine, ("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",))
    elif dialect == "mysql":
        _on_connect(engine, ("SET SESSION TRANSACTION READ ONLY",))
    return engine


def _on_connect(engine: sa.Engine, statements: tuple[str, ...]) -> None:
    @sa.event.listens_for(engine, "connect")
    def _session_read_only(dbapi_conn: Any, record: Any) -> None:
        cursor = dbapi_conn.cursor()
        try:
            for statement in statements:
                cursor.execute(statement)
        finally:
            cursor.close()
        dbapi_conn.commit()


def _install_sqlite_guards(engine: sa.Engine, timeout_s: float) -> None:
    @sa.event.listens_for(engine, "connect")
    def _guard(dbapi_conn: Any, record: Any) -> None:
        deadline = _Deadline(timeout_s)
        record.info[_DEADLINE_KEY] = deadline
        dbapi_conn.execute("PRAGMA query_only = ON")
        dbapi_conn.set_progress_handler(deadline.expired, _SQLITE_PROGRESS_STEPS)

    @sa.event.listens_for(engine, "before_cursor_execute")
    def _reset(conn: sa.Connection, *args: Any) -> None:
        extend_deadline(conn)


def extend_deadline(conn: sa.Connection) -> None:
    """Give a long streamed SQLite read a fresh timeout (called per batch)."""
    deadline = conn.info.get(_DEADLINE_KEY)
    if deadline is not None:
        deadline.reset()


@contextmanager
def read_only(conn_source: sa.Engine, statement_timeout_s: float) -> Iterator[sa.Connection]:
    """A connection inside a read-only transaction with a statement timeout; rolled back."""
    with conn_source.connect() as conn:
        transaction = conn.begin()
        try:
            _start(conn, statement_timeout_s)
            yield conn
        finally:
            if transaction.is_active:
                transaction.rollback()


def _start(conn: sa.Connection, timeout_s: float) -> None:
    dialect = "mysql" if conn.dialect.name == "mariadb" else conn.dialect.name
    if dialect == "postgresql":
        conn.execute(sa.text("SET TRANSACTION READ ONLY"))
        ms = str(max(1, round(timeout_s * 1000)))
        conn.execute(sa.select(sa.func.set_config("statement_timeout", ms, True)))
    elif dialect == "mysql":
        if getattr(conn.dialect, "is_mariadb", False):
            conn.execute(sa.text("SET SESSION max_statement_time = :t"), {"t": float(timeout_s)})
        else:
            ms = max(1, round(timeout_s * 1000))
            conn.execute(sa.text("SET SESSION max_execution_time = :t"), {"t": ms})
        conn.execute(sa.text("START TRANSACTION READ ONLY"))
    elif dialect == "sqlite":
        extend_deadline(conn)
