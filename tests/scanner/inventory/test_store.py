"""The inventory: runs with judged findings, reviews carried forward, versioned schema."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import create_engine, inspect, text

from scanner.findings import finding_key
from scanner.fingerprint import Fingerprinter
from scanner.inventory import schema
from scanner.inventory.migrations import MIGRATIONS, InventoryError, Migration, migrate
from scanner.inventory.recorder import record_scan
from scanner.inventory.records import Mark
from scanner.inventory.store import Inventory
from tests.scanner.inventory.builders import SAMPLE_FINDINGS, db, file, make_config, outcome


@pytest.fixture
def config(tmp_path, monkeypatch):
    monkeypatch.setenv("KOJIN_HMAC_KEY", "test-key-0123456789abcdef0123456789abcdef")
    return make_config(tmp_path)


def test_a_run_is_stored_with_verdicts_sources_and_errors(config):
    from scanner.findings import ScanError

    error = ScanError("share", {"path": "壊れた.xlsx"}, "corrupt", "BadZipFile: not a zip file")
    recorded = record_scan(config, outcome(SAMPLE_FINDINGS, [error]))
    run = recorded.run
    assert (run.pk, run.status, run.findings_count, run.errors_count) == (1, "partial", 8, 1)
    assert run.violations_count == 4  # 目的外 1, no purpose 2, special care 1
    assert run.versions["kojin"] and run.catalog["purposes"][0]["id"] == "newsletter"
    assert recorded.previous is None and len(recorded.diff.new_violations) == 4
    with Inventory.open(config.inventory) as inventory:
        findings = {f.place + "." + f.location.get("column", ""): f
                    for f in inventory.findings(run)}  # fmt: skip
        assert [e.kind for e in inventory.errors(run)] == ["corrupt"]
        assert [(s.name, s.status) for s in inventory.sources(run)] == [
            ("shop-db", "ok"), ("share", "partial")]  # fmt: skip
    birthday = findings["shop-db:main.newsletter.birthday"]
    assert (birthday.verdict, birthday.asset, birthday.purposes) == (
        "not_allowed_for_purpose", "メールマガジン会員", ("newsletter",))  # fmt: skip
    assert birthday.examples == ("****-**-**",) and birthday.rows_matched == 90
    assert birthday.finding_id == finding_key(
        "shop-db", {"schema": "main", "table": "newsletter", "column": "birthday"},
        "DATE_OF_BIRTH")[:12]  # fmt: skip


def test_runs_resolve_by_number_id_and_name(config):
    record_scan(config, outcome(SAMPLE_FINDINGS[:2]))
    record_scan(config, outcome(SAMPLE_FINDINGS[:3]))  # same run id: made unique
    with Inventory.open(config.inventory) as inventory:
        assert [r.run_id for r in inventory.runs()] == ["20240601T000000Z", "20240601T000000Z-2"]
        assert inventory.resolve_run(None).pk == 2
        assert inventory.resolve_run("previous").pk == 1
        assert inventory.resolve_run("20240601T000000Z-2").pk == 2
        with pytest.raises(InventoryError, match="no run '7'"):
            inventory.resolve_run("7")


def test_read_only_commands_do_not_create_an_inventory(config):
    with pytest.raises(InventoryError, match="run `kojin scan`"):
        Inventory.open(config.inventory, create=False)
    assert not config.inventory.path.exists()


def test_reviews_carry_forward_and_false_positives_stop_counting(config):
    first = record_scan(config, outcome(SAMPLE_FINDINGS)).run
    with Inventory.open(config.inventory) as inventory:
        customers = next(f for f in inventory.findings(first) if f.place.endswith("customers"))
        run, found = inventory.find_finding(customers.finding_id[:8])
        assert (run.pk, found.key) == (1, customers.key)
        inventory.add_review(found.key, Mark.false_positive, "テストデータ", "sato", run.pk)
    second = record_scan(config, outcome(SAMPLE_FINDINGS, run_id="20240602T000000Z"))
    assert second.run.violations_count == 3
    assert second.diff.new_violations == ()  # same violations as before: nothing new
    with Inventory.open(config.inventory) as inventory:
        again = next(f for f in inventory.findings(second.run) if f.key == customers.key)
        assert again.review.mark == Mark.false_positive and again.review.by == "sato"
        assert not again.is_violation and again.verdict == "no_purpose"


def test_find_finding_refuses_bad_and_unknown_ids(config):
    record_scan(config, outcome(SAMPLE_FINDINGS))
    with Inventory.open(config.inventory) as inventory:
        with pytest.raises(InventoryError, match="not a finding id"):
            inventory.find_finding("xyz")
        with pytest.raises(InventoryError, match="no finding"):
            inventory.find_finding("ffffffffffff")


def test_twins_of_one_identity_become_one_finding(config):
    key = Fingerprinter(b"test-key-0123456789abcdef0123456789abcdef")
    twins = [
        file("a.txt", "PHONE_NUMBER", 0.6, fingerprints=key.fingerprints("PHONE_NUMBER", ["1"])),
        file("a.txt", "PHONE_NUMBER", 0.9, fingerprints=key.fingerprints("PHONE_NUMBER", ["2"])),
    ]
    run = record_scan(config, outcome(twins)).run
    with Inventory.open(config.inventory) as inventory:
        [stored] = inventory.findings(run)
        assert stored.score == 0.9
        assert len(inventory.fingerprints(run)[stored.pk]) == 2


def test_no_raw_value_reaches_the_database(config):
    key = Fingerprinter(b"test-key-0123456789abcdef0123456789abcdef")
    raw = ["090-1234-5678", "taro.yamada@example.co.jp"]
    findings = [
        file("a.txt", "PHONE_NUMBER", fingerprints=key.fingerprints("PHONE_NUMBER", raw[:1])),
        db("t", "mail", "EMAIL_ADDRESS", examples=("t***@example.co.jp",),
           fingerprints=key.fingerprints("EMAIL_ADDRESS", raw[1:])),
    ]  # fmt: skip
    record_scan(config, outcome(findings))
    dump = "\n".join(sqlite3.connect(config.inventory.path).iterdump())
    for value in raw + ["09012345678", "1234-5678"]:
        assert value not in dump


def test_migrations_build_the_schema_the_code_uses(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'inv.sqlite3'}")
    assert migrate(engine) == MIGRATIONS[-1].version
    found = inspect(engine)
    for table in schema.metadata.tables.values():
        columns = {c["name"] for c in found.get_columns(table.name)}
        assert columns == {c.name for c in table.columns}, table.name
    assert migrate(engine) == MIGRATIONS[-1].version  # idempotent


def test_a_new_migration_upgrades_a_database_with_data(config, tmp_path):
    record_scan(config, outcome(SAMPLE_FINDINGS[:1]))
    engine = create_engine(f"sqlite:///{config.inventory.path}")

    def add_label(conn):
        conn.execute(text("ALTER TABLE kojin_runs ADD COLUMN label TEXT"))

    new = MIGRATIONS[-1].version + 1
    assert migrate(engine, (*MIGRATIONS, Migration(new, "run labels", add_label))) == new
    with engine.connect() as conn:
        assert conn.execute(text("SELECT run_id, label FROM kojin_runs")).all() == [
            ("20240601T000000Z", None)]  # fmt: skip
        versions = conn.execute(text("SELECT version FROM kojin_schema_version")).scalars()
        assert list(versions) == list(range(1, new + 1))
    with pytest.raises(InventoryError, match="newer than this Kojin knows"):
        migrate(engine)  # the new version is unknown to the released migrations
