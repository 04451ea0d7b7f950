"""Which rows to read, with the dialect's cheapest method, and an honest name for it.

Small tables are read whole or in uniformly random order. Large PostgreSQL tables use
``TABLESAMPLE`` (SYSTEM picks random pages, BERNOULLI random rows); elsewhere a large
table is read as runs of consecutive keys starting at random key values, which costs a
few index seeks but is *not* a uniform sample; without a usable key only the first rows
are read. ``SamplePlan.note`` says which, and it goes into every finding's evidence.

All SQL is built from SQLAlchemy constructs with bound parameters.
"""

from __future__ import annotations

import math
import random
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from connectors.database.readonly import extend_deadline
from connectors.database.reflect import ColumnInfo, TableInfo
from connectors.database.row_count import RowCount

#: key-range sampling reads this many runs of consecutive keys
KEY_RANGES = 10
#: PostgreSQL tables from this size are sampled by page (SYSTEM) rather than by row
SYSTEM_SAMPLE_FROM = 200_000
TRUNCATING_DIALECTS = ("sqlite", "postgresql", "mysql", "mariadb")


@dataclass(frozen=True)
class SamplePlan:
    method: str  # all_rows, random_order, tablesample_bernoulli, tablesample_system,
    #              key_ranges, first_rows, full_scan
    random: bool
    limit: int
    note: str
    percent: float | None = None
    key: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"method": self.method, "random": self.random, "note": self.note}
        if self.percent is not None:
            out["percent"] = round(self.percent, 4)
        if self.key is not None:
            out["key"] = self.key
        return out


def _integer_key(info: TableInfo) -> str | None:
    if len(info.primary_key) != 1:
        return None
    name = info.primary_key[0]
    column = next((c for c in info.columns if c.name == name), None)
    if column is None or column.category != "number" or "NUMERIC" in column.type_name.upper():
        return None
    return name


def plan_sample(
    dialect: str,
    info: TableInfo,
    count: RowCount,
    sample_size: int,
    random_max_rows: int,
) -> SamplePlan:
    rows = count.rows
    if count.exact and rows is not None and rows <= sample_size:
        return SamplePlan(
            "all_rows",
            True,
            sample_size,
            f"every row: the table has {rows} rows (sample size {sample_size})",
        )
    if rows is not None and rows <= random_max_rows and info.ref.kind == "table":
        return SamplePlan(
            "random_order",
            True,
            sample_size,
            f"uniform random sample of {sample_size} rows (ORDER BY random())",
        )
    if dialect == "postgresql" and info.ref.kind == "table" and rows:
        percent = min(100.0, 100.0 * sample_size * 3 / rows)
        if rows >= SYSTEM_SAMPLE_FROM:
            return SamplePlan(
                "tablesample_system",
                True,
                sample_size,
                f"TABLESAMPLE SYSTEM ({percent:.4f}%): random pages, rows of a page come together",
                percent,
            )
        return SamplePlan(
            "tablesample_bernoulli",
            True,
            sample_size,
            f"TABLESAMPLE BERNOULLI ({percent:.4f}%): each row equally likely",
            percent,
        )
    key = _integer_key(info)
    if key is None and dialect == "sqlite" and info.ref.kind == "table":
        key = "_rowid_"
    if key is not None:
        return SamplePlan(
            "key_ranges",
            False,
            sample_size,
            f"{KEY_RANGES} runs of consecutive {key} values starting at random keys; NOT a "
            "uniform random sample (neighbouring rows come together)",
            key=key,
        )
    return SamplePlan(
        "first_rows",
        False,
        sample_size,
        f"the first {sample_size} rows the database returned (no usable key); NOT random",
    )


def full_scan_plan(batch_size: int, key: str | None = None) -> SamplePlan:
    if key is None:
        return SamplePlan("full_scan", False, 0, f"every row, streamed in batches of {batch_size}")
    return SamplePlan(
        "full_scan",
        False,
        0,
        f"every row, in ranges of {batch_size} by {key}, each in its own short transaction",
        key=key,
    )


