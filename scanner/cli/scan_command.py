"""``kojin scan``: run the pipeline (scan, judge, record, reports, subject index) and say
how it went."""

from __future__ import annotations

from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from scanner.cli.errors import CliError
from scanner.cli.exit_codes import ExitCode
from scanner.cli.report_command import ConfigOption, config_path_for_cli
from scanner.scan.options import Executor, ScanOptions

# where the work runs: the scan's units and the subject index's places alike
ExecutorOption = Annotated[Executor, typer.Option(help="serial (debugging), processes, or dask.")]
WorkersOption = Annotated[
    int | None, typer.Option(min=1, help="Worker processes (default: the core count).")
]
SchedulerOption = Annotated[
    str | None, typer.Option(help="Dask scheduler, tcp://HOST:8786 (default: a local cluster).")
]


class FailOn(StrEnum):
    new_violations = "new-violations"
    special_care = "special-care"


def scan(
    config: ConfigOption = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Output folder (default: out_dir of the config's scan section)."
        ),
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue an interrupted scan in the same --out.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar (cron).")] = False,
    executor: ExecutorOption = "processes",
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="new-violations: exit 3 if the run has violations the previous run had not; "
            "special-care: exit 5 if it holds 要配慮個人情報 not reviewed as a false positive.",
        ),
    ] = None,
    since_last: Annotated[
        bool,
        typer.Option(
            "--since-last/--full",
            help="Read only files and tables changed since the previous run and carry the "
            "others' findings forward (the default once a run exists); --full reads all.",
        ),
    ] = True,
    index_subjects: Annotated[
        bool,
        typer.Option(
            "--index-subjects",
            help="Then update the subject index: every personal row and file, fingerprinted "
            "(also [inventory] index_subjects = true).",
        ),
    ] = False,
) -> None:
    """Scan databases and file shares for personal information."""
    from rich.console import Console

    from scanner.config import ConfigError, load_config
    from scanner.scan.pipeline import Pipeline

    config = config_path_for_cli(config)
    try:
        cfg = load_config(config)
    except ConfigError as exc:
        raise CliError(str(exc).replace("\n", "; ")) from None
    # soft_wrap: a line longer than the (assumed 80-column) log is never cut mid-list
    console = Console(stderr=True, quiet=quiet, soft_wrap=True)
    pipeline = Pipeline(cfg, config)
    options = ScanOptions(out, resume, executor, workers, scheduler, since_last)
    outcome = _scan(pipeline, options, console, quiet)
    _print_summary(console, outcome)
    recorded = _record(pipeline, outcome, console)
    if index_subjects or cfg.inventory.index_subjects:
        _index_subjects(pipeline, recorded.run, options, console)
    new_violations = fail_on is FailOn.new_violations and bool(recorded.diff.new_violations)
    special = _special_care(cfg, recorded.run) if fail_on is FailOn.special_care else []
    code = scan_exit_code(outcome, new_violations, bool(special))
    if code is not ExitCode.ok:
        # printed even with --quiet: cron mails stderr, and it must say what to look at
        _print_incomplete(outcome, recorded, code, special)
        raise typer.Exit(int(code))


def _scan(pipeline, options: ScanOptions, console, quiet: bool):
    """The scan stage under a progress bar (units, megabytes, rate, time left)."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from connectors.base import SourceError
    from scanner.fingerprint import FingerprintKeyError
    from scanner.inventory.migrations import InventoryError

    progress = Progress(
        TextColumn("[bold]scan"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("units"),
        TextColumn("{task.fields[size]}"),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        TextColumn("{task.description}"),
        console=console,
        disable=quiet,
        transient=True,
    )
    with progress:
        task = progress.add_task("", total=None, size="", rate="")

        def on_progress(key: str, done: int, total: int, done_b: int, total_b: int) -> None:
            elapsed = progress.tasks[0].elapsed or 0.0
            rate = f"{done / elapsed:.1f} units/s" if elapsed else ""
            size = size_text(done_b, total_b)
            progress.update(
                task, completed=done, total=total, description=key[-40:], size=size, rate=rate
            )

        try:
            return pipeline.scan(options, on_progress)
        except (SourceError, FingerprintKeyError) as exc:
            raise CliError(str(exc)) from None
        except InventoryError as exc:
            raise CliError(f"{exc} (--full scans without the previous run)") from None
        except KeyboardInterrupt:
            raise CliError(
                "interrupted; `kojin scan --resume` continues", ExitCode.interrupted
            ) from None


def size_text(done: int, total: int) -> str:
    """``1.2/10.1 MB`` of files read; nothing for a run without files (a database-only
    scan has no bytes to count), and small shares in KB rather than ``0.0/0.0 MB``."""
    if total <= 0:
        return ""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if total >= scale:
            return f"{done / scale:.1f}/{total / scale:.1f} {unit}"
    return f"{done}/{total} B"


def scan_exit_code(outcome, new_violations: bool, special_care: bool = False) -> ExitCode:
    """3 when asked to fail on new violations and there are some, 5 when asked to fail on
    要配慮個人情報 and there is some, else 4 when a source or a unit was not read, else 0."""
    if new_violations:
        return ExitCode.new_violations
    if special_care:
        return ExitCode.special_care
    if any(s.status != "ok" for s in outcome.sources):
        return ExitCode.partial
    return ExitCode.ok


def _print_incomplete(outcome, recorded, code: ExitCode, special: list) -> None:
    import sys

    lines = []
    for s in outcome.sources:
        if s.status == "failed":
            first = next((e for e in outcome.errors if e.source == s.name and not e.location),
                         None)  # fmt: skip
            why = f" [{first.kind}] {first.message}" if first else ""
            lines.append(f"source {s.name} not scanned{why}")
        elif s.status != "ok":
            kinds = Counter(e.kind for e in outcome.errors if e.source == s.name)
            detail = ", ".join(f"{k} {n}" for k, n in kinds.most_common())
            lines.append(f"source {s.name} partial: {s.errors} problem(s) ({detail})")
    carried = recorded.diff.not_scanned
    if carried:
        lines.append(f"{len(carried)} earlier finding(s) carried forward as not scanned")
    if code is ExitCode.new_violations:
        lines.append(f"{len(recorded.diff.new_violations)} new violation(s)")
    if code is ExitCode.special_care:
        places = sorted({f.place for f in special})
        more = f" and {len(places) - 5} more" if len(places) > 5 else ""
        lines.append(f"{len(special)} 要配慮個人情報 finding(s) in {', '.join(places[:5])}{more}")
    details = f"; see {outcome.out_dir}/errors.jsonl" if outcome.errors else ""
    print(f"kojin: exit {int(code)} ({code.name.replace('_', ' ')}): " + "; ".join(lines)
          + details, file=sys.stderr)  # fmt: skip


def _special_care(cfg, run) -> list:
    """The run's 要配慮個人情報 findings that no reviewer marked a false positive."""
    from scanner.catalog.verdicts import Verdict
    from scanner.inventory.store import Inventory

    with Inventory.open(cfg.inventory) as inventory:
        return [f for f in inventory.findings(run) if f.is_violation
                and f.verdict == Verdict.special_care]  # fmt: skip


