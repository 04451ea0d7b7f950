"""Classify the columns of one table (or one CSV / sheet) from all the evidence together.

No single clue decides. A column's verdict weighs what its name or comment says
(``tel01``, ``氏名``, ``jusho``), whether its values fit that promise, what the detector
finds in its values (share of non-empty rows, scores), value shapes only a whole column
reveals (nearly every value passes the My Number checksum), the group it belongs to
(``tel01/tel02/tel03`` joined row-wise) and its neighbours (``company_name`` beside a
person's name is an employer; a list of 47 prefectures alone is a reference table).

The classifier is DB-agnostic: the database connector feeds it sampled rows, the file
connector feeds it CSV/XLSX columns. ``TableClassifier`` takes rows in batches so a full
scan keeps bounded memory; ``classify_table`` is the one-shot form.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from scanner.classify import column_value_shapes as shapes
from scanner.classify import serialized_values
from scanner.classify.column_groups import ColumnGroup, find_groups
from scanner.classify.column_name_hints import (
    KIND_ENTITY,
    NameHint,
    column_hint,
    identifier_tokens,
    is_person_key,
    table_is_person_like,
    word_tokens,
)
from scanner.entities import Entity, is_personal, is_special_care
from scanner.fingerprint import bounded_fingerprints, keep_value
from scanner.masking import mask

if TYPE_CHECKING:
    from scanner.detect.detection import Detection
    from scanner.detect.detector import Detector
    from scanner.fingerprint import Fingerprinter


@dataclass(frozen=True)
class ColumnSample:
    name: str
    values: Sequence[str | None]  # sampled values as text; None for NULL
    comment: str | None = None
    type_name: str | None = None  # the SQL type as text ("VARCHAR(255)"), None for files
    is_primary_key: bool = False
    foreign_key: str | None = None  # "table.column" it references, if any


@dataclass(frozen=True)
class ColumnVerdict:
    column: str
    entity: str
    confidence: float
    rows_sampled: int
    rows_matched: int
    evidence: Mapping[str, Any] = field(default_factory=dict)
    examples: tuple[str, ...] = ()  # masked
    #: HMAC digests of the column's values (bounded); empty without a fingerprinter
    fingerprints: tuple[str, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class ClassifierOptions:
    max_examples: int = 3
    #: longer values are cut before detection (free text is judged on its head)
    max_value_chars: int = 2000
    #: distinct values remembered per column; beyond it the cache starts afresh
    cache_limit: int = 20_000
    #: share of a short value one detection must cover for the value to count as a match
    coverage: float = 0.6
    #: mean length from which a column without a telling name is free text
    free_text_length: int = 40
    min_confidence: float = 0.5
    #: the year "today" for age-like date checks; None: the current year
    current_year: int | None = None


# shape name (scanner.classify.column_value_shapes.shapes_of) -> the entity it supports
_SHAPES: dict[str, str] = {
    "email": Entity.EMAIL_ADDRESS,
    "jp_phone": Entity.PHONE_NUMBER,
    "postal_code": Entity.ADDRESS,
    "prefecture": Entity.ADDRESS,
    "my_number": Entity.JP_MY_NUMBER,
    "corporate_number": Entity.JP_CORPORATE_NUMBER,
    "passport": Entity.JP_PASSPORT,
    "residence_card": Entity.JP_RESIDENCE_CARD,
    "pension": Entity.JP_BASIC_PENSION_NUMBER,
    "credit_card": Entity.CREDIT_CARD,
    "kana": Entity.PERSON,
    "date": Entity.DATE_OF_BIRTH,
    "ean": "",
    "reversed_phone": Entity.PHONE_NUMBER,
    "block_number": Entity.ADDRESS,
}
# hint kind -> the shape that, when most values pass it, backs the name up
_KIND_SHAPE = {
    "email": "email",
    "phone": "jp_phone",
    "postal_code": "postal_code",
    "my_number": "my_number",
    "corporate_number": "corporate_number",
    "passport": "passport",
    "residence_card": "residence_card",
    "pension": "pension",
    "credit_card": "credit_card",
    "kana_name": "kana",
    "prefecture": "prefecture",
    "birth_date": "birth_date",
}
_ISO_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?([+-]\d{2}:?\d{2}|Z)?$"
)
#: entities the values may not claim against a name of that kind: surnames hide in company
#: names and town names, and a company's kana reading looks like a person's
_HINT_EXCLUDES: dict[str, frozenset[str]] = {
    kind: frozenset({Entity.PERSON})
    for kind in ("company_name", "employer", "address", "prefecture", "postal_code")
}
#: SQL types whose values are documents, read like free text whatever their length
_DOCUMENT_TYPES = ("JSON", "XML", "[]", "ARRAY")
#: kinds whose values "fit" loosely (any short text fits a name, any short digit run a
#: postal code) but that the detector or a shape confirms; below this share of support
#: the values contradict the name (a status list's "name", a 0/1 flag named zip_kf)
_VALUE_CHECKED_KINDS = frozenset(
    {"person_name", "generic_name", "kana_name", "postal_code", "phone"}
)
_CONTRADICTED = 0.2
#: mean length from which a column is read as free text even under a telling name
_DOCUMENT_LENGTH = 160
#: a short value's entity found in this share of rows, with this mean score, though it
#: covers only part of each value: the entity is inside mixed values
_MIXED_RATIO = 0.2
_MIXED_SCORE = 0.75
#: a phone number or e-mail address found nearly for sure (score >= 0.85) in a memo
#: column's short values: a tenth of the rows is enough (「折り返しは090-…まで」)
_MIXED_RATIO_SURE = 0.08
_MIXED_SURE_SCORE = 0.85  # e-mail addresses score 0.9: not on the edge
#: what an organisation's own row holds that would be personal in a person's row
_CORPORATE_CONTACT = frozenset(
    {Entity.PERSON, Entity.ADDRESS, Entity.PHONE_NUMBER, Entity.EMAIL_ADDRESS, Entity.EMPLOYER}
)
#: table names whose rows are organisations or their places, not people
_ORGANISATION_TABLE_WORDS = frozenset(
    "company companies corp corporation organization organisation organizations "
    "organisations org office offices branch branches location locations shop shops store "
    "stores tenpo jigyosho post posts busho department departments dept division facility "
    "facilities partner partners supplier suppliers vendor vendors maker makers torihikisaki "
    "school schools station stations warehouse warehouses".split()
)
#: what only an organisation's row holds (CRM accounts, supplier masters)
_ORGANISATION_TRAITS = frozenset(
    "industry employees noofemployees numberofemployees employeecount annualrevenue "
    "revenue siccode sic tickersymbol ticker ownership capital shihonkin setsuritsu "
    "established founded foundation vatid vatnumber duns dunsnumber gyoshu jugyoinsu "
    "listed".split()
)
_BLOCK = re.compile(r"^\d+(-\d+){1,3}$")
#: the youngest age an unnamed date column's years may show to pass for birthdates
_YOUNGEST = 15
_NAME_KINDS = ("person_name", "generic_name", "kana_name")
_DIGITS_ONLY = re.compile(r"^\d+$")
_DIGIT = re.compile(r"\d")
#: the address of a role or a service, not of a person (info@, support@, noreply@)
_ROLE_EMAIL = re.compile(
    r"^(info|information|support|contact|admin|administrator|webmaster|postmaster|sales|"
    r"office|noreply|no-reply|donotreply|do-not-reply|mail|master|shop|help|service|inquiry|"
    r"toiawase|otoiawase|soumu|somu|jinji|recruit|saiyo|press|pr|billing|order|orders)"
    r"(?:[._+-]\w+)?@",
    re.I,
)
#: a code's value (13101, C-01, tokyo_23): what a column named ``city_code`` holds when
#: it holds codes and not the town's name
_CODE_VALUE = re.compile(r"^[A-Za-z0-9_.\-]+$")
#: one machine identifier (``vtiger_leaddetails:lastname:Leads_Last_Name``): a name read
#: inside it is a field's name, not a person's
_IDENTIFIER_VALUE = re.compile(r"^(?=\S*[_:/])[\x21-\x7e]+$")
#: an address written as an example (me@mydomain.com, you@yourdomain.com, a@b.test): in
#: prose and configuration texts it shows a format, nobody's address. example.com/.org is
#: not among them: test and demo data (Faker's addresses) stand in for real ones with it
_PLACEHOLDER_EMAIL = re.compile(
    r"@(?:[\w-]+\.)*(?:(?:(?:my|your)[-_]?(?:domain|site|company|shop|store|server|host)|"
    r"domain)\.[a-z.]{2,}|[\w-]+\.(?:test|invalid|localhost|example))$",
    re.I,
)
#: a hash, salt or key: long, unbroken, letters and digits mixed
_TOKEN = re.compile(r"^(?=[^\s]*[A-Za-z])(?=[^\s]*\d)[A-Za-z0-9+/=_$.]{16,}$")


def _fits(kind: str, value: str) -> bool:
    """Could a value of a column named for ``kind`` look like this at all?"""
    v = shapes.fold(value)
    if kind in _NAME_KINDS:
        return (
            shapes.has_letter(v) and len(v) <= 40 and "@" not in v and shapes.digit_share(v) < 0.2
        )
    if kind in ("company_name", "employer"):
        return shapes.has_letter(v) and len(v) <= 120 and "@" not in v
    if kind == "address":  # letters, or a block number alone (addr02 = "1-2-3")
        return len(v) <= 300 and "@" not in v and (shapes.has_letter(v) or bool(_BLOCK.match(v)))
    if kind == "postal_code":
        return shapes.is_postal_code(v) or shapes.is_postal_part(v) or (v.isdigit() and len(v) <= 7)
    if kind == "prefecture":
        return shapes.is_prefecture(v) or (v.isdigit() and 1 <= int(v) <= 47)
    if kind == "phone":
        return shapes.is_phone_like(v)
    if kind == "email":
        return "@" in v
    if kind == "birth_date":
        return shapes.parse_date(v) is not None
    if kind in ("my_number", "driver_license"):
        return len(shapes.digits_only(v)) == 12 and not shapes.has_letter(v)
    if kind == "corporate_number":
        return len(shapes.digits_only(v)) == 13 and not shapes.has_letter(v)
    if kind in ("passport", "residence_card"):
        return len(v) <= 14
    if kind == "pension":
        return len(shapes.digits_only(v)) == 10
    if kind in ("bank_account", "credit_card"):
        return 6 <= len(shapes.digits_only(v)) <= 19
    return True


@dataclass(frozen=True)
class _ValueInfo:
    """What one distinct value told us: detector hits and shapes. Never the value."""

    #: entity -> (best score, share of the value covered, recognizers)
    hits: Mapping[str, tuple[float, float, tuple[str, ...]]]
    excerpts: Mapping[str, str]  # entity -> masked excerpt of its first detection
    shapes: frozenset[str]
    fits: bool
    length: int
    year: int | None


class _Stats:
    """Running counts for one column or one group's joined value."""

    def __init__(self) -> None:
        self.rows = 0
        self.non_empty = 0
        self.length_sum = 0
        self.fit_rows = 0
        self.matched: Counter[str] = Counter()  # rows a detection covers (structured)
        self.any_hit: Counter[str] = Counter()  # rows with any detection (free text)
        #: of any_hit, rows that are an organisation's own serialized settings
        self.corporate_hit: Counter[str] = Counter()
        self.score_sum: Counter[str] = Counter()
        self.any_score_sum: Counter[str] = Counter()
        self.recognizers: dict[str, set[str]] = {}
        self.shape_rows: Counter[str] = Counter()
        self.examples: dict[str, list[str]] = {}  # "det:ENTITY" / "shape:name" / "fit"
        self.distinct: set[str] = set()
        self.distinct_capped = False
        self.years: list[int] = []
        # raw values, in memory only and only while fingerprinting: whole values that fit
        # the column's kind, and what the detector matched per entity (free text)
        self.values: dict[str, None] = {}
        self.spans: dict[str, dict[str, None]] = {}


