"""One self-contained HTML file: summary, charts, ledger, findings with evidence, errors.

Nothing is fetched: CSS and JS are inline and a Content-Security-Policy forbids any
network request. The data travels as one JSON block (strings interned, so 100,000
findings that share places and reasons stay small); inline JS draws the charts as SVG
and builds the sortable, filterable, paged tables from it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reports.cells import error_cells, ledger_cells, matched_text, review_text
from reports.labels import (
    ERROR_COLUMNS,
    FINDING_COLUMNS,
    LEDGER_COLUMNS,
    headers,
    local_time,
    text,
    verdict_label,
)
from reports.model import ReportData, summary_counts
from scanner.catalog.verdicts import VERDICT_ORDER

TEMPLATE = "html_report.html.j2"

#: chart and badge colours; tests look for them in the screenshot
VERDICT_COLOURS = {
    "allowed": "#2f855a",
    "not_allowed_for_purpose": "#dd6b20",
    "no_purpose": "#c53030",
    "special_care": "#6b46c1",
    "not_personal": "#718096",
    "not_found": "#a0aec0",
}
CATEGORY_COLOUR = "#2b6cb0"
SOURCE_COLOUR = "#2c7a7b"
CHANGE_COLOURS = {
    "new": "#d69e2e",
    "removed": "#718096",
    "changed": "#3182ce",
    "new_violations": "#c53030",
    "resolved_violations": "#2f855a",
    "not_scanned": "#975a16",
}


class _Strings:
    """Intern repeated strings (places, reasons, assets) as indexes into one list."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, value: str) -> int:
        index = self._index.get(value)
        if index is None:
            index = self._index[value] = len(self.items)
            self.items.append(value)
        return index


def _script_json(value: Any) -> str:
    """JSON that cannot end the <script> element it sits in."""
    raw = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_data(data: ReportData, lang: str, timezone: str) -> dict[str, Any]:
    strings = _Strings()
    change_code = {"new": 1, "changed": 2, "not_scanned": 3}
    rows = []
    for f in data.findings:
        rows.append([
            f.finding_id, strings(f.where), strings(f.category(lang)),
            strings(f.verdict), strings(f.reason(lang)),
            strings(f.asset or text("not_registered", lang)), matched_text(f),
            round(f.score, 2), list(f.examples), strings(review_text(f, lang)),
            change_code.get(data.change_of(f) or "", 0), f.evidence, int(f.is_violation),
        ])  # fmt: skip
    counts = summary_counts(data, lang)
    charts = [
        {"id": "category", "title": text("chart_by_category", lang),
         "bars": [[k, v, CATEGORY_COLOUR] for k, v in counts["by_category"].items()]},
        {"id": "source", "title": text("chart_by_source", lang),
         "bars": [[k, v, SOURCE_COLOUR] for k, v in counts["by_source"].items()]},
        {"id": "verdict", "title": text("chart_by_verdict", lang),
         "bars": [[verdict_label(v, lang), counts["by_verdict"][v], VERDICT_COLOURS[v]]
                  for v in VERDICT_ORDER if v in counts["by_verdict"]]},
        {"id": "special-care", "title": text("chart_special_care", lang),
         "bars": [[k, v, VERDICT_COLOURS["special_care"]]
                  for k, v in counts["special_care_by_category"].items()],
         "empty": text("no_special_care", lang)},
    ]  # fmt: skip
    if "change" in counts:
        charts.append({
            "id": "change", "title": text("chart_change", lang),
            "bars": [[text(k, lang), v, CHANGE_COLOURS[k]] for k, v in counts["change"].items()],
        })  # fmt: skip
    else:
        charts.append({"id": "change", "title": text("chart_change", lang), "bars": [],
                       "empty": text("no_previous", lang)})  # fmt: skip
    verdicts = {v: {"label": verdict_label(v, lang), "colour": c}
                for v, c in VERDICT_COLOURS.items()}  # fmt: skip
    return {
        "strings": strings.items,
        "columns": headers(FINDING_COLUMNS, lang),
        "findings": rows,
        "charts": charts,
        "verdicts": verdicts,
        "labels": {k: text(k, lang) for k in (
            "search", "all_verdicts", "only_violations", "prev_page", "next_page", "evidence",
            "new", "changed", "not_scanned")},
        "shown": text("shown", lang, shown="{shown}", total="{total}"),
    }  # fmt: skip


def render_html(data: ReportData, lang: str = "ja", timezone: str = "Asia/Tokyo") -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent),
        autoescape=select_autoescape(["j2", "html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    run = data.run
    counts = summary_counts(data, lang)
    context = {
        "lang": lang,
        "t": lambda key, **kw: text(key, lang, **kw),
        "run": run,
        "started": local_time(run.started, timezone),
        "ended": local_time(run.ended, timezone),
        "previous": data.previous,
        "counts": counts,
        "ledger_headers": headers(LEDGER_COLUMNS, lang),
        "ledger_keys": [key for key, _ja, _en in LEDGER_COLUMNS],
        "ledger": [(r, ledger_cells(r, data, lang, timezone)) for r in data.ledger],
        "verdict_colours": VERDICT_COLOURS,
        "error_headers": headers(ERROR_COLUMNS, lang),
        "errors": [error_cells(e) for e in data.errors],
        "sources": data.sources,
        "versions": sorted(run.versions.items()),
        "data_json": _script_json(page_data(data, lang, timezone)),
        "finding_count": len(data.findings),
    }
    return env.get_template(TEMPLATE).render(**context)


def write_html(data: ReportData, path: Path, lang: str = "ja",
               timezone: str = "Asia/Tokyo") -> Path:  # fmt: skip
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(render_html(data, lang, timezone), encoding="utf-8")
    tmp.replace(path)
    return path
