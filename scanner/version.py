"""Kojin's version: recorded with every run, report and benchmark."""

from __future__ import annotations

__version__ = "0.1.0"
