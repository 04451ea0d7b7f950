"""Fold a file's detections and column verdicts into findings: one per (file or member,
entity) for text, one per (table column, entity) for CSVs and sheets with a header row.

Line and page numbers go to the evidence, not the location, so a finding keeps its
identity when lines are added above it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from connectors.files.extractors.base import ExtractReport, Place, TableBlock, TextChunk
from scanner.findings import Finding
from scanner.fingerprint import MAX_FINGERPRINTS, bounded_fingerprints, keep_value

if TYPE_CHECKING:
    from scanner.classify.column_classifier import ColumnVerdict
    from scanner.detect.detection import Detection
    from scanner.fingerprint import Fingerprinter

MAX_EXAMPLES = 3
MAX_PLACES = 5


@dataclass
class _TextAcc:
    count: int = 0
    score: float = 0.0
    recognizers: Counter[str] = field(default_factory=Counter)
    chunks: int = 0
    examples: list[str] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    values: dict[str, None] = field(default_factory=dict)  # raw, in memory only


@dataclass
class _ColumnAcc:
    score: float = 0.0
    rows_matched: int = 0
    count: int = 0
    examples: list[str] = field(default_factory=list)
    evidence: dict[str, Any] = field(default_factory=dict)
    method: str = ""
    fingerprints: dict[str, None] = field(default_factory=dict)


def _add_example(examples: list[str], excerpt: str) -> None:
    if excerpt and excerpt not in examples and len(examples) < MAX_EXAMPLES:
        examples.append(excerpt)


def _place_fields(place: Place) -> dict[str, Any]:
    return {k: v for k, v in place.as_dict().items() if k != "member"}


class FileFindings:
    """Accumulates one top-level file's detections and verdicts; ``findings()`` at the end."""

    def __init__(
        self,
        source: str,
        path: str,
        fingerprinter: Fingerprinter | None = None,
        path_hex: str = "",
    ) -> None:
        self.source = source
        self.path = path
        self.path_hex = path_hex  # the on-disk name, when it is not the display path
        self.fingerprinter = fingerprinter
        self._text: dict[tuple[str | None, str], _TextAcc] = {}
        self._columns: dict[tuple[str | None, str, str, str], _ColumnAcc] = {}
        self._rows: Counter[tuple[str | None, str, str]] = Counter()
        self.chunks = 0
        #: sample mode: the share of the extracted text the detector read (None: all of it)
        self.coverage: float | None = None

    def add_text(self, chunk: TextChunk, detections: Sequence[Detection]) -> None:
        self.chunks += 1
        seen: set[str] = set()
        for d in detections:
            acc = self._text.setdefault((chunk.place.member, d.entity), _TextAcc())
            acc.count += 1
            acc.score = max(acc.score, d.score)
            acc.recognizers[d.recognizer] += 1
            if d.entity not in seen:
                acc.chunks += 1
                seen.add(d.entity)
            _add_example(acc.examples, d.excerpt)
            if self.fingerprinter is not None:
                keep_value(acc.values, d.value)
            if len(acc.places) < MAX_PLACES:
                where = _place_fields(chunk.place_at(d.start))
                if where and where not in acc.places:
                    acc.places.append(where)

    def count_rows(self, block: TableBlock) -> None:
        """Rows that had a value, per column: the denominator of rows_matched."""
        for index, name in enumerate(block.header):
            filled = sum(1 for row in block.rows if row[index])
            self._rows[(block.place.member, block.table, name)] += filled

    def add_verdicts(
        self, block: TableBlock, verdicts: Sequence[ColumnVerdict], method: str
    ) -> None:
        for v in verdicts:
            key = (block.place.member, block.table, v.column, v.entity)
            acc = self._columns.setdefault(key, _ColumnAcc(method=method))
            acc.score = max(acc.score, v.confidence)
            acc.rows_matched += v.rows_matched
            acc.count += int(v.evidence.get("detections", v.rows_matched))
            for example in v.examples:
                _add_example(acc.examples, example)
            for digest in v.fingerprints:
                keep_value(acc.fingerprints, digest)
            if not acc.evidence:
                acc.evidence = {k: val for k, val in v.evidence.items() if k != "detections"}

    def findings(self, report: ExtractReport) -> list[Finding]:
        common: dict[str, Any] = {
            "encoding": ",".join(sorted(report.encodings)) or None,
            "types": sorted(report.types),
            "sampled": report.sampled,
            "truncated": report.truncated,
            "coverage": round(self.coverage, 4) if self.coverage is not None else None,
            "path_hex": self.path_hex or None,
        }
        common = {k: v for k, v in common.items() if v not in (None, [])}
        out: list[Finding] = []
        for (member, entity), acc in self._text.items():
            evidence = {
                "recognizers": dict(acc.recognizers.most_common()),
                "chunks": acc.chunks,
                "chunks_scanned": self.chunks,
                **common,
            }
            if acc.places:
                evidence["places"] = acc.places
            out.append(
                Finding(
                    source=self.source,
                    location=self._location(member),
                    entity=entity,
                    score=acc.score,
                    evidence=evidence,
                    examples=tuple(acc.examples),
                    count=acc.count,
                    fingerprints=bounded_fingerprints(self.fingerprinter, entity, acc.values),
                )
            )
        for (member, table, column, entity), acc in self._columns.items():
            location = self._location(member)
            if table:
                location["sheet"] = table
            location["column"] = column
            out.append(
                Finding(
                    source=self.source,
                    location=location,
                    entity=entity,
                    score=acc.score,
                    evidence={"classifier": acc.method, **acc.evidence, **common},
                    examples=tuple(acc.examples),
                    rows_sampled=self._rows[(member, table, column)],
                    rows_matched=acc.rows_matched,
                    count=acc.count,
                    fingerprints=tuple(sorted(acc.fingerprints))[:MAX_FINGERPRINTS],
                )
            )
        out.sort(key=lambda f: (sorted(f.location.items()), f.entity))
        return out

    def _location(self, member: str | None) -> dict[str, Any]:
        location: dict[str, Any] = {"path": self.path}
        if member:
            location["member"] = member
        return location
