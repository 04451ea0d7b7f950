"""Findings: typed locations with one identity, one renderer and JSON in and out; HMAC
fingerprints of their values, bounded, keyed by the inventory's key, and enough for the
catalog's value-based not_personal rule in a real scan."""

from __future__ import annotations

import csv
import pickle

import pytest
import sqlalchemy as sa

from scanner.config import parse_config
from scanner.findings import (
    ColumnGroup,
    Evidence,
    FileLocation,
    Finding,
    ScanError,
    SourceLocation,
    TableLocation,
    UnitLocation,
    finding_key,
)
from scanner.fingerprint import MAX_FINGERPRINTS, Fingerprinter
from scanner.inventory.recorder import record_scan
from scanner.inventory.store import Inventory
from scanner.scan.driver import run_scan

CONFIG = """
[[sources]]
type = "database"
name = "db"
url = "sqlite:///shop.sqlite3"

[[sources]]
type = "files"
name = "share"
root = "share"

[[catalog.not_personal]]
entities = ["ADDRESS"]
values = ["東京都千代田区神田富山町5-1"]
reason = "当社本社の所在地"

[inventory]
path = "inventory.sqlite3"
"""


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    monkeypatch.setenv("KOJIN_HMAC_KEY", "finding-key-0123456789abcdef0123456789abcdef")
    share = tmp_path / "share"
    share.mkdir()
    (share / "signature.txt").write_text(
        "株式会社サンプル 総務部\n住所：東京都千代田区神田富山町５－１\n", encoding="utf-8"
    )
    (share / "memo.txt").write_text(
        "会員の山田太郎様の住所：大阪府大阪市北区梅田3-1-1、電話 090-1234-5678\n",
        encoding="utf-8",
    )
    with (share / "list.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["氏名", "メールアドレス"])
        for i in range(MAX_FINGERPRINTS + 200):
            writer.writerow([f"山田 太郎{i}", f"member{i}@example.jp"])
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'shop.sqlite3'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE customer (id INTEGER PRIMARY KEY, email TEXT)")
        conn.exec_driver_sql(
            "INSERT INTO customer VALUES (1, 'A@example.jp'), (2, 'b@example.jp'), "
            "(3, 'c@example.jp')"
        )
    engine.dispose()
    return parse_config(CONFIG, tmp_path)


def test_findings_carry_bounded_keyed_fingerprints_of_their_values(
    workspace, tmp_path, fast_detector
):
    outcome = run_scan(workspace, tmp_path / "out", detector=fast_detector, executor="serial")
    by_place = {
        (
            f.source,
            f.location.get("table") or f.location.get("path"),
            f.location.get("column"),
            f.entity,
        ): f
        for f in outcome.findings
    }
    fp = Fingerprinter(b"finding-key-0123456789abcdef0123456789abcdef")
    email = by_place[("db", "customer", "email", "EMAIL_ADDRESS")]
    assert set(email.fingerprints) == {
        fp.fingerprint("EMAIL_ADDRESS", v) for v in ("a@example.jp", "b@example.jp", "c@example.jp")
    }
    memo = by_place[("share", "memo.txt", None, "PHONE_NUMBER")]
    assert memo.fingerprints == (fp.fingerprint("PHONE_NUMBER", "+81 90 1234 5678"),)
    listed = by_place[("share", "list.csv", "メールアドレス", "EMAIL_ADDRESS")]
    assert len(listed.fingerprints) == MAX_FINGERPRINTS  # bounded, whatever the rows
    assert "finding-key" not in repr(email) and "A@example.jp" not in repr(email)

    record_scan(workspace, outcome)  # the catalog's value rule now sees real values
    with Inventory.open(workspace.inventory) as inventory:
        run = inventory.resolve_run()
        verdicts = {(f.location.get("path"), f.entity): f.verdict for f in inventory.findings(run)}
        stored = sum(len(v) for v in inventory.fingerprints(run).values())
    assert verdicts[("signature.txt", "ADDRESS")] == "not_personal"
    assert verdicts[("memo.txt", "ADDRESS")] == "no_purpose"
    assert stored == sum(len(f.fingerprints) for f in outcome.findings)


def test_locations_are_typed_and_read_as_their_json() -> None:
    column = Finding("db", {"schema": "main", "table": "t", "column": "tel"}, "PHONE_NUMBER", 0.9)
    assert column.location == TableLocation("main", "t", "tel")
    assert dict(column.location) == {"schema": "main", "table": "t", "column": "tel"}
    assert column.place == "db:main.t" and column.where == "db:main.t.tel"
    member = Finding("share", {"path": "a.zip", "member": "b.csv", "column": "氏名"}, "PERSON", 1)
    assert isinstance(member.location, FileLocation) and "sheet" not in member.location
    assert member.place == "share:a.zip"
    assert member.where == "share:a.zip [member=b.csv, column=氏名]"
    with pytest.raises(ValueError):
        Finding("x", {"unit": "u"}, "PERSON", 1.0)


def test_one_identity_and_json_round_trip() -> None:
    f = Finding("share", {"path": "a.csv", "column": "tel"}, "PHONE_NUMBER", 0.91234,
                evidence={"sampling": {"table_rows": 7}}, examples=("090-****-5678",),
                rows_sampled=3, rows_matched=2, count=2, fingerprints=("ab",))  # fmt: skip
    assert f.key == finding_key("share", {"column": "tel", "path": "a.csv"}, "PHONE_NUMBER")
    again = Finding.from_json_dict(f.to_state())
    assert again == f and again.fingerprints == ("ab",) and again.table_rows == 7
    assert Finding.from_json_dict(f.to_json_dict()).score == 0.912


def test_scan_error_places_are_typed_and_read_as_their_json() -> None:
    table = ScanError("db", {"schema": "main", "table": "t"}, "timeout", "t")
    assert table.location == TableLocation("main", "t")
    page = ScanError("share", {"path": "a.pdf", "page": 3}, "corrupt", "c")
    assert isinstance(page.location, FileLocation) and page.location.page == 3
    unit = ScanError("db", {"unit": "main.t"}, "unit_failed", "u")
    assert unit.location == UnitLocation("main.t")
    whole = ScanError("share", {}, "unreachable", "root not found")
    assert isinstance(whole.location, SourceLocation) and not whole.location
    for e in (table, page, unit, whole):
        assert ScanError(**e.to_json_dict()) == e
    assert page.to_json_dict()["location"] == {"path": "a.pdf", "page": 3}


def test_evidence_is_typed_and_written_back_as_it_was_read() -> None:
    raw = {"sampling": {"method": "full", "table_rows": 12}, "free_text": True,
           "group": {"kind": "phone", "columns": ["tel1", "tel2"], "joined_hit_ratio": 1.0},
           "cross_reference": True, "linked_table": "main.customers", "links": ["fk"]}  # fmt: skip
    f = Finding("db", {"schema": "main", "table": "t", "column": "tel1"}, "PHONE_NUMBER", 0.9,
                evidence=raw)  # fmt: skip
    e = f.evidence
    assert isinstance(e, Evidence) and e.table_rows == 12 and e.free_text and e.cross_reference
    assert e.group == ColumnGroup("phone", ("tel1", "tel2"))
    assert (e.linked_table, e.links) == ("main.customers", ("fk",))
    assert e.to_json() == raw and dict(e) == raw and f.to_json_dict()["evidence"] == raw
    assert pickle.loads(pickle.dumps(f)) == f  # the process and Dask executors send findings
    plain = Finding("db", {"schema": "main", "table": "t"}, "PERSON", 0.5,
                    evidence={"sampling": {"table_rows": True}, "group": {}})  # fmt: skip
    assert plain.table_rows is None and plain.evidence.group is None and plain.group == (None, ())
