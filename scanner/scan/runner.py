"""One work unit through the scanner: the source reads it, the detector and the column
classifier judge what it read, findings come out.

The connector yields content and notes what it stepped over; everything that decides
what is personal happens here, with the detector and the fingerprinter given explicitly,
so the same runner serves the driver, a worker process, a test or a benchmark.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from connectors.base import Source, UnitReport, WorkUnit
from connectors.database.source import DatabaseSource, RowBatch, TableEnd, TableStart
from connectors.files.extractors.base import TableBlock, TextChunk
from connectors.files.source import Document, FilesSource
from scanner.classify.column_classifier import (
    ClassifierOptions,
    ColumnSample,
    TableClassifier,
    classify_table,
)
from scanner.classify.cross_reference import cross_reference_findings
from scanner.entities import is_personal
from scanner.findings import Finding, ScanError
from scanner.scan.file_findings import FileFindings
from scanner.scan.text_sampling import SamplingSettings, TextSampler

if TYPE_CHECKING:
    from scanner.detect.detector import Detector
    from scanner.fingerprint import Fingerprinter

#: text gathered before the detector is called (one analyze_batch per context)
BATCH_CHARS = 200_000


@dataclass
class UnitResult:
    unit: WorkUnit
    findings: list[Finding] = field(default_factory=list)
    errors: list[ScanError] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)  # rows, bytes, files, skipped, ...
    #: plan-level facts a later stage may need (e.g. table links for cross-reference)
    metadata: dict[str, Any] = field(default_factory=dict)


class Runner:
    """Runs units with one detector and one fingerprinter (None: findings carry none)."""

    def __init__(self, detector: Detector, fingerprinter: Fingerprinter | None) -> None:
        self.detector = detector
        self.fingerprinter = fingerprinter

    def run(self, source: Source, unit: WorkUnit) -> UnitResult:
        """Read and judge one unit. Per-item problems are reported, never raised."""
        report = UnitReport()
        findings: list[Finding] = []
        started = time.monotonic()
        table = _TableScan(self, source.name, report, findings)
        sampling = (
            SamplingSettings.from_crawl(source.config) if isinstance(source, FilesSource) else None
        )
        content = source.read(unit, report)
        for item in content:
            if isinstance(item, Document):
                self._document(source.name, item, report, findings, sampling)
            elif not table.take(item):
                content.close()  # the table's content is of no use any more
        if unit.kind == "table":
            report.stats["elapsed_ms"] = round((time.monotonic() - started) * 1000)
        errors = [ScanError(source.name, p.place, p.kind, p.message) for p in report.problems]
        return UnitResult(unit, findings, errors, dict(report.stats), report.metadata)

    def finalize(self, source: Source, results: Sequence[UnitResult]) -> list[Finding]:
        """Findings that need every unit's result: a database's cross-references."""
        if not isinstance(source, DatabaseSource) or not source.config.cross_reference:
            return []
        config = source.config
        metadata = [r.metadata for r in results if r.unit.source == source.name and not r.errors]
        return cross_reference_findings(source.name, metadata, config.cross_reference_max_hops)

    # -- files ------------------------------------------------------------------------

    def _document(
        self,
        source: str,
        document: Document,
        report: UnitReport,
        findings: list[Finding],
        sampling: SamplingSettings | None = None,
    ) -> None:
        """Detect in one file's text and classify its tables; a failure stays with the file.

        With ``sampling`` (sample mode) the detector reads the sample of the file's text
        that ``TextSampler`` admits; the findings say how much that was."""
        builder = FileFindings(source, document.path, self.fingerprinter, document.path_hex)
        sampler = TextSampler(sampling) if sampling is not None else None
        batch = _Batch(self.detector, builder, sampler)
        try:
            for item in document.items:
                if isinstance(item, TextChunk):
                    if sampler is not None:
                        item = sampler.admit(item)
                        if item is None:
                            continue
                    batch.add(item)
                    if batch.chars >= BATCH_CHARS:
                        batch.flush()
                else:
                    self._classify_block(item, document.path, builder)
            batch.flush()
        except Exception as exc:  # noqa: BLE001 - a detector or classifier failure
            # only the type: such messages may quote the text being analysed
            report.problem({"path": document.path}, "scan_failed", type(exc).__name__)
            document.failed = True
            return
        report.stats["chunks"] += builder.chunks
        if sampler is not None and sampler.chars_read < sampler.chars_seen:
            document.report.sampled = True
            builder.coverage = sampler.coverage
        findings.extend(builder.findings(document.report))

    def _classify_block(self, block: TableBlock, path: str, builder: FileFindings) -> None:
        builder.count_rows(block)
        table_name = f"{path}:{block.table}" if block.table else path
        columns = [
            ColumnSample(name=name, values=[row[i] for row in block.rows])
            for i, name in enumerate(block.header)
        ]
        verdicts = classify_table(
            table_name, columns, self.detector, fingerprinter=self.fingerprinter
        )
        builder.add_verdicts(block, verdicts, "column_classifier")


class _TableScan:
    """A database table's columns through the column classifier, batch by batch."""

    def __init__(
        self, runner: Runner, source: str, report: UnitReport, findings: list[Finding]
    ) -> None:
        self._runner = runner
        self._source = source
        self._report = report
        self._findings = findings
        self._start: TableStart | None = None
        self._classifier: TableClassifier | None = None
        self._classify_s = 0.0

    def take(self, item: Any) -> bool:
        """Handle one content item; False (problem reported) if classifying it failed."""
        try:
            if isinstance(item, TableStart):
                self._begin(item)
            elif isinstance(item, RowBatch):
                self._timed(lambda: self._classifier.add_batch(dict(item.values)))
            elif isinstance(item, TableEnd):
                self._end(item)
        except Exception as exc:  # noqa: BLE001 - one table's failure must not stop the scan
            place = {"schema": self._start.schema, "table": self._start.table}
            self._report.problem(place, "scan_failed", type(exc).__name__)
            return False
        return True

    def _begin(self, start: TableStart) -> None:
        """A (re)started read: whatever an earlier start of this table found is void."""
        self._findings.clear()
        self._start = start
        self._classify_s = 0.0
        samples = [
            ColumnSample(
                name=c.name,
                values=(),
                comment=c.comment,
                type_name=c.type_name,
                is_primary_key=c.is_primary_key,
                foreign_key=c.foreign_key,
            )
            for c in start.columns
        ]
        options = ClassifierOptions(max_value_chars=start.max_value_chars)
        runner = self._runner
        self._classifier = TableClassifier(
            start.table, samples, runner.detector, options, runner.fingerprinter
        )

    def _timed(self, work: Any) -> Any:
        started = time.monotonic()
        try:
            return work()
        finally:
            self._classify_s += time.monotonic() - started

    def _end(self, end: TableEnd) -> None:
        start = self._start
        verdicts = self._timed(self._classifier.verdicts) if end.rows_read else []
        personal: dict[str, float] = {}
        for v in verdicts:
            self._findings.append(
                Finding(
                    source=self._source,
                    location={"schema": start.schema, "table": start.table, "column": v.column},
                    entity=v.entity,
                    score=v.confidence,
                    evidence={**v.evidence, "sampling": dict(end.sampling)},
                    examples=v.examples,
                    rows_sampled=v.rows_sampled,
                    rows_matched=v.rows_matched,
                    fingerprints=v.fingerprints,
                )
            )
            if is_personal(v.entity):
                personal[v.entity] = max(personal.get(v.entity, 0.0), v.confidence)
        self._report.metadata["personal_entities"] = personal
        self._report.stats.update(
            findings=len(self._findings), classify_ms=round(self._classify_s * 1000)
        )


class _Batch:
    """Text chunks waiting for the detector, grouped by their context words."""

    def __init__(
        self, detector: Detector, builder: FileFindings, sampler: TextSampler | None = None
    ) -> None:
        self._detector = detector
        self._builder = builder
        self._sampler = sampler
        self._groups: dict[tuple[str, ...], list[TextChunk]] = {}
        self.chars = 0

    def add(self, chunk: TextChunk) -> None:
        self._groups.setdefault(chunk.context, []).append(chunk)
        self.chars += len(chunk.text)

    def flush(self) -> None:
        for context, chunks in self._groups.items():
            results = self._detector.analyze_batch([c.text for c in chunks], context=context)
            for chunk, detections in zip(chunks, results, strict=True):
                self._builder.add_text(chunk, detections)
                if self._sampler is not None:
                    self._sampler.found({d.entity for d in detections})
        self._groups = {}
        self.chars = 0

