"""A request's identifiers: any typing of one value meets the others; what makes a hit strong."""

from __future__ import annotations

import pytest

from scanner.fingerprint import Fingerprinter
from scanner.subject.identifiers import IdentifierError, SubjectQuery, strength

FP = Fingerprinter(b"k")

SAME = [
    (
        "email",
        ["Taro.Yamada@Example.co.jp", " taro.yamada@example.co.jp", "TARO.YAMADA@EXAMPLE.CO.JP"],
    ),
    (
        "phone",
        [
            "090-1234-5678",
            "09012345678",
            "(090)1234-5678",
            "０９０－１２３４－５６７８",
            "+81 90-1234-5678",
            "+819012345678",
            "090 1234 5678",
        ],
    ),
    ("phone", ["03-1234-5678", "(03)1234-5678", "+81-3-1234-5678", "0312345678"]),
    ("name", ["山田太郎", "山田 太郎", "山田　太郎", " 山田　 太郎 ", "山田太郎様"]),
    ("kana", ["やまだ たろう", "ヤマダ タロウ", "ヤマダ　タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ", "やまだタロウ"]),
    (
        "birthdate",
        [
            "1985-04-01",
            "1985/4/1",
            "1985.4.1",
            "19850401",
            "1985年4月1日",
            "昭和60年4月1日",
            "S60.4.1",
            "s60/4/1",
            "１９８５年４月１日",
            "昭和六十年四月一日",
        ],
    ),
    ("birthdate", ["1989-01-08", "平成元年1月8日", "H1.1.8"]),
    ("my_number", ["1234 5678 9018", "123456789018", "１２３４－５６７８－９０１８"]),
]


@pytest.mark.parametrize(("kind", "values"), SAME)
def test_every_typing_of_a_value_gives_one_probe(kind, values):
    probes = {SubjectQuery(**{kind: v}).probes(FP)[kind] for v in values}
    assert len(probes) == 1


def test_a_reading_meets_a_kana_column_and_a_name_query_meets_a_name_column():
    query = SubjectQuery(name="山田 太郎", kana="やまだ たろう")
    probes = query.probes(FP)
    assert probes["kana"] == FP.fingerprint("PERSON", "ヤマダ　タロウ")
    assert probes["name"] == FP.fingerprint("PERSON", "山田　太郎")


@pytest.mark.parametrize(
    ("matched", "expected"),
    [
        ({"email"}, "strong"),
        ({"phone"}, "strong"),
        ({"my_number"}, "strong"),
        ({"name", "birthdate"}, "strong"),
        ({"kana", "birthdate"}, "strong"),
        ({"name", "kana", "email"}, "strong"),
        ({"name"}, "weak"),
        ({"kana"}, "weak"),
        ({"name", "kana"}, "weak"),
        ({"birthdate"}, "weak"),
    ],
)
def test_strength(matched, expected):
    assert strength(matched) == expected


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({}, "at least one identifier"),
        ({"email": "taro.example.jp"}, "--email: not an e-mail address"),
        ({"phone": "12-34"}, "--phone: not a Japanese phone number"),
        ({"my_number": "12345678901"}, "--my-number: a My Number has 12 digits"),
        ({"birthdate": "先週の火曜日"}, "--birthdate: not a date"),
        ({"name": "   "}, "at least one identifier"),
    ],
)
def test_unusable_identifiers_are_refused_without_echoing_them(given, message):
    with pytest.raises(IdentifierError, match=message) as info:
        SubjectQuery(**given).probes(FP)
    for value in given.values():
        if value.strip():
            assert value not in str(info.value)


def test_the_subject_fingerprint_is_keyed_stable_and_hidden():
    a = SubjectQuery(email="TARO@example.jp", birthdate="S60.4.1")
    b = SubjectQuery(email="taro@example.jp", birthdate="1985-04-01")
    assert a.subject_id(FP) == b.subject_id(FP)
    assert a.subject_id(FP) != a.subject_id(Fingerprinter(b"other"))
    assert a.subject_id(FP) != SubjectQuery(email="taro@example.jp").subject_id(FP)
    assert "taro" not in repr(a).lower() and repr(a) == "SubjectQuery(email, birthdate)"
