"""The 個人情報管理台帳: rows per asset, and the xlsx workbook's sheets."""

from __future__ import annotations

import pytest

from reports.labels import LEDGER_COLUMNS
from reports.ledger_xlsx import write_ledger_xlsx
from reports.model import ledger_group
from tests.reports.conftest import HOSTILE


def test_ledger_rows(report_data):
    rows = {r.asset: r for r in report_data.ledger}
    assert list(rows)[:3] == ["メールマガジン会員", "キャンペーン応募者", "応募書類"]
    news = rows["メールマガジン会員"]
    assert news.entities == ("PHONE_NUMBER", "EMAIL_ADDRESS", "DATE_OF_BIRTH")
    assert (news.rows, news.rows_sampled) == (1500, False)  # the connector's row count
    assert news.verdict == "not_allowed_for_purpose" and news.violations == 2
    assert news.outsourced_to == ("株式会社メール配信",) and news.retention == "配信停止から1年"
    assert rows["キャンペーン応募者"].verdict == "not_found"
    resumes = rows["応募書類"]
    assert (resumes.files, resumes.verdict, resumes.subjects) == (1, "allowed", "applicant")
    # unmapped places follow; the false positive and the not-personal findings do not count
    hostile = ledger_group("share", {"path": HOSTILE})
    assert set(rows) - {"メールマガジン会員", "キャンペーン応募者", "応募書類"} == {
        "share:logs/", hostile, "shop-db:main.patients"}  # fmt: skip
    assert rows["shop-db:main.patients"].verdict == "special_care"
    assert rows["shop-db:main.patients"].owner is None


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_xlsx_sheets_and_headers(report_data, tmp_path, lang):
    from openpyxl import load_workbook

    path = write_ledger_xlsx(report_data, tmp_path / "ledger.xlsx", lang)
    wb = load_workbook(path)
    ledger, violations, special, errors, changes, run = wb.worksheets
    headers = [c.value for c in ledger[1]]
    assert headers == [col[1 if lang == "ja" else 2] for col in LEDGER_COLUMNS]
    first = dict(zip(headers, [c.value for c in ledger[2]], strict=True))
    if lang == "ja":
        assert wb.sheetnames == [
            "個人情報管理台帳", "違反", "要配慮個人情報", "スキャンエラー", "変更履歴",
            "スキャン情報",
        ]  # fmt: skip
        assert headers == [
            "管理番号", "個人情報の名称", "項目", "件数", "件数の根拠", "本人の区分", "利用目的",
            "取得方法・取得元", "保管媒体", "保管場所", "アクセス権限者", "管理部署", "管理責任者",
            "保管期間", "廃棄方法", "委託先（利用目的ごと）", "第三者提供", "判定",
            "最終スキャン日時",
        ]  # fmt: skip
        assert first == {
            "管理番号": "PI-001", "個人情報の名称": "メールマガジン会員",
            "項目": "電話番号、メールアドレス、生年月日", "件数": 1500,
            "件数の根拠": "テーブル1件の行数", "本人の区分": "顧客",
            "利用目的": "当社ニュースメールマガジンの提供",
            "取得方法・取得元": "Web登録フォーム（本人から直接）", "保管媒体": "データベース",
            "保管場所": "shop-db:main.newsletter",
            "アクセス権限者": "マーケティング部 メール担当\n情報システム部 DB管理者",
            "管理部署": "マーケティング部", "管理責任者": "マーケティング部長",
            "保管期間": "配信停止から1年", "廃棄方法": "配信停止から1年後に物理削除",
            "委託先（利用目的ごと）": "当社ニュースメールマガジンの提供: 株式会社メール配信",
            "第三者提供": "なし", "判定": "目的外", "最終スキャン日時": "2024-06-01 09:05 JST",
        }  # fmt: skip
        unregistered = dict(zip(headers, [c.value for c in ledger[3]], strict=True))
        assert unregistered["管理番号"] == unregistered["第三者提供"] == "（未登録）"
        change_kinds = [row[0] for row in changes.iter_rows(min_row=2, values_only=True)]
        assert change_kinds and set(change_kinds) <= {"新規", "消滅", "変更", "未スキャン"}
        assert "新規" in change_kinds
    else:
        assert first["Count"] == 1500 and first["Medium"] == "Database"
        assert first["Verdict"] == "Not allowed for purpose"
    assert violations.max_row - 1 == len(report_data.violations) == 5
    assert special.max_row - 1 == len(report_data.special_care) == 1
    assert [c.value for c in special[2]][3] in ("要配慮個人情報", "Special care")
    assert [c.value for c in errors[2]][:3] == ["share", "path=壊れた.xlsx", "corrupt"]
    texts = [c.value for sheet in wb.worksheets for row in sheet.iter_rows() for c in row]
    hostile = next(c for row in violations.iter_rows() for c in row if c.value
                   and str(c.value).startswith("share:=HYPERLINK"))  # fmt: skip
    assert hostile.data_type == "s"  # a name, never a formula
    assert not any(str(t).startswith("=") for t in texts if t)


def test_a_files_count_is_its_records_not_one_file(tmp_path, monkeypatch):
    """A CSV of 15 people counts 15 (its most frequent item), a note with 3 names 3."""
    from reports.model import load_report_data
    from scanner.findings import Finding
    from scanner.inventory.recorder import record_scan
    from scanner.inventory.store import Inventory
    from tests.scanner.inventory.builders import file, make_config, outcome

    monkeypatch.setenv("KOJIN_HMAC_KEY", "k-0123456789abcdef0123456789abcdef")
    config = make_config(tmp_path)
    roster = [
        Finding("share", {"path": "名簿/会員.csv", "column": column}, entity, 0.9,
                rows_sampled=15, rows_matched=matched, count=matched)
        for column, entity, matched in (("氏名", "PERSON", 15), ("電話", "PHONE_NUMBER", 12))
    ]  # fmt: skip
    record_scan(config, outcome([*roster, file("名簿/メモ.txt", "PERSON", count=3)]))
    with Inventory.open(config.inventory) as inventory:
        [row] = [r for r in load_report_data(inventory).ledger if r.asset == "share:名簿/"]
    assert (row.records, row.files) == (18, 2)
