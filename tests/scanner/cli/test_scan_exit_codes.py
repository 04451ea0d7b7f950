"""``kojin scan``'s exit codes and what an unreadable source does to the inventory.

A source that cannot be read must not look like cleaned-up data: its findings are
carried forward as 未スキャン (not scanned this run) in the diff, the reports and the
ledger, never "removed" or "resolved"; the scan exits 4 and says which source failed,
even with ``--quiet``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from scanner.cli import main

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"


@pytest.fixture
def workspace(tmp_path, monkeypatch) -> Path:
    """A copy of the example config whose database can be moved away."""
    monkeypatch.setenv("KOJIN_HMAC_KEY", "exit-codes-0123456789abcdef0123456789abcdef")
    shutil.copy(EXAMPLES / "sample.sqlite3", tmp_path / "shop.sqlite3")
    share = tmp_path / "share"
    share.mkdir()
    shutil.copy(EXAMPLES / "share" / "顧客リスト.csv", share / "顧客リスト.csv")
    text = (ROOT / "config.example.toml").read_text(encoding="utf-8")
    text = text.replace("sqlite:///examples/sample.sqlite3", "sqlite:///shop.sqlite3")
    text = text.replace('root = "examples/share"', 'root = "share"')
    (tmp_path / "kojin.toml").write_text(text, encoding="utf-8")
    return tmp_path


def scan(workspace: Path, *extra: str) -> int:
    return main(["scan", "--config", str(workspace / "kojin.toml"), "--executor", "serial",
                 "-q", *extra])  # fmt: skip


def test_complete_scan_exits_0(workspace, capsys) -> None:
    assert scan(workspace) == 0
    assert capsys.readouterr().err == ""


def test_totals_agree_between_summary_and_reports(workspace, capsys) -> None:
    assert main(["scan", "--config", str(workspace / "kojin.toml"), "--executor", "serial"]) == 0
    terminal = capsys.readouterr().err
    summary = json.loads((workspace / "kojin-out" / "summary.json").read_text(encoding="utf-8"))
    report = workspace / "r.json"
    assert main(["report", "--config", str(workspace / "kojin.toml"), "--out", str(report)]) == 0
    charts = json.loads(report.read_text(encoding="utf-8"))["summary"]["by_category"]
    assert summary["findings_by_category"] == charts and "法人番号" not in charts
    assert summary["not_personal_findings"] >= 1  # the partners' corporate numbers
    line = next(x for x in terminal.splitlines() if x.startswith("personal findings: "))
    assert all(f"{c} {n}" in line for c, n in charts.items())


def test_unreachable_source_is_partial_and_carried_forward(workspace, capsys) -> None:
    assert scan(workspace) == 0
    capsys.readouterr()
    (workspace / "shop.sqlite3").rename(workspace / "moved.sqlite3")
    assert scan(workspace) == 4
    err = capsys.readouterr().err
    assert "exit 4 (partial)" in err and "source shop-db not scanned" in err
    assert "not found" in err and "carried forward" in err

    code = main(["diff", "--config", str(workspace / "kojin.toml"), "--format", "json"])
    diff = json.loads(capsys.readouterr().out)
    assert code == 0
    assert diff["removed"] == [] and diff["resolved_violations"] == []
    assert diff["not_scanned"] and {f["source"] for f in diff["not_scanned"]} == {"shop-db"}
    assert all(f["last_scanned_run"] == 1 for f in diff["not_scanned"])
    main(["diff", "--config", str(workspace / "kojin.toml")])
    text = capsys.readouterr().out
    assert "removed 0" in text and "0 resolved" in text and "not scanned this run" in text

    report = workspace / "r.json"
    assert main(["report", "--config", str(workspace / "kojin.toml"), "--format", "json",
                 "--out", str(report)]) == 0  # fmt: skip
    doc = json.loads(report.read_text(encoding="utf-8"))
    assert doc["summary"]["failed_sources"] == ["shop-db"]
    assert doc["summary"]["change"]["resolved_violations"] == 0
    assert doc["summary"]["change"]["removed"] == 0
    shop_rows = [r for r in doc["ledger"] if r["places"] and r["places"][0].startswith("shop-db")]
    assert shop_rows and all(r["not_scanned"] for r in shop_rows)

    html = sorted((workspace / "kojin-reports").glob("*.html"))[-1].read_text(encoding="utf-8")
    assert 'id="not-scanned"' in html and "未スキャン" in html

    from openpyxl import load_workbook

    xlsx = sorted((workspace / "kojin-reports").glob("*.xlsx"))[-1]
    sheet = load_workbook(xlsx).worksheets[0]
    header = [c.value for c in sheet[1]]
    verdict, places = header.index("判定"), header.index("保管場所")
    rows = [r for r in sheet.iter_rows(min_row=2, values_only=True)
            if str(r[places]).startswith("shop-db")]  # fmt: skip
    assert rows and all(str(r[verdict]).startswith("未スキャン") for r in rows)

    # the database is back: its findings are scanned again, nothing was ever "resolved"
    (workspace / "moved.sqlite3").rename(workspace / "shop.sqlite3")
    assert scan(workspace) == 0


def test_fail_on_new_violations_exits_3(workspace, capsys) -> None:
    assert scan(workspace, "--fail-on", "new-violations") == 3
    assert "new violation(s)" in capsys.readouterr().err
    assert scan(workspace, "--fail-on", "new-violations") == 0


def test_ctrl_c_says_how_to_resume_and_exits_130(workspace, capsys, monkeypatch) -> None:
    from scanner.scan.pipeline import Pipeline

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(Pipeline, "scan", interrupted)
    assert scan(workspace) == 130
    err = capsys.readouterr().err
    assert err == "kojin: interrupted; `kojin scan --resume` continues\n"


def test_progress_size_text() -> None:
    from scanner.cli.scan_command import size_text

    assert size_text(0, 0) == ""  # a database-only run: no bytes, no "0.0/0.0 MB"
    assert size_text(1200, 35_000) == "1.2/35.0 KB"
    assert size_text(3_000_000, 10_100_000) == "3.0/10.1 MB"
    assert size_text(5, 300) == "5/300 B"
