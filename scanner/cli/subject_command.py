"""``kojin find-subject`` and ``kojin subject``: one person's data, for 開示・訂正・削除.

``find-subject`` prints where a person's identifiers are (never the values);
``subject export`` writes the values for the person (the one raw-value output, logged);
``subject plan-delete`` writes a reviewable deletion plan; ``subject delete`` runs it,
dry by default, after a typed confirmation; ``subject index`` updates the subject index.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from scanner.cli.errors import CliError
from scanner.cli.report_command import (
    ConfigOption,
    config_path_for_cli,
    load_config_for_cli,
    open_inventory_for_cli,
)
from scanner.cli.review_command import _default_reviewer
from scanner.cli.scan_command import ExecutorOption, SchedulerOption, WorkersOption

subject_app = typer.Typer(
    name="subject",
    help="A person's data: export it (開示), plan and run its deletion (削除), index it.",
    no_args_is_help=True,
)

Name = Annotated[str | None, typer.Option("--name", help="Name, any spacing (山田 太郎).")]
Kana = Annotated[
    str | None, typer.Option("--kana", help="Reading, hiragana or katakana (やまだ たろう).")
]
Email = Annotated[str | None, typer.Option("--email", help="E-mail address (any case).")]
Phone = Annotated[
    str | None, typer.Option("--phone", help="Phone number, any formatting (+81, hyphens).")
]
Birthdate = Annotated[
    str | None,
    typer.Option("--birthdate", help="Birthdate: 1985-04-01, 1985/4/1, 昭和60年4月1日, S60.4.1."),
]
MyNumber = Annotated[str | None, typer.Option("--my-number", help="My Number (12 digits).")]
Address = Annotated[
    str | None,
    typer.Option(
        "--address",
        help="Address, any form: 千代田区千代田1-1-1 meets 東京都千代田区千代田一丁目1番1号 "
        "…ビル3F.",
    ),
]
By = Annotated[str | None, typer.Option("--by", help="Who asks (logged; default: $USER).")]


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


class _Session:
    """The config, the HMAC key and the open inventory of one command."""

    def __init__(self, config: Path):
        from scanner.fingerprint import FingerprintKeyError
        from scanner.inventory.key_guard import checked_fingerprinter

        self.config_path = config_path_for_cli(config)
        self.cfg = load_config_for_cli(config)
        self.inventory = open_inventory_for_cli(self.cfg)
        try:
            self.fingerprinter = checked_fingerprinter(self.cfg.inventory, self.inventory)
        except FingerprintKeyError as exc:
            self.inventory.close()
            raise CliError(str(exc)) from None

    def __enter__(self) -> _Session:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.inventory.close()

    def log(self, by: str | None, action: str, subject: str, outcome: str, detail: dict):
        from scanner.inventory.subjects import SubjectIndex

        actor = (by or _default_reviewer()).strip() or "unknown"
        return SubjectIndex(self.inventory).log(actor, action, subject, outcome, detail)

    def logged_plans(self, subject: str) -> list[dict]:
        """The details ``plan-delete`` logged for ``subject`` (each holds a plan digest)."""
        from scanner.inventory.subjects import SubjectIndex

        entries = SubjectIndex(self.inventory).log_entries(subject)
        return [dict(e.detail) for e in entries if e.action == "plan_delete"]

    def search(self, query, live: bool = False):
        from scanner.inventory.migrations import InventoryError
        from scanner.subject.identifiers import IdentifierError
        from scanner.subject.search import find_subject

        try:
            return find_subject(self.cfg, self.inventory, query, self.fingerprinter, live=live)
        except (IdentifierError, InventoryError) as exc:
            raise CliError(str(exc)) from None


def _query(name, kana, email, phone, birthdate, my_number, address=None):
    from scanner.subject.identifiers import IdentifierError, SubjectQuery

    query = SubjectQuery(name, kana, email, phone, birthdate, my_number, address)
    try:
        query.normalized()
    except IdentifierError as exc:
        raise CliError(str(exc)) from None
    return query


def _short(subject: str) -> str:
    from scanner.subject.identifiers import SUBJECT_PREFIX

    return subject[:SUBJECT_PREFIX]


def find_subject(
    config: ConfigOption = None,
    name: Name = None,
    kana: Kana = None,
    email: Email = None,
    phone: Phone = None,
    birthdate: Birthdate = None,
    my_number: MyNumber = None,
    address: Address = None,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table (people) or json.")
    ] = OutputFormat.table,
    live: Annotated[
        bool, typer.Option("--live", help="Read the personal places now; ignore the index.")
    ] = False,
    by: By = None,
) -> None:
    """Every place holding a person's identifiers (where and which kinds, never the values)."""
    query = _query(name, kana, email, phone, birthdate, my_number, address)
    with _Session(config) as session:
        result = session.search(query, live)
        session.log(
            by,
            "find",
            result.subject,
            "done",
            {
                "strong": len(result.strong),
                "weak": len(result.weak),
                "mode": result.mode,
                "matched_kinds": list(query.kinds()),
            },
        )
    summary = (
        f"subject {_short(result.subject)}: {len(result.strong)} strong, {len(result.weak)} weak "
        f"hit(s) ({result.mode}, run #{result.run_pk}, {result.seconds:.2f} s)"
    )
    if fmt is OutputFormat.json:
        typer.echo(json.dumps([h.to_json_dict() for h in result.hits], ensure_ascii=False))
        typer.echo(summary, err=True)
    else:
        _print_hits(result, summary)
    for error in result.errors:
        typer.echo(f"kojin: warning: not read: {error}", err=True)


