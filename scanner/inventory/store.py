"""The inventory database: one writer (the scan driver), many readers (reports, diff).

SQLite by default, any SQLAlchemy database by URL (PostgreSQL in production). The schema
is brought up to date whenever the inventory is opened.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Sequence, Set
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, delete, event, func, insert, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from connectors.base import SourceError, safe_error_message
from connectors.database.drivers import missing_driver_hint, with_default_driver
from connectors.database.url import with_password
from scanner.findings import CARRIED_FROM, Finding, ScanError
from scanner.inventory import schema as t
from scanner.inventory.batches import batches
from scanner.inventory.config import InventoryConfig
from scanner.inventory.migrations import InventoryError, migrate
from scanner.inventory.records import (
    JudgedFinding,
    Mark,
    NewRun,
    Review,
    RunInfo,
    SourceRecord,
    StoredFinding,
)

if TYPE_CHECKING:
    from scanner.scan.incremental import ItemRecord, PreviousScan


#: up to this many row pks are fetched by pk, more by reading the run's rows and skipping
ONLY_ROWS = 5000


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def engine_for(config: InventoryConfig) -> Engine:
    """An engine for the configured inventory; the password only ever comes from the env."""
    try:
        url = with_password(with_default_driver(make_url(config.database_url())),
                            config.password_env)  # fmt: skip
    except SourceError as exc:
        raise InventoryError(f"inventory: {exc}") from None
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(url)
    except ImportError:
        raise InventoryError(f"inventory: {missing_driver_hint(url)}") from None
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


class Inventory:
    """Runs, judged findings, fingerprints, errors and reviews."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @classmethod
    def open(cls, config: InventoryConfig, create: bool = True) -> Inventory:
        """Open (and migrate) the inventory; ``create=False`` refuses to start a new file."""
        if not create and not config.url and not config.path.exists():
            raise InventoryError(
                f"no inventory at {config.path}: run `kojin scan` with this config first"
            )
        try:
            engine = engine_for(config)
            migrate(engine)
        except SQLAlchemyError as exc:
            where = make_url(config.database_url()).render_as_string(hide_password=True)
            raise InventoryError(f"inventory {where}: {safe_error_message(exc)}") from None
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Inventory:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- writing ---

    def record_run(
        self,
        run: NewRun,
        judged: Sequence[JudgedFinding],
        errors: Sequence[ScanError],
        sources: Sequence[SourceRecord],
        carried: Sequence[StoredFinding] = (),
        items: Sequence[ItemRecord] = (),
    ) -> RunInfo:
        """Store one finished scan in a single transaction; returns it as stored.

        ``carried`` are findings of an earlier run whose places this run could not read,
        each with ``last_scanned_run_pk`` set: they are stored again as last seen.
        Findings of unchanged items (``evidence.carried_from_run``) equal to the row of the
        run that read them are stored by reference to that row (``kojin_finding_refs``).
        ``items`` are the per-item states the next scan compares against (incremental).
        """
        from scanner.inventory.item_states import write_item_states

        rows = _dedupe(judged)
        carried = [f for f in carried if f.key not in rows]
        if any(f.last_scanned_run_pk is None for f in carried):
            raise ValueError("a carried finding needs the run that last read it")
        violations = _violations(rows, carried, self.latest_reviews())
        statuses = {s.status for s in sources}
        status = "failed" if statuses == {"failed"} else "ok" if statuses <= {"ok"} else "partial"
        with self.engine.begin() as conn:
            run_id = self._unique_run_id(conn, run.run_id)
            pk = conn.execute(
                insert(t.runs).values(
                    run_id=run_id,
                    started=run.started,
                    ended=run.ended,
                    status=status,
                    config_path=run.config_path,
                    config_fingerprint=run.config_fingerprint,
                    catalog_json=_json(run.catalog),
                    versions_json=_json(run.versions),
                    detector_json=_json(run.detector),
                    out_dir=run.out_dir,
                    findings_count=len(rows) + len(carried),
                    violations_count=violations,
                    errors_count=len(errors),
                )  # fmt: skip
            ).inserted_primary_key[0]
            if sources:
                conn.execute(insert(t.run_sources), [
                    {"run_pk": pk, "name": s.name, "type": s.type, "status": s.status,
                     "units": s.units, "units_done": s.units_done, "findings": s.findings,
                     "errors": s.errors, "stats_json": _json(dict(s.stats))}
                    for s in sources
                ])  # fmt: skip
            refs = _references(rows, items)
            _insert_findings(conn, pk, {k: v for k, v in rows.items() if k not in refs}, carried)
            for batch in batches(refs.values()):
                conn.execute(insert(t.finding_refs),
                             [{"run_pk": pk, "finding_pk": row} for row in batch])  # fmt: skip
            for batch in batches(errors):
                conn.execute(insert(t.scan_errors), [
                    {"run_pk": pk, "source": e.source, "location_json": _json(dict(e.location)),
                     "kind": e.kind, "message": e.message}
                    for e in batch
                ])  # fmt: skip
            write_item_states(conn, pk, items, {run.run_id: run_id})
        return self.resolve_run(str(pk))

    @staticmethod
    def _unique_run_id(conn, wanted: str) -> str:
        taken = set(
            conn.execute(
                select(t.runs.c.run_id).where(t.runs.c.run_id.like(f"{wanted}%"))
            ).scalars()
        )
        candidate, n = wanted, 1
        while candidate in taken:
            n += 1
            candidate = f"{wanted}-{n}"
        return candidate

    def add_review(
        self, key: str, mark: Mark, note: str, by: str, run_pk: int | None = None
    ) -> Review:
        at = _now()
        with self.engine.begin() as conn:
            conn.execute(
                insert(t.reviews).values(
                    finding_key=key, mark=str(mark), note=note, reviewer=by, at=at, run_pk=run_pk
                )
            )
        return Review(key, Mark(mark), note, by, at)

    def set_setting(self, name: str, value: str) -> None:
        """Store one inventory-wide setting (replacing the old value)."""
        with self.engine.begin() as conn:
            conn.execute(delete(t.settings).where(t.settings.c.name == name))
            conn.execute(insert(t.settings).values(name=name, value=value, set_at=_now()))

    # --- reading ---

    def setting(self, name: str) -> str | None:
        with self.engine.connect() as conn:
            query = select(t.settings.c.value).where(t.settings.c.name == name)
            return conn.execute(query).scalar()

    def has_runs(self) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(t.runs.c.id).limit(1)).first() is not None

    def runs(self) -> list[RunInfo]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.runs).order_by(t.runs.c.id)).mappings().all()
        return [_run_info(r) for r in rows]

    def resolve_run(self, ref: str | None = None) -> RunInfo:
        """A run by number, by run id, or ``latest`` / ``previous`` (None: latest)."""
        query = select(t.runs)
        if ref in (None, "", "latest", "previous"):
            offset = 1 if ref == "previous" else 0
            query = query.order_by(t.runs.c.id.desc()).offset(offset).limit(1)
        elif ref.isdigit():
            query = query.where(t.runs.c.id == int(ref))
        else:
            query = query.where(t.runs.c.run_id == ref)
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        if row is None:
            if ref in (None, "", "latest"):
                raise InventoryError("the inventory has no runs yet: run `kojin scan` first")
            raise InventoryError(f"no run {ref!r} in the inventory (see `kojin diff --list`)")
        return _run_info(row)

    def latest_run(self) -> RunInfo | None:
        """The newest run, or None in an empty inventory."""
        query = select(t.runs).order_by(t.runs.c.id.desc()).limit(1)
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        return _run_info(row) if row else None

    def previous_scan(self) -> PreviousScan:
        """What the next scan needs to be incremental: per source, the latest run's item
        states with their findings and where they are stored (see ``item_states.py``)."""
        from scanner.inventory.item_states import StoredFindingRow, load_previous_scan

        def findings_of(run_pk: int) -> dict[str, StoredFindingRow]:
            run = self.resolve_run(str(run_pk))
            prints = self.fingerprints(run)
            with self.engine.connect() as conn:
                rows = _rows_of_run(conn, run_pk)
            out: dict[str, StoredFindingRow] = {}
            for r, read_in in rows:
                fingerprints = tuple(sorted(prints.get(r["id"], ())))
                # marked with the run that read it (the row's own mark, else the run
                # holding the row): as a run pointing at the row will show it
                finding = _finding_of_row(r, read_in or run.run_id, fingerprints)
                out[r["finding_key"]] = StoredFindingRow(
                    finding,
                    r["id"] if r["last_scanned_run_pk"] is None else None,
                    _stored_judgement(r),
                    finding.evidence[CARRIED_FROM],
                )
            return out

        return load_previous_scan(self.engine, findings_of)

    def previous_run(self, run: RunInfo) -> RunInfo | None:
        query = select(t.runs).where(t.runs.c.id < run.pk).order_by(t.runs.c.id.desc()).limit(1)
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        return _run_info(row) if row else None

    def latest_reviews(self) -> dict[str, Review]:
        """The last mark given to each finding identity; later runs inherit it."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.reviews).order_by(t.reviews.c.id)).mappings().all()
        return {
            r["finding_key"]: Review(
                r["finding_key"], Mark(r["mark"]), r["note"], r["reviewer"], r["at"]
            )  # fmt: skip
            for r in rows
        }

    def findings(self, run: RunInfo, only: Set[int] | None = None) -> list[StoredFinding]:
        """The run's findings, its own rows and those it holds by reference (an unchanged
        item's, read by an earlier run), in the scan's order; ``only``: those row pks."""
        if only is not None and not only:
            return []
        reviews = self.latest_reviews()
        with self.engine.connect() as conn:
            rows = _rows_of_run(conn, run.pk, only=only)
        return [_stored_finding(r, reviews.get(r["finding_key"]), read_in) for r, read_in in rows]

    def finding_rows(self, run: RunInfo) -> dict[str, int]:
        """The stored row (pk) of each of the run's findings, by finding key."""
        own = select(t.findings.c.finding_key, t.findings.c.id).where(
            t.findings.c.run_pk == run.pk
        )
        refs = (
            select(t.findings.c.finding_key, t.findings.c.id)
            .select_from(_refs_join())
            .where(t.finding_refs.c.run_pk == run.pk)
        )
        with self.engine.connect() as conn:
            return dict(conn.execute(own).all()) | dict(conn.execute(refs).all())  # type: ignore[arg-type]

    def fingerprints(self, run: RunInfo) -> dict[int, list[str]]:
        """Fingerprints by finding pk (the subject index), referenced findings' too."""
        fp = t.fingerprints
        own = select(fp.c.finding_pk, fp.c.fingerprint).where(fp.c.run_pk == run.pk)
        refs = (
            select(fp.c.finding_pk, fp.c.fingerprint)
            .select_from(t.finding_refs.join(fp, fp.c.finding_pk == t.finding_refs.c.finding_pk))
            .where(t.finding_refs.c.run_pk == run.pk)
        )
        out: dict[int, list[str]] = {}
        with self.engine.connect() as conn:
            for query in (own, refs):
                for finding_pk, fingerprint in conn.execute(query).all():
                    out.setdefault(finding_pk, []).append(fingerprint)
        return out

    def errors(self, run: RunInfo) -> list[ScanError]:
        query = select(t.scan_errors).where(t.scan_errors.c.run_pk == run.pk)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(t.scan_errors.c.id)).mappings().all()
        return [ScanError(r["source"], json.loads(r["location_json"]), r["kind"], r["message"])
                for r in rows]  # fmt: skip

    def sources(self, run: RunInfo) -> list[SourceRecord]:
        query = select(t.run_sources).where(t.run_sources.c.run_pk == run.pk)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(t.run_sources.c.id)).mappings().all()
        return [
            SourceRecord(
                r["name"],
                r["type"],
                r["status"],
                r["units"],
                r["units_done"],
                r["findings"],
                r["errors"],
                json.loads(r["stats_json"]),
            )  # fmt: skip
            for r in rows
        ]

    def find_finding(self, finding_id: str) -> tuple[RunInfo, StoredFinding]:
        """The latest stored version of the finding whose key starts with ``finding_id``."""
        prefix = finding_id.strip().lower()
        if len(prefix) < 6 or any(c not in "0123456789abcdef" for c in prefix):
            raise InventoryError(
                f"{finding_id!r} is not a finding id (at least 6 hex digits, as in the reports)"
            )
        key_column = t.findings.c.finding_key
        own = select(key_column, func.max(t.findings.c.run_pk)).where(
            key_column.like(prefix + "%")
        )
        refs = (
            select(key_column, func.max(t.finding_refs.c.run_pk))
            .select_from(_refs_join())
            .where(key_column.like(prefix + "%"))
        )
        latest: dict[str, int] = {}
        with self.engine.connect() as conn:
            for query in (own, refs):
                for key, run_pk in conn.execute(query.group_by(key_column).limit(2)):
                    latest[key] = max(run_pk, latest.get(key, 0))
        if not latest:
            raise InventoryError(f"no finding {finding_id!r} in the inventory")
        if len(latest) > 1:
            raise InventoryError(f"finding id {finding_id!r} is ambiguous: give more digits")
        [(key, run_pk)] = latest.items()
        run = self.resolve_run(str(run_pk))
        with self.engine.connect() as conn:
            [(row, read_in)] = _rows_of_run(conn, run_pk, key)
        return run, _stored_finding(row, self.latest_reviews().get(key), read_in)


