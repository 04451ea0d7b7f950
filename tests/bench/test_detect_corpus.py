"""The benchmark corpus is deterministic, its gold offsets exact; the matching rule."""

from __future__ import annotations

import re
import unicodedata

import phonenumbers
import pytest
from stdnum.jp import cn, in_

from bench.detect_corpus import Doc, Span, check, generate
from bench.metrics import Counts, score

N_DOCS = 400
_DASHES = re.compile("[‐‑‒–—―−ー－ｰ]")


@pytest.fixture(scope="module")
def docs() -> list[Doc]:
    return generate(N_DOCS)


def _digits(value: str) -> str:
    return re.sub(r"\D", "", unicodedata.normalize("NFKC", value))


def _values(docs: list[Doc], entity: str) -> list[str]:
    return [d.text[s.start : s.end] for d in docs for s in d.spans if s.entity == entity]


def test_generation_is_deterministic(docs: list[Doc]) -> None:
    assert generate(N_DOCS) == docs
    assert generate(50) == docs[:50]  # a smaller corpus is a prefix of a larger one


def test_spans_are_exact_and_disjoint(docs: list[Doc]) -> None:
    check(docs)
    for doc in docs:
        for span in doc.spans + doc.decoys:
            value = doc.text[span.start : span.end]
            assert value == value.strip(), (doc.id, span)
            assert "\n" not in value, (doc.id, span)


def test_every_entity_and_many_decoys_occur(docs: list[Doc]) -> None:
    entities = {s.entity for d in docs for s in d.spans}
    assert len(entities) == 14
    assert len({s.entity for d in docs for s in d.decoys}) >= 15
    assert any(not d.spans for d in docs)  # documents with nothing to find


def test_phone_numbers_are_valid_japanese_numbers(docs: list[Doc]) -> None:
    for value in _values(docs, "PHONE_NUMBER"):
        normalized = _DASHES.sub("-", unicodedata.normalize("NFKC", value))
        assert phonenumbers.is_valid_number(phonenumbers.parse(normalized, "JP")), value


def test_identifiers_carry_valid_check_digits(docs: list[Doc]) -> None:
    assert all(in_.is_valid(_digits(v)) for v in _values(docs, "JP_MY_NUMBER"))
    assert all(cn.is_valid(_digits(v)) for v in _values(docs, "JP_CORPORATE_NUMBER"))
    for value in _values(docs, "CREDIT_CARD"):
        digits = [int(c) for c in reversed(_digits(value))]
        total = sum(digits[0::2]) + sum(sum(divmod(2 * d, 10)) for d in digits[1::2])
        assert total % 10 == 0, value


def test_corporate_numbers_are_gold_only_when_labelled(docs: list[Doc]) -> None:
    for doc in docs:
        for span in doc.spans:
            if span.entity == "JP_CORPORATE_NUMBER":
                line_start = doc.text.rfind("\n", 0, span.start) + 1
                header = doc.text[: span.start] if doc.id.startswith("csv") else ""
                assert "法人番号" in doc.text[line_start : span.start] + header, doc.id


def test_matching_rule_counts_each_gold_span_once() -> None:
    doc = Doc("d", "山田太郎 090-1234-5678", (Span(0, 4, "PERSON"), Span(5, 18, "PHONE_NUMBER")))
    predictions = [[Span(0, 2, "PERSON"), Span(2, 4, "PERSON"), Span(5, 18, "ADDRESS")]]
    result = score([doc], predictions)
    assert result.per_entity["PERSON"] == Counts(tp=1, fp=1, fn=0)
    assert result.per_entity["ADDRESS"] == Counts(tp=0, fp=1, fn=0)
    assert result.per_entity["PHONE_NUMBER"] == Counts(tp=0, fp=0, fn=1)
