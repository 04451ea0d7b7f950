"""Real-schema benchmark: column-level accuracy on real applications' schemas.

    python -m bench.real_schema_bench --eccube4 PATH [--orangehrm PATH] [--aipo PATH]
                                      [--zencart PATH] [--frevocrm PATH] [--opencart PATH]
                                      [--rows 200] [--errors] [--json OUT]

Each PATH is a fetched snapshot (the bare git directory the search tool's ``fetch`` leaves
under /work/.mirror/, or a checkout) of the application (see ``bench/real_schemas.py``
for which repository and which files). Nothing fetched is committed; the benchmark reads
the schema (and the shipped master rows) at run time, builds it in SQLite, fills every
column by its meaning (Faker ``ja_JP``, seeded), scans it with ``DatabaseSource`` (fast
detector, sample mode) and prints column-level precision / recall / F1 over
(table.column, entity) pairs, per application and per entity. Only personal entities
count; cross-reference (容易照合性) findings on key columns are listed apart.

Target: column F1 >= 0.97 on every application.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from bench.db_bench import Counts
from bench.real_schemas import (
    APPLICATIONS,
    MEANINGS,
    Application,
    Filler,
    TableDef,
    meaning_of,
    neutral_value,
)
from connectors.database.config import DatabaseSourceConfig
from connectors.database.source import DatabaseSource
from scanner.entities import is_personal
from scanner.scan.runner import Runner

F1_TARGET = 0.97
SEED = 20261201
_SQL = {
    "int": sa.Integer, "decimal": sa.Numeric(12, 2), "str": sa.String(255), "text": sa.Text,
    "date": sa.Date, "datetime": sa.DateTime, "bool": sa.SmallInteger, "blob": sa.LargeBinary,
}  # fmt: skip


def build(app: Application, tables: list[TableDef], path: Path, rows: int) -> dict[str, list[str]]:
    """Write the database; return the truth: ``"table.column"`` -> entities."""
    path.unlink(missing_ok=True)
    engine = sa.create_engine(f"sqlite:///{path}")
    md = sa.MetaData()
    filler = Filler(SEED)
    truth: dict[str, list[str]] = {}
    payload: list[tuple[sa.Table, list[dict]]] = []
    for t in tables:
        if not t.columns:
            continue
        columns = [sa.Column(c.name, _SQL[c.kind], primary_key=c.primary_key) for c in t.columns]
        table = sa.Table(t.name, md, *columns)
        meanings = {c.name: meaning_of(app.rules, t.name, c.name) for c in t.columns}
        # the application's own master rows, unless the rules say what the table holds
        explicit = any(t.name in rule.table.split(",") for rule in app.rules)
        if t.rows is not None and not explicit:
            data = [{c.name: r.get(c.name) for c in t.columns} for r in t.rows]
            for c in t.columns:
                truth[f"{t.name}.{c.name}"] = []
        else:
            data = []
            for i in range(1, rows + 1):
                row: dict = {}
                for c in t.columns:
                    meaning = meanings[c.name]
                    if meaning is None or c.primary_key:
                        row[c.name] = neutral_value(filler, c, i)
                    else:
                        row[c.name] = MEANINGS[meaning][1](filler, row)
                data.append({k: v for k, v in row.items() if not k.startswith("_")})
            for c in t.columns:
                meaning = meanings[c.name]
                entities = MEANINGS[meaning][0] if meaning and not c.primary_key else ()
                truth[f"{t.name}.{c.name}"] = list(entities)
        payload.append((table, data))
    md.create_all(engine)
    with engine.begin() as conn:
        for table, data in payload:
            if data:
                conn.execute(table.insert(), [_typed(table, r) for r in data])
    engine.dispose()
    return truth


def _typed(table: sa.Table, row: dict) -> dict:
    """Master rows come as text; SQLite keeps them, but typed columns want numbers."""
    out = {}
    for name, value in row.items():
        column = table.c[name]
        if isinstance(value, str) and isinstance(column.type, sa.Integer | sa.SmallInteger):
            value = int(value) if value.lstrip("-").isdigit() else None
        elif isinstance(value, str) and isinstance(column.type, sa.Numeric):
            try:
                value = float(value)
            except ValueError:
                value = None
        elif isinstance(value, str) and isinstance(column.type, sa.Date | sa.DateTime):
            value = None  # shipped timestamps are not what this benchmark measures
        elif isinstance(value, str) and isinstance(column.type, sa.LargeBinary):
            value = value.encode()
        out[name] = value
    return out


def scan(path: Path, detector, sample_size: int):
    config = DatabaseSourceConfig(type="database", name="real", url=f"sqlite:///{path}",
                                  sample_size=sample_size)  # fmt: skip
    source = DatabaseSource(config)
    runner = Runner(detector, None)
    results = [runner.run(source, unit) for unit in source.work_units()]
    cross = runner.finalize(source, results)
    source.close()
    predicted: dict[str, set[str]] = {}
    reasons: dict[tuple[str, str], str] = {}
    for result in results:
        for f in result.findings:
            if is_personal(f.entity):
                key = f"{f.location['table']}.{f.location['column']}"
                predicted.setdefault(key, set()).add(f.entity)
                reasons[key, f.entity] = "; ".join(f.evidence.get("reasons", []))
    errors = [f"{e.location} {e.kind}" for r in results for e in r.errors]
    links = sorted(f"{f.location['table']}.{f.location['column']}" for f in cross)
    return predicted, reasons, links, errors


def score(truth: dict[str, list[str]], predicted: dict[str, set[str]]) -> dict:
    gold = {(c, e) for c, es in truth.items() for e in es}
    pred = {(c, e) for c, es in predicted.items() for e in es}
    per_entity: dict[str, Counts] = {}
    for c, e in gold | pred:
        counts = per_entity.setdefault(e, Counts())
        if (c, e) in gold and (c, e) in pred:
            counts.tp += 1
        elif (c, e) in pred:
            counts.fp += 1
        else:
            counts.fn += 1
    return {
        "columns": len(truth),
        "personal_columns": sum(1 for es in truth.values() if es),
        "pairs": Counts(len(gold & pred), len(pred - gold), len(gold - pred)),
        "per_entity": dict(sorted(per_entity.items())),
        "mistakes": sorted(
            [("FP", c, e) for c, e in pred - gold] + [("FN", c, e) for c, e in gold - pred]
        ),
    }


def _line(label: str, c: Counts) -> str:
    return (f"  {label:<22} {c.tp:>4} {c.fp:>4} {c.fn:>4}  {c.precision:>6.3f} {c.recall:>6.3f} "
            f"{c.f1:>6.3f}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    for key, app in APPLICATIONS.items():
        parser.add_argument(f"--{key}", type=Path, help=f"{app.name} snapshot ({app.how_to_get})")
    parser.add_argument("--rows", type=int, default=200, help="generated rows per table")
    parser.add_argument("--sample-size", type=int, default=1000)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--errors", action="store_true", help="list every mistake")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--errors-all", action="store_true", help="with --errors: every finding")
    args = parser.parse_args(argv)
    chosen = [(k, a) for k, a in APPLICATIONS.items() if getattr(args, k) is not None]
    if not chosen:
        parser.error("give at least one application snapshot, e.g. --eccube4 PATH")
    workdir = args.workdir or Path(tempfile.gettempdir()) / "kojin-real-schema-bench"
    workdir.mkdir(parents=True, exist_ok=True)
    from scanner.detect.detector import Detector

    detector = Detector(mode="fast").load()
    out: dict[str, dict] = {}
    total = Counts()
    print("\nKojin real-schema benchmark (column level, personal entities only)")
    for key, app in chosen:
        started = time.perf_counter()
        tables = app.load(getattr(args, key))
        path = workdir / f"{key}.sqlite3"
        truth = build(app, tables, path, args.rows)
        predicted, reasons, links, errors = scan(path, detector, args.sample_size)
        sc = score(truth, predicted)
        elapsed = time.perf_counter() - started
        print(f"\n== {app.name}: {len(tables)} tables, {sc['columns']} columns, "
              f"{sc['personal_columns']} personal; {elapsed:.1f} s ==")  # fmt: skip
        print(f"  {'entity':<22} {'TP':>4} {'FP':>4} {'FN':>4}  {'P':>6} {'R':>6} {'F1':>6}")
        for entity, c in sc["per_entity"].items():
            print(_line(entity, c))
        print(_line("ALL (column, entity)", sc["pairs"]))
        if args.errors:
            if args.errors_all:
                for (column, entity), why in sorted(reasons.items()):
                    print(f"   found {column}: {entity}  [{why}]")
            for kind, column, entity in sc["mistakes"]:
                why = reasons.get((column, entity), "")
                print(f"   {kind} {column}: {entity}" + (f"  [{why}]" if why else ""))
            if links:
                print(f"   cross-reference keys: {', '.join(links[:12])}"
                      + (" ..." if len(links) > 12 else ""))  # fmt: skip
        for message in errors:
            print(f"   scan error: {message}")
        for field in ("tp", "fp", "fn"):
            setattr(total, field, getattr(total, field) + getattr(sc["pairs"], field))
        out[key] = {
            "pairs": sc["pairs"].to_dict(),
            "per_entity": {e: c.to_dict() for e, c in sc["per_entity"].items()},
            "mistakes": sc["mistakes"],
            "cross_reference_keys": links,
        }
        path.unlink(missing_ok=True)
    print()
    print(_line("ALL applications", total))
    met = all(v["pairs"]["f1"] >= F1_TARGET for v in out.values())
    print(f"target: column F1 >= {F1_TARGET} on every application: {'met' if met else 'MISSED'}")
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    if __package__ in (None, ""):
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    raise SystemExit(main())
