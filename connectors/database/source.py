"""The database source: one work unit per table or view, read-only, sampled or full.

``read`` reflects the table, counts its rows from catalog statistics and yields the
columns it will read (``TableStart``), their values in batches (``RowBatch``: one sample,
or every row in full mode) and how they were read (``TableEnd``). A read that an odd
column type breaks starts over without those columns (a second ``TableStart``). Anything
else that goes wrong with one table becomes a ``Problem`` and the scan goes on.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from connectors.base import ITEMS, SourceError, UnitReport, WorkUnit, safe_error_message
from connectors.database.change_marker import table_marker
from connectors.database.config import DatabaseSourceConfig
from connectors.database.errors import connect_error_kind, error_kind
from connectors.database.filters import NameFilter
from connectors.database.readonly import create_read_only_engine, guard_description, read_only
from connectors.database.reflect import ColumnInfo, TableInfo, TableRef, list_tables, reflect_table
from connectors.database.row_count import count_rows
from connectors.database.sampling import (
    TRUNCATING_DIALECTS,
    batch_key,
    full_scan_plan,
    key_range_batch,
    plan_sample,
    probe_column,
    read_sample,
    stream_rows,
)
from connectors.database.url import resolve_url, safe_url, scrub
from connectors.database.values import to_text

#: column categories that cannot hold the entities Kojin looks for
#: types that hold no personal data; binary columns are read (a BLOB may hold a PHP
#: session or a serialized cart) and only their values that are text are classified
_SKIPPED_CATEGORIES = {"boolean": "boolean", "float": "floating point"}


@dataclass(frozen=True)
class TableStart:
    """A table about to be read: where it is and the columns whose values follow.

    A second ``TableStart`` for the same unit means the read started over (without the
    columns of a type that broke it): what came before it is void.
    """

    schema: str
    table: str
    columns: tuple[ColumnInfo, ...]
    max_value_chars: int  # values were cut to this length


@dataclass(frozen=True)
class RowBatch:
    """Values of the started table's columns, as text (None: NULL), one list per column."""

    values: Mapping[str, list[str | None]]


@dataclass(frozen=True)
class TableEnd:
    """How the table was read (plan, rows read, table rows, read-only guard)."""

    rows_read: int
    sampling: Mapping[str, Any]


