"""How a scan runs (not what it finds: that is the config's). Light to import: the CLI
builds its options from these before anything heavy loads."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Executor(StrEnum):
    """Where units run: this process (debugging), worker processes, or a Dask cluster."""

    serial = "serial"
    processes = "processes"
    dask = "dask"


@dataclass(frozen=True)
class ScanOptions:
    out_dir: Path | None = None  # None: the config's [scan] out_dir
    resume: bool = False
    executor: Executor = Executor.serial
    workers: int | None = None  # None: the core count
    scheduler: str | None = None  # a Dask scheduler address; None: a local cluster
    #: read only what changed since the previous run in the inventory (if there is one)
    since_last: bool = True
