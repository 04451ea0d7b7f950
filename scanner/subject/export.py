"""開示: the person's data, read live from the places of the strong hits, for the person.

This is the one output of Kojin that holds raw personal values, so it is written only
where ``--out`` says, holds only records that matched the person strongly (a name alone
could be somebody else) and still match when read, and every export is logged in the
inventory (who, when, which subject fingerprint, how many items from where).

Rows give their personal columns; a row of a CSV or sheet its personal cells; a text
document the values on the lines (paragraphs, cells) where the person's identifiers are,
and no others, because other lines of a log or a memo may be about other people.
Items are grouped by the purposes of use the catalog gives their place, with the asset,
its owner and retention period, and where each item is kept.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scanner.catalog.verdicts import Judge
from scanner.detect.jp_dates import era_of
from scanner.entities import category
from scanner.findings import Finding
from scanner.fingerprint import Fingerprinter
from scanner.subject.identifiers import Probe
from scanner.subject.places import Place, personal_places
from scanner.subject.reader import PlaceReadError, Record
from scanner.subject.search import (
    SearchResult,
    SubjectHit,
    close_sources,
    matched_kinds,
    read_place,
)

if TYPE_CHECKING:
    from scanner.config import KojinConfig
    from scanner.detect.detector import Detector
    from scanner.inventory.store import Inventory

EXPORT_FORMATS = ("json", "xlsx")
#: the heading of items kept where no catalog asset says why
NO_PURPOSE = ("利用目的の定めのない保管場所", "Kept where no purpose of use is defined")


@dataclass(frozen=True)
class DisclosedItem:
    entity: str
    value: str = field(repr=False)
    source: str = ""
    place: str = ""  # "shop-db:main.dtb_customer", "file-share:顧客リスト.csv"
    record: str = ""  # "id=17", "row 3", "line 12"
    where: str = ""  # the column(s), or nothing for a line of text
    asset: str | None = None
    owner: str | None = None
    retention: str | None = None
    purposes: tuple[str, ...] = ()

    @property
    def category(self) -> str:
        return category(self.entity)


@dataclass(frozen=True)
class Disclosure:
    subject: str
    created: str
    items: tuple[DisclosedItem, ...]
    purpose_names: Mapping[str, str]
    records: int
    weak_hits_left_out: int
    changed: tuple[str, ...]  # records that no longer match (not exported)
    errors: tuple[str, ...]

    def groups(self) -> list[tuple[tuple[str, ...], list[DisclosedItem]]]:
        """Items by the purposes of their place, catalog order; no purpose last."""
        order = list(self.purpose_names)
        out: dict[tuple[str, ...], list[DisclosedItem]] = {}
        for item in self.items:
            out.setdefault(item.purposes, []).append(item)
        return sorted(out.items(), key=lambda kv: [order.index(p) for p in kv[0]] or [len(order)])

    def purpose_label(self, purposes: tuple[str, ...]) -> str:
        if not purposes:
            return NO_PURPOSE[0]
        return "、".join(self.purpose_names.get(p, p) for p in purposes)

    def places(self) -> list[str]:
        return sorted({i.place for i in self.items})


def _record_text(kind: str, locator: Mapping[str, Any]) -> str:
    """A record as a person reads it: ``id=17``, ``sheet 名簿 / row 3``, ``line 12``."""
    row = locator.get("row")
    if kind == "table":
        if not row:
            return f"position {locator.get('position')}"
        return ", ".join(f"{k}={v}" for k, v in row.items())
    return " / ".join(f"{k} {v}" for k, v in locator.items())


def _where(detail: Mapping[str, Any]) -> str:
    if detail.get("columns"):
        return "+".join(detail["columns"])
    return ", ".join(f"{k} {v}" for k, v in detail.items())


def gather_disclosure(
    config: KojinConfig,
    inventory: Inventory,
    result: SearchResult,
    probes: Sequence[Probe],
    fingerprinter: Fingerprinter,
    detector: Callable[[], Detector] | None = None,
) -> Disclosure:
    """Read the strong hits' records live and turn their personal values into items."""
    from scanner.subject.index import detector_factory, place_kind

    judge = Judge(config.catalog)
    places = {
        (p.source, place_kind(p), p.key): p
        for p in personal_places(inventory.findings(inventory.resolve_run(None)))
    }
    by_place: dict[tuple[str, str, str], list[SubjectHit]] = {}
    for hit in result.strong:
        by_place.setdefault((hit.source, hit.kind, hit.place_key), []).append(hit)
    get_detector = detector or detector_factory(config)
    items: list[DisclosedItem] = []
    changed: list[str] = []
    errors: list[str] = []
    records = 0
    sources: dict[str, Any] = {}
    try:
        for ident, hits in sorted(by_place.items()):
            place = places.get(ident)
            if place is None:
                errors.append(f"{ident[0]}:{ident[2]}: no longer marked personal; rescan")
                continue
            try:
                found = _records(config, place, hits, get_detector, sources)
            except PlaceReadError as exc:
                errors.append(str(exc))
                continue
            for hit in hits:
                held = [found.get(_locator_key(r)) for r in hit.records]
                values = [v for r in held if r is not None for v in r.values]
                still = matched_kinds(values, probes, fingerprinter)
                if None in held or not set(hit.matched) <= still:
                    changed.append(f"{hit.place} {_record_text(hit.kind, hit.record)}")
                    continue
                for record in held:
                    assert record is not None
                    records += 1
                    items += _items(hit, record, judge)
    finally:
        close_sources(sources)
    return Disclosure(
        subject=result.subject,
        created=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        items=tuple(items),
        purpose_names={p.id: p.name for p in config.catalog.purposes},
        records=records,
        weak_hits_left_out=len(result.weak),
        changed=tuple(changed),
        errors=tuple(errors),
    )


