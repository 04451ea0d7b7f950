"""The held-out corpus is deterministic, its gold offsets exact, its labels follow the rules."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import phonenumbers
import pytest
from stdnum.jp import cn, in_

from bench.detect_corpus import Doc
from bench.heldout_corpus import (
    ENTITIES,
    N_DOCS,
    PROSE_GENRES,
    check,
    generate,
    genre_of,
    licence_digit,
    luhn_ok,
)

_DASHES = re.compile("[‐‑‒–—―−ーｰ－]")
_HONORIFICS = ("様", "さん", "氏", "殿", "部長", "課長", "先生", "くん", "ちゃん")
_LABELS = ("勤務先", "会社名", "前職", "所属", "company", "：", ":")


@pytest.fixture(scope="module")
def docs() -> list[Doc]:
    return generate()


def _nfkc(value: str) -> str:
    return unicodedata.normalize("NFKC", value)


def _digits(value: str) -> str:
    return re.sub(r"\D", "", _nfkc(value))


def _gold(docs: list[Doc], entity: str) -> list[tuple[Doc, str, str]]:
    return [
        (doc, doc.text[s.start : s.end], s.kind)
        for doc in docs
        for s in doc.spans
        if s.entity == entity
    ]


def _line_of(doc: Doc, start: int) -> str:
    begin = doc.text.rfind("\n", 0, start) + 1
    end = doc.text.find("\n", start)
    return doc.text[begin : end if end >= 0 else len(doc.text)]


def test_generation_is_deterministic(docs: list[Doc]) -> None:
    assert generate() == docs
    assert generate(60) == docs[:60]  # a smaller corpus is a prefix of the full one
    assert generate(seed=1) != docs


def test_spans_are_exact_disjoint_and_clean(docs: list[Doc]) -> None:
    check(docs)
    for doc in docs:
        assert not any(c in doc.text for c in "⟦⟧⟪⟫"), doc.id
        marks = sorted(doc.spans + doc.decoys, key=lambda s: (s.start, s.end))
        for a, b in zip(marks, marks[1:], strict=False):
            assert a.end <= b.start, (doc.id, a, b)
        for span in marks:
            assert 0 <= span.start < span.end <= len(doc.text), (doc.id, span)
            value = doc.text[span.start : span.end]
            assert value == value.strip() and "\n" not in value, (doc.id, span, value)


def test_size_variety_and_prose_share(docs: list[Doc]) -> None:
    assert len(docs) == N_DOCS
    assert 400 <= len(docs) <= 600
    assert len({doc.id for doc in docs}) == len(docs)
    genres = Counter(genre_of(doc) for doc in docs)
    assert len(genres) >= 30
    prose = sum(genres[g] for g in PROSE_GENRES)
    assert prose / len(docs) >= 0.4
    assert len({doc.text for doc in docs}) == len(docs)  # no two documents alike


def test_every_entity_and_many_negatives_occur(docs: list[Doc]) -> None:
    counts = Counter(s.entity for doc in docs for s in doc.spans)
    assert set(counts) == set(ENTITIES)
    assert all(counts[e] >= 15 for e in ENTITIES), counts
    decoys = Counter(s.entity for doc in docs for s in doc.decoys)
    assert len(decoys) >= 25
    for kind in ("ORDER_NUMBER", "TRACKING_NUMBER", "JAN_CODE", "PARTNER_COMPANY",
                 "SURNAME_IN_ORG", "SURNAME_IN_PLACE", "INVOICE_REGISTRATION",
                 "CORPORATE_NUMBER_UNLABELLED", "MASKED_CARD", "MESSAGE_ID"):  # fmt: skip
        assert decoys[kind] >= 5, kind
    assert sum(not doc.spans for doc in docs) >= 20  # documents with nothing to find
    # hard negatives: twelve-digit numbers that pass the My Number check
    valid_lookalikes = [
        doc.text[s.start : s.end] for doc in docs for s in doc.decoys if s.kind == "mn_valid"
    ]
    assert len(valid_lookalikes) >= 10
    assert all(in_.is_valid(_digits(v)) for v in valid_lookalikes)


def test_phone_numbers_are_valid_japanese_numbers(docs: list[Doc]) -> None:
    for _, value, kind in _gold(docs, "PHONE_NUMBER"):
        normalized = _DASHES.sub("-", _nfkc(value))
        if kind.endswith("lost_zero"):
            normalized = "0" + normalized
        assert phonenumbers.is_valid_number(phonenumbers.parse(normalized, "JP")), value
    values = [v for _, v, _ in _gold(docs, "PHONE_NUMBER")]
    assert any(v.startswith("+81") for v in values)
    assert any(v.startswith("(") for v in values)
    assert any(re.fullmatch(r"0\d{9,10}", v) for v in values)
    assert any(re.search("[０-９]", v) for v in values)
    assert any(v.startswith(("0120", "0800")) for v in values)
    assert any(v.startswith("050") for v in values)


def test_identifiers_carry_valid_check_digits(docs: list[Doc]) -> None:
    for _, value, _ in _gold(docs, "JP_MY_NUMBER"):
        assert len(_digits(value)) == 12 and in_.is_valid(_digits(value)), value
    for _, value, _ in _gold(docs, "JP_CORPORATE_NUMBER"):
        assert len(_digits(value)) == 13 and cn.is_valid(_digits(value)), value
    for _, value, _ in _gold(docs, "CREDIT_CARD"):
        assert luhn_ok(_digits(value)), value
    for _, value, _ in _gold(docs, "JP_DRIVER_LICENSE"):
        digits = _digits(value)
        assert len(digits) == 12 and licence_digit(digits[:10]) == digits[10], value
    for _, value, _ in _gold(docs, "JP_PASSPORT"):
        assert re.fullmatch(r"[A-Z]{1,2}\d{7,8}", _nfkc(value)), value
    for _, value, _ in _gold(docs, "JP_RESIDENCE_CARD"):
        assert re.fullmatch(r"[A-Z]{2}\d{8}[A-Z]{2}", _nfkc(value)), value
    for _, value, _ in _gold(docs, "JP_BASIC_PENSION_NUMBER"):
        assert len(_digits(value)) == 10, value


def test_labelling_rules(docs: list[Doc]) -> None:
    for _doc, value, kind in _gold(docs, "ADDRESS"):
        if kind == "zip":  # a postal code is its own span, without 〒
            assert re.fullmatch(r"\d{3}-?\d{4}", _nfkc(value)), value
        else:
            assert "〒" not in value and not re.match(r"\d{3}-\d{4}", _nfkc(value)), value
    for _, value, _ in _gold(docs, "PERSON"):
        assert not value.endswith(_HONORIFICS), value
    for _, value, _ in _gold(docs, "EMPLOYER"):
        assert not value.startswith(_LABELS), value
    for _, value, _ in _gold(docs, "EMAIL_ADDRESS"):
        assert re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", value), value
    # a corporate number is gold only when labelled 法人番号 (inline or as the column header)
    for doc in docs:
        for span in doc.spans:
            if span.entity == "JP_CORPORATE_NUMBER":
                line = _line_of(doc, span.start)
                header = doc.text.split("\n", 1)[0]
                assert "法人番号" in line or "法人番号" in header or "corporate_number" in header
    # a birth date needs birth context on its line (or a birth column in the header)
    cues = ("生", "誕生日", "birth", "Birth", "DOB", "dob", "born")
    for doc in docs:
        header = doc.text.split("\n", 1)[0]
        for span in doc.spans:
            if span.entity == "DATE_OF_BIRTH":
                line = _line_of(doc, span.start)
                assert any(c in line for c in cues) or any(c in header for c in cues), (
                    doc.id,
                    line,
                )


def test_values_vary(docs: list[Doc]) -> None:
    dob_kinds = {kind for _, _, kind in _gold(docs, "DATE_OF_BIRTH")}
    assert {"era", "era_dot", "era_kanji", "kanji", "iso", "en_mdy"} <= dob_kinds
    dobs = [v for _, v, _ in _gold(docs, "DATE_OF_BIRTH")]
    assert any("元年" in v for v in dobs)
    name_kinds = {kind for _, _, kind in _gold(docs, "PERSON")}
    assert {"sp", "tight", "fw", "kana", "hira", "hw", "roma", "roma_up", "surname"} <= name_kinds
    addresses = [v for _, v, k in _gold(docs, "ADDRESS") if k != "zip"]
    assert any("丁目" in v and re.search("[一二三四五]丁目", v) for v in addresses)
    assert any("番地" in v for v in addresses)
    assert any("号室" in v for v in addresses)
    employers = [v for _, v, _ in _gold(docs, "EMPLOYER")]
    assert any(
        not re.search("株式会社|有限会社|合同会社|\\(株\\)|（株）|㈱|Co\\.|LLC", v)
        for v in employers
    )
