"""The subject index on the example data, and searches with and without it."""

from __future__ import annotations

import json
import sqlite3

from scanner.cli import main
from scanner.fingerprint import Fingerprinter
from scanner.inventory.subjects import SubjectIndex
from scanner.subject.identifiers import SubjectQuery
from scanner.subject.index import build_subject_index
from scanner.subject.search import find_subject


def _customer(workspace, pk: int) -> dict:
    with sqlite3.connect(workspace.folder / "sample.sqlite3") as conn:
        conn.row_factory = sqlite3.Row
        return dict(conn.execute("SELECT * FROM dtb_customer WHERE id = ?", (pk,)).fetchone())


def _search(workspace, detector=None, live=False, **query):
    with workspace.inventory() as inventory:
        return find_subject(
            workspace.config,
            inventory,
            SubjectQuery(**query),
            workspace.fingerprinter,
            live=live,
            detector=(lambda: detector) if detector else None,
        )


def test_the_index_holds_digests_and_row_keys_never_values(example_template):
    row = _customer(example_template, 1)
    phone = f"{row['tel01']}-{row['tel02']}-{row['tel03']}"
    with example_template.inventory() as inventory:
        places = SubjectIndex(inventory).places()
        entries = (
            inventory.engine.connect()
            .exec_driver_sql(
                "SELECT fingerprint, record_json, detail_json FROM kojin_subject_entries"
            )
            .all()
        )
    kinds = {(p.kind, p.place_key) for p in places}
    assert ("table", "main.dtb_customer") in kinds and ("file", "顧客リスト.csv") in kinds
    assert ("table", "main.dtb_partner") not in kinds  # the catalog says: not personal
    assert ("table", "main.dtb_order_detail") not in kinds  # personal by key only
    assert all(len(fp) == 64 for fp, _, _ in entries)
    assert {"row": {"id": 1}} in [json.loads(r) for _, r, _ in entries]
    raw = example_template.config.inventory.path.read_bytes()
    for value in (row["email"], phone, row["name01"] + row["name02"], "wmaeda0@yahoo.com"):
        assert value.encode("utf-8") not in raw


def test_a_person_typed_differently_is_found_strongly_from_the_index(example_template):
    row = _customer(example_template, 1)
    result = _search(
        example_template,
        name=f"{row['name01']}\u3000{row['name02']}",
        email=row["email"].upper(),
        phone=f"+81 {row['tel01'][1:]}-{row['tel02']}-{row['tel03']}",
        birthdate="昭和51年7月7日",  # the row's 1976-07-07
    )
    assert result.mode == "index" and result.places_read == 0
    [hit] = result.strong
    assert hit.to_json_dict() == {
        "source": "shop-db",
        "location": {
            "schema": "main",
            "table": "dtb_customer",
            "row": {"id": 1},
            # the kana columns hold the name's reading: they match it too
            "columns": [
                "birth", "email", "kana01", "kana02", "name01", "name02", "tel01", "tel02",
                "tel03",
            ],
        },
        "matched": ["name", "email", "phone", "birthdate"],
        "how": {"name": "exact", "email": "exact", "phone": "exact", "birthdate": "exact"},
        "strength": "strong",
    }  # fmt: skip


def test_a_name_alone_is_weak_and_listed_apart(example_template, capsys):
    row = _customer(example_template, 1)
    name = f"{row['name01']} {row['name02']}"
    result = _search(example_template, name=name)
    assert result.hits and not result.strong
    assert {h.strength for h in result.weak} == {"weak"}
    code = main(["find-subject", "--config", str(example_template.config_path), "--name", name])
    out = capsys.readouterr().out
    assert code == 0 and "Weak hits" in out and "Strong hits" not in out
    code = main(
        [
            "find-subject",
            "--config",
            str(example_template.config_path),
            "--name",
            name,
            "--birthdate",
            "1976/7/7",
            "--format",
            "json",
        ]
    )
    hits = json.loads(capsys.readouterr().out)
    assert code == 0 and [h["strength"] for h in hits] == ["strong"]


