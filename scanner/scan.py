"""The scan driver: sources → work units → detector → findings.jsonl.

Only this process writes results. Every finished unit is appended to a checkpoint
(``scan-state.jsonl``) so an interrupted scan resumes with ``--resume`` without redoing
finished units; a source or unit that fails is reported and the scan goes on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import traceback
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from connectors.base import Source, SourceError, UnitResult, WorkUnit
from scanner.config import KojinConfig
from scanner.finding import Finding, ScanError, safe_error_message

FINDINGS_FILE = "findings.jsonl"
ERRORS_FILE = "errors.jsonl"
SUMMARY_FILE = "summary.json"
STATE_FILE = "scan-state.jsonl"
#: failures kept in the summary (all of them go to errors.jsonl)
SAMPLE_ERRORS = 20


@dataclass
class SourceStatus:
    name: str
    type: str
    status: str = "ok"  # ok | partial | failed
    units: int = 0
    units_done: int = 0
    findings: int = 0
    errors: int = 0
    stats: Counter = field(default_factory=Counter)


@dataclass
class ScanOutcome:
    run_id: str
    out_dir: Path
    started: str
    ended: str
    findings: list[Finding]
    errors: list[ScanError]
    sources: list[SourceStatus]
    resumed_units: int = 0

    @property
    def ok(self) -> bool:
        return all(s.status == "ok" for s in self.sources)


def config_fingerprint(config: KojinConfig) -> str:
    """A digest of what decides a scan's results (sources and detector settings)."""
    data = config.model_dump(mode="json", include={"sources", "detector"})
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _finding_to_state(f: Finding) -> dict[str, Any]:
    d = dataclasses.asdict(f)
    d["location"] = dict(f.location)
    d["evidence"] = dict(f.evidence)
    return d


def _finding_from_state(d: dict[str, Any]) -> Finding:
    d = dict(d)
    d["examples"] = tuple(d.get("examples", ()))
    d["fingerprints"] = tuple(d.get("fingerprints", ()))
    return Finding(**d)


class _Checkpoint:
    """Append-only record of finished units, keyed by (source, unit key)."""

    def __init__(self, path: Path, fingerprint: str, resume: bool):
        self.path = path
        self.done: dict[tuple[str, str], UnitResult] = {}
        if resume and path.exists():
            self._load(fingerprint)
        else:
            path.write_text(json.dumps({"config": fingerprint}) + "\n", encoding="utf-8")
        self._fh = path.open("a", encoding="utf-8")

    def _load(self, fingerprint: str) -> None:
        lines = self.path.read_text(encoding="utf-8").splitlines()
        header = json.loads(lines[0]) if lines else {}
        if header.get("config") != fingerprint:
            raise SourceError(
                "cannot resume: the config changed since the interrupted scan "
                "(run without --resume to start over)"
            )
        for line in lines[1:]:
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut short by the interruption
            unit = WorkUnit(**rec["unit"])
            self.done[(unit.source, unit.key)] = UnitResult(
                unit=unit,
                findings=[_finding_from_state(f) for f in rec["findings"]],
                errors=[ScanError(**e) for e in rec["errors"]],
                stats=rec["stats"],
                metadata=rec["metadata"],
            )

    def record(self, result: UnitResult) -> None:
        rec = {
            "unit": dataclasses.asdict(result.unit) | {"payload": dict(result.unit.payload)},
            "findings": [_finding_to_state(f) for f in result.findings],
            "errors": [e.to_json_dict() for e in result.errors],
            "stats": result.stats,
            "metadata": result.metadata,
        }
        self._fh.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()


