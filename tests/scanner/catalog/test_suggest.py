"""``catalog suggest``: the TOML it prints is a valid catalog that covers the findings."""

from __future__ import annotations

import tomllib

import pytest

from scanner.catalog.suggest import Unmapped, suggest_assets, suggestions_toml
from scanner.catalog.verdicts import Judge
from scanner.config import ConfigError, parse_config
from tests.scanner.inventory.builders import CONFIG, db, file, make_config

UNMAPPED = [
    db("customers", "name", "PERSON"),
    db("customers", "mail", "EMAIL_ADDRESS"),
    db("t_k001", "c08", "JP_MY_NUMBER"),
    file("logs/app.log", "PHONE_NUMBER"),
    file("logs/app-2.log", "EMAIL_ADDRESS"),
    file("人事/社員名簿.xlsx", "PERSON"),  # 人事/** would overlap 応募書類: file by file
    file("応募[1].csv", "PERSON"),  # glob characters are escaped
]


def test_suggestions_are_valid_toml_that_maps_every_finding(tmp_path):
    catalog = make_config(tmp_path).catalog
    suggestions = suggest_assets(catalog, [Unmapped(f.source, f.location, f.entity)
                                           for f in UNMAPPED])  # fmt: skip
    snippet = suggestions_toml(suggestions)
    tomllib.loads(snippet)
    by_name = {s.name: s for s in suggestions}
    assert by_name["customers"].tables == ("main.customers",)
    assert by_name["customers"].purposes == ("newsletter",)  # allows both, fewest extras
    assert by_name["logs"].paths == ("logs/**",) and by_name["logs"].places == 2
    assert by_name["社員名簿.xlsx"].paths == ("人事/社員名簿.xlsx",)
    assert by_name["社員名簿.xlsx"].subjects == "employee"
    assert by_name["応募[1].csv"].paths == ("/応募[[]1].csv",)  # anchored at the root
    # マイナンバー in a table no purpose allows: nothing is picked, the comment says why
    assert by_name["t_k001"].purposes == ()
    assert "no purpose of the policy allows 個人番号" in by_name["t_k001"].purpose_note
    assert 'purposes = []  # none fits' in snippet
    assert tomllib.loads(snippet)["catalog"]["assets"][1]["purposes"] == []
    with pytest.raises(ConfigError, match="purposes"):  # pasted as is, it cannot go unnoticed
        parse_config(CONFIG + "\n" + snippet, tmp_path)

    decided = snippet.replace("purposes = []", 'purposes = ["newsletter"]')
    config = parse_config(CONFIG + "\n" + decided, tmp_path)  # no overlap, no unknown name
    judge = Judge(config.catalog)
    assert all(judge.judge(f).asset is not None for f in UNMAPPED)


def test_no_purpose_is_picked_when_none_allows_every_item(tmp_path):
    catalog = make_config(tmp_path).catalog
    found = [Unmapped("shop-db", {"schema": "hr", "table": "employees", "column": c}, e)
             for c, e in (("name", "PERSON"), ("mynumber", "JP_MY_NUMBER"))]  # fmt: skip
    [s] = suggest_assets(catalog, found)
    assert s.purposes == ()
    assert "newsletter" not in suggestions_toml([s])


def test_a_clashing_name_gets_its_place(tmp_path):
    catalog = make_config(tmp_path).catalog
    [s] = suggest_assets(catalog, [Unmapped("shop-db", {"schema": "hr", "table": "応募書類"},
                                            "PERSON")])  # fmt: skip
    assert s.name == "応募書類 (shop-db:hr.応募書類)"
