"""Find every record holding one person's identifiers: in the index, or live.

The request's identifiers are fingerprinted and looked up in the subject index; places
the index does not cover (none at all, or personal only since it was built) are read
live, and only those: the columns and files the inventory's latest run marked personal.
A record's hit is ``strong`` when it matched an e-mail, phone or My Number, or a name
together with the birthdate or the address; a name alone is ``weak`` and listed apart.
Names and addresses are also probed in their folded forms (variant, reading); a hit says
how each identifier matched.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from scanner.fingerprint import Fingerprinter
from scanner.inventory.migrations import InventoryError
from scanner.inventory.subjects import SubjectIndex
from scanner.subject.identifiers import (
    KIND_ENTITY,
    Probe,
    SubjectQuery,
    best_how,
    strength,
    value_digests,
)
from scanner.subject.index import detector_factory, place_kind
from scanner.subject.places import FilePlace, Place, TablePlace, personal_places
from scanner.subject.reader import FoundValue, PlaceReadError, Record, read_file, read_table

if TYPE_CHECKING:
    from scanner.config import KojinConfig
    from scanner.detect.detector import Detector
    from scanner.inventory.store import Inventory

_KIND_ORDER = {kind: i for i, kind in enumerate(KIND_ENTITY)}
#: where in a document a text record is, in the order a location lists them
_WHERE_FIELDS = ("line", "paragraph", "cell", "part", "key", "offset")
#: a name and the birthdate this many lines (paragraphs) apart still belong together
NEAR = 2


@dataclass(frozen=True)
class SubjectHit:
    """Records holding some of the person's identifiers (which kinds, never the values).

    Usually one record (a row, a line); a name and the birthdate on nearby lines of one
    document make one hit of both lines.
    """

    source: str
    kind: str  # "table" | "file"
    place_key: str
    records: tuple[Mapping[str, Any], ...]
    matched: tuple[str, ...]
    details: tuple[Mapping[str, Any], ...] = field(default=(), repr=False)
    #: (kind, how) for each matched kind: exact, variant (異体字, address forms) or reading
    how: tuple[tuple[str, str], ...] = ()

    @property
    def record(self) -> Mapping[str, Any]:
        return self.records[0]

    @property
    def strength(self) -> str:
        return strength(self.matched)

    @property
    def place(self) -> str:
        return f"{self.source}:{self.place_key}"

    @property
    def is_text(self) -> bool:
        """A place in a document's text rather than a row of a table or sheet."""
        return self.kind == "file" and "row" not in self.record

    def location(self) -> dict[str, Any]:
        columns = list(
            dict.fromkeys(
                c for d in self.details for c in (d.get("columns") or [d.get("column")]) if c
            )
        )
        if self.kind == "table":
            schema, _, table = self.place_key.partition(".")
            out: dict[str, Any] = {"schema": schema, "table": table, **self.record}
            out["columns"] = columns
            return out
        out = {"path": self.place_key, **self.record}
        for name in _WHERE_FIELDS:
            found = sorted({r[name] for r in self.records if name in r}, key=str)
            if len(found) > 1:
                out[name + "s"] = found
        if columns:
            out["columns"] = columns
        return out

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "location": self.location(),
            "matched": list(self.matched),
            "how": dict(self.how),
            "strength": self.strength,
        }

    def explain(self) -> str:
        """``name (reading), birthdate``: which identifiers matched and how, if not exactly."""
        how = dict(self.how)
        return ", ".join(
            k if how.get(k, "exact") == "exact" else f"{k} ({how[k]})" for k in self.matched
        )


def _merge_nearby(hits: list[SubjectHit]) -> list[SubjectHit]:
    """A weak name hit and a weak birthdate hit a line or two apart in one document are
    one strong hit (a résumé, a letter); further apart they stay two weak ones."""
    out = [h for h in hits if not (h.is_text and h.strength == "weak")]
    weak = [h for h in hits if h.is_text and h.strength == "weak"]
    used: set[int] = set()
    for i, a in enumerate(weak):
        if i in used:
            continue
        for j in range(i + 1, len(weak)):
            b = weak[j]
            if j in used or not _near(a, b) or strength({*a.matched, *b.matched}) != "strong":
                continue
            matched = tuple(sorted({*a.matched, *b.matched}, key=_KIND_ORDER.__getitem__))
            hows: dict[str, str] = {}
            for kind, how in (*a.how, *b.how):
                hows[kind] = best_how(hows.get(kind), how)
            a = SubjectHit(
                a.source,
                a.kind,
                a.place_key,
                (*a.records, *b.records),
                matched,
                (*a.details, *b.details),
                tuple((k, hows[k]) for k in matched if k in hows),
            )
            used.add(j)
            break
        out.append(a)
    return out


def _near(a: SubjectHit, b: SubjectHit) -> bool:
    if (a.source, a.place_key) != (b.source, b.place_key):
        return False
    ra, rb = a.record, b.record
    if {k: v for k, v in ra.items() if k not in _WHERE_FIELDS} != {
        k: v for k, v in rb.items() if k not in _WHERE_FIELDS
    }:
        return False  # another archive member, sheet or page
    for name in ("line", "paragraph"):
        if name in ra and name in rb:
            return abs(int(ra[name]) - int(rb[name])) <= NEAR
    return False


@dataclass(frozen=True)
class SearchResult:
    subject: str
    hits: tuple[SubjectHit, ...]
    mode: str  # "index", "live" or "index+live"
    run_pk: int
    places_read: int
    index_built: str | None
    errors: tuple[str, ...]
    seconds: float

    @property
    def strong(self) -> list[SubjectHit]:
        return [h for h in self.hits if h.strength == "strong"]

    @property
    def weak(self) -> list[SubjectHit]:
        return [h for h in self.hits if h.strength == "weak"]


