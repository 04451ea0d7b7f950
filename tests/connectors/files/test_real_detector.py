"""The real detector over examples/share: every file's personal entities match its truth."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from connectors.files.source import FilesSource
from scanner.entities import is_personal
from scanner.scan.runner import Runner
from tests.connectors.files.conftest import make_config

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


@pytest.fixture(scope="module")
def detector():
    from scanner.detect.detector import Detector

    return Detector(mode="fast")


def test_example_share_matches_its_truth(detector) -> None:
    truth = json.loads((EXAMPLES / "share_truth.json").read_text(encoding="utf-8"))
    source = FilesSource(make_config(EXAMPLES / "share"))
    results = [Runner(detector, None).run(source, u) for u in source.work_units()]
    found: dict[str, set[str]] = {path: set() for path in truth}
    for result in results:
        for finding in result.findings:
            if is_personal(finding.entity):
                found.setdefault(finding.location["path"], set()).add(finding.entity)
    assert found == {path: set(entities) for path, entities in truth.items()}
    assert [e for r in results for e in r.errors] == []
    encodings = {
        path: meta.get("encoding") for r in results for path, meta in r.metadata["files"].items()
    }
    assert encodings["顧客リスト.csv"] == "cp932"
    assert encodings["old/会員メモ.txt"] == "euc_jp"
    assert "iso2022_jp" in encodings["mail/見積依頼.eml"]


def test_findings_carry_masked_examples_only(detector) -> None:
    source = FilesSource(make_config(EXAMPLES / "share", include=["*.csv"]))
    runner = Runner(detector, None)
    findings = [f for u in source.work_units() for f in runner.run(source, u).findings]
    raw = (EXAMPLES / "share" / "顧客リスト.csv").read_bytes().decode("cp932")
    phones = {line.split(",")[3] for line in raw.splitlines()[1:]}
    dumped = json.dumps([f.to_json_dict() for f in findings], ensure_ascii=False)
    assert not any(phone in dumped for phone in phones)
    phone = next(f for f in findings if f.location.get("column") == "電話番号")
    assert phone.entity == "PHONE_NUMBER" and phone.rows_sampled == 15
