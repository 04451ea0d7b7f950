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
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from connectors.base import Source, SourceError, UnitResult, WorkUnit
from scanner.config import KojinConfig
from scanner.findings import Finding, ScanError, safe_error_message
from scanner.fingerprint import Fingerprinter
from scanner.scan.executors import ProgressCallback, Task, run_tasks

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
    on_progress: ProgressCallback | None = None,
    create_source: Callable[[Any], Source] | None = None,
    executor: str = "serial",
    workers: int | None = None,
    scheduler: str | None = None,
    fingerprinter: Fingerprinter | None = None,
) -> ScanOutcome:
    """Scan every source of ``config``; write findings, errors and a summary to ``out_dir``.

    ``executor`` is "serial", "processes" or "dask"; whichever runs the units, the
    findings are the same and only this process writes results. Findings carry HMAC
    fingerprints of their values, keyed by ``fingerprinter`` (default: the inventory's key,
    from KOJIN_HMAC_KEY or ``[inventory] key_file``), for the inventory and the catalog.
    """
    from connectors.registry import create_source as default_create_source
    from scanner.detect.detector import Detector

    make_source = create_source or default_create_source
    out = Path(out_dir or config.scan.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    fingerprint = config_fingerprint(config)
    started = _now()
    run_id = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    if fingerprinter is None:
        fingerprinter = Fingerprinter.from_key_file(config.inventory.key_file)
    if detector is None:
        detector = Detector(
            mode=config.detector.mode,
            entities=config.detector.entities,
            threshold=config.detector.threshold,
            fingerprinter=fingerprinter,
        )
    elif isinstance(detector, Detector):
        detector = detector.with_fingerprinter(fingerprinter)
    checkpoint = _Checkpoint(out / STATE_FILE, fingerprint, resume)
    findings: list[Finding] = []
    errors: list[ScanError] = []
    statuses: dict[str, SourceStatus] = {}
    sources: dict[str, Source] = {}
    units_of: dict[str, list[WorkUnit]] = {}
    tasks: list[Task] = []
    results: dict[tuple[str, str], UnitResult] = {}
    try:
        for source_config in config.sources:
            status = statuses[source_config.name] = SourceStatus(
                source_config.name, source_config.type
            )
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
                continue
            sources[source_config.name] = source
            units_of[source_config.name] = units
            status.units = len(units)
            for unit in units:
                done = checkpoint.done.get((unit.source, unit.key))
                if done is not None:
                    results[(unit.source, unit.key)] = done
                else:
                    tasks.append(Task(source_config, unit))

        resumed = len(results)
        total_units = sum(len(u) for u in units_of.values())
        total_bytes = sum(u.size_hint for units in units_of.values() for u in units)
        done_units = resumed
        done_bytes = sum(r.unit.size_hint for r in results.values())
        for result in run_tasks(
            executor, tasks, sources=sources, detector=detector, workers=workers,
            scheduler=scheduler,
        ):  # fmt: skip
            checkpoint.record(result)
            results[(result.unit.source, result.unit.key)] = result
            done_units += 1
            done_bytes += result.unit.size_hint
            if on_progress:
                on_progress(result.unit.key, done_units, total_units, done_bytes, total_bytes)
    finally:
        checkpoint.close()

    for name, source in sources.items():
        status = statuses[name]
        source_results = [results[(name, u.key)] for u in units_of[name]]
        try:
            extra = source.finalize(source_results)
        except Exception as exc:  # noqa: BLE001
            extra = []
            errors.append(ScanError(name, {}, "finalize_failed", safe_error_message(exc)))
            status.errors += 1
        for result in source_results:
            status.units_done += 1
            status.stats.update(result.stats)
            findings.extend(result.findings)
            errors.extend(result.errors)
            status.findings += len(result.findings)
            status.errors += len(result.errors)
        findings.extend(extra)
        status.findings += len(extra)
        if status.errors:
            status.status = "partial"

    findings.sort(key=_finding_order)
    ended = _now()
    _write_jsonl(out / FINDINGS_FILE, (f.to_json_dict() for f in findings))
    _write_jsonl(out / ERRORS_FILE, (e.to_json_dict() for e in errors))
    status_list = list(statuses.values())
    outcome = ScanOutcome(run_id, out, started, ended, findings, errors, status_list, resumed)
    summary = {
        "format_version": 1,
        "run_id": run_id,
        "started": started,
        "ended": ended,
        "config_fingerprint": fingerprint,
        "detector": detector.settings(),
        "executor": executor,
        "resumed_units": resumed,
        "sources": [dataclasses.asdict(s) | {"stats": dict(s.stats)} for s in status_list],
        "findings_by_category": dict(Counter(f.category for f in findings).most_common()),
        "errors": len(errors),
        "error_samples": [e.to_json_dict() for e in errors[:SAMPLE_ERRORS]],
    }
    (out / SUMMARY_FILE).write_text(
        json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (out / STATE_FILE).unlink(missing_ok=True)  # finished: nothing left to resume
    return outcome


def _finding_order(f: Finding) -> tuple:
    return (f.source, json.dumps(dict(f.location), sort_keys=True, default=str), f.entity)