def _exprs(
    dialect: str, source: sa.FromClause, columns: Sequence[ColumnInfo], max_chars: int
) -> list[sa.ColumnElement]:
    """The SELECT list: long text cut to ``max_chars`` in SQL, so a 50 MB cell never travels."""
    exprs: list[sa.ColumnElement] = []
    for column in columns:
        expr: sa.ColumnElement = source.c[column.name]
        if dialect not in TRUNCATING_DIALECTS:
            exprs.append(expr)
            continue
        cast = column.category in ("json", "other") and dialect == "postgresql"
        if cast:  # JSON, arrays, ranges, geometry, XML ...: PostgreSQL's own text form
            expr = sa.cast(expr, sa.Text)
        long_text = (
            cast
            or column.category in ("json", "binary")
            or (
                column.category == "text"
                and (column.max_length is None or column.max_length > max_chars)
            )
        )
        if long_text:
            expr = sa.func.substr(expr, 1, max_chars)
        exprs.append(expr)
    return exprs


def read_sample(
    conn: sa.Connection,
    info: TableInfo,
    columns: Sequence[ColumnInfo],
    plan: SamplePlan,
    max_chars: int,
    seed: int,
) -> tuple[list[tuple], SamplePlan]:
    """The sampled rows (values in ``columns`` order) and the plan that was really used."""
    dialect = conn.dialect.name
    names = tuple(c.name for c in columns)
    if plan.method == "key_ranges" and plan.key is not None:
        rows = _key_ranges(conn, info, columns, plan, max_chars, seed)
        if rows is not None:
            return rows, plan
    clause = info.clause(names)
    exprs = _exprs(dialect, clause, columns, max_chars)
    if plan.method == "all_rows":
        return _fetch(conn, sa.select(*exprs).limit(plan.limit)), plan
    if plan.method == "random_order":
        rand = sa.func.rand() if dialect in ("mysql", "mariadb") else sa.func.random()
        return _fetch(conn, sa.select(*exprs).order_by(rand).limit(plan.limit)), plan
    if plan.method.startswith("tablesample"):
        method = sa.func.system if plan.method.endswith("system") else sa.func.bernoulli
        sample = sa.tablesample(clause, method(plan.percent), seed=sa.literal(seed % 2**31))
        sampled = _exprs(dialect, sample, columns, max_chars)
        rows = _fetch(conn, sa.select(*sampled).select_from(sample).limit(plan.limit))
        if len(rows) >= plan.limit // 2:
            return rows, plan
        # stale statistics made the percentage too small: read plainly and say so
        plan = SamplePlan(
            "first_rows",
            False,
            plan.limit,
            "TABLESAMPLE returned too few rows (stale statistics), so the first "
            f"{plan.limit} rows were read instead; NOT random",
        )
    elif plan.method != "first_rows":
        plan = SamplePlan(
            "first_rows", False, plan.limit, f"the first {plan.limit} rows returned; NOT random"
        )
    return _fetch(conn, sa.select(*exprs).limit(plan.limit)), plan


def _fetch(conn: sa.Connection, select: sa.Select) -> list[tuple]:
    return [tuple(row) for row in conn.execute(select)]


