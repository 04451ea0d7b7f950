"""Propose ``[[catalog.assets]]`` entries for findings no asset covers, as TOML to paste.

Database findings are grouped by table; file findings by folder (``folder/**``) unless
that glob would overlap an asset the catalog already has, then file by file. Purposes
that allow every entity found are proposed (fewest extras first); when none does, the
entry says ``purposes = []`` and why: choosing a purpose the policy does not give is the
company's decision, never the tool's (and the catalog refuses an asset without one, so
the pasted entry cannot go unnoticed). ``owner`` is left as TODO.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from scanner.catalog.matching import entries_overlap
from scanner.catalog.models import CatalogConfig, LocationMatch, SubjectKind
from scanner.entities import category

_SUBJECT_HINTS: tuple[tuple[SubjectKind, re.Pattern[str]], ...] = (
    (
        SubjectKind.applicant,
        re.compile(r"応募|採用|履歴書|applicant|recruit|candidate|resume", re.I),
    ),  # fmt: skip
    (SubjectKind.employee, re.compile(r"社員|従業員|人事|給与|employee|staff|payroll|hr", re.I)),
    (
        SubjectKind.business_contact,
        re.compile(r"取引先|名刺|見積|partner|vendor|supplier|contact", re.I),
    ),  # fmt: skip
)


@dataclass(frozen=True)
class Unmapped:
    """A finding the catalog has no asset for (what suggest needs, nothing more)."""

    source: str
    location: Mapping[str, Any]
    entity: str


@dataclass(frozen=True)
class AssetSuggestion:
    name: str
    source: str
    tables: tuple[str, ...]
    paths: tuple[str, ...]
    entities: tuple[str, ...]
    places: int
    purposes: tuple[str, ...]
    purpose_note: str
    subjects: SubjectKind


def _escape_glob(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def _file_glob(path: str) -> str:
    """One file, exactly: escaped, and anchored at the root when it has no folder."""
    escaped = _escape_glob(path)
    return escaped if "/" in escaped else "/" + escaped


def _subjects(text: str) -> SubjectKind:
    return next((kind for kind, hint in _SUBJECT_HINTS if hint.search(text)),
                SubjectKind.customer)  # fmt: skip


def _rank_purposes(catalog: CatalogConfig, entities: set[str]) -> tuple[tuple[str, ...], str]:
    """The purpose allowing every entity with the fewest extras; none when none does."""
    full = [p for p in catalog.purposes if entities <= set(p.entities)]
    if full:
        full.sort(key=lambda p: len(set(p.entities) - entities))
        note = "allow every item found: " + ", ".join(p.id for p in full)
        return (full[0].id,), note
    if not catalog.purposes:
        return (), "the catalog has no purposes yet: add the policy's purposes first"
    allowed = set().union(*(set(p.entities) for p in catalog.purposes))
    never = sorted(category(e) for e in entities - allowed)
    why = (
        f"no purpose of the policy allows {'、'.join(never)}"
        if never
        else "no single purpose allows every item found together"
    )
    return (), f"{why}: none chosen; decide the purpose (or whether to keep this data)"


def suggest_assets(catalog: CatalogConfig, unmapped: Iterable[Unmapped]) -> list[AssetSuggestion]:
    tables: dict[tuple[str, str], dict[str, set[str]]] = {}
    folders: dict[tuple[str, str], dict[str, set[str]]] = {}
    for f in unmapped:
        if f.location.get("table"):
            schema = f.location.get("schema")
            name = f"{schema}.{f.location['table']}" if schema else str(f.location["table"])
            tables.setdefault((f.source, name), {}).setdefault(name, set()).add(f.entity)
        elif f.location.get("path"):
            path = str(f.location["path"])
            folder = posixpath.dirname(path)
            folders.setdefault((f.source, folder), {}).setdefault(path, set()).add(f.entity)

    out: list[AssetSuggestion] = []
    for (source, name), found in sorted(tables.items()):
        entities = set().union(*found.values())
        purposes, note = _rank_purposes(catalog, entities)
        out.append(AssetSuggestion(
            name=name.rpartition(".")[2], source=source, tables=(name,), paths=(),
            entities=_ordered(entities), places=1, purposes=purposes, purpose_note=note,
            subjects=_subjects(name),
        ))  # fmt: skip
    for (source, folder), files in sorted(folders.items()):
        glob = f"{_escape_glob(folder)}/**" if folder else None
        if glob and len(files) > 1 and not _overlaps(catalog, source, glob):
            groups = [(folder.rpartition("/")[2], (glob,), set().union(*files.values()))]
        else:
            groups = [(posixpath.basename(p), (_file_glob(p),), e)
                      for p, e in sorted(files.items())]  # fmt: skip
        for name, paths, entities in groups:
            purposes, note = _rank_purposes(catalog, entities)
            out.append(AssetSuggestion(
                name=name, source=source, tables=(), paths=paths, entities=_ordered(entities),
                places=len(files) if paths[0].endswith("/**") else 1, purposes=purposes,
                purpose_note=note, subjects=_subjects(folder + "/" + name),
            ))  # fmt: skip
    return _unique_names(catalog, out)


def _unique_names(catalog: CatalogConfig, found: list[AssetSuggestion]) -> list[AssetSuggestion]:
    """Asset names must be unique: a clash gets the place appended."""
    taken = {a.name for a in catalog.assets}
    out = []
    for s in found:
        name = s.name
        if name in taken:
            name = f"{s.name} ({s.source}:{(s.tables or s.paths)[0]})"
        taken.add(name)
        out.append(replace(s, name=name))
    return out


def _overlaps(catalog: CatalogConfig, source: str, glob: str) -> bool:
    probe = LocationMatch(source=source, paths=[glob])
    return any(entries_overlap(probe, asset) for asset in catalog.assets)


def _ordered(entities: set[str]) -> tuple[str, ...]:
    return tuple(sorted(entities))


def _toml(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _toml_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(_toml(v) for v in values) + "]"


def suggestions_toml(suggestions: list[AssetSuggestion]) -> str:
    """The suggestions as ``[[catalog.assets]]`` tables, each with a comment saying why."""
    blocks = []
    for s in suggestions:
        found = "、".join(category(e) for e in s.entities)
        lines = [
            f"# {s.source}: {', '.join(s.tables or s.paths)} — {found}"
            + (f" ({s.places} files)" if s.places > 1 else ""),
            f"# purposes: {s.purpose_note}",
            "[[catalog.assets]]",
            f"name = {_toml(s.name)}",
            f"source = {_toml(s.source)}",
            f"tables = {_toml_list(s.tables)}" if s.tables else f"paths = {_toml_list(s.paths)}",
            f"purposes = {_toml_list(s.purposes)}"
            + ("" if s.purposes else "  # none fits (see above): the catalog refuses it as is"),
            'owner = "TODO"',
            f"subjects = {_toml(str(s.subjects))}  # customer | applicant | employee | "
            "business_contact",
        ]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")
