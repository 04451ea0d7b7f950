"""A table's change marker: what the catalog says about it, cheap to read at planning.

A periodic scan skips a table whose marker equals the previous run's. The marker holds
the reflected columns (names, types, keys), the catalog's row estimate and, where the
dialect keeps one, a modification marker:

- PostgreSQL: ``pg_stat_user_tables`` insert / update / delete counters and the
  relation's file node (TRUNCATE and VACUUM FULL change it);
- MariaDB / MySQL: ``information_schema.tables`` ``update_time``, ``data_length`` and
  ``create_time`` (InnoDB keeps ``update_time`` in memory: it is empty after a server
  restart until the next write, so a restart reads tables again, never too few);
- SQLite: no per-table marker, so the database file's size and mtime (and its WAL's)
  stand in: any write to the file reads every table again.

Views have no statistics: they get no marker and are always read.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

import sqlalchemy as sa

from connectors.database.reflect import TableInfo
from connectors.database.row_count import catalog_estimate


def table_marker(conn: sa.Connection, info: TableInfo) -> dict[str, Any] | None:
    """The marker of one table, or None when nothing reliable says it is unchanged."""
    if info.ref.kind != "table":
        return None
    shape = json.dumps(
        [
            [(c.name, c.type_name, c.is_primary_key, c.foreign_key) for c in info.columns],
            [fk.to_dict() for fk in info.foreign_keys],
        ],
        sort_keys=True,
        default=str,
    )
    rows, _method = catalog_estimate(conn, info)
    modified = _modification(conn, info)
    if modified is None:
        return None
    return {
        "columns": hashlib.sha256(shape.encode()).hexdigest()[:32],
        "rows": rows,
        "modified": modified,
    }


def _modification(conn: sa.Connection, info: TableInfo) -> list[Any] | None:
    dialect = conn.dialect.name
    ref = info.ref
    if dialect == "postgresql":
        row = conn.execute(
            sa.text(
                "SELECT s.n_tup_ins, s.n_tup_upd, s.n_tup_del, c.relfilenode "
                "FROM pg_catalog.pg_stat_user_tables s "
                "JOIN pg_catalog.pg_class c ON c.oid = s.relid "
                "WHERE s.schemaname = :schema AND s.relname = :name"
            ),
            {"schema": ref.schema, "name": ref.name},
        ).first()
        return [int(v) for v in row] if row is not None else None
    if dialect in ("mysql", "mariadb"):
        if not getattr(conn.dialect, "is_mariadb", False):
            # MySQL 8 caches these statistics for a day unless told otherwise
            conn.execute(sa.text("SET SESSION information_schema_stats_expiry = 0"))
        row = conn.execute(
            sa.text(
                "SELECT update_time, data_length, create_time FROM information_schema.tables "
                "WHERE table_schema = :schema AND table_name = :name"
            ),
            {"schema": ref.schema, "name": ref.name},
        ).first()
        # an empty update_time (never written since the server started) is a value too:
        # the first write sets it, so the marker still changes
        return [str(v) for v in row] if row is not None else None
    if dialect == "sqlite":
        database = ref.sql_schema or "main"
        for _seq, name, path in conn.exec_driver_sql("PRAGMA database_list"):
            if name == database and path:
                return _file_marker(path) + _file_marker(path + "-wal")
        return None  # an in-memory database
    return None


def _file_marker(path: str) -> list[int]:
    try:
        st = os.stat(path)
    except OSError:
        return [0, 0]
    return [st.st_size, st.st_mtime_ns]
