"""Span-level precision, recall and F1 per entity, with a record of every error."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bench.detect_corpus import Doc, Span

MATCHING_RULE = (
    "A prediction is a true positive if it overlaps (shares at least one character with) "
    "a not-yet-matched gold span of the same entity; each gold span is matched at most "
    "once, predictions taken in order of start offset. Other predictions are false "
    "positives; unmatched gold spans are false negatives."
)


@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class Error:
    """A false positive (``span`` is the prediction) or a false negative (the gold span)."""

    doc_id: str
    kind: str  # "FP" or "FN"
    span: Span


@dataclass(frozen=True)
class Score:
    per_entity: dict[str, Counts]
    errors: tuple[Error, ...]

    def micro(self, entities: Iterable[str] | None = None) -> Counts:
        keys = self.per_entity if entities is None else entities
        total = Counts()
        for key in keys:
            total += self.per_entity.get(key, Counts())
        return total


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def score(docs: Sequence[Doc], predictions: Sequence[Sequence[Span]]) -> Score:
    """Score ``predictions[i]`` against ``docs[i].spans`` under ``MATCHING_RULE``."""
    if len(docs) != len(predictions):
        raise ValueError("one prediction list per document")
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    errors: list[Error] = []
    for doc, preds in zip(docs, predictions, strict=True):
        matched = [False] * len(doc.spans)
        for pred in sorted(preds, key=lambda s: (s.start, s.end)):
            for i, gold in enumerate(doc.spans):
                if not matched[i] and gold.entity == pred.entity and _overlaps(gold, pred):
                    matched[i] = True
                    counts[pred.entity][0] += 1
                    break
            else:
                counts[pred.entity][1] += 1
                errors.append(Error(doc.id, "FP", pred))
        for gold, hit in zip(doc.spans, matched, strict=True):
            if not hit:
                counts[gold.entity][2] += 1
                errors.append(Error(doc.id, "FN", gold))
    per_entity = {entity: Counts(*c) for entity, c in sorted(counts.items())}
    return Score(per_entity, tuple(errors))
