"""The scan driver: sources → work units → detector → findings.jsonl.

Only this process writes results. Every finished unit is appended to a checkpoint
(``scan-state.jsonl``) so an interrupted scan resumes with ``--resume`` without redoing
finished units; a source or unit that fails is reported and the scan goes on. Given the
previous run's item states (``previous``), a scan reads only the items that changed and
carries the findings of the others forward (``scanner.scan.incremental``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from connectors.base import Source, SourceError, WorkUnit, safe_error_message
from scanner.config import KojinConfig
from scanner.findings import Finding, ScanError
from scanner.fingerprint import Fingerprinter
from scanner.scan.executors import ProgressCallback, Task, run_tasks
from scanner.scan.incremental import (
    ItemRecord,
    PreviousItem,
    PreviousScan,
    apply_unchanged,
    carried_result,
    item_records,
    items_read,
    settings_digest,
)
from scanner.scan.runner import Runner, UnitResult

if TYPE_CHECKING:
    from scanner.detect.detector import Detector

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
    #: the settings of the detector that produced the findings (recorded with the run)
    detector: dict[str, Any] = field(default_factory=dict)
    #: the items read cleanly or carried forward, for the next run (incremental.py)
    items: list[ItemRecord] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(s.status == "ok" for s in self.sources)


def config_fingerprint(config: KojinConfig) -> str:
    """A digest of what decides a scan's results (sources and detector settings)."""
    data = config.model_dump(mode="json", include={"sources", "detector"})
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


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
                findings=[Finding.from_json_dict(f) for f in rec["findings"]],
                errors=[ScanError(**e) for e in rec["errors"]],
                stats=rec["stats"],
                metadata=rec["metadata"],
            )

    def record(self, result: UnitResult) -> None:
        rec = {
            "unit": dataclasses.asdict(result.unit) | {"payload": dict(result.unit.payload)},
            "findings": [f.to_state() for f in result.findings],
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
    detector: Detector | None = None,
    on_progress: ProgressCallback | None = None,
    create_source: Callable[[Any], Source] | None = None,
    executor: str = "serial",
    workers: int | None = None,
    scheduler: str | None = None,
    fingerprinter: Fingerprinter | None = None,
    previous: PreviousScan | None = None,
) -> ScanOutcome:
    """Scan every source of ``config``; write findings, errors and a summary to ``out_dir``.

    ``previous`` (``Inventory.previous_scan()``) makes the scan
    incremental: items whose change marker matches the previous run's are not read, and
    their findings are carried forward.

    ``executor`` is "serial", "processes" or "dask"; whichever runs the units, the
    findings are the same and only this process writes results. Findings carry HMAC
    fingerprints of their values, keyed by ``fingerprinter`` (default: the inventory's key,
    from KOJIN_HMAC_KEY or ``[inventory] key_file``), for the inventory and the catalog.
    """
    from connectors.registry import create_source as default_create_source
    from scanner.detect.detector import Detector

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
        )
    runner = Runner(detector, fingerprinter)
    checkpoint = _Checkpoint(out / STATE_FILE, fingerprint, resume)
    try:
        plan = _plan(
            config, create_source or default_create_source, checkpoint,
            previous, settings_of(detector, fingerprinter),
        )  # fmt: skip
        resumed = len(plan.results)
        for result in _run(plan, runner, executor, workers, scheduler, on_progress):
            checkpoint.record(result)
            plan.results[(result.unit.source, result.unit.key)] = result
    finally:
        checkpoint.close()
    findings, errors, items = _collect(plan, runner, run_id)
    findings.sort(key=_finding_order)
    ended = _now()
    _write_jsonl(out / FINDINGS_FILE, (f.to_json_dict() for f in findings))
    _write_jsonl(out / ERRORS_FILE, (e.to_json_dict() for e in errors))
    statuses = list(plan.statuses.values())
    outcome = ScanOutcome(
        run_id, out, started, ended, findings, errors, statuses, resumed,
        detector.settings(), items,
    )  # fmt: skip
    _write_summary(out / SUMMARY_FILE, outcome, fingerprint, detector, executor, previous)
    (out / STATE_FILE).unlink(missing_ok=True)  # finished: nothing left to resume
    return outcome


def _write_summary(
    path: Path,
    outcome: ScanOutcome,
    fingerprint: str,
    detector: Any,
    executor: str,
    previous: PreviousScan | None,
) -> None:
    findings, errors, statuses = outcome.findings, outcome.errors, outcome.sources
    summary = {
        "format_version": 1,
        "run_id": outcome.run_id,
        "started": outcome.started,
        "ended": outcome.ended,
        "config_fingerprint": fingerprint,
        "detector": outcome.detector,
        "executor": executor,
        "resumed_units": outcome.resumed_units,
        "incremental": previous is not None,
        "sources": [dataclasses.asdict(s) | {"stats": dict(s.stats)} for s in statuses],
        "findings_by_category": dict(Counter(f.category for f in findings).most_common()),
        "errors": len(errors),
        "error_samples": [e.to_json_dict() for e in errors[:SAMPLE_ERRORS]],
    }
    path.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