class _Target:
    """A column, or a group's joined value, being classified."""

    def __init__(
        self,
        name: str,
        kind: str | None,
        context: tuple[str, ...],
        options: ClassifierOptions,
        collect: bool = False,
        coded: bool = False,
    ) -> None:
        self.name = name
        self.kind = kind
        self.coded = coded
        self.context = context
        self.options = options
        self.collect = collect
        self.cache: dict[str, _ValueInfo] = {}
        self.stats = _Stats()

    def add(self, values: Sequence[str | None], detector: Detector, skip_detector: bool) -> None:
        opts = self.options
        stats = self.stats
        stats.rows += len(values)
        counts: Counter[str] = Counter()
        for raw in values:
            if raw is None:
                continue
            text = raw.strip()
            if text:
                counts[text[: opts.max_value_chars]] += 1
        new = [v for v in counts if v not in self.cache]
        if len(self.cache) + len(new) > opts.cache_limit:
            self.cache.clear()
        # a serialized value is read as its labelled, joined leaves
        texts = {v: serialized_values.readable(v) or v for v in new}
        run = [v for v in new if not skip_detector and self._worth_detecting(v)]
        found = detector.analyze_batch([texts[v] for v in run], context=self.context) if run else []
        by_value = dict(zip(run, found, strict=True))
        for v in new:
            self.cache[v] = self._describe(texts[v], by_value.get(v, ()), texts[v] is not v)
            if texts[v] is not v and serialized_values.is_organisation_document(v):
                info = self.cache[v]
                self.cache[v] = replace(info, shapes=info.shapes | {"organisation_document"})
        if self.collect:
            for detections in found:
                for d in detections:
                    keep_value(stats.spans.setdefault(d.entity, {}), d.value)
        for v, n in counts.items():
            self._count(v, self.cache[v], n)

    def _worth_detecting(self, value: str) -> bool:
        if _DIGITS_ONLY.match(value) and len(value) < 7:
            return False  # ids, amounts, parts of numbers: no entity is this short
        if _TOKEN.match(value):
            return False  # hashes, salts, session keys
        return not (_ISO_DATETIME.match(value) and self.kind != "birth_date")

    def _describe(
        self, value: str, detections: Sequence[Detection], serialized: bool = False
    ) -> _ValueInfo:
        compact_len = len(re.sub(r"\s", "", value)) or 1
        emails = [(d.start, d.end) for d in detections if d.entity == Entity.EMAIL_ADDRESS]
        # a name read inside an e-mail address (taro.yamada@) is the address, not a name
        identifier = bool(_IDENTIFIER_VALUE.match(value))
        detections = [
            d
            for d in detections
            if d.entity != Entity.PERSON
            or not (identifier or any(s <= d.start < e for s, e in emails))
        ]
        addresses = [d for d in detections if d.entity == Entity.EMAIL_ADDRESS]
        placeholder = bool(addresses) and all(
            _PLACEHOLDER_EMAIL.search(d.value.strip()) for d in addresses
        )
        spans: dict[str, list[tuple[int, int]]] = {}
        best: dict[str, float] = {}
        recognizers: dict[str, set[str]] = {}
        excerpts: dict[str, str] = {}
        for d in detections:
            spans.setdefault(d.entity, []).append((d.start, d.end))
            best[d.entity] = max(best.get(d.entity, 0.0), d.score)
            recognizers.setdefault(d.entity, set()).add(d.recognizer)
            excerpts.setdefault(d.entity, d.excerpt)
        hits = {}
        for entity, entity_spans in spans.items():
            covered = set()
            for start, end in entity_spans:
                covered.update(
                    i for i in range(start, min(end, len(value))) if not value[i].isspace()
                )
            hits[entity] = (
                best[entity],
                len(covered) / compact_len,
                tuple(sorted(recognizers[entity])),
            )
        found_shapes, year = shapes.shapes_of(value)
        if self.kind == "phone" and _DIGITS_ONLY.match(value) and shapes.is_jp_phone("0" + value):
            found_shapes = found_shapes | {"jp_phone"}  # an integer type dropped the 0
        if _DIGIT.search(value):
            found_shapes = found_shapes | {"has_digit"}
        if _ROLE_EMAIL.match(value):
            found_shapes = found_shapes | {"role_email"}
        if serialized:
            found_shapes = found_shapes | {"serialized"}
        if placeholder:
            found_shapes = found_shapes | {"placeholder_email"}
        return _ValueInfo(
            hits=hits,
            excerpts=excerpts,
            shapes=found_shapes,
            fits=_fits(self.kind, value) and not (self.coded and _CODE_VALUE.match(value))
            if self.kind
            else True,
            length=len(value),
            year=year,
        )

    def _count(self, value: str, info: _ValueInfo, n: int) -> None:
        stats = self.stats
        keep = self.options.max_examples
        stats.non_empty += n
        stats.length_sum += info.length * n
        if len(stats.distinct) < 5000:
            stats.distinct.add(value)
        else:
            stats.distinct_capped = True
        if info.fits:
            stats.fit_rows += n
            if self.collect:
                keep_value(stats.values, value)
            entity = _kind_entity(self.kind)
            if entity and _wants_example(stats, "fit", keep):
                _example(stats, "fit", mask(entity, value), keep)
        if info.year is not None and len(stats.years) < 5000:
            stats.years.extend([info.year] * min(n, 5000 - len(stats.years)))
        for entity, (score, coverage, recognizers) in info.hits.items():
            stats.any_hit[entity] += n
            if "organisation_document" in info.shapes and entity in _CORPORATE_CONTACT:
                stats.corporate_hit[entity] += n  # a shop's own settings: its details
            stats.any_score_sum[entity] += score * n
            stats.recognizers.setdefault(entity, set()).update(recognizers)
            if coverage >= self.options.coverage:
                stats.matched[entity] += n
                stats.score_sum[entity] += score * n
            _example(stats, f"det:{entity}", info.excerpts[entity], keep)
        for name in info.shapes:
            stats.shape_rows[name] += n
            entity = _SHAPES.get(name)
            if entity and _wants_example(stats, f"shape:{name}", keep):
                _example(stats, f"shape:{name}", mask(entity, value), keep)


