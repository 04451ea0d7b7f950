"""Files benchmark: a generated share in every format and encoding, scanned end to end.

    python bench/files_bench.py [--copies N] [--big-logs N] [--scale K] [--workers N]
                                [--skip-peer] [--peer-chars N] [--keep DIR] [--json OUT]

``--scale K`` multiplies both ``--copies`` and ``--big-logs`` (the same mix of formats,
K times larger): ``--scale 100`` writes a share of about 1 GB.

Reports file-level precision / recall / F1 over (file, entity) pairs (a file's truth is
the set of personal entity kinds planted in it; a prediction is the set of personal
entity kinds among its findings), per-format results, throughput on one core (MB/s and
files/s of the scan, detector already loaded), the speed-up with ``--workers`` processes
(each loads the detector once, in the pool initialiser, before timing starts), the
presidio + GiNZA peer's time for the same extracted text (measured on a prefix, scaled
to the share), and what happened to every hostile file (none may crash the scan).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a script: make `bench`, `connectors`, `tests` importable
    sys.path.insert(0, str(ROOT))

WARM_UP = "山田太郎様 090-1234-5678"


def _pin(cpus: set[int] | None) -> set[int] | None:
    """Restrict this process to ``cpus`` (None: leave it); returns the previous set."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    before = os.sched_getaffinity(0)
    if cpus is not None:
        os.sched_setaffinity(0, cpus)
    return before


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f1}


def score(truth: dict[str, list[str] | None], found: dict[str, set[str]]) -> dict:
    pairs = Counter()
    files = Counter()
    by_format: dict[str, Counter] = defaultdict(Counter)
    misses = []
    for path, expected in truth.items():
        if expected is None:
            continue
        got = found.get(path, set())
        want = set(expected)
        fmt = path.split("/", 1)[0]
        for key, n in (("tp", len(got & want)), ("fp", len(got - want)), ("fn", len(want - got))):
            pairs[key] += n
            by_format[fmt][key] += n
        files["tp" if got and want else "fp" if got else "fn" if want else "tn"] += 1
        if got != want:
            misses.append(
                {"path": path, "missing": sorted(want - got), "extra": sorted(got - want)}
            )
    return {
        "pairs": _prf(pairs["tp"], pairs["fp"], pairs["fn"]),
        "files": {**_prf(files["tp"], files["fp"], files["fn"]), "tn": files["tn"]},
        "by_format": {k: _prf(v["tp"], v["fp"], v["fn"]) for k, v in sorted(by_format.items())},
        "mismatches": misses,
    }


def scan_serial(config, detector) -> tuple[float, list, float]:
    """(wall seconds, unit results, CPU seconds) of a one-core scan."""
    from connectors.files.source import FilesSource
    from scanner.scan.runner import Runner

    source = FilesSource(config)
    runner = Runner(detector, None)
    started, cpu = time.perf_counter(), time.process_time()
    results = [runner.run(source, unit) for unit in source.work_units()]
    return time.perf_counter() - started, results, time.process_time() - cpu


def _finding_keys(results: list) -> list[str]:
    """Every finding of a scan as canonical JSON, sorted: equal lists, equal findings."""
    return sorted(
        json.dumps(f.to_json_dict(), sort_keys=True, ensure_ascii=False, default=str)
        for r in results
        for f in r.findings
    )


def _warm(_: int) -> int:
    time.sleep(1.0)
    return os.getpid()


