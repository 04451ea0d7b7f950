"""A presidio PatternRecognizer tuned for Japanese text.

Differences from presidio's own pattern loop, each on purpose:

* a validator that passes keeps the pattern's score (presidio jumps to 1.0): a My Number
  check digit holds for one random 12-digit number in ten, so it proves little alone;
* a validator that fails drops the span;
* a pattern may capture the value in a group named ``v`` so it can look at its
  surroundings without them becoming part of the span;
* patterns are compiled once per class, with explicit flags (no IGNORECASE by default).
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import AnalysisExplanation, Pattern, PatternRecognizer, RecognizerResult


class JapanesePatternRecognizer(PatternRecognizer):
    ENTITY: ClassVar[str] = ""
    PATTERNS: ClassVar[list[Pattern]] = []
    CONTEXT: ClassVar[list[str]] = []
    NEGATIVE_CONTEXT: ClassVar[tuple[str, ...]] = ()
    #: characters searched for context before and after a span
    CONTEXT_WINDOW: ClassVar[tuple[int, int]] = (24, 8)
    FLAGS: ClassVar[int] = 0

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "ja",
    ):
        super().__init__(
            supported_entity=self.ENTITY,
            name=type(self).__name__,
            supported_language=supported_language,
            patterns=list(self.PATTERNS) if patterns is None else patterns,
            context=list(self.CONTEXT) if context is None else context,
            global_regex_flags=self.FLAGS,
        )
        self._compiled = [(p, re.compile(p.regex, self.FLAGS)) for p in self.patterns]

    def adjust_span(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Trim a match (e.g. a label word the pattern could not exclude); default: as is."""
        return start, end

    def normalize_value(self, value: str) -> str:
        """The value handed to validators (digits only, for most number recognizers)."""
        return value

    def compiled_patterns(self, text: str, nlp_artifacts) -> list[tuple[Pattern, re.Pattern]]:
        """The patterns to run on this text; default: all of them."""
        return self._compiled

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results: list[RecognizerResult] = []
        for pattern, compiled in self.compiled_patterns(text, nlp_artifacts):
            for match in compiled.finditer(text):
                start, end = match.span("v") if "v" in compiled.groupindex else match.span()
                start, end = self.adjust_span(text, start, end)
                if start == end:
                    continue
                value = self.normalize_value(text[start:end])
                validation = self.validate_result(value)
                if validation is False or self.invalidate_result(value):
                    continue
                explanation = AnalysisExplanation(
                    recognizer=self.name,
                    original_score=pattern.score,
                    pattern_name=pattern.name,
                    pattern=None,
                    validation_result=validation,
                    textual_explanation=f"pattern {pattern.name}"
                    + (", validated" if validation else ""),
                )
                results.append(
                    RecognizerResult(
                        entity_type=self.ENTITY,
                        start=start,
                        end=end,
                        score=pattern.score,
                        analysis_explanation=explanation,
                        recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        },
                    )
                )
        return results


def digits_only(value: str) -> str:
    return "".join(c for c in value if c.isdigit())
