"""Scan a source and hold the findings against the corpus truth: one helper for all dialects."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from bench.db_corpus import CROSS_REFERENCES
from connectors.database.config import DatabaseSourceConfig
from connectors.database.source import DatabaseSource
from scanner.findings import Finding
from scanner.scan.runner import Runner, UnitResult


def make_source(url: str, **options) -> DatabaseSource:
    return DatabaseSource(DatabaseSourceConfig(type="database", name="shop", url=url, **options))


@dataclass
class Scan:
    results: list[UnitResult]
    cross: list[Finding]

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings]

    @property
    def errors(self) -> list:
        return [e for r in self.results for e in r.errors]

    def result(self, table: str) -> UnitResult:
        return next(r for r in self.results if r.metadata.get("table") == table)

    def columns(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for f in self.findings:
            key = f"{f.location['table']}.{f.location['column']}"
            out.setdefault(key, set()).add(f.entity)
        return out


def scan(source: DatabaseSource, detector) -> Scan:
    runner = Runner(detector, None)
    results = [runner.run(source, unit) for unit in source.work_units()]
    return Scan(results, runner.finalize(source, results))


def assert_matches_truth(
    result: Scan, truth: dict[str, list[str]], tables: Sequence[str] | None = None
) -> None:
    """Every (column, entity) of the truth is found and nothing else; cross-references too."""
    expected = {
        k: set(v) for k, v in truth.items()
        if v and (tables is None or k.split(".", 1)[0] in tables)
    }  # fmt: skip
    got = result.columns()
    missing = {k: v - got.get(k, set()) for k, v in expected.items() if v - got.get(k, set())}
    extra = {k: v - expected.get(k, set()) for k, v in got.items() if v - expected.get(k, set())}
    assert not missing and not extra, f"missing {missing}; unexpected {extra}"
    cross = {
        f"{f.location['table']}.{f.location['column']}": (f.entity, f.evidence["path"])
        for f in result.cross
    }
    want = {
        k: (v["entity"], v["path"]) for k, v in CROSS_REFERENCES.items()
        if tables is None or k.split(".", 1)[0] in tables
    }  # fmt: skip
    assert cross == want


def assert_no_raw_values(findings: Sequence[Finding], raw: Sequence[str]) -> None:
    """What would be written to findings.jsonl holds none of ``raw``."""
    lines = "\n".join(json.dumps(f.to_json_dict(), ensure_ascii=False) for f in findings)
    for value in raw:
        assert value not in lines, f"raw value {value!r} reached the findings"
