"""Which connector serves which ``type`` of source; imported lazily."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from connectors.base import Source

_SOURCES = {
    "database": "connectors.database.source:DatabaseSource",
    "files": "connectors.files.source:FilesSource",
}


def create_source(config: Any) -> Source:
    module_name, _, class_name = _SOURCES[config.type].partition(":")
    return getattr(import_module(module_name), class_name)(config)