def _violations(
    rows: dict[str, JudgedFinding], carried: Sequence[StoredFinding], reviews: dict[str, Review]
) -> int:
    """Violating findings that no reviewer marked a false positive, carried ones too."""
    return sum(
        1
        for key, jf in rows.items()
        if jf.judgement.is_violation
        and not (key in reviews and reviews[key].mark == Mark.false_positive)
    ) + sum(1 for f in carried if replace(f, review=reviews.get(f.key)).is_violation)


def _refs_join():
    """A run's references joined to the rows they point at."""
    return t.finding_refs.join(t.findings, t.findings.c.id == t.finding_refs.c.finding_pk)


def _rows_of_run(
    conn, run_pk: int, key: str | None = None, only: Set[int] | None = None
) -> list[tuple[Any, str | None]]:
    """(row, None) for the run's own findings, (row, the run id that read it) for those it
    holds by reference; a run with references in the order the scan wrote its findings.
    ``key``: that finding only; ``only``: those row pks only."""
    own = select(t.findings).where(t.findings.c.run_pk == run_pk)
    refs = (
        select(t.findings, t.runs.c.run_id.label("read_in_run"))
        .select_from(_refs_join().join(t.runs, t.runs.c.id == t.findings.c.run_pk))
        .where(t.finding_refs.c.run_pk == run_pk)
    )
    if key is not None:
        own = own.where(t.findings.c.finding_key == key)
        refs = refs.where(t.findings.c.finding_key == key)
    if only is not None and len(only) <= ONLY_ROWS:
        chunks = [sorted(only)[i : i + 500] for i in range(0, len(only), 500)]
        own_rows = [r for c in chunks for r in _rows(conn, own.where(t.findings.c.id.in_(c)))]
        ref_rows = [r for c in chunks for r in _rows(conn, refs.where(t.findings.c.id.in_(c)))]
    else:
        own_rows, ref_rows = _rows(conn, own), _rows(conn, refs)
        if only is not None:
            own_rows = [r for r in own_rows if r["id"] in only]
            ref_rows = [r for r in ref_rows if r["id"] in only]
    rows: list[tuple[Any, str | None]] = [(r, None) for r in own_rows]
    if not ref_rows:
        return sorted(rows, key=lambda item: item[0]["id"])
    return sorted(rows + [(r, r["read_in_run"]) for r in ref_rows], key=_scan_order)


