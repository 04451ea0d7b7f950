"""``kojin diff``: what changed between two runs (default: the last two)."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from scanner.cli.errors import CliError
from scanner.cli.report_command import ConfigOption, load_config_for_cli, open_inventory_for_cli


class DiffFormat(StrEnum):
    text = "text"
    json = "json"


def diff(
    run_a: Annotated[str | None, typer.Argument(help="Older run (default: the previous).")] = None,
    run_b: Annotated[str | None, typer.Argument(help="Newer run (default: the latest).")] = None,
    config: ConfigOption = None,
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f")] = DiffFormat.text,
    list_runs: Annotated[bool, typer.Option("--list", help="List the stored runs.")] = False,
) -> None:
    """List new, removed and changed findings and verdicts between two runs."""
    from scanner.inventory.diff import diff_runs
    from scanner.inventory.migrations import InventoryError

    cfg = load_config_for_cli(config)
    lang = cfg.reports.lang
    with open_inventory_for_cli(cfg) as inventory:
        try:
            if list_runs:
                _print_runs(inventory.runs())
                return
            after = inventory.resolve_run(run_b)
            before = inventory.resolve_run(run_a) if run_a else inventory.previous_run(after)
            if before is None:
                raise CliError(f"run #{after.pk} has no earlier run to compare with")
            if before.pk == after.pk:
                raise CliError("give two different runs")
            result = diff_runs(inventory, before, after)
        except InventoryError as exc:
            raise CliError(str(exc)) from None
    changes = result.findings
    if fmt is DiffFormat.json:
        typer.echo(json.dumps(_as_json(result), ensure_ascii=False, indent=1))
        return
    typer.echo(f"run #{before.pk} {before.run_id} → run #{after.pk} {after.run_id}")
    typer.echo(
        f"new {len(changes.new)}, removed {len(changes.removed)}, changed {len(changes.changed)} "
        f"(verdicts {len(changes.verdict_changes)}); violations: "
        f"{len(changes.new_violations)} new, {len(changes.resolved_violations)} resolved"
        + (f"; not scanned this run {len(changes.not_scanned)}" if changes.not_scanned else "")
    )
    for f in changes.new:
        typer.echo(f"+ {_line(f, lang)}")
    for f in changes.removed:
        typer.echo(f"- {_line(f, lang)}")
    for c in changes.changed:
        typer.echo(f"~ {_line(c.after, lang)}: {'; '.join(c.changes)}")
    for f in changes.not_scanned:
        typer.echo(f"? {_line(f, lang)}: not scanned this run (未スキャン), as of run "
                   f"#{f.last_scanned_run_pk}")  # fmt: skip


def _line(f, lang: str) -> str:
    return f"{f.finding_id} {f.where} {f.category(lang)} [{f.verdict}]"


def _print_runs(runs) -> None:
    if not runs:
        typer.echo("no runs yet")
    for r in runs:
        typer.echo(
            f"#{r.pk} {r.run_id} ended {r.ended} {r.status}: {r.findings_count} finding(s), "
            f"{r.violations_count} violation(s), {r.errors_count} error(s)"
        )


def _as_json(result) -> dict:
    def item(f) -> dict:
        return {"finding_id": f.finding_id, "source": f.source, "location": dict(f.location),
                "entity": f.entity, "verdict": f.verdict, "violation": f.is_violation}  # fmt: skip

    d = result.findings
    return {
        "format_version": 1,
        "before": {"id": result.before.pk, "run_id": result.before.run_id},
        "after": {"id": result.after.pk, "run_id": result.after.run_id},
        "new": [item(f) for f in d.new],
        "removed": [item(f) for f in d.removed],
        "changed": [item(c.after) | {"changes": list(c.changes)} for c in d.changed],
        "new_violations": [f.finding_id for f in d.new_violations],
        "resolved_violations": [f.finding_id for f in d.resolved_violations],
        "not_scanned": [
            item(f) | {"last_scanned_run": f.last_scanned_run_pk} for f in d.not_scanned
        ],
    }


def register(app: typer.Typer) -> None:
    app.command("diff")(diff)
