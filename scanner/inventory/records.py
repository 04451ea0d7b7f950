"""What goes into the inventory and what comes back out of it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from scanner.catalog.verdicts import VIOLATIONS, Judgement
from scanner.entities import category
from scanner.findings import Finding

#: characters of the finding key shown as its id (``kojin review ID``)
FINDING_ID_LENGTH = 12


class Mark(StrEnum):
    confirmed = "confirmed"
    false_positive = "false_positive"


@dataclass(frozen=True)
class JudgedFinding:
    finding: Finding
    judgement: Judgement


@dataclass(frozen=True)
class SourceRecord:
    name: str
    type: str
    status: str
    units: int
    units_done: int
    findings: int
    errors: int
    stats: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class NewRun:
    """A finished scan as the recorder hands it to the inventory."""

    run_id: str
    started: str
    ended: str
    config_path: str | None
    config_fingerprint: str
    catalog: Mapping[str, Any]
    versions: Mapping[str, str]
    detector: Mapping[str, Any]
    out_dir: str | None = None


@dataclass(frozen=True)
class RunInfo:
    pk: int
    run_id: str
    started: str
    ended: str
    status: str
    config_path: str | None
    config_fingerprint: str
    catalog: Mapping[str, Any]
    versions: Mapping[str, str]
    detector: Mapping[str, Any]
    out_dir: str | None
    findings_count: int
    violations_count: int
    errors_count: int


@dataclass(frozen=True)
class Review:
    finding_key: str
    mark: Mark
    note: str
    by: str
    at: str


def _of_finding(name: str) -> property:
    return property(lambda self: getattr(self.finding, name), doc=f"The finding's {name}.")


@dataclass(frozen=True)
class StoredFinding:
    """A finding as the inventory keeps it: the scan's ``Finding`` (without fingerprints,
    which live in their own table), its key and place, the verdict it got, its review."""

    pk: int
    key: str
    finding: Finding
    place: str
    verdict: str
    rule: str
    asset: str | None
    purposes: tuple[str, ...]
    reason_ja: str
    reason_en: str
    review: Review | None = None
    #: the run that last read this place, when this run could not (its source failed or
    #: the place's read failed): the finding is carried forward, not resolved
    last_scanned_run_pk: int | None = None

    source = _of_finding("source")
    location = _of_finding("location")
    entity = _of_finding("entity")
    score = _of_finding("score")
    evidence = _of_finding("evidence")
    examples = _of_finding("examples")
    rows_sampled = _of_finding("rows_sampled")
    rows_matched = _of_finding("rows_matched")
    count = _of_finding("count")
    table_rows = _of_finding("table_rows")
    is_cross_reference = _of_finding("is_cross_reference")
    free_text = _of_finding("free_text")
    group = _of_finding("group")
    linked_table = _of_finding("linked_table")
    where = _of_finding("where")

    @property
    def not_scanned(self) -> bool:
        """Carried forward from an earlier run: this run did not read its place."""
        return self.last_scanned_run_pk is not None

    @property
    def finding_id(self) -> str:
        return self.key[:FINDING_ID_LENGTH]

    @property
    def is_violation(self) -> bool:
        """A violating verdict that no reviewer marked a false positive."""
        if self.review is not None and self.review.mark == Mark.false_positive:
            return False
        return self.verdict in VIOLATIONS

    def category(self, lang: str = "ja") -> str:
        return category(self.entity, lang)

    def reason(self, lang: str = "ja") -> str:
        return self.reason_ja if lang == "ja" else self.reason_en

    def to_finding(self, fingerprints: tuple[str, ...] = ()) -> Finding:
        """The finding as the scan produced it, to judge again with another catalog."""
        return replace(self.finding, fingerprints=fingerprints)
