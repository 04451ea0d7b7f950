"""The places a subject search reads: what the inventory's latest run marked as personal.

Only findings that still count are used: not ``not_personal`` in the catalog's judgement,
not marked a false positive by a reviewer, and about values of their own (a
cross-reference by key holds no identifier; deletion plans follow keys separately).
A column group (tel01/tel02/tel03, name01/name02) is read as the one value it holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from scanner.entities import is_personal
from scanner.inventory.records import Mark, StoredFinding


@dataclass(frozen=True)
class ValueColumn:
    """One value per row: a column, or a group of columns joined as the scan joined them.

    A free-text column is read once, whatever it was found to mention: the detector
    finds the values inside it (``entity`` is then empty).
    """

    columns: tuple[str, ...]
    entity: str
    group_kind: str | None = None
    free_text: bool = False

    @property
    def label(self) -> str:
        return "+".join(self.columns)


@dataclass(frozen=True)
class TablePlace:
    source: str
    schema: str
    table: str
    values: tuple[ValueColumn, ...]

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.table}"

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column read, in a stable order."""
        return tuple(dict.fromkeys(c for v in self.values for c in v.columns))


@dataclass(frozen=True)
class FileColumn:
    member: str | None
    sheet: str | None
    column: str
    entity: str
    free_text: bool = False


@dataclass(frozen=True)
class FilePlace:
    source: str
    path: str
    has_text: bool  # personal data found in the file's text (not only in table columns)
    columns: tuple[FileColumn, ...] = ()
    path_hex: str = ""  # the on-disk name's bytes when they are not ``path``'s UTF-8

    @property
    def key(self) -> str:
        return self.path


Place = TablePlace | FilePlace


def _counts(finding: StoredFinding) -> bool:
    if finding.verdict == "not_personal" or not is_personal(finding.entity):
        return False
    if finding.review is not None and finding.review.mark == Mark.false_positive:
        return False
    return not finding.is_cross_reference


def personal_places(findings: Iterable[StoredFinding]) -> list[Place]:
    """Tables and files with personal values, each with what to read, sorted."""
    tables: dict[tuple[str, str, str], dict[tuple[str, ...], ValueColumn]] = {}
    files: dict[tuple[str, str], tuple[bool, dict[tuple, FileColumn]]] = {}
    on_disk: dict[tuple[str, str], str] = {}
    for f in findings:
        if not _counts(f):
            continue
        loc = f.location
        free_text = f.free_text
        if loc.get("table") and loc.get("column"):
            group_kind, group_columns = f.group
            joined = bool(group_columns) and not free_text
            value = ValueColumn(
                columns=group_columns if joined else (loc["column"],),
                entity="" if free_text else f.entity,
                group_kind=group_kind if joined else None,
                free_text=free_text,
            )
            key = (f.source, str(loc.get("schema") or ""), loc["table"])
            tables.setdefault(key, {})[(*value.columns, value.entity)] = value
        elif loc.get("path"):
            has_text, columns = files.setdefault((f.source, loc["path"]), (False, {}))
            if f.evidence.get("path_hex"):
                on_disk[(f.source, loc["path"])] = f.evidence["path_hex"]
            if loc.get("column"):
                entity = "" if free_text else f.entity
                column = FileColumn(
                    loc.get("member"), loc.get("sheet"), loc["column"], entity, free_text
                )
                columns[(column.member, column.sheet, column.column, entity)] = column
            elif not has_text:
                files[(f.source, loc["path"])] = (True, columns)
    out: list[Place] = [
        TablePlace(source, schema, table, tuple(values.values()))
        for (source, schema, table), values in sorted(tables.items())
    ]
    out += [
        FilePlace(
            source, path, has_text, tuple(columns.values()), on_disk.get((source, path), "")
        )
        for (source, path), (has_text, columns) in sorted(files.items())
    ]
    return out
