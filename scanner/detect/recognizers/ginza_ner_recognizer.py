"""Deep mode: GiNZA's analysis decides about names; its Company spans add employers.

PERSON: fast mode's name candidates and GiNZA's own Person spans are scored by deep
mode's learned scorer (person_scorer_deep.py), whose features are the fast scorer's plus
GiNZA's labels and dependencies, so GiNZA is calibrated rather than gated: a GiNZA Person
span counts as much as the training data says it should. In deep mode this replaces fast
mode's model scores (jp_person_recognizer.py leaves its candidates to this recognizer);
fast mode's rule results (a full name, a name with 様 ...) stay as they are. A fast
candidate's score is the mean of the deep and the fast model's probabilities, adjusted as
fast mode adjusts its own (``adjust_model_probs``: other mentions, lists, kin), after fast
mode's filter of words of Chinese text; a GiNZA-only span's is the deep probability plus
``THRESHOLD_SHIFT``. (On the dev sets, GSD dev+test and the IOB2Corpus even half, the mean
took deep F1 from 0.881 / 0.872 to 0.886 / 0.885, precision 0.919 / 0.908 to 0.941 / 0.919.)

EMPLOYER: a Company span counts only with employment context, and anything overlapping a
stronger detection loses in the detector's overlap resolution.
"""

from __future__ import annotations

import re

from presidio_analyzer import LocalRecognizer, RecognizerResult

from scanner.detect.recognizers.jp_employer_recognizer import JpEmployerRecognizer
from scanner.detect.recognizers.jp_person_recognizer import (
    HONORIFICS,
    JpPersonRecognizer,
    adjust_model_probs,
    chinese_word,
    explained_result,
    honorific_at,
    japanese_frame,
    listed_kanji_names,
)
from scanner.detect.recognizers.person_false_names import FalseNames
from scanner.detect.recognizers.person_scorer import PersonScorer
from scanner.detect.recognizers.person_scorer_deep import (
    deep_candidate_features,
    load_deep_scorer,
)

_COMPANY_LABELS = {"Company", "Corporation_Other", "Company_Group"}
_PLAUSIBLE_COMPANY = re.compile(r"[一-龥々ァ-ヴーA-Za-z0-9&・. ()]{2,30}")
#: a scored candidate below this is not reported at all (a context word could lift it)
MODEL_FLOOR = 0.3
#: added to the deep model's probability of a GiNZA-only span, so that the detector's 0.5
#: keeps a probability of 0.45 (5-fold cross-validation on the train splits,
#: candidate-level F1: GSD 0.849 and WAC 0.795 at 0.45, 0.844 and 0.794 at 0.5;
#: GSD dev 0.862 -> 0.876, WAC dev 0.780 -> 0.810)
THRESHOLD_SHIFT = 0.05
#: the model's probability is capped here, so validated and labelled spans still win
MODEL_CAP = 0.8
# A lone character with no kana within this many characters is Chinese text, not a name.
_KANA = re.compile(r"[ぁ-ゖァ-ヺ]")
_KANA_WINDOW = 20


class GinzaNerRecognizer(LocalRecognizer):
    """Deep mode's PERSON (scored candidates) or EMPLOYER (GiNZA Company spans)."""

    def __init__(self, entity: str, supported_language: str = "ja"):
        context = JpPersonRecognizer.CONTEXT if entity == "PERSON" else JpEmployerRecognizer.CONTEXT
        super().__init__(
            supported_entities=[entity],
            name=f"GinzaNerRecognizer[{entity}]",
            supported_language=supported_language,
            context=list(context),
        )
        self.entity = entity
        if entity == "PERSON":
            self.CONTEXT_WINDOW = JpPersonRecognizer.CONTEXT_WINDOW
            self.NEGATIVE_CONTEXT = ()
        else:
            self.CONTEXT_WINDOW = JpEmployerRecognizer.CONTEXT_WINDOW
            self.NEGATIVE_CONTEXT = JpEmployerRecognizer.NEGATIVE_CONTEXT

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        if self.entity == "PERSON":
            return self._persons(text, nlp_artifacts)
        return self._companies(text, nlp_artifacts)

    def _persons(self, text: str, nlp_artifacts) -> list[RecognizerResult]:
        """Every candidate scored by the deep model, kept from ``MODEL_FLOOR`` up."""
        engine = getattr(nlp_artifacts, "nlp_engine", None)
        ms = getattr(nlp_artifacts, "morphemes", None) or []
        if not ms or not hasattr(engine, "entry_kinds"):
            return []
        spans = getattr(nlp_artifacts, "ner_spans", None) or []
        tokens = getattr(nlp_artifacts, "ginza_tokens", None) or []
        scorer, fast = load_deep_scorer(), PersonScorer.load()
        is_surname = engine.is_surname
        results = []
        scored = deep_candidate_features(text, ms, engine, honorific_at, spans, tokens, HONORIFICS)
        full_names = [text[c.start : c.end] for c, feats in scored if "pat=姓|名" in feats]
        # リオに移転, ヘーゲル左派: a place or a thing (person_false_names.py)
        keep = FalseNames(text, ms, engine).keep([(c.start, c.end) for c, _ in scored])
        kept, ginza_only = [], []
        for (cand, feats), k in zip(scored, keep, strict=True):
            if not k:
                continue
            around = (max(0, cand.start - _KANA_WINDOW), cand.end + _KANA_WINDOW)
            if (
                cand.end - cand.start == 1
                and not _KANA.search(text, *around)
                and not (cand.fast and japanese_frame(text, ms, cand.fast, is_surname))
            ):
                continue  # 董, 究 in Chinese text (営業部　林 signs a mail)
            if cand.fast is None:
                ginza_only.append((cand, feats, scorer.probability(feats) + THRESHOLD_SHIFT))
            elif not chinese_word(text, ms, cand.fast, feats, full_names, is_surname):
                kept.append((cand, feats))
        # the deep and the fast model averaged, then what fast mode's candidates say about
        # each other (a surface found high elsewhere, names listed together, kin before)
        probs = [(scorer.probability(f) + fast.probability(f)) / 2 for _, f in kept]
        probs = adjust_model_probs(text, ms, engine, [c.fast for c, _ in kept], probs)
        for cand, _, p in [(c, f, p) for (c, f), p in zip(kept, probs, strict=True)] + ginza_only:
            if p >= MODEL_FLOOR:
                why = f"deep name model {p:.2f}" + (" (GiNZA Person)" if cand.ginza_only else "")
                # 宗祇・肖柏, 林・森両名: kanji names listed with ・ are names of their own, as
                # in fast mode
                parts = (
                    [(cand.start, cand.end)]
                    if cand.fast is None
                    else listed_kanji_names(text, ms, cand.fast, is_surname)
                )
                for start, end in parts:
                    results.append(self._result(start, end, min(p, MODEL_CAP), why))
        return results

    def _companies(self, text: str, nlp_artifacts) -> list[RecognizerResult]:
        results = []
        for span in getattr(nlp_artifacts, "ner_spans", None) or []:
            if span.label not in _COMPANY_LABELS:
                continue
            start, end = span.start, span.end
            while end > start and text[end - 1] in " 　":
                end -= 1
            if _PLAUSIBLE_COMPANY.fullmatch(text[start:end].strip()):
                results.append(self._result(start, end, 0.3, f"GiNZA NER label {span.label}"))
        return results

    def _result(self, start: int, end: int, score: float, why: str) -> RecognizerResult:
        return explained_result(self, self.entity, start, end, score, why)
