"""Kojin's scanner: detection, column classification, the scan, catalog, inventory,
subject requests and the CLI."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scanner.version import __version__

if TYPE_CHECKING:
    from scanner.detect.detector import Detector

__all__ = ["Detector", "__version__"]


def __getattr__(name: str):
    # Lazy, so that `kojin --help` does not pay for presidio and SudachiPy.
    if name == "Detector":
        from scanner.detect.detector import Detector

        return Detector
    raise AttributeError(name)
