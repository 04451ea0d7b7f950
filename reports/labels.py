"""Report wording in Japanese (default) and English, and the times reports show."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from scanner.catalog.models import SUBJECT_LABELS
from scanner.catalog.verdicts import VERDICT_LABELS

#: the ledger's columns, in order: (key, ja, en)
LEDGER_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("number", "管理番号", "No."),
    ("asset", "個人情報の名称", "Personal information"),
    ("categories", "項目", "Items"),
    ("volume", "件数", "Count"),
    ("volume_basis", "件数の根拠", "Count basis"),
    ("subjects", "本人の区分", "Data subjects"),
    ("purposes", "利用目的", "Purposes of use"),
    ("acquisition", "取得方法・取得元", "Acquired how / from"),
    ("medium", "保管媒体", "Medium"),
    ("places", "保管場所", "Storage location"),
    ("access", "アクセス権限者", "Access"),
    ("owner", "管理部署", "Department"),
    ("manager", "管理責任者", "Manager"),
    ("retention", "保管期間", "Retention period"),
    ("disposal", "廃棄方法", "Disposal"),
    ("outsourcing", "委託先（利用目的ごと）", "Contractors (per purpose)"),
    ("third_parties", "第三者提供", "Third-party provision"),
    ("verdict", "判定", "Verdict"),
    ("last_scanned", "最終スキャン日時", "Last scanned"),
)

#: 保管媒体 labels
MEDIUM_LABELS: dict[str, tuple[str, str]] = {
    "database": ("データベース", "Database"),
    "file_server": ("ファイルサーバ", "File server"),
    "cloud": ("クラウドサービス", "Cloud service"),
    "paper": ("紙媒体", "Paper"),
    "other": ("その他", "Other"),
}

#: the 変更履歴 sheet: what changed since the previous run, one finding a line
CHANGE_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("change", "区分", "Change"),
    ("finding_id", "ID", "ID"),
    ("asset", "個人情報の名称", "Asset"),
    ("place", "場所", "Location"),
    ("category", "項目", "Item"),
    ("verdict", "判定", "Verdict"),
    ("detail", "内容", "Detail"),
)

FINDING_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("finding_id", "ID", "ID"),
    ("place", "場所", "Location"),
    ("category", "項目", "Item"),
    ("verdict", "判定", "Verdict"),
    ("reason", "判定理由", "Reason"),
    ("asset", "個人情報の名称", "Asset"),
    ("matched", "該当件数", "Matches"),
    ("score", "スコア", "Score"),
    ("examples", "例（マスク済み）", "Examples (masked)"),
    ("review", "確認", "Review"),
    ("change", "前回比", "Since last run"),
)

ERROR_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("source", "ソース", "Source"),
    ("location", "場所", "Location"),
    ("kind", "種類", "Kind"),
    ("message", "内容", "Message"),
)

_TEXT: dict[str, tuple[str, str]] = {
    "title": ("個人情報管理台帳", "Personal information ledger"),
    "sheet_ledger": ("個人情報管理台帳", "Ledger"),
    "sheet_violations": ("違反", "Violations"),
    "sheet_special_care": ("要配慮個人情報", "Special care"),
    "sheet_findings": ("検出一覧", "Findings"),
    "sheet_errors": ("スキャンエラー", "Scan errors"),
    "sheet_changes": ("変更履歴", "Changes"),
    "basis_tables": ("テーブル{n:,}件の行数", "rows of {n:,} table(s)"),
    "basis_tables_sampled": ("テーブル{n:,}件の標本行数", "sampled rows of {n:,} table(s)"),
    "basis_files": (
        "{n:,}ファイルで検出した人数・記録数", "people / records found in {n:,} file(s)"
    ),
    "since_run": ("前回 #{pk} {run_id} から", "since run #{pk} {run_id}"),
    "as_of_run": ("スキャン #{pk} 時点", "as of run #{pk}"),
    "sheet_run": ("スキャン情報", "Scan run"),
    "not_registered": ("（未登録）", "(not in catalog)"),
    "none": ("なし", "No"),
    "yes": ("あり", "Yes"),
    "new": ("新規", "new"),
    "changed": ("変更", "changed"),
    "confirmed": ("確認済み", "confirmed"),
    "false_positive": ("誤検出", "false positive"),
    "not_found": ("未検出", "Not found"),
    "run": ("スキャン", "Run"),
    "started": ("開始", "Started"),
    "ended": ("終了", "Ended"),
    "status": ("状態", "Status"),
    "config_fingerprint": ("設定の指紋", "Config fingerprint"),
    "versions": ("バージョン", "Versions"),
    "sources": ("ソース", "Sources"),
    "findings": ("検出", "Findings"),
    "violations": ("違反", "Violations"),
    "errors": ("エラー", "Errors"),
    "assets": ("個人情報の名称", "Assets"),
    "previous_run": ("前回のスキャン", "Previous run"),
    "no_previous": ("前回のスキャンなし", "no previous run"),
    "chart_by_category": ("項目別の検出数", "Findings by category"),
    "chart_by_source": ("ソース別の検出数", "Findings by source"),
    "chart_by_verdict": ("判定別の検出数", "Findings by verdict"),
    "chart_special_care": ("要配慮個人情報（項目別）", "Special care-required, by item"),
    "no_special_care": ("要配慮個人情報は検出されていない", "no special care-required data"),
    "chart_change": ("前回からの変化", "Change since the previous run"),
    "removed": ("消滅", "removed"),
    "new_violations": ("新規違反", "new violations"),
    "resolved_violations": ("解消した違反", "resolved violations"),
    "not_scanned": ("未スキャン", "not scanned this run"),
    "not_scanned_as_of": (
        "未スキャン（前回の判定: {verdict}）",
        "not scanned (last verdict: {verdict})",
    ),
    "not_scanned_sources": ("今回読めなかったソース", "sources not read this run"),
    "evidence": ("根拠", "Evidence"),
    "search": ("絞り込み", "Filter"),
    "all_verdicts": ("すべての判定", "All verdicts"),
    "only_violations": ("違反のみ", "Violations only"),
    "shown": ("{shown} / {total} 件を表示", "showing {shown} of {total}"),
    "prev_page": ("前へ", "Previous"),
    "next_page": ("次へ", "Next"),
    "noscript": (
        "表と図の表示には JavaScript が必要です（外部への通信は行いません）。",
        "The tables and charts need JavaScript (nothing is fetched from the network).",
    ),
    "privacy_note": (
        "このレポートの値はすべてマスク済みです。生の個人情報は含みません。",
        "Every value in this report is masked; it holds no raw personal data.",
    ),
}


def text(key: str, lang: str, **values: object) -> str:
    ja, en = _TEXT[key]
    chosen = ja if lang == "ja" else en
    return chosen.format(**values) if values else chosen


def verdict_label(verdict: str, lang: str) -> str:
    if verdict == "not_found":
        return text("not_found", lang)
    ja, en = VERDICT_LABELS.get(verdict, (verdict, verdict))
    return ja if lang == "ja" else en


def subject_label(kind: str | None, lang: str) -> str:
    if not kind:
        return text("not_registered", lang)
    ja, en = SUBJECT_LABELS.get(kind, (kind, kind))
    return ja if lang == "ja" else en


def headers(columns: tuple[tuple[str, str, str], ...], lang: str) -> list[str]:
    return [ja if lang == "ja" else en for _key, ja, en in columns]


def local_time(iso: str, timezone: str) -> str:
    """``2024-06-01T01:15:00+00:00`` → ``2024-06-01 10:15 JST`` in the report's time zone."""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    local = moment.astimezone(ZoneInfo(timezone))
    return local.strftime("%Y-%m-%d %H:%M ") + (local.tzname() or timezone)