def _rows(conn, query) -> list[Any]:
    return conn.execute(query.order_by(t.findings.c.id)).mappings().all()


def _scan_order(item: tuple[Any, str | None]) -> tuple:
    """The driver's finding order (source, location, entity), findings not scanned last."""
    r = item[0]
    location = json.dumps(json.loads(r["location_json"]), sort_keys=True, default=str)
    return (r["last_scanned_run_pk"] is not None, r["source"], location, r["entity"])


def _references(rows: dict[str, JudgedFinding], items: Sequence[ItemRecord]) -> dict[str, int]:
    """The stored rows that carried findings point at instead of being stored again, by
    finding key: a carried item's finding that reached this run as the very object read
    from that row (nothing changed it) and is judged as stored there."""
    out: dict[str, int] = {}
    for item in items:
        for key, stored in item.rows.items():
            jf = rows.get(key)
            if jf is not None and jf.finding is stored.finding:
                if _judgement_of(jf) == stored.judgement:
                    out[key] = stored.pk
    return out


_JUDGEMENT_COLUMNS = ("verdict", "rule", "asset", "purposes_json", "reason_ja", "reason_en")


def _judgement_of(jf: JudgedFinding) -> tuple[Any, ...]:
    j = jf.judgement
    return (str(j.verdict), j.rule, j.asset, _json(list(j.purposes)), j.reason_ja, j.reason_en)


