"""The detector's modes, declared once for the config, the CLI and the detector."""

from __future__ import annotations

from enum import StrEnum


class Mode(StrEnum):
    """fast: patterns, dictionaries, SudachiPy (no neural network); deep: adds GiNZA NER."""

    fast = "fast"
    deep = "deep"