def _print_hits(result, summary: str) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(summary)
    for title, hits in (
        ("Strong hits (本人と判断できる一致)", result.strong),
        (
            "Weak hits: a name or birthdate alone, maybe somebody else (氏名等のみの一致)",
            result.weak,
        ),
    ):
        if not hits:
            continue
        table = Table(title=title, title_justify="left")
        for column in ("source", "place", "record", "where", "matched"):
            table.add_column(column)
        for hit in hits:
            location = hit.location()
            record = {
                k: v for k, v in location.items() if k not in ("schema", "table", "path", "columns")
            }
            where = ", ".join(location.get("columns") or [])
            table.add_row(hit.source, hit.place_key, _record_text(record), where, hit.explain())
        console.print(table)


def _record_text(record: dict) -> str:
    """``id=17`` for a table row, ``sheet 社員 row 3`` or ``line 12`` in a file."""
    row = record.get("row")
    if isinstance(row, dict):
        return ", ".join(f"{k}={v}" for k, v in row.items())
    shown = []
    for key, value in record.items():
        if value is None or f"{key}s" in record:
            continue  # "lines" says it all when a hit spans lines
        text = ",".join(map(str, value)) if isinstance(value, list) else str(value)
        shown.append(f"{key.rstrip('s') if isinstance(value, list) else key} {text}")
    return " ".join(shown)


def index(
    config: ConfigOption = None,
    full: Annotated[bool, typer.Option("--full", help="Re-index every place.")] = False,
    executor: ExecutorOption = "processes",
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
) -> None:
    """Update the subject index from the latest run (as `kojin scan --index-subjects`);
    places are read in parallel as the scan's units are, the index written here alone."""
    from scanner.inventory.migrations import InventoryError
    from scanner.subject.index import build_subject_index

    with _Session(config) as session:
        try:
            report = build_subject_index(
                session.cfg,
                session.inventory,
                session.fingerprinter,
                full=full,
                executor=executor,
                workers=workers,
                scheduler=scheduler,
            )
        except InventoryError as exc:
            raise CliError(str(exc)) from None
    typer.echo(
        f"subject index (run #{report.run_pk}): {report.places} personal place(s), "
        f"{report.reindexed} indexed, {report.unchanged} unchanged, {report.removed} removed, "
        f"{report.entries} entries ({report.seconds:.1f} s)"
    )
    for error in report.errors:
        typer.echo(f"kojin: warning: not indexed: {error}", err=True)


