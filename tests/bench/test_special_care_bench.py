"""The special-care bench's corpus: labelled, deterministic, ≥ 30 % look-alikes."""

from __future__ import annotations

from bench.special_care_bench import ENTITIES, generate


def test_corpus_is_labelled_and_deterministic():
    docs = generate(200)
    assert docs == generate(200)
    look_alikes = [d for d in docs if not d.spans]
    assert len(look_alikes) / len(docs) >= 0.3
    assert {s.entity for d in docs for s in d.spans} == set(ENTITIES)
    for doc in docs:
        for span in doc.spans:
            assert 0 <= span.start < span.end <= len(doc.text)
            assert doc.text[span.start : span.end].strip() == doc.text[span.start : span.end]
