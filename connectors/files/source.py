"""The file-share source: crawl a root, cut it into batches, scan each batch's files.

Work units carry only relative paths, sizes and mtimes (plain, picklable data), so a
batch runs the same in-process or in a worker process. Per-file facts (size, mtime,
content hash) go to ``UnitResult.metadata`` so a later run can skip unchanged files.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import threading
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, BinaryIO

from connectors.base import SourceError, UnitResult, WorkUnit
from connectors.files.config import FilesSourceConfig
from connectors.files.crawler import (
    CrawlEntry,
    CrawlProblem,
    GlobSet,
    crawl,
    display_path,
    is_inside,
    open_regular,
)
from connectors.files.dispatch import (
    QUIET_KINDS,
    FileTimeoutError,
    describe_error,
    error_kind,
    extract_document,
)
from connectors.files.extractors.base import (
    ExtractContext,
    ExtractReport,
    Notice,
    TableBlock,
    TextBudget,
    TextChunk,
)
from connectors.files.findings import FileFindings, verdicts_from_detections
from connectors.files.limits import ExpansionBudget, ScanLimits, plan_windows
from connectors.files.sniff import EXTRACTABLE
from scanner.findings import ScanError

if TYPE_CHECKING:
    from scanner.detect.detector import Detector
    from scanner.fingerprint import Fingerprinter

#: text gathered before the detector is called (one analyze_batch per context)
BATCH_CHARS = 200_000

#: what ``previous`` maps a display path to: (size, mtime_ns, content hash)
FileState = tuple[int, int, str]


class FilesSource:
    """A ``type = "files"`` source (see connectors.base.Source).

    ``previous`` maps root-relative paths to (size, mtime_ns, hash) from an earlier run:
    a file whose size and mtime match is skipped without being read, one whose hash
    matches is read but not scanned.
    """

    def __init__(
        self, config: FilesSourceConfig, previous: Mapping[str, FileState] | None = None
    ) -> None:
        self.config = config
        self.name = config.name
        self.limits = ScanLimits.from_config(config)
        self._previous = dict(previous or {})

    # -- planning -----------------------------------------------------------------

    def test_connection(self) -> None:
        root = self.config.root
        if not root.exists():
            raise SourceError(f"{self.name}: root folder does not exist")
        if not root.is_dir():
            raise SourceError(f"{self.name}: root is not a folder")
        try:
            with os.scandir(root) as it:
                next(it, None)
        except PermissionError:
            raise SourceError(f"{self.name}: root folder is not readable") from None
        except OSError as exc:
            raise SourceError(f"{self.name}: cannot list root: {exc.strerror}") from None

    def work_units(self) -> Iterator[WorkUnit]:
        """Batches of up to ``files_per_unit`` files and about ``unit_max_mb`` of them, so a few
        large files do not end up in one unit that a single worker runs alone; crawl problems
        ride along with the next batch."""
        self.test_connection()
        files: list[dict[str, Any]] = []
        problems: list[dict[str, str]] = []
        size = 0
        index = 0
        for item in crawl(
            self.config.root,
            GlobSet(self.config.include),
            GlobSet(self.config.exclude),
            self.config.follow_links,
        ):
            if isinstance(item, CrawlProblem):
                problems.append({"path": item.path, "kind": item.kind, "message": item.message})
                continue
            files.append(self._file_entry(item))
            size += item.size
            if (
                len(files) >= self.config.files_per_unit
                or size >= self.config.unit_max_mb * 1_000_000
            ):
                yield self._unit(index, files, problems, size)
                index += 1
                files, problems, size = [], [], 0
        if files or problems:
            yield self._unit(index, files, problems, size)

    def _file_entry(self, item: CrawlEntry) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "display": item.display,
            "size": item.size,
            "mtime_ns": item.mtime_ns,
        }
        try:
            item.path.encode("utf-8")
            entry["path"] = item.path
        except UnicodeEncodeError:
            # raw name bytes (cp932...) as hex: the payload must survive UTF-8 JSON
            entry["path_hex"] = os.fsencode(item.path).hex()
        if item.name_issue:
            entry["name_issue"] = item.name_issue
        previous = self._previous.get(item.display)
        if previous is not None:
            entry["previous"] = list(previous)
        return entry

    def _unit(
        self, index: int, files: list[dict[str, Any]], problems: list[dict[str, str]], size: int
    ) -> WorkUnit:
        key = files[0]["display"] if files else f"crawl-problems-{index}"
        payload = {"files": files, "crawl_problems": problems}
        return WorkUnit(self.name, "files", key, payload, size_hint=size)

    # -- scanning -------------------------------------------------------------------

    def run_unit(self, unit: WorkUnit, detector: Detector) -> UnitResult:
        result = UnitResult(unit)
        stats: Counter[str] = Counter(files=0, bytes=0, skipped=0)
        files_meta: dict[str, dict[str, Any]] = {}
        for problem in unit.payload.get("crawl_problems", ()):
            result.errors.append(
                ScanError(self.name, {"path": problem["path"]}, problem["kind"], problem["message"])
            )
            stats["skipped"] += 1
        for entry in unit.payload.get("files", ()):
            self._scan_file(entry, detector, result, stats, files_meta)
        result.stats = dict(stats)
        result.metadata["files"] = files_meta
        return result

    def finalize(self, results: list[UnitResult]) -> list:
        return []

    def absolute_path(self, entry: Mapping[str, Any]) -> bytes:
        """The file system path of a work-unit entry, as bytes (names may not be UTF-8)."""
        rel = bytes.fromhex(entry["path_hex"]) if "path_hex" in entry else entry["path"]
        return os.path.join(os.fsencode(self.config.root), os.fsencode(rel))

    def _error(self, result: UnitResult, location: dict[str, Any], kind: str, msg: str) -> None:
        result.errors.append(ScanError(self.name, location, kind, msg))

    def _scan_file(
        self,
        entry: Mapping[str, Any],
        detector: Detector,
        result: UnitResult,
        stats: Counter[str],
        files_meta: dict[str, dict[str, Any]],
    ) -> None:
        full = self.absolute_path(entry)
        display = entry.get("display") or display_path(os.fsdecode(full))[0]
        location = {"path": display}
        if entry.get("name_issue"):
            self._error(result, location, "file_name", entry["name_issue"])
        try:
            st = os.stat(full, follow_symlinks=self.config.follow_links)
            if self.config.follow_links and not is_inside(
                os.fsdecode(os.path.realpath(full)), os.path.realpath(self.config.root)
            ):
                self._error(result, location, "outside_root", "file now resolves outside the root")
                stats["skipped"] += 1
                return
        except OSError as exc:
            self._error(result, location, error_kind(exc), exc.strerror or type(exc).__name__)
            stats["skipped"] += 1
            return
        if st.st_size > self.limits.max_file_bytes:
            limit_mb = self.config.max_file_size_mb
            self._error(result, location, "too_large", f"larger than max_file_size_mb={limit_mb:g}")
            stats["skipped"] += 1
            stats["skipped_too_large"] += 1
            return
        previous = entry.get("previous")
        meta: dict[str, Any] = {"size": st.st_size, "mtime_ns": st.st_mtime_ns}
        if previous and previous[0] == st.st_size and previous[1] == st.st_mtime_ns:
            files_meta[display] = {**meta, "hash": previous[2], "unchanged": True}
            stats["skipped"] += 1
            stats["skipped_unchanged"] += 1
            return
        try:
            stream = open_regular(full, self.config.follow_links)
        except OSError as exc:
            kind = "symlink" if getattr(exc, "errno", None) == 40 else error_kind(exc)
            self._error(result, location, kind, exc.strerror or type(exc).__name__)
            stats["skipped"] += 1
            return
        with stream:
            try:
                meta["hash"] = content_hash(stream, st.st_size, self.limits)
            except OSError as exc:
                self._error(result, location, error_kind(exc), describe_error(exc))
                stats["skipped"] += 1
                return
            files_meta[display] = meta
            if previous and previous[2] == meta["hash"]:
                meta["unchanged"] = True
                stats["skipped"] += 1
                stats["skipped_unchanged"] += 1
                return
            try:
                scanned = self._extract_and_detect(stream, display, detector, result, stats, meta)
            except Exception as exc:  # a detector or classifier failure stays with this file
                # only the type: such messages may quote the text being analysed
                self._error(result, location, "scan_failed", type(exc).__name__)
                scanned = False
        if scanned:
            stats["files"] += 1
            stats["bytes"] += st.st_size
        else:
            stats["skipped"] += 1

    def _extract_and_detect(
        self,
        stream: BinaryIO,
        display: str,
        detector: Detector,
        result: UnitResult,
        stats: Counter[str],
        meta: dict[str, Any],
    ) -> bool:
        """Run one file through extraction and detection; False if nothing was scanned."""
        report = ExtractReport()
        ctx = ExtractContext(
            limits=self.limits,
            report=report,
            name=display,
            expansion=ExpansionBudget(self.limits.archive_max_expanded_bytes),
            budget=TextBudget(self.limits.text_budget_chars),
        )
        builder = FileFindings(self.name, display, getattr(detector, "fingerprinter", None))
        batch = _Batch(detector, builder)
        quiet = 0
        top_quiet = False
        deadline = _Deadline(self.limits.timeout_s)
        try:
            with deadline:
                for item in extract_document(stream, ctx):
                    if isinstance(item, TextChunk):
                        if item.text.strip():
                            batch.add(item)
                            if batch.chars >= BATCH_CHARS:
                                with deadline.paused():
                                    batch.flush()
                    elif isinstance(item, TableBlock):
                        with deadline.paused():
                            self._classify(item, display, detector, builder)
                    elif isinstance(item, Notice):
                        if item.kind in QUIET_KINDS:
                            quiet += 1
                            top_quiet = top_quiet or item.place.member is None
                            continue
                        location = {"path": display, **_notice_location(item)}
                        self._error(result, location, item.kind, item.message)
        except FileTimeoutError:
            seconds = self.limits.timeout_s
            self._error(result, {"path": display}, "timeout", f"extraction took over {seconds:g}s")
        batch.flush()
        stats["skipped_binary"] += int(top_quiet)
        stats["members"] += report.members
        stats["members_skipped"] += quiet - int(top_quiet)
        stats["chunks"] += builder.chunks
        meta.update(
            type=",".join(sorted(report.types)),
            encoding=",".join(sorted(report.encodings)) or None,
            sampled=report.sampled,
            truncated=report.truncated,
        )
        result.findings.extend(builder.findings(report))
        return any(t in EXTRACTABLE for t in report.types)

    def _classify(
        self, block: TableBlock, display: str, detector: Detector, builder: FileFindings
    ) -> None:
        from scanner.classify.column_classifier import ColumnSample, classify_table

        builder.count_rows(block)
        table_name = f"{display}:{block.table}" if block.table else display
        columns = [
            ColumnSample(name=name, values=[row[i] for row in block.rows])
            for i, name in enumerate(block.header)
        ]
        fingerprinter = builder.fingerprinter
        try:
            verdicts = classify_table(table_name, columns, detector, fingerprinter=fingerprinter)
            method = "column_classifier"
        except NotImplementedError:
            verdicts = _cell_verdicts(columns, detector, fingerprinter)
            method = "cell_detection"
        builder.add_verdicts(block, verdicts, method)


def _cell_verdicts(
    columns: Sequence[Any], detector: Detector, fingerprinter: Fingerprinter | None = None
) -> list[Any]:
    """The classifier's stand-in: the detector over every cell, the header as context."""
    values: dict[str, list[str]] = {}
    detections: dict[str, list[Any]] = {}
    for column in columns:
        texts = [v for v in column.values if v]
        values[column.name] = texts
        detections[column.name] = detector.analyze_batch(texts, context=(column.name,))
    return verdicts_from_detections([c.name for c in columns], values, detections, fingerprinter)