def _locator_key(locator: Mapping[str, Any]) -> str:
    return json.dumps(locator, sort_keys=True, default=str)


def _records(
    config: KojinConfig,
    place: Place,
    hits: list[SubjectHit],
    detector: Callable[[], Detector],
    sources: dict[str, Any],
) -> dict[str, Record]:
    keys = [h.record["row"] for h in hits if h.kind == "table" and h.record.get("row")]
    whole = any(h.kind == "file" or not h.record.get("row") for h in hits)
    records = read_place(config, place, detector, sources, keys=None if whole else keys,
                         labels=True)  # fmt: skip
    return {_locator_key(r.locator): r for r in records}


_ISO_DATE = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[ T](?P<time>\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?"
)


def display_value(text: str) -> str:
    """A value as a person reads it: a stored date (``1976-07-07 00:00:00.000000``) in
    Japanese with its era (``1976年7月7日（昭和51年）``); anything else unchanged."""
    m = _ISO_DATE.fullmatch(text.strip())
    if m is None:
        return text
    try:
        date = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return text
    shown = f"{date.year}年{date.month}月{date.day}日"
    era = era_of(date)
    if era:
        shown += f"（{era}）"
    clock = (m["time"] or "")[:5]
    if clock and clock != "00:00":
        shown += f" {int(clock[:2])}時{clock[3:5]}分"
    return shown


def _items(hit: SubjectHit, record: Record, judge: Judge) -> list[DisclosedItem]:
    out: list[DisclosedItem] = []
    seen: set[tuple] = set()
    for value in record.values:
        key = (value.entity, value.text, json.dumps(value.detail, sort_keys=True))
        if key in seen:
            continue
        seen.add(key)
        location = _finding_location(hit, value.detail)
        judgement = judge.judge(Finding(hit.source, location, value.entity, 1.0))
        asset = judge.asset_of(hit.source, location)
        retention = asset.retention if asset and asset.retention else None
        if asset and retention is None:
            periods = [p.retention for p in judge.catalog.purposes if p.id in asset.purposes]
            retention = "／".join(dict.fromkeys(periods)) or None
        out.append(
            DisclosedItem(
                entity=value.entity,
                value=display_value(value.text),
                source=hit.source,
                place=hit.place,
                record=_record_text(hit.kind, record.locator),
                where=_where(value.detail),
                asset=asset.name if asset else None,
                owner=asset.owner if asset else None,
                retention=retention,
                purposes=tuple(judgement.purposes) if judgement.verdict == "allowed" else (),
            )
        )
    return out


