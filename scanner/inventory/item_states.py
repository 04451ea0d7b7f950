"""Per-item state of each run (``kojin_item_states``): what makes a rescan incremental.

Written with the run, in the same transaction; read back by the next ``kojin scan`` as a
``PreviousScan``: per source, the items of the latest run that recorded any, with their
change markers and findings (fingerprints included, so subject search and the catalog's
value rules keep working on carried findings).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select

from scanner.findings import Finding
from scanner.inventory import schema as t
from scanner.inventory.batches import batches
from scanner.scan.incremental import ItemRecord, PreviousItem, PreviousScan, PreviousSource


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def write_item_states(conn: Connection, run_pk: int, items: Sequence[ItemRecord]) -> None:
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
            "read_in": item.read_in,
        }
        for item in items
    )
    for batch in batches(rows):
        conn.execute(insert(t.item_states), batch)


def load_previous_scan(
    engine: Engine, findings_of: Callable[[int], Mapping[str, Finding]]
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
                keys = json.loads(r["finding_keys_json"])
                item = PreviousItem(
                    marker=json.loads(r["marker_json"]),
                    findings=tuple(findings[k] for k in keys if k in findings),
                    metadata=json.loads(r["metadata_json"]),
                    read_in=r["read_in"],
                )
                settings, items = grouped.setdefault(r["source"], (r["settings"], {}))
                if r["settings"] == settings:
                    items[r["item_key"]] = item
            for name, (settings, items) in grouped.items():
                sources[name] = PreviousSource(settings, items)
    return PreviousScan(sources)
