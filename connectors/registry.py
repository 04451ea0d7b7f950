"""Which connector serves which ``type`` of source; imported lazily."""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from typing import Any

from connectors.base import Source

_SOURCES = {
    "database": "connectors.database.source:DatabaseSource",
    "files": "connectors.files.source:FilesSource",
    "smb": "connectors.smb.source:SmbSource",
}


def create_source(config: Any, previous: Mapping[str, Mapping[str, Any]] | None = None) -> Source:
    """The source for ``config``; ``previous`` (item key -> marker) makes a rescan incremental."""
    module_name, _, class_name = _SOURCES[config.type].partition(":")
    cls = getattr(import_module(module_name), class_name)
    return cls(config, previous=previous) if previous else cls(config)
