"""``kojin review``: mark a finding confirmed or a false positive; later runs inherit it."""

from __future__ import annotations

import getpass
import os
from enum import StrEnum
from typing import Annotated

import typer

from scanner.cli.errors import CliError
from scanner.cli.report_command import ConfigOption, load_config_for_cli, open_inventory_for_cli


class MarkChoice(StrEnum):
    confirmed = "confirmed"
    false_positive = "false_positive"


def _default_reviewer() -> str:
    try:
        return os.environ.get("USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def review(
    finding_id: Annotated[str, typer.Argument(help="Finding id from a report (6+ hex digits).")],
    mark: Annotated[MarkChoice, typer.Option("--mark", "-m", help="confirmed | false_positive")],
    note: Annotated[str, typer.Option("--note", "-n", help="Why (kept with the mark).")],
    config: ConfigOption = None,
    by: Annotated[str | None, typer.Option("--by", help="Reviewer (default: $USER).")] = None,
) -> None:
    """Mark a finding; the mark carries forward to later runs (same source, place, entity).

    False positives stop counting as violations, in reports and for --fail-on.
    """
    from scanner.inventory.migrations import InventoryError
    from scanner.inventory.records import Mark

    cfg = load_config_for_cli(config)
    reviewer = (by or _default_reviewer()).strip()
    if not reviewer:
        raise CliError("--by must not be empty")
    with open_inventory_for_cli(cfg) as inventory:
        try:
            run, finding = inventory.find_finding(finding_id)
            inventory.add_review(finding.key, Mark(mark.value), note, reviewer, run.pk)
        except InventoryError as exc:
            raise CliError(str(exc)) from None
    typer.echo(
        f"{finding.finding_id} {finding.where} {finding.entity}: {mark.value} "
        f"by {reviewer} (last seen in run #{run.pk})"
    )


def register(app: typer.Typer) -> None:
    app.command("review")(review)
