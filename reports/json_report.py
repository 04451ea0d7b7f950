"""The whole report as one JSON document for other tools.

Schema (``format_version`` 1)::

    {
      "format_version": 1,
      "generator": "kojin 0.1.0",
      "lang": "ja",
      "run": {"id", "run_id", "started", "ended", "status", "config_fingerprint",
              "versions": {...}, "detector": {...},
              "sources": [{"name", "type", "status", "units", "units_done", "findings",
                           "errors", "stats"}]},
      "previous_run": {"id", "run_id"} | null,
      "summary": {"findings", "violations", "errors", "not_scanned", "failed_sources",
                  "assets", "by_category", "by_source", "by_verdict",
                  "change": {"new", "removed", "changed", "new_violations",
                             "resolved_violations", "not_scanned"}  (only with a previous run)},
      "catalog": {"purposes": [{"id", "name", "name_en", "entities", "retention",
                                "outsourced_to"}],
                  "assets": [{"name", "source", "schemas", "tables", "paths", "purposes",
                              "owner", "subjects", "retention", "description"}]},
      "ledger": [{"asset", "number", "records", "in_catalog", "entities", "categories", "rows",
                  "rows_sampled", "files", "purposes", "purpose_names", "places",
                  "retention", "owner", "subjects", "outsourced_to", "outsourcing_by_purpose",
                  "acquisition", "medium", "access", "third_parties", "disposal", "manager",
                  "verdict", "not_scanned",
                  "violations"}],
      "findings": [{"finding_id", "finding_key", "source", "location", "place", "entity",
                    "category", "score", "rows_sampled", "rows_matched", "count",
                    "verdict", "rule", "reason", "asset", "purposes", "examples",
                    "evidence", "violation", "change" (new | changed | not_scanned | null),
                    "review": {"mark", "note", "by", "at"} | null}],
      "errors": [{"source", "location", "kind", "message"}]
    }

Times are ISO 8601 in UTC; categories, purpose names and reasons follow ``lang``;
``examples`` are masked; no raw value appears anywhere.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reports.model import LedgerRow, ReportData, summary_counts
from scanner.entities import category
from scanner.inventory.records import StoredFinding

FORMAT_VERSION = 1


def report_document(data: ReportData, lang: str = "ja") -> dict[str, Any]:
    from scanner.version import __version__

    catalog = data.catalog.model_dump(mode="json", exclude={"not_personal"})
    return {
        "format_version": FORMAT_VERSION,
        "generator": f"kojin {__version__}",
        "lang": lang,
        "run": _run_part(data),
        "previous_run": (
            {"id": data.previous.pk, "run_id": data.previous.run_id} if data.previous else None
        ),
        "summary": summary_counts(data, lang),
        "catalog": {"purposes": catalog["purposes"], "assets": catalog["assets"]},
        "ledger": [_ledger_row(r, lang) for r in data.ledger],
        "findings": [_finding_item(f, data, lang) for f in data.findings],
        "errors": [e.to_json_dict() for e in data.errors],
    }


def _run_part(data: ReportData) -> dict[str, Any]:
    run = data.run
    return {
        "id": run.pk,
        "run_id": run.run_id,
        "started": run.started,
        "ended": run.ended,
        "status": run.status,
        "config_fingerprint": run.config_fingerprint,
        "versions": dict(run.versions),
        "detector": dict(run.detector),
        "sources": [
            {
                "name": s.name,
                "type": s.type,
                "status": s.status,
                "units": s.units,
                "units_done": s.units_done,
                "findings": s.findings,
                "errors": s.errors,
                "stats": dict(s.stats),
            }
            for s in data.sources
        ],
    }


def _ledger_row(r: LedgerRow, lang: str) -> dict[str, Any]:
    return {
        "asset": r.asset,
        "in_catalog": r.in_catalog,
        "entities": list(r.entities),
        "categories": [category(e, lang) for e in r.entities],
        "number": r.number,
        "records": r.records,
        "rows": r.rows,
        "rows_sampled": r.rows_sampled,
        "files": r.files,
        "purposes": list(r.purposes),
        "purpose_names": list(r.purpose_names if lang == "ja" else r.purpose_names_en),
        "places": list(r.places),
        "retention": r.retention,
        "owner": r.owner,
        "subjects": r.subjects,
        "outsourced_to": list(r.outsourced_to),
        "outsourcing_by_purpose": [
            {"purpose": ja if lang == "ja" else en, "contractors": list(names)}
            for ja, en, names in r.outsourcing_by_purpose
        ],
        "acquisition": r.acquisition,
        "medium": r.medium,
        "access": list(r.access),
        "third_parties": None if r.third_parties is None else list(r.third_parties),
        "disposal": r.disposal,
        "manager": r.manager,
        "verdict": r.verdict,
        "not_scanned": r.not_scanned,
        "violations": r.violations,
    }


def _finding_item(f: StoredFinding, data: ReportData, lang: str) -> dict[str, Any]:
    return {
        "finding_id": f.finding_id,
        "finding_key": f.key,
        "source": f.source,
        "location": dict(f.location),
        "place": f.place,
        "entity": f.entity,
        "category": f.category(lang),
        "score": f.score,
        "rows_sampled": f.rows_sampled,
        "rows_matched": f.rows_matched,
        "count": f.count,
        "verdict": f.verdict,
        "rule": f.rule,
        "reason": f.reason(lang),
        "asset": f.asset,
        "purposes": list(f.purposes),
        "examples": list(f.examples),
        "evidence": dict(f.evidence),
        "violation": f.is_violation,
        "change": data.change_of(f),
        "review": (
            {
                "mark": str(f.review.mark),
                "note": f.review.note,
                "by": f.review.by,
                "at": f.review.at,
            }
            if f.review
            else None
        ),
    }


def write_json(data: ReportData, path: Path, lang: str = "ja") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(report_document(data, lang), fh, ensure_ascii=False, separators=(",", ":"),
                  default=str)  # fmt: skip
        fh.write("\n")
    tmp.replace(path)
    return path
