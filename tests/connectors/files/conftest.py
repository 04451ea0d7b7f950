"""Shared fixtures: a tiny regex detector and a helper that scans a folder end to end."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from connectors.files.config import FilesSourceConfig
from connectors.files.source import FilesSource
from scanner.scan.runner import Runner, UnitResult
from tests.fakes import FakeDetector


@dataclass
class ScanOutcome:
    results: list[UnitResult]

    @property
    def findings(self):
        return [f for r in self.results for f in r.findings]

    @property
    def errors(self):
        return [e for r in self.results for e in r.errors]

    def stat(self, key: str) -> int:
        return sum(r.stats.get(key, 0) for r in self.results)

    def entities(self, path: str, **location: str) -> set[str]:
        return {
            f.entity
            for f in self.findings
            if f.location["path"] == path
            and all(f.location.get(k) == v for k, v in location.items())
        }

    def error_kinds(self, path: str | None = None) -> set[str]:
        return {e.kind for e in self.errors if path is None or e.location.get("path") == path}


def make_config(root: Path, **overrides) -> FilesSourceConfig:
    return FilesSourceConfig(type="files", name="share", root=root, **overrides)


def scan(root: Path, detector=None, previous=None, **overrides) -> ScanOutcome:
    source = FilesSource(make_config(root, **overrides), previous=previous)
    runner = Runner(detector or FakeDetector(), None)
    return ScanOutcome([runner.run(source, u) for u in source.work_units()])


@pytest.fixture
def fake_detector() -> FakeDetector:
    return FakeDetector()