def _digit_columns(values: Mapping[str, Sequence[str | None]]) -> set[str]:
    """Columns whose values are all short digit runs: maybe parts of one number."""
    out = set()
    for name, column in values.items():
        present = [v.strip() for v in column[:200] if v is not None and v.strip()]
        if present and all(v.isdigit() and len(v) <= 5 for v in present):
            out.add(name)
    return out


_KEY_NAMES = frozenset(
    "metakey key optionname attrname attributename propertyname fieldname settingkey "
    "configkey itemkey profilekey".split()
)
_VALUE_NAMES = frozenset(
    "metavalue value optionvalue attrvalue attributevalue propertyvalue fieldvalue "
    "settingvalue configvalue itemvalue profilevalue".split()
)
#: virtual columns one key/value table may spawn
_MAX_KEYS = 200


def _key_value_pair(values: Mapping[str, Sequence[str | None]]) -> tuple[str, str] | None:
    """(key column, value column) when the table stores one attribute a row
    (``meta_key``/``meta_value``): the keys are few, short identifiers."""
    keys = [n for n in values if "".join(identifier_tokens(n)) in _KEY_NAMES]
    vals = [n for n in values if "".join(identifier_tokens(n)) in _VALUE_NAMES]
    if len(keys) != 1 or len(vals) != 1:
        return None
    present = {v.strip() for v in values[keys[0]] if v is not None and v.strip()}
    if not 2 <= len(present) <= _MAX_KEYS or any(len(k) > 64 for k in present):
        return None
    return keys[0], vals[0]


def _kind_entity(kind: str | None) -> str | None:
    value = KIND_ENTITY.get(kind or "")
    return str(value) if value is not None else None


def _wants_example(stats: _Stats, key: str, keep: int) -> bool:
    return len(stats.examples.get(key, ())) < keep


