"""The shape every connector has: config in, work units out, findings back.

A work unit is plain, picklable data (a table, a batch of files), so the same unit runs
in-process, in a worker process or on a Dask worker; only the driver writes results.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from scanner.findings import Finding, ScanError

if TYPE_CHECKING:
    from scanner.detect.detector import Detector


class SourceError(Exception):
    """A source cannot be reached or read at all (bad URL, unreachable server, no root)."""


@dataclass(frozen=True)
class WorkUnit:
    source: str
    kind: str  # "table", "files", ...
    key: str  # a stable id inside the source: "public.customer", "docs/a.xlsx"
    payload: Mapping[str, Any] = field(default_factory=dict)
    size_hint: int = 0  # bytes or rows, for progress


@dataclass
class UnitResult:
    unit: WorkUnit
    findings: list[Finding] = field(default_factory=list)
    errors: list[ScanError] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)  # rows, bytes, files, skipped, ...
    #: plan-level facts a later stage may need (e.g. table links for cross-reference)
    metadata: dict[str, Any] = field(default_factory=dict)


class Source(Protocol):
    name: str

    def test_connection(self) -> None:
        """Raise SourceError with a clear, value-free message if the source can't be read."""

    def work_units(self) -> Iterator[WorkUnit]:
        """List the independent pieces of work (cheap: no scanning here)."""

    def run_unit(self, unit: WorkUnit, detector: Detector) -> UnitResult:
        """Scan one unit. Must not raise for per-item problems: report them in errors."""

    def finalize(self, results: list[UnitResult]) -> list[Finding]:
        """Findings that need every unit's result (e.g. cross-references). May be empty."""
