"""``kojin detect``: run the detector on text, stdin or a file of lines / JSONL."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from scanner.cli.errors import CliError
from scanner.detect.modes import Mode

BATCH_LINES = 500


class OutputFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


def _decode(data: bytes, origin: str) -> str:
    for encoding in ("utf-8-sig", "cp932", "euc_jp"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CliError(f"{origin}: cannot decode the input (tried UTF-8, Shift_JIS, EUC-JP)")


def _records(text: str) -> Iterator[tuple[str, str]]:
    """(id, text) per non-empty line; JSONL lines {"id", "text"} keep their id."""
    lines = text.splitlines()
    nonblank = [ln for ln in lines if ln.strip()]
    is_jsonl = bool(nonblank) and all(ln.lstrip().startswith("{") for ln in nonblank)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if is_jsonl:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CliError(f"line {number}: not valid JSON ({exc.msg})") from None
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise CliError(f'line {number}: a JSONL record needs a "text" string')
            yield str(obj.get("id", number)), obj["text"]
        else:
            yield str(number), line


def _print_table(rows: list[tuple[str, list[dict]]], show_values: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for col in ("id", "entity", "category", "span", "score", "value" if show_values else "excerpt",
                "why"):  # fmt: skip
        table.add_column(col)
    found = 0
    for record_id, findings in rows:
        for f in findings:
            found += 1
            table.add_row(
                record_id, f["entity"], f["category"], f"{f['start']}-{f['end']}",
                f"{f['score']:.2f}", f["excerpt"], "; ".join(f["reasons"]),
            )  # fmt: skip
    console = Console()
    if found:
        console.print(table)
    console.print(f"{found} finding(s) in {len(rows)} text(s)")


def detect(
    text: Annotated[
        str | None, typer.Argument(help='Text to scan, or "-" to read standard input.')
    ] = None,
    input_file: Annotated[
        Path | None,
        typer.Option("--input", "-i", help="File of plain lines or JSONL {id, text}."),
    ] = None,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option("--format", "-f", help="table (default on a terminal) or jsonl."),
    ] = None,
    mode: Annotated[Mode, typer.Option(help="fast: no neural network; deep: adds GiNZA NER.")] = (
        Mode.fast
    ),
    entities: Annotated[
        str | None, typer.Option(help="Comma-separated entities, e.g. PERSON,PHONE_NUMBER.")
    ] = None,
    threshold: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Minimum score of a finding.")
    ] = 0.5,
    show_values: Annotated[
        bool, typer.Option("--show-values", help="Print raw matched values (off by default).")
    ] = False,
) -> None:
    """Find personal information in text; offsets are into the original text."""
    from scanner.detect.detector import Detector
    from scanner.entities import parse_entities

    if (text is None) == (input_file is None):
        raise CliError('give TEXT, "-" for standard input, or --input FILE (exactly one)')
    try:
        parse_entities(entities)
    except ValueError as exc:
        raise CliError(str(exc)) from None

    if input_file is not None:
        try:
            data = input_file.read_bytes()
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise CliError(f"{input_file}: cannot read ({reason})") from None
        records = list(_records(_decode(data, str(input_file))))
    elif text == "-":
        records = list(_records(_decode(sys.stdin.buffer.read(), "stdin")))
    else:
        records = [("1", text)]

    fmt = output_format or (OutputFormat.table if sys.stdout.isatty() else OutputFormat.jsonl)
    detector = Detector(mode=mode.value, entities=entities, threshold=threshold)
    table_rows: list[tuple[str, list[dict]]] = []
    for i in range(0, len(records), BATCH_LINES):
        batch = records[i : i + BATCH_LINES]
        results = detector.analyze_batch([t for _, t in batch])
        for (record_id, _), detections in zip(batch, results, strict=True):
            findings = [d.to_public(show_values=show_values) for d in detections]
            if fmt is OutputFormat.jsonl:
                sys.stdout.write(
                    json.dumps({"id": record_id, "findings": findings}, ensure_ascii=False) + "\n"
                )
            else:
                table_rows.append((record_id, findings))
    if fmt is OutputFormat.table:
        _print_table(table_rows, show_values)


def register(app: typer.Typer) -> None:
    app.command("detect")(detect)
