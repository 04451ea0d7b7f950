"""The file-share source: crawl a root, cut it into batches, read each batch's files.

Work units carry only relative paths, sizes and mtimes (plain, picklable data), so a
batch runs the same in-process or in a worker process. ``read`` yields one ``Document``
per file that could be opened; the document's items (text chunks with their place,
table blocks) come from the extractors while the consumer asks for them. Per-file facts
(size, mtime, content hash) go to the unit's metadata (``ITEMS``) so the next run can leave
unchanged files alone (see ``FilesSource``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from connectors.base import ITEMS, SourceError, UnitReport, WorkUnit
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
from connectors.files.limits import MB, ExpansionBudget, ScanLimits, plan_windows
from connectors.files.sniff import EXTRACTABLE


@dataclass
class Document:
    """One top-level file being read: its path, its content and what extracting it found.

    ``items`` yields ``TextChunk`` and ``TableBlock`` items (blank text left out) while the
    consumer asks for them; ``report`` is complete once they are used up. A consumer that
    fails on the file sets ``failed``: the file counts as skipped and reading moves on.
    """

    path: str  # the root-relative display path
    items: Iterator[TextChunk | TableBlock]
    report: ExtractReport = field(default_factory=ExtractReport)
    failed: bool = False
    #: the on-disk name's bytes in hex when they are not the display path's UTF-8 (NFD,
    #: cp932, invalid bytes): what opens the file again (the subject index)
    path_hex: str = ""


class FilesSource:
    """A ``type = "files"`` source (see connectors.base.Source).

    ``previous`` maps display paths to the marker a previous run recorded for them
    (``{"size", "mtime_ns", "hash"}``): a file whose size and mtime still match is not put
    in any unit but listed in ``carried`` (nothing is read); one whose size matches but
    mtime does not is hashed, and an equal hash marks it ``unchanged`` without extracting.
    """

    def __init__(
        self,
        config: FilesSourceConfig,
        previous: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        self.config = config
        self.name = config.name
        self.limits = ScanLimits.from_config(config)
        self._previous = dict(previous or {})
        #: display path -> marker of the files ``work_units`` found unchanged
        self.carried: dict[str, Mapping[str, Any]] = {}

    # -- planning -----------------------------------------------------------------

    def test_connection(self) -> None:
        root = self.config.root
        if not root.exists():
            raise SourceError(f"{self.name}: root folder does not exist", "missing_root")
        if not root.is_dir():
            raise SourceError(f"{self.name}: root is not a folder", "missing_root")
        try:
            with os.scandir(root) as it:
                next(it, None)
        except PermissionError:
            raise SourceError(f"{self.name}: root folder is not readable", "permission") from None
        except OSError as exc:
            raise SourceError(f"{self.name}: cannot list root: {exc.strerror}") from None
        self.check_ocr()

    def check_ocr(self) -> None:
        """With ``ocr = true``, tesseract and its languages must be there: a scan without
        them would miss what the OCR was asked for."""
        if not self.config.ocr:
            return
        from connectors.files.ocr import OcrUnavailableError, check_available

        try:
            check_available(self.config.ocr_languages)
        except OcrUnavailableError as exc:
            raise SourceError(f"{self.name}: {exc}", "ocr_unavailable") from None

    def work_units(self) -> Iterator[WorkUnit]:
        """Batches of up to ``files_per_unit`` files and about ``unit_max_mb`` of them, so a few
        large files do not end up in one unit that a single worker runs alone; crawl problems
        ride along with the next batch."""
        self.test_connection()
        self.carried = {}
        files: list[dict[str, Any]] = []
        problems: list[dict[str, str]] = []
        size = 0
        index = 0
        for item in self._crawl():
            if isinstance(item, CrawlProblem):
                problems.append({"path": item.path, "kind": item.kind, "message": item.message})
                continue
            previous = self._previous.get(item.display)
            if (
                previous is not None
                and previous.get("size") == item.size
                and previous.get("mtime_ns") == item.mtime_ns
            ):
                self.carried[item.display] = previous
                continue
            files.append(self._file_entry(item))
            size += item.size
            if (
                len(files) >= self.config.files_per_unit
                or size >= self.config.unit_max_mb * MB
            ):
                yield self._unit(index, files, problems, size)
                index += 1
                files, problems, size = [], [], 0
        if files or problems:
            yield self._unit(index, files, problems, size)

    def _crawl(self) -> Iterator[CrawlEntry | CrawlProblem]:
        return crawl(
            self.config.root,
            GlobSet(self.config.include),
            GlobSet(self.config.exclude),
            self.config.follow_links,
        )

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
        if previous is not None and previous.get("size") == item.size:
            entry["previous_hash"] = previous.get("hash")  # touched: the hash decides
        return entry

    def _unit(
        self, index: int, files: list[dict[str, Any]], problems: list[dict[str, str]], size: int
    ) -> WorkUnit:
        payload = {"files": files, "crawl_problems": problems}
        key = _unit_key(files, problems, index)
        return WorkUnit(self.name, "files", key, payload, size_hint=size)

    # -- reading ------------------------------------------------------------------

    def read(self, unit: WorkUnit, report: UnitReport) -> Iterator[Document]:
        files_meta: dict[str, dict[str, Any]] = {}
        report.stats.update(files=0, bytes=0, skipped=0)
        for problem in unit.payload.get("crawl_problems", ()):
            report.problem({"path": problem["path"]}, problem["kind"], problem["message"])
            report.stats["skipped"] += 1
        for entry in unit.payload.get("files", ()):
            yield from self._read_file(entry, report, files_meta)
        report.metadata["files"] = files_meta
        report.metadata[ITEMS] = [
            {
                "key": display,
                "location": {"path": display},
                "marker": {k: meta[k] for k in ("size", "mtime_ns", "hash")},
                **({"unchanged": True} if meta.get("unchanged") else {}),
            }
            for display, meta in files_meta.items()
        ]

    def absolute_path(self, entry: Mapping[str, Any]) -> bytes:
        """The file system path of a work-unit entry, as bytes (names may not be UTF-8)."""
        rel = bytes.fromhex(entry["path_hex"]) if "path_hex" in entry else entry["path"]
        return os.path.join(os.fsencode(self.config.root), os.fsencode(rel))

    def _read_file(
        self,
        entry: Mapping[str, Any],
        report: UnitReport,
        files_meta: dict[str, dict[str, Any]],
    ) -> Iterator[Document]:
        full = self.absolute_path(entry)
        display = entry.get("display") or display_path(os.fsdecode(full))[0]
        location = {"path": display}
        stats = report.stats
        if entry.get("name_issue"):
            report.problem(location, "file_name", entry["name_issue"])
        st = self._stat(full, location, report)
        if st is None:
            stats["skipped"] += 1
            return
        try:
            stream = self._open_path(full)
        except OSError as exc:
            kind = "symlink" if getattr(exc, "errno", None) == 40 else error_kind(exc)
            report.problem(location, kind, exc.strerror or type(exc).__name__)
            stats["skipped"] += 1
            return
        meta: dict[str, Any] = {"size": st.st_size, "mtime_ns": st.st_mtime_ns}
        with stream:
            try:
                meta["hash"] = content_hash(stream, st.st_size, self.limits)
            except OSError as exc:
                report.problem(location, error_kind(exc), describe_error(exc))
                stats["skipped"] += 1
                return
            files_meta[display] = meta
            if entry.get("previous_hash") == meta["hash"]:
                meta["unchanged"] = True  # the previous run's findings still hold
                stats["skipped"] += 1
                stats["skipped_unchanged"] += 1
                return
            document = self.open_document(stream, display, report)
            on_disk = bytes.fromhex(entry["path_hex"]) if "path_hex" in entry else None
            on_disk = on_disk if on_disk is not None else os.fsencode(entry["path"])
            if on_disk != display.encode("utf-8", "surrogateescape"):
                document.path_hex = on_disk.hex()
            yield document
            document.items.close()
        if document.failed:
            stats["skipped"] += 1
            return
        self._account(document, stats, meta)
        if any(t in EXTRACTABLE for t in document.report.types):
            stats["files"] += 1
            stats["bytes"] += st.st_size
        else:
            stats["skipped"] += 1

    def _open_path(self, full: Any) -> BinaryIO:
        """The file opened read-only (a local file: never through a swapped-in link)."""
        return open_regular(full, self.config.follow_links, self.config.root)

    def _raw_stat(self, full: Any) -> Any:
        return os.stat(full, follow_symlinks=self.config.follow_links)

    def _stat(
        self, full: bytes, location: dict[str, Any], report: UnitReport
    ) -> os.stat_result | None:
        """The file's stat, or None (with the problem noted) if it is not to be read."""
        try:
            st = self._raw_stat(full)
            if self.config.follow_links and not is_inside(
                os.fsdecode(os.path.realpath(full)), os.path.realpath(self.config.root)
            ):
                report.problem(location, "outside_root", "file now resolves outside the root")
                return None
        except OSError as exc:
            report.problem(location, error_kind(exc), exc.strerror or type(exc).__name__)
            return None
        if st.st_size > self.limits.max_file_bytes:
            limit_mb = self.config.max_file_size_mb
            report.problem(location, "too_large", f"larger than max_file_size_mb={limit_mb:g}")
            report.stats["skipped_too_large"] += 1
            return None
        return st

    def open_document(self, stream: BinaryIO, display: str, report: UnitReport) -> Document:
        """The document of one open file: its items are extracted as they are asked for."""
        extract = ExtractReport()
        ctx = ExtractContext(
            limits=self.limits,
            report=extract,
            name=display,
            expansion=ExpansionBudget(self.limits.archive_max_expanded_bytes),
            budget=TextBudget(self.limits.text_budget_chars),
        )
        return Document(display, self._items(stream, ctx, report), extract)

    def _items(
        self, stream: BinaryIO, ctx: ExtractContext, report: UnitReport
    ) -> Iterator[TextChunk | TableBlock]:
        """Extract under the per-file time limit; the consumer's time does not count."""
        display = ctx.name
        quiet = 0
        top_quiet = False
        deadline = _Deadline(self.limits.timeout_s)
        try:
            with deadline:
                for item in extract_document(stream, ctx):
                    if isinstance(item, TextChunk | TableBlock):
                        if isinstance(item, TableBlock) or item.text.strip():
                            with deadline.paused():
                                yield item
                    elif isinstance(item, Notice):
                        if item.kind in QUIET_KINDS:
                            quiet += 1
                            top_quiet = top_quiet or item.place.member is None
                            continue
                        location = {"path": display, **_notice_location(item)}
                        report.problem(location, item.kind, item.message)
        except FileTimeoutError:
            seconds = self.limits.timeout_s
            report.problem({"path": display}, "timeout", f"extraction took over {seconds:g}s")
        report.stats["skipped_binary"] += int(top_quiet)
        report.stats["members_skipped"] += quiet - int(top_quiet)

    # -- one file, whole (subject requests) -------------------------------------------

    def whole(self) -> FilesSource:
        """This source in full mode without a time limit: a subject request must see every
        value of a file, however long reading it takes (an SMB source stays one)."""
        return type(self)(self.config.model_copy(update={"mode": "full", "file_timeout_s": 0}))

    @contextlib.contextmanager
    def document_at(self, path: str, path_hex: str | None = None) -> Iterator[Document]:
        """The document of one file by its root-relative display path, or its on-disk
        name as hex when that is not the display name (OSError if it can't be opened);
        what it steps over is not reported."""
        with self._open(path, path_hex) as stream:
            yield self.open_document(stream, path, UnitReport())

    def file_hash(self, path: str, path_hex: str | None = None) -> str:
        """``content_hash`` of one file, named as for ``document_at`` (OSError if unreadable)."""
        with self._open(path, path_hex) as stream:
            size = self.signature(path, path_hex)[0]
            return content_hash(stream, size, self.limits)

    def signature(self, path: str, path_hex: str | None = None) -> tuple[int, int]:
        """(size, mtime_ns) of one file, named as for ``document_at``, as the crawl sees
        them (OSError if it cannot be stat'ed)."""
        st = self._raw_stat(self.absolute_path(_entry(path, path_hex)))
        return st.st_size, st.st_mtime_ns

    def _open(self, path: str, path_hex: str | None) -> BinaryIO:
        """A file opened as the scan opens it: no links out of the root, no FIFOs."""
        return self._open_path(self.absolute_path(_entry(path, path_hex)))

    @staticmethod
    def _account(document: Document, stats: Any, meta: dict[str, Any]) -> None:
        extract = document.report
        stats["members"] += extract.members
        stats["files_in_part"] += int(extract.sampled or extract.truncated)
        meta.update(
            type=",".join(sorted(extract.types)),
            encoding=",".join(sorted(extract.encodings)) or None,
            sampled=extract.sampled,
            truncated=extract.truncated,
        )


