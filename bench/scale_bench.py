"""Scale-out benchmark: one generated file share scanned serially, with 2 worker processes
and on a Dask LocalCluster of 2 workers, in one run.

Prints wall time, speed-up over serial, Dask's per-unit overhead against the process
pool, and checks that every executor produced the same findings. Times are end to end
(`run_scan`, including starting the pool or cluster and loading a detector per worker),
as a user would see them.

    python bench/scale_bench.py [--copies 16] [--big-logs 16] [--files-per-unit 8]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")


def _config(root: Path, files_per_unit: int):
    from scanner.config import parse_config

    text = (
        f'[[sources]]\ntype = "files"\nname = "share"\nroot = "{root}"\n'
        f"files_per_unit = {files_per_unit}\n"
    )
    return parse_config(text, root)


def _timed(config, out: Path, executor: str, workers: int) -> tuple[float, object]:
    import secrets

    from scanner.fingerprint import Fingerprinter
    from scanner.scan.options import ScanOptions
    from scanner.scan.pipeline import Pipeline

    options = ScanOptions(out, executor=executor, workers=workers)
    fingerprinter = Fingerprinter(secrets.token_bytes(32))  # a throw-away key: no inventory
    started = time.perf_counter()
    outcome = Pipeline(config, fingerprinter=fingerprinter).scan(options)
    return time.perf_counter() - started, outcome


def _dask_startup(workers: int) -> float:
    """Seconds to start a LocalCluster and load a detector on each worker."""
    from distributed import Client, LocalCluster

    from scanner.scan.executors import _init_worker

    settings = {"mode": "fast", "entities": None, "threshold": 0.5}
    started = time.perf_counter()
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = Client(cluster)
    client.run(_init_worker, settings)
    elapsed = time.perf_counter() - started
    client.close()
    cluster.close()
    return elapsed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=16, help="documents per format variant")
    parser.add_argument("--big-logs", type=int, default=16, help="~2.5 MB logs")
    parser.add_argument("--files-per-unit", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path, help="write the figures as JSON")
    args = parser.parse_args(argv)

    from bench.files_corpus import generate

    with tempfile.TemporaryDirectory(prefix="kojin-scale-") as tmp:
        root = Path(tmp) / "share"
        files = [f for f in generate(args.copies, big_logs=args.big_logs) if f.entities is not None]
        for f in files:
            path = root / f.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(f.data)
        size = sum(len(f.data) for f in files)
        config = _config(root, args.files_per_unit)
        print(f"share: {len(files)} files, {size / 1e6:.1f} MB; files per unit "
              f"{args.files_per_unit}; machine: {os.cpu_count()} CPUs")  # fmt: skip
        figures: dict[str, object] = {"files": len(files), "bytes": size}
        findings: dict[str, str] = {}
        for executor, workers in (("serial", 1), ("processes", args.workers),
                                  ("dask", args.workers)):  # fmt: skip
            out = Path(tmp) / executor
            wall, outcome = _timed(config, out, executor, workers)
            units = sum(s.units for s in outcome.sources)
            findings[executor] = (out / "findings.jsonl").read_text()
            figures[executor] = {"wall_s": round(wall, 2), "units": units,
                                 "findings": len(outcome.findings),
                                 "errors": len(outcome.errors)}  # fmt: skip
            print(f"{executor:10s} workers {workers}  wall {wall:7.1f} s  units {units}  "
                  f"findings {len(outcome.findings)}  errors {len(outcome.errors)}")  # fmt: skip
        serial = figures["serial"]["wall_s"]
        proc = figures["processes"]["wall_s"]
        dask = figures["dask"]["wall_s"]
        units = figures["serial"]["units"]
        same = findings["serial"] == findings["processes"] == findings["dask"]
        figures["speedup_processes"] = round(serial / proc, 2)
        figures["speedup_dask"] = round(serial / dask, 2)
        startup = _dask_startup(args.workers)
        figures["dask_startup_s"] = round(startup, 2)
        figures["dask_overhead_per_unit_ms"] = round((dask - proc) / units * 1000 * args.workers, 1)
        figures["dask_overhead_per_unit_ms_after_startup"] = round(
            (dask - startup - proc) / units * 1000 * args.workers, 1
        )
        figures["identical_findings"] = same
        print(f"speed-up over serial: processes {serial / proc:.2f}x, dask {serial / dask:.2f}x "
              f"(target >= 1.8x with 2 workers)")  # fmt: skip
        print(
            f"Dask overhead vs the process pool: {figures['dask_overhead_per_unit_ms']} ms "
            "per unit per worker (cluster start-up included)"
        )
        print(f"Dask LocalCluster start-up with a detector per worker: {startup:.1f} s; "
              f"overhead after start-up: {figures['dask_overhead_per_unit_ms_after_startup']} "
              "ms per unit per worker")  # fmt: skip
        print(f"identical findings across executors: {same}")
        if args.json:
            args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
