"""Stand-ins shared by the tests: one fake detector, fake sources' content."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from connectors.files.extractors.base import Place, TextChunk
from connectors.files.source import Document
from scanner.detect.detection import Detection

_PATTERNS = (
    ("EMAIL_ADDRESS", re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")),
    ("PHONE_NUMBER", re.compile(r"(?<!\d)0\d{1,4}-\d{1,4}-\d{3,4}(?!\d)")),
    ("PERSON", re.compile(r"山田\s?太郎|佐藤\s?花子|鈴木\s?一郎|Taro Yamada")),
)


@dataclass
class FakeDetector:
    """Regexes standing in for scanner.detect.detector.Detector; records the contexts it got."""

    contexts: list[tuple[str, ...]] = field(default_factory=list)

    def analyze(self, text: str, context: Sequence[str] = ()) -> list[Detection]:
        out = []
        for entity, pattern in _PATTERNS:
            for m in pattern.finditer(text):
                name = f"Fake{entity}"
                out.append(Detection(entity, m.start(), m.end(), 0.9, name, (), m.group()))
        return out

    def analyze_batch(
        self, texts: Sequence[str], context: Sequence[str] = ()
    ) -> list[list[Detection]]:
        self.contexts.append(tuple(context))
        return [self.analyze(t, context) for t in texts]

    def settings(self) -> dict:
        return {"mode": "fake", "threshold": 0.0, "entities": None}


def text_document(path: str, text: str) -> Document:
    """A file of one text chunk, as a files source yields it."""
    return Document(path, iter([TextChunk(text, Place())]))
