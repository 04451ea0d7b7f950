"""Read a personal place in full and say, record by record, which personal values it holds.

A record is what a request acts on: a table row (by its primary key), a row of a CSV or
sheet, or a place in a document's text (a line, a paragraph, a cell; with its archive
member, sheet or page): a line is the unit because a log or a memo holds many people.
The same reader serves the subject index (values are fingerprinted and dropped), the
live search, the export to the person and the re-check before a deletion. Values live
in memory only; ``FoundValue`` hides them from ``repr``.

Database reads go through the source's read-only engine; files are opened without
following links and extracted in full mode, whatever the scan's sampling.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from connectors.database.source import DatabaseSource
from scanner.entities import is_personal
from scanner.subject.places import FilePlace, TablePlace, ValueColumn

if TYPE_CHECKING:
    from connectors.database.source import TableInfo
    from connectors.files.extractors.base import TextChunk
    from connectors.files.source import FilesSource
    from scanner.detect.detector import Detector

#: rows fetched per round trip when a whole table is read
BATCH_ROWS = 5000
#: text gathered before the detector runs over a file's chunks
_BATCH_CHARS = 200_000
DetectorFactory = Callable[[], "Detector"]
_REFLECTED = "kojin_subject_reflected"


class PlaceReadError(Exception):
    """A place could not be read; the message never quotes its contents."""


@dataclass(frozen=True)
class FoundValue:
    """One personal value of a record; ``detail`` says where (columns, line, paragraph)."""

    entity: str
    text: str = field(repr=False)
    detail: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Record:
    """A row or a document part: ``locator`` identifies it and is never a personal value."""

    locator: Mapping[str, Any]
    values: tuple[FoundValue, ...]


# --- databases ---------------------------------------------------------------------------


sql_schema = DatabaseSource.sql_schema
to_text = DatabaseSource.cell_text


def reflect_place(conn: sa.Connection, schema: str, table: str) -> TableInfo:
    """The table's description, reflected once per connection and operation: a plan that
    follows foreign keys asks for the same tables again and again (slow on MariaDB)."""
    cache = conn.info.setdefault(_REFLECTED, {})
    if (schema, table) not in cache:
        cache[(schema, table)] = DatabaseSource.describe_table(conn, schema, table)
    return cache[(schema, table)]


def forget_reflections(conn: sa.Connection) -> None:
    """Start an operation with fresh descriptions (a pooled connection outlives one)."""
    conn.info.pop(_REFLECTED, None)


def row_key(info: TableInfo, personal: Sequence[str]) -> tuple[str, ...]:
    """The primary key, unless it is itself a personal value (an e-mail as key): that one
    must not be printed or stored, so such rows are reported without a key."""
    key = info.primary_key
    return () if not key or set(key) & set(personal) else tuple(key)


def key_value(value: Any) -> Any:
    """A key value as JSON keeps it (ints and text as they are, anything else as text)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return to_text(value)


class RowDigest:
    """An order-independent digest of rows: the same rows in another order give the same."""

    def __init__(self) -> None:
        self.rows = 0
        self._sum = 0

    def add(self, row: Sequence[Any]) -> None:
        h = hashlib.blake2b(repr(tuple(row)).encode("utf-8", "backslashreplace"), digest_size=16)
        self._sum = (self._sum + int.from_bytes(h.digest(), "big")) % (1 << 128)
        self.rows += 1

    def hexdigest(self) -> str:
        return f"{self.rows}:{self._sum:032x}"


def read_table(
    source: DatabaseSource,
    place: TablePlace,
    detector: DetectorFactory | None,
    keys: Sequence[Mapping[str, Any]] | None = None,
    digest: RowDigest | None = None,
    labels: bool = False,
) -> Iterator[Record]:
    """Every row of ``place`` (or only the rows with these primary ``keys``), read-only.

    Values longer than the source's ``max_value_chars`` are cut as in the scan, except when
    ``keys`` are given (an export shows whole values). ``digest`` is fed every row read.
    ``labels`` shows a foreign key by its lookup's label (住所 ``宮城県``, not ``4``): for
    a person reading their own data, never for fingerprints.
    """
    try:
        with source.connect() as conn:
            forget_reflections(conn)
            cap = None if keys is not None else source.config.max_value_chars
            records = table_records(conn, place, detector, keys, digest, cap, labels=labels)
            yield from records
    except PlaceReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - reported per place, without values
        raise PlaceReadError(f"{source.name}:{place.key}: {source.safe_message(exc)}") from None


