"""``kojin catalog check | suggest``: validate the catalog; propose assets for unmapped data."""

from __future__ import annotations

from typing import Annotated

import typer

from scanner.cli.errors import CliError
from scanner.cli.report_command import (
    ConfigOption,
    config_path_for_cli,
    load_config_for_cli,
    open_inventory_for_cli,
)

catalog_app = typer.Typer(
    name="catalog",
    help="The catalog of purposes of use and data assets.",
    no_args_is_help=True,
    add_completion=False,
)


def check(
    config: ConfigOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
) -> None:
    """Check purposes, entities, sources and overlapping assets, and the latest run's findings.

    Every problem is one line, config:LINE: where: what. Exit 1 on errors.
    """
    from scanner.catalog.validate import catalog_problems, source_types_of
    from scanner.config import ConfigError, load_config

    config = config_path_for_cli(config)
    try:
        cfg = load_config(config)
    except ConfigError as exc:
        for line in str(exc).splitlines():
            typer.echo(line, err=True)
        raise typer.Exit(1) from None
    text = config.read_text(encoding="utf-8")
    warnings = [
        p.format(text, str(config))
        for p in catalog_problems(cfg.catalog, source_types_of(cfg.sources))
        if p.severity == "warning"
    ]
    warnings += _against_latest_run(cfg, text, str(config))
    for line in warnings:
        typer.echo(line, err=True)
    catalog = cfg.catalog
    typer.echo(
        f"catalog OK: {len(catalog.purposes)} purpose(s), {len(catalog.assets)} asset(s), "
        f"{len(catalog.not_personal)} not_personal rule(s), {len(warnings)} warning(s)"
    )
    if strict and warnings:
        raise typer.Exit(1)


def _rejudged(cfg, inventory, run):
    """The run's findings judged by the catalog as it is now (it may have changed)."""
    from scanner.catalog.verdicts import Judge
    from scanner.fingerprint import FingerprintKeyError
    from scanner.inventory.key_guard import checked_fingerprinter

    needs_prints = any(rule.values for rule in cfg.catalog.not_personal)
    try:
        fingerprinter = checked_fingerprinter(cfg.inventory, inventory) if needs_prints else None
    except FingerprintKeyError as exc:
        raise CliError(str(exc)) from None
    prints = inventory.fingerprints(run) if needs_prints else {}
    judge = Judge(cfg.catalog, fingerprinter)
    out = []
    for stored in inventory.findings(run):
        finding = stored.to_finding(tuple(prints.get(stored.pk, ())))
        out.append((stored, judge.judge(finding)))
    return out


def _against_latest_run(cfg, text: str, origin: str) -> list[str]:
    from scanner.catalog.validate import CatalogProblem
    from scanner.inventory.migrations import InventoryError
    from scanner.inventory.store import Inventory

    try:
        inventory = Inventory.open(cfg.inventory, create=False)
    except InventoryError:
        return []  # no scan yet: nothing to check against
    with inventory:
        try:
            run = inventory.resolve_run(None)
        except InventoryError:
            return []
        judged = _rejudged(cfg, inventory, run)
    out = []
    unmapped = [s for s, j in judged if j.asset is None and j.verdict != "not_personal"]
    if unmapped:
        places = len({s.place for s in unmapped})
        out.append(
            f"{origin}: warning: run #{run.pk}: {len(unmapped)} finding(s) in {places} place(s) "
            "are in no asset (`kojin catalog suggest` proposes entries)"
        )
    used = {j.asset for _s, j in judged if j.asset}
    for i, asset in enumerate(cfg.catalog.assets):
        if asset.name not in used:
            problem = CatalogProblem(
                "warning", ("catalog", "assets", i, "name"),
                f"asset {asset.name!r} matched no finding in run #{run.pk}", asset.name,
            )  # fmt: skip
            out.append(problem.format(text, origin))
    return out


def suggest(
    run: Annotated[str | None, typer.Argument(help="Run (default: the latest).")] = None,
    config: ConfigOption = None,
) -> None:
    """Print catalog.assets entries (TOML) for the run's findings that no asset covers."""
    from scanner.catalog.suggest import Unmapped, suggest_assets, suggestions_toml
    from scanner.inventory.migrations import InventoryError

    cfg = load_config_for_cli(config)
    with open_inventory_for_cli(cfg) as inventory:
        try:
            chosen = inventory.resolve_run(run)
        except InventoryError as exc:
            raise CliError(str(exc)) from None
        judged = _rejudged(cfg, inventory, chosen)
    unmapped = [
        Unmapped(s.source, s.location, s.entity)
        for s, j in judged
        if j.asset is None and j.verdict != "not_personal"
    ]
    suggestions = suggest_assets(cfg.catalog, unmapped)
    if not suggestions:
        typer.echo(f"# every personal finding of run #{chosen.pk} is in a catalog asset")
        return
    typer.echo(
        f"# {len(suggestions)} asset(s) for the unmapped findings of run #{chosen.pk}; "
        f"paste into {config}, then set owner and check purposes and subjects.\n"
    )
    typer.echo(suggestions_toml(suggestions), nl=False)


catalog_app.command("check")(check)
catalog_app.command("suggest")(suggest)


def register(app: typer.Typer) -> None:
    app.add_typer(catalog_app, name="catalog")
