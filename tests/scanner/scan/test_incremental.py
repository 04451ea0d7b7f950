"""Incremental rescans: unchanged files and tables are carried forward, not read again."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import pytest

from scanner.fingerprint import Fingerprinter
from scanner.inventory.recorder import record_scan
from scanner.inventory.records import Mark
from scanner.inventory.store import Inventory
from scanner.scan.driver import run_scan
from scanner.scan.incremental import CARRIED_FROM
from tests.connectors.files.conftest import FakeDetector
from tests.scanner.inventory.builders import make_config

LINE = "担当：山田太郎 電話 090-1234-5678 メール taro@example.co.jp\n"

CONFIG = """
[[sources]]
type = "files"
name = "share"
root = "share"

[[sources]]
type = "database"
name = "shop"
url = "sqlite:///shop.sqlite3"
"""


@dataclass
class CountingDetector(FakeDetector):
    """The regex detector, counting the texts it is given; threshold is a setting."""

    threshold: float = 0.5
    texts: int = 0
    fingerprinter: object = None

    def analyze_batch(self, texts, context=()):
        self.texts += len(texts)
        return super().analyze_batch(texts, context)

    def settings(self) -> dict:
        return {"mode": "fake", "threshold": self.threshold, "entities": None}


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    monkeypatch.setenv("KOJIN_HMAC_KEY", "k-0123456789abcdef0123456789abcdef")
    share = tmp_path / "share"
    share.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (share / name).write_text(f"{name}\n{LINE}", encoding="utf-8")
    con = sqlite3.connect(tmp_path / "shop.sqlite3")
    con.execute("CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT, tel TEXT)")
    con.execute(
        "CREATE TABLE orders (id INTEGER PRIMARY KEY, "
        "customer_id INTEGER REFERENCES customer(id), total INTEGER)"
    )
    con.executemany(
        "INSERT INTO customer VALUES (?, ?, ?)",
        [(i, "山田太郎", f"090-1234-{i:04d}") for i in range(1, 30)],
    )
    con.executemany("INSERT INTO orders VALUES (?, ?, ?)", [(i, i, 100) for i in range(1, 30)])
    con.commit()
    con.close()
    config = make_config(tmp_path, CONFIG)
    return tmp_path, config


def scan(config, tmp_path, detector, since_last=True):
    detector.fingerprinter = Fingerprinter.from_key_file(config.inventory.key_file)
    previous = None
    if since_last and (config.inventory.url or config.inventory.path.exists()):
        with Inventory.open(config.inventory) as inventory:
            previous = inventory.previous_scan()
    outcome = run_scan(config, tmp_path / "out", detector=detector, previous=previous)
    recorded = record_scan(config, outcome)
    return outcome, recorded


def stats(outcome, source):
    status = next(s for s in outcome.sources if s.name == source)
    return status.stats["items_read"], status.stats["items_carried"]


def identities(findings):
    return sorted((f.source, sorted(f.location.items()), f.entity) for f in findings)


def test_unchanged_items_are_carried_with_their_review_labels(workspace):
    tmp_path, config = workspace
    first, recorded = scan(config, tmp_path, CountingDetector())
    assert stats(first, "share") == (3, 0) and stats(first, "shop") == (2, 0)
    with Inventory.open(config.inventory) as inventory:
        stored = inventory.findings(recorded.run)
        [phone] = [f for f in stored if f.location == {"path": "a.txt"}
                   and f.entity == "PHONE_NUMBER"]  # fmt: skip
        inventory.add_review(phone.key, Mark.false_positive, "代表番号", "sato")

    detector = CountingDetector()
    second, recorded = scan(config, tmp_path, detector)
    assert detector.texts == 0  # nothing read again
    assert stats(second, "share") == (0, 3) and stats(second, "shop") == (0, 2)
    assert identities(second.findings) == identities(first.findings)
    cross = [f for f in second.findings if "path" in f.evidence]
    assert cross, "cross-references are still derived from the carried tables"
    carried = [f for f in second.findings if f.location.get("path") == "a.txt"]
    assert all(f.evidence[CARRIED_FROM] == first.run_id for f in carried)
    with Inventory.open(config.inventory) as inventory:
        again = next(f for f in inventory.findings(recorded.run) if f.key == phone.key)
        assert again.review is not None and again.review.mark == Mark.false_positive
        prints = inventory.fingerprints(recorded.run)
        assert prints.get(again.pk), "fingerprints are carried too"
    assert not recorded.diff.new and not recorded.diff.removed


def test_only_the_changed_file_is_read_and_a_deleted_one_is_removed(workspace):
    tmp_path, config = workspace
    first, _ = scan(config, tmp_path, CountingDetector())
    (tmp_path / "share" / "b.txt").write_text("b.txt\n連絡先 hanako@example.jp\n", encoding="utf-8")
    (tmp_path / "share" / "c.txt").unlink()
    detector = CountingDetector()
    second, recorded = scan(config, tmp_path, detector)
    assert stats(second, "share") == (1, 1)
    assert {f.location["path"] for f in second.findings if "path" in f.location} == {
        "a.txt", "b.txt"
    }  # fmt: skip
    assert all(CARRIED_FROM not in f.evidence for f in second.findings
               if f.location.get("path") == "b.txt")  # fmt: skip
    removed = {(f.location.get("path"), f.entity) for f in recorded.diff.removed}
    assert ("c.txt", "PERSON") in removed and ("b.txt", "PHONE_NUMBER") in removed

    third, _ = scan(config, tmp_path, CountingDetector())  # carried twice: still from run 1
    a = [f for f in third.findings if f.location.get("path") == "a.txt"]
    assert a and all(f.evidence[CARRIED_FROM] == first.run_id for f in a)
    assert stats(third, "share") == (0, 2)


def test_full_and_a_settings_change_read_everything_again(workspace):
    tmp_path, config = workspace
    scan(config, tmp_path, CountingDetector())
    full, _ = scan(config, tmp_path, CountingDetector(), since_last=False)
    assert stats(full, "share") == (3, 0) and stats(full, "shop") == (2, 0)
    other, _ = scan(config, tmp_path, CountingDetector(threshold=0.7))
    assert stats(other, "share") == (3, 0)
    (tmp_path / "share" / "d.txt").write_text("議事録\n", encoding="utf-8")  # no findings
    scan(config, tmp_path, CountingDetector(threshold=0.7))
    after, _ = scan(config, tmp_path, CountingDetector(threshold=0.7))
    assert stats(after, "share") == (0, 4)


def test_a_changed_table_is_read_again(workspace):
    tmp_path, config = workspace
    scan(config, tmp_path, CountingDetector())
    con = sqlite3.connect(tmp_path / "shop.sqlite3")
    con.execute("UPDATE customer SET tel = '03-1111-2222' WHERE id = 1")
    con.commit()
    con.close()
    again, _ = scan(config, tmp_path, CountingDetector())
    # SQLite keeps no per-table marker: any write reads every table again
    assert stats(again, "shop") == (2, 0) and stats(again, "share") == (0, 3)


def test_a_file_with_a_problem_is_read_again(workspace):
    tmp_path, config = workspace
    (tmp_path / "share" / "broken.xlsx").write_bytes(b"PK\x03\x04 truncated")
    first, _ = scan(config, tmp_path, CountingDetector())
    assert any(e.location.get("path") == "broken.xlsx" for e in first.errors)
    second, _ = scan(config, tmp_path, CountingDetector())
    assert stats(second, "share") == (1, 3)
    assert any(e.location.get("path") == "broken.xlsx" for e in second.errors)


# --- findings of unchanged items are stored by reference (issue 14) ---

CATALOG = """
[[catalog.purposes]]
id = "contact"
name = "取引先との連絡"
entities = ["PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"]
retention = "取引終了から5年"