def table_records(
    conn: sa.Connection,
    place: TablePlace,
    detector: DetectorFactory | None,
    keys: Sequence[Mapping[str, Any]] | None = None,
    digest: RowDigest | None = None,
    max_chars: int | None = None,
    for_update: bool = False,
    labels: bool = False,
) -> Iterator[Record]:
    """``read_table`` on a connection the caller holds (the deletion's own transaction)."""
    position = 0
    for pk, values, rows in _row_batches(conn, place, keys, max_chars, for_update):
        wanted = tuple(dict.fromkeys(c for v in values for c in v.columns))
        texts = {n: [to_text(r[n]) for r in rows] for n in wanted}
        if labels:
            _lookup_labels(conn, reflect_place(conn, place.schema, place.table), rows, texts)
        found: list[list[FoundValue]] = [[] for _ in rows]
        for value in values:
            _table_values(value, texts, found, detector)
        for row, row_values in zip(rows, found, strict=True):
            position += 1
            if digest is not None:
                digest.add(tuple(row.values()))
            locator: dict[str, Any] = (
                {"row": {k: key_value(row[k]) for k in pk}}
                if pk
                else {"row": None, "position": position}
            )
            yield Record(locator, tuple(row_values))


_LABEL_NAME = re.compile(r"name|label|title|名", re.IGNORECASE)


def _lookup_labels(
    conn: sa.Connection,
    info: TableInfo,
    rows: Sequence[Mapping[str, Any]],
    texts: dict[str, list[str | None]],
) -> None:
    """Replace single-column foreign keys in ``texts`` by their referenced row's label
    (the first name-like text column of the lookup table, e.g. ``mtb_pref.name``)."""
    for fk in info.foreign_keys:
        if len(fk.columns) != 1 or fk.columns[0] not in texts:
            continue
        column, target_key = fk.columns[0], fk.referred_columns[0]
        target = reflect_place(conn, fk.referred_schema, fk.referred_table)
        text_columns = [c.name for c in target.columns
                        if c.category == "text" and not c.is_primary_key]  # fmt: skip
        label = next((c for c in text_columns if _LABEL_NAME.search(c)), None)
        wanted = sorted({r[column] for r in rows if r[column] is not None}, key=str)
        if label is None or not wanted:
            continue
        clause = target.clause((target_key, label))
        query = sa.select(clause.c[target_key], clause.c[label]).where(
            clause.c[target_key].in_(wanted)
        )
        names = {to_text(k): to_text(v) for k, v in conn.execute(query)}
        texts[column] = [names.get(v, v) if v is not None else None for v in texts[column]]


def table_digest(source: DatabaseSource, place: TablePlace) -> str:
    """The digest ``read_table`` would feed, from reading alone (no detector, no HMAC).

    Databases offer no change marker every dialect shares, so an unchanged table is told
    by reading it, which is cheap next to fingerprinting and detecting it again.
    """
    digest = RowDigest()
    try:
        with source.connect() as conn:
            forget_reflections(conn)
            cap = source.config.max_value_chars
            for _pk, _values, rows in _row_batches(conn, place, None, cap):
                for row in rows:
                    digest.add(tuple(row.values()))
    except Exception as exc:  # noqa: BLE001
        raise PlaceReadError(f"{source.name}:{place.key}: {source.safe_message(exc)}") from None
    return digest.hexdigest()


def _row_batches(
    conn: sa.Connection,
    place: TablePlace,
    keys: Sequence[Mapping[str, Any]] | None,
    max_chars: int | None,
    for_update: bool = False,
) -> Iterator[tuple[tuple[str, ...], list[ValueColumn], list[dict[str, Any]]]]:
    """(row key, value columns present, rows as dicts), batch by batch."""
    info = reflect_place(conn, place.schema, place.table)
    present = {c.name for c in info.columns}
    values = [v for v in place.values if set(v.columns) <= present]
    wanted = tuple(dict.fromkeys(c for v in values for c in v.columns))
    pk = row_key(info, wanted)
    names = tuple(dict.fromkeys((*pk, *wanted)))
    if keys is None:
        by_name = {c.name: c for c in info.columns}
        columns = [by_name[n] for n in names]
        batches: Any = DatabaseSource.stream_rows(
            conn, info, columns, BATCH_ROWS, max_chars or 2**31 - 1
        )
    elif pk and keys:
        clause = info.clause(names)
        select = sa.select(*(clause.c[n] for n in names)).where(key_filter(clause, pk, keys))
        if for_update and conn.dialect.name != "sqlite":
            select = select.with_for_update()
        batches = [conn.execute(select).all()]
    else:
        batches = []
    for batch in batches:
        yield pk, values, [dict(zip(names, row, strict=True)) for row in batch]


def key_filter(clause: sa.TableClause, pk: Sequence[str], keys: Sequence[Mapping[str, Any]]):
    """WHERE the primary key is one of ``keys`` (bound parameters only)."""
    if len(pk) == 1:
        return clause.c[pk[0]].in_([k[pk[0]] for k in keys])
    return sa.or_(*(sa.and_(*(clause.c[c] == k[c] for c in pk)) for k in keys))


