"""Kojin's scanner: the Japanese personal-information detector and the scan driver."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from scanner.detect.detector import Detector

__all__ = ["Detector", "__version__"]


def __getattr__(name: str):
    # Lazy, so that `kojin --help` does not pay for presidio and SudachiPy.
    if name == "Detector":
        from scanner.detect.detector import Detector

        return Detector
    raise AttributeError(name)
