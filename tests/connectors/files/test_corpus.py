"""The benchmark corpus (every format and encoding, plus hostile files) scans cleanly."""

from __future__ import annotations

from pathlib import Path

from bench.files_corpus import generate, write
from tests.connectors.files.conftest import scan


def test_benchmark_corpus_scans_without_surprises(tmp_path: Path) -> None:
    truth = write(tmp_path, generate(copies=1, big_logs=0), sparse_gb=2.0)
    out = scan(tmp_path)
    hostile = {p for p, t in truth.items() if t is None}
    unexpected = [e for e in out.errors if e.location["path"] not in hostile]
    assert unexpected == []
    reported = {e.location["path"] for e in out.errors}
    assert hostile - {"hostile/laughs.xml"} <= reported  # entities are simply not expanded
    meta = {k: v for r in out.results for k, v in r.metadata["files"].items()}
    assert meta["misnamed/workbook0.dat"]["type"] == "xlsx"
    assert meta["text/iso2022_jp/memo0.txt"]["encoding"] == "iso2022_jp"
    assert meta["text/utf-16/memo0.txt"]["encoding"] == "utf-16"
    assert meta["xml/euc/members0.xml"]["encoding"] == "euc_jp"
    # the fake detector knows phone numbers: every file planted with them is found
    phones = {p for p, t in truth.items() if t and "PHONE_NUMBER" in t}
    found = {f.location["path"] for f in out.findings if f.entity == "PHONE_NUMBER"}
    assert phones <= found
