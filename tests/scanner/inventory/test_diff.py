"""Runs compared by identity: new, removed, changed findings and verdicts."""

from __future__ import annotations

from scanner.inventory.diff import diff_runs
from scanner.inventory.recorder import record_scan
from scanner.inventory.store import Inventory
from tests.scanner.inventory.builders import CONFIG, db, file, make_config, outcome


def test_diff_by_identity_with_a_changed_catalog(tmp_path, monkeypatch):
    monkeypatch.setenv("KOJIN_HMAC_KEY", "k-0123456789abcdef0123456789abcdef")
    before = [
        db("newsletter", "email", "EMAIL_ADDRESS", matched=90),
        db("customers", "name", "PERSON"),
        file("logs/app.log", "PHONE_NUMBER"),
    ]
    record_scan(make_config(tmp_path), outcome(before))

    # the catalog now maps customers (verdict changes), a line moved in a file (same
    # identity: line numbers are evidence), one finding is gone, two are new
    catalog = CONFIG.replace('tables = ["newsletter"]', 'tables = ["newsletter", "customers"]')
    after = [
        db("newsletter", "email", "EMAIL_ADDRESS", matched=95),
        db("customers", "name", "PERSON"),
        db("newsletter", "birthday", "DATE_OF_BIRTH"),
        file("old/memo.txt", "ADDRESS", evidence={"places": [{"line": 7}]}),
    ]
    config = make_config(tmp_path, catalog)
    recorded = record_scan(config, outcome(after, run_id="20240602T000000Z"))
    d = recorded.diff
    assert sorted(f.place for f in d.new) == ["share:old/memo.txt", "shop-db:main.newsletter"]
    assert [f.place for f in d.removed] == ["share:logs/app.log"]
    changes = {c.after.place + "." + c.after.location["column"]: c.changes for c in d.changed}
    assert changes == {
        "shop-db:main.newsletter.email": ("rows_matched: 90 → 95",),
        "shop-db:main.customers.name": (
            "verdict: no_purpose → allowed", "asset: - → メールマガジン会員"),
    }  # fmt: skip
    assert len(d.verdict_changes) == 1
    assert sorted(f.entity for f in d.new_violations) == ["ADDRESS", "DATE_OF_BIRTH"]
    assert sorted(f.entity for f in d.resolved_violations) == ["PERSON", "PHONE_NUMBER"]

    with Inventory.open(config.inventory) as inventory:
        runs = inventory.runs()
        reverse = diff_runs(inventory, runs[1], runs[0]).findings
    assert len(reverse.new) == 1 and len(reverse.removed) == 2


def test_a_failed_table_and_file_carry_forward_not_resolved(tmp_path, monkeypatch):
    """A table that timed out and a file that could not be opened were not read: their
    findings are carried as not scanned; what was read replaces the rest."""
    from scanner.findings import ScanError
    from scanner.inventory.recorder import record_scan
    from scanner.inventory.store import Inventory
    from tests.scanner.inventory.builders import SAMPLE_FINDINGS, make_config, outcome

    monkeypatch.setenv("KOJIN_HMAC_KEY", "k-0123456789abcdef0123456789abcdef")
    config = make_config(tmp_path)
    record_scan(config, outcome(SAMPLE_FINDINGS))
    unread = [ScanError("shop-db", {"schema": "main", "table": "newsletter"}, "timeout", "t"),
              ScanError("share", {"path": "logs/app.log"}, "permission", "p")]  # fmt: skip
    read = [f for f in SAMPLE_FINDINGS if f.location.get("table") not in ("newsletter",
            "customers") and f.location.get("path") != "logs/app.log"]  # fmt: skip
    second = record_scan(config, outcome(read, unread, run_id="20240602T000000Z"))
    carried = {(f.place, f.entity) for f in second.diff.not_scanned}
    assert carried == {("shop-db:main.newsletter", "EMAIL_ADDRESS"),
                       ("shop-db:main.newsletter", "DATE_OF_BIRTH"),
                       ("share:logs/app.log", "PHONE_NUMBER")}  # fmt: skip
    assert {f.place for f in second.diff.removed} == {"shop-db:main.customers"}  # was read
    assert not any(f.place.endswith("newsletter") for f in second.diff.resolved_violations)
    with Inventory.open(config.inventory) as inventory:
        stored = {f.place: f for f in inventory.findings(second.run) if f.not_scanned}
    assert stored["share:logs/app.log"].last_scanned_run_pk == 1
