"""Write reports of one run in any format; used by ``kojin report`` and after ``kojin scan``."""

from __future__ import annotations

from pathlib import Path

from reports.config import ReportFormat, ReportsConfig
from reports.model import ReportData, load_report_data
from scanner.inventory.store import Inventory


def format_from_path(path: Path) -> str | None:
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in tuple(ReportFormat) else None


def default_path(out_dir: Path, data: ReportData, fmt: str) -> Path:
    return out_dir / f"kojin-report-{data.run.run_id}.{ReportFormat(fmt)}"


def write_report(
    data: ReportData, fmt: str, path: Path, lang: str = "ja", timezone: str = "Asia/Tokyo"
) -> Path:
    if fmt == "xlsx":
        from reports.ledger_xlsx import write_ledger_xlsx

        return write_ledger_xlsx(data, path, lang, timezone)
    if fmt == "html":
        from reports.html_report import write_html

        return write_html(data, path, lang, timezone)
    if fmt == "csv":
        from reports.csv_report import write_csv

        return write_csv(data, path, lang)
    if fmt == "json":
        from reports.json_report import write_json

        return write_json(data, path, lang)
    raise ValueError(f"unknown report format {fmt!r} (known: {', '.join(ReportFormat)})")


def write_configured_reports(
    inventory: Inventory, config: ReportsConfig, run_ref: str | None = None
) -> list[Path]:
    """The ``[reports] formats`` of a run (default: the latest) into ``[reports] out_dir``."""
    if not config.formats:
        return []
    data = load_report_data(inventory, run_ref)
    return [
        write_report(
            data, fmt, default_path(config.out_dir, data, fmt), config.lang, config.timezone
        )  # fmt: skip
        for fmt in dict.fromkeys(config.formats)
    ]
