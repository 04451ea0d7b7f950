"""NLP artifacts that carry Sudachi morphemes with character offsets."""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

from presidio_analyzer.nlp_engine import NlpArtifacts


class Morpheme(NamedTuple):
    """One Sudachi token (a named tuple: fast mode makes one per token of every text)."""

    start: int
    end: int
    surface: str
    pos: tuple[str, ...]  # Sudachi part of speech, e.g. ("名詞", "固有名詞", "人名", "姓", ...)
    #: not in Sudachi's dictionary (an unknown foreign name, a rare word)
    oov: bool = False

    @property
    def is_person_name(self) -> bool:
        return self.pos[2] == "人名"

    @property
    def is_place_name(self) -> bool:
        return self.pos[2] == "地名"


#: a Morpheme's start and end as plain item getters (bisect keys over a list of them)
MORPHEME_START, MORPHEME_END = itemgetter(0), itemgetter(1)


@dataclass(frozen=True, slots=True)
class NerSpan:
    """A GiNZA named entity (Sekine's extended labels: Person, Company, Province, ...)."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class GinzaToken:
    """A GiNZA token with its dependency (deep mode's name scorer reads them)."""

    start: int
    end: int
    dep: str  # nsubj, compound, nmod_bunsetu ...
    head_lemma: str  # the lemma of the token it depends on (述べる, 氏 ...)
    ent_type: str  # the NER label it lies in (Person, Position_Vocation ...) or ""


class JapaneseNlpArtifacts(NlpArtifacts):
    """Presidio artifacts without spaCy tokens: morphemes and (deep mode) NER spans.

    Presidio's keyword extraction is skipped on purpose: context is matched on the
    characters around a span (see ``WindowContextEnhancer``), not on single tokens.
    """

    def __init__(
        self,
        morphemes: list[Morpheme],
        ner_spans: list[NerSpan],
        nlp_engine,
        cells: list | None = None,
        ginza_tokens: list[GinzaToken] | None = None,
    ):
        self.entities = []
        self.tokens = None
        self.lemmas = []
        self.tokens_indices = []
        self.keywords = []
        self.nlp_engine = nlp_engine
        self.scores = []
        self.morphemes = morphemes
        self.ner_spans = ner_spans
        #: CSV/TSV cells with their column header (scanner.detect.nlp.table_cells.Cell)
        self.cells = cells or []
        #: deep mode: GiNZA's tokens with their dependency relation
        self.ginza_tokens = ginza_tokens or []
