"""The peer: presidio-analyzer with ja_ginza, set up as presidio documents for a new language.

``AnalyzerEngine(nlp_engine=..., supported_languages=["ja"])`` loads the registry's
predefined recognizers for "ja" itself (``load_predefined_recognizers``): the
language-agnostic ones (e-mail, phone, date, IP, URL, IBAN, crypto, MAC, UUID, medical
licence) plus the spaCy NER recognizer. ``CreditCardRecognizer`` is configured only for
en/es/it/pl in presidio's default recognizer list, so it is added for "ja" by hand, with
Japanese context words, as a user would. Everything else is presidio's default
(score threshold 0, phone regions without JP, default context enhancer).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bench.detect_corpus import Span

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine

#: GiNZA (Sekine extended NE) labels mapped onto presidio's NER entities.
GINZA_TO_PRESIDIO: dict[str, str] = {
    "Person": "PERSON",
    "Province": "LOCATION",
    "City": "LOCATION",
    "County": "LOCATION",
    "Country": "LOCATION",
    "GPE_Other": "LOCATION",
    "Location_Other": "LOCATION",
    "Domestic_Region": "LOCATION",
    "Postal_Address": "LOCATION",
    "Company": "ORGANIZATION",
    "Company_Group": "ORGANIZATION",
    "Corporation_Other": "ORGANIZATION",
    "Organization_Other": "ORGANIZATION",
    "Date": "DATE_TIME",
    "Time": "DATE_TIME",
}

#: Presidio entities mapped onto Kojin's for scoring; anything else is dropped.
PRESIDIO_TO_KOJIN: dict[str, str] = {
    "PERSON": "PERSON",
    "LOCATION": "ADDRESS",
    "GPE": "ADDRESS",
    "DATE_TIME": "DATE_OF_BIRTH",
    "ORGANIZATION": "EMPLOYER",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "CREDIT_CARD": "CREDIT_CARD",
}

NLP_CONFIGURATION = {
    "nlp_engine_name": "spacy",
    "models": [{"lang_code": "ja", "model_name": "ja_ginza"}],
    "ner_model_configuration": {"model_to_presidio_entity_mapping": GINZA_TO_PRESIDIO},
}

CREDIT_CARD_CONTEXT_JA = ["クレジット", "カード", "カード番号", "visa", "mastercard", "jcb", "amex"]


def use_offline_tldextract() -> None:
    """Make tldextract use its bundled public-suffix snapshot: no download, no disk cache.

    Presidio's EmailRecognizer calls ``tldextract.extract``, which reads the module-level
    ``tldextract.tldextract.TLD_EXTRACTOR`` on every call (tldextract 5.x), and that one
    fetches the list from publicsuffix.org on first use.
    """
    import tldextract
    import tldextract.tldextract as module

    module.TLD_EXTRACTOR = tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True
    )


@dataclass(frozen=True)
class Peer:
    """A loaded presidio ``AnalyzerEngine`` for Japanese."""

    analyzer: AnalyzerEngine

    @classmethod
    def load(cls) -> Peer:
        use_offline_tldextract()
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider
        from presidio_analyzer.predefined_recognizers import CreditCardRecognizer

        # Unmapped GiNZA labels are kept with a warning per entity; silence the flood.
        logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
        nlp_engine = NlpEngineProvider(nlp_configuration=NLP_CONFIGURATION).create_engine()
        analyzer = AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["ja"])
        analyzer.registry.add_recognizer(
            CreditCardRecognizer(supported_language="ja", context=CREDIT_CARD_CONTEXT_JA)
        )
        return cls(analyzer)

    def recognizers(self) -> list[str]:
        return sorted(r.name for r in self.analyzer.registry.recognizers)

    def analyze(self, text: str) -> list[Span]:
        """Presidio's results for ``text``, mapped to Kojin entities."""
        results = self.analyzer.analyze(text=text, language="ja")
        return [
            Span(r.start, r.end, PRESIDIO_TO_KOJIN[r.entity_type])
            for r in results
            if r.entity_type in PRESIDIO_TO_KOJIN
        ]

    def analyze_all(self, texts: Sequence[str]) -> list[list[Span]]:
        return [self.analyze(text) for text in texts]