def scan_parallel(config, settings: dict, workers: int) -> tuple[float, list, int]:
    """Wall time of the units on a warm pool (detectors loaded in the initialiser)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from connectors.files.source import FilesSource
    from scanner.scan.executors import Task, _init_worker, run_task_in_worker

    source = FilesSource(config)
    units = list(source.work_units())
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, context, _init_worker, (settings,)) as pool:
        pids = set(pool.map(_warm, range(workers)))
        started = time.perf_counter()
        futures = [pool.submit(run_task_in_worker, Task(config, u), settings) for u in units]
        results = [f.result() for f in futures]
        elapsed = time.perf_counter() - started
    return elapsed, results, len(pids)


def extracted_texts(config) -> list[str]:
    """The text the scan gives the detector (table cells joined per row), for the peer."""
    from connectors.files.crawler import open_regular
    from connectors.files.dispatch import extract_document
    from connectors.files.extractors.base import (
        ExtractContext,
        ExtractReport,
        TableBlock,
        TextBudget,
        TextChunk,
    )
    from connectors.files.limits import ExpansionBudget, ScanLimits
    from connectors.files.source import FilesSource

    limits = ScanLimits.from_config(config)
    source = FilesSource(config)
    texts: list[str] = []
    for unit in source.work_units():
        for entry in unit.payload["files"]:
            if entry["size"] > limits.max_file_bytes or entry["display"].startswith("hostile/"):
                continue
            ctx = ExtractContext(
                limits,
                ExtractReport(),
                entry["display"],
                expansion=ExpansionBudget(limits.archive_max_expanded_bytes),
                budget=TextBudget(limits.text_budget_chars),
            )
            with open_regular(source.absolute_path(entry), False) as stream:
                for item in extract_document(stream, ctx):
                    if isinstance(item, TextChunk):
                        texts.append(item.text)
                    elif isinstance(item, TableBlock):
                        texts.append("\n".join("\t".join(c or "" for c in r) for r in item.rows))
    return texts


def time_peer(texts: Sequence[str], budget_chars: int) -> dict[str, float]:
    from bench.peer import Peer

    started = time.perf_counter()
    peer = Peer.load()
    peer.analyze(WARM_UP)
    load_s = time.perf_counter() - started
    sample: list[str] = []
    size = 0
    for text in texts:
        if size >= budget_chars:
            break
        piece = text[: budget_chars - size]
        sample.append(piece)
        size += len(piece)
    started = time.perf_counter()
    for text in sample:
        peer.analyze(text)
    elapsed = time.perf_counter() - started
    return {
        "load_s": load_s,
        "sample_chars": size,
        "sample_s": elapsed,
        "chars_per_s": size / elapsed,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4, help="documents per format variant")
    parser.add_argument("--big-logs", type=int, default=4, help="~2.5 MB logs for throughput")
    parser.add_argument("--scale", type=int, default=1,
                        help="multiply --copies and --big-logs (100: about 1 GB)")  # fmt: skip
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-peer", action="store_true")
    parser.add_argument("--peer-chars", type=int, default=12_000, help="peer sample size")
    parser.add_argument("--mode", choices=("fast", "deep"), default="fast")
    parser.add_argument("--keep", type=Path, help="write the share here and keep it")
    parser.add_argument("--json", type=Path, help="write the figures as JSON")
    args = parser.parse_args(argv)

    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    from bench.files_corpus import generate, write
    from connectors.files.config import FilesSourceConfig
    from scanner.detect.detector import Detector
    from scanner.entities import is_personal

    workdir = None
    if args.keep:
        root = args.keep
        root.mkdir(parents=True, exist_ok=True)
    else:
        workdir = tempfile.TemporaryDirectory(prefix="kojin-files-bench-")
        root = Path(workdir.name)
    truth = write(
        root, generate(copies=args.copies * args.scale, big_logs=args.big_logs * args.scale)
    )
    config = FilesSourceConfig(type="files", name="bench", root=root, files_per_unit=8)
    scored = [p for p, t in truth.items() if t is not None]
    share_bytes = sum((root / p).stat().st_size for p in scored)
    print(
        f"share: {len(truth)} files ({len(scored)} scored, {len(truth) - len(scored)} hostile), "
        f"{share_bytes / 1e6:.1f} MB scored"
    )

    everything = _pin({min(os.sched_getaffinity(0))}) if hasattr(os, "sched_getaffinity") else None
    started = time.perf_counter()
    detector = Detector(mode=args.mode).load()
    detector.analyze(WARM_UP)
    load_s = time.perf_counter() - started
    serial_s, results, serial_cpu_s = scan_serial(config, detector)
    _pin(everything)

    found: dict[str, set[str]] = defaultdict(set)
    for result in results:
        for finding in result.findings:
            if is_personal(finding.entity):
                found[finding.location["path"]].add(finding.entity)
    stats: Counter = Counter()
    for result in results:
        stats.update(result.stats)
    errors = [e for r in results for e in r.errors]
    scores = score(truth, found)
    scanned_bytes = stats["bytes"]
    figures: dict = {
        "share": {"files": len(truth), "scored_files": len(scored), "scored_mb": share_bytes / 1e6},
        "detector": {"mode": args.mode, "load_s": load_s},
        "quality": scores,
        "serial": {
            "seconds": serial_s,
            "files": stats["files"],
            "mb": scanned_bytes / 1e6,
            "mb_per_s": scanned_bytes / 1e6 / serial_s,
            "files_per_s": stats["files"] / serial_s,
            "cpu_seconds": serial_cpu_s,
            "mb_per_cpu_s": scanned_bytes / 1e6 / serial_cpu_s,
            "findings": sum(len(r.findings) for r in results),
            "findings_sha1": hashlib.sha1("\n".join(_finding_keys(results)).encode()).hexdigest(),
            "stats": dict(stats),
        },
        "hostile": sorted(
            {
                (e.location["path"], e.kind)
                for e in errors
                if e.location["path"].startswith("hostile/")
            }
        ),
        "errors_outside_hostile": [
            e.to_json_dict() for e in errors if not e.location["path"].startswith("hostile/")
        ],
    }

    if args.workers > 1:
        settings = {"mode": args.mode, "entities": None, "threshold": 0.5}
        parallel_s, presults, pids = scan_parallel(config, settings, args.workers)
        same = _finding_keys(presults) == _finding_keys(results)
        figures["parallel"] = {
            "workers": args.workers,
            "distinct_worker_pids": pids,
            "seconds": parallel_s,
            "mb_per_s": scanned_bytes / 1e6 / parallel_s,
            "speedup": serial_s / parallel_s,
            "same_findings_as_serial": same,
        }

    texts = extracted_texts(config)
    total_chars = sum(len(t) for t in texts)
    figures["text"] = {
        "chunks": len(texts),
        "chars": total_chars,
        "kojin_chars_per_s": total_chars / serial_s,
    }
    if not args.skip_peer:
        everything = (
            _pin({min(os.sched_getaffinity(0))}) if hasattr(os, "sched_getaffinity") else None
        )
        peer = time_peer(texts, args.peer_chars)
        _pin(everything)
        peer["estimated_share_s"] = total_chars / peer["chars_per_s"]
        figures["peer"] = peer

    _print(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2, default=list))
    if workdir is not None:
        workdir.cleanup()
    return 0


def _print(f: dict) -> None:
    q = f["quality"]
    pairs, files = q["pairs"], q["files"]
    print(f"detector {f['detector']['mode']}: loaded in {f['detector']['load_s']:.1f}s")
    print(
        f"(file, entity) pairs: P {pairs['precision']:.3f}  R {pairs['recall']:.3f}  "
        f"F1 {pairs['f1']:.3f}  (tp {pairs['tp']}, fp {pairs['fp']}, fn {pairs['fn']})"
    )
    print(
        f"files with personal data: P {files['precision']:.3f}  R {files['recall']:.3f}  "
        f"F1 {files['f1']:.3f}  (tn {files['tn']})"
    )
    for fmt, s in q["by_format"].items():
        print(f"  {fmt:<10} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    for miss in q["mismatches"][:20]:
        print(f"  mismatch {miss['path']}: missing {miss['missing']} extra {miss['extra']}")
    s = f["serial"]
    print(
        f"one core: {s['files']} files, {s['mb']:.1f} MB in {s['seconds']:.1f}s = "
        f"{s['mb_per_s']:.2f} MB/s, {s['files_per_s']:.1f} files/s; CPU {s['cpu_seconds']:.1f}s = "
        f"{s['mb_per_cpu_s']:.2f} MB per CPU-second"
    )
    print(f"findings: {s['findings']} (sha1 of all, as JSON: {s['findings_sha1'][:12]})")
    if "parallel" in f:
        p = f["parallel"]
        print(
            f"{p['workers']} workers: {p['seconds']:.1f}s = {p['mb_per_s']:.2f} MB/s, "
            f"speed-up x{p['speedup']:.2f} (same findings: {p['same_findings_as_serial']})"
        )
    t = f["text"]
    print(
        f"extracted text: {t['chars']:,} chars in {t['chunks']} chunks; Kojin "
        f"{t['kojin_chars_per_s']:,.0f} chars/s end to end"
    )
    if "peer" in f:
        p = f["peer"]
        print(
            f"peer (presidio + ja_ginza): {p['chars_per_s']:,.0f} chars/s on "
            f"{p['sample_chars']:,} chars; the share would take ~{p['estimated_share_s']:,.0f}s "
            f"vs Kojin {s['seconds']:.1f}s (x{p['estimated_share_s'] / s['seconds']:.0f})"
        )
    print("hostile files (path, reported kind):")
    for path, kind in f["hostile"]:
        print(f"  {path}: {kind}")
    if f["errors_outside_hostile"]:
        print(f"errors outside hostile/: {len(f['errors_outside_hostile'])}")
        for e in f["errors_outside_hostile"][:10]:
            print(f"  {e}")


if __name__ == "__main__":
    raise SystemExit(main())