def test_find_subject_prints_places_and_kinds_never_the_values(example_template, capsys):
    code = main(
        [
            "find-subject",
            "--config",
            str(example_template.config_path),
            "--email",
            "YUMIKOSUZUKI15@GMAIL.COM",
            "--phone",
            "０７０－１０７０－２４６８",
            "--format",
            "json",
        ]
    )
    captured = capsys.readouterr()
    assert code == 0
    assert json.loads(captured.out) == [
        {
            "source": "file-share",
            "location": {"path": "logs/app.log", "line": 1},
            "matched": ["email"],
            "how": {"email": "exact"},
            "strength": "strong",
        },
        {
            "source": "file-share",
            "location": {"path": "logs/app.log", "line": 2},
            "matched": ["phone"],
            "how": {"phone": "exact"},
            "strength": "strong",
        },
    ]
    for value in ("yumikosuzuki15", "1070", "2468"):
        assert value not in captured.out.lower() and value not in captured.err.lower()
    assert "2 strong, 0 weak" in captured.err


def test_a_live_search_reads_the_personal_places_and_agrees(example_template, fast_detector):
    query = {"kana": "たなか ももこ", "phone": "(080)3977-9475"}
    indexed = _search(example_template, **query)
    live = _search(example_template, fast_detector, live=True, **query)
    assert live.mode == "live" and live.places_read == 16
    assert [h.to_json_dict() for h in live.hits] == [h.to_json_dict() for h in indexed.hits]
    assert indexed.strong[0].location() == {
        "path": "顧客リスト.csv",
        "row": 1,
        "columns": ["フリガナ", "電話番号"],
    }


def test_the_index_is_incremental(examples, fast_detector):
    config, fp = examples.config, examples.fingerprinter

    def build(**options):
        with examples.inventory() as inventory:
            return build_subject_index(
                config, inventory, fp, detector=lambda: fast_detector, **options
            )

    first = build()
    assert (first.reindexed, first.unchanged) == (0, first.places)
    log = examples.folder / "share" / "logs" / "app.log"
    with log.open("a", encoding="utf-8") as fh:
        fh.write("2024-04-02 10:00:00 INFO  login ok user=new.person@example.jp\n")
    with sqlite3.connect(examples.folder / "sample.sqlite3") as conn:
        conn.execute("UPDATE dtb_contact SET email = 'changed@example.jp' WHERE id = 1")
    second = build()
    assert (second.reindexed, second.unchanged) == (2, first.places - 2)
    [hit] = _search(examples, email="New.Person@example.jp").strong
    assert hit.location() == {"path": "logs/app.log", "line": 25}
    [hit] = _search(examples, email="CHANGED@example.jp").strong
    assert hit.location()["table"] == "dtb_contact" and hit.record == {"row": {"id": 1}}
    assert build(full=True).reindexed == first.places
    with examples.inventory() as inventory:  # another HMAC key: every digest is stale
        other = build_subject_index(
            config, inventory, Fingerprinter(b"another key"), detector=lambda: fast_detector
        )
    assert other.reindexed == first.places


def test_scan_keeps_the_index_current_when_the_config_says_so(examples, capsys):
    text = examples.config_path.read_text(encoding="utf-8")
    examples.config_path.write_text(
        text.replace(
            'key_file = "kojin-hmac.key"', 'key_file = "kojin-hmac.key"\nindex_subjects = true'
        ),
        encoding="utf-8",
    )
    code = main(["scan", "--config", str(examples.config_path), "--executor", "serial"])
    assert code == 0
    assert "subject index: 16 personal place(s), 0 indexed, 16 unchanged" in capsys.readouterr().err
    with examples.inventory() as inventory:
        latest = inventory.resolve_run().pk
        assert {p.run_pk for p in SubjectIndex(inventory).places()} == {latest}
    assert _search(examples, email="wmaeda0@yahoo.com").mode == "index"
