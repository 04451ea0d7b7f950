"""How many rows a table has, from catalog statistics rather than COUNT(*) on big tables.

COUNT(*) on a hundred-million-row table is a full scan; the catalog already knows about
how many rows there are (PostgreSQL ``pg_class.reltuples``, MariaDB
``information_schema.tables.table_rows``, SQLite ``max(rowid) - min(rowid) + 1``, two
index probes). Only when that estimate is small or missing is the count made exact, with
a COUNT bounded by a LIMIT so it can never scan more than ``exact_below + 1`` rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from connectors.database.reflect import TableInfo


@dataclass(frozen=True)
class RowCount:
    rows: int | None  # None: unknown (a view is not counted)
    method: str
    exact: bool

    def to_dict(self) -> dict:
        return {"rows": self.rows, "method": self.method, "exact": self.exact}


def count_rows(conn: sa.Connection, info: TableInfo, exact_below: int) -> RowCount:
    """The table's row count: exact when small, a catalog estimate when large."""
    if info.ref.kind == "view":
        return RowCount(None, "not counted (a view can be expensive to evaluate)", False)
    estimate, method = catalog_estimate(conn, info)
    if estimate is not None and estimate >= exact_below:
        return RowCount(estimate, method, False)
    inner = (
        sa.select(sa.literal(1).label("one")).select_from(info.clause(())).limit(exact_below + 1)
    )
    bounded = conn.execute(sa.select(sa.func.count()).select_from(inner.subquery())).scalar_one()
    if bounded <= exact_below:
        return RowCount(int(bounded), "count(*)", True)
    return RowCount(int(bounded), f"count(*) bounded at {exact_below + 1}", False)


def catalog_estimate(conn: sa.Connection, info: TableInfo) -> tuple[int | None, str]:
    dialect = conn.dialect.name
    ref = info.ref
    if dialect == "postgresql":
        pg_class = sa.table(
            "pg_class",
            sa.column("reltuples"),
            sa.column("relname"),
            sa.column("relnamespace"),
            sa.column("oid"),
            schema="pg_catalog",
        )
        pg_namespace = sa.table(
            "pg_namespace", sa.column("oid"), sa.column("nspname"), schema="pg_catalog"
        )
        query = (
            sa.select(pg_class.c.reltuples)
            .select_from(pg_class.join(pg_namespace, pg_class.c.relnamespace == pg_namespace.c.oid))
            .where(pg_class.c.relname == ref.name, pg_namespace.c.nspname == ref.schema)
        )
        value = conn.execute(query).scalar()
        if value is None or value <= 0:  # -1 / 0: never analysed
            return None, "pg_class.reltuples"
        return int(value), "pg_class.reltuples (estimate)"
    if dialect in ("mysql", "mariadb"):
        tables = sa.table(
            "tables",
            sa.column("table_rows"),
            sa.column("table_schema"),
            sa.column("table_name"),
            schema="information_schema",
        )
        query = sa.select(tables.c.table_rows).where(
            tables.c.table_schema == ref.schema, tables.c.table_name == ref.name
        )
        value = conn.execute(query).scalar()
        if not value:
            return None, "information_schema.tables.table_rows"
        return int(value), "information_schema.tables.table_rows (estimate)"
    if dialect == "sqlite":
        rowid = sa.literal_column("_rowid_")
        # two scalar subqueries: SQLite answers a lone min() or max() from the b-tree edge,
        # but min() and max() in one SELECT scan the whole table
        low = sa.select(sa.func.min(rowid)).select_from(info.clause(())).scalar_subquery()
        high = sa.select(sa.func.max(rowid)).select_from(info.clause(())).scalar_subquery()
        query = sa.select(high - low + 1)
        try:
            value = conn.execute(query).scalar()
        except sa.exc.DBAPIError:  # a WITHOUT ROWID table
            return None, "max(rowid)"
        return (int(value) if value is not None else 0), "max(rowid)-min(rowid)+1 (estimate)"
    return None, "no catalog estimate for this dialect"