[[catalog.assets]]
name = "連絡メモ"
source = "share"
paths = ["a.txt"]
purposes = ["contact"]
owner = "総務部"
subjects = "customer"
"""


def rows_of(config, run) -> tuple[set[int], set[int]]:
    """The finding rows run ``run`` stored itself and those it points at."""
    import sqlalchemy as sa

    from scanner.inventory import schema as t

    with Inventory.open(config.inventory) as inventory, inventory.engine.connect() as conn:
        own = conn.execute(sa.select(t.findings.c.id).where(t.findings.c.run_pk == run.pk))
        refs = conn.execute(
            sa.select(t.finding_refs.c.finding_pk).where(t.finding_refs.c.run_pk == run.pk)
        )
        return set(own.scalars()), set(refs.scalars())


def comparable(f) -> tuple:
    evidence = {k: v for k, v in f.evidence.items() if k != CARRIED_FROM}
    return (f.key, f.verdict, f.score, f.examples, sorted(evidence.items()),
            f.review.mark if f.review else None)  # fmt: skip


def test_an_unchanged_rescan_points_at_the_rows_of_the_run_that_read_them(workspace):
    from reports.model import load_report_data

    tmp_path, config = workspace
    first, one = scan(config, tmp_path, CountingDetector())
    with Inventory.open(config.inventory) as inventory:
        stored = inventory.findings(one.run)
        phone = next(f for f in stored if f.location == {"path": "a.txt"}
                     and f.entity == "PHONE_NUMBER")  # fmt: skip
        inventory.add_review(phone.key, Mark.false_positive, "代表番号", "sato")
    _, two = scan(config, tmp_path, CountingDetector())
    _, three = scan(config, tmp_path, CountingDetector())

    own_one, _ = rows_of(config, one.run)
    for recorded in (two, three):
        own, refs = rows_of(config, recorded.run)
        assert refs and refs <= own_one, "carried findings point at the first run's rows"
        with Inventory.open(config.inventory) as inventory:
            mine = [f for f in inventory.findings(recorded.run) if f.pk in own]
        # only the cross-references (derived again from the carried tables) are stored
        assert mine and all(f.is_cross_reference and CARRIED_FROM not in f.evidence
                            for f in mine)  # fmt: skip
        assert not recorded.diff.new and not recorded.diff.removed and not recorded.diff.changed

    with Inventory.open(config.inventory) as inventory:
        before, after = inventory.findings(one.run), inventory.findings(three.run)
        assert [comparable(f) for f in after] == [comparable(f) for f in before]
        carried = [f for f in after if f.pk in own_one]
        assert all(f.evidence[CARRIED_FROM] == one.run.run_id for f in carried)
        again = next(f for f in after if f.key == phone.key)
        assert again.review.mark == Mark.false_positive and not again.is_violation
        prints_before = inventory.fingerprints(one.run)
        assert inventory.fingerprints(three.run)[again.pk] == prints_before[phone.pk] != []
        run, found = inventory.find_finding(phone.finding_id)
        assert run.pk == three.run.pk and found.evidence[CARRIED_FROM] == one.run.run_id
        report = load_report_data(inventory, str(three.run.pk))
        assert [f.key for f in report.findings] == [f.key for f in before]
        assert three.run.findings_count == one.run.findings_count
        assert three.run.violations_count == two.run.violations_count  # the label counts


def test_a_changed_file_and_a_changed_judgement_are_stored_again(workspace):
    tmp_path, config = workspace
    scan(config, tmp_path, CountingDetector())
    (tmp_path / "share" / "b.txt").write_text("b.txt\n連絡先 hanako@example.jp\n", encoding="utf-8")
    (tmp_path / "share" / "c.txt").unlink()
    with_catalog = make_config(tmp_path, CONFIG + CATALOG)  # a.txt now has a purpose
    second, recorded = scan(with_catalog, tmp_path, CountingDetector())
    assert stats(second, "share") == (1, 1)
    own, refs = rows_of(with_catalog, recorded.run)
    with Inventory.open(config.inventory) as inventory:
        by_path: dict[str, set[str]] = {}
        for f in inventory.findings(recorded.run):
            kind = "own" if f.pk in own else "ref" if f.pk in refs else "?"
            by_path.setdefault(f.location.get("path", f.place), set()).add(kind)
            if f.location.get("path") == "a.txt":
                assert f.verdict == "allowed" and f.evidence[CARRIED_FROM]
    assert by_path["a.txt"] == {"own"}, "judged otherwise: stored with the new verdict"
    assert by_path["b.txt"] == {"own"}, "read again"
    assert "c.txt" not in by_path
    removed = {(f.location.get("path"), f.entity) for f in recorded.diff.removed}
    assert ("c.txt", "PERSON") in removed and ("b.txt", "PHONE_NUMBER") in removed
    changed = {c.after.location.get("path") for c in recorded.diff.changed}
    assert "a.txt" in changed  # the verdict moved
    _, third = scan(with_catalog, tmp_path, CountingDetector())  # judged the same: references
    own3, refs3 = rows_of(with_catalog, third.run)
    assert {pk for pk in own if pk in refs3} and not third.diff.changed


def test_an_inventory_from_before_references_upgrades_and_rescans(workspace):
    import sqlalchemy as sa

    tmp_path, config = workspace
    _, one = scan(config, tmp_path, CountingDetector())
    engine = sa.create_engine(f"sqlite:///{config.inventory.path}")
    with engine.begin() as conn:  # back to schema version 5, as the last release left it
        conn.execute(sa.text("DROP TABLE kojin_finding_refs"))
        conn.execute(sa.text("DELETE FROM kojin_schema_version WHERE version = 6"))
    engine.dispose()
    _, two = scan(config, tmp_path, CountingDetector())
    _, refs = rows_of(config, two.run)
    assert refs and not two.diff.new and not two.diff.removed
    with Inventory.open(config.inventory) as inventory:
        assert [f.key for f in inventory.findings(one.run)] == [
            f.key for f in inventory.findings(two.run)]  # fmt: skip


@pytest.fixture(
    params=[
        pytest.param("postgresql", marks=pytest.mark.postgres),
        pytest.param("mariadb", marks=pytest.mark.mariadb),
    ]
)
def server_inventory(request):
    """An inventory URL on the real server (a schema or database of its own, dropped)."""
    import uuid

    import sqlalchemy as sa

    from tests.connectors.database.conftest import MARIADB_URLS, PG_URLS, _first_reachable

    name = f"kojin_inv_{uuid.uuid4().hex[:8]}"
    if request.param == "postgresql":
        admin = _first_reachable("KOJIN_TEST_POSTGRES_URL", PG_URLS, {"connect_timeout": 3})
        create, drop = sa.schema.CreateSchema(name), sa.schema.DropSchema(name, cascade=True)
        url = admin.render_as_string(hide_password=False) + f"?options=-csearch_path%3D{name}"
    else:
        admin = _first_reachable("KOJIN_TEST_MARIADB_URL", MARIADB_URLS, {"connect_timeout": 3})
        create = sa.text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
        drop = sa.text(f"DROP DATABASE IF EXISTS `{name}`")
        url = admin.set(database=name, query={"charset": "utf8mb4"}).render_as_string(
            hide_password=False
        )
    engine = sa.create_engine(admin, poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        conn.execute(create)
    try:
        yield url
    finally:
        with engine.begin() as conn:
            conn.execute(drop)
        engine.dispose()


def test_rescans_by_reference_on_a_server_inventory(workspace, server_inventory):
    tmp_path, _ = workspace
    config = make_config(tmp_path, CONFIG + f'\n[inventory]\nurl = "{server_inventory}"\n')
    _, one = scan(config, tmp_path, CountingDetector())
    _, two = scan(config, tmp_path, CountingDetector())
    (tmp_path / "share" / "c.txt").unlink()
    _, three = scan(config, tmp_path, CountingDetector())
    with Inventory.open(config.inventory) as inventory:
        first, second = inventory.findings(one.run), inventory.findings(two.run)
        assert [comparable(f) for f in second] == [comparable(f) for f in first]
        prints = inventory.fingerprints(two.run)
        assert all(prints.get(f.pk) for f in second if "path" in f.location)
        last = inventory.findings(three.run)
    _, refs = rows_of(config, two.run)
    assert refs and not two.diff.new and not two.diff.removed and not two.diff.changed
    assert {f.location.get("path") for f in three.diff.removed} == {"c.txt"}
    assert {f.key for f in last} == {f.key for f in first} - {f.key for f in three.diff.removed}
