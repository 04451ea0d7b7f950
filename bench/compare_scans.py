"""Same findings from two checkouts: the benchmark corpora scanned by code A and code B.

    python bench/compare_scans.py OLD_CHECKOUT [NEW_CHECKOUT] [--rows N] [--copies N]
                                  [--corpus DIR]

Builds the synthetic corpora once (the files benchmark's share without its sparse
hostile file, and the database benchmark's shop at ``--rows`` customers), runs
``python -m scanner scan`` from each checkout on them (serial executor, one HMAC key),
and compares what each stored: every finding's identity, entity, score, counts,
evidence, masked examples, verdict and a digest of its fingerprints. Only the CLI and
the inventory's tables are used, so any two versions with the same inventory schema
compare (``git archive <commit> | tar -x -C DIR`` gives a checkout). Exit 1 on a
difference, printing the first ones.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a script: make `bench` importable
    sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

CONFIG = """
[[sources]]
type = "database"
name = "shop"
url = "sqlite:///{db}"

[[sources]]
type = "files"
name = "share"
root = "{share}"

[inventory]
path = "{inventory}"
"""


def build_corpora(workdir: Path, rows: int, copies: int) -> tuple[Path, Path]:
    from bench.db_corpus import CorpusSize, populate
    from bench.files_corpus import generate, write

    share = workdir / "share"
    write(share, generate(copies=copies, big_logs=1), sparse_gb=0)
    db = workdir / "shop.sqlite3"
    engine = sa.create_engine(f"sqlite:///{db}")
    populate(engine, CorpusSize(rows), pool_rows=min(rows, 2000))
    engine.dispose()
    return db, share


def scan_with(code: Path, db: Path, share: Path, out: Path) -> list[dict]:
    """Scan with the checkout at ``code``; its stored findings, canonical and sorted."""
    out.mkdir(parents=True)
    inventory = out / "inventory.sqlite3"
    config = out / "kojin.toml"
    config.write_text(CONFIG.format(db=db, share=share, inventory=inventory), encoding="utf-8")
    env = {**os.environ, "KOJIN_HMAC_KEY": "compare-scans", "PYTHONPATH": str(code)}
    command = [sys.executable, "-m", "scanner", "scan", "-c", str(config), "-o",
               str(out / "scan"), "--executor", "serial", "-q"]  # fmt: skip
    done = subprocess.run(command, cwd=code, env=env, capture_output=True, text=True)
    if done.returncode not in (0, 4):  # 4: a source partly read, still comparable
        raise SystemExit(f"scan with {code} failed ({done.returncode}): {done.stderr[-2000:]}")
    return stored_findings(inventory)


def stored_findings(inventory: Path) -> list[dict]:
    engine = sa.create_engine(f"sqlite:///{inventory}")
    with engine.connect() as conn:
        run = conn.execute(sa.text("SELECT max(id) FROM kojin_runs")).scalar_one()
        prints: dict[int, list[str]] = {}
        for pk, fp in conn.execute(
            sa.text("SELECT finding_pk, fingerprint FROM kojin_fingerprints WHERE run_pk = :r"),
            {"r": run},
        ):
            prints.setdefault(pk, []).append(fp)
        rows = conn.execute(
            sa.text(
                "SELECT id, finding_key, place, entity, score, evidence_json, examples_json,"
                " rows_sampled, rows_matched, count, verdict FROM kojin_findings"
                " WHERE run_pk = :r"
            ),
            {"r": run},
        ).mappings().all()
    engine.dispose()
    out = []
    for r in rows:
        digest = hashlib.sha256("\n".join(sorted(prints.get(r["id"], []))).encode()).hexdigest()
        evidence = json.loads(r["evidence_json"])
        out.append({
            "key": r["finding_key"], "place": r["place"], "entity": r["entity"],
            "score": round(r["score"], 6), "evidence": evidence,
            "examples": json.loads(r["examples_json"]), "rows_sampled": r["rows_sampled"],
            "rows_matched": r["rows_matched"], "count": r["count"], "verdict": r["verdict"],
            "fingerprints": f"{len(prints.get(r['id'], []))}:{digest[:16]}",
        })  # fmt: skip
    return sorted(out, key=lambda f: f["key"])


def compare(a: list[dict], b: list[dict]) -> list[str]:
    by_key = {f["key"]: f for f in b}
    problems = []
    for f in a:
        other = by_key.pop(f["key"], None)
        if other is None:
            problems.append(f"only in A: {f['place']} {f['entity']}")
        elif other != f:
            fields = sorted(k for k in f if f[k] != other[k])
            problems.append(f"differs: {f['place']} {f['entity']} ({', '.join(fields)})")
    problems += [f"only in B: {f['place']} {f['entity']}" for f in by_key.values()]
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("old", type=Path, help="checkout A (e.g. the code before a change)")
    parser.add_argument("new", type=Path, nargs="?", default=ROOT, help="checkout B")
    parser.add_argument("--rows", type=int, default=2000, help="customers in the shop")
    parser.add_argument("--copies", type=int, default=2, help="documents per format variant")
    parser.add_argument("--corpus", type=Path, help="build the corpora here once, reuse them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kojin-compare-") as tmp:
        workdir = Path(tmp)
        corpus = args.corpus or workdir
        if (corpus / "shop.sqlite3").exists():
            db, share = corpus / "shop.sqlite3", corpus / "share"
        else:
            db, share = build_corpora(corpus, args.rows, args.copies)
        a = scan_with(args.old.resolve(), db, share, workdir / "a")
        b = scan_with(args.new.resolve(), db, share, workdir / "b")
    problems = compare(a, b)
    print(f"A: {len(a)} findings, B: {len(b)} findings, {len(problems)} difference(s)")
    for line in problems[:20]:
        print("  " + line)
    raise SystemExit(1 if problems else 0)


if __name__ == "__main__":
    main()