def _notice_location(notice: Notice) -> dict[str, Any]:
    fields = notice.place.as_dict()
    return {k: v for k, v in fields.items() if k in ("member", "sheet", "page", "line")}


class _Batch:
    """Text chunks waiting for the detector, grouped by their context words."""

    def __init__(self, detector: Detector, builder: FileFindings) -> None:
        self._detector = detector
        self._builder = builder
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
        self._groups = {}
        self.chars = 0


class _Deadline:
    """A per-file time limit via SIGALRM; pausable so detection time does not count.

    Signals only work in the main thread of a POSIX process; elsewhere there is no limit.
    """

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds
        self._left = seconds
        self._active = (
            seconds > 0
            and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
        )
        self._previous: Any = None

    def _fire(self, signum: int, frame: Any) -> None:
        raise FileTimeoutError(f"over {self._seconds:g}s")

    def __enter__(self) -> _Deadline:
        if self._active:
            self._previous = signal.signal(signal.SIGALRM, self._fire)
            signal.setitimer(signal.ITIMER_REAL, self._left)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._active:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        if not self._active:
            yield
            return
        left, _ = signal.setitimer(signal.ITIMER_REAL, 0)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))


def content_hash(stream: BinaryIO, size: int, limits: ScanLimits) -> str:
    """blake2b over the bytes the budget reads (all of them in full mode), plus the size.

    Sampling makes the hash cheap on huge files; size and mtime catch most other changes.
    """
    digest = hashlib.blake2b(digest_size=16)
    digest.update(size.to_bytes(8, "little"))
    for start, length in plan_windows(size, limits):
        stream.seek(start)
        left = length
        while left > 0:
            block = stream.read(min(left, 1024 * 1024))
            if not block:
                break
            digest.update(block)
            left -= len(block)
    stream.seek(0)
    return digest.hexdigest()
