"""``kojin scan --fail-on``, ``kojin diff``, ``kojin review`` and ``kojin report`` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scanner.cli import main
from scanner.inventory.recorder import record_scan
from scanner.inventory.store import Inventory
from tests.scanner.inventory.builders import CONFIG, SAMPLE_FINDINGS, db, make_config, outcome

SCAN_CONFIG = """
[[sources]]
type = "files"
name = "share"
root = "share"

[[catalog.purposes]]
id = "newsletter"
name = "当社ニュースメールマガジンの提供"
entities = ["PERSON", "EMAIL_ADDRESS"]
retention = "配信停止から1年"

[[catalog.assets]]
name = "会員メモ"
source = "share"
paths = ["/memo.txt"]
purposes = ["newsletter"]
owner = "総務部"
subjects = "customer"

[reports]
formats = ["json"]
"""


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_scheduled_scans_fail_only_on_new_violations(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KOJIN_HMAC_KEY", "k-0123456789abcdef0123456789abcdef")
    share = tmp_path / "share"
    share.mkdir()
    (share / "memo.txt").write_text(
        "会員：山田太郎様、電話 090-1234-5678、メール taro.yamada@example.co.jp\n", encoding="utf-8"
    )
    config = tmp_path / "kojin.toml"
    config.write_text(SCAN_CONFIG, encoding="utf-8")
    scan = ("scan", "--config", str(config), "--executor", "serial", "--fail-on", "new-violations")

    code, _, err = run(capsys, *scan)
    assert code == 3, err  # the phone number is not for the newsletter: a new violation
    assert "run #1 stored" in err and "1 new since no previous run" in err
    report = json.loads(next((tmp_path / "kojin-reports").glob("*.json")).read_text())
    [phone] = [f for f in report["findings"] if f["entity"] == "PHONE_NUMBER"]
    assert phone["verdict"] == "not_allowed_for_purpose" and "5678" not in phone["finding_id"]

    code, out, err = run(capsys, "review", phone["finding_id"], "--config", str(config),
                         "--mark", "false_positive", "--note", "代表番号",
                         "--by", "sato")  # fmt: skip
    assert code == 0, err
    assert "false_positive by sato" in out
    (share / "app.log").write_text("問い合わせ 03-1234-5678 より\n", encoding="utf-8")
    code, _, err = run(capsys, *scan)
    assert code == 3, err  # the log file is new personal data without a purpose

    code, _, err = run(capsys, *scan)
    assert code == 0, err  # nothing new, and the false positive stays one
    assert "0 new since run #2" in err

    code, out, _ = run(capsys, "diff", "1", "--config", str(config))
    assert code == 0
    assert "run #1" in out and "→ run #3" in out and "new 1" in out
    assert out.count("\n+ ") == 1 and "share:app.log" in out


def test_fail_on_special_care_until_reviewed(tmp_path, capsys, monkeypatch):
    """要配慮個人情報 fails a scheduled scan (exit 5) until a reviewer rules it out."""
    monkeypatch.setenv("KOJIN_HMAC_KEY", "k-0123456789abcdef0123456789abcdef")
    share = tmp_path / "share"
    share.mkdir()
    (share / "memo.txt").write_text("会員：山田太郎様\n既往歴：高血圧\n", encoding="utf-8")
    (share / "leaflet.txt").write_text(
        "【効能・効果】高血圧症。本剤は1日1回服用する。\n", encoding="utf-8"
    )
    config = tmp_path / "kojin.toml"
    config.write_text(SCAN_CONFIG.replace('formats = ["json"]', 'formats = ["json", "xlsx"]'),
                      encoding="utf-8")  # fmt: skip
    scan = ("scan", "--config", str(config), "--executor", "serial", "--fail-on", "special-care")

    code, _, err = run(capsys, *scan)
    assert code == 5, err
    assert "要配慮個人情報" in err and "share:memo.txt" in err and "leaflet" not in err
    report = json.loads(next((tmp_path / "kojin-reports").glob("*.json")).read_text())
    [medical] = [f for f in report["findings"] if f["verdict"] == "special_care"]
    assert medical["entity"] == "SPECIAL_CARE_MEDICAL" and "高血圧" not in json.dumps(report)
    assert report["summary"]["special_care"] == 1

    from openpyxl import load_workbook

    book = load_workbook(next((tmp_path / "kojin-reports").glob("*.xlsx")), read_only=True)
    rows = list(book["要配慮個人情報"].iter_rows(values_only=True))
    assert len(rows) == 2 and "memo.txt" in rows[1][1]

    code, _, err = run(capsys, "review", medical["finding_id"], "--config", str(config),
                       "--mark", "false_positive", "--note", "記入例", "--by", "sato")  # fmt: skip
    assert code == 0, err
    code, _, err = run(capsys, *scan)
    assert code == 0, err


@pytest.fixture
def two_runs(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("KOJIN_HMAC_KEY", "k-0123456789abcdef0123456789abcdef")
    path = tmp_path / "kojin.toml"
    path.write_text(CONFIG, encoding="utf-8")
    config = make_config(tmp_path)
    record_scan(config, outcome(SAMPLE_FINDINGS), path)
    later = [*SAMPLE_FINDINGS[1:], db("newsletter", "tel", "PHONE_NUMBER")]
    record_scan(config, outcome(later, run_id="20240602T000000Z"), path)
    return path


def test_diff_defaults_to_the_last_two_runs(two_runs, capsys):
    code, out, _ = run(capsys, "diff", "--config", str(two_runs))
    assert code == 0
    assert out.splitlines()[0] == "run #1 20240601T000000Z → run #2 20240602T000000Z"
    assert "new 1, removed 1, changed 0" in out and "violations: 1 new, 0 resolved" in out
    assert "+ " in out and "shop-db:main.newsletter.tel 電話番号 [not_allowed_for_purpose]" in out

    code, out, _ = run(capsys, "diff", "--config", str(two_runs), "--format", "json")
    data = json.loads(out)
    assert data["format_version"] == 1 and [f["entity"] for f in data["new"]] == ["PHONE_NUMBER"]

    code, out, _ = run(capsys, "diff", "--list", "--config", str(two_runs))
    assert out.count("\n") == 2 and out.startswith("#1 20240601T000000Z")


def test_errors_are_one_line(two_runs, tmp_path, capsys):
    code, _, err = run(capsys, "diff", "9", "--config", str(two_runs))
    assert code == 2 and err.strip() == "kojin: error: no run '9' in the inventory " \
        "(see `kojin diff --list`)"  # fmt: skip
    code, _, err = run(capsys, "review", "abc", "--config", str(two_runs), "--mark", "confirmed",
                       "--note", "x")  # fmt: skip
    assert code == 2 and "not a finding id" in err
    code, _, err = run(capsys, "review", "abcdef12", "--config", str(two_runs),
                       "--mark", "wrong", "--note", "x")  # fmt: skip
    assert code == 2 and err.count("\n") == 1
    fresh = tmp_path / "fresh.toml"
    fresh.write_text("[[sources]]\ntype = 'files'\nname = 'f'\nroot = '.'\n", encoding="utf-8")
    code, _, err = run(capsys, "report", "--config", str(fresh))
    assert code == 2 and "no inventory at" in err and "kojin scan" in err


def test_review_carries_forward_and_default_reviewer_is_user(two_runs, capsys, monkeypatch):
    monkeypatch.setenv("USER", "tanaka")
    with Inventory.open(make_config(two_runs.parent).inventory) as inventory:
        first = inventory.resolve_run("1")
        target = next(f for f in inventory.findings(first) if f.entity == "MEDICAL_HISTORY")
    code, out, _ = run(capsys, "review", target.finding_id, "--config", str(two_runs),
                       "-m", "confirmed", "-n", "同意書あり")  # fmt: skip
    assert code == 0 and "confirmed by tanaka (last seen in run #2)" in out
    code, out, _ = run(capsys, "report", "--config", str(two_runs), "--format", "json",
                       "--out", str(two_runs.parent / "r.json"))  # fmt: skip
    report = json.loads((two_runs.parent / "r.json").read_text())
    [medical] = [f for f in report["findings"] if f["entity"] == "MEDICAL_HISTORY"]
    assert medical["review"]["mark"] == "confirmed" and medical["review"]["by"] == "tanaka"
    assert medical["violation"] is True  # confirmed special-care data still counts
