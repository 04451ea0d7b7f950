"""What the detector returns for one span of text."""

from __future__ import annotations

from dataclasses import dataclass, field

from scanner.entities import category


@dataclass(frozen=True)
class Detection:
    """One entity found in one text.

    ``value`` is the raw matched text. It lives in memory only: ``to_public`` never
    includes it unless explicitly asked, and ``repr`` hides it so it cannot reach logs.
    """

    entity: str
    start: int
    end: int
    score: float
    recognizer: str
    reasons: tuple[str, ...] = ()
    value: str = field(default="", repr=False)

    @property
    def category(self) -> str:
        return category(self.entity)

    @property
    def excerpt(self) -> str:
        from scanner.masking import mask

        return mask(self.entity, self.value)

    def to_public(self, show_values: bool = False) -> dict:
        return {
            "entity": self.entity,
            "category": self.category,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 3),
            "recognizer": self.recognizer,
            "reasons": list(self.reasons),
            "excerpt": self.value if show_values else self.excerpt,
        }
