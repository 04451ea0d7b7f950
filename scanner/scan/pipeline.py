"""The whole of ``kojin scan``: scan → judge → record → reports → subject index.

The CLI, the tests and the benchmarks run scans through this one class, so nobody
rebuilds the chain by hand. The HMAC key is loaded once, here, and handed to every stage
that fingerprints (the runner, the judge, the subject index); the detector is built once
and shared by the scan and the subject index.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scanner.fingerprint import Fingerprinter
from scanner.scan.driver import ScanOutcome, run_scan
from scanner.scan.executors import ProgressCallback
from scanner.scan.options import ScanOptions

if TYPE_CHECKING:
    from connectors.base import Source
    from scanner.config import KojinConfig
    from scanner.detect.detector import Detector
    from scanner.inventory.recorder import RecordedRun
    from scanner.inventory.records import RunInfo
    from scanner.scan.incremental import PreviousScan
    from scanner.subject.index import IndexReport


@dataclass(frozen=True)
class PipelineResult:
    outcome: ScanOutcome
    recorded: RecordedRun
    reports: tuple[Path, ...]
    subject_index: IndexReport | None


class Pipeline:
    """One config's scan and everything after it; each stage can also run alone."""

    def __init__(
        self,
        config: KojinConfig,
        config_path: Path | None = None,
        *,
        detector: Detector | None = None,
        fingerprinter: Fingerprinter | None = None,
        create_source: Callable[[Any], Source] | None = None,
    ) -> None:
        self.config = config
        self.config_path = config_path
        self._detector = detector
        self._fingerprinter = fingerprinter
        self._create_source = create_source

    @property
    def fingerprinter(self) -> Fingerprinter:
        """The HMAC key, read once (KOJIN_HMAC_KEY or the inventory's key file) and checked
        against the inventory's; made only for the first scan of an empty inventory."""
        if self._fingerprinter is None:
            from scanner.inventory.key_guard import scan_fingerprinter

            self._fingerprinter = scan_fingerprinter(self.config.inventory)
        return self._fingerprinter

    @property
    def detector(self) -> Detector:
        """The config's detector, built once (loaded on first use)."""
        if self._detector is None:
            from scanner.detect.detector import Detector

            settings = self.config.detector
            self._detector = Detector(
                mode=settings.mode, entities=settings.entities, threshold=settings.threshold
            )
        return self._detector

    def scan(
        self, options: ScanOptions | None = None, on_progress: ProgressCallback | None = None
    ) -> ScanOutcome:
        """Read and judge every source; findings.jsonl, errors.jsonl and summary.json.

        With ``options.since_last`` (the default) and a previous run in the inventory, only
        changed items are read and the others' findings are carried forward."""
        options = options or ScanOptions()
        return run_scan(
            self.config,
            options.out_dir,
            resume=options.resume,
            detector=self.detector,
            fingerprinter=self.fingerprinter,
            on_progress=on_progress,
            create_source=self._create_source,
            executor=options.executor,
            workers=options.workers,
            scheduler=options.scheduler,
            previous=self.previous_scan() if options.since_last else None,
        )

    def previous_scan(self) -> PreviousScan | None:
        """The inventory's item states of the last runs; None before the first scan."""
        from scanner.inventory.store import Inventory

        inventory_config = self.config.inventory
        if not inventory_config.url and not inventory_config.path.exists():
            return None
        with Inventory.open(inventory_config) as inventory:
            return inventory.previous_scan()

    def record(self, outcome: ScanOutcome) -> RecordedRun:
        """Judge the findings against the catalog and store the run in the inventory."""
        from scanner.inventory.recorder import record_scan

        return record_scan(self.config, outcome, self.config_path, self.fingerprinter)

    def write_reports(self, run: RunInfo) -> tuple[Path, ...]:
        """The configured reports of ``run`` (read from the inventory, like every report)."""
        from reports.writer import write_configured_reports
        from scanner.inventory.store import Inventory

        with Inventory.open(self.config.inventory) as inventory:
            return tuple(write_configured_reports(inventory, self.config.reports, str(run.pk)))

    def index_subjects(
        self, run: RunInfo | None = None, options: ScanOptions | None = None
    ) -> IndexReport:
        """Bring the subject index up to date with ``run`` (default: the latest run), its
        places read on the scan's executor (``options``: serial when not given)."""
        from scanner.inventory.store import Inventory
        from scanner.subject.index import build_subject_index

        options = options or ScanOptions()
        with Inventory.open(self.config.inventory) as inventory:
            return build_subject_index(
                self.config,
                inventory,
                self.fingerprinter,
                run,
                detector=lambda: self.detector,
                executor=options.executor,
                workers=options.workers,
                scheduler=options.scheduler,
            )

    def run(
        self,
        options: ScanOptions | None = None,
        *,
        index_subjects: bool | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> PipelineResult:
        """Every stage in order; the subject index when asked (None: as the config says)."""
        outcome = self.scan(options, on_progress)
        recorded = self.record(outcome)
        reports = self.write_reports(recorded.run)
        if index_subjects is None:
            index_subjects = self.config.inventory.index_subjects
        index = self.index_subjects(recorded.run, options) if index_subjects else None
        return PipelineResult(outcome, recorded, reports, index)
