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
* a pattern listed in ``DIGIT_RUN`` runs only on texts with a run of that many digits
  (or with k runs of n digits: 4-4-4 groups need three runs of four);
* a pattern listed in ``NEEDS_ANY`` runs only on texts holding one of its strings (an
  e-mail address holds ``@``): a substring test costs far less than the pattern's scan;
* a pattern listed in ``ANCHORS`` is tried only at the starts within its reach before a
  place its anchor regex matches at (something every match holds near its start, e.g. the
  legal form a company name ends in): a long pattern that could start at any kanji is tried
  at a few dozen places instead of at every character, with the matches ``finditer`` gives;
* a pattern listed in ``STDLIB_RE`` is compiled with Python's own ``re``, which runs it
  several times faster than ``regex`` (patterns that begin with a run of kanji or a word
  list); only patterns both modules read alike qualify: no flags and none of ``\s \w \b``
  (their Unicode definitions differ: ``re`` counts ``\x1c``-``\x1f``, the batch boundary
  among them, as space, ``regex`` does not). ``tests/scanner/detect/test_fast_path.py``
  compares every such pattern's matches under both modules.
"""

from __future__ import annotations

import re as stdlib_re
from collections.abc import Iterator
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
    #: run is shorter is passed over (one scan of the text's digits serves all recognizers);
    #: or (n, k): every match holds k separate runs of at least n digits
    DIGIT_RUN: ClassVar[dict[str, int | tuple[int, int]]] = {}
    #: pattern name -> strings one of which every match contains (plain substring tests)
    NEEDS_ANY: ClassVar[dict[str, tuple[str, ...]]] = {}
    #: pattern name -> (anchor, reach): every match holds a place where the anchor regex
    #: matches (a match of it starting there, inside the match) at most ``reach`` characters
    #: after the match's start; the pattern never matches an empty string
    ANCHORS: ClassVar[dict[str, tuple[str, int]]] = {}
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
        self._requires = {name: _Required(rx, self.FLAGS) for name, rx in self.REQUIRES.items()}
        #: pattern name -> (its anchor compiled as the pattern is, its reach)
        self._anchors = {
            name: (self._compile(Pattern(name, rx, 0.0)), reach)
            for name, (rx, reach) in self.ANCHORS.items()
        }
        self._validation: dict[str, bool | None] = {}
        #: pattern name -> (n, k, substrings, required regex, has a "v" group): its gates
        self._gates = {p.name: self._gate(p, c) for p, c in self._compiled}
        self._plain_span = type(self).adjust_span is JapanesePatternRecognizer.adjust_span
        #: (pattern name, validation, its type) -> a result's explanation attributes
        self._explanations: dict[tuple, dict] = {}
        #: what each result's recognition_metadata starts as (a copy of it: it is written to)
        self._metadata = {
            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
        }
        self.text_needs = self._text_needs()

    def _text_needs(self) -> tuple[int, tuple[str, ...]]:
        """(n, strings): what a text must hold for ``analyze`` to find anything at all, read
        off the patterns' gates: a run of n digits (0: no such need), one of the strings
        (empty: no such need). The detector passes over a recognizer whose needs a text
        fails without calling it (each call costs about a microsecond even when every
        gate fails, and most texts fail most number recognizers' gates).

        Only the base class's own pattern loop is known to find nothing then: a subclass
        that picks its patterns or analyses on its own needs nothing here.
        """
        cls = type(self)
        if (
            cls.analyze is not JapanesePatternRecognizer.analyze
            or cls.compiled_patterns is not JapanesePatternRecognizer.compiled_patterns
            or not self._gates
        ):
            return 0, ()
        gates = self._gates.values()
        # every pattern needs a run of n digits (k runs of n hold one of n): the shortest
        digits = min(g[0] for g in gates) if all(g[0] for g in gates) else 0
        # every pattern needs one of its strings: one of them all
        strings = (
            tuple(dict.fromkeys(s for g in gates for s in g[2])) if all(g[2] for g in gates) else ()
        )
        return digits, strings

    def _gate(self, pattern: Pattern, compiled) -> tuple:
        run = self.DIGIT_RUN.get(pattern.name, (0, 0))
        n, k = (run, 1) if isinstance(run, int) else run
        return (
            n, k, self.NEEDS_ANY.get(pattern.name, ()), self._requires.get(pattern.name),
            "v" in compiled.groupindex,
        )  # fmt: skip

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

    def _validation_of(self, raw: str) -> bool | None:
        """validate_result's answer for a matched text (of its ``normalize_value``), False
        also when invalidate_result rules the value out; remembered by the matched text."""
        known = self._validation.get(raw, _UNKNOWN)
        if known is _UNKNOWN:
            value = self.normalize_value(raw)
            validation = self.validate_result(value)
            known = False if validation is False or self.invalidate_result(value) else validation
            if len(self._validation) >= self._VALIDATION_CACHE_SIZE:
                self._validation.clear()
            self._validation[raw] = known
        return known

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results: list[RecognizerResult] = []
        runs = digit_runs(text) if self.DIGIT_RUN else ()
        for pattern, compiled in self.compiled_patterns(text, nlp_artifacts):
            n, k, any_of, needed, has_v = self._gates[pattern.name]
            if n and (len(runs) < k or runs[k - 1] < n):
                continue
            if any_of and not any(map(text.__contains__, any_of)):  # (s in text, in C)
                continue
            if needed is not None and needed.search(text) is None:
                continue
            anchor = self._anchors.get(pattern.name) if self._anchors else None
            found = near_anchors(compiled, text, *anchor) if anchor else compiled.finditer(text)
            for match in found:
                start, end = match.span("v") if has_v else match.span()
                if not self._plain_span:
                    start, end = self.adjust_span(text, start, end)
                if start == end:
                    continue
                raw = text[start:end]
                validation = self._validation.get(raw, _UNKNOWN)
                if validation is _UNKNOWN:
                    validation = self._validation_of(raw)
                if validation is False:
                    continue
                results.append(self._result(pattern, start, end, validation))
        return results

    def _result(self, pattern: Pattern, start: int, end: int, validation) -> RecognizerResult:
        """What presidio's constructors make, built without their Python-level ``__init__``
        (two objects for every candidate, most of them below the threshold in the end).

        An explanation's attributes depend on the pattern and the validation only: they are
        copied from one dict made once for each pair (in the constructor's order).
        """
        key = (pattern.name, validation, type(validation))
        fields = self._explanations.get(key)
        if fields is None:
            fields = self._explanations[key] = {
                "recognizer": self.name,
                "pattern_name": pattern.name,
                "pattern": None,
                "original_score": pattern.score,
                "score": pattern.score,
                "textual_explanation": f"pattern {pattern.name}"
                + (", validated" if validation else ""),
                "score_context_improvement": 0,
                "supportive_context_word": "",
                "validation_result": validation,
                "regex_flags": None,
            }
        return new_result(self.ENTITY, start, end, pattern.score, fields, self._metadata.copy())


def new_result(
    entity: str, start: int, end: int, score: float, explanation: dict, metadata: dict
) -> RecognizerResult:
    """A RecognizerResult and its AnalysisExplanation as presidio's constructors make them,
    with the same attributes in the same order, built without their Python-level
    ``__init__``. ``explanation`` holds the explanation's attributes in the constructor's
    order (recognizer, pattern_name, pattern, original_score, score, textual_explanation,
    score_context_improvement, supportive_context_word, validation_result, regex_flags)."""
    explained = _new(AnalysisExplanation)
    explained.__dict__.update(explanation)
    result = _new(RecognizerResult)
    result.__dict__.update(
        entity_type=entity,
        start=start,
        end=end,
        score=score,
        analysis_explanation=explained,
        recognition_metadata=metadata,
    )
    return result


_new = object.__new__


def near_anchors(compiled, text: str, anchor, reach: int) -> Iterator:
    """The matches of ``compiled.finditer(text)``, tried only at the starts within ``reach``
    before each place the anchor matches at (``ANCHORS``): a match starting anywhere else
    would hold no anchor. Places are taken in order (``search`` finds the next one, inside
    an earlier match too), starts already tried are not tried again, and the next match
    is looked for from the last one's end, as ``finditer`` does."""
    tried = 0  # every start before this is tried or inside a match found
    while (place := anchor.search(text, tried)) is not None:
        at = place.start()
        for start in range(max(tried, at - reach), at + 1):
            match = compiled.match(text, start)
            if match is not None:
                yield match
                tried = max(match.end(), start + 1)  # (never empty: see ANCHORS)
                break
        else:
            tried = at + 1


#: every match of a grouped number (My Number, licence, card, corporate number) holds this
GROUPS_4_4_4 = r"\d{4}[ -]\d{4}[ -]\d{4}"


class _Required:
    """A REQUIRES regex, compiled once for every recognizer that names it: the one text they
    all look at in turn is searched once (its answer is kept with the last text)."""

    _known: ClassVar[dict[tuple[str, int], _Required]] = {}

    def __new__(cls, rx: str, flags: int):
        known = cls._known.get((rx, flags))
        if known is None:
            known = cls._known[(rx, flags)] = super().__new__(cls)
            known._regex = re.compile(rx, flags)
            known._last = (None, None)
        return known

    def __init__(self, rx: str, flags: int) -> None:
        pass

    def search(self, text: str):
        if self._last[0] is not text:
            self._last = (text, self._regex.search(text))
        return self._last[1]


_DIGITS = re.compile(r"\d+")
_last_runs: list = [None, ()]  # (text, its digit runs): the recognizers share one text


def digit_runs(text: str) -> tuple[int, ...]:
    """The lengths of the runs of ``\\d`` digits in ``text`` (as the patterns read \\d),
    longest first."""
    if _last_runs[0] is not text:
        _last_runs[1] = tuple(sorted(map(len, _DIGITS.findall(text)), reverse=True))
        _last_runs[0] = text
    return _last_runs[1]


def digits_only(value: str) -> str:
    return "".join(c for c in value if c.isdigit())
