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
from scanner.inventory.subjects import EntryRow, IndexEntry, SubjectIndex, entry_row
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


@dataclass(frozen=True)
class PlaceTask:
    """One place to index, with what a worker needs: the source's config and the
    signature of the place's still-valid entry (None: index it afresh)."""

    source_config: Any  # a pydantic source config (picklable)
    place: Place
    previous: str | None


@dataclass(frozen=True)
class PlaceResult:
    """What indexing one place gave: ``rows`` None means unchanged (only touched).

    In the driver (serial) ``rows`` is a lazy stream and ``signature`` may be a
    callable asked once it is consumed; from a worker both are plain values."""

    place: Place
    signature: str | Callable[[], str] = ""
    rows: Iterable[EntryRow] | None = None
    error: str | None = None


def _rows(fingerprinter: Fingerprinter, records: Iterable[Record]) -> Iterator[EntryRow]:
    return map(entry_row, record_entries(fingerprinter, records))


def index_place(
    source: Any,
    place: Place,
    previous: str | None,
    fingerprinter: Fingerprinter,
    get_detector: Callable[[], Detector],
) -> PlaceResult:
    """The place's entries and signature, or its unchanged signature; reads, never writes."""
    if isinstance(place, TablePlace):
        if previous is not None and table_digest(source, place) == previous:
            return PlaceResult(place, previous)
        digest = RowDigest()
        records = read_table(source, place, get_detector, digest=digest)
        return PlaceResult(place, digest.hexdigest, _rows(fingerprinter, records))
    assert isinstance(place, FilePlace)
    size, mtime = file_signature(source, place)
    if previous is not None and previous.startswith(f"{size}:{mtime}:"):
        return PlaceResult(place, previous)
    content = file_hash(source, place)
    signature = f"{size}:{mtime}:{content}"
    if previous is not None and previous.endswith(f":{content}"):
        return PlaceResult(place, signature)
    records = read_file(source, place, get_detector)
    return PlaceResult(place, signature, _rows(fingerprinter, records))


def index_place_in_worker(
    task: PlaceTask, settings: dict, fingerprinter: Fingerprinter | None = None
) -> PlaceResult:
    """``index_place`` in a worker process: the entries come back to the driver whole
    (one place's digests, no values), and the driver alone writes them."""
    from scanner.scan.executors import worker_detector, worker_source

    assert fingerprinter is not None  # the key travels with every task
    source = worker_source(task.source_config)
    try:
        result = index_place(
            source, task.place, task.previous, fingerprinter, lambda: worker_detector(settings)
        )
        rows = None if result.rows is None else tuple(result.rows)
        signature = result.signature() if callable(result.signature) else result.signature
    except PlaceReadError as exc:
        return PlaceResult(task.place, error=str(exc))
    return PlaceResult(task.place, signature, rows)


def build_subject_index(
    config: KojinConfig,
    inventory: Inventory,
    fingerprinter: Fingerprinter,
    run: RunInfo | None = None,
    *,
    full: bool = False,
    detector: Callable[[], Detector] | None = None,
    executor: str = "serial",
    workers: int | None = None,
    scheduler: str | None = None,
) -> IndexReport:
    """Bring the index up to date with ``run`` (default: the latest run).

    Places are read and fingerprinted on ``executor`` (serial in this process, worker
    processes or Dask, as the scan's units); only this driver writes the index."""
    started = time.monotonic()
    run = run or inventory.resolve_run(None)
    index = SubjectIndex(inventory)
    places = personal_places(inventory.findings(run))
    configs = {s.name: s for s in config.sources}
    existing = {(p.source, p.kind, p.place_key): p for p in index.places()}
    check = fingerprinter.key_check()
    kept: set[int] = set()
    tasks: list[PlaceTask] = []
    for place in places:
        if place.source not in configs:
            continue
        kind, spec = place_kind(place), place_spec(place)
        old = existing.get((place.source, kind, place.key))
        if old is not None:
            kept.add(old.pk)
        current = old is not None and not full and old.key_check == check and old.spec == spec
        tasks.append(PlaceTask(configs[place.source], place, old.signature if current else None))
    reindexed = unchanged = entries = 0
    errors: list[str] = []
    for result in _run_places(config, tasks, fingerprinter, detector, executor, workers, scheduler):
        place = result.place
        old = existing.get((place.source, place_kind(place), place.key))
        try:
            if result.error is not None:
                raise PlaceReadError(result.error)
            if result.rows is None:
                assert old is not None and isinstance(result.signature, str)
                index.touch(old.pk, result.signature, run.pk)
                unchanged += 1
                continue
            entries += index.replace_place(
                source=place.source,
                kind=place_kind(place),
                place_key=place.key,
                spec=place_spec(place),
                signature=result.signature,
                key_check=check,
                run_pk=run.pk,
                rows=result.rows,
                old_pk=old.pk if old is not None else None,
            )
            reindexed += 1
        except PlaceReadError as exc:
            errors.append(str(exc))
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


def _run_places(
    config: KojinConfig,
    tasks: list[PlaceTask],
    fingerprinter: Fingerprinter,
    detector: Callable[[], Detector] | None,
    executor: str,
    workers: int | None,
    scheduler: str | None,
) -> Iterator[PlaceResult]:
    """Each task's result, in completion order; serial ones stream, one place at a time."""
    if executor != "serial":
        from scanner.scan.executors import run_calls

        settings = {
            "mode": config.detector.mode,
            "entities": config.detector.entities,
            "threshold": config.detector.threshold,
        }
        yield from run_calls(
            executor,
            index_place_in_worker,
            tasks,
            settings=settings,
            fingerprinter=fingerprinter,
            failed=lambda task, message: PlaceResult(
                task.place, error=f"{task.place.source}:{task.place.key}: {message}"
            ),
            workers=workers,
            scheduler=scheduler,
        )
        return
    from connectors.registry import create_source

    get_detector = detector or detector_factory(config)
    sources: dict[str, Any] = {}
    try:
        for task in tasks:
            name = task.place.source
            source = sources.get(name)
            if source is None:
                source = sources[name] = create_source(task.source_config)
            try:
                yield index_place(source, task.place, task.previous, fingerprinter, get_detector)
            except PlaceReadError as exc:
                yield PlaceResult(task.place, error=str(exc))
    finally:
        for source in sources.values():
            close = getattr(source, "close", None)
            if close is not None:
                close()
