"""Findings as CSV for other tools: one row per finding, UTF-8 with BOM (Excel reads it).

Schema (``format_version`` 1), in column order: format_version, run_id, finding_id,
finding_key, source, location (JSON object), place, entity, category, score,
rows_sampled, rows_matched, count, verdict, rule, reason, asset, purposes (ids joined by
``;``), review (confirmed / false_positive / empty), review_note, reviewer, change
(new / changed / empty), violation (1 / 0), examples (masked, joined by `` | ``).
Text that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` first) gets a
leading apostrophe.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from reports.model import ReportData

FORMAT_VERSION = 1
COLUMNS = (
    "format_version", "run_id", "finding_id", "finding_key", "source", "location", "place",
    "entity", "category", "score", "rows_sampled", "rows_matched", "count", "verdict", "rule",
    "reason", "asset", "purposes", "review", "review_note", "reviewer", "change", "violation",
    "examples",
)  # fmt: skip
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(data: ReportData, path: Path, lang: str = "ja") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for f in data.findings:
            review = f.review
            row = (
                FORMAT_VERSION, data.run.run_id, f.finding_id, f.key, f.source,
                json.dumps(dict(f.location), ensure_ascii=False, sort_keys=True, default=str),
                f.place, f.entity, f.category(lang), f"{f.score:.3f}",
                f.rows_sampled if f.rows_sampled is not None else "",
                f.rows_matched if f.rows_matched is not None else "",
                f.count if f.count is not None else "", f.verdict, f.rule, f.reason(lang),
                f.asset or "", ";".join(f.purposes), str(review.mark) if review else "",
                review.note if review else "", review.by if review else "",
                data.change_of(f) or "", 1 if f.is_violation else 0, " | ".join(f.examples),
            )  # fmt: skip
            writer.writerow([_safe(v) for v in row])
    tmp.replace(path)
    return path
