"""Location-level findings: one per (source, location, entity), the findings.jsonl line."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from scanner.entities import category


@dataclass(frozen=True)
class Finding:
    """Personal information of one kind found at one place.

    ``location`` holds database keys (schema, table, column) or file keys (path, member,
    sheet, column, page, line). ``examples`` are masked; ``fingerprints`` are HMAC-SHA256
    digests of normalised values (never the values) for the inventory and subject index.
    """

    source: str
    location: Mapping[str, Any]
    entity: str
    score: float
    evidence: Mapping[str, Any] = field(default_factory=dict)
    examples: tuple[str, ...] = ()
    rows_sampled: int | None = None
    rows_matched: int | None = None
    count: int | None = None
    fingerprints: tuple[str, ...] = field(default=(), repr=False)

    @property
    def category(self) -> str:
        return category(self.entity)

    def identity(self) -> tuple:
        """What stays the same from run to run: (source, location, entity)."""
        return (self.source, tuple(sorted(self.location.items())), self.entity)

    def to_json_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source,
            "location": dict(self.location),
            "entity": self.entity,
            "category": self.category,
            "score": round(self.score, 3),
        }
        if self.rows_sampled is not None:
            out["rows_sampled"] = self.rows_sampled
            out["rows_matched"] = self.rows_matched
        if self.count is not None:
            out["count"] = self.count
        out["evidence"] = dict(self.evidence)
        out["examples"] = list(self.examples)
        return out


@dataclass(frozen=True)
class ScanError:
    """A problem at one place that the scan reported and stepped over.

    ``message`` must never carry a scanned value: use ``connectors.base.safe_error_message``.
    """

    source: str
    location: Mapping[str, Any]
    kind: str  # e.g. "permission", "corrupt", "timeout", "unreachable", "too_large"
    message: str

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "location": dict(self.location),
            "kind": self.kind,
            "message": self.message,
        }
