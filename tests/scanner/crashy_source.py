"""A stand-in source whose units can kill their worker process (for executor tests)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from connectors.base import UnitReport, WorkUnit
from tests.fakes import text_document


@dataclass(frozen=True)
class CrashyConfig:
    type: str
    name: str
    marker_dir: str

    def model_dump_json(self) -> str:
        return f"{self.type}:{self.name}:{self.marker_dir}"


class CrashySource:
    def __init__(self, config: CrashyConfig):
        self.name = config.name
        self.marker_dir = Path(config.marker_dir)

    def read(self, unit: WorkUnit, report: UnitReport):
        marker = self.marker_dir / unit.key
        if unit.key.startswith("die-once") and not marker.exists():
            marker.touch()
            os._exit(1)  # the worker process dies mid-unit
        if unit.key.startswith("die-always"):
            os._exit(1)
        yield text_document(unit.key, "山田太郎様 090-1234-5678")


def crashy_call(task: tuple[str, str], settings: dict, fingerprinter) -> str:
    """A stage's task (``run_calls``) that kills its worker: ``die-once`` the first time,
    ``die-always`` every time; the others return their name."""
    name, marker_dir = task
    marker = Path(marker_dir) / name
    if name.startswith("die-once") and not marker.exists():
        marker.touch()
        os._exit(1)
    if name.startswith("die-always"):
        os._exit(1)
    return name


def no_detector(settings: dict, fingerprinter=None, driver: int | None = None) -> None:
    """A pool initialiser that loads nothing (``crashy_call`` needs no detector)."""