def _notice_location(notice: Notice) -> dict[str, Any]:
    fields = notice.place.as_dict()
    return {k: v for k, v in fields.items() if k in ("member", "sheet", "page", "line")}


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
        """No limit inside; on leaving by an exception (the consumer closed the document)
        the timer stays off, and the deadline's exit restores the handler."""
        if not self._active:
            yield
            return
        left, _ = signal.setitimer(signal.ITIMER_REAL, 0)
        yield
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


def _unit_key(files: list[dict[str, Any]], problems: list[dict[str, str]], index: int) -> str:
    """A batch's identity is what it holds: its first file (for people) and a digest of
    every file's name, size and mtime and of its crawl problems. ``--resume`` reuses a
    finished unit only when the same key comes back, so a batch that gained or lost a file
    since the interruption runs again (keyed by its first file alone, it was taken as
    done: the added file was never read, and the files that moved to the next batch were
    reported twice)."""
    import hashlib
    import json

    held = [[f["display"], f["size"], f["mtime_ns"]] for f in files]
    text = json.dumps([held, problems], ensure_ascii=False, sort_keys=True)
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()
    first = files[0]["display"] if files else f"crawl-problems-{index}"
    return f"{first}#{digest}"


def _entry(path: str, path_hex: str | None) -> dict[str, str]:
    """A work-unit entry naming one file: its on-disk name as hex, else its display path."""
    return {"path_hex": path_hex} if path_hex else {"path": path}
