"""Per-item state of each run (``kojin_item_states``): what makes a rescan incremental.

Written with the run, in the same transaction; read back by the next ``kojin scan`` as a
``PreviousScan``: per source, the items of the latest run that recorded any, with their
change markers and findings (fingerprints included, so subject search and the catalog's
value rules keep working on carried findings).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select

from scanner.findings import CARRIED_FROM, Finding
from scanner.inventory import schema as t
from scanner.inventory.batches import batches
from scanner.scan.incremental import (
    ItemRecord,
    PreviousItem,
    PreviousScan,
    PreviousSource,
    StoredRow,
    carried_findings,
)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def write_item_states(
    conn: Connection,
    run_pk: int,
    items: Sequence[ItemRecord],
    renamed: Mapping[str, str] | None = None,
) -> None:
    """The run's item states; ``renamed``: the run id the scan used → the one stored (a
    run id already taken gets a suffix), so ``read_in`` names the stored run."""
    renamed = renamed or {}
    rows = (
        {
            "run_pk": run_pk,
            "source": item.source,
            "item_key": item.key,
            "settings": item.settings,
            "marker_json": _json(dict(item.marker)),
            "finding_keys_json": _json(
                sorted({f.key for f in item.findings})
            ),
            "metadata_json": _json(dict(item.metadata)),
            "read_in": renamed.get(item.read_in, item.read_in),
        }
        for item in items
    )
    for batch in batches(rows):
        conn.execute(insert(t.item_states), batch)


@dataclass(frozen=True)
class StoredFindingRow:
    """A run's finding as the inventory holds it."""

    finding: Finding
    pk: int | None  # its row; None: a row that cannot be pointed at (not scanned)
    judgement: tuple[Any, ...]  # as stored (see ``StoredRow``)
    read_in: str  # the run that read it, as a run pointing at the row shows it


def load_previous_scan(
    engine: Engine, findings_of: Callable[[int], Mapping[str, StoredFindingRow]]
) -> PreviousScan:
    """Per source, the items of the latest run that recorded items for it;
    ``findings_of(run_pk)`` gives that run's findings by finding key."""
    states = t.item_states
    with engine.connect() as conn:
        latest = conn.execute(
            select(states.c.source, func.max(states.c.run_pk)).group_by(states.c.source)
        ).all()
        by_run: dict[int, list[str]] = {}
        for source, run_pk in latest:
            by_run.setdefault(run_pk, []).append(source)
        sources: dict[str, PreviousSource] = {}
        for run_pk, names in by_run.items():
            findings = findings_of(run_pk)
            rows = conn.execute(
                select(states).where(states.c.run_pk == run_pk, states.c.source.in_(names))
            ).mappings()
            grouped: dict[str, tuple[str, dict[str, PreviousItem]]] = {}
            for r in rows:
                item = _previous_item(r, findings)
                settings, items = grouped.setdefault(r["source"], (r["settings"], {}))
                if r["settings"] == settings:
                    items[r["item_key"]] = item
            for name, (settings, items) in grouped.items():
                sources[name] = PreviousSource(settings, items)
    return PreviousScan(sources)


def _previous_item(r: Mapping[str, Any], findings: Mapping[str, StoredFindingRow]) -> PreviousItem:
    """An item state with its findings, marked once with the run that read them, and the
    rows that hold them (those a later run can point at, showing the same mark)."""
    stored = [findings[k] for k in json.loads(r["finding_keys_json"]) if k in findings]
    item = PreviousItem(
        marker=json.loads(r["marker_json"]),
        findings=tuple(s.finding for s in stored),
        metadata=json.loads(r["metadata_json"]),
        read_in=r["read_in"],
    )
    marked = carried_findings(item)
    rows = {
        f.key: StoredRow(f, s.pk, s.judgement)
        for f, s in zip(marked, stored, strict=True)
        if s.pk is not None and f.evidence.get(CARRIED_FROM) == s.read_in
    }
    return replace(item, findings=tuple(marked), rows=rows)