def _key_ranges(
    conn: sa.Connection,
    info: TableInfo,
    columns: Sequence[ColumnInfo],
    plan: SamplePlan,
    max_chars: int,
    seed: int,
) -> list[tuple] | None:
    """Runs of consecutive keys from random start keys: a few index seeks per table."""
    assert plan.key is not None
    names = tuple(c.name for c in columns)
    if plan.key == "_rowid_":  # SQLite's implicit key of a table without an integer key
        clause = info.clause(names)
        key: sa.ColumnElement = sa.literal_column("_rowid_")
    else:
        clause = info.clause(tuple(dict.fromkeys((*names, plan.key))))
        key = clause.c[plan.key]
    exprs = _exprs(conn.dialect.name, clause, columns, max_chars)
    try:
        # separate subqueries: each is one index probe (together, SQLite would scan)
        low, high = conn.execute(
            sa.select(
                sa.select(sa.func.min(key)).select_from(clause).scalar_subquery(),
                sa.select(sa.func.max(key)).select_from(clause).scalar_subquery(),
            )
        ).one()
    except sa.exc.DBAPIError:
        if conn.dialect.name == "sqlite":
            return None  # a WITHOUT ROWID table: SQLite leaves the transaction usable
        raise
    if low is None or high is None:
        return []
    rng = random.Random(zlib.crc32(f"{seed}:{info.ref.key}".encode()))
    per_range = math.ceil(plan.limit / KEY_RANGES)
    starts = sorted(rng.randint(int(low), int(high)) for _ in range(KEY_RANGES))
    seen: set = set()
    rows: list[tuple] = []

    def run(begin: int, limit: int) -> int | None:
        select = (
            sa.select(key, *exprs)
            .select_from(clause)
            .where(key >= sa.bindparam("start", begin))
            .order_by(key)
            .limit(limit)
        )
        last = None
        for row in conn.execute(select):
            last = row[0]
            if last not in seen:
                seen.add(last)
                rows.append(tuple(row)[1:])
        extend_deadline(conn)
        return last

    last: int | None = None
    for start in starts:  # sorted, and each run starts after the previous one ended
        begin = start if last is None else max(start, int(last) + 1)
        found = run(begin, per_range)
        if found is not None:
            last = found
    if len(rows) < plan.limit:  # runs near the end came up short: top up from the start
        run(int(low), plan.limit - len(rows) + len(seen))
    return rows[: plan.limit]


def stream_rows(
    conn: sa.Connection,
    info: TableInfo,
    columns: Sequence[ColumnInfo],
    batch_size: int,
    max_chars: int,
) -> Iterator[list[tuple]]:
    """Every row, in batches, through a server-side cursor: memory stays bounded."""
    clause = info.clause(tuple(c.name for c in columns))
    exprs = _exprs(conn.dialect.name, clause, columns, max_chars)
    result = conn.execution_options(stream_results=True, yield_per=batch_size).execute(
        sa.select(*exprs)
    )
    for partition in result.partitions():
        yield [tuple(row) for row in partition]
        extend_deadline(conn)


def probe_column(info: TableInfo, name: str, rows: int) -> sa.Select:
    """A read of one column over at most ``rows`` rows that the server must evaluate (a
    view column can fail on some rows only), sending back one number."""
    clause = info.clause((name,))
    first = sa.select(clause.c[name].label("v")).limit(rows).subquery()
    return sa.select(sa.func.count(first.c.v))


def batch_key(info: TableInfo, dialect: str) -> str | None:
    """The key full mode reads by ranges: a single integer primary key (SQLite's rowid
    for a table without one); None: stream the table in one statement."""
    key = _integer_key(info)
    if key is None and info.ref.kind == "table" and dialect == "sqlite":
        key = "_rowid_"
    return key


def key_range_batch(
    conn: sa.Connection,
    info: TableInfo,
    columns: Sequence[ColumnInfo],
    key: str,
    after: Any,
    batch_size: int,
    max_chars: int,
) -> tuple[list[tuple], Any]:
    """The next ``batch_size`` rows by ``key`` after ``after`` (None: from the start), and
    the last key read (None when no row is left)."""
    clause = info.clause(tuple(dict.fromkeys((*(c.name for c in columns), key))))
    key_column = clause.c[key]
    select = sa.select(key_column, *_exprs(conn.dialect.name, clause, columns, max_chars))
    if after is not None:
        select = select.where(key_column > after)
    rows = _fetch(conn, select.order_by(key_column).limit(batch_size))
    return [row[1:] for row in rows], (rows[-1][0] if rows else None)
