"""Everything a report shows, read from the inventory only (never from the config).

The catalog used is the snapshot stored with the run, so a report of an old run shows
the purposes and owners as they were when it was scanned.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from scanner.catalog.models import Asset, CatalogConfig
from scanner.catalog.verdicts import Verdict, worst_verdict
from scanner.entities import ALL_ENTITIES
from scanner.findings import ScanError, render_place
from scanner.inventory.diff import FindingsDiff, diff_findings
from scanner.inventory.records import RunInfo, SourceRecord, StoredFinding
from scanner.inventory.store import Inventory

#: places listed per ledger row before "… and N more"
MAX_PLACES = 5


@dataclass(frozen=True)
class LedgerRow:
    """One personal-information asset (a catalog asset, or an unmapped place)."""

    asset: str
    in_catalog: bool
    entities: tuple[str, ...]
    rows: int | None
    rows_sampled: bool  # rows counts sampled rows, not the table's size
    files: int | None
    purposes: tuple[str, ...]  # ids
    purpose_names: tuple[str, ...]
    purpose_names_en: tuple[str, ...]  # name_en, or the id where the catalog has none
    places: tuple[str, ...]
    retention: str | None
    owner: str | None
    subjects: str | None
    outsourced_to: tuple[str, ...]
    verdict: str  # a Verdict, or "not_found" for a catalog asset nothing was found in
    violations: int
    findings: tuple[StoredFinding, ...]
    #: this run read none of the row's places (its source failed, or every finding was
    #: carried forward from an earlier run): 未スキャン, not 未検出
    not_scanned: bool = False
    #: the run that last read the row's places, when that is not this run
    last_scanned_run_pk: int | None = None
    #: 件数: table rows plus the records (people, rows, mentions) found in files
    records: int | None = None
    #: (purpose name, name_en, 委託先) per purpose that outsources
    outsourcing_by_purpose: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    number: str | None = None  # 管理番号
    acquisition: str | None = None  # 取得方法・取得元
    medium: str | None = None  # 保管媒体: database | file_server | cloud | paper | other
    access: tuple[str, ...] = ()  # アクセス権限者
    third_parties: tuple[str, ...] | None = None  # 第三者提供先 (None: not recorded)
    disposal: str | None = None  # 廃棄方法
    manager: str | None = None  # 管理責任者


@dataclass(frozen=True)
class ReportData:
    run: RunInfo
    previous: RunInfo | None
    catalog: CatalogConfig
    findings: tuple[StoredFinding, ...]
    errors: tuple[ScanError, ...]
    sources: tuple[SourceRecord, ...]
    diff: FindingsDiff | None
    ledger: tuple[LedgerRow, ...]
    new_keys: frozenset[str] = frozenset()
    changed_keys: frozenset[str] = frozenset()
    #: run pk -> when it ended, for the 最終スキャン日時 of findings carried forward
    run_ended: Mapping[int, str] = field(default_factory=dict)

    @property
    def not_scanned(self) -> tuple[StoredFinding, ...]:
        return tuple(f for f in self.findings if f.not_scanned)

    @property
    def failed_sources(self) -> frozenset[str]:
        return frozenset(s.name for s in self.sources if s.status == "failed")

    @property
    def violations(self) -> tuple[StoredFinding, ...]:
        return tuple(f for f in self.findings if f.is_violation)

    @property
    def special_care(self) -> tuple[StoredFinding, ...]:
        """要配慮個人情報 no reviewer marked a false positive: its own sheet and chart."""
        return tuple(f for f in self.violations if f.verdict == Verdict.special_care)

    def change_of(self, finding: StoredFinding) -> str | None:
        """ "new", "changed" or "not_scanned" relative to the previous run; None if
        unchanged or no run."""
        if finding.not_scanned:
            return "not_scanned"
        if finding.key in self.new_keys:
            return "new"
        return "changed" if finding.key in self.changed_keys else None


def load_report_data(inventory: Inventory, run_ref: str | None = None) -> ReportData:
    run = inventory.resolve_run(run_ref)
    previous = inventory.previous_run(run)
    findings = inventory.findings(run)
    diff = diff_findings(inventory.findings(previous), findings) if previous else None
    ended = {r.pk: r.ended for r in inventory.runs()}
    return build_report_data(
        run, previous, findings, inventory.errors(run), inventory.sources(run), diff, ended
    )


def build_report_data(
    run: RunInfo,
    previous: RunInfo | None,
    findings: Sequence[StoredFinding],
    errors: Sequence[ScanError],
    sources: Sequence[SourceRecord],
    diff: FindingsDiff | None,
    run_ended: Mapping[int, str] | None = None,
) -> ReportData:
    catalog = CatalogConfig.model_validate(run.catalog)
    failed = {s.name for s in sources if s.status == "failed"}
    return ReportData(
        run, previous, catalog, tuple(findings), tuple(errors), tuple(sources), diff,
        tuple(build_ledger(catalog, findings, failed, {s.name: s.type for s in sources})),
        new_keys=frozenset(f.key for f in diff.new) if diff else frozenset(),
        changed_keys=frozenset(c.after.key for c in diff.changed) if diff else frozenset(),
        run_ended=dict(run_ended or {}),
    )  # fmt: skip


def _counts_as_personal(f: StoredFinding) -> bool:
    if f.verdict == Verdict.not_personal:
        return False
    return not (f.review is not None and f.review.mark == "false_positive")


def build_ledger(
    catalog: CatalogConfig,
    findings: Sequence[StoredFinding],
    failed_sources: frozenset[str] | set[str] = frozenset(),
    source_types: Mapping[str, str] | None = None,
) -> list[LedgerRow]:
    """Catalog assets in catalog order, then places no asset covers, by name.

    ``failed_sources`` could not be read this run: their assets are 未スキャン, not 未検出.
    """
    by_asset: dict[str, list[StoredFinding]] = {}
    judged_not_personal: set[str] = set()
    unmapped: dict[str, list[StoredFinding]] = {}
    for f in findings:
        if not _counts_as_personal(f):
            if f.asset:
                judged_not_personal.add(f.asset)
            continue
        if f.asset:
            by_asset.setdefault(f.asset, []).append(f)
        else:
            unmapped.setdefault(_unmapped_name(f), []).append(f)
    purposes = {p.id: p for p in catalog.purposes}
    media = {name: _MEDIUM_OF_SOURCE.get(kind, "other") for name, kind in
             (source_types or {}).items()}  # fmt: skip
    rows = [
        _asset_row(a, by_asset.get(a.name, []), purposes, a.name in judged_not_personal, media)
        for a in catalog.assets
    ]
    known = {a.name for a in catalog.assets}
    for name in sorted(set(by_asset) - known):  # an asset renamed since the run
        rows.append(_unmapped_row(name, by_asset[name], media))
    rows += [_unmapped_row(name, unmapped[name], media) for name in sorted(unmapped)]
    sources = {a.name: a.source for a in catalog.assets}
    return [_scan_state(r, sources.get(r.asset) in failed_sources) for r in rows]


def _scan_state(row: LedgerRow, source_failed: bool) -> LedgerRow:
    """Mark a row this run did not read: all its findings carried, or its source failed."""
    carried = [f.last_scanned_run_pk for f in row.findings if f.not_scanned]
    if row.findings and len(carried) == len(row.findings):
        return replace(row, not_scanned=True, last_scanned_run_pk=min(carried))
    if not row.findings and source_failed:
        return replace(row, not_scanned=True, records=None)  # unknown, not zero
    return row


def _unmapped_name(f: StoredFinding) -> str:
    return ledger_group(f.source, f.location)


def ledger_group(source: str, location: Mapping[str, Any]) -> str:
    """The ledger row of a place no asset covers: its table, or its file's folder.

    A folder is the unit people file things in (an export folder, a team's share), so
    one unmapped folder is one row, not one row per file; files at the root stand alone.
    """
    path = location.get("path")
    if path and not location.get("table"):
        folder = posixpath.dirname(str(path).replace("\\", "/").strip("/"))
        if folder:
            return f"{source}:{folder}/"
    return render_place(source, location)


def _entities(found: Sequence[StoredFinding]) -> tuple[str, ...]:
    present = {f.entity for f in found}
    order = [e.value for e in ALL_ENTITIES]
    return tuple(sorted(present, key=lambda e: (order.index(e) if e in order else 99, e)))


def _file_records(f: StoredFinding) -> int:
    """How many records (people) a file finding stands for: a CSV column's matched rows,
    a document's mentions, at least one."""
    if f.rows_sampled is not None:
        return max(f.rows_matched or 0, 1)
    return max(f.count or 0, 1)


def _volume(found: Sequence[StoredFinding]) -> tuple[int | None, bool, int | None, int | None]:
    """(table rows, rows are a sample, files, records) of an asset's findings.

    A file's records are those of its most frequent item (a CSV of 15 people has 15 names,
    15 phones: 15, not 30); the asset's records are its table rows plus its files' records.
    """
    counted: dict[str, int] = {}  # table -> its full row count
    sampled: dict[str, int] = {}  # table -> rows sampled, where not counted
    files: dict[str, int] = {}  # path -> records found in it
    for f in found:
        if f.location.get("table"):
            full = f.table_rows
            if full is not None:
                counted[f.place] = max(counted.get(f.place, 0), full)
            elif f.rows_sampled is not None:
                sampled[f.place] = max(sampled.get(f.place, 0), f.rows_sampled)
        elif f.location.get("path"):
            path = str(f.location["path"])
            files[path] = max(files.get(path, 0), _file_records(f))
    only_sampled = {t: n for t, n in sampled.items() if t not in counted}
    tables = counted | only_sampled
    rows = sum(tables.values()) if tables else None
    records = (rows or 0) + sum(files.values()) if (tables or files) else None
    return rows, bool(only_sampled), (len(files) if files else None), records


def _places(found: Sequence[StoredFinding]) -> tuple[str, ...]:
    counts = Counter(f.place for f in found)
    return tuple(place for place, _n in counts.most_common())


def _declared_places(asset: Asset) -> tuple[str, ...]:
    return tuple(f"{asset.source}:{p}" for p in (*asset.schemas, *asset.tables, *asset.paths))


def _asset_row(
    asset: Asset, found: list[StoredFinding], purposes, only_not_personal: bool, source_types
) -> LedgerRow:
    """``only_not_personal``: the scan found data here, but none of it is personal."""
    chosen = [purposes[p] for p in asset.purposes if p in purposes]
    retention = asset.retention or "; ".join(
        dict.fromkeys(p.retention for p in chosen)
    )  # one period once, however many purposes share it
    outsourced = tuple(dict.fromkeys(name for p in chosen for name in p.outsourced_to))
    rows, sampled, files, records = _volume(found)
    verdict = worst_verdict([f.verdict for f in found]) or (
        Verdict.not_personal if only_not_personal else "not_found"
    )
    return LedgerRow(
        asset=asset.name, in_catalog=True, entities=_entities(found), rows=rows,
        rows_sampled=sampled, files=files, purposes=tuple(asset.purposes),
        purpose_names=tuple(p.name for p in chosen),
        purpose_names_en=tuple(p.name_en or p.id for p in chosen),
        places=_places(found) or _declared_places(asset),
        retention=retention or None, owner=asset.owner, subjects=str(asset.subjects),
        outsourced_to=outsourced, verdict=verdict,
        violations=sum(1 for f in found if f.is_violation), findings=tuple(found),
        records=records if records is not None else 0,
        outsourcing_by_purpose=tuple(
            (p.name, p.name_en or p.id, tuple(p.outsourced_to)) for p in chosen if p.outsourced_to
        ),
        number=asset.number, acquisition=asset.acquisition,
        medium=asset.medium or source_types.get(asset.source), access=tuple(asset.access),
        third_parties=None if asset.third_parties is None else tuple(asset.third_parties),
        disposal=asset.disposal, manager=asset.manager,
    )  # fmt: skip


#: 保管媒体 of an asset that does not say, from its source's type
_MEDIUM_OF_SOURCE = {"database": "database", "files": "file_server", "smb": "file_server"}


def _unmapped_row(name: str, found: list[StoredFinding], source_types) -> LedgerRow:
    rows, sampled, files, records = _volume(found)
    return LedgerRow(
        asset=name, in_catalog=False, entities=_entities(found), rows=rows,
        rows_sampled=sampled, files=files, purposes=(), purpose_names=(), purpose_names_en=(),
        places=_places(found), retention=None, owner=None, subjects=None, outsourced_to=(),
        verdict=worst_verdict([f.verdict for f in found]) or Verdict.no_purpose,
        violations=sum(1 for f in found if f.is_violation), findings=tuple(found),
        records=records, medium=source_types.get(found[0].source) if found else None,
    )  # fmt: skip


def personal_by_category(findings: Sequence[StoredFinding], lang: str = "ja") -> dict[str, int]:
    """Personal findings by category, most first: what the terminal summary, summary.json
    and the reports' charts all count (not 法人番号, not-personal rules, false positives)."""
    from scanner.entities import category

    counts = Counter(category(f.entity, lang) for f in findings if _counts_as_personal(f))
    return dict(counts.most_common())


def summary_counts(data: ReportData, lang: str = "ja") -> dict:
    """Counts the HTML and JSON reports show: by category, source, verdict, and change."""
    out: dict = {
        "findings": len(data.findings),
        "violations": len(data.violations),
        "errors": len(data.errors),
        "not_scanned": len(data.not_scanned),
        "failed_sources": sorted(data.failed_sources),
        "assets": sum(1 for r in data.ledger if r.verdict != "not_found"),
        "by_category": personal_by_category(data.findings, lang),
        "by_source": dict(Counter(f.source for f in data.findings).most_common()),
        "by_verdict": dict(Counter(f.verdict for f in data.findings).most_common()),
        "special_care": len(data.special_care),
        "special_care_by_category": personal_by_category(data.special_care, lang),
    }
    if data.diff is not None:
        out["change"] = {
            "new": len(data.diff.new),
            "removed": len(data.diff.removed),
            "changed": len(data.diff.changed),
            "new_violations": len(data.diff.new_violations),
            "resolved_violations": len(data.diff.resolved_violations),
            "not_scanned": len(data.diff.not_scanned),
        }
    return out
