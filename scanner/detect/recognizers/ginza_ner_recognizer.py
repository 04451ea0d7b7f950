"""Deep mode: GiNZA's NER adds names and employers the patterns cannot see.

GiNZA (Sekine's extended labels) labels addresses and e-mail addresses as Person on
business text, so its spans only add to what fast mode found. A Person span is calibrated
against fast mode's name scorer (person_scorer.py): where the scorer saw a candidate, the
two agreeing lift its probability by ``AGREEMENT`` (on Wikipedia prose, GiNZA Person spans
over a candidate the scorer put at 0.4-0.6 were names about two times in three, while
those over no candidate were names about one time in seventy); a span no candidate
supports counts only with an honorific or a name label. A Company span counts only with
employment context, and anything overlapping a stronger detection loses in the
detector's overlap resolution.
"""

from __future__ import annotations

import re

from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult

from scanner.detect.recognizers.jp_employer_recognizer import JpEmployerRecognizer
from scanner.detect.recognizers.jp_person_recognizer import (
    HONORIFICS,
    JpPersonRecognizer,
    honorific_at,
)
from scanner.detect.recognizers.person_scorer import PersonScorer, candidate_features

_PERSON_LABELS = {"Person"}
_COMPANY_LABELS = {"Company", "Corporation_Other", "Company_Group"}
_PLAUSIBLE_NAME = re.compile(r"[一-龥々ぁ-ゖァ-ヴー ]{2,12}")
#: what GiNZA agreeing with a name candidate adds to the scorer's probability
AGREEMENT = 0.25
_AGREED_CAP = 0.85
_PLAUSIBLE_COMPANY = re.compile(r"[一-龥々ァ-ヴーA-Za-z0-9&・. ()]{2,30}")


def _has_common_noun(nlp_artifacts, start: int, end: int) -> bool:
    """Whether a common noun of two or more characters lies inside [start, end)."""
    for m in getattr(nlp_artifacts, "morphemes", None) or []:
        if m.start >= end:
            break
        if m.start >= start and m.pos[1] == "普通名詞" and len(m.surface) >= 2:
            return True
    return False


class GinzaNerRecognizer(LocalRecognizer):
    """Turns GiNZA NER spans (from GinzaNlpEngine) into PERSON / EMPLOYER candidates."""

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

    def _candidates(self, text: str, nlp_artifacts) -> list[tuple[int, int, float]]:
        """Fast mode's scored name candidates: (start, end, probability)."""
        engine = getattr(nlp_artifacts, "nlp_engine", None)
        ms = getattr(nlp_artifacts, "morphemes", None) or []
        if self.entity != "PERSON" or not ms or not hasattr(engine, "entry_kinds"):
            return []
        scorer = PersonScorer.load()
        return [
            (c.start, c.end, scorer.probability(f))
            for c, f in candidate_features(text, ms, engine, honorific_at)
        ]

    def analyze(self, text, entities, nlp_artifacts=None):
        results = []
        candidates = None
        labels = _PERSON_LABELS if self.entity == "PERSON" else _COMPANY_LABELS
        plausible = _PLAUSIBLE_NAME if self.entity == "PERSON" else _PLAUSIBLE_COMPANY
        for span in getattr(nlp_artifacts, "ner_spans", None) or []:
            if span.label not in labels:
                continue
            start, end = span.start, span.end
            while end > start and text[end - 1] in " 　":
                end -= 1
            for h in HONORIFICS:  # GiNZA sometimes takes the honorific into the name
                if text.endswith(h, start, end) and end - len(h) > start:
                    end -= len(h)
                    break
            value = text[start:end].strip()
            if not plausible.fullmatch(value):
                continue
            if self.entity == "PERSON" and _has_common_noun(nlp_artifacts, start, end):
                continue  # 後藤印刷, 阿部電気: a company named after a family
            score = 0.3
            if self.entity == "PERSON":
                if candidates is None:
                    candidates = self._candidates(text, nlp_artifacts)
                support = max((p for s, e, p in candidates if s < end and start < e), default=0.0)
                if support >= 0.3:
                    score = min(support + AGREEMENT, _AGREED_CAP)
                elif any(text.startswith(h, end) for h in HONORIFICS):
                    score = 0.6
            results.append(
                RecognizerResult(
                    entity_type=self.entity,
                    start=start,
                    end=end,
                    score=score,
                    analysis_explanation=AnalysisExplanation(
                        recognizer=self.name,
                        original_score=score,
                        textual_explanation=f"GiNZA NER label {span.label}",
                    ),
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results
