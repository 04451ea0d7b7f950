r"""A presidio PatternRecognizer tuned for Japanese text.

Differences from presidio's own pattern loop, each on purpose:

* a validator that passes keeps the pattern's score (presidio jumps to 1.0): a My Number
  check digit holds for one random 12-digit number in ten, so it proves little alone;
* a validator that fails drops the span;
* a pattern may capture the value in a group named ``v`` so it can look at its
  surroundings without them becoming part of the span;
* patterns are compiled once per class, with explicit flags (no IGNORECASE by default);
* a pattern listed in ``REQUIRES`` runs only on texts where its required regex (something
  every match contains, e.g. a legal form) is found, which is much cheaper to look for;
* validation is remembered per value (validators are pure functions of the value):
  logs and tables repeat the same dates and numbers;
* a pattern listed in ``DIGIT_RUN`` runs only on texts with a run of that many digits;
* a pattern listed in ``STDLIB_RE`` is compiled with Python's own ``re``, which runs it
  several times faster than ``regex`` (patterns that begin with a run of kanji or a word
  list); only patterns both modules read alike qualify: no flags and none of ``\s \w \b``
  (their Unicode definitions differ: ``re`` counts ``\x1c``-``\x1f``, the batch boundary
  among them, as space, ``regex`` does not). ``tests/scanner/detect/test_fast_path.py``
  compares every such pattern's matches under both modules.
"""

from __future__ import annotations

import re as stdlib_re
from typing import ClassVar

import regex as re
from presidio_analyzer import AnalysisExplanation, Pattern, PatternRecognizer, RecognizerResult

_UNKNOWN = object()


class JapanesePatternRecognizer(PatternRecognizer):
    ENTITY: ClassVar[str] = ""
    PATTERNS: ClassVar[list[Pattern]] = []
    CONTEXT: ClassVar[list[str]] = []
    NEGATIVE_CONTEXT: ClassVar[tuple[str, ...]] = ()
    #: characters searched for context before and after a span
    CONTEXT_WINDOW: ClassVar[tuple[int, int]] = (24, 8)
    FLAGS: ClassVar[int] = 0
    #: pattern name -> a regex every match of that pattern contains (a cheap pre-check)
    REQUIRES: ClassVar[dict[str, str]] = {}
    #: pattern name -> n: every match holds a run of n digits (\\d), so a text whose longest
    #: run is shorter is passed over (one scan of the text's digits serves all recognizers)
    DIGIT_RUN: ClassVar[dict[str, int]] = {}
    #: pattern names compiled with Python's ``re`` (faster for them; see the module docstring)
    STDLIB_RE: ClassVar[tuple[str, ...]] = ()
    #: values whose validation is remembered, per recognizer
    _VALIDATION_CACHE_SIZE: ClassVar[int] = 65536

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
        self._compiled = [(p, self._compile(p)) for p in self.patterns]
        self._requires = {name: re.compile(rx, self.FLAGS) for name, rx in self.REQUIRES.items()}
        self._validation: dict[str, bool | None] = {}

    def _compile(self, pattern: Pattern):
        if pattern.name not in self.STDLIB_RE:
            return re.compile(pattern.regex, self.FLAGS)
        unsafe = stdlib_re.search(r"(?<!\\)(?:\\\\)*\\[sSwWbBpPX]", pattern.regex)
        if self.FLAGS or unsafe:
            raise ValueError(f"{pattern.name}: not read alike by re and regex, keep it in regex")
        return stdlib_re.compile(pattern.regex)

    def adjust_span(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Trim a match (e.g. a label word the pattern could not exclude); default: as is."""
        return start, end

    def normalize_value(self, value: str) -> str:
        """The value handed to validators (digits only, for most number recognizers)."""
        return value

    def compiled_patterns(self, text: str, nlp_artifacts) -> list[tuple[Pattern, re.Pattern]]:
        """The patterns to run on this text; default: all of them."""
        return self._compiled

    def _validation_of(self, value: str) -> bool | None:
        """validate_result's answer, False also when invalidate_result rules the value out."""
        known = self._validation.get(value, _UNKNOWN)
        if known is _UNKNOWN:
            validation = self.validate_result(value)
            known = False if validation is False or self.invalidate_result(value) else validation
            if len(self._validation) >= self._VALIDATION_CACHE_SIZE:
                self._validation.clear()
            self._validation[value] = known
        return known

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results: list[RecognizerResult] = []
        longest = longest_digit_run(text) if self.DIGIT_RUN else 0
        for pattern, compiled in self.compiled_patterns(text, nlp_artifacts):
            needed_run = self.DIGIT_RUN.get(pattern.name)
            if needed_run is not None and longest < needed_run:
                continue
            needed = self._requires.get(pattern.name)
            if needed is not None and needed.search(text) is None:
                continue
            for match in compiled.finditer(text):
                start, end = match.span("v") if "v" in compiled.groupindex else match.span()
                start, end = self.adjust_span(text, start, end)
                if start == end:
                    continue
                validation = self._validation_of(self.normalize_value(text[start:end]))
                if validation is False:
                    continue
                results.append(self._result(pattern, start, end, validation))
        return results

    def _result(self, pattern: Pattern, start: int, end: int, validation) -> RecognizerResult:
        explanation = AnalysisExplanation(
            recognizer=self.name,
            original_score=pattern.score,
            pattern_name=pattern.name,
            pattern=None,
            validation_result=validation,
            textual_explanation=f"pattern {pattern.name}" + (", validated" if validation else ""),
        )
        return RecognizerResult(
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


_DIGITS = re.compile(r"\d+")
_last_run: list = [None, 0]  # (text, its longest digit run): the recognizers share one text


def longest_digit_run(text: str) -> int:
    """The length of the longest run of ``\\d`` digits in ``text`` (as the patterns read \\d)."""
    if _last_run[0] is not text:
        _last_run[1] = max(map(len, _DIGITS.findall(text)), default=0)
        _last_run[0] = text
    return _last_run[1]


def digits_only(value: str) -> str:
    return "".join(c for c in value if c.isdigit())