def _example(stats: _Stats, key: str, text: str, keep: int) -> None:
    bucket = stats.examples.setdefault(key, [])
    if len(bucket) < keep and text and text not in bucket:
        bucket.append(text)


@dataclass
class _Candidate:
    entity: str
    confidence: float
    matched: int
    reasons: list[str]
    examples: list[str]
    shape: tuple[str, float] | None = None
    free_text: bool = False
    #: found inside short mixed values ("山田 太郎" <taro@example.jp>, 田中様 来社)
    mixed: bool = False


#: shapes that make a column's entity on their own: (shape, share of values, base confidence)
_STRONG_SHAPES = (
    ("email", 0.8, 0.6),
    ("jp_phone", 0.8, 0.6),
    ("my_number", 0.95, 0.75),
    ("corporate_number", 0.95, 0.8),
    ("residence_card", 0.95, 0.7),
    ("credit_card", 0.98, 0.7),
    # nearly every value a valid phone number read backwards, none read forwards
    ("reversed_phone", 0.9, 0.55),
)


class TableClassifier:
    """Accumulates evidence batch by batch; ``verdicts()`` weighs it all at the end."""

    def __init__(
        self,
        table_name: str,
        columns: Sequence[ColumnSample],
        detector: Detector,
        options: ClassifierOptions | None = None,
        fingerprinter: Fingerprinter | None = None,
    ) -> None:
        self.table_name = table_name
        self.columns = {c.name: c for c in columns}
        self.detector = detector
        self.options = options if options is not None else ClassifierOptions()
        self.fingerprinter = fingerprinter
        person_table = table_is_person_like(table_name)
        self.hints: dict[str, NameHint | None] = {}
        for c in columns:
            hint = column_hint(c.name, c.comment)
            if hint is not None and hint.kind == "generic_name" and person_table:
                # "name" in a customers table is the customer's name
                hint = NameHint("person_name", 0.8, f"{hint.matched} in {table_name}", hint.source)
            self.hints[c.name] = hint
        self.targets = {c.name: self._target(c) for c in columns}
        self.groups: list[ColumnGroup] | None = None
        #: (key column, value column) of a key/value table (wp_usermeta), else None
        self.pairs: tuple[str, str] | None = None
        self.keyed: dict[str, str] = {}  # virtual column "value[key]" -> its value column
        self.group_targets: dict[tuple[str, ...], _Target] = {}
        if any(c.values for c in columns):
            self.add_batch({c.name: c.values for c in columns})

    def _target(self, column: ColumnSample) -> _Target:
        hint = self.hints[column.name]
        words: list[str] = identifier_tokens(column.name) or [column.name]
        if not column.name.isascii():
            words = [column.name]
        if column.comment:
            words.append(column.comment[:100])
        if hint is not None:
            words.extend(hint.context)
        kind = hint.kind if hint is not None else None
        collect = self.fingerprinter is not None
        coded = hint is not None and hint.coded
        return _Target(
            column.name, kind, tuple(dict.fromkeys(words)), self.options, collect, coded
        )

    def _skip_detector(self, column: ColumnSample) -> bool:
        """Keys carry no personal data of their own (their target table is judged instead)."""
        hint = self.hints[column.name]
        keyish = column.is_primary_key or column.foreign_key is not None
        return keyish and (hint is None or hint.entity is None)

    def add_batch(self, values: Mapping[str, Sequence[str | None]]) -> None:
        """Add rows: ``values[column][i]`` is row i's value of that column (None: NULL)."""
        if self.groups is None:  # decided on the first batch
            self.pairs = _key_value_pair(values)
            self.groups = find_groups(list(self.columns), _digit_columns(values))
            for group in self.groups:
                self.group_targets[group.columns] = _Target(
                    "+".join(group.columns),
                    group.kind,
                    self._group_context(group),
                    self.options,
                    self.fingerprinter is not None,
                )
        # a group member's part means little alone: the detector reads the joined value
        members = {c for g in self.groups for c in g.columns}
        if self.pairs is not None:
            values = self._split_by_key(values, *self.pairs)
        for name, column_values in values.items():
            if name in self.targets:
                skip = name in members or self._skip_detector(self.columns[name])
                self.targets[name].add(column_values, self.detector, skip)
        for group in self.groups:
            if not all(c in values for c in group.columns):
                continue
            parts = [values[c] for c in group.columns]
            joined = [group.join([p[i] for p in parts]) for i in range(len(parts[0]))]
            self.group_targets[group.columns].add(joined, self.detector, False)

    def _split_by_key(
        self, values: Mapping[str, Sequence[str | None]], key: str, value: str
    ) -> dict[str, Sequence[str | None]]:
        """A key/value table's values as one virtual column per key (``meta_value[tel]``),
        each with the hint its key gives; the value column itself is not judged whole."""
        if key not in values or value not in values:
            return dict(values)
        by_key: dict[str, list[str | None]] = {}
        for k, v in zip(values[key], values[value], strict=True):
            if k is None or not k.strip():
                continue
            name = f"{value}[{k.strip()[:64]}]"
            if name not in self.keyed and len(self.keyed) >= _MAX_KEYS:
                continue
            by_key.setdefault(name, []).append(v)
        for name in by_key:
            if name not in self.keyed:
                self.keyed[name] = value
                raw_key = name[len(value) + 1 : -1]
                self.columns[name] = ColumnSample(name, (), self.columns[value].type_name)
                self.hints[name] = column_hint(raw_key)
                self.targets[name] = self._target(self.columns[name])
        out = {k: v for k, v in values.items() if k != value}
        out.update(by_key)
        return out

    def _group_context(self, group: ColumnGroup) -> tuple[str, ...]:
        hint = self.hints[group.columns[0]]
        if hint is not None and hint.context:
            return hint.context
        return ("電話番号", "電話", "TEL")  # an unnamed group of digit runs: a phone, if anything

    # --- weighing ---------------------------------------------------------------------

    def verdicts(self) -> list[ColumnVerdict]:
        candidates: dict[str, list[_Candidate]] = {}
        for name in self.columns:
            candidates[name] = self._column_candidates(name)
        self._apply_neighbours(candidates)
        out = []
        by_value: dict[tuple[str, str], ColumnVerdict] = {}
        for name, found in candidates.items():
            for cand in found:
                if cand.confidence < self.options.min_confidence:
                    continue
                verdict = self._verdict(name, cand)
                if name not in self.keyed:
                    out.append(verdict)
                    continue
                # reported on the real value column, with the keys that hold the entity
                column = self.keyed[name]
                keys = [name[len(column) + 1 : -1]]
                seen = by_value.get((column, verdict.entity))
                if seen is not None:
                    keys = [*seen.evidence["keys"], *keys]
                    if seen.confidence >= verdict.confidence:
                        verdict = seen
                evidence = {**verdict.evidence, "keys": keys[:20]}
                by_value[column, verdict.entity] = replace(
                    verdict, column=column, evidence=evidence
                )
        return out + list(by_value.values())

    def _group_of(self, name: str) -> tuple[ColumnGroup, _Target] | None:
        for group in self.groups or ():
            if name in group.columns:
                return group, self.group_targets[group.columns]
        return None

    def _column_candidates(self, name: str) -> list[_Candidate]:
        column = self.columns[name]
        target = self.targets[name]
        s = target.stats
        hint = self.hints[name]
        if s.non_empty == 0:
            return []
        n = s.non_empty
        mean_len = s.length_sum / n
        kind = hint.kind if hint is not None else None
        structured_hint = hint is not None and hint.entity is not None
        document = any(t in (column.type_name or "").upper() for t in _DOCUMENT_TYPES)
        if (
            kind == "free_text"
            or document
            or s.shape_rows["serialized"] / n >= 0.5
            or mean_len >= _DOCUMENT_LENGTH  # whatever the name says: mail bodies, pages
            or (not structured_hint and mean_len >= self.options.free_text_length)
        ):
            return self._free_text_candidates(target, hint)
        if column.is_primary_key and not structured_hint:
            return []
        cands: list[_Candidate] = []
        fit = s.fit_rows / n
        grouped = self._group_of(name)
        values = self._value_candidates(name, hint, grouped, skip=set())
        hinted: _Candidate | None = None
        if structured_hint and fit >= 0.6:
            # the name is borne out by the values: other entities must show much more
            cand = self._hinted_candidate(name, hint, fit, grouped)
            excluded = _HINT_EXCLUDES.get(hint.kind, frozenset()) | {hint.entity}
            assert hint.entity is not None
            if (
                hint.kind == "address"
                and self._support(target, hint.entity, hint.kind)[0] < _CONTRADICTED
                and any(c.entity == Entity.PERSON and c.matched / n >= 0.8 for c in values)
            ):
                # nothing backs the name and the values are plainly something else
                # (PayPal's address_name holds the addressee's name)
                cand, excluded = None, frozenset({hint.entity})
            if cand is not None:
                cands.append(cand)
                hinted = cand
            values = [
                c
                for c in values
                if c.entity not in excluded
                and (hint.strength < 0.7 or c.mixed or c.matched / n >= 0.8)
            ]
        cands.extend(values)
        if not cands:
            return []
        cands.sort(key=lambda c: -c.confidence)
        primary = cands[0]
        others = [
            c
            for c in cands[1:]
            if c.mixed or c is hinted or (not structured_hint and c.matched / n >= 0.25)
        ]
        return [primary, *others]

    def _support(self, target: _Target, entity: str, kind: str | None) -> tuple[float, int, str]:
        """Best value support for ``entity``: detector hits or the kind's shape."""
        s = target.stats
        n = s.non_empty or 1
        det = s.matched[entity] / n
        best = (det, s.matched[entity], "detector")
        shape = _KIND_SHAPE.get(kind or "")
        if shape == "birth_date":
            # dates whose year could be a living person's birth year; ``years`` is a capped
            # sample of the dated rows, so its share is scaled to all of them
            plausible = sum(1 for y in s.years if 1900 <= y <= self._year())
            rows = round(plausible / len(s.years) * s.shape_rows["date"]) if s.years else 0
            if rows / n > best[0]:
                best = (rows / n, rows, "shape:date")
        elif shape and s.shape_rows[shape] / n > best[0]:
            best = (s.shape_rows[shape] / n, s.shape_rows[shape], f"shape:{shape}")
        return best

    def _year(self) -> int:
        return self.options.current_year or date.today().year

    def _hinted_candidate(
        self,
        name: str,
        hint: NameHint,
        fit: float,
        grouped: tuple[ColumnGroup, _Target] | None,
    ) -> _Candidate | None:
        target = self.targets[name]
        s = target.stats
        entity = hint.entity
        assert entity is not None
        support, matched, how = self._support(target, entity, hint.kind)
        reasons = [f"name: {hint.describe()}", f"values fit the name: {fit:.0%}"]
        examples_key = "det:" + entity if how == "detector" else how
        if grouped is not None:
            group, gtarget = grouped
            gentity = _kind_entity(group.kind) or entity
            gsupport, _, ghow = self._support(gtarget, gentity, group.kind)
            if gentity == entity and gsupport > support:
                support, how = gsupport, f"group {ghow}"
                matched = round(gsupport * s.non_empty)
                reasons.append(f"joined {'/'.join(group.columns)}: {gsupport:.0%} match")
        if hint.kind in _VALUE_CHECKED_KINDS and support < _CONTRADICTED and grouped is None:
            return None  # the values contradict the name: the name loses
        if hint.strength >= 0.7:
            confidence = 0.5 + 0.3 * hint.strength + 0.2 * support
        elif support >= 0.3:
            confidence = 0.45 + 0.25 * hint.strength + 0.3 * support
        else:
            return None
        if support > 0:
            reasons.append(f"values support {entity}: {support:.0%} ({how})")
        examples = self._examples(target, grouped, entity, examples_key)
        shape = None
        if how.startswith("shape") or how.startswith("group shape"):
            shape = (how.split(":", 1)[1], round(support, 3))
        return _Candidate(entity, min(confidence, 0.99), matched, reasons, examples, shape)

    def _examples(
        self,
        target: _Target,
        grouped: tuple[ColumnGroup, _Target] | None,
        entity: str,
        preferred: str,
    ) -> list[str]:
        keep = self.options.max_examples
        pools = [target.stats.examples.get(preferred, [])]
        if grouped is not None:
            gstats = grouped[1].stats
            pools.append(gstats.examples.get("det:" + entity, []))
            pools.extend(v for k, v in gstats.examples.items() if k.startswith("shape:"))
        pools.append(target.stats.examples.get("det:" + entity, []))
        pools.append(target.stats.examples.get("fit", []))
        out: list[str] = []
        for pool in pools:
            for ex in pool:
                if ex not in out and len(out) < keep:
                    out.append(ex)
        return out

    def _value_candidates(
        self,
        name: str,
        hint: NameHint | None,
        grouped: tuple[ColumnGroup, _Target] | None,
        skip: set[str],
    ) -> list[_Candidate]:
        target = self.targets[name]
        s = target.stats
        n = s.non_empty
        non_personal = hint is not None and hint.kind == "non_personal"
        out: list[_Candidate] = []
        for entity, matched in s.matched.items():
            if entity in skip:
                continue
            ratio = matched / n
            mean = s.score_sum[entity] / matched if matched else 0.0
            floor = 0.8 if non_personal else (0.5 if entity == Entity.PERSON else 0.3)
            if entity == Entity.JP_MY_NUMBER and s.shape_rows["my_number"] / n < 0.9:
                continue  # one value in ten passes the checksum by chance
            if ratio < floor:
                continue
            confidence = 0.35 + 0.6 * ratio * mean
            reasons = [f"detector: {ratio:.0%} of values are {entity} (mean score {mean:.2f})"]
            out.append(
                _Candidate(
                    entity,
                    min(confidence, 0.95),
                    matched,
                    reasons,
                    list(s.examples.get("det:" + entity, [])),
                )
            )
        found = {c.entity for c in out} | skip
        mixed = self._mixed_candidates(s, n, found)
        out.extend(mixed)
        found |= {c.entity for c in mixed}
        distinct = len(s.distinct)
        for shape, floor, base in _STRONG_SHAPES:
            entity = _SHAPES[shape]
            ratio = s.shape_rows[shape] / n
            if entity in found or ratio < floor or non_personal and ratio < 0.99:
                continue
            if shape in ("my_number", "corporate_number", "credit_card") and distinct < 10:
                continue  # a handful of values passes a check digit by chance
            if shape == "corporate_number" and s.shape_rows["ean"] / n >= 0.9:
                continue  # JAN codes: EAN check digits, not corporate numbers
            reasons = [f"{ratio:.0%} of values have the shape {shape}"]
            out.append(
                _Candidate(
                    str(entity),
                    base + 0.2 * ratio,
                    s.shape_rows[shape],
                    reasons,
                    list(s.examples.get(f"shape:{shape}", [])),
                    (shape, ratio),
                )
            )
            found.add(entity)
        if grouped is not None and Entity.PHONE_NUMBER not in found:
            out.extend(self._joined_phone(target, grouped, n))
        return out

    @staticmethod
    def _mixed_candidates(s: _Stats, n: int, found: set[str]) -> list[_Candidate]:
        """Entities inside short mixed values ("山田 太郎" <taro@example.jp>, 田中様 来社)."""
        out: list[_Candidate] = []
        found = set(found)
        for entity, rows in s.any_hit.items():
            mean = s.any_score_sum[entity] / rows
            ratio = rows / n
            floor = _MIXED_RATIO_SURE if mean >= _MIXED_SURE_SCORE else _MIXED_RATIO
            if entity in found or rows < 3 or ratio < floor or mean < _MIXED_SCORE:
                continue
            if entity == Entity.PERSON and ratio < _MIXED_RATIO:
                continue  # a name's score says less than a phone number's shape
            if entity == Entity.JP_MY_NUMBER:
                continue  # a checksum inside a longer value proves nothing
            reasons = [
                f"mixed values: {ratio:.0%} of values contain {entity} (mean score {mean:.2f})"
            ]
            out.append(
                _Candidate(
                    entity,
                    min(0.4 + 0.5 * mean * min(1.0, ratio * 2), 0.9),
                    rows,
                    reasons,
                    list(s.examples.get("det:" + entity, [])),
                    mixed=True,
                )
            )
            found.add(entity)
        return out

    def _joined_phone(
        self, target: _Target, grouped: tuple[ColumnGroup, _Target], n: int
    ) -> list[_Candidate]:
        """A phone number split over digit columns (tel01/tel02/tel03), judged joined."""
        group, gtarget = grouped
        if group.kind != "digits":
            return []
        gs = gtarget.stats
        gn = gs.non_empty or 1
        ratio = max(gs.shape_rows["jp_phone"], gs.matched[Entity.PHONE_NUMBER]) / gn
        if ratio < 0.8:
            return []
        reasons = [f"joined {'/'.join(group.columns)}: {ratio:.0%} are phone numbers"]
        examples = self._examples(target, grouped, Entity.PHONE_NUMBER, "")
        return [_Candidate(Entity.PHONE_NUMBER, 0.5 + 0.4 * ratio, round(ratio * n), reasons,
                           examples)]  # fmt: skip

    def _free_text_candidates(self, target: _Target, hint: NameHint | None) -> list[_Candidate]:
        s = target.stats
        n = s.non_empty
        out = []
        for entity, rows in s.any_hit.items():
            mean = s.any_score_sum[entity] / rows
            if entity == Entity.EMAIL_ADDRESS:
                rows -= s.shape_rows["placeholder_email"]  # me@mydomain.com: an example
            rows -= s.corporate_hit[entity]
            if rows <= 0:
                continue
            if rows < 2 and mean < 0.75:
                continue
            confidence = mean * (0.7 + 0.3 * min(1.0, rows / 5))
            reasons = [f"free text: {rows} of {n} values mention {entity} (mean score {mean:.2f})"]
            if hint is not None:
                reasons.insert(0, f"name: {hint.describe()}")
            out.append(
                _Candidate(
                    entity,
                    min(confidence, 0.95),
                    rows,
                    reasons,
                    list(s.examples.get("det:" + entity, [])),
                    free_text=True,
                )
            )
        return out

    # --- neighbours ----------------------------------------------------------------------

    def _apply_neighbours(self, candidates: dict[str, list[_Candidate]]) -> None:
        def columns_with(entity: str, exclude: str) -> list[str]:
            return [
                n
                for n, cs in candidates.items()
                if n != exclude
                and any(
                    c.entity == entity
                    and not c.free_text
                    and c.confidence >= self.options.min_confidence
                    for c in cs
                )
            ]

        persons = columns_with(Entity.PERSON, "")
        keys = [n for n in self.columns if is_person_key(n)]
        person_table = table_is_person_like(self.table_name)
        organisation = self._organisation_evidence(candidates)
        # a table named for people (contacts, customers) is not a list of places; one with
        # no person, contact or key to a person in it holds nobody's address either (an
        # invoice's or an account's billing address, a postal-code master)
        places = not person_table and self._is_place_list(candidates)
        # a "key" whose values are postal codes (vtiger's bill_code) is no key to a person
        ownerless = places and not [k for k in keys if not self._holds_places(k, candidates)]
        for name in list(candidates):
            hint = self.hints[name]
            kind = hint.kind if hint is not None else None
            s = self.targets[name].stats
            n = s.non_empty
            kept: list[_Candidate] = []
            beside = [p for p in persons if p != name]
            for cand in candidates[name]:
                if cand.free_text:
                    kept.append(cand)
                    continue
                if is_special_care(cand.entity):
                    about = [p for p in beside + keys if p != name]
                    if not (about or person_table):
                        continue  # a disease or drug master table is about nobody
                    cand.reasons.append(
                        "about a person: "
                        + (", ".join(about[:4]) if about else f"table {self.table_name}")
                    )
                if organisation and not cand.mixed and cand.entity in _CORPORATE_CONTACT:
                    continue  # an organisation's own name, reading, address, phone, e-mail
                if places and cand.entity == Entity.ADDRESS and not cand.mixed:
                    if kind in ("postal_code", "prefecture") or s.shape_rows["has_digit"] < n / 2:
                        continue  # a postal-code or prefecture master lists places
                    if ownerless:
                        continue  # whose address? nothing in the row says it is a person's
                if (
                    cand.entity == Entity.EMAIL_ADDRESS
                    and n
                    and s.shape_rows["role_email"] / n >= 0.9
                ):
                    continue  # info@, support@: a service's address, not a person's
                if cand.entity == Entity.EMPLOYER and kind != "employer":
                    if not beside:
                        continue  # a company's own name, not somebody's employer
                    cand.reasons.append("beside person columns: " + ", ".join(beside[:4]))
                prefecture_only = n and s.shape_rows["prefecture"] / n >= 0.9
                if kind == "prefecture" or prefecture_only:
                    if cand.entity in (Entity.ADDRESS, Entity.PERSON, Entity.EMPLOYER):
                        others = columns_with(Entity.ADDRESS, name)
                        if not (beside or others):
                            continue  # a prefecture list is a reference table
                        cand.entity = Entity.ADDRESS
                        cand.reasons.append(
                            "prefecture, part of the address in "
                            + ", ".join((others or beside)[:4])
                        )
                kept.append(cand)
            candidates[name] = kept
        self._age_like_dates(candidates, persons)
        self._unnamed_postal_codes(candidates, persons)
        self._address_parts(candidates, persons)
        self._street_numbers(candidates)
        self._kana_readings(candidates, persons)

    def _kana_readings(self, candidates: dict[str, list[_Candidate]], persons: list[str]) -> None:
        """Katakana under a name that says nothing (``USR_SEIKN``, ``c04``) beside a
        person's name columns: the name's reading."""
        if not persons:
            return
        for name, found in candidates.items():
            s = self.targets[name].stats
            if found or self.hints[name] is not None or not s.non_empty:
                continue
            ratio = s.shape_rows["kana"] / s.non_empty
            if ratio < 0.9 or len(s.distinct) < 5:
                continue
            reasons = [f"{ratio:.0%} of values are katakana, beside " + ", ".join(persons[:3])]
            found.append(
                _Candidate(
                    Entity.PERSON,
                    0.6,
                    s.shape_rows["kana"],
                    reasons,
                    list(s.examples.get("shape:kana", [])),
                    ("kana", ratio),
                )
            )

    def _address_parts(self, candidates: dict[str, list[_Candidate]], persons: list[str]) -> None:
        """A city or town column the detector cannot read alone (横浜市中区) is part of the
        address beside a person's other address columns."""
        addresses = [
            n
            for n, cs in candidates.items()
            if any(c.entity == Entity.ADDRESS and not c.free_text for c in cs)
        ]
        about_people = persons or table_is_person_like(self.table_name)
        if not (about_people and addresses):
            return
        for name, found in candidates.items():
            hint = self.hints[name]
            s = self.targets[name].stats
            if found or hint is None or hint.kind != "address" or not s.non_empty:
                continue
            if s.fit_rows / s.non_empty < 0.8:
                continue
            reasons = [
                f"name: {hint.describe()}",
                "part of the address in " + ", ".join(addresses[:4]),
            ]
            if not persons:
                reasons.append(f"in table {self.table_name}, named for people")
            found.append(
                _Candidate(
                    Entity.ADDRESS, 0.55, s.fit_rows, reasons, list(s.examples.get("fit", []))
                )
            )

    def _street_numbers(self, candidates: dict[str, list[_Candidate]]) -> None:
        """Block numbers (1-2-3, a building after them) under a name that says nothing
        (vtiger's ``lane``) are the street of the address the table's other columns hold;
        alone they may be part numbers or sizes."""
        addresses = [
            n
            for n, cs in candidates.items()
            if any(c.entity == Entity.ADDRESS and not c.free_text for c in cs)
        ]
        if not addresses:
            return
        for name, found in candidates.items():
            s = self.targets[name].stats
            if found or self.hints[name] is not None or not s.non_empty:
                continue
            ratio = s.shape_rows["block_number"] / s.non_empty
            if ratio < 0.9:
                continue
            reasons = [
                f"{ratio:.0%} of values are block numbers (1-2-3)",
                "part of the address in " + ", ".join(addresses[:4]),
            ]
            found.append(
                _Candidate(
                    Entity.ADDRESS,
                    0.55,
                    s.shape_rows["block_number"],
                    reasons,
                    list(s.examples.get("shape:block_number", [])),
                    ("block_number", ratio),
                )
            )

    def _organisation_evidence(self, candidates: dict[str, list[_Candidate]]) -> str | None:
        """Why each row of the table is an organisation (the shop itself, a company, its
        offices, a partner), or None: a company column, a corporate number or an
        organisation's table name, and no column naming a person (a kana reading alone is
        the company's; nor a name found only in the values of an unnamed column beside a
        company column: the shop's own manager, a representative)."""
        company = next(
            (n for n, h in self.hints.items()
             if h is not None and h.kind in ("company_name", "corporate_number")),
            None,
        )  # fmt: skip
        about_people = table_is_person_like(self.table_name)
        for name, found in candidates.items():
            hint = self.hints[name]
            if hint is not None and hint.kind == "kana_name":
                continue
            if hint is None and company is not None and not about_people:
                continue
            if any(c.entity == Entity.PERSON and not (c.free_text or c.mixed) for c in found):
                return None
        if company is not None:
            return f"company column {company}"
        for name, found in candidates.items():
            if any(c.entity == Entity.JP_CORPORATE_NUMBER for c in found):
                return f"corporate numbers in {name}"
        own_name = re.split(r"[/\\:]", self.table_name)[-1]  # a file's folders say nothing
        words = set(word_tokens(own_name)) & _ORGANISATION_TABLE_WORDS
        if words and not table_is_person_like(own_name):  # shop_member, company_employees
            return f"table of {sorted(words)[0]}"
        traits = [n for n in self.columns if "".join(word_tokens(n)) in _ORGANISATION_TRAITS]
        if len(traits) >= 2:  # industry, employees, annual revenue: a company's profile
            return "organisation columns " + ", ".join(traits[:3])
        return None

    def _holds_places(self, name: str, candidates: dict[str, list[_Candidate]]) -> bool:
        s = self.targets[name].stats
        n = s.non_empty or 1
        shaped = max(s.shape_rows["postal_code"], s.shape_rows["prefecture"]) / n >= 0.5
        return shaped or any(c.entity == Entity.ADDRESS for c in candidates.get(name, ()))

    def _is_place_list(self, candidates: dict[str, list[_Candidate]]) -> bool:
        """No person, phone or e-mail in the table: its postal codes, prefectures and
        town names are a reference list of places (a postal-code master), not where
        somebody lives."""
        contact = (Entity.PERSON, Entity.PHONE_NUMBER, Entity.EMAIL_ADDRESS, Entity.EMPLOYER)
        return not any(
            c.entity in contact and not c.free_text for found in candidates.values() for c in found
        )

    def _age_like_dates(self, candidates: dict[str, list[_Candidate]], persons: list[str]) -> None:
        """A date column without a telling name whose years spread like birth years."""
        if not persons:
            return
        now = self._year()
        for name, found in candidates.items():
            if found or self.hints[name] is not None:
                continue
            s = self.targets[name].stats
            if not s.non_empty or s.shape_rows["date"] / s.non_empty < 0.9 or len(s.years) < 20:
                continue
            years = s.years
            # people old enough to be in a company's records: a join, order or follow-up
            # date reaches the last few years, a birth year rarely does
            in_range = sum(1 for y in years if 1900 <= y <= now - _YOUNGEST) / len(years)
            spread = max(years) - min(years)
            if in_range >= 0.95 and spread >= 20 and statistics.median(years) <= now - 25:
                reasons = [
                    f"dates spread over {spread} years, median {statistics.median(years):.0f}, "
                    f"in a table with person columns ({', '.join(persons[:3])}): age-like",
                ]
                found.append(
                    _Candidate(
                        Entity.DATE_OF_BIRTH,
                        0.55,
                        s.shape_rows["date"],
                        reasons,
                        list(s.examples.get("shape:date", [])),
                        ("age_like_dates", 1.0),
                    )
                )

    def _unnamed_postal_codes(
        self, candidates: dict[str, list[_Candidate]], persons: list[str]
    ) -> None:
        """Postal codes or prefecture names under a name that says nothing or only "code"
        (``c07``, ``provin_code``), beside a person's or an address's columns."""
        addresses = [
            n for n, cs in candidates.items() if any(c.entity == Entity.ADDRESS for c in cs)
        ]
        person_table = table_is_person_like(self.table_name)
        if not (persons or addresses or person_table):
            return
        for name, found in candidates.items():
            hint = self.hints[name]
            if found or (hint is not None and hint.kind != "non_personal"):
                continue
            s = self.targets[name].stats
            # a bare "code" in a table named for people (vtiger_leadaddress.code) may be the
            # postal code; product_code, item_cd are not, whatever their digits
            bare_code = person_table and identifier_tokens(name) in (["code"], ["cd"])
            for shape, floor, what in (
                ("postal_code", 0.95, "postal codes"),
                ("prefecture", 0.9, "prefectures"),
            ):
                if hint is not None and shape == "postal_code" and not bare_code:
                    continue  # a code named so is not a postal code by its digits alone
                ratio = s.shape_rows[shape] / s.non_empty if s.non_empty else 0.0
                if ratio < floor:
                    continue
                reasons = [f"{ratio:.0%} of values are {what}, beside person/address columns"]
                found.append(
                    _Candidate(
                        Entity.ADDRESS,
                        0.6,
                        s.shape_rows[shape],
                        reasons,
                        list(s.examples.get(f"shape:{shape}", [])),
                        (shape, ratio),
                    )
                )
                break

    def _verdict(self, name: str, cand: _Candidate) -> ColumnVerdict:
        column = self.columns[name]
        target = self.targets[name]
        s = target.stats
        hint = self.hints[name]
        n = s.non_empty
        told = hint is not None and hint.kind != "non_personal"
        evidence: dict[str, Any] = {
            "name_hint": hint.describe() if told and hint is not None else None,
            "hit_ratio": round(cand.matched / n, 3) if n else 0.0,
            "sample_size": s.rows,
            "non_empty": n,
            "distinct": len(s.distinct),
            "detectors": sorted(s.recognizers.get(cand.entity, ())),
        }
        if s.distinct_capped:
            evidence["distinct_at_least"] = True
        matched = s.any_hit[cand.entity] if cand.free_text else s.matched[cand.entity]
        if matched:
            scores = s.any_score_sum if cand.free_text else s.score_sum
            evidence["mean_score"] = round(scores[cand.entity] / matched, 3)
        if cand.shape:
            evidence["shape"] = {"kind": cand.shape[0], "ratio": round(cand.shape[1], 3)}
        grouped = self._group_of(name)
        if grouped is not None:
            group, gtarget = grouped
            gentity = _kind_entity(group.kind) or Entity.PHONE_NUMBER
            gs = gtarget.stats
            evidence["group"] = {
                "columns": list(group.columns),
                "kind": group.kind,
                "joined_hit_ratio": round(self._support(gtarget, gentity, group.kind)[0], 3),
                "detectors": sorted(gs.recognizers.get(gentity, ())),
            }
        if cand.free_text:
            evidence["free_text"] = True
        if column.type_name:
            evidence["type"] = column.type_name
        evidence["reasons"] = cand.reasons
        evidence["personal"] = is_personal(cand.entity)
        return ColumnVerdict(
            column=name,
            entity=str(cand.entity),
            confidence=round(cand.confidence, 3),
            rows_sampled=n,
            rows_matched=min(cand.matched, n),
            evidence=evidence,
            examples=tuple(cand.examples[: self.options.max_examples]),
            fingerprints=self._fingerprints(name, cand),
        )

    def _fingerprints(self, name: str, cand: _Candidate) -> tuple[str, ...]:
        """Digests of the values behind a verdict: the detected spans in free text, the
        joined value for a group (tel01-03 is one number), else the column's values."""
        if self.fingerprinter is None:
            return ()
        stats = self.targets[name].stats
        values = stats.spans.get(cand.entity, {}) if cand.free_text else stats.values
        grouped = self._group_of(name)
        if grouped is not None and not cand.free_text:
            group, gtarget = grouped
            if (_kind_entity(group.kind) or Entity.PHONE_NUMBER) == cand.entity:
                values = gtarget.stats.values
        return bounded_fingerprints(self.fingerprinter, cand.entity, values)


def classify_table(
    table_name: str,
    columns: Sequence[ColumnSample],
    detector: Detector,
    options: ClassifierOptions | None = None,
    fingerprinter: Fingerprinter | None = None,
) -> list[ColumnVerdict]:
    """Verdicts for every personal column of the table (several per free-text column).

    A corporate-number column gets a JP_CORPORATE_NUMBER verdict (``personal`` false in
    its evidence) so that reviewers see why it was *not* flagged as a My Number.
    """
    return TableClassifier(table_name, columns, detector, options, fingerprinter).verdicts()