def _table_values(
    value: ValueColumn,
    texts: Mapping[str, list[str | None]],
    found: list[list[FoundValue]],
    detector: DetectorFactory | None,
) -> None:
    detail = {"columns": list(value.columns)}
    if value.free_text:
        if detector is None:
            return
        cells = texts[value.columns[0]]
        present = [(i, t) for i, t in enumerate(cells) if t and t.strip()]
        results = detector().analyze_batch([t for _, t in present], context=value.columns)
        for (i, _), detections in zip(present, results, strict=True):
            found[i].extend(
                FoundValue(d.entity, d.value, detail) for d in detections if is_personal(d.entity)
            )
        return
    if value.group_kind:
        from scanner.classify.column_groups import group_of

        group = group_of(value.group_kind, value.columns)
        parts = [texts[c] for c in value.columns]
        cells = [group.join([p[i] for p in parts]) for i in range(len(found))]
    else:
        cells = texts[value.columns[0]]
    for i, text in enumerate(cells):
        if text and text.strip():
            found[i].append(FoundValue(value.entity, text.strip(), detail))


# --- files -------------------------------------------------------------------------------


def _file_error(source: FilesSource, place: FilePlace, exc: OSError) -> PlaceReadError:
    return PlaceReadError(f"{source.name}:{place.path}: {exc.strerror or type(exc).__name__}")


def file_signature(source: FilesSource, place: FilePlace) -> tuple[int, int]:
    """(size, mtime_ns) through the source (a local folder or an SMB share): a file whose
    both are unchanged is not read again."""
    try:
        return source.signature(place.path, place.path_hex)
    except OSError as exc:
        raise _file_error(source, place, exc) from None


def file_hash(source: FilesSource, place: FilePlace) -> str:
    """The file's whole-content hash, as the connector computes it in full mode."""
    try:
        return source.whole().file_hash(place.path, place.path_hex)
    except OSError as exc:
        raise _file_error(source, place, exc) from None


def read_file(
    source: FilesSource, place: FilePlace, detector: DetectorFactory | None
) -> Iterator[Record]:
    """Rows of the file's personal table columns, then the places in its text, in full,
    read through the connector (the scan's extraction, without sampling)."""
    from connectors.files.extractors.base import TableBlock, TextChunk

    columns: dict[tuple[str | None, str | None], list] = {}
    for c in place.columns:
        columns.setdefault((c.member, c.sheet), []).append(c)
    places: dict[tuple, list[FoundValue]] = {}
    pending: list[TextChunk] = []
    rows_seen: dict[tuple[str | None, str | None], int] = {}
    try:
        with source.whole().document_at(place.path, place.path_hex) as document:
            size = 0
            for item in document.items:
                if isinstance(item, TableBlock):
                    yield from _block_records(item, columns, rows_seen, detector)
                elif isinstance(item, TextChunk) and place.has_text:
                    pending.append(item)
                    size += len(item.text)
                    if size >= _BATCH_CHARS:
                        _detect_places(pending, places, detector)
                        pending, size = [], 0
    except OSError as exc:
        raise _file_error(source, place, exc) from None
    _detect_places(pending, places, detector)
    for place_key, values in places.items():
        yield Record(dict(place_key), tuple(values))


def _block_records(
    block: Any,
    columns: Mapping[tuple[str | None, str | None], list],
    rows_seen: dict[tuple[str | None, str | None], int],
    detector: DetectorFactory | None,
) -> Iterator[Record]:
    key = (block.place.member, block.table or None)
    wanted = columns.get(key)
    start = rows_seen.get(key, 0)
    rows_seen[key] = start + len(block.rows)
    if not wanted:
        return
    index = {name: i for i, name in enumerate(block.header)}
    found: list[list[FoundValue]] = [[] for _ in block.rows]
    for column in wanted:
        i = index.get(column.column)
        if i is None:
            continue
        detail = {"column": column.column}
        cells = [row[i] for row in block.rows]
        if column.free_text:
            if detector is None:
                continue
            present = [(n, t) for n, t in enumerate(cells) if t and t.strip()]
            results = detector().analyze_batch([t for _, t in present], context=(column.column,))
            for (n, _), detections in zip(present, results, strict=True):
                found[n].extend(
                    FoundValue(d.entity, d.value, detail)
                    for d in detections
                    if is_personal(d.entity)
                )
        else:
            for n, text in enumerate(cells):
                if text and text.strip():
                    found[n].append(FoundValue(column.entity, text.strip(), detail))
    for n, row_values in enumerate(found):
        if row_values:
            locator = {k: v for k, v in (("member", key[0]), ("sheet", key[1])) if v}
            yield Record({**locator, "row": start + n + 1}, tuple(row_values))


def _detect_places(
    chunks: list[TextChunk], places: dict[tuple, list[FoundValue]], detector: DetectorFactory | None
) -> None:
    """Detect in ``chunks``; each value goes to the record of its line (paragraph, cell)."""
    if not chunks or detector is None:
        return
    groups: dict[tuple[str, ...], list[TextChunk]] = {}
    for chunk in chunks:
        groups.setdefault(chunk.context, []).append(chunk)
    for context, group in groups.items():
        results = detector().analyze_batch([c.text for c in group], context=context)
        for chunk, detections in zip(group, results, strict=True):
            for d in detections:
                if not is_personal(d.entity):
                    continue
                place = tuple(chunk.place_at(d.start).as_dict().items())
                places.setdefault(place, []).append(FoundValue(d.entity, d.value))