def _stored_judgement(r) -> tuple[Any, ...]:
    return tuple(r[name] for name in _JUDGEMENT_COLUMNS)


def _insert_findings(
    conn, pk: int, rows: dict[str, JudgedFinding], carried: Sequence[StoredFinding]
) -> None:
    """The run's findings and carried findings, then the fingerprints of both."""
    for batch in batches(rows.items()):
        conn.execute(insert(t.findings), [_finding_row(pk, k, jf) for k, jf in batch])
    for batch in batches(carried):
        conn.execute(insert(t.findings), [_carried_row(pk, f) for f in batch])
    id_query = select(t.findings.c.finding_key, t.findings.c.id).where(
        t.findings.c.run_pk == pk
    )
    ids = {key: finding_pk for key, finding_pk in conn.execute(id_query)}
    old_prints = _fingerprints_of(conn, [f.pk for f in carried])
    prints = itertools.chain(
        (
            {"run_pk": pk, "finding_pk": ids[key], "fingerprint": fp}
            for key, jf in rows.items()
            for fp in jf.finding.fingerprints
        ),
        (
            {"run_pk": pk, "finding_pk": ids[f.key], "fingerprint": fp}
            for f in carried
            for fp in old_prints.get(f.pk, ())
        ),
    )
    for batch in batches(prints):
        conn.execute(insert(t.fingerprints), batch)


