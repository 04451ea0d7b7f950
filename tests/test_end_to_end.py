"""``kojin scan`` on the example config, checked against the sample data's truth.

The scan runs once on a copy of config.example.toml (so the inventory and reports land
in a temporary folder); the 個人情報管理台帳 it writes must list the places and items
that examples/share_truth.json and examples/sample_db_truth.json say hold personal data,
grouped by the catalog's assets.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import defaultdict
from pathlib import Path

import pytest

from reports.model import ledger_group
from scanner.catalog.verdicts import Judge, Verdict
from scanner.cli import main
from scanner.config import load_config
from scanner.entities import category
from scanner.findings import Finding
from scanner.inventory.store import Inventory

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARE_TRUTH = EXAMPLES / "share_truth.json"
DB_TRUTH = EXAMPLES / "sample_db_truth.json"
#: the findings the example scan stored, as the code before the issue-13 restructuring
#: produced them; KOJIN_UPDATE_GOLDEN=1 rewrites it (only for a wanted change of behaviour)
GOLDEN = Path(__file__).resolve().parent / "golden" / "example_findings.json"
SAMPLE_DB = EXAMPLES / "sample.sqlite3"
#: share of the truth's (asset, item) pairs the ledger must get right, both ways
MIN_RECALL = 0.95
MIN_PRECISION = 0.95


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    """(config, the ledger sheet as {asset: items}, exit code) of one scan."""
    from openpyxl import load_workbook

    base = tmp_path_factory.mktemp("e2e")
    text = (ROOT / "config.example.toml").read_text(encoding="utf-8")
    text = text.replace('"sqlite:///examples/', f'"sqlite:///{EXAMPLES}/')
    text = text.replace('root = "examples/share"', f'root = "{EXAMPLES / "share"}"')
    config_path = base / "kojin.toml"
    config_path.write_text(text, encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.setenv("KOJIN_HMAC_KEY", "e2e-0123456789abcdef0123456789abcdef")
    try:
        code = main(["scan", "--config", str(config_path), "--executor", "serial", "-q"])
    finally:
        mp.undo()
    config = load_config(config_path)
    [xlsx] = config.reports.out_dir.glob("*.xlsx")
    sheet = load_workbook(xlsx).worksheets[0]
    header = [c.value for c in sheet[1]]
    name, items, verdict = (header.index(h) for h in ("個人情報の名称", "項目", "判定"))
    ledger = {
        row[name]: (set(row[items].split("、")) if row[items] else set(), row[verdict])
        for row in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert list(config.reports.out_dir.glob("*.html"))
    return config, ledger, code


def _expected(config, truth: list[tuple[str, dict, list[str]]]) -> dict[str, set[str]]:
    """What a perfect scanner's ledger holds: items by asset (or unmapped place)."""
    judge = Judge(config.catalog)
    out: dict[str, set[str]] = defaultdict(set)
    for source, location, entities in truth:
        for entity in entities:
            verdict = judge.judge(Finding(source, location, entity, 1.0))
            if verdict.verdict == Verdict.not_personal:
                continue
            out[verdict.asset or ledger_group(source, location)].add(category(entity))
    return dict(out)


def _compare(expected: dict[str, set[str]], ledger: dict, names: set[str]) -> None:
    want = {(a, c) for a, cats in expected.items() for c in cats}
    got = {(a, c) for a, (cats, _v) in ledger.items() if a in names for c in cats}
    recall = len(want & got) / len(want)
    precision = len(want & got) / len(got) if got else 0.0
    assert recall >= MIN_RECALL, f"missing from the ledger: {sorted(want - got)}"
    assert precision >= MIN_PRECISION, f"not in the truth: {sorted(got - want)}"


