"""``kojin report``: the ledger (xlsx), HTML, CSV or JSON report of a run in the inventory."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reports.config import Lang, ReportFormat
from scanner.cli.errors import CliError

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config", "-c", help="Kojin config (TOML); default: $KOJIN_CONFIG, else ./kojin.toml."
    ),
]


def config_path_for_cli(path: Path | None) -> Path:
    """``--config``, ``$KOJIN_CONFIG`` or ``./kojin.toml``, or a one-line CliError."""
    from scanner.config import ConfigError, find_config

    try:
        return find_config(path)
    except ConfigError as exc:
        raise CliError(str(exc)) from None


def load_config_for_cli(path: Path | None):
    """The config, or a one-line CliError (its problems joined)."""
    from scanner.config import ConfigError, load_config

    try:
        return load_config(config_path_for_cli(path))
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
    config: ConfigOption = None,
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
    """Write a run's report: the ledger (xlsx), HTML, CSV or JSON."""
    from reports.model import load_report_data
    from reports.writer import default_path, format_from_path, write_report
    from scanner.inventory.migrations import InventoryError

    chosen = fmt.value if fmt else (format_from_path(out) if out else None) or "html"
    if out is not None and out.suffix and out.suffix.lower() != f".{chosen}":
        known = ", ".join(f".{e}" for e in ReportFormat)
        raise CliError(
            f"{out}: the suffix does not match the {chosen} format (Kojin writes {known}; "
            f"use --out NAME.{chosen} or --format)"
        )
    cfg = load_config_for_cli(config)
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