def export(
    out: Annotated[Path, typer.Option("--out", "-o", help="The document: .xlsx or .json.")],
    config: ConfigOption = None,
    name: Name = None,
    kana: Kana = None,
    email: Email = None,
    phone: Phone = None,
    birthdate: Birthdate = None,
    my_number: MyNumber = None,
    by: By = None,
) -> None:
    """開示: write the person's data (raw values) for the person, grouped by purpose; logged."""
    from scanner.subject.export import export_format, gather_disclosure, write_disclosure

    query = _query(name, kana, email, phone, birthdate, my_number)
    try:
        fmt = export_format(out)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    with _Session(config) as session:
        result = session.search(query)
        probes = query.probe_list(session.fingerprinter)
        doc = gather_disclosure(
            session.cfg, session.inventory, result, probes, session.fingerprinter
        )
        try:
            write_disclosure(doc, out)
        except OSError as exc:
            raise CliError(f"{out}: cannot write the export ({type(exc).__name__})") from None
        session.log(
            by,
            "export",
            result.subject,
            "done",
            {
                "out": str(out.resolve()),
                "format": fmt,
                "items": len(doc.items),
                "records": doc.records,
                "places": doc.places(),
                "weak_hits_left_out": doc.weak_hits_left_out,
                "changed_records": len(doc.changed),
            },
        )
    typer.echo(
        f"subject {_short(doc.subject)}: {len(doc.items)} item(s) from {doc.records} record(s) "
        f"written to {out} (raw personal values: hand it to the person only); logged"
    )
    if doc.weak_hits_left_out:
        typer.echo(f"left out: {doc.weak_hits_left_out} weak hit(s) (name only)", err=True)
    for line in (*doc.changed, *doc.errors):
        typer.echo(f"kojin: warning: left out: {line}", err=True)


def plan_delete(
    out: Annotated[Path, typer.Option("--out", "-o", help="The plan to review (JSON).")],
    config: ConfigOption = None,
    name: Name = None,
    kana: Kana = None,
    email: Email = None,
    phone: Phone = None,
    birthdate: Birthdate = None,
    my_number: MyNumber = None,
    by: By = None,
) -> None:
    """削除: write a reviewable plan (SQL per row, children first; files to redact)."""
    from scanner.subject.plan import PlanError, build_plan

    query = _query(name, kana, email, phone, birthdate, my_number)
    with _Session(config) as session:
        result = session.search(query)
        probes = query.probes(session.fingerprinter)
        try:
            plan = build_plan(
                session.cfg,
                session.inventory,
                result,
                probes,
                session.fingerprinter,
                str(config.resolve()),
            )
        except PlanError as exc:
            raise CliError(str(exc)) from None
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(plan, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            raise CliError(f"{out}: cannot write the plan ({type(exc).__name__})") from None
        steps = sum(len(d["steps"]) for d in plan["databases"])
        session.log(
            by,
            "plan_delete",
            result.subject,
            "done",
            {
                "out": str(out.resolve()),
                "digest": plan["digest"],
                "steps": steps,
                "files": len(plan["files"]),
            },
        )
    typer.echo(
        f"subject {_short(plan['subject'])}: {steps} database step(s) in "
        f"{len(plan['databases'])} database(s), {len(plan['files'])} file place(s) to redact; "
        f"plan written to {out}"
    )
    for database in plan["databases"]:
        for warning in database["warnings"] + database["blocked"]:
            typer.echo(f"kojin: warning: {database['source']}: {warning}", err=True)
    typer.echo(
        f"review it, then: kojin subject delete --plan {out} --execute "
        f"(type {_short(plan['subject'])} or DELETE to confirm)"
    )


def delete(
    plan_file: Annotated[Path, typer.Option("--plan", help="A plan from plan-delete.")],
    config: ConfigOption = None,
    execute: Annotated[
        bool, typer.Option("--execute", help="Really delete (default: a dry run).")
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", help="No prompt (automation); needs --confirm.")
    ] = False,
    confirm: Annotated[
        str | None,
        typer.Option("--confirm", help="The subject's fingerprint prefix (or DELETE)."),
    ] = None,
    by: By = None,
) -> None:
    """削除: run a plan's database steps, one transaction per database (dry run by default).

    Every row is re-checked before anything is written; --execute needs the subject's
    fingerprint prefix (or DELETE) typed, or --yes with --confirm. Files are only listed.
    """
    from scanner.inventory.migrations import InventoryError
    from scanner.subject.delete import run_plan
    from scanner.subject.index import place_kind
    from scanner.subject.places import personal_places
    from scanner.subject.plan import PlanError, check_logged, load_plan

    try:
        text = plan_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"{plan_file}: cannot read the plan ({type(exc).__name__})") from None
    with _Session(config) as session:
        try:
            plan = load_plan(text, str(plan_file), session.fingerprinter)
            check_logged(plan, session.logged_plans(plan["subject"]))
        except PlanError as exc:
            raise CliError(str(exc)) from None
        prefix = _short(plan["subject"])
        if yes and not confirm:
            raise CliError(f"--yes needs --confirm {prefix} (the subject's fingerprint prefix)")
        if execute:
            _confirm(session, plan, plan_file, prefix, confirm, by)
        try:
            run = session.inventory.resolve_run(None)
        except InventoryError as exc:
            raise CliError(str(exc)) from None
        places = {
            (p.source, p.key): p
            for p in personal_places(session.inventory.findings(run))
            if place_kind(p) == "table"
        }
        try:
            outcome = run_plan(session.cfg, plan, places, session.fingerprinter, execute=execute)
        except PlanError as exc:
            raise CliError(str(exc)) from None
        session.log(by, "delete", plan["subject"], outcome.status,
                    _outcome_record(plan, plan_file, outcome, execute))  # fmt: skip
    _print_steps(outcome, plan, execute)
    if outcome.status == "dry_run":
        typer.echo(f"dry run: nothing changed; run with --execute to delete (subject {prefix})")
    elif outcome.status == "done":
        typer.echo(f"deleted: {outcome.rows} row(s) changed; logged in the inventory")
    else:
        kept = "nothing was changed"
        if execute and outcome.rows:  # databases before the failing one were committed
            kept = f"its database was rolled back; {outcome.rows} row(s) before it stay deleted"
        elif execute:
            kept = "rolled back: nothing was changed"
        raise CliError(f"{outcome.status}: {outcome.message}; {kept}", code=1)