def _dedupe(judged: Sequence[JudgedFinding]) -> dict[str, JudgedFinding]:
    """One finding per identity: the best-scored one, with every fingerprint of its twins."""
    rows: dict[str, JudgedFinding] = {}
    for jf in judged:
        f = jf.finding
        key = f.key
        seen = rows.get(key)
        if seen is None:
            rows[key] = jf
            continue
        best, other = (jf, seen) if f.score > seen.finding.score else (seen, jf)
        prints = tuple(dict.fromkeys(best.finding.fingerprints + other.finding.fingerprints))
        rows[key] = JudgedFinding(replace(best.finding, fingerprints=prints), best.judgement)
    return rows


def _finding_row(run_pk: int, key: str, jf: JudgedFinding) -> dict[str, Any]:
    f, j = jf.finding, jf.judgement
    return {
        "run_pk": run_pk, "finding_key": key, "source": f.source,
        "location_json": _json(dict(f.location)), "place": f.place,
        "entity": f.entity, "score": round(float(f.score), 4),
        "evidence_json": _json(dict(f.evidence)), "examples_json": _json(list(f.examples)),
        "rows_sampled": f.rows_sampled, "rows_matched": f.rows_matched, "count": f.count,
        "verdict": str(j.verdict), "rule": j.rule, "asset": j.asset,
        "purposes_json": _json(list(j.purposes)), "reason_ja": j.reason_ja,
        "reason_en": j.reason_en,
    }  # fmt: skip