def test_ledger_of_the_file_share_matches_its_truth(scanned):
    config, ledger, _code = scanned
    source = next(s.name for s in config.sources if s.type == "files")
    truth = json.loads(SHARE_TRUTH.read_text(encoding="utf-8"))
    expected = _expected(config, [(source, {"path": p}, e) for p, e in truth.items()])
    share_assets = {a.name for a in config.catalog.assets if a.source == source}
    names = share_assets | {n for n in ledger if n.startswith(f"{source}:")}
    # every place with personal data has its row, and no row is without it
    assert {n for n in names if ledger.get(n, (set(), ""))[0]} == set(expected)
    _compare(expected, ledger, names)
    assert ledger["応募書類"][1] == "適合"
    assert ledger[f"{source}:logs/"][1] == "利用目的なし"
    assert ledger["取引先一覧"][1] == "個人情報に非該当"  # corporate numbers only
    assert f"{source}:価格表.csv" not in ledger


def test_ledger_of_the_sample_database_matches_its_truth(scanned):
    if not SAMPLE_DB.exists() or not DB_TRUTH.exists():
        pytest.skip("examples/sample.sqlite3 and sample_db_truth.json are not built yet")
    config, ledger, code = scanned
    assert code == 0
    source = next(s.name for s in config.sources if s.type == "database")
    doc = json.loads(DB_TRUTH.read_text(encoding="utf-8"))
    labels = dict(doc["columns"])
    for key, link in doc.get("cross_references", {}).items():  # 容易照合性
        labels[key] = [link["entity"]]
    truth = []
    for key, value in labels.items():
        entities = [] if value is None else [value] if isinstance(value, str) else list(value)
        table, _, column = key.rpartition(".")
        truth.append((source, {"schema": "main", "table": table, "column": column}, entities))
    expected = _expected(config, truth)
    db_assets = {a.name for a in config.catalog.assets if a.source == source}
    names = db_assets | {n for n in ledger if n.startswith(f"{source}:")}
    _compare(expected, ledger, names)
    # the newsletter list holds birthdates its purpose does not allow
    assert "生年月日" in ledger["メールマガジン顧客台帳"][0]
    assert ledger["メールマガジン顧客台帳"][1] == "目的外"


def _digest(fingerprints: list[str]) -> str:
    """How many fingerprints and a SHA-256 of them all: the file stays small."""
    text = "\n".join(sorted(fingerprints))
    return f"{len(fingerprints)}:{hashlib.sha256(text.encode()).hexdigest()[:16]}"


def _snapshot(config) -> list[dict]:
    """The latest run's stored findings: identity, judgement, evidence and fingerprints."""
    with Inventory.open(config.inventory, create=False) as inventory:
        run = inventory.resolve_run()
        fingerprints = inventory.fingerprints(run)
        rows = [
            {
                "key": f.key,
                "source": f.source,
                "location": dict(f.location),
                "place": f.place,
                "entity": f.entity,
                "score": round(f.score, 6),
                "rows_sampled": f.rows_sampled,
                "rows_matched": f.rows_matched,
                "count": f.count,
                "evidence": dict(f.evidence),
                "examples": list(f.examples),
                "verdict": f.verdict,
                "rule": f.rule,
                "asset": f.asset,
                "purposes": list(f.purposes),
                "fingerprints": _digest(fingerprints.get(f.pk, [])),
            }  # fmt: skip
            for f in inventory.findings(run)
        ]
    return sorted(rows, key=lambda r: r["key"])


def test_example_findings_are_the_golden_ones(scanned):
    """Restructuring must not change what the example scan finds, judges and stores."""
    config, _ledger, _code = scanned
    got = json.loads(json.dumps(_snapshot(config), ensure_ascii=False, default=str))
    if os.environ.get("KOJIN_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        text = json.dumps(got, ensure_ascii=False, indent=1, sort_keys=True)
        GOLDEN.write_text(text + "\n", encoding="utf-8")
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    by_key = {r["key"]: r for r in want}
    changed = [r["place"] + " " + r["entity"] for r in got if by_key.get(r["key"]) != r]
    missing = sorted({r["key"] for r in want} - {r["key"] for r in got})
    assert not changed and not missing, (
        f"changed or new: {changed[:10]}, missing keys: {missing[:10]} "
        "(a wanted change? rerun with KOJIN_UPDATE_GOLDEN=1 and commit tests/golden/)"
    )