class _Matches:
    """Hits being gathered: record -> matched kinds and where."""

    def __init__(self, probes: Iterable[Probe]):
        self.kinds_of: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for p in probes:
            self.kinds_of.setdefault((p.entity, p.digest), []).append((p.kind, p.how))
        self.found: dict[tuple[str, str, str, str], tuple[dict[str, str], list[Mapping]]] = {}

    def add(
        self,
        source: str,
        kind: str,
        key: str,
        record: Mapping[str, Any],
        entity: str,
        digest: str | None,
        detail: Mapping[str, Any],
    ) -> None:
        kinds = self.kinds_of.get((entity, digest or ""))
        if not kinds:
            return
        ident = (source, kind, key, json.dumps(record, sort_keys=True, default=str))
        matched, details = self.found.setdefault(ident, ({}, []))
        for kind, how in kinds:
            matched[kind] = best_how(matched.get(kind), how)
        if detail not in details:
            details.append(detail)

    def hits(self) -> list[SubjectHit]:
        out = [
            SubjectHit(
                source,
                kind,
                key,
                (json.loads(record),),
                tuple(sorted(matched, key=_KIND_ORDER.__getitem__)),
                tuple(details),
                tuple((k, matched[k]) for k in sorted(matched, key=_KIND_ORDER.__getitem__)),
            )
            for (source, kind, key, record), (matched, details) in self.found.items()
        ]
        out = _merge_nearby(out)
        out.sort(
            key=lambda h: (
                h.strength != "strong",
                h.source,
                h.kind,
                h.place_key,
                json.dumps(h.record, sort_keys=True, default=str),
            )
        )
        return out


def matched_kinds(
    values: Iterable[FoundValue], probes: Iterable[Probe], fingerprinter: Fingerprinter
) -> set[str]:
    """The request's identifier kinds that ``values`` (one record's) still hold."""
    probes = list(probes)
    entities = {p.entity for p in probes}
    digests = {
        (v.entity, digest)
        for v in values
        if v.entity in entities
        for digest, _how in value_digests(fingerprinter, v.entity, v.text)
    }
    return {p.kind for p in probes if (p.entity, p.digest) in digests}


def read_place(
    config: KojinConfig,
    place: Place,
    detector: Callable[[], Detector] | None,
    sources: dict[str, Any],
    keys: list[Mapping[str, Any]] | None = None,
    labels: bool = False,
) -> Iterable[Record]:
    """The records of a place through its configured source (created once per search);
    ``labels``: foreign keys shown by their lookup's label (the disclosure export)."""
    from connectors.registry import create_source

    source = sources.get(place.source)
    if source is None:
        configs = {s.name: s for s in config.sources}
        if place.source not in configs:
            raise PlaceReadError(f"{place.source}: no such source in the config")
        source = sources[place.source] = create_source(configs[place.source])
    if isinstance(place, TablePlace):
        return read_table(source, place, detector, keys=keys, labels=labels)
    assert isinstance(place, FilePlace)
    return read_file(source, place, detector)


def close_sources(sources: Mapping[str, Any]) -> None:
    for source in sources.values():
        close = getattr(source, "close", None)
        if close is not None:
            close()


def find_subject(
    config: KojinConfig,
    inventory: Inventory,
    query: SubjectQuery,
    fingerprinter: Fingerprinter,
    *,
    live: bool = False,
    detector: Callable[[], Detector] | None = None,
) -> SearchResult:
    """Every record holding the person's identifiers; ``live`` ignores the index."""
    started = time.monotonic()
    probes = query.probe_list(fingerprinter)
    subject = query.subject_id(fingerprinter)
    matches = _Matches(probes)
    run = inventory.resolve_run(None)
    index = SubjectIndex(inventory)
    indexed = [] if live else index.places()
    if any(p.key_check != fingerprinter.key_check() for p in indexed):
        raise InventoryError(
            "the subject index was made with another HMAC key: run `kojin subject index --full`"
        )
    covered = {(p.source, p.kind, p.place_key) for p in indexed}
    to_read: list[Place] = []
    wanted: set[tuple[str, str, str]] | None = None
    if not indexed or any(p.run_pk != run.pk for p in indexed):
        # the index is missing or older than the latest run: read what it does not cover
        places = personal_places(inventory.findings(run))
        wanted = {(p.source, place_kind(p), p.key) for p in places}
        to_read = [p for p in places if (p.source, place_kind(p), p.key) not in covered]
    if indexed:
        for m in index.lookup(p.digest for p in probes):
            if wanted is None or (m.source, m.kind, m.place_key) in wanted:
                e = m.entry
                matches.add(
                    m.source, m.kind, m.place_key, e.record, e.entity, e.fingerprint, e.detail
                )
    get_detector = detector or detector_factory(config)
    errors: list[str] = []
    sources: dict[str, Any] = {}
    entities = {p.entity for p in probes}
    try:
        for place in to_read:
            try:
                for record in read_place(config, place, get_detector, sources):
                    for value in record.values:
                        if value.entity not in entities:
                            continue
                        for digest, _how in value_digests(fingerprinter, value.entity, value.text):
                            matches.add(
                                place.source,
                                place_kind(place),
                                place.key,
                                record.locator,
                                value.entity,
                                digest,
                                value.detail,
                            )
            except PlaceReadError as exc:
                errors.append(str(exc))
    finally:
        close_sources(sources)
    mode = "live" if not indexed else "index+live" if to_read else "index"
    built = max((p.indexed_at for p in indexed), default=None)
    return SearchResult(
        subject,
        tuple(matches.hits()),
        mode,
        run.pk,
        len(to_read),
        built,
        tuple(errors),
        round(time.monotonic() - started, 3),
    )
