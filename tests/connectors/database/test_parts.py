"""The small pieces: value text, error kinds, URLs, filters and sample plans."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
import sqlalchemy as sa

from connectors.base import SourceError
from connectors.database.errors import error_kind
from connectors.database.filters import NameFilter
from connectors.database.reflect import ColumnInfo, TableInfo, TableRef
from connectors.database.row_count import RowCount
from connectors.database.sampling import plan_sample
from connectors.database.url import resolve_url, safe_url, scrub
from connectors.database.values import to_text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, None), (True, None), ("山田", "山田"), (42, "42"),
        (Decimal("26200.00"), "26200"), (Decimal("1.50"), "1.50"),
        (datetime(1985, 4, 1), "1985-04-01"),
        (datetime(2024, 1, 2, 3, 4, 5), "2024-01-02 03:04:05"),
        (date(1985, 4, 1), "1985-04-01"), (b"x", "x"), (b"\xff\xfe", None),
        ({"tel": "090"}, '{"tel": "090"}'),
    ],
)  # fmt: skip
def test_to_text(value, text) -> None:
    assert to_text(value) == text


class _DriverError(Exception):
    def __init__(self, *args, pgcode=None):
        super().__init__(*args)
        self.pgcode = pgcode


def _dbapi(orig: Exception) -> sa.exc.DBAPIError:
    return sa.exc.OperationalError("SELECT ...", {"x": "090-1234-5678"}, orig)


@pytest.mark.parametrize(
    ("orig", "kind"),
    [
        (_DriverError("canceling statement due to statement timeout", pgcode="57014"), "timeout"),
        (_DriverError("permission denied for table x", pgcode="42501"), "permission"),
        (
            _DriverError(1969, "Query execution was interrupted (max_statement_time exceeded)"),
            "timeout",
        ),
        (_DriverError(1142, "SELECT command denied"), "permission"),
        (_DriverError("interrupted"), "timeout"),
        (_DriverError("no such table: ok"), "error"),
    ],
)
def test_error_kinds(orig, kind) -> None:
    assert error_kind(_dbapi(orig)) == kind


def test_urls() -> None:
    url = resolve_url("postgresql://kojin@db/app", "PW", environ={"PW": "hunter2"})
    assert url.password == "hunter2"
    assert safe_url(url) == "postgresql+psycopg://kojin:***@db/app"
    assert scrub("failed for dsn password=hunter2", url) == "failed for dsn password=***"
    with pytest.raises(SourceError, match="PW .*is not set"):
        resolve_url("postgresql://kojin@db/app", "PW", environ={})
    with pytest.raises(SourceError, match="not a valid"):
        resolve_url("::nonsense::")
    with pytest.raises(SourceError, match="database file"):
        resolve_url("sqlite://")


def test_name_filter() -> None:
    f = NameFilter(include_tables=("dtb_*",), exclude_tables=("public.dtb_tmp*",),
                   exclude_columns=("*.password", "salt"))  # fmt: skip
    assert f.table("public", "DTB_Customer") and not f.table("public", "dtb_tmp1")
    assert not f.table("public", "mtb_pref")
    assert not f.column("public", "dtb_customer", "password")
    assert not f.column("public", "dtb_customer", "salt")
    assert f.column("public", "dtb_customer", "email")


def _info(kind: str = "table", pk: tuple[str, ...] = ("id",)) -> TableInfo:
    columns = (ColumnInfo("id", "INTEGER", "number", is_primary_key=True),
               ColumnInfo("email", "TEXT", "text"))  # fmt: skip
    return TableInfo(TableRef("s", "t", kind, None), columns, pk)


@pytest.mark.parametrize(
    ("dialect", "kind", "pk", "count", "method"),
    [
        ("sqlite", "table", ("id",), RowCount(500, "count(*)", True), "all_rows"),
        ("sqlite", "table", ("id",), RowCount(20_000, "count(*)", True), "random_order"),
        ("sqlite", "table", ("id",), RowCount(10**6, "max(rowid)", False), "key_ranges"),
        ("sqlite", "table", (), RowCount(10**6, "max(rowid)", False), "key_ranges"),
        ("mysql", "table", (), RowCount(10**6, "table_rows", False), "first_rows"),
        ("postgresql", "table", ("id",), RowCount(150_000, "reltuples", False),
         "tablesample_bernoulli"),
        ("postgresql", "table", ("id",), RowCount(10**7, "reltuples", False),
         "tablesample_system"),
        ("postgresql", "view", (), RowCount(None, "not counted", False), "first_rows"),
    ],
)  # fmt: skip
def test_sample_plans(dialect, kind, pk, count, method) -> None:
    plan = plan_sample(dialect, _info(kind, pk), count, 1000, 50_000)
    assert plan.method == method
    assert plan.random is (method not in ("key_ranges", "first_rows"))
    if not plan.random:
        assert "NOT" in plan.note
