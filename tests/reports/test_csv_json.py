"""CSV and JSON for other tools: documented columns, format_version, no raw values."""

from __future__ import annotations

import csv
import json

from reports import csv_report, json_report
from tests.reports.conftest import HOSTILE


def test_csv_has_the_documented_columns(report_data, tmp_path):
    path = csv_report.write_csv(report_data, tmp_path / "f.csv", "en")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens UTF-8 correctly
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert tuple(rows[0]) == csv_report.COLUMNS
    assert {r["format_version"] for r in rows} == {"1"} and len(rows) == 10
    for name in csv_report.COLUMNS:  # every column is named in the module's schema
        assert name in csv_report.__doc__
    tel = next(r for r in rows if r["place"] == "shop-db:main.newsletter"
               and json.loads(r["location"])["column"] == "tel")  # fmt: skip
    assert (tel["verdict"], tel["violation"], tel["change"], tel["category"]) == (
        "not_allowed_for_purpose", "1", "new", "Phone number")  # fmt: skip
    fp = next(r for r in rows if r["place"] == "shop-db:main.customers")
    assert (fp["review"], fp["reviewer"], fp["violation"]) == ("false_positive", "sato", "0")
    hostile = next(r for r in rows if HOSTILE in r["place"])
    assert hostile["place"].startswith("share:")
    assert all(not v.startswith("=") for r in rows for v in r.values())


def test_json_document(report_data, tmp_path):
    path = json_report.write_json(report_data, tmp_path / "r.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format_version"] == 1 and doc["lang"] == "ja"
    assert set(doc) == {"format_version", "generator", "lang", "run", "previous_run", "summary",
                        "catalog", "ledger", "findings", "errors"}  # fmt: skip
    for key in doc:
        assert f'"{key}"' in json_report.__doc__
    assert doc["previous_run"] == {"id": 1, "run_id": "20240601T000000Z"}
    assert doc["summary"]["change"] == {"new": 3, "removed": 0, "changed": 0,
                                        "new_violations": 3, "resolved_violations": 0,
                                        "not_scanned": 0}  # fmt: skip
    assert doc["summary"]["violations"] == 5
    assert doc["ledger"][0]["categories"] == ["電話番号", "メールアドレス", "生年月日"]
    assert "not_personal" not in doc["catalog"]
    finding = doc["findings"][0]
    assert set(finding) >= {"finding_id", "location", "verdict", "reason", "examples", "review"}
    assert doc["errors"] == [{"source": "share", "location": {"path": "壊れた.xlsx"},
                              "kind": "corrupt", "message": "BadZipFile: not a zip"}]  # fmt: skip
