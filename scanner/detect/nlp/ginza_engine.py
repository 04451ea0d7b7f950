"""Deep mode's NLP engine: Sudachi morphemes plus GiNZA's NER (ja_ginza)."""

from __future__ import annotations

from scanner.detect.nlp.artifacts import JapaneseNlpArtifacts, NerSpan
from scanner.detect.nlp.sudachi_engine import SudachiNlpEngine, _pieces
from scanner.detect.nlp.table_cells import table_cells

# Only the NER and what it needs: the parser and the bunsetu / compound pipes add time
# and nothing the recognizers use.
_EXCLUDED_PIPES = ["parser", "bunsetu_recognizer", "compound_splitter", "morphologizer"]


class GinzaNlpEngine(SudachiNlpEngine):
    """Loads ja_ginza from its installed wheel (no download) and adds its NER spans."""

    def __init__(self) -> None:
        super().__init__()
        self._nlp = None

    def load(self) -> None:
        super().load()
        import spacy

        self._nlp = spacy.load("ja_ginza", exclude=_EXCLUDED_PIPES)

    def is_loaded(self) -> bool:
        return self._nlp is not None and super().is_loaded()

    def ner_spans(self, text: str) -> list[NerSpan]:
        if self._nlp is None:
            self.load()
        pieces = list(_pieces(text))
        spans: list[NerSpan] = []
        for (offset, _), doc in zip(pieces, self._nlp.pipe(p for _, p in pieces), strict=True):
            for ent in doc.ents:
                spans.append(NerSpan(offset + ent.start_char, offset + ent.end_char, ent.label_))
        return spans

    def process_text(self, text: str, language: str) -> JapaneseNlpArtifacts:
        return JapaneseNlpArtifacts(
            self.morphemes(text), self.ner_spans(text), self, table_cells(text)
        )

    def get_supported_entities(self) -> list[str]:
        return ["PERSON", "EMPLOYER"]
