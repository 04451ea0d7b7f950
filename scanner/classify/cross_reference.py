"""容易照合性: tables that are personal data because they point at personal data.

APPI counts information that identifies a person once easily cross-referenced with other
information the company holds: ``dtb_order_detail`` has no name in it, but its
``order_id`` leads to an order that does. After every table is scanned, each table with no
personal column of its own is followed along its foreign keys, declared or unmistakable
by name (``customer_id`` -> the one table called ``customer`` / ``dtb_customer`` /
``customers`` ...), up to a few hops; the first table with personal columns reached makes
a finding on the key column, with the path as evidence.

Works on ``UnitResult.metadata`` only, so it needs no database connection.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from scanner.entities import ALL_ENTITIES, Entity
from scanner.findings import Finding

#: names a ``<stem>_id`` column may point at, most specific first
_TABLE_SHAPES = ("{}", "{}s", "{}es", "dtb_{}", "mtb_{}", "m_{}", "t_{}", "tbl_{}", "{}_master")
_ID_COLUMN = re.compile(r"^(?P<stem>[a-z][a-z0-9_]*?)_?id$")
_HOP_WEIGHT = {"foreign_key": 0.9, "naming_convention": 0.75}
_ORDER = {e.value: i for i, e in enumerate(ALL_ENTITIES)}


@dataclass(frozen=True)
class _Table:
    schema: str
    name: str
    columns: tuple[str, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[Mapping[str, Any], ...]
    personal: Mapping[str, float]  # entity -> best confidence

    @property
    def key(self) -> tuple[str, str]:
        return (self.schema, self.name)


@dataclass(frozen=True)
class _Edge:
    columns: tuple[str, ...]
    target: tuple[str, str]
    target_columns: tuple[str, ...]
    link: str  # "foreign_key" or "naming_convention"


def _tables(metadata: Sequence[Mapping[str, Any]]) -> dict[tuple[str, str], _Table]:
    out = {}
    for meta in metadata:
        if not meta.get("table"):
            continue
        table = _Table(
            schema=meta["schema"],
            name=meta["table"],
            columns=tuple(meta.get("columns", ())),
            primary_key=tuple(meta.get("primary_key", ())),
            foreign_keys=tuple(meta.get("foreign_keys", ())),
            personal=dict(meta.get("personal_entities", {})),
        )
        out[table.key] = table
    return out


def _edges(table: _Table, tables: Mapping[tuple[str, str], _Table]) -> list[_Edge]:
    edges = []
    declared: set[str] = set()
    for fk in table.foreign_keys:
        target = (fk["referred_schema"], fk["referred_table"])
        declared.update(fk["columns"])
        edges.append(
            _Edge(tuple(fk["columns"]), target, tuple(fk["referred_columns"]), "foreign_key")
        )
    by_name = {(s, n.lower()): (s, n) for (s, n) in tables}
    for column in table.columns:
        if column in declared or (column,) == table.primary_key:
            continue
        m = _ID_COLUMN.match(column.lower())
        if not m or len(m.group("stem")) < 2:
            continue
        stem = m.group("stem").rstrip("_")
        found = []
        for shape in _TABLE_SHAPES:
            key = by_name.get((table.schema, shape.format(stem)))
            if key is not None and key != table.key and key not in found:
                found.append(key)
        if len(found) != 1:
            continue  # nothing, or more than one candidate: not unmistakable
        target = tables[found[0]]
        if len(target.primary_key) == 1:
            target_column = target.primary_key[0]
        elif "id" in target.columns:
            target_column = "id"
        else:
            continue
        edges.append(_Edge((column,), target.key, (target_column,), "naming_convention"))
    return edges


def _main_entity(personal: Mapping[str, float]) -> str:
    if Entity.PERSON.value in personal:
        return Entity.PERSON.value
    return min(personal, key=lambda e: (-personal[e], _ORDER.get(e, 99)))


def _ref(schema: str, origin_schema: str, table: str, columns: Sequence[str]) -> str:
    prefix = f"{table}." if schema == origin_schema else f"{schema}.{table}."
    return prefix + ",".join(columns)


def cross_reference_findings(
    source: str, metadata: Sequence[Mapping[str, Any]], max_hops: int = 3
) -> list[Finding]:
    """One finding per key column of a non-personal table that leads to personal data."""
    tables = _tables(metadata)
    edges = {key: _edges(t, tables) for key, t in tables.items()}
    findings = []
    for key, table in sorted(tables.items()):
        if table.personal:
            continue
        for first in edges[key]:
            found = _walk(first, tables, edges, max_hops, origin=key)
            if found is None:
                continue
            path_edges, target = found
            steps: list[str] = []
            here = table
            for edge in path_edges:
                steps.append(_ref(here.schema, table.schema, here.name, edge.columns))
                there = tables[edge.target]
                steps.append(_ref(there.schema, table.schema, there.name, edge.target_columns))
                here = there
            score = 1.0
            for edge in path_edges:
                score *= _HOP_WEIGHT[edge.link]
            entity = _main_entity(target.personal)
            findings.append(
                Finding(
                    source=source,
                    location={
                        "schema": table.schema,
                        "table": table.name,
                        "column": ",".join(first.columns),
                    },
                    entity=entity,
                    score=round(score, 3),
                    evidence={
                        "cross_reference": True,
                        "path": steps,
                        "links": [e.link for e in path_edges],
                        "hops": len(path_edges),
                        "linked_table": f"{target.schema}.{target.name}",
                        "linked_entities": sorted(target.personal, key=lambda e: _ORDER.get(e, 99)),
                        "reasons": [
                            f"no personal column of its own; {' -> '.join(steps)} reaches "
                            f"{target.name}, which holds {entity}"
                        ],
                    },
                )
            )
    return findings


def _walk(
    first: _Edge,
    tables: Mapping[tuple[str, str], _Table],
    edges: Mapping[tuple[str, str], list[_Edge]],
    max_hops: int,
    origin: tuple[str, str],
) -> tuple[list[_Edge], _Table] | None:
    """Shortest path from ``first`` to a table with personal columns (breadth first)."""
    queue: deque[list[_Edge]] = deque([[first]])
    seen = {origin}
    while queue:
        path = queue.popleft()
        target_key = path[-1].target
        target = tables.get(target_key)
        if target is None or target_key in seen:
            continue  # not scanned (filtered out, failed) or a cycle
        if target.personal:
            return path, target
        seen.add(target_key)
        if len(path) < max_hops:
            queue.extend([*path, edge] for edge in edges.get(target_key, ()))
    return None
