"""Display text of ledger, finding and error rows, shared by every report format."""

from __future__ import annotations

from reports.labels import MEDIUM_LABELS, local_time, subject_label, text, verdict_label
from reports.model import MAX_PLACES, LedgerRow, ReportData
from scanner.entities import category
from scanner.findings import ScanError
from scanner.inventory.records import StoredFinding

_SEP = {"ja": "、", "en": ", "}


def join(items, lang: str) -> str:
    return _SEP[lang].join(items)


def volume_basis(row: LedgerRow, lang: str) -> str:
    """What the 件数 counts: table rows (sampled or not), records found in files."""
    tables = len({f.place for f in row.findings if f.location.get("table")})
    parts = []
    if row.rows is not None:
        key = "basis_tables_sampled" if row.rows_sampled else "basis_tables"
        parts.append(text(key, lang, n=tables))
    if row.files is not None:
        parts.append(text("basis_files", lang, n=row.files))
    return " + ".join(parts)


def _outsourcing(row: LedgerRow, lang: str) -> str:
    if row.outsourcing_by_purpose:
        lines = [f"{ja if lang == 'ja' else en}: {join(names, lang)}"
                 for ja, en, names in row.outsourcing_by_purpose]  # fmt: skip
        return "\n".join(lines)
    if row.outsourced_to:  # a row built without the per-purpose split
        return join(row.outsourced_to, lang)
    return text("none", lang) if row.in_catalog else text("not_registered", lang)


def _third_parties(row: LedgerRow, lang: str) -> str:
    if row.third_parties is None:
        return text("not_registered", lang)
    if not row.third_parties:
        return text("none", lang)
    names = join(row.third_parties, lang)
    return f"あり（{names}）" if lang == "ja" else f"Yes ({names})"


def _medium(row: LedgerRow, lang: str) -> str:
    if row.medium is None:
        return text("not_registered", lang)
    ja, en = MEDIUM_LABELS.get(row.medium, (row.medium, row.medium))
    return ja if lang == "ja" else en


def ledger_cells(
    row: LedgerRow, data: ReportData, lang: str, timezone: str
) -> dict[str, str | int | None]:
    unregistered = text("not_registered", lang)
    places = list(row.places[:MAX_PLACES])
    if len(row.places) > MAX_PLACES:
        more = len(row.places) - MAX_PLACES
        places.append(f"他{more}件" if lang == "ja" else f"and {more} more")
    purposes = row.purpose_names if lang == "ja" else row.purpose_names_en
    return {
        "number": row.number or unregistered,
        "asset": row.asset,
        "categories": join((category(e, lang) for e in row.entities), lang),
        "volume": row.records,  # a number cell; what it counts is in volume_basis
        "volume_basis": volume_basis(row, lang),
        "subjects": subject_label(row.subjects, lang),
        "purposes": "\n".join(purposes) if purposes else unregistered,
        "acquisition": row.acquisition or unregistered,
        "medium": _medium(row, lang),
        "places": "\n".join(places),
        "access": "\n".join(row.access) if row.access else unregistered,
        "owner": row.owner or unregistered,
        "manager": row.manager or unregistered,
        "retention": row.retention or unregistered,
        "disposal": row.disposal or unregistered,
        "outsourcing": _outsourcing(row, lang),
        "third_parties": _third_parties(row, lang),
        "verdict": _verdict_text(row, lang),
        "last_scanned": _last_scanned(row, data, lang, timezone),
    }


def _verdict_text(row: LedgerRow, lang: str) -> str:
    if not row.not_scanned:
        return verdict_label(row.verdict, lang)
    if not row.findings:
        return text("not_scanned", lang)
    return text("not_scanned_as_of", lang, verdict=verdict_label(row.verdict, lang))


def _last_scanned(row: LedgerRow, data: ReportData, lang: str, timezone: str) -> str:
    """When the row's places were last read: this run, an earlier one, or never."""
    if not row.not_scanned:
        return local_time(data.run.ended, timezone)
    ended = data.run_ended.get(row.last_scanned_run_pk or -1)
    return local_time(ended, timezone) if ended else text("not_scanned", lang)


def matched_text(f: StoredFinding) -> str:
    """Rows matched of rows sampled, or a file's mentions: "≥N" when sample mode's
    detector read only part of the file (``evidence.coverage``), so N is a floor."""
    if f.rows_sampled is not None:
        return f"{f.rows_matched or 0}/{f.rows_sampled}"
    if f.count is None:
        return ""
    partial = (f.evidence or {}).get("coverage", 1.0) < 1.0
    return f"≥{f.count}" if partial else str(f.count)


def review_text(f: StoredFinding, lang: str) -> str:
    if f.review is None:
        return ""
    label = text(str(f.review.mark), lang)
    note = f": {f.review.note}" if f.review.note else ""
    return f"{label} ({f.review.by} {f.review.at[:10]}){note}"


def finding_cells(f: StoredFinding, data: ReportData, lang: str) -> dict[str, str]:
    change = data.change_of(f)
    return {
        "finding_id": f.finding_id,
        "place": f.where,
        "category": f.category(lang),
        "verdict": verdict_label(f.verdict, lang),
        "reason": f.reason(lang),
        "asset": f.asset or text("not_registered", lang),
        "matched": matched_text(f),
        "score": f"{f.score:.2f}",
        "examples": join(f.examples, lang),
        "review": review_text(f, lang),
        "change": text(change, lang) if change else "",
    }


def error_cells(e: ScanError) -> dict[str, str]:
    return {
        "source": e.source,
        "location": ", ".join(f"{k}={v}" for k, v in e.location.items()),
        "kind": e.kind,
        "message": e.message,
    }


def change_rows(data: ReportData, lang: str) -> list[dict[str, str]]:
    """The 変更履歴 sheet: every finding new, removed, changed or not scanned since the
    previous run."""
    diff = data.diff
    if diff is None:
        return [{"change": text("no_previous", lang), "finding_id": "", "asset": "",
                 "place": "", "category": "", "verdict": "", "detail": ""}]  # fmt: skip

    def row(kind: str, f: StoredFinding, detail: str) -> dict[str, str]:
        return {
            "change": text(kind, lang), "finding_id": f.finding_id,
            "asset": f.asset or text("not_registered", lang), "place": f.where,
            "category": f.category(lang), "verdict": verdict_label(f.verdict, lang),
            "detail": detail,
        }  # fmt: skip

    out = [row("new", f, "") for f in diff.new]
    out += [row("removed", f, "") for f in diff.removed]
    out += [row("changed", c.after, "; ".join(c.changes)) for c in diff.changed]
    out += [row("not_scanned", f, text("as_of_run", lang, pk=f.last_scanned_run_pk))
            for f in diff.not_scanned]  # fmt: skip
    return out
