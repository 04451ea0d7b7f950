"""The detector: presidio's AnalyzerEngine with Kojin's Japanese recognizers.

``Detector(mode="fast")`` runs patterns, validators (libphonenumber, python-stdnum),
SudachiPy part of speech and context words; ``mode="deep"`` adds GiNZA's NER. Text is
normalised (NFKC + dashes) for matching and every span is reported as offsets into the
original text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from scanner.detect.context_enhancer import HARD_BOUNDARY
from scanner.detect.detection import Detection
from scanner.detect.modes import Mode
from scanner.detect.text_normalizer import NormalizedText, normalize
from scanner.detect.text_normalizer import _fold_char as fold_char
from scanner.entities import Entity, parse_entities

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine, RecognizerResult


#: texts are analysed in pieces of about this many characters, cut at line ends
CHUNK_CHARS = 4000
#: characters of the previous piece kept in front of a piece, so its labels still count
LEAD_CHARS = 48
_BATCH_SEPARATOR = "\n" + HARD_BOUNDARY + "\n"
# When two entities claim the same characters, the higher score wins; on a tie, the
# more specific kind (a validated number beats a name guess).
_PRIORITY = {e: i for i, e in enumerate(
    ["EMAIL_ADDRESS", "JP_CORPORATE_NUMBER", "JP_MY_NUMBER", "CREDIT_CARD", "JP_RESIDENCE_CARD",
     "JP_PASSPORT", "JP_DRIVER_LICENSE", "JP_BASIC_PENSION_NUMBER", "JP_BANK_ACCOUNT",
     "PHONE_NUMBER", "DATE_OF_BIRTH", "SPECIAL_CARE_HEALTH_CHECK", "SPECIAL_CARE_DISABILITY",
     "SPECIAL_CARE_CRIMINAL", "SPECIAL_CARE_MEDICAL", "SPECIAL_CARE_CREED", "SPECIAL_CARE_RACE",
     "ADDRESS", "EMPLOYER", "PERSON"]
)}  # fmt: skip


class Detector:
    """Find personal information in Japanese text.

    >>> Detector().analyze("山田太郎様の電話は090-1234-5678です")  # doctest: +SKIP
    """

    def __init__(
        self,
        mode: str = "fast",
        entities: Sequence[str] | str | None = None,
        threshold: float = 0.5,
    ):
        if mode not in tuple(Mode):
            raise ValueError(f"unknown mode {mode!r}: use 'fast' or 'deep'")
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be between 0 and 1, got {threshold}")
        self.mode = mode
        self.entities: tuple[Entity, ...] | None = parse_entities(entities)
        self.threshold = threshold
        self._analyzer: AnalyzerEngine | None = None
        self._lean: _Pipeline | None = None

    # -- set-up -----------------------------------------------------------------------
    def load(self) -> Detector:
        """Load the dictionaries (and in deep mode GiNZA) now rather than on first use."""
        if self._analyzer is None:
            from presidio_analyzer import AnalyzerEngine

            from scanner.detect.context_enhancer import WindowContextEnhancer
            from scanner.detect.recognizers.registry import build_registry

            if self.mode == "deep":
                from scanner.detect.nlp.ginza_engine import GinzaNlpEngine

                nlp_engine = GinzaNlpEngine()
            else:
                from scanner.detect.nlp.sudachi_engine import SudachiNlpEngine

                nlp_engine = SudachiNlpEngine()
            names = tuple(e.value for e in self.entities) if self.entities else None
            self._analyzer = AnalyzerEngine(
                registry=build_registry(self.mode, names),
                nlp_engine=nlp_engine,
                supported_languages=["ja"],
                context_aware_enhancer=WindowContextEnhancer(),
                default_score_threshold=self.threshold,
            )
        return self

    @property
    def analyzer(self) -> AnalyzerEngine:
        return self.load()._analyzer

    def settings(self) -> dict:
        """What produced a result: recorded with every run and benchmark."""
        from scanner.version import __version__

        return {
            "mode": self.mode,
            "threshold": self.threshold,
            "entities": [e.value for e in self.entities] if self.entities else None,
            "version": __version__,
        }

    # -- analysis ---------------------------------------------------------------------
    def analyze(self, text: str, context: Sequence[str] = ()) -> list[Detection]:
        """Detections in ``text``; ``context`` adds words such as a column name."""
        if not may_hold_personal_data(text):
            return []
        norm = normalize(text)
        out: list[Detection] = []
        for offset, lead, piece in _pieces(norm.text):
            results = self._run(piece, context)
            out.extend(
                self._to_detection(norm, r, lead - offset) for r in results if r.start >= lead
            )
        return out

    def analyze_batch(
        self, texts: Sequence[str], context: Sequence[str] = ()
    ) -> list[list[Detection]]:
        """Detections for many short texts (database cells) at once.

        Identical texts are analysed once, and short texts are joined (with a boundary
        that context never crosses) so presidio and Sudachi run once per few thousand
        characters rather than once per cell.
        """
        unique: dict[str, list[Detection]] = {}
        pending: list[tuple[NormalizedText, str]] = []
        for text in texts:
            if text in unique or not may_hold_personal_data(text):
                continue
            unique[text] = []
            norm = normalize(text)
            if len(norm.text) > CHUNK_CHARS or HARD_BOUNDARY in norm.text:
                unique[text] = self.analyze(text, context)
            else:
                pending.append((norm, text))
        for group in _pack(pending):
            joined = _BATCH_SEPARATOR.join(n.text for n, _ in group)
            starts = []
            pos = 0
            for norm, _ in group:
                starts.append(pos)
                pos += len(norm.text) + len(_BATCH_SEPARATOR)
            for result in self._run(joined, context):
                idx = _segment_of(starts, result.start)
                norm, original = group[idx]
                base = starts[idx]
                if result.end - base > len(norm.text):
                    continue
                unique[original].append(self._to_detection(norm, result, base))
        return [list(unique.get(t, [])) if t else [] for t in texts]

    def _run(self, text: str, context: Sequence[str]) -> list[RecognizerResult]:
        entity_names = [e.value for e in self.entities] if self.entities else None
        results = self._pipeline().analyze(text, list(context) or None)
        return _resolve_overlaps(results, entity_names)

    def _pipeline(self) -> _Pipeline:
        if self._lean is None:
            entity_names = [e.value for e in self.entities] if self.entities else None
            self._lean = _Pipeline(self.analyzer, entity_names, self.threshold)
        return self._lean

    @staticmethod
    def _to_detection(norm: NormalizedText, r: RecognizerResult, base: int) -> Detection:
        start, end = norm.original_span(r.start - base, r.end - base)
        expl = r.analysis_explanation
        reasons: list[str] = []
        if expl is not None:
            if expl.textual_explanation:
                reasons.append(expl.textual_explanation)
            if expl.supportive_context_word:
                reasons.append(f"context: {expl.supportive_context_word}")
        meta = r.recognition_metadata or {}
        recognizer = meta.get("recognizer_name", "")
        # Detection(...) without the frozen dataclass's __init__ (one object.__setattr__
        # per field): the same instance dict, field by field in order
        found = _new(Detection)
        found.__dict__.update(
            entity=r.entity_type,
            start=start,
            end=end,
            score=float(r.score),
            recognizer=recognizer,
            reasons=tuple(reasons),
            value=norm.original[start:end],
        )
        return found


_new = object.__new__
assert not hasattr(Detection, "__post_init__")  # (_to_detection builds one without __init__)


def may_hold_personal_data(text: str) -> bool:
    """The pre-filter: False for a text no recognizer can find anything in.

    Every value a recognizer reports holds a letter or a digit (kanji, kana and 々 ー
    count as letters), in the text or once it is normalised (㈱ is (株)): a text of only
    spaces, punctuation and symbols (-, ―, ※, 　) is skipped without being normalised or
    tokenised.
    """
    for c in text:
        if c.isalnum() or (not c.isascii() and any(x.isalnum() for x in fold_char(c))):
            return True
    return False


class _Pipeline:
    """What ``AnalyzerEngine.analyze`` does for Kojin's recognizers, without its per-call cost.

    Presidio looks the recognizers up in its registry, splits the results per recognizer
    for recognizer-level context (none of Kojin's recognizers has any) and re-sorts them
    on every call. This runs the same steps in the same order — NLP artifacts, each
    recognizer, the window context enhancer, the score threshold, presidio's
    ``remove_duplicates`` (``remove_duplicates`` below: the same, result for result) —
    with the recognizer list looked up once.
    """

    def __init__(self, analyzer: AnalyzerEngine, entities: list[str] | None, threshold: float):
        from presidio_analyzer import EntityRecognizer, RecognizerResult

        from scanner.detect.recognizers.pattern_base import digit_runs
        from scanner.detect.recognizers.special_care_base import any_trigger

        all_fields = not entities
        # presidio's get_recognizers, but in the registry's order: it returns a set's order
        # for a list of entities, and the first of two equal results (the same span and
        # score from two recognizers) is the one kept, so its recognizer changed from run
        # to run (a reading found by both the kana and the name recognizer)
        self.recognizers = [
            r for r in analyzer.registry.recognizers
            if r.supported_language == "ja"
            and (all_fields or any(e in r.supported_entities for e in entities))
        ]  # fmt: skip
        #: each recognizer's id, read once (presidio's ``id`` is a property)
        self.ids = [r.id for r in self.recognizers]
        #: per recognizer, what a text must hold for it to find anything: (a run of n
        #: digits, one of these strings, a special-care trigger word or CSV cells); a
        #: recognizer a text fails is not called (pattern_base.text_needs)
        self.needs = [
            (*getattr(r, "text_needs", (0, ())), getattr(r, "needs_trigger", False))
            for r in self.recognizers
        ]
        self._digit_runs, self._any_trigger = digit_runs, any_trigger
        self.id_key = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
        self.entities = analyzer.get_supported_entities(language="ja") if all_fields else entities
        self.nlp_engine = analyzer.nlp_engine
        self.enhancer = analyzer.context_aware_enhancer
        self.threshold = threshold
        own = [
            r for r in self.recognizers
            if type(r).enhance_using_context is not EntityRecognizer.enhance_using_context
        ]  # fmt: skip
        if own:  # a recognizer with context of its own: presidio's full path keeps it right
            self.analyze = lambda text, context: analyzer.analyze(
                text=text, language="ja", entities=entities, context=context,
                score_threshold=threshold, return_decision_process=True,
            )  # fmt: skip

    def analyze(self, text: str, context: list[str] | None) -> list[RecognizerResult]:
        digit_runs, any_trigger, id_key = self._digit_runs, self._any_trigger, self.id_key
        artifacts = self.nlp_engine.process_text(text, "ja")
        results: list[RecognizerResult] = []
        append = results.append
        longest = -1  # the text's longest run of digits, once a recognizer asks
        triggered = None  # whether a special-care trigger word or a CSV cell is in it
        for recognizer, rec_id, (digits, strings, trigger) in zip(
            self.recognizers, self.ids, self.needs, strict=True
        ):
            if digits:
                if longest < 0:
                    runs = digit_runs(text)  # (the recognizers' own, kept for this text)
                    longest = runs[0] if runs else 0
                if longest < digits:
                    continue
            if strings and not any(map(text.__contains__, strings)):
                continue
            if trigger:
                if triggered is None:
                    triggered = bool(getattr(artifacts, "cells", None)) or any_trigger(text)
                if not triggered:
                    continue
            if not recognizer.is_loaded:
                recognizer.load()
                recognizer.is_loaded = True
            found = recognizer.analyze(text=text, entities=self.entities, nlp_artifacts=artifacts)
            for result in found or ():
                if not result.recognition_metadata:
                    result.recognition_metadata = {}
                result.recognition_metadata.setdefault(id_key, rec_id)
                append(result)
        results = self.enhancer.enhance_using_context(
            text=text, raw_results=results, nlp_artifacts=artifacts,
            recognizers=self.recognizers, context=context,
        )  # fmt: skip
        threshold = self.threshold
        return remove_duplicates([r for r in results if r.score >= threshold])


def _by_entity_start(r: RecognizerResult) -> tuple:
    return (r.entity_type, r.start, r.start - r.end, -r.score)


def _by_score(r: RecognizerResult) -> tuple:
    return (-r.score, r.start, r.start - r.end)


def remove_duplicates(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """presidio's ``EntityRecognizer.remove_duplicates``: the same results in the same order.

    Zero scores go, and so does a result another of its entity contains at an equal or
    higher score. Presidio first makes a set of the results, where equal ones (entity,
    span and score) are one, the first; its hash reads ``str(score)``, so a score of 1
    and one of 1.0 stay two, as the score's type in the key here keeps them. The set's
    order does not matter: the sort after it leaves no ties but equal results.
    """
    unique: dict[tuple, RecognizerResult] = {}
    for r in results:
        key = (r.entity_type, r.start, r.end, r.score, type(r.score))
        if key not in unique:
            unique[key] = r
    kept: list[RecognizerResult] = []
    active: list[RecognizerResult] = []  # this entity's kept results that may still overlap
    entity = None
    for r in sorted(unique.values(), key=_by_entity_start):
        if r.entity_type != entity:
            entity, active = r.entity_type, []
        if r.score == 0:
            continue
        start, end, score = r.start, r.end, r.score
        active = [f for f in active if f.end >= start]
        if any(start >= f.start and end <= f.end and score <= f.score for f in active):
            continue
        kept.append(r)
        active.append(r)
    return sorted(kept, key=_by_score)


def _resolve_overlaps(
    results: list[RecognizerResult], wanted: list[str] | None
) -> list[RecognizerResult]:
    """Keep, for any run of characters, only the strongest claim.

    Pattern and dictionary results come first; deep mode's GiNZA results only fill
    characters nothing else claimed, so deep mode keeps every pattern, dictionary and
    name-rule result of fast mode (fast mode's name-model scores are replaced by deep
    mode's scorer, which may drop one: ginza_ner_recognizer.py).
    """
    ranked = sorted(results, key=_overlap_rank)
    kept: list[RecognizerResult] = []
    spans: list[tuple[int, int]] = []  # kept spans, sorted and disjoint
    for r in ranked:
        i = bisect_left(spans, (r.start, r.start))
        if i > 0 and spans[i - 1][1] > r.start:
            continue
        if i < len(spans) and spans[i][0] < r.end:
            continue
        insort(spans, (r.start, r.end))
        kept.append(r)
    if wanted is not None:
        kept = [r for r in kept if r.entity_type in wanted]
    return sorted(kept, key=lambda r: r.start)


def _overlap_rank(r: RecognizerResult, _priority=_PRIORITY.get) -> tuple:
    """GiNZA's last; then the higher score, the more specific entity, the longer span."""
    name = (r.recognition_metadata or {}).get("recognizer_name", "")
    return (
        name.startswith("GinzaNerRecognizer"),
        -r.score,
        _priority(r.entity_type, 99),
        r.start - r.end,
    )


def _pieces(text: str) -> Iterator[tuple[int, int, str]]:
    """(offset of piece, length of lead, lead + piece): ≤ CHUNK_CHARS pieces cut at lines."""
    if len(text) <= CHUNK_CHARS:
        yield 0, 0, text
        return
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start + CHUNK_CHARS // 2, end)
            if cut != -1:
                end = cut + 1
        lead_start = max(0, start - LEAD_CHARS)
        yield start, start - lead_start, text[lead_start:end]
        start = end


def _pack(
    items: list[tuple[NormalizedText, str]],
) -> Iterator[list[tuple[NormalizedText, str]]]:
    group: list[tuple[NormalizedText, str]] = []
    size = 0
    for item in items:
        n = len(item[0].text) + len(_BATCH_SEPARATOR)
        if group and size + n > CHUNK_CHARS:
            yield group
            group, size = [], 0
        group.append(item)
        size += n
    if group:
        yield group


def _segment_of(starts: list[int], pos: int) -> int:
    return bisect_right(starts, pos) - 1
