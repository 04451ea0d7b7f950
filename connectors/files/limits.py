"""How much of a file is read: per-file budgets, archive limits and a byte-counting reader.

Every limit is checked twice where it matters: against what a file declares (a ZIP's
sizes) and against the bytes actually read, because hostile files lie.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import BinaryIO

from connectors.files.config import FilesSourceConfig

MB = 1024 * 1024
#: a member copied out of its container stays in memory up to this size, then goes to disk
SPOOL_BYTES = 8 * MB


class LimitError(Exception):
    """A file or archive went past a configured limit; ``kind`` names which one."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class ScanLimits:
    """The numbers every extractor obeys, derived once from the source config."""

    full: bool = False
    max_file_bytes: int = 100 * MB
    budget_bytes: int = 8 * MB
    head_fraction: float = 0.5
    windows: int = 16
    table_sample_rows: int = 1000
    in_memory_bytes: int = 64 * MB
    archive_max_depth: int = 3
    archive_max_members: int = 10_000
    archive_max_expanded_bytes: int = 512 * MB
    archive_max_ratio: float = 100.0
    #: members smaller than this are never called bombs, whatever their ratio
    ratio_floor_bytes: int = 1 * MB
    chunk_chars: int = 4000
    table_block_rows: int = 2000
    timeout_s: float = 120.0
    #: OCR of scanned PDF pages and images (tesseract): off unless the config turns it on
    ocr: bool = False
    ocr_languages: str = "jpn+eng"
    ocr_max_pages: int = 10

    @classmethod
    def from_config(cls, config: FilesSourceConfig) -> ScanLimits:
        return cls(
            full=config.mode == "full",
            max_file_bytes=int(config.max_file_size_mb * MB),
            budget_bytes=max(4096, int(config.per_file_budget_mb * MB)),
            head_fraction=config.sample_head_fraction,
            windows=config.sample_windows,
            table_sample_rows=config.table_sample_rows,
            in_memory_bytes=int(config.max_in_memory_mb * MB),
            archive_max_depth=config.archive_max_depth,
            archive_max_members=config.archive_max_members,
            archive_max_expanded_bytes=int(config.archive_max_expanded_mb * MB),
            archive_max_ratio=config.archive_max_ratio,
            timeout_s=config.file_timeout_s,
            ocr=config.ocr,
            ocr_languages=config.ocr_languages,
            ocr_max_pages=config.ocr_max_pages,
        )

    @property
    def text_budget_chars(self) -> int | None:
        """Sample mode: stop extracting text from structured formats after this many chars."""
        return None if self.full else self.budget_bytes


def plan_windows(size: int, limits: ScanLimits) -> tuple[tuple[int, int], ...]:
    """Byte ranges (offset, length) to read: everything, or a head plus spaced windows.

    Spreading the samples over the file finds personal data that starts late in a log
    or an export without reading gigabytes.
    """
    if limits.full or size <= limits.budget_bytes:
        return ((0, size),)
    head = int(limits.budget_bytes * limits.head_fraction)
    if limits.windows == 0 or head >= limits.budget_bytes:
        return ((0, limits.budget_bytes),)
    rest = limits.budget_bytes - head
    width = max(1, rest // limits.windows)
    span = size - head
    step = span / limits.windows
    ranges = [(0, head)]
    for i in range(limits.windows):
        start = head + int(step * i + (step - width) / 2) if step > width else head + int(step * i)
        start = max(start, ranges[-1][0] + ranges[-1][1])
        length = min(width, size - start)
        if length > 0:
            ranges.append((start, length))
    return tuple(ranges)


class ExpansionBudget:
    """Bytes an archive (and everything nested in it) may still expand to; one per file."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0

    def take(self, n: int) -> None:
        self.used += n
        if self.used > self.limit:
            raise LimitError("zip_bomb", f"archive expands past the {self.limit // MB} MB limit")


class CountingReader(io.RawIOBase):
    """A read-only stream that counts the bytes it hands out and stops at a limit.

    Wrapped around archive members so a member that expands past its declared size, or past
    the file's expansion budget, is cut off while it is read rather than after.
    """

    def __init__(
        self,
        raw: BinaryIO,
        declared: int | None = None,
        budget: ExpansionBudget | None = None,
    ) -> None:
        self._raw = raw
        self._declared = declared
        self._budget = budget
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
        n = len(data)
        self.count += n
        if self._declared is not None and self.count > self._declared:
            raise LimitError("zip_bomb", "member expands past its declared size")
        if self._budget is not None:
            self._budget.take(n)
        buffer[:n] = data
        return n

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()
