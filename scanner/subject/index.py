"""Build the subject index: every personal row and file, fingerprinted, with its locator.

Run after a scan is recorded (``kojin scan --index-subjects`` or ``[inventory]
index_subjects = true``) or on its own (``kojin subject index``). It reads every row of
the columns the run marked personal (not only the scan's sample) and every personal file
in full, and stores HMAC digests of the normalised identifiers (names, kana, e-mail,
phone, birthdate, My Number) with the row's primary key or the file part; raw values are
never stored.

Incremental, place by place; a place is read again only when it may have changed:

- files: unchanged size and mtime skip without reading; else the content hash decides;
- tables: databases share no change marker, so the rows' primary keys and personal
  columns are read and digested (no detector, no HMAC); an equal digest skips the rest;
- everything is re-indexed when what is read changed (columns now personal or not), when
  the HMAC key changed (every digest would differ), or with ``full=True``.

Places no longer personal, or whose source left the config, leave the index. A place
that cannot be read keeps its previous entries and is reported.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from scanner.fingerprint import Fingerprinter
from scanner.inventory.subjects import IndexEntry, SubjectIndex
from scanner.subject.identifiers import SEARCHABLE_ENTITIES, value_digests
from scanner.subject.places import FilePlace, Place, TablePlace, personal_places
from scanner.subject.reader import (
    PlaceReadError,
    Record,
    RowDigest,
    file_hash,
    file_signature,
    read_file,
    read_table,
    table_digest,
)

if TYPE_CHECKING:
    from scanner.config import KojinConfig
    from scanner.detect.detector import Detector
    from scanner.inventory.records import RunInfo
    from scanner.inventory.store import Inventory

@dataclass(frozen=True)
class IndexReport:
    run_pk: int
    places: int
    reindexed: int
    unchanged: int
    removed: int
    entries: int
    errors: tuple[str, ...]
    seconds: float


def place_kind(place: Place) -> str:
    return "table" if isinstance(place, TablePlace) else "file"


def place_spec(place: Place) -> dict[str, Any]:
    """What is read at a place, as JSON: a change means the old entries no longer fit."""
    spec = dataclasses.asdict(place)
    spec.pop("source")
    return json.loads(json.dumps(spec, sort_keys=True))  # as stored: lists, not tuples


def detector_factory(config: KojinConfig) -> Callable[[], Detector]:
    """The config's detector, loaded on first use only (structured columns never need it)."""
    made: list[Detector] = []

    def get() -> Detector:
        if not made:
            from scanner.detect.detector import Detector

            made.append(
                Detector(
                    mode=config.detector.mode,
                    entities=config.detector.entities,
                    threshold=config.detector.threshold,
                ).load()
            )
        return made[0]

    return get


def record_entries(fingerprinter: Fingerprinter, records: Iterable[Record]) -> Iterator[IndexEntry]:
    """One entry per distinct searchable value and where it sits in the record; names and
    addresses also under their folded keys (variant, reading), never as raw text."""
    for record in records:
        seen: set[tuple] = set()
        for value in record.values:
            if value.entity not in SEARCHABLE_ENTITIES:
                continue
            where = json.dumps(value.detail, sort_keys=True)
            for digest, _how in value_digests(fingerprinter, value.entity, value.text):
                key = (digest, value.entity, where)
                if key in seen:
                    continue
                seen.add(key)
                yield IndexEntry(digest, value.entity, record.locator, value.detail)


def build_subject_index(
    config: KojinConfig,
    inventory: Inventory,
    fingerprinter: Fingerprinter,
    run: RunInfo | None = None,
    *,
    full: bool = False,
    detector: Callable[[], Detector] | None = None,
) -> IndexReport:
    """Bring the index up to date with ``run`` (default: the latest run)."""
    from connectors.registry import create_source

    started = time.monotonic()
    run = run or inventory.resolve_run(None)
    index = SubjectIndex(inventory)
    places = personal_places(inventory.findings(run))
    configs = {s.name: s for s in config.sources}
    existing = {(p.source, p.kind, p.place_key): p for p in index.places()}
    check = fingerprinter.key_check()
    get_detector = detector or detector_factory(config)
    sources: dict[str, Any] = {}
    kept: set[int] = set()
    reindexed = unchanged = entries = 0
    errors: list[str] = []
    for place in places:
        if place.source not in configs:
            continue
        source = sources.get(place.source)
        if source is None:
            source = sources[place.source] = create_source(configs[place.source])
        kind, spec = place_kind(place), place_spec(place)
        old = existing.get((place.source, kind, place.key))
        if old is not None:
            kept.add(old.pk)
        current = old is not None and not full and old.key_check == check and old.spec == spec
        try:
            fresh = _changed(source, place, old if current else None, index, run, get_detector)
            if fresh is None:
                unchanged += 1
                continue
            records, signature = fresh
            entries += index.replace_place(
                source=place.source,
                kind=kind,
                place_key=place.key,
                spec=spec,
                signature=signature,
                key_check=check,
                run_pk=run.pk,
                entries=record_entries(fingerprinter, records),
                old_pk=old.pk if old is not None else None,
            )
            reindexed += 1
        except PlaceReadError as exc:
            errors.append(str(exc))
    for source in sources.values():
        close = getattr(source, "close", None)
        if close is not None:
            close()
    gone = [p.pk for p in existing.values() if p.pk not in kept]
    index.drop(gone)
    return IndexReport(
        run.pk,
        len(places),
        reindexed,
        unchanged,
        len(gone),
        entries,
        tuple(errors),
        round(time.monotonic() - started, 3),
    )


def _changed(
    source: Any,
    place: Place,
    current: Any,
    index: SubjectIndex,
    run: RunInfo,
    get_detector: Callable[[], Detector],
) -> tuple[Iterator[Record], str | Callable[[], str]] | None:
    """The place's records and signature to index, or None when ``current`` (its entry,
    when still valid) shows the place unchanged: then the entry is only touched."""
    if isinstance(place, TablePlace):
        if current and table_digest(source, place) == current.signature:
            index.touch(current.pk, current.signature, run.pk)
            return None
        digest = RowDigest()
        return read_table(source, place, get_detector, digest=digest), digest.hexdigest
    assert isinstance(place, FilePlace)
    size, mtime = file_signature(source, place)
    if current and current.signature.startswith(f"{size}:{mtime}:"):
        index.touch(current.pk, current.signature, run.pk)
        return None
    content = file_hash(source, place)
    signature = f"{size}:{mtime}:{content}"
    if current and current.signature.endswith(f":{content}"):
        index.touch(current.pk, signature, run.pk)
        return None
    return read_file(source, place, get_detector), signature
