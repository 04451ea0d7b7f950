"""The database source: one work unit per table or view, read-only, sampled or full.

``run_unit`` reflects the table, counts its rows from catalog statistics, reads a sample
(or streams every row in full mode), hands the columns to the column classifier and
turns its verdicts into findings. Anything that goes wrong with one table becomes a
``ScanError`` and the scan goes on. ``finalize`` adds cross-reference findings.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from connectors.base import SourceError, UnitResult, WorkUnit
from connectors.database.config import DatabaseSourceConfig
from connectors.database.cross_reference import cross_reference_findings
from connectors.database.errors import error_kind
from connectors.database.filters import NameFilter
from connectors.database.readonly import create_read_only_engine, guard_description, read_only
from connectors.database.reflect import ColumnInfo, TableInfo, TableRef, list_tables, reflect_table
from connectors.database.row_count import count_rows
from connectors.database.sampling import full_scan_plan, plan_sample, read_sample, stream_rows
from connectors.database.url import resolve_url, safe_url, scrub
from connectors.database.values import to_text
from scanner.classify.column_classifier import ClassifierOptions, ColumnSample, TableClassifier
from scanner.entities import is_personal
from scanner.findings import Finding, ScanError, safe_error_message

if TYPE_CHECKING:
    from scanner.detect.detector import Detector

#: column categories that cannot hold the entities Kojin looks for
_SKIPPED_CATEGORIES = {"binary": "binary data", "boolean": "boolean", "float": "floating point"}


class DatabaseSource:
    """A ``type = "database"`` source (connectors.base.Source protocol).

    The engine is created on first use and is not pickled, so the source can be sent to
    a worker process together with its work units.
    """

    def __init__(
        self,
        config: DatabaseSourceConfig,
        *,
        base_dir: Path | None = None,
        classifier_options: ClassifierOptions | None = None,
    ) -> None:
        self.config = config
        self.name = config.name
        self.base_dir = base_dir
        self.classifier_options = (
            classifier_options
            if classifier_options is not None
            else ClassifierOptions(max_value_chars=config.max_value_chars)
        )
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

    @property
    def read_only_guard(self) -> str:
        return guard_description(self._resolved_url())

    def _resolved_url(self) -> sa.URL:
        if self._url is None:
            self._url = resolve_url(self.config.url, self.config.password_env, None, self.base_dir)
        return self._url

    def engine(self) -> sa.Engine:
        if self._engine is None:
            self._engine = create_read_only_engine(
                self._resolved_url(), self.config.statement_timeout_s, self.config.connect_timeout_s
            )
        return self._engine

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
            with read_only(self.engine(), self.config.statement_timeout_s) as conn:
                conn.execute(sa.select(sa.literal(1))).scalar_one()
        except SourceError:
            raise
        except Exception as exc:
            raise SourceError(f"cannot read {self.display_url}: {self._message(exc)}") from None

    # -- planning --------------------------------------------------------------------

    def work_units(self) -> Iterator[WorkUnit]:
        try:
            with read_only(self.engine(), self.config.statement_timeout_s) as conn:
                refs = list_tables(conn, self._filter, self.config.include_views)
        except SourceError:
            raise
        except Exception as exc:
            raise SourceError(
                f"cannot list tables of {self.display_url}: {self._message(exc)}"
            ) from None
        for ref in refs:
            yield WorkUnit(
                source=self.name,
                kind="table",
                key=ref.key,
                payload={
                    "schema": ref.schema,
                    "table": ref.name,
                    "kind": ref.kind,
                    "sql_schema": ref.sql_schema,
                },
            )

    # -- scanning --------------------------------------------------------------------

    def run_unit(self, unit: WorkUnit, detector: Detector) -> UnitResult:
        payload = unit.payload
        ref = TableRef(payload["schema"], payload["table"], payload["kind"], payload["sql_schema"])
        location = {"schema": ref.schema, "table": ref.name}
        result = UnitResult(unit=unit)
        started = time.monotonic()
        try:
            with read_only(self.engine(), self.config.statement_timeout_s) as conn:
                self._scan_table(conn, ref, detector, result, exotic=True)
        except Exception as exc:  # one table's failure must not stop the scan
            kind = error_kind(exc)
            exotic = result.metadata.get("exotic_columns") or []
            if kind in ("error", "unsupported_type") and exotic:
                # an odd type (geometry, a driver-less type) broke the read: try without them
                result.findings.clear()
                result.errors.append(
                    ScanError(
                        self.name,
                        location,
                        "unsupported_type",
                        f"columns left out after a read error: {', '.join(exotic)} "
                        f"({self._message(exc)})",
                    )
                )
                try:
                    with read_only(self.engine(), self.config.statement_timeout_s) as conn:
                        self._scan_table(conn, ref, detector, result, exotic=False)
                except Exception as again:
                    result.errors.append(
                        ScanError(self.name, location, error_kind(again), self._message(again))
                    )
            else:
                result.errors.append(ScanError(self.name, location, kind, self._message(exc)))
        result.stats["elapsed_ms"] = round((time.monotonic() - started) * 1000)
        return result

    def _scan_table(
        self,
        conn: sa.Connection,
        ref: TableRef,
        detector: Detector,
        result: UnitResult,
        exotic: bool,
    ) -> None:
        """Read and classify one table; ``exotic=False`` leaves out columns of unknown type."""
        cfg = self.config
        info = reflect_table(conn, ref)
        wanted = [c for c in info.columns if self._filter.column(ref.schema, ref.name, c.name)]
        skipped = [
            {"column": c.name, "reason": _SKIPPED_CATEGORIES[c.category]}
            for c in wanted
            if c.category in _SKIPPED_CATEGORIES
        ]
        if not exotic:
            skipped += [
                {"column": c.name, "reason": "type could not be read"}
                for c in wanted
                if c.category == "other"
            ]
        left_out = {s["column"] for s in skipped}
        scanned = [c for c in wanted if c.name not in left_out]
        result.metadata.update(self._table_metadata(info))
        result.metadata["exotic_columns"] = [c.name for c in scanned if c.category == "other"]
        result.metadata["skipped_columns"] = skipped
        count = count_rows(conn, info, cfg.exact_count_max_rows)
        result.metadata["row_count"] = count.to_dict()
        samples = [
            ColumnSample(
                name=c.name,
                values=(),
                comment=c.comment,
                type_name=c.type_name,
                is_primary_key=c.is_primary_key,
                foreign_key=c.foreign_key,
            )
            for c in scanned
        ]
        classifier = TableClassifier(
            ref.name,
            samples,
            detector,
            self.classifier_options,
            getattr(detector, "fingerprinter", None),  # set by a scan (Detector.fingerprinter)
        )
        rows_read = 0
        classify_s = 0.0
        if scanned and cfg.mode == "full":
            plan = full_scan_plan(cfg.batch_size)
            for batch in stream_rows(conn, info, scanned, cfg.batch_size, cfg.max_value_chars):
                rows_read += len(batch)
                started = time.monotonic()
                classifier.add_batch(_columns_of(scanned, batch))
                classify_s += time.monotonic() - started
        elif scanned:
            plan = plan_sample(
                conn.dialect.name, info, count, cfg.sample_size, cfg.random_sample_max_rows
            )
            rows, plan = read_sample(
                conn, info, scanned, plan, cfg.max_value_chars, cfg.sample_seed
            )
            rows_read = len(rows)
            started = time.monotonic()
            classifier.add_batch(_columns_of(scanned, rows))
            classify_s += time.monotonic() - started
        else:
            plan = full_scan_plan(cfg.batch_size)
        sampling = {
            **plan.to_dict(),
            "rows_read": rows_read,
            "table_rows": count.rows,
            "table_rows_method": count.method,
            "read_only": guard_description(conn.engine.url),
        }
        result.metadata["sampling"] = sampling
        started = time.monotonic()
        verdicts = classifier.verdicts() if rows_read else []
        classify_s += time.monotonic() - started
        personal: dict[str, float] = {}
        for v in verdicts:
            result.findings.append(
                Finding(
                    source=self.name,
                    location={"schema": ref.schema, "table": ref.name, "column": v.column},
                    entity=v.entity,
                    score=v.confidence,
                    evidence={**v.evidence, "sampling": sampling},
                    examples=v.examples,
                    rows_sampled=v.rows_sampled,
                    rows_matched=v.rows_matched,
                    fingerprints=v.fingerprints,
                )
            )
            if is_personal(v.entity):
                personal[v.entity] = max(personal.get(v.entity, 0.0), v.confidence)
        result.metadata["personal_entities"] = personal
        result.stats.update(
            rows_read=rows_read,
            columns=len(info.columns),
            columns_scanned=len(scanned),
            columns_skipped=len(info.columns) - len(scanned),
            findings=len(result.findings),
            classify_ms=round(classify_s * 1000),
        )

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

    # -- after all units ---------------------------------------------------------------

    def finalize(self, results: list[UnitResult]) -> list[Finding]:
        if not self.config.cross_reference:
            return []
        metadata = [r.metadata for r in results if r.unit.source == self.name and not r.errors]
        return cross_reference_findings(self.name, metadata, self.config.cross_reference_max_hops)


def _columns_of(columns: list[ColumnInfo], rows: list[tuple]) -> dict[str, list[str | None]]:
    return {c.name: [to_text(row[i]) for row in rows] for i, c in enumerate(columns)}
