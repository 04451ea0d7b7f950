"""Incremental rescan benchmark: a generated share scanned, rescanned unchanged, rescanned
with one file changed, as ``kojin scan`` does it (previous state from the inventory, the
run recorded in it).

Prints the first scan's time, the unchanged rescan's time and its share of the first,
how many files each run read and carried, and whether the rescans' findings equal the
first scan's. Times are end to end (load the previous state, plan, scan, record the run).

    python bench/incremental_bench.py [--files 10000] [--workers 2] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

#: the corpus documents small enough that 10,000 of them scan in minutes, not hours
MAX_FILE_BYTES = 6_000


def _share(root: Path, count: int) -> int:
    """``count`` files: the file bench's small documents (every format), cycled in folders."""
    from bench.files_corpus import generate

    docs = [f for f in generate(2, big_logs=0) if f.entities and len(f.data) <= MAX_FILE_BYTES]
    size = 0
    for i in range(count):
        doc = docs[i % len(docs)]
        path = root / f"dept{i // 500:02d}" / f"{i:05d}-{doc.path.replace('/', '_')}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(doc.data)
        size += len(doc.data)
    return size


def _scan(config, out: Path, workers: int, since_last: bool):
    from scanner.inventory.recorder import record_scan
    from scanner.inventory.store import Inventory
    from scanner.scan.driver import run_scan

    load_before = os.getloadavg()[0]
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    previous = None
    if since_last and config.inventory.path.exists():
        with Inventory.open(config.inventory) as inventory:
            previous = inventory.previous_scan()
    outcome = run_scan(config, out, executor="processes", workers=workers, previous=previous)
    run = record_scan(config, outcome).run
    elapsed = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_before
    stored, referenced = _rows(config, run.pk)
    [status] = outcome.sources
    identities = sorted(
        json.dumps([f.location.to_dict(), f.entity], sort_keys=True) for f in outcome.findings
    )
    return {
        "seconds": round(elapsed, 2),
        # CPU of this process and its finished workers: less moved by the other jobs' load
        "cpu_seconds": round(cpu, 2),
        "read": status.stats.get("items_read", 0),
        "carried": status.stats.get("items_carried", 0),
        "findings": len(outcome.findings),
        "rows_stored": stored,
        "rows_referenced": referenced,
        # the 1-minute load average before and after: the machine is shared
        "load": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }, identities


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _rows(config, run_pk: int) -> tuple[int, int]:
    """The finding rows the run stored and those it points at (unchanged items')."""
    import sqlalchemy as sa

    from scanner.inventory import schema as t
    from scanner.inventory.store import Inventory

    count = sa.func.count()
    with Inventory.open(config.inventory) as inventory, inventory.engine.connect() as conn:
        own = conn.execute(sa.select(count).where(t.findings.c.run_pk == run_pk)).scalar()
        refs = conn.execute(sa.select(count).where(t.finding_refs.c.run_pk == run_pk)).scalar()
    return own, refs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path, help="write the figures as JSON")
    args = parser.parse_args(argv)

    from scanner.config import parse_config

    os.environ.setdefault("KOJIN_HMAC_KEY", "bench-0123456789abcdef0123456789abcdef")
    with tempfile.TemporaryDirectory(prefix="kojin-incremental-") as tmp:
        root = Path(tmp) / "share"
        size = _share(root, args.files)
        text = f'[[sources]]\ntype = "files"\nname = "share"\nroot = "{root}"\n'
        config = parse_config(text, Path(tmp))
        out = Path(tmp) / "out"
        first, ids_first = _scan(config, out, args.workers, since_last=False)
        unchanged, ids_unchanged = _scan(config, out, args.workers, since_last=True)
        victim = next(p for p in sorted(root.rglob("*.txt")))
        with victim.open("a", encoding="utf-8") as fh:
            fh.write("追記 連絡先 090-8765-4321\n")
        one, ids_one = _scan(config, out, args.workers, since_last=True)
    figures = {
        "files": args.files,
        "megabytes": round(size / 1e6, 1),
        "workers": args.workers,
        "first": first,
        "unchanged_rescan": unchanged,
        "one_changed_rescan": one,
        "unchanged_share_of_first": round(unchanged["seconds"] / first["seconds"], 4),
        "unchanged_cpu_share_of_first": round(
            unchanged["cpu_seconds"] / max(first["cpu_seconds"], 1e-9), 4
        ),
        "unchanged_findings_equal": ids_unchanged == ids_first,
        "one_changed_findings_superset": set(ids_first) <= set(ids_one),
    }
    print(
        f"{args.files} files ({figures['megabytes']} MB), {args.workers} workers\n"
        f"first scan:          {first['seconds']:8.2f} s  read {first['read']}, "
        f"{first['findings']} findings (CPU {first['cpu_seconds']} s; load {first['load']})\n"
        f"unchanged rescan:    {unchanged['seconds']:8.2f} s  read {unchanged['read']}, "
        f"carried {unchanged['carried']} "
        f"({figures['unchanged_share_of_first']:.1%} of the first scan; findings equal: "
        f"{figures['unchanged_findings_equal']}; rows stored {unchanged['rows_stored']}, "
        f"referenced {unchanged['rows_referenced']}; CPU {unchanged['cpu_seconds']} s = "
        f"{figures['unchanged_cpu_share_of_first']:.1%} of the first's; "
        f"load {unchanged['load']})\n"
        f"one file changed:    {one['seconds']:8.2f} s  read {one['read']}, "
        f"carried {one['carried']} (CPU {one['cpu_seconds']} s; load {one['load']})"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
