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
    ledger, violations, special, errors, run = wb.worksheets
    headers = [c.value for c in ledger[1]]
    assert headers[:10] == [col[1 if lang == "ja" else 2] for col in LEDGER_COLUMNS][:10]
    if lang == "ja":
        assert wb.sheetnames == [
            "個人情報管理台帳", "違反", "要配慮個人情報", "スキャンエラー", "スキャン情報",
        ]  # fmt: skip
        assert headers[:10] == [
            "個人情報の名称", "項目", "件数", "利用目的", "保管場所", "保管期間", "管理部署",
            "委託の有無", "判定", "最終スキャン日時",
        ]  # fmt: skip
        first = [c.value for c in ledger[2]]
        assert first[:9] == [
            "メールマガジン会員", "電話番号、メールアドレス、生年月日", "1,500件",
            "当社ニュースメールマガジンの提供", "shop-db:main.newsletter", "配信停止から1年",
            "マーケティング部", "あり（株式会社メール配信）", "目的外",
        ]  # fmt: skip
        assert first[9] == "2024-06-01 09:05 JST" and first[10] == "顧客"
    else:
        assert ledger["C2"].value == "1,500 rows"
        assert ledger["I2"].value == "Not allowed for purpose"
    assert violations.max_row - 1 == len(report_data.violations) == 5
    assert special.max_row - 1 == len(report_data.special_care) == 1
    assert [c.value for c in special[2]][3] in ("要配慮個人情報", "Special care")
    assert [c.value for c in errors[2]][:3] == ["share", "path=壊れた.xlsx", "corrupt"]
    texts = [c.value for sheet in wb.worksheets for row in sheet.iter_rows() for c in row]
    hostile = next(c for row in violations.iter_rows() for c in row if c.value
                   and str(c.value).startswith("share:=HYPERLINK"))  # fmt: skip
    assert hostile.data_type == "s"  # a name, never a formula
    assert not any(str(t).startswith("=") for t in texts if t)
