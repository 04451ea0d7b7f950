"""Inventory and report benchmark: judge and store 100,000 findings, render every report.

    python bench/inventory_bench.py [--findings 100000] [--url URL] [--workdir DIR] [--json OUT]

Findings are synthetic but shaped like a large scan's: database columns (rows sampled and
matched, sampling evidence) and file findings (counts, places), masked examples and three
HMAC fingerprints each, spread over a few thousand tables and folders so that some fall in
the example config's catalog assets and most do not. Prints the time to judge them with
the example catalog, to store them as one run (SQLite by default, any inventory URL with
--url), to read the run back as report data, and to write each report, with its size.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a script: make `scanner`, `reports` importable
    sys.path.insert(0, str(ROOT))

from reports.model import load_report_data  # noqa: E402
from reports.writer import write_report  # noqa: E402
from scanner.catalog.verdicts import Judge  # noqa: E402
from scanner.config import load_config  # noqa: E402
from scanner.findings import Finding, ScanError  # noqa: E402
from scanner.fingerprint import Fingerprinter  # noqa: E402
from scanner.inventory.records import JudgedFinding, NewRun, SourceRecord  # noqa: E402
from scanner.inventory.store import Inventory  # noqa: E402

SEED = 20240601
DB_TABLES = ("dtb_customer", "dtb_order", "dtb_shipping", "dtb_contact", "顧客台帳", "kokyaku",
             "dtb_partner", "hr_employee", "t_k001")  # fmt: skip
FOLDERS = ("人事", "mail", "営業/顧客", "logs", "old", "archive", "共有/案件")
ENTITIES = ("PERSON", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS", "DATE_OF_BIRTH", "EMPLOYER",
            "JP_MY_NUMBER", "JP_CORPORATE_NUMBER")  # fmt: skip
EXAMPLES = {"PERSON": "山田 **", "ADDRESS": "東京都渋谷区渋谷********", "PHONE_NUMBER":
            "090-****-5678", "EMAIL_ADDRESS": "t***@example.co.jp", "DATE_OF_BIRTH": "****-**-**",
            "EMPLOYER": "吉***社", "JP_MY_NUMBER": "********9018",
            "JP_CORPORATE_NUMBER": "8700110005901"}  # fmt: skip


def synthetic_findings(n: int, fingerprinter: Fingerprinter) -> list[Finding]:
    rng = random.Random(SEED)
    out: list[Finding] = []
    for i in range(n):
        entity = rng.choice(ENTITIES)
        prints = fingerprinter.fingerprints(entity, [f"{entity}-{i}-{k}" for k in range(3)])
        examples = (EXAMPLES[entity],) * rng.randint(1, 3)
        if i % 2:
            shard = i // 2000
            table = f"{rng.choice(DB_TABLES)}" if shard == 0 else f"{rng.choice(DB_TABLES)}_{shard}"
            sampled = 1000
            out.append(Finding(
                "shop-db", {"schema": "main", "table": table, "column": f"c{i % 997:03d}"}, entity,
                round(rng.uniform(0.5, 1.0), 3),
                evidence={"column_name": "hint", "detections": rng.randint(1, 1000),
                          "sampling": {"method": "random", "rows_read": sampled,
                                       "table_rows": 120_000}},
                examples=examples, rows_sampled=sampled, rows_matched=rng.randint(1, sampled),
                fingerprints=prints,
            ))  # fmt: skip
        else:
            folder = rng.choice(FOLDERS)
            path = f"{folder}/{i // 50:05d}/file_{i}.xlsx"
            out.append(Finding(
                "file-share", {"path": path, "sheet": "Sheet1", "column": "氏名"}, entity,
                round(rng.uniform(0.5, 1.0), 3),
                evidence={"recognizers": {"JpPersonRecognizer": 3}, "chunks": 2,
                          "places": [{"line": rng.randint(1, 500)}]},
                examples=examples, count=rng.randint(1, 200), fingerprints=prints,
            ))  # fmt: skip
    return out


def timed(label: str, results: dict, fn):
    start = time.perf_counter()
    value = fn()
    results[label] = round(time.perf_counter() - start, 2)
    print(f"{label:<28} {results[label]:>8.2f} s", flush=True)
    return value


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=100_000)
    parser.add_argument("--url", help="inventory URL (default: a SQLite file in --workdir)")
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args(argv)

    config = load_config(ROOT / "config.example.toml")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kojin-inventory-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    config.inventory.url = args.url
    config.inventory.path = work / "inventory.sqlite3"
    config.inventory.path.unlink(missing_ok=True)
    fingerprinter = Fingerprinter(b"bench-key")
    findings = synthetic_findings(args.findings, fingerprinter)
    errors = [ScanError("file-share", {"path": f"broken/{i}.xlsx"}, "corrupt", "BadZipFile")
              for i in range(200)]  # fmt: skip
    print(f"{len(findings):,} findings, {len(errors)} errors; work dir {work}")
    print(f"python {platform.python_version()} on {platform.machine()}")

    results: dict = {"findings": len(findings)}
    judge = Judge(config.catalog, fingerprinter)
    judged = timed("judge", results,
                   lambda: [JudgedFinding(f, judge.judge(f)) for f in findings])  # fmt: skip
    catalog = config.catalog.model_dump(mode="json")
    new_run = NewRun("bench", "2024-06-01T00:00:00+00:00", "2024-06-01T01:00:00+00:00", None,
                     "bench", catalog, {"kojin": "bench"}, {})  # fmt: skip
    sources = [SourceRecord("shop-db", "database", "ok", 1, 1, 0, 0),
               SourceRecord("file-share", "files", "partial", 1, 1, 0, 200)]  # fmt: skip
    with Inventory.open(config.inventory) as inventory:
        timed("store (one run)", results,
              lambda: inventory.record_run(new_run, judged, errors, sources))  # fmt: skip
        data = timed("read back as report data", results, lambda: load_report_data(inventory))
    sizes = {}
    for fmt in ("html", "xlsx", "csv", "json"):
        path = work / f"report.{fmt}"
        timed(f"report {fmt}", results, lambda fmt=fmt, path=path: write_report(data, fmt, path))
        sizes[fmt] = path.stat().st_size
        print(f"{'':<28} {sizes[fmt] / 1e6:>8.1f} MB")
    results["sizes_bytes"] = sizes
    results["ledger_rows"] = len(data.ledger)
    if config.inventory.url is None:
        results["inventory_bytes"] = config.inventory.path.stat().st_size
        print(f"{'inventory (SQLite)':<28} {results['inventory_bytes'] / 1e6:>8.1f} MB")
    print(f"{'ledger rows':<28} {len(data.ledger):>8,}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


if __name__ == "__main__":
    main()