def _write_jsonl(path: Path, rows: Iterable[dict]) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def run_scan(
    config: KojinConfig,
    out_dir: Path | None = None,
    *,
    resume: bool = False,
    detector=None,
    on_progress: Callable[[str, int, int], None] | None = None,
    create_source: Callable[[Any], Source] | None = None,
) -> ScanOutcome:
    """Scan every source of ``config``; write findings, errors and a summary to ``out_dir``."""
    from connectors.registry import create_source as default_create_source
    from scanner.detector import Detector

    make_source = create_source or default_create_source
    out = Path(out_dir or config.scan.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    fingerprint = config_fingerprint(config)
    started = _now()
    run_id = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    if detector is None:
        detector = Detector(
            mode=config.detector.mode,
            entities=config.detector.entities,
            threshold=config.detector.threshold,
        )
    checkpoint = _Checkpoint(out / STATE_FILE, fingerprint, resume)
    findings: list[Finding] = []
    errors: list[ScanError] = []
    statuses: list[SourceStatus] = []
    resumed = 0
    try:
        plans: list[tuple[Any, Source | None, list[WorkUnit], SourceStatus]] = []
        for source_config in config.sources:
            status = SourceStatus(source_config.name, source_config.type)
            statuses.append(status)
            try:
                source = make_source(source_config)
                source.test_connection()
                units = list(source.work_units())
            except Exception as exc:  # noqa: BLE001 - any failure of one source is reported
                status.status = "failed"
                status.errors += 1
                kind = "unreachable" if isinstance(exc, SourceError) else "source_failed"
                message = str(exc) if isinstance(exc, SourceError) else safe_error_message(exc)
                errors.append(ScanError(source_config.name, {}, kind, message))
                plans.append((source_config, None, [], status))
                continue
            status.units = len(units)
            plans.append((source_config, source, units, status))

        total = sum(len(units) for _, _, units, _ in plans)
        done = 0
        for _source_config, source, units, status in plans:
            if source is None:
                continue
            results: list[UnitResult] = []
            for unit in units:
                result = checkpoint.done.get((unit.source, unit.key))
                if result is not None:
                    resumed += 1
                else:
                    result = _run_unit(source, unit, detector)
                    checkpoint.record(result)
                results.append(result)
                status.units_done += 1
                status.stats.update(result.stats)
                done += 1
                if on_progress:
                    on_progress(unit.key, done, total)
            try:
                extra = source.finalize(results)
            except Exception as exc:  # noqa: BLE001
                extra = []
                errors.append(
                    ScanError(status.name, {}, "finalize_failed", safe_error_message(exc))
                )
                status.errors += 1
            for result in results:
                findings.extend(result.findings)
                errors.extend(result.errors)
                status.findings += len(result.findings)
                status.errors += len(result.errors)
            findings.extend(extra)
            status.findings += len(extra)
            if status.errors:
                status.status = "partial"
    finally:
        checkpoint.close()

    ended = _now()
    _write_jsonl(out / FINDINGS_FILE, (f.to_json_dict() for f in findings))
    _write_jsonl(out / ERRORS_FILE, (e.to_json_dict() for e in errors))
    outcome = ScanOutcome(run_id, out, started, ended, findings, errors, statuses, resumed)
    summary = {
        "format_version": 1,
        "run_id": run_id,
        "started": started,
        "ended": ended,
        "config_fingerprint": fingerprint,
        "detector": detector.settings(),
        "resumed_units": resumed,
        "sources": [dataclasses.asdict(s) | {"stats": dict(s.stats)} for s in statuses],
        "findings_by_category": dict(Counter(f.category for f in findings).most_common()),
        "errors": len(errors),
        "error_samples": [e.to_json_dict() for e in errors[:SAMPLE_ERRORS]],
    }
    (out / SUMMARY_FILE).write_text(
        json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (out / STATE_FILE).unlink(missing_ok=True)  # finished: nothing left to resume
    return outcome


def _run_unit(source: Source, unit: WorkUnit, detector) -> UnitResult:
    """Run one unit; an exception becomes a reported failure, retried once first."""
    last: BaseException | None = None
    for _attempt in range(2):
        try:
            return source.run_unit(unit, detector)
        except Exception as exc:  # noqa: BLE001 - reported, never raised
            last = exc
    assert last is not None
    where = {"unit": unit.key}
    message = safe_error_message(last)
    if os.environ.get("KOJIN_DEBUG"):
        traceback.print_exception(last)
    return UnitResult(unit=unit, errors=[ScanError(unit.source, where, "unit_failed", message)])
