"""The 個人情報管理台帳 as an Excel workbook: ledger, violations, 要配慮, scan errors, changes,
run.

Written in openpyxl's write-only mode, with one named style for wrapped ledger cells
(per-cell styles cost more than the data at 100,000 rows). Text that Excel would take
for a formula (a file called ``=HYPERLINK(...)``) is written as a string cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from reports.cells import change_rows, error_cells, finding_cells, ledger_cells
from reports.labels import (
    CHANGE_COLUMNS,
    ERROR_COLUMNS,
    FINDING_COLUMNS,
    LEDGER_COLUMNS,
    headers,
    local_time,
    text,
)
from reports.model import ReportData

_WIDTHS = {
    "number": 10, "asset": 28, "categories": 30, "volume": 10, "volume_basis": 24,
    "purposes": 40, "acquisition": 24, "medium": 14, "places": 40, "access": 20,
    "manager": 16, "disposal": 24, "third_parties": 20, "detail": 50,
    "retention": 22, "owner": 16, "outsourcing": 32, "verdict": 16, "last_scanned": 20,
    "subjects": 14, "finding_id": 14, "place": 48, "category": 16, "reason": 60,
    "matched": 12, "score": 8, "examples": 36, "review": 30, "change": 10, "source": 16,
    "location": 48, "kind": 16, "message": 80,
}  # fmt: skip


def write_ledger_xlsx(data: ReportData, path: Path, lang: str = "ja",
                      timezone: str = "Asia/Tokyo") -> Path:  # fmt: skip
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    _add_styles(wb)
    _sheet(wb, text("sheet_ledger", lang), LEDGER_COLUMNS, lang,
           (ledger_cells(r, data, lang, timezone) for r in data.ledger), wrap=True)  # fmt: skip
    _sheet(wb, text("sheet_violations", lang), FINDING_COLUMNS, lang,
           (finding_cells(f, data, lang) for f in data.violations))  # fmt: skip
    _sheet(wb, text("sheet_special_care", lang), FINDING_COLUMNS, lang,
           (finding_cells(f, data, lang) for f in data.special_care))  # fmt: skip
    _sheet(wb, text("sheet_errors", lang), ERROR_COLUMNS, lang,
           (error_cells(e) for e in data.errors))  # fmt: skip
    _sheet(wb, text("sheet_changes", lang), CHANGE_COLUMNS, lang, change_rows(data, lang))
    _run_sheet(wb, data, lang, timezone)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    wb.save(tmp)
    tmp.replace(path)
    return path


_WRAP = "kojin_wrap"
_HEADER = "kojin_header"


def _add_styles(wb) -> None:
    from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill

    wb.add_named_style(NamedStyle(
        name=_HEADER, font=Font(bold=True, color="FFFFFF"),
        fill=PatternFill("solid", fgColor="1F4E79"),
        alignment=Alignment(vertical="center", wrap_text=True),
    ))  # fmt: skip
    wb.add_named_style(NamedStyle(name=_WRAP, alignment=Alignment(vertical="top",
                                                                  wrap_text=True)))  # fmt: skip


def _cell(ws, value, style: str | None = None):
    """A plain value, or a cell when it needs a style or must not become a formula."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if style is None and not value.startswith("="):
            return value
    elif style is None:
        return value
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula
    if style:
        cell.style = style
    return cell


def _sheet(wb, title: str, columns: Sequence[tuple[str, str, str]], lang: str,
           rows: Iterable[dict], wrap: bool = False) -> None:  # fmt: skip
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title[:31])
    for i, (key, _ja, _en) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(key, 20)
    ws.freeze_panes = "A2"
    ws.append([_cell(ws, h, _HEADER) for h in headers(tuple(columns), lang)])
    body = _WRAP if wrap else None
    count = 0
    for row in rows:
        ws.append([_cell(ws, row[key], body) for key, _ja, _en in columns])
        count += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"


def _run_sheet(wb, data: ReportData, lang: str, timezone: str) -> None:
    ws = wb.create_sheet(text("sheet_run", lang)[:31])
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 60
    run = data.run
    lines = [
        (text("run", lang), f"#{run.pk} {run.run_id}"),
        (text("started", lang), local_time(run.started, timezone)),
        (text("ended", lang), local_time(run.ended, timezone)),
        (text("status", lang), run.status),
        (text("findings", lang), len(data.findings)),
        (text("violations", lang), len(data.violations)),
        (text("sheet_special_care", lang), len(data.special_care)),
        (text("errors", lang), len(data.errors)),
        (text("config_fingerprint", lang), run.config_fingerprint),
        (text("previous_run", lang),
         f"#{data.previous.pk} {data.previous.run_id}" if data.previous
         else text("no_previous", lang)),
    ]  # fmt: skip
    lines += [(f"{text('versions', lang)}: {k}", v) for k, v in sorted(run.versions.items())]
    for key, value in lines:
        ws.append([_cell(ws, key, _HEADER), _cell(ws, value)])
    for s in data.sources:
        summary = (f"{s.type} {s.status}, units {s.units_done}/{s.units}, "
                   f"findings {s.findings}, errors {s.errors}")  # fmt: skip
        ws.append([_cell(ws, f"{text('sources', lang)}: {s.name}", _HEADER), _cell(ws, summary)])
