"""Classify the columns of one table (or one CSV / sheet) from all the evidence together.

STUB: interface only; the database-connector work fills it in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scanner.detector import Detector


@dataclass(frozen=True)
class ColumnSample:
    name: str
    values: Sequence[str | None]  # sampled values as text; None for NULL
    comment: str | None = None
    type_name: str | None = None  # the SQL type as text ("VARCHAR(255)"), None for files
    is_primary_key: bool = False
    foreign_key: str | None = None  # "table.column" it references, if any


@dataclass(frozen=True)
class ColumnVerdict:
    column: str
    entity: str
    confidence: float
    rows_sampled: int
    rows_matched: int
    evidence: Mapping[str, Any] = field(default_factory=dict)
    examples: tuple[str, ...] = ()  # masked


def classify_table(
    table_name: str, columns: Sequence[ColumnSample], detector: Detector
) -> list[ColumnVerdict]:
    """Verdicts for every personal column of the table (several per free-text column)."""
    raise NotImplementedError