def _confirm(session, plan, plan_file: Path, prefix: str, confirm: str | None, by) -> None:
    """The subject's fingerprint prefix (or DELETE), typed or from --confirm; a refusal is
    logged and ends the command."""
    token = confirm if confirm is not None else _ask(prefix)
    if token is None or token.strip() not in (prefix, "DELETE"):
        reason = "no answer (stdin closed)" if token is None else "wrong answer"
        session.log(
            by,
            "delete",
            plan["subject"],
            "not_confirmed",
            {"plan": str(plan_file.resolve()), "digest": plan["digest"], "why": reason},
        )
        hint = f"; use --yes --confirm {prefix}" if token is None else ""
        raise CliError(f"not confirmed ({reason}): nothing was deleted{hint}", code=1)


def _outcome_record(plan, plan_file: Path, outcome, execute: bool) -> dict:
    """What the inventory's request log keeps of a deletion run (no values)."""
    return {
        "plan": str(plan_file.resolve()),
        "digest": plan["digest"],
        "executed": execute,
        "rows": outcome.rows,
        "message": outcome.message,
        "steps": [
            {"source": s.source, "step": s.step, "table": s.table, "action": s.action,
             "status": s.status, "rows": s.rows}
            for s in outcome.steps
        ],
    }  # fmt: skip


def _print_steps(outcome, plan, execute: bool) -> None:
    """Each database step with what it did (or would do), then the files to redact."""
    for s in outcome.steps:
        key = ", ".join(f"{k}={v}" for k, v in s.key.items())
        state = (
            f"REFUSED: {s.reason}"
            if s.status == "refused"
            else f"{s.rows} row(s)"
            if execute
            else "still matches"
        )
        typer.echo(f"{s.source} step {s.step}: {s.action} {s.table} [{key}]: {state}")
    for entry in plan["files"]:
        where = ", ".join(f"{k}={v}" for k, v in entry["location"].items())
        typer.echo(f"{entry['source']}: redact by hand: {where}")


def _ask(prefix: str) -> str | None:
    """The typed confirmation; None when there is nobody to ask (stdin closed or at EOF)."""
    import sys

    import click

    if sys.stdin is None or sys.stdin.closed:
        return None
    try:
        return typer.prompt(
            f"Type {prefix} or DELETE to delete subject {prefix}'s rows",
            default="",
            show_default=False,
        )
    except (EOFError, RuntimeError, click.exceptions.Abort):
        return None


def register(app: typer.Typer) -> None:
    app.command("find-subject")(find_subject)
    subject_app.command("index")(index)
    subject_app.command("export")(export)
    subject_app.command("plan-delete")(plan_delete)
    subject_app.command("delete")(delete)
    app.add_typer(subject_app)
