"""``kojin report``: the ledger (xlsx), HTML, CSV or JSON report of a run in the inventory."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reports.config import Lang, ReportFormat
from scanner.cli.errors import CliError

ConfigOption = Annotated[Path, typer.Option("--config", "-c", help="Kojin config (TOML).")]


def load_config_for_cli(path: Path):
    """The config, or a one-line CliError (its problems joined)."""
    from scanner.config import ConfigError, load_config

    try:
        return load_config(path)
    except ConfigError as exc:
        raise CliError(str(exc).replace("\n", "; ")) from None


def open_inventory_for_cli(cfg, create: bool = False):
    from scanner.inventory.migrations import InventoryError
    from scanner.inventory.store import Inventory

    try:
        return Inventory.open(cfg.inventory, create=create)
    except InventoryError as exc:
        raise CliError(str(exc)) from None


def report(
    run: Annotated[
        str | None, typer.Argument(help="Run number or id, 'latest' or 'previous'.")
    ] = None,
    config: ConfigOption = Path("config.example.toml"),
    fmt: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help="Default: from --out's suffix, else html."),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Output file (default: in [reports] out_dir)."),
    ] = None,
    lang: Annotated[
        Lang | None, typer.Option(help="Report language (default: [reports] lang).")
    ] = None,
) -> None:
    """Write the 個人情報管理台帳 (xlsx), an HTML report, CSV or JSON for a scan run."""
    from reports.model import load_report_data
    from reports.writer import default_path, format_from_path, write_report
    from scanner.inventory.migrations import InventoryError

    cfg = load_config_for_cli(config)
    chosen = fmt.value if fmt else (format_from_path(out) if out else None) or "html"
    with open_inventory_for_cli(cfg) as inventory:
        try:
            data = load_report_data(inventory, run)
        except InventoryError as exc:
            raise CliError(str(exc)) from None
    path = out or default_path(cfg.reports.out_dir, data, chosen)
    language = lang.value if lang else cfg.reports.lang
    try:
        write_report(data, chosen, path, language, cfg.reports.timezone)
    except OSError as exc:
        raise CliError(f"{path}: cannot write the report ({type(exc).__name__})") from None
    typer.echo(str(path))


def register(app: typer.Typer) -> None:
    app.command("report")(report)