@dataclass
class _Plan:
    """The sources that could be listed, their units, and the units still to run."""

    statuses: dict[str, SourceStatus] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    units_of: dict[str, list[WorkUnit]] = field(default_factory=dict)
    tasks: list[Task] = field(default_factory=list)
    results: dict[tuple[str, str], UnitResult] = field(default_factory=dict)
    errors: list[ScanError] = field(default_factory=list)
    #: per source: the settings digest, the previous run's items, the items carried
    digests: dict[str, str] = field(default_factory=dict)
    previous_of: dict[str, Mapping[str, PreviousItem]] = field(default_factory=dict)
    carried_of: dict[str, dict[str, PreviousItem]] = field(default_factory=dict)


def settings_of(detector: Any, fingerprinter: Fingerprinter | None) -> Callable[[Any], str]:
    """The settings digest of a source config under this detector and key."""
    settings = detector.settings()
    return lambda source_config: settings_digest(source_config, settings, fingerprinter)


def _plan(
    config: KojinConfig,
    make_source: Callable[..., Source],
    checkpoint: _Checkpoint,
    previous: PreviousScan | None,
    digest_of: Callable[[Any], str],
) -> _Plan:
    """List every source's units; a source that fails is reported and left out. With
    ``previous``, a source leaves its unchanged items out of the units (``carried``)."""
    plan = _Plan()
    for source_config in config.sources:
        name = source_config.name
        status = plan.statuses[name] = SourceStatus(name, source_config.type)
        digest = plan.digests[name] = digest_of(source_config)
        prev = plan.previous_of[name] = previous.items_for(name, digest) if previous else {}
        try:
            if prev:
                source = make_source(source_config, {k: i.marker for k, i in prev.items()})
            else:
                source = make_source(source_config)
            source.test_connection()
            units = list(source.work_units())
            carried = getattr(source, "carried", {})
            plan.carried_of[name] = {k: prev[k] for k in carried if k in prev}
        except Exception as exc:  # noqa: BLE001 - any failure of one source is reported
            status.status = "failed"
            status.errors += 1
            kind = exc.kind if isinstance(exc, SourceError) else "source_failed"
            message = str(exc) if isinstance(exc, SourceError) else safe_error_message(exc)
            plan.errors.append(ScanError(source_config.name, {}, kind, message))
            continue
        plan.sources[source_config.name] = source
        plan.units_of[source_config.name] = units
        status.units = len(units)
        for unit in units:
            done = checkpoint.done.get((unit.source, unit.key))
            if done is not None:
                plan.results[(unit.source, unit.key)] = done
            else:
                plan.tasks.append(Task(source_config, unit))
    return plan


def _run(
    plan: _Plan,
    runner: Runner,
    executor: str,
    workers: int | None,
    scheduler: str | None,
    on_progress: ProgressCallback | None,
) -> Iterator[UnitResult]:
    """The plan's tasks on ``executor``, reporting progress as results arrive."""
    total_units = sum(len(u) for u in plan.units_of.values())
    total_bytes = sum(u.size_hint for units in plan.units_of.values() for u in units)
    done_units = len(plan.results)
    done_bytes = sum(r.unit.size_hint for r in plan.results.values())
    for result in run_tasks(
        executor, plan.tasks, sources=plan.sources, runner=runner, workers=workers,
        scheduler=scheduler,
    ):  # fmt: skip
        done_units += 1
        done_bytes += result.unit.size_hint
        yield result
        if on_progress:
            on_progress(result.unit.key, done_units, total_units, done_bytes, total_bytes)


def _collect(
    plan: _Plan, runner: Runner, run_id: str
) -> tuple[list[Finding], list[ScanError], list[ItemRecord]]:
    """Every unit's findings and errors, source by source, plus the sources' final ones,
    the findings carried forward and the item states to record."""
    findings: list[Finding] = []
    errors = list(plan.errors)
    items: list[ItemRecord] = []
    for name, source in plan.sources.items():
        status = plan.statuses[name]
        source_results = [plan.results[(name, u.key)] for u in plan.units_of[name]]
        previous, carried = plan.previous_of[name], plan.carried_of[name]
        unchanged = sum(apply_unchanged(r, previous) for r in source_results)
        stand_ins = [carried_result(name, key, item) for key, item in carried.items()]
        status.stats["items_read"] = items_read(source_results)
        status.stats["items_carried"] = len(stand_ins) + unchanged
        #: files sample mode read in part (a budget, windows, the analysis sample)
        status.stats["items_in_part"] = sum(r.stats.get("files_in_part", 0) for r in source_results)
        items += item_records(name, plan.digests[name], run_id, source_results, carried, previous)
        try:
            extra = runner.finalize(source, source_results + stand_ins)
        except Exception as exc:  # noqa: BLE001
            extra = []
            errors.append(ScanError(name, {}, "finalize_failed", safe_error_message(exc)))
            status.errors += 1
        for result in source_results:
            status.units_done += 1
            status.stats.update(result.stats)
        for result in source_results + stand_ins:
            findings.extend(result.findings)
            errors.extend(result.errors)
            status.findings += len(result.findings)
            status.errors += len(result.errors)
        findings.extend(extra)
        status.findings += len(extra)
        if status.errors:
            status.status = "partial"
    return findings, errors, items


def _finding_order(f: Finding) -> tuple:
    return (f.source, json.dumps(dict(f.location), sort_keys=True, default=str), f.entity)