def _record(pipeline, outcome, console):
    """Judge the findings, store the run in the inventory, write the configured reports."""
    from scanner.fingerprint import FingerprintKeyError
    from scanner.inventory.migrations import InventoryError

    cfg = pipeline.config
    try:
        recorded = pipeline.record(outcome)
        reports = pipeline.write_reports(recorded.run)
        _judged_totals(cfg, outcome, recorded.run, console)
    except (InventoryError, FingerprintKeyError, OSError) as exc:
        raise CliError(f"{exc} (the scan's results are in {outcome.out_dir})") from None
    run, diff = recorded.run, recorded.diff
    since = f"run #{recorded.previous.pk}" if recorded.previous else "no previous run"
    console.print(
        f"run #{run.pk} stored in {cfg.inventory.url or cfg.inventory.path}: "
        f"{run.violations_count} violation(s), {len(diff.new_violations)} new since {since}"
    )
    for path in reports:
        console.print(f"report: {path}")
    return recorded


def _judged_totals(cfg, outcome, run, console) -> None:
    """Print the personal findings by category as the reports count them, and write the
    same counts into summary.json, so terminal, summary and charts agree."""
    import json

    from reports.model import personal_by_category
    from scanner.inventory.store import Inventory
    from scanner.scan.driver import SUMMARY_FILE

    with Inventory.open(cfg.inventory) as inventory:
        stored = inventory.findings(run)
    by_category = personal_by_category(stored, cfg.reports.lang)
    not_personal = len(stored) - sum(by_category.values())
    if by_category:
        console.print("personal findings: "
                      + ", ".join(f"{c} {n}" for c, n in by_category.items())
                      + (f"; not personal {not_personal}" if not_personal else ""))  # fmt: skip
    path = outcome.out_dir / SUMMARY_FILE
    summary = json.loads(path.read_text(encoding="utf-8"))
    summary["findings_by_category"] = by_category
    summary["not_personal_findings"] = not_personal
    path.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _index_subjects(pipeline, run, options, console) -> None:
    """Bring the subject index up to date with the run just recorded."""
    from scanner.fingerprint import FingerprintKeyError
    from scanner.inventory.migrations import InventoryError

    try:
        report = pipeline.index_subjects(run, options)
    except (InventoryError, FingerprintKeyError) as exc:
        raise CliError(f"subject index: {exc}") from None
    console.print(
        f"subject index: {report.places} personal place(s), {report.reindexed} indexed, "
        f"{report.unchanged} unchanged, {report.removed} removed, {report.entries} entries "
        f"({report.seconds:.1f} s)"
    )
    for error in report.errors[:10]:
        console.print(f"[yellow]  not indexed: {error}[/yellow]")


def _print_summary(console, outcome) -> None:
    from rich.table import Table

    table = Table(title=f"Kojin scan {outcome.run_id}")
    for col in ("source", "type", "status", "units", "read", "carried", "findings", "errors"):
        table.add_column(col)
    for s in outcome.sources:
        table.add_row(s.name, s.type, s.status, f"{s.units_done}/{s.units}",
                      str(s.stats.get("items_read", 0)), str(s.stats.get("items_carried", 0)),
                      str(s.findings), str(s.errors))  # fmt: skip
    console.print(table)
    for s in outcome.sources:
        in_part = s.stats.get("items_in_part", 0)
        if in_part:
            console.print(
                f"{s.name}: {in_part} file(s) read in part (sample mode: their findings say "
                'sampled / truncated and coverage; mode = "full" reads everything)'
            )
    if outcome.errors:
        console.print(f"[yellow]{len(outcome.errors)} problem(s) reported:[/yellow]")
        for e in outcome.errors[:10]:
            where = " ".join(f"{k}={v}" for k, v in e.location.items())
            console.print(f"  {e.source} {where} [{e.kind}] {e.message}")
    if outcome.resumed_units:
        console.print(f"resumed: {outcome.resumed_units} unit(s) taken from the interrupted run")
    console.print(f"results in {outcome.out_dir}")


def register(app: typer.Typer) -> None:
    app.command("scan")(scan)
