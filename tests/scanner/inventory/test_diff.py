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
