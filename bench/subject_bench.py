"""Subject search benchmark: planted people found, nobody else, and how fast.

    python bench/subject_bench.py [--people 500] [--queries 100] [--live 10]
                                  [--workers 2] [--workdir DIR] [--json OUT]

Plants ``--people`` people in a SQLite shop (customers, orders, inquiries, staff) and a
file share (CSV, XLSX, a text log, an old ledger), each copy typed differently (upper-case
e-mail, the phone reformatted or in full width, a full-width space in the name, era
birthdates, old kanji forms, romaji in either order, katakana, old-form addresses; see
bench/subject_corpus.py), with namesakes. Scans it, builds the subject index, then looks
``--queries`` people up by name, kana, e-mail, phone and birthdate as a request form
gives them. Reports recall (planted copies among the strong hits) and precision (strong
hits that are that person's copies), weak hits (namesakes), and seconds per search with
the index and live (``--live`` searches without it), plus one `kojin find-subject` run
end to end (process start included). A second round asks by name, kana and address only
(no e-mail, phone or birthdate): the old ledger's copies must be strong hits through the
name's variant or reading and the folded address, and nobody else's. The index is built
serially (the scan's detector already loaded), emptied, then built again by ``--workers``
worker processes (pool start and their detectors' loading included), which must give
the same entries.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a script: make `scanner`, `bench` importable
    sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from bench.subject_corpus import config_text, hit_keys, plant  # noqa: E402
from scanner.config import parse_config  # noqa: E402
from scanner.detect.detector import Detector  # noqa: E402
from scanner.inventory.store import Inventory  # noqa: E402
from scanner.inventory.subjects import SubjectIndex  # noqa: E402
from scanner.scan.options import ScanOptions  # noqa: E402
from scanner.scan.pipeline import Pipeline  # noqa: E402
from scanner.subject.identifiers import SubjectQuery  # noqa: E402
from scanner.subject.index import build_subject_index  # noqa: E402
from scanner.subject.search import find_subject  # noqa: E402


def _score(corpus, person, result) -> tuple[int, int, int, int]:
    """(copies found, copies missed, strong hits on others, weak hits)."""
    want = corpus.copies[person.pid]
    got: set[tuple] = set()
    for hit in result.strong:
        got |= hit_keys(hit)
    return len(want & got), len(want - got), len(got - want), len(result.weak)


def _entry_rows(inventory) -> list[tuple]:
    """Every index entry with its place, sorted: equal lists mean equal indexes."""
    from scanner.inventory import schema as t

    places, entries = t.subject_places, t.subject_entries
    query = sa.select(
        places.c.source, places.c.place_key, places.c.signature, entries.c.fingerprint,
        entries.c.entity, entries.c.record_json, entries.c.detail_json,
    ).join(entries, entries.c.place_pk == places.c.id)  # fmt: skip
    with inventory.engine.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(query))


def _variant_round(config, inventory, fingerprinter, corpus, targets) -> dict:
    """Name + kana + address queries against the old ledger's variant copies."""
    from collections import Counter

    found = missed = false = 0
    hows: Counter[str] = Counter()
    seconds: list[float] = []
    for person in targets:
        want = {c for c in corpus.copies[person.pid] if c[1] == "旧顧客台帳.csv"}
        form = person.query()
        query = SubjectQuery(name=form["name"], kana=form["kana"], address=person.address)
        started = time.perf_counter()
        result = find_subject(config, inventory, query, fingerprinter)
        seconds.append(time.perf_counter() - started)
        got: set[tuple] = set()
        for hit in result.strong:
            got |= hit_keys(hit)
            hows.update(f"{k}:{h}" for k, h in hit.how)
        found += len(want & got)
        missed += len(want - got)
        false += len(got - corpus.copies[person.pid])
    strong = found + false
    return {
        "variant_copies": found + missed,
        "variant_recall": round(found / (found + missed), 4) if found + missed else None,
        "variant_precision": round(found / strong, 4) if strong else None,
        "variant_strong_hits_on_others": false,
        "variant_matched_how": dict(sorted(hows.items())),
        "variant_search_s": {
            "median": round(statistics.median(seconds), 4),
            "max": round(max(seconds), 4),
        },
    }


