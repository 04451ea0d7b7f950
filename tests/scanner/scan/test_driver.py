"""The scan driver with stand-in sources: failures are reported, scans resume."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from connectors.base import SourceError, WorkUnit
from scanner.config import parse_config
from scanner.scan.driver import STATE_FILE, run_scan
from tests.fakes import FakeDetector, text_document

CONFIG = """
[[sources]]
type = "files"
name = "good"
root = "."

[[sources]]
type = "files"
name = "down"
root = "."
"""


class FakeSource:
    def __init__(self, config, calls: list[str], fail_on: str | None = None):
        self.name = config.name
        self.calls = calls
        self.fail_on = fail_on

    def test_connection(self):
        if self.name == "down":
            raise SourceError("down: connection refused (127.0.0.1:1)")

    def work_units(self):
        for key in ("a", "b", "c"):
            yield WorkUnit(self.name, "files", key)

    def read(self, unit, report):
        self.calls.append(unit.key)
        if unit.key == self.fail_on:
            raise RuntimeError("boom with secret 090-1234-5678\n[parameters: ('x',)]")
        report.stats["files"] += 1
        yield text_document(unit.key, "山田太郎")


@pytest.fixture
def config(monkeypatch):
    # no key file beside the working directory
    monkeypatch.setenv("KOJIN_HMAC_KEY", "k-0123456789abcdef0123456789abcdef")
    return parse_config(CONFIG, Path("."))


def test_failed_source_and_unit_are_reported_and_the_scan_goes_on(tmp_path, config):
    calls: list[str] = []
    outcome = run_scan(
        config, tmp_path, detector=FakeDetector(),
        create_source=lambda c: FakeSource(c, calls, fail_on="b"),
    )  # fmt: skip
    assert calls == ["a", "b", "b", "c"]  # b retried once
    statuses = {s.name: s.status for s in outcome.sources}
    assert statuses == {"good": "partial", "down": "failed"}
    kinds = sorted(e.kind for e in outcome.errors)
    assert kinds == ["unit_failed", "unreachable"]
    findings = [json.loads(x) for x in (tmp_path / "findings.jsonl").read_text().splitlines()]
    assert [f["location"]["path"] for f in findings] == ["a", "c"]
    errors_text = (tmp_path / "errors.jsonl").read_text()
    assert "boom with secret" in errors_text and "parameters" not in errors_text
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["findings_by_category"] == {"氏名": 2}
    assert not (tmp_path / STATE_FILE).exists()


def test_an_interrupted_scan_resumes_without_redoing_finished_units(tmp_path, config):
    calls: list[str] = []

    class Interrupting(FakeSource):
        def read(self, unit, report):
            if unit.key == "c":
                raise KeyboardInterrupt
            return super().read(unit, report)

    with pytest.raises(KeyboardInterrupt):
        run_scan(config, tmp_path, detector=FakeDetector(),
                 create_source=lambda c: Interrupting(c, calls))  # fmt: skip
    assert (tmp_path / STATE_FILE).exists()
    calls.clear()
    outcome = run_scan(config, tmp_path, resume=True, detector=FakeDetector(),
                       create_source=lambda c: FakeSource(c, calls))  # fmt: skip
    assert calls == ["c"]
    assert outcome.resumed_units == 2
    assert sorted(f.location["path"] for f in outcome.findings) == ["a", "b", "c"]