class DatabaseSource:
    """A ``type = "database"`` source (connectors.base.Source protocol).

    The engine is created on first use and is not pickled, so the source can be sent to
    a worker process together with its work units. ``previous`` maps table keys to the
    change markers (``change_marker.py``) a previous run read them with: a table whose
    marker is the same is left out of the units and listed in ``carried``.
    """

    def __init__(
        self,
        config: DatabaseSourceConfig,
        previous: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        self.config = config
        self._previous = dict(previous or {})
        self.carried: dict[str, Mapping[str, Any]] = {}
        self.name = config.name
        self._filter = NameFilter(
            tuple(config.include_schemas),
            tuple(config.exclude_schemas),
            tuple(config.include_tables),
            tuple(config.exclude_tables),
            tuple(config.include_columns),
            tuple(config.exclude_columns),
        )
        self._url: sa.URL | None = None
        self._engine: sa.Engine | None = None

    def __repr__(self) -> str:
        return f"DatabaseSource(name={self.name!r}, url={self.display_url!r})"

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_engine"] = None
        state["_url"] = None  # holds the password; re-read from the environment
        return state

    # -- connection ------------------------------------------------------------------

    @property
    def display_url(self) -> str:
        """The URL as it may be printed: never with its password."""
        return safe_url(self._url if self._url is not None else self.config.url)

    def _resolved_url(self) -> sa.URL:
        if self._url is None:
            self._url = resolve_url(self.config.url, self.config.password_env)
        return self._url

    def engine(self) -> sa.Engine:
        if self._engine is None:
            self._engine = create_read_only_engine(
                self._resolved_url(), self.config.statement_timeout_s, self.config.connect_timeout_s
            )
        return self._engine

    def connect(self) -> contextlib.AbstractContextManager[sa.Connection]:
        """A read-only connection under the source's statement timeout (a transaction that
        is rolled back)."""
        return read_only(self.engine(), self.config.statement_timeout_s)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def _message(self, exc: BaseException) -> str:
        return scrub(safe_error_message(exc), self._resolved_url())

    def safe_message(self, exc: BaseException) -> str:
        """An exception as it may be shown: no row data, no password."""
        return self._message(exc)

    def test_connection(self) -> None:
        try:
            with self.connect() as conn:
                conn.execute(sa.select(sa.literal(1))).scalar_one()
        except SourceError:
            raise
        except Exception as exc:
            raise SourceError(
                f"cannot read {self.display_url}: {self._message(exc)}", connect_error_kind(exc)
            ) from None

    # -- reading whole tables on a caller's connection (the subject search) -----------
    # The subject reader, plan and deletion read one person's rows in full, on a
    # connection they hold (the deletion's own transaction): these are the connector's
    # read path for them, so the scanner never reaches into reflection or sampling.

    @staticmethod
    def sql_schema(conn: sa.Connection, schema: str) -> str | None:
        """The schema to name in SQL: None for the connection's default one."""
        default = sa.inspect(conn).default_schema_name or "main"
        return None if schema in ("", default) else schema

    @staticmethod
    def describe_table(conn: sa.Connection, schema: str, table: str) -> TableInfo:
        """The columns, keys and foreign keys of a table or view."""
        sql = DatabaseSource.sql_schema(conn, schema)
        views = set(sa.inspect(conn).get_view_names(schema=sql))
        kind = "view" if table in views else "table"
        return reflect_table(conn, TableRef(schema, table, kind, sql))

    @staticmethod
    def stream_rows(
        conn: sa.Connection,
        info: TableInfo,
        columns: list[ColumnInfo],
        batch_rows: int,
        max_chars: int,
    ) -> Iterator[list[tuple]]:
        """Every row of these columns, in batches (server-side cursor), values cut to
        ``max_chars`` as in the scan."""
        return stream_rows(conn, info, columns, batch_rows, max_chars)

    #: a cell as the scan reads it: text, or None for NULL
    cell_text = staticmethod(to_text)

    # -- planning --------------------------------------------------------------------

    def work_units(self) -> Iterator[WorkUnit]:
        self.carried = {}
        try:
            with self.connect() as conn:
                refs = list_tables(conn, self._filter, self.config.include_views)
                markers = {ref.key: self._marker(conn, ref) for ref in refs}
        except SourceError:
            raise
        except Exception as exc:
            raise SourceError(
                f"cannot list tables of {self.display_url}: {self._message(exc)}",
                connect_error_kind(exc),
            ) from None
        for ref in refs:
            marker = markers[ref.key]
            if marker is not None and self._previous.get(ref.key) == marker:
                self.carried[ref.key] = marker
                continue
            yield WorkUnit(
                source=self.name,
                kind="table",
                key=ref.key,
                payload={
                    "schema": ref.schema,
                    "table": ref.name,
                    "kind": ref.kind,
                    "sql_schema": ref.sql_schema,
                    "marker": marker,
                },
            )

    @staticmethod
    def _marker(conn: sa.Connection, ref: TableRef) -> dict[str, Any] | None:
        """The table's change marker; None (always read) if the catalog cannot tell."""
        try:
            return table_marker(conn, reflect_table(conn, ref))
        except Exception:  # noqa: BLE001 - an odd table is read, and fails there if it must
            return None

    # -- reading --------------------------------------------------------------------

    def read(self, unit: WorkUnit, report: UnitReport) -> Iterator[Any]:
        payload = unit.payload
        ref = TableRef(payload["schema"], payload["table"], payload["kind"], payload["sql_schema"])
        location = {"schema": ref.schema, "table": ref.name}
        try:
            with self.connect() as conn:
                yield from self._read_table(conn, ref, report, exotic=True)
        except Exception as exc:  # one table's failure must not stop the scan
            kind = error_kind(exc)
            exotic = report.metadata.get("exotic_columns") or []
            if kind in ("error", "unsupported_type") and exotic:
                # an odd type (geometry, a driver-less type) broke the read: try without them
                report.problem(
                    location,
                    "unsupported_type",
                    f"columns left out after a read error: {', '.join(exotic)} "
                    f"({self._message(exc)})",
                )
                try:
                    with self.connect() as conn:
                        yield from self._read_table(conn, ref, report, exotic=False)
                except Exception as again:
                    report.problem(location, error_kind(again), self._message(again))
            elif kind in ("error", "unsupported_type") and (failing := self._failing_columns(ref)):
                # one column the server cannot read (a name quoted wrong, a view column
                # that fails per row) must not lose the table: read it without them
                report.problem(
                    location,
                    "column",
                    f"columns left out after a read error: {', '.join(failing)} "
                    f"({self._message(exc)})",
                )
                try:
                    with read_only(self.engine(), self.config.statement_timeout_s) as conn:
                        yield from self._read_table(conn, ref, report, True, set(failing))
                except Exception as again:
                    report.problem(location, error_kind(again), self._message(again))
            else:
                report.problem(location, kind, self._message(exc))
        report.metadata[ITEMS] = [
            {"key": unit.key, "location": location, "marker": payload.get("marker")}
        ]

    def _failing_columns(self, ref: TableRef) -> list[str]:
        """The columns a one-column read of ``ref`` fails on, each probed in a savepoint
        (PostgreSQL aborts the transaction on an error otherwise)."""
        failing = []
        rows = max(self.config.sample_size, 1)
        try:
            with read_only(self.engine(), self.config.statement_timeout_s) as conn:
                info = reflect_table(conn, ref)
                for column in info.columns:
                    if not self._filter.column(ref.schema, ref.name, column.name):
                        continue
                    try:
                        with conn.begin_nested():
                            conn.execute(probe_column(info, column.name, rows)).all()
                    except sa.exc.DBAPIError:
                        failing.append(column.name)
        except Exception:  # noqa: BLE001 - the probe itself failed: report the first error
            return []
        return failing if len(failing) < len(info.columns) else []

    def _read_table(
        self,
        conn: sa.Connection,
        ref: TableRef,
        report: UnitReport,
        exotic: bool,
        failing: set[str] = frozenset(),
    ) -> Iterator[Any]:
        """Read one table; ``exotic=False`` leaves out columns of unknown type, and the
        ``failing`` ones are left out too."""
        cfg = self.config
        info = reflect_table(conn, ref)
        scanned = self._columns_to_read(info, report, exotic, failing)
        count = count_rows(conn, info, cfg.exact_count_max_rows)
        report.metadata["row_count"] = count.to_dict()
        yield TableStart(ref.schema, ref.name, tuple(scanned), cfg.max_value_chars)
        rows_read = 0
        if scanned and cfg.mode == "full" and (key := batch_key(info, conn.dialect.name)):
            plan = full_scan_plan(cfg.batch_size, key)
            conn.rollback()  # the reflection and count's transaction ends: its locks go
            for batch in self._key_range_batches(info, scanned, key):
                rows_read += len(batch)
                yield RowBatch(_columns_of(scanned, batch))
        elif scanned and cfg.mode == "full":
            plan = full_scan_plan(cfg.batch_size)
            for batch in stream_rows(conn, info, scanned, cfg.batch_size, cfg.max_value_chars):
                rows_read += len(batch)
                yield RowBatch(_columns_of(scanned, batch))
        elif scanned:
            plan = plan_sample(
                conn.dialect.name, info, count, cfg.sample_size, cfg.random_sample_max_rows
            )
            rows, plan = read_sample(
                conn, info, scanned, plan, cfg.max_value_chars, cfg.sample_seed
            )
            rows_read = len(rows)
            yield RowBatch(_columns_of(scanned, rows))
        else:
            plan = full_scan_plan(cfg.batch_size)
        sampling = {
            **plan.to_dict(),
            "rows_read": rows_read,
            "table_rows": count.rows,
            "table_rows_method": count.method,
            "read_only": guard_description(conn.engine.url),
        }
        report.metadata["sampling"] = sampling
        report.stats.update(
            rows_read=rows_read,
            columns=len(info.columns),
            columns_scanned=len(scanned),
            columns_skipped=len(info.columns) - len(scanned),
        )
        yield TableEnd(rows_read, sampling)

    def _key_range_batches(
        self, info: TableInfo, columns: list[ColumnInfo], key: str
    ) -> Iterator[list[tuple]]:
        """Full mode by key ranges, each batch read in its own short read-only transaction
        and handed on after it ended: the table's ACCESS SHARE (PostgreSQL) or metadata
        lock (MySQL) is held for one batch's read, never while the rows are classified, so
        an ALTER TABLE waits at most that long (and UPDATEs queued behind it too)."""
        cfg = self.config
        after = None
        while True:
            with read_only(self.engine(), cfg.statement_timeout_s) as conn:
                rows, after = key_range_batch(
                    conn, info, columns, key, after, cfg.batch_size, cfg.max_value_chars
                )
            if not rows:
                return
            yield rows

    def _columns_to_read(
        self, info: TableInfo, report: UnitReport, exotic: bool, failing: set[str]
    ) -> list[ColumnInfo]:
        """The columns the filters keep, less those of types that hold no personal data
        and those that fail to read."""
        ref = info.ref
        wanted = [c for c in info.columns if self._filter.column(ref.schema, ref.name, c.name)]
        skipped = [
            {"column": c.name, "reason": _SKIPPED_CATEGORIES[c.category]}
            for c in wanted
            if c.category in _SKIPPED_CATEGORIES
        ]
        if self.engine().dialect.name not in TRUNCATING_DIALECTS:
            # a BLOB is cut in SQL only where the dialect can: elsewhere whole images travel
            skipped += [{"column": c.name, "reason": "binary data"} for c in wanted
                        if c.category == "binary"]  # fmt: skip
        if not exotic:
            skipped += [
                {"column": c.name, "reason": "type could not be read"}
                for c in wanted
                if c.category == "other"
            ]
        skipped += [{"column": c.name, "reason": "reading it failed"} for c in wanted
                    if c.name in failing]  # fmt: skip
        left_out = {s["column"] for s in skipped}
        scanned = [c for c in wanted if c.name not in left_out]
        report.metadata.update(self._table_metadata(info))
        report.metadata["exotic_columns"] = [c.name for c in scanned if c.category == "other"]
        report.metadata["skipped_columns"] = skipped
        return scanned

    @staticmethod
    def _table_metadata(info: TableInfo) -> dict[str, Any]:
        return {
            "schema": info.ref.schema,
            "table": info.ref.name,
            "kind": info.ref.kind,
            "comment": info.comment,
            "columns": [c.name for c in info.columns],
            "column_types": {c.name: c.type_name for c in info.columns},
            "primary_key": list(info.primary_key),
            "foreign_keys": [fk.to_dict() for fk in info.foreign_keys],
        }


def _columns_of(columns: list[ColumnInfo], rows: list[tuple]) -> dict[str, list[str | None]]:
    return {c.name: [to_text(row[i]) for row in rows] for i, c in enumerate(columns)}
