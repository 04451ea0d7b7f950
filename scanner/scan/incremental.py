"""Incremental rescans: read only what changed since the previous run, carry the rest.

Each run records, per source, the items it read cleanly (a file, a table) with their
change marker (size, mtime and content hash; a table's catalog statistics), the identities
of their findings and a digest of the settings they were read with. The next run hands
the markers to the source, which leaves unchanged items out of its work units; their
findings come back from the inventory as they were stored (review labels follow by
identity). An item that had a problem, a source whose config, detector settings or HMAC
key changed, and ``--full`` read everything again; an item that is gone is simply not
carried, so the diff shows its findings as removed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from connectors.base import ITEMS, WorkUnit
from scanner.findings import CARRIED_FROM, Finding, ScanError
from scanner.fingerprint import Fingerprinter
from scanner.scan.runner import UnitResult

#: the text whose HMAC tells which key the recorded fingerprints were made with
KEY_CHECK_TEXT = "kojin-item-state-key-check"


@dataclass(frozen=True)
class StoredRow:
    """Where the inventory holds a carried finding: the row of the run that read it, and
    the judgement stored there. A run that carries that very finding object and judges it
    the same stores a reference to the row instead of a copy."""

    finding: Finding
    pk: int
    #: verdict, rule, asset, purposes (JSON), reason_ja, reason_en, as stored
    judgement: tuple[Any, ...]


@dataclass(frozen=True)
class PreviousItem:
    """One item as a previous run recorded it."""

    marker: Mapping[str, Any]
    findings: tuple[Finding, ...]
    metadata: Mapping[str, Any] = field(default_factory=dict)
    read_in: str = ""  # the run that last read it
    #: the stored rows of its findings, by finding key
    rows: Mapping[str, StoredRow] = field(default_factory=dict)


@dataclass(frozen=True)
class PreviousSource:
    settings: str  # settings_digest() the items were read with
    items: Mapping[str, PreviousItem]


@dataclass(frozen=True)
class PreviousScan:
    """What the inventory knows of the last run of each source."""

    sources: Mapping[str, PreviousSource] = field(default_factory=dict)

    def items_for(self, source: str, settings: str) -> Mapping[str, PreviousItem]:
        """The source's previous items, or none if they were read with other settings."""
        previous = self.sources.get(source)
        if previous is None or previous.settings != settings:
            return {}
        return previous.items


@dataclass(frozen=True)
class ItemRecord:
    """One item this run read cleanly or carried forward, for the inventory."""

    source: str
    key: str
    marker: Mapping[str, Any]
    settings: str
    findings: tuple[Finding, ...]
    metadata: Mapping[str, Any] = field(default_factory=dict)
    read_in: str = ""  # the run that read it: this one, or the one it was carried from
    #: carried: where the inventory already holds its findings (``PreviousItem.rows``)
    rows: Mapping[str, StoredRow] = field(default_factory=dict)


def settings_digest(
    source_config: Any, detector_settings: Mapping[str, Any], fingerprinter: Fingerprinter | None
) -> str:
    """What a source's findings depend on besides the items: its config, the detector
    (mode, entities, threshold, Kojin's version) and the HMAC key."""
    data = {
        "source": source_config.model_dump(mode="json"),
        "detector": dict(detector_settings),
        "key": fingerprinter.digest(KEY_CHECK_TEXT) if fingerprinter is not None else None,
    }
    text = json.dumps(data, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _within(location: Mapping[str, Any], item_location: Mapping[str, Any]) -> bool:
    return all(location.get(k) == v for k, v in item_location.items())


def carried_findings(item: PreviousItem) -> list[Finding]:
    """The item's stored findings, marked with the run that last read them."""
    out = []
    for f in item.findings:
        if CARRIED_FROM in f.evidence:
            out.append(f)
        else:
            out.append(f.with_evidence({**f.evidence, CARRIED_FROM: item.read_in}))
    return out


def carried_result(source: str, key: str, item: PreviousItem) -> UnitResult:
    """A stand-in result for an item the source left out of its units."""
    unit = WorkUnit(source, "carried", key)
    return UnitResult(unit, findings=carried_findings(item), metadata=dict(item.metadata))


def apply_unchanged(result: UnitResult, previous: Mapping[str, PreviousItem]) -> int:
    """Add the previous findings of the items a unit found unchanged; how many there were."""
    carried = 0
    for item in result.metadata.get(ITEMS, ()):
        if item.get("unchanged") and item["key"] in previous:
            result.findings.extend(carried_findings(previous[item["key"]]))
            carried += 1
    return carried


def item_records(
    source: str,
    settings: str,
    run_id: str,
    results: Sequence[UnitResult],
    carried: Mapping[str, PreviousItem],
    previous: Mapping[str, PreviousItem],
) -> list[ItemRecord]:
    """The items to record: every cleanly read item of ``results`` and every carried one.

    An item is clean when no problem of its unit lies within its location; its findings
    are the unit's findings within it. The metadata of a one-item unit (a table: its
    columns and links) is kept with the item, for ``finalize`` when it is carried.
    """
    out: list[ItemRecord] = []
    for key, item in carried.items():
        out.append(
            ItemRecord(
                source,
                key,
                item.marker,
                settings,
                tuple(carried_findings(item)),
                item.metadata,
                item.read_in,
                item.rows,
            )  # fmt: skip
        )
    for result in results:
        unit_items = result.metadata.get(ITEMS, ())
        # a unit of one item (a table) keeps its metadata: finalize needs it when carried
        kept = {k: v for k, v in result.metadata.items() if k != ITEMS}
        for item in unit_items:
            location = item["location"]
            if item.get("marker") is None or _has_problem(result.errors, location):
                continue
            findings = tuple(f for f in result.findings if _within(f.location, location))
            read_in, rows = run_id, {}
            if item.get("unchanged") and item["key"] in previous:
                read_in, rows = previous[item["key"]].read_in, previous[item["key"]].rows
            out.append(
                ItemRecord(
                    source,
                    item["key"],
                    item["marker"],
                    settings,
                    findings,
                    kept if len(unit_items) == 1 else {},
                    read_in,
                    rows,
                )  # fmt: skip
            )
    return out


def items_read(results: Iterable[UnitResult]) -> int:
    """Items whose content this run read and scanned (not found unchanged)."""
    return sum(
        1 for r in results for item in r.metadata.get(ITEMS, ()) if not item.get("unchanged")
    )


def _has_problem(errors: Iterable[ScanError], location: Mapping[str, Any]) -> bool:
    return any(_within(e.location, location) for e in errors)
