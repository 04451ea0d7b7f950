"""Shared fixtures: one detector per mode for the whole session."""

from __future__ import annotations

import pytest

from scanner.detect.detector import Detector


@pytest.fixture(scope="session")
def fast_detector() -> Detector:
    return Detector(mode="fast").load()


@pytest.fixture(scope="session")
def deep_detector() -> Detector:
    return Detector(mode="deep").load()
