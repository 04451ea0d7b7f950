"""Shared fixtures: a tiny regex detector and a helper that scans a folder end to end."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from connectors.base import UnitResult
from connectors.files.config import FilesSourceConfig
from connectors.files.source import FilesSource
from scanner.detect.detection import Detection

_PATTERNS = (
    ("EMAIL_ADDRESS", re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")),
    ("PHONE_NUMBER", re.compile(r"(?<!\d)0\d{1,4}-\d{1,4}-\d{3,4}(?!\d)")),
    ("PERSON", re.compile(r"山田\s?太郎|佐藤\s?花子|鈴木\s?一郎|Taro Yamada")),
)


@dataclass
class FakeDetector:
    """Regexes standing in for scanner.detect.detector.Detector; records the contexts it got."""

    contexts: list[tuple[str, ...]] = field(default_factory=list)

    def analyze(self, text: str, context: Sequence[str] = ()) -> list[Detection]:
        out = []
        for entity, pattern in _PATTERNS:
            for m in pattern.finditer(text):
                name = f"Fake{entity}"
                out.append(Detection(entity, m.start(), m.end(), 0.9, name, (), m.group()))
        return out

    def analyze_batch(
        self, texts: Sequence[str], context: Sequence[str] = ()
    ) -> list[list[Detection]]:
        self.contexts.append(tuple(context))
        return [self.analyze(t, context) for t in texts]


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
    detector = detector or FakeDetector()
    return ScanOutcome([source.run_unit(u, detector) for u in source.work_units()])


@pytest.fixture
def fake_detector() -> FakeDetector:
    return FakeDetector()