def _finding_location(hit: SubjectHit, detail: Mapping[str, Any]) -> dict[str, Any]:
    """The location a scan finding would have: for the catalog to place the item."""
    if hit.kind == "table":
        schema, _, table = hit.place_key.partition(".")
        columns = detail.get("columns") or []
        return {"schema": schema, "table": table, "column": columns[0] if columns else ""}
    location = {"path": hit.place_key}
    location.update({k: hit.record[k] for k in ("member", "sheet") if k in hit.record})
    if detail.get("column"):
        location["column"] = detail["column"]
    return location


# --- writing -------------------------------------------------------------------------------

_COLUMNS = (
    ("purposes", "利用目的"),
    ("category", "項目"),
    ("value", "内容"),
    ("place", "保管場所"),
    ("record", "記録"),
    ("where", "列・行"),
    ("asset", "個人情報の名称"),
    ("owner", "管理部署"),
    ("retention", "保管期間"),
)


def export_format(path: Path) -> str:
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"{path.name}: the export is written as .json or .xlsx")
    return fmt


def to_json_dict(doc: Disclosure) -> dict[str, Any]:
    return {
        "format_version": 1,
        "kind": "kojin-disclosure",
        "subject": doc.subject,
        "created": doc.created,
        "records": doc.records,
        "groups": [
            {
                "purposes": [{"id": p, "name": doc.purpose_names.get(p, p)} for p in purposes]
                or [{"id": None, "name": NO_PURPOSE[0]}],
                "items": [
                    {
                        "category": i.category,
                        "entity": i.entity,
                        "value": i.value,
                        "source": i.source,
                        "place": i.place,
                        "record": i.record,
                        "where": i.where,
                        "asset": i.asset,
                        "owner": i.owner,
                        "retention": i.retention,
                    }
                    for i in items
                ],
            }
            for purposes, items in doc.groups()
        ],
        "not_included": {
            "weak_hits": doc.weak_hits_left_out,
            "changed_records": list(doc.changed),
            "unreadable_places": list(doc.errors),
        },
    }


def write_disclosure(doc: Disclosure, path: Path) -> Path:
    """Write the document as .json or .xlsx (by suffix), through a temporary file made
    with mode 0600 before a byte is written: it holds raw values, for the person only."""
    fmt = export_format(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    os.chmod(tmp, 0o600)  # whatever the umask
    if fmt == "json":
        text = json.dumps(to_json_dict(doc), ensure_ascii=False, indent=2) + "\n"
        tmp.write_text(text, encoding="utf-8")
    else:
        _write_xlsx(doc, tmp)
    tmp.replace(path)
    return path


def _write_xlsx(doc: Disclosure, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "開示内容"
    ws.append([label for _key, label in _COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for purposes, items in doc.groups():
        label = doc.purpose_label(purposes)
        for item in items:
            row = {
                "purposes": label,
                "category": item.category,
                "value": item.value,
                "place": item.place,
                "record": item.record,
                "where": item.where,
                "asset": item.asset or "",
                "owner": item.owner or "",
                "retention": item.retention or "",
            }
            ws.append([_text(row[key]) for key, _label in _COLUMNS])
    for letter, width in zip("ABCDEFGHI", (40, 14, 36, 36, 14, 20, 24, 14, 24), strict=True):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.data_type = "s"
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    info = wb.create_sheet("概要")
    for key, value in (
        ("本人の識別子（フィンガープリント）", doc.subject),
        ("作成日時 (UTC)", doc.created),
        ("記録数", doc.records),
        ("項目数", len(doc.items)),
        ("氏名のみ一致のため含めなかった記録", doc.weak_hits_left_out),
        ("照合後に変更され含めなかった記録", len(doc.changed)),
    ):
        info.append([key, value])
    info.column_dimensions["A"].width = 40
    info.column_dimensions["B"].width = 70
    wb.save(path)


def _text(value: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value)
