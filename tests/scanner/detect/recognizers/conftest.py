"""The Sudachi engine the recognizer tests share (loading its dictionary takes a while)."""

from __future__ import annotations

import pytest

from scanner.detect.nlp.sudachi_engine import SudachiNlpEngine


@pytest.fixture(scope="session")
def engine() -> SudachiNlpEngine:
    e = SudachiNlpEngine()
    e.load()
    return e
