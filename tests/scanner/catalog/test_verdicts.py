"""Each verdict from a table of cases; every verdict names its rule and purposes."""

from __future__ import annotations

import pytest

from scanner.catalog.verdicts import VIOLATIONS, Judge, Verdict, worst_verdict
from scanner.fingerprint import Fingerprinter
from tests.scanner.inventory.builders import db, file, make_config

KEY = Fingerprinter(b"test-key")

# (finding, verdict, rule, asset, purposes, words in the Japanese reason)
CASES = [
    (db("newsletter", "email", "EMAIL_ADDRESS"), "allowed", "purpose_allows",
     "メールマガジン会員", ("newsletter",), ["当社ニュースメールマガジンの提供", "メールアドレス"]),
    (db("newsletter", "birthday", "DATE_OF_BIRTH"), "not_allowed_for_purpose",
     "purpose_does_not_allow", "メールマガジン会員", ("newsletter",), ["生年月日", "含まない"]),
    # two purposes: only the one that allows the entity is named
    (db("campaign_2024", "tel", "PHONE_NUMBER"), "allowed", "purpose_allows", "キャンペーン応募者",
     ("prizes",), ["プレゼント発送"]),
    (db("campaign_2024", "tel", "PHONE_NUMBER", schema="archive"), "no_purpose", "no_asset",
     None, (), ["カタログに登録のない場所"]),
    (db("customers", "name", "PERSON"), "no_purpose", "no_asset", None, (), ["氏名"]),
    (db("company_profile", "address", "ADDRESS"), "not_personal", "not_personal_rule", None, (),
     ["当社本社の住所と代表電話", "#1"]),
    # the place rule names its entities: a person in the same table is still personal
    (db("company_profile", "ceo", "PERSON"), "no_purpose", "no_asset", None, (), []),
    (db("partners", "corporate_no", "JP_CORPORATE_NUMBER"), "not_personal",
     "entity_not_personal", None, (), ["法人番号"]),
    (db("newsletter", "history", "MEDICAL_HISTORY"), "special_care", "special_care",
     "メールマガジン会員", ("newsletter",), ["要配慮個人情報", "同意"]),
    # the built-in SPECIAL_CARE_* entities need no catalog entry
    (db("customers", "byoreki", "SPECIAL_CARE_MEDICAL"), "special_care", "special_care", None,
     (), ["病歴", "要配慮個人情報"]),
    (file("人事/履歴書_2024.docx", "DATE_OF_BIRTH"), "allowed", "purpose_allows", "応募書類",
     ("recruiting",), ["採用活動"]),
    (file("人事/社員名簿.xlsx", "PERSON"), "no_purpose", "no_asset", None, (), []),
    # an entity Kojin does not know is treated as personal, not silently dropped
    (db("newsletter", "x", "SOMETHING_NEW"), "not_allowed_for_purpose", "purpose_does_not_allow",
     "メールマガジン会員", ("newsletter",), []),
    # the head office's address, found by value anywhere
    (file("letters/送付状.docx", "ADDRESS",
          fingerprints=KEY.fingerprints("ADDRESS", ["東京都千代田区神田富山町５－１"])),
     "not_personal", "not_personal_rule", None, (), ["レターヘッド", "#2"]),
    # ... but not when the file also holds someone else's address
    (file("letters/送付状.docx", "ADDRESS", fingerprints=KEY.fingerprints(
        "ADDRESS", ["東京都千代田区神田富山町5-1", "大阪府大阪市北区梅田1-1-1"])),
     "no_purpose", "no_asset", None, (), []),
]  # fmt: skip


@pytest.fixture(scope="module")
def judge(tmp_path_factory):
    return Judge(make_config(tmp_path_factory.mktemp("cfg")).catalog, KEY)


@pytest.mark.parametrize(("finding", "verdict", "rule", "asset", "purposes", "words"), CASES)
def test_verdicts(judge, finding, verdict, rule, asset, purposes, words):
    j = judge.judge(finding)
    assert (j.verdict, j.rule, j.asset, j.purposes) == (verdict, rule, asset, purposes), j
    for word in words:
        assert word in j.reason_ja, j.reason_ja
    assert j.reason_en and j.is_violation == (verdict in VIOLATIONS)


def test_a_value_rule_needs_the_key(tmp_path):
    judge = Judge(make_config(tmp_path).catalog, fingerprinter=None)
    prints = KEY.fingerprints("ADDRESS", ["東京都千代田区神田富山町5-1"])
    finding = file("letters/a.docx", "ADDRESS", fingerprints=prints)
    assert judge.judge(finding).verdict == Verdict.no_purpose


def test_worst_verdict_orders_special_care_first():
    assert worst_verdict(["allowed", "no_purpose", "special_care"]) == "special_care"
    assert worst_verdict(["allowed", "not_personal"]) == "allowed"
    assert worst_verdict([]) is None
