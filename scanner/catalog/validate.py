"""Catalog checks that need more than one table of the config: references and overlaps.

Errors make the config unusable (every command refuses it, with line numbers); warnings
are only shown by ``kojin catalog check``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from scanner.catalog.matching import entries_overlap
from scanner.catalog.models import CatalogConfig, LocationMatch
from scanner.entities import Entity
from scanner.toml_lines import line_of

_ENTITY_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")


@dataclass(frozen=True)
class CatalogProblem:
    severity: str  # "error" | "warning"
    loc: tuple[str | int, ...]
    message: str
    #: the offending value as written, so the line quoting it can be found
    value: str | None = None

    def format(self, text: str | None, origin: str = "config") -> str:
        line = line_of(text, self.loc, self.value) if text is not None else None
        where = ".".join(str(p) for p in self.loc)
        prefix = f"{origin}:{line}" if line else origin
        tag = "" if self.severity == "error" else "warning: "
        return f"{prefix}: {tag}{where}: {self.message}"


def known_entities(catalog: CatalogConfig) -> set[str]:
    return {e.value for e in Entity} | set(catalog.special_care_entities)


def catalog_problems(
    catalog: CatalogConfig, source_types: Mapping[str, str]
) -> list[CatalogProblem]:
    """Unknown purposes, entities and sources; duplicates; overlapping assets; unused purposes.

    ``source_types`` maps each configured source name to its type (database / files).
    """
    problems: list[CatalogProblem] = []
    add = problems.append
    entities = known_entities(catalog)

    for i, name in enumerate(catalog.special_care_entities):
        if not _ENTITY_NAME.fullmatch(name):
            add(_error(("catalog", "special_care_entities", i), f"bad entity name {name!r}", name))

    ids = Counter(p.id for p in catalog.purposes)
    for i, purpose in enumerate(catalog.purposes):
        loc = ("catalog", "purposes", i)
        if ids[purpose.id] > 1:
            add(_error((*loc, "id"), f"duplicate purpose id {purpose.id!r}", purpose.id))
        for name in purpose.entities:
            if name not in entities:
                add(_error((*loc, "entities"), _unknown_entity(name), name))

    purpose_ids = set(ids)
    names = Counter(a.name for a in catalog.assets)
    used: set[str] = set()
    for i, asset in enumerate(catalog.assets):
        loc = ("catalog", "assets", i)
        if names[asset.name] > 1:
            add(_error((*loc, "name"), f"duplicate asset name {asset.name!r}", asset.name))
        for purpose_id in asset.purposes:
            used.add(purpose_id)
            if purpose_id not in purpose_ids:
                known = ", ".join(sorted(purpose_ids)) or "none defined"
                message = f"unknown purpose {purpose_id!r} (known: {known})"
                add(_error((*loc, "purposes"), message, purpose_id))
        problems += _location_problems(asset, loc, source_types, need_location=True)
        if asset.deletion != "delete" and source_types.get(asset.source) in ("files", "smb"):
            message = "deletion applies to database rows; files are listed for redaction"
            add(CatalogProblem("warning", (*loc, "deletion"), message))

    for i, later in enumerate(catalog.assets):
        for j in range(i):
            pair = entries_overlap(catalog.assets[j], later)
            if pair:
                message = (
                    f"asset {later.name!r} overlaps asset {catalog.assets[j].name!r} "
                    f"({pair[1]!r} and {pair[0]!r} can match the same place)"
                )
                field = "paths" if later.paths else "tables" if later.tables else "schemas"
                add(_error(("catalog", "assets", i, field), message))

    for i, rule in enumerate(catalog.not_personal):
        loc = ("catalog", "not_personal", i)
        for name in rule.entities:
            if name not in entities:
                add(_error((*loc, "entities"), _unknown_entity(name), name))
        if not (rule.has_location() or rule.values or rule.columns or rule.source):
            add(_error(loc, "a not_personal rule needs a place (source, tables, paths, "
                            "columns) or values"))  # fmt: skip
        problems += _location_problems(rule, loc, source_types, need_location=False)

    for i, purpose in enumerate(catalog.purposes):
        if purpose.id not in used and catalog.assets:
            message = f"purpose {purpose.id!r} is used by no asset"
            add(CatalogProblem("warning", ("catalog", "purposes", i, "id"), message, purpose.id))
    return problems


def _error(loc: tuple[str | int, ...], message: str, value: str | None = None) -> CatalogProblem:
    return CatalogProblem("error", loc, message, value)


def _unknown_entity(name: str) -> str:
    return (
        f"unknown entity {name!r} (known: the entities of `kojin detect` "
        "and [catalog] special_care_entities)"
    )


def _location_problems(
    entry: LocationMatch,
    loc: tuple[str | int, ...],
    source_types: Mapping[str, str],
    need_location: bool,
) -> list[CatalogProblem]:
    out: list[CatalogProblem] = []
    if entry.source is not None and entry.source not in source_types:
        known = ", ".join(sorted(source_types)) or "none configured"
        out.append(_error((*loc, "source"), f"unknown source {entry.source!r} (known: {known})",
                          entry.source))  # fmt: skip
        return out
    if need_location and not entry.has_location():
        out.append(_error(loc, "an asset needs tables, schemas or paths"))
    kind = source_types.get(entry.source) if entry.source else None
    if kind == "database" and entry.paths:
        out.append(_error((*loc, "paths"), "paths need a files source; use tables or schemas"))
    if kind in ("files", "smb") and (entry.tables or entry.schemas):
        field = "tables" if entry.tables else "schemas"
        out.append(_error((*loc, field), "tables and schemas need a database source; use paths"))
    return out


def source_types_of(sources: list[Any]) -> dict[str, str]:
    return {s.name: s.type for s in sources}
