"""Subject search across the ways a name and an address are written (the old ledger)."""

from __future__ import annotations

import csv

from scanner.cli import main
from scanner.subject.identifiers import SubjectQuery
from scanner.subject.search import find_subject


def _old_ledger(workspace) -> dict[int, list[str]]:
    path = workspace.folder / "share" / "旧顧客台帳.csv"
    with path.open(encoding="utf-8") as fh:
        return {n: row for n, row in enumerate(csv.reader(fh)) if n}


def _search(workspace, **query):
    with workspace.inventory() as inventory:
        return find_subject(
            workspace.config, inventory, SubjectQuery(**query), workspace.fingerprinter
        )


def test_a_request_meets_old_kanji_romaji_and_old_form_addresses(sqlite_shop):
    corpus = sqlite_shop.corpus
    rows = _old_ledger(sqlite_shop)
    checked = 0
    for person in corpus.people:
        want = {c for c in corpus.copies[person.pid] if c[1] == "旧顧客台帳.csv"}
        if not want or person.pid % 10 == 0:
            continue
        form = person.query()
        result = _search(sqlite_shop, name=form["name"], kana=form["kana"], address=person.address)
        strong = [h for h in result.strong if h.place_key == "旧顧客台帳.csv"]
        assert len(strong) == 1, (person.pid, [h.to_json_dict() for h in result.hits])
        how = dict(strong[0].how)
        assert how["address"] == "variant"  # 三丁目12番5号 …ビル vs 3-12-5
        assert how.get("name") in ("variant", "reading") or how.get("kana") == "reading"
        written = rows[strong[0].record["row"]][1]
        assert written != person.last + " " + person.first  # never the exact form
        checked += 1
    assert checked >= 5


def test_a_name_variant_alone_stays_weak_and_the_index_holds_no_raw_value(sqlite_shop):
    person = next(
        p for p in sqlite_shop.corpus.people
        if any(c[1] == "旧顧客台帳.csv" for c in sqlite_shop.corpus.copies[p.pid])
    )  # fmt: skip
    result = _search(sqlite_shop, name=f"{person.first_romaji} {person.last_romaji}")
    assert result.hits and not result.strong
    assert {h for hit in result.weak for h in dict(hit.how).values()} <= {
        "exact", "variant", "reading"
    }  # fmt: skip
    raw = sqlite_shop.config.inventory.path.read_bytes()
    for value in (person.old_address, person.address, person.first_romaji.lower()):
        assert value.encode("utf-8") not in raw


def test_find_subject_says_how_each_identifier_matched(sqlite_shop, capsys):
    person = next(
        p for p in sqlite_shop.corpus.people
        if any(c[1] == "旧顧客台帳.csv" for c in sqlite_shop.corpus.copies[p.pid])
    )  # fmt: skip
    form = person.query()
    code = main([
        "find-subject", "--config", str(sqlite_shop.config_path), "--name", form["name"],
        "--kana", form["kana"], "--address", person.address, "--format", "json",
    ])  # fmt: skip
    import json

    hits = json.loads(capsys.readouterr().out)
    old = [h for h in hits if h["location"].get("path") == "旧顧客台帳.csv"]
    assert code == 0 and old and old[0]["strength"] == "strong"
    assert old[0]["how"]["address"] == "variant"
