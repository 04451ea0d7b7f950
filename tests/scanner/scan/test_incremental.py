"""Incremental rescans: unchanged files and tables are carried forward, not read again."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import pytest

from scanner.config import parse_config
from scanner.fingerprint import Fingerprinter
from scanner.inventory.recorder import record_scan
from scanner.inventory.records import Mark
from scanner.inventory.store import Inventory
from scanner.scan.driver import run_scan
from scanner.scan.incremental import CARRIED_FROM
from tests.connectors.files.conftest import FakeDetector

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
    config = parse_config(CONFIG, tmp_path)
    return tmp_path, config


def scan(config, tmp_path, detector, since_last=True):
    detector.fingerprinter = Fingerprinter.from_key_file(config.inventory.key_file)
    previous = None
    if since_last and config.inventory.path.exists():
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