def _carried_row(run_pk: int, f: StoredFinding) -> dict[str, Any]:
    """An earlier run's finding stored again, as it was last seen."""
    return {
        "run_pk": run_pk, "finding_key": f.key, "source": f.source,
        "location_json": _json(dict(f.location)), "place": f.place, "entity": f.entity,
        "score": f.score, "evidence_json": _json(dict(f.evidence)),
        "examples_json": _json(list(f.examples)), "rows_sampled": f.rows_sampled,
        "rows_matched": f.rows_matched, "count": f.count, "verdict": f.verdict,
        "rule": f.rule, "asset": f.asset, "purposes_json": _json(list(f.purposes)),
        "reason_ja": f.reason_ja, "reason_en": f.reason_en,
        "last_scanned_run_pk": f.last_scanned_run_pk,
    }  # fmt: skip


def _fingerprints_of(conn, finding_pks: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for start in range(0, len(finding_pks), 500):
        chunk = list(finding_pks[start : start + 500])
        query = select(t.fingerprints.c.finding_pk, t.fingerprints.c.fingerprint).where(
            t.fingerprints.c.finding_pk.in_(chunk)
        )
        for finding_pk, fingerprint in conn.execute(query):
            out.setdefault(finding_pk, []).append(fingerprint)
    return out


def _run_info(r) -> RunInfo:
    return RunInfo(
        pk=r["id"], run_id=r["run_id"], started=r["started"], ended=r["ended"],
        status=r["status"], config_path=r["config_path"],
        config_fingerprint=r["config_fingerprint"], catalog=json.loads(r["catalog_json"]),
        versions=json.loads(r["versions_json"]), detector=json.loads(r["detector_json"]),
        out_dir=r["out_dir"], findings_count=r["findings_count"],
        violations_count=r["violations_count"], errors_count=r["errors_count"],
    )  # fmt: skip


def _finding_of_row(r, read_in: str | None = None, fingerprints: tuple[str, ...] = ()) -> Finding:
    """A row's finding; ``read_in``: carried from that run (unless the row says so)."""
    evidence = json.loads(r["evidence_json"])
    if read_in is not None:
        evidence.setdefault(CARRIED_FROM, read_in)
    return Finding(
        source=r["source"], location=json.loads(r["location_json"]), entity=r["entity"],
        score=r["score"], evidence=evidence,
        examples=tuple(json.loads(r["examples_json"])), rows_sampled=r["rows_sampled"],
        rows_matched=r["rows_matched"], count=r["count"], fingerprints=fingerprints,
    ).with_known_key(r["finding_key"])  # fmt: skip


def _stored_finding(r, review: Review | None, read_in: str | None = None) -> StoredFinding:
    """A row as stored; ``read_in``: held by reference to a row of that run (carried
    from it, unless the row itself was carried from an earlier one)."""
    finding = _finding_of_row(r, read_in)
    return StoredFinding(
        pk=r["id"], key=r["finding_key"], finding=finding, place=r["place"],
        verdict=r["verdict"], rule=r["rule"],
        asset=r["asset"], purposes=tuple(json.loads(r["purposes_json"])),
        reason_ja=r["reason_ja"], reason_en=r["reason_en"], review=review,
        last_scanned_run_pk=r["last_scanned_run_pk"],
    )  # fmt: skip
