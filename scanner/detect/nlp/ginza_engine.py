"""Deep mode's NLP engine: Sudachi morphemes plus GiNZA's NER and dependencies (ja_ginza)."""

from __future__ import annotations

from scanner.detect.nlp.artifacts import GinzaToken, JapaneseNlpArtifacts, NerSpan
from scanner.detect.nlp.sudachi_engine import SudachiNlpEngine, _pieces
from scanner.detect.nlp.table_cells import table_cells

# The NER and the parser (deep mode's name scorer reads a name's dependency: nsubj of
# 述べる, compound with 氏; the parser costs about 5 % of GiNZA's time, tok2vec the rest);
# the bunsetu / compound pipes add time and nothing the recognizers use.
_EXCLUDED_PIPES = ["bunsetu_recognizer", "compound_splitter", "morphologizer"]


def doc_analysis(doc, offset: int = 0) -> tuple[list[NerSpan], list[GinzaToken]]:
    """A spaCy doc's entities and tokens, with character offsets shifted by ``offset``."""
    spans = [NerSpan(offset + e.start_char, offset + e.end_char, e.label_) for e in doc.ents]
    tokens = [
        GinzaToken(offset + t.idx, offset + t.idx + len(t.text), t.dep_, t.head.lemma_, t.ent_type_)
        for t in doc
    ]
    return spans, tokens


class GinzaNlpEngine(SudachiNlpEngine):
    """Loads ja_ginza from its installed wheel (no download) and adds its NER spans."""

    #: the deep name scorer (ginza_ner_recognizer.py) scores the name candidates itself
    scores_names_deep = True

    def __init__(self) -> None:
        super().__init__()
        self._nlp = None

    def load(self) -> None:
        super().load()
        import spacy

        self._nlp = spacy.load("ja_ginza", exclude=_EXCLUDED_PIPES)

    def is_loaded(self) -> bool:
        return self._nlp is not None and super().is_loaded()

    def analysis(self, text: str) -> tuple[list[NerSpan], list[GinzaToken]]:
        """GiNZA's entities and tokens of ``text`` (run on pieces cut at lines)."""
        if self._nlp is None:
            self.load()
        pieces = list(_pieces(text))
        spans: list[NerSpan] = []
        tokens: list[GinzaToken] = []
        for (offset, _), doc in zip(pieces, self._nlp.pipe(p for _, p in pieces), strict=True):
            s, t = doc_analysis(doc, offset)
            spans += s
            tokens += t
        return spans, tokens

    def ner_spans(self, text: str) -> list[NerSpan]:
        return self.analysis(text)[0]

    def process_text(self, text: str, language: str) -> JapaneseNlpArtifacts:
        spans, tokens = self.analysis(text)
        return JapaneseNlpArtifacts(self.morphemes(text), spans, self, table_cells(text), tokens)

    def get_supported_entities(self) -> list[str]:
        return ["PERSON", "EMPLOYER"]