def run(people: int, queries: int, live: int, workdir: Path, workers: int = 2) -> dict:
    os.environ.setdefault("KOJIN_HMAC_KEY", "subject-bench-0123456789abcdef0123456789abcdef")
    db = workdir / "shop.sqlite3"
    engine = sa.create_engine(f"sqlite:///{db}")
    corpus = plant(engine, workdir / "share", people)
    engine.dispose()
    config_path = workdir / "kojin.toml"
    config_path.write_text(config_text(f"sqlite:///{db}", workdir / "share"), encoding="utf-8")
    config = parse_config(config_path.read_text(encoding="utf-8"), workdir)
    detector = Detector(mode=config.detector.mode).load()
    pipeline = Pipeline(config, config_path, detector=detector)
    started = time.perf_counter()
    outcome = pipeline.scan(ScanOptions(workdir / "out"))
    scan_s = time.perf_counter() - started
    pipeline.record(outcome)
    fingerprinter = pipeline.fingerprinter
    targets = corpus.people[:queries]
    totals = {"found": 0, "missed": 0, "false": 0, "weak": 0}
    indexed_s: list[float] = []
    live_s: list[float] = []
    with Inventory.open(config.inventory) as inventory:
        started = time.perf_counter()
        report = pipeline.index_subjects()
        index_s = time.perf_counter() - started
        entries_serial = _entry_rows(inventory)
        index = SubjectIndex(inventory)
        index.drop([p.pk for p in index.places()])  # both builds start from an empty index
        started = time.perf_counter()
        parallel = build_subject_index(
            config, inventory, fingerprinter, executor="processes", workers=workers
        )
        index_parallel_s = time.perf_counter() - started
        assert parallel.entries == report.entries and not parallel.errors
        assert _entry_rows(inventory) == entries_serial, "the parallel index differs"
        for person in targets:
            query = SubjectQuery(**person.query())
            started = time.perf_counter()
            result = find_subject(config, inventory, query, fingerprinter)
            indexed_s.append(time.perf_counter() - started)
            assert result.mode == "index" and not result.places_read
            for key, n in zip(totals, _score(corpus, person, result), strict=True):
                totals[key] += n
        for person in targets[:live]:
            query = SubjectQuery(**person.query())
            started = time.perf_counter()
            result = find_subject(
                config, inventory, query, fingerprinter, live=True, detector=lambda: detector
            )
            live_s.append(time.perf_counter() - started)
            assert _score(corpus, person, result)[1:3] == (0, 0), "live search disagrees"
        variants = _variant_round(config, inventory, fingerprinter, corpus, targets)
    target = targets[0].query()
    started = time.perf_counter()
    cli = subprocess.run(
        [sys.executable, "-m", "scanner", "find-subject", "--config", str(config_path),
         "--email", target["email"].upper(), "--format", "json"],
        capture_output=True, text=True, check=True, cwd=workdir,
        env={**os.environ, "PYTHONPATH": str(ROOT)},  # this checkout's code, not an install
    )  # fmt: skip
    cli_s = time.perf_counter() - started
    assert json.loads(cli.stdout)
    copies = totals["found"] + totals["missed"]
    strong = totals["found"] + totals["false"]
    return {
        "people": people,
        "queries": len(targets),
        "planted_copies": copies,
        "recall": round(totals["found"] / copies, 4) if copies else None,
        "precision": round(totals["found"] / strong, 4) if strong else None,
        "strong_hits_on_others": totals["false"],
        "weak_hits": totals["weak"],
        "scan_s": round(scan_s, 2),
        "index_build_s": round(index_s, 2),
        "index_entries": report.entries,
        f"index_build_{workers}_workers_s": round(index_parallel_s, 2),
        "index_speedup": round(index_s / index_parallel_s, 2),
        "indexed_search_s": {
            "median": round(statistics.median(indexed_s), 4),
            "max": round(max(indexed_s), 4),
        },
        "live_search_s": {
            "median": round(statistics.median(live_s), 3) if live_s else None,
            "max": round(max(live_s), 3) if live_s else None,
            "searches": len(live_s),
        },
        "cli_find_subject_s": round(cli_s, 2),
        **variants,
        "machine": f"{platform.python_version()} {platform.machine()} {os.cpu_count()} cpus",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--live", type=int, default=10, help="searches run without the index")
    parser.add_argument("--workers", type=int, default=2, help="for the parallel index build")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kojin-subject-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        figures = run(args.people, args.queries, args.live, workdir, args.workers)
    for key, value in figures.items():
        print(f"{key:24} {value}")
    ok = (
        figures["recall"] == 1.0
        and figures["strong_hits_on_others"] == 0
        and figures["variant_recall"] == 1.0
        and (figures["variant_precision"] or 0) >= 0.98
        and figures["indexed_search_s"]["median"] < 0.05
    )
    print("target (every copy found, variants too; strong-hit precision >= 0.98; "
          "< 50 ms indexed):", "met" if ok else "NOT met")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
