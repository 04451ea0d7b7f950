"""After a scan: judge its findings against the catalog and store the run.

This is the single writer of the inventory; ``kojin scan`` calls it once ``run_scan``
has returned.
"""

from __future__ import annotations

import json
import platform
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from scanner.catalog.verdicts import Judge
from scanner.fingerprint import Fingerprinter
from scanner.inventory.diff import FindingsDiff, diff_runs
from scanner.inventory.records import JudgedFinding, NewRun, RunInfo, SourceRecord
from scanner.inventory.store import Inventory

if TYPE_CHECKING:
    from scanner.config import KojinConfig
    from scanner.scan.driver import ScanOutcome

_VERSIONED = ("kojin", "presidio-analyzer", "sudachipy", "ginza", "sqlalchemy")


@dataclass(frozen=True)
class RecordedRun:
    run: RunInfo
    previous: RunInfo | None
    diff: FindingsDiff


def versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for name in _VERSIONED:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return out


def judge_findings(config: KojinConfig, findings, fingerprinter: Fingerprinter | None):
    judge = Judge(config.catalog, fingerprinter)
    return [JudgedFinding(f, judge.judge(f)) for f in findings]


def _unread(source: str, location, failed_sources: set[str], failed_places) -> bool:
    if source in failed_sources:
        return True
    items = set(_hashable(location).items())
    return any(
        src == source and place <= items for src, place in failed_places
    )  # an error at {"schema", "table"} covers every column finding of that table


def _hashable(location) -> dict:
    return {str(k): json.dumps(v, sort_keys=True, default=str) for k, v in location.items()}


def not_scanned_findings(inventory: Inventory, last: RunInfo, outcome: ScanOutcome):
    """The last run's findings whose places this scan could not read, to carry forward.

    A failed source (unreachable, bad credentials, missing root) reads nothing; a failed
    place (a table that timed out, a unit that crashed, a file that could not be opened) is
    an error whose location contains the finding's. What this run did read replaces them.
    """
    failed_sources = {s.name for s in outcome.sources if s.status == "failed"}
    failed_places = [
        (e.source, frozenset(_hashable(e.location).items())) for e in outcome.errors if e.location
    ]
    if not failed_sources and not failed_places:
        return []
    seen = {f.key for f in outcome.findings}
    return [
        replace(f, last_scanned_run_pk=f.last_scanned_run_pk or last.pk)
        for f in inventory.findings(last)
        if f.key not in seen and _unread(f.source, f.location, failed_sources, failed_places)
    ]


def record_scan(
    config: KojinConfig,
    outcome: ScanOutcome,
    config_path: Path | None = None,
    fingerprinter: Fingerprinter | None = None,
) -> RecordedRun:
    """Judge ``outcome``'s findings, store the run, and compare it with the one before.

    ``fingerprinter`` (the scan's key) lets the catalog match listed public values; without
    one the key is read only if a not-personal rule lists values.
    """
    from scanner.scan.driver import config_fingerprint

    if fingerprinter is None and any(rule.values for rule in config.catalog.not_personal):
        fingerprinter = Fingerprinter.from_key_file(config.inventory.key_file)
    judged = judge_findings(config, outcome.findings, fingerprinter)
    new_run = NewRun(
        run_id=outcome.run_id,
        started=outcome.started,
        ended=outcome.ended,
        config_path=str(config_path.resolve()) if config_path else None,
        config_fingerprint=config_fingerprint(config),
        catalog=config.catalog.model_dump(mode="json"),
        versions=versions(),
        detector=outcome.detector,
        out_dir=str(outcome.out_dir),
    )
    sources = [
        SourceRecord(
            s.name, s.type, s.status, s.units, s.units_done, s.findings, s.errors, dict(s.stats)
        )  # fmt: skip
        for s in outcome.sources
    ]
    with Inventory.open(config.inventory) as inventory:
        last = inventory.latest_run()
        carried = not_scanned_findings(inventory, last, outcome) if last is not None else []
        run = inventory.record_run(new_run, judged, outcome.errors, sources, carried, outcome.items)
        previous = inventory.previous_run(run)
        diff = diff_runs(inventory, previous, run)
    return RecordedRun(run, previous, diff.findings)
