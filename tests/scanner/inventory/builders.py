"""Configs, findings and scan outcomes for the catalog, inventory and report tests."""

from __future__ import annotations

from pathlib import Path

from scanner.config import KojinConfig, parse_config
from scanner.findings import Finding, ScanError
from scanner.scan.driver import ScanOutcome, SourceStatus

CONFIG = """
[[sources]]
type = "database"
name = "shop-db"
url = "sqlite:///shop.sqlite3"

[[sources]]
type = "files"
name = "share"
root = "share"

[inventory]
path = "inventory.sqlite3"

[catalog]
special_care_entities = ["MEDICAL_HISTORY"]

[[catalog.purposes]]
id = "newsletter"
name = "当社ニュースメールマガジンの提供"
entities = ["PERSON", "EMAIL_ADDRESS"]
retention = "配信停止から1年"
outsourced_to = ["株式会社メール配信"]

[[catalog.purposes]]
id = "prizes"
name = "アンケート、キャンペーン、モニター等への応募、プレゼント発送等"
entities = ["PERSON", "EMAIL_ADDRESS", "ADDRESS", "PHONE_NUMBER"]
retention = "発送完了から6か月"
outsourced_to = ["配送株式会社"]

[[catalog.purposes]]
id = "recruiting"
name = "採用活動"
entities = ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "ADDRESS", "DATE_OF_BIRTH", "EMPLOYER"]
retention = "選考終了から1年"

[[catalog.assets]]
name = "メールマガジン会員"
source = "shop-db"
tables = ["newsletter"]
purposes = ["newsletter"]
owner = "マーケティング部"
subjects = "customer"
number = "PI-001"
acquisition = "Web登録フォーム（本人から直接）"
access = ["マーケティング部 メール担当", "情報システム部 DB管理者"]
third_parties = []
disposal = "配信停止から1年後に物理削除"
manager = "マーケティング部長"

[[catalog.assets]]
name = "キャンペーン応募者"
source = "shop-db"
tables = ["main.campaign_*"]
purposes = ["newsletter", "prizes"]
owner = "マーケティング部"
subjects = "customer"

[[catalog.assets]]
name = "応募書類"
source = "share"
paths = ["人事/履歴書_*.docx"]
purposes = ["recruiting"]
owner = "人事部"
subjects = "applicant"

[[catalog.not_personal]]
source = "shop-db"
tables = ["company_profile"]
entities = ["ADDRESS", "PHONE_NUMBER"]
reason = "当社本社の住所と代表電話"

[[catalog.not_personal]]
entities = ["ADDRESS"]
values = ["東京都千代田区神田富山町5-1"]
reason = "当社本社の住所（レターヘッド）"
"""


def make_config(base: Path, text: str = CONFIG) -> KojinConfig:
    return parse_config(text, base, origin="config")


def db(table: str, column: str, entity: str, score: float = 0.9, *, rows: int = 100,
       matched: int = 90, schema: str = "main", **extra) -> Finding:  # fmt: skip
    return Finding(
        "shop-db", {"schema": schema, "table": table, "column": column}, entity, score,
        evidence=extra.pop("evidence", {}), examples=extra.pop("examples", ("山田 **",)),
        rows_sampled=rows, rows_matched=matched, **extra,
    )  # fmt: skip


def file(path: str, entity: str, score: float = 0.8, *, count: int = 3, **extra) -> Finding:
    return Finding(
        "share", {"path": path}, entity, score, evidence=extra.pop("evidence", {}),
        examples=extra.pop("examples", ("090-****-5678",)), count=count, **extra,
    )  # fmt: skip


def outcome(
    findings: list[Finding],
    errors: list[ScanError] | None = None,
    run_id: str = "20240601T000000Z",
    out_dir: Path = Path("."),
) -> ScanOutcome:
    statuses = [
        SourceStatus("shop-db", "database", "ok", 3, 3,
                     sum(f.source == "shop-db" for f in findings)),
        SourceStatus("share", "files", "partial" if errors else "ok", 2, 2,
                     sum(f.source == "share" for f in findings), len(errors or [])),
    ]  # fmt: skip
    return ScanOutcome(
        run_id, out_dir, "2024-06-01T00:00:00+00:00", "2024-06-01T00:05:00+00:00",
        findings, list(errors or []), statuses,
    )  # fmt: skip


#: one finding for each verdict (and the head-office exception)
SAMPLE_FINDINGS: list[Finding] = [
    db("newsletter", "email", "EMAIL_ADDRESS", examples=("t***@example.com",)),
    db("newsletter", "birthday", "DATE_OF_BIRTH", examples=("****-**-**",)),
    db("customers", "name", "PERSON"),
    db("company_profile", "address", "ADDRESS", examples=("東京都千代田区***",)),
    db("partners", "corporate_no", "JP_CORPORATE_NUMBER", examples=("8700110005901",)),
    db("patients", "history", "MEDICAL_HISTORY", examples=("****",)),
    file("人事/履歴書_2024.docx", "DATE_OF_BIRTH", examples=("昭和**年*月*日",)),
    file("logs/app.log", "PHONE_NUMBER"),
]
