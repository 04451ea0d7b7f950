"""Deep mode's name scorer: fast mode's candidates plus GiNZA's view of them, learned.

Fast mode scores every run of tokens that could be a name (person_scorer.py). Deep mode
scores the same candidates with a second logistic regression whose features are the fast
features plus what GiNZA says about the span: the extended-NE label of the GiNZA entities
that overlap it (Person, Name_Other, Province, Company ...) and whether one matches it
exactly, GiNZA's NE label on the tokens around it (Position_Vocation before 山田 in 社長の
山田), and the dependency of the span's head token (nsubj of 述べる, compound with 氏).
GiNZA's Person, Character and God spans that no candidate covers become candidates of
their own, with features of their own (``gonly``), so GiNZA's recall adds to the scorer's.

The weights (``person_scorer_deep_weights.json``) are trained offline by
``bench/train_person_scorer_deep.py`` on the same CC BY-SA 4.0 train splits as the fast
weights (UD Japanese GSD, Wikipedia Annotated Corpus); nothing is downloaded at run time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from scanner.detect.nlp.artifacts import GinzaToken, Morpheme, NerSpan
from scanner.detect.recognizers.person_scorer import (
    TITLES,
    Candidate,
    PersonScorer,
    candidate_features,
)

WEIGHTS_PATH = Path(__file__).with_name("person_scorer_deep_weights.json")
_PLAUSIBLE_NAME = re.compile(r"[一-龥々ぁ-ゖァ-ヴー・ ]{1,16}")
#: GiNZA labels whose spans are candidates even where fast mode saw none (fictional
#: characters are Character; on the GSD dev split adding them raised recall, adding
#: Flora, Product_Other, Name_Other ... lowered precision more)
GINZA_ONLY_LABELS = frozenset({"Person", "Character", "God"})
_KANJI = re.compile(r"[一-龥々]+")
_KATAKANA = re.compile(r"[ァ-ヴー・ ]+")


@dataclass(frozen=True, slots=True)
class DeepCandidate:
    """A span to score, and whether only GiNZA proposed it."""

    start: int
    end: int
    ginza_only: bool
    #: the fast candidate it is (None for a GiNZA-only span)
    fast: Candidate | None = None


def _trim(text: str, start: int, end: int, honorifics: Sequence[str]) -> int:
    """The end of a GiNZA span without trailing spaces or an honorific it took in."""
    while end > start and text[end - 1] in " 　":
        end -= 1
    for h in honorifics:
        if text.endswith(h, start, end) and end - len(h) > start:
            return end - len(h)
    return end


def _head(tokens: list[GinzaToken], start: int, end: int) -> GinzaToken | None:
    """The last GiNZA token inside [start, end) (a Japanese phrase's head comes last)."""
    inside = [t for t in tokens if t.start >= start and t.end <= end]
    if not inside:
        inside = [t for t in tokens if t.start < end and start < t.end]
    return inside[-1] if inside else None


def ginza_features(
    start: int, end: int, spans: list[NerSpan], tokens: list[GinzaToken]
) -> list[str]:
    """What GiNZA says about [start, end): overlapping labels, neighbours, dependency."""
    feats = []
    over = [s for s in spans if s.start < end and start < s.end]
    for s in over:
        how = (
            "exact"
            if (s.start, s.end) == (start, end)
            else ("wider" if s.start <= start and s.end >= end else "part")
        )
        feats += [f"g:lab={s.label}", f"g:lab_how={s.label}_{how}"]
    if not over:
        feats.append("g:lab=none")
    before = [t for t in tokens if t.end <= start]
    after = [t for t in tokens if t.start >= end]
    p_ne = before[-1].ent_type if before else "<s>"
    n_ne = after[0].ent_type if after else "</s>"
    feats += [f"g:pne={p_ne or '-'}", f"g:nne={n_ne or '-'}"]
    head = _head(tokens, start, end)
    if head is not None:
        dep = head.dep.split("_")[0]
        feats += [f"g:dep={dep}", f"g:hl={head.head_lemma}", f"g:dep_hl={dep}_{head.head_lemma}"]
        if head.head_lemma in TITLES:
            feats.append("g:head_title")
    return feats


def _shape(text: str, ms: list[Morpheme], start: int, end: int, honorific: str) -> list[str]:
    """Features of a GiNZA-only span (no fast candidate): its make-up and neighbours."""
    surface = text[start:end]
    inside = [m for m in ms if m.start >= start and m.end <= end]
    pos = "|".join(f"{m.pos[1]}-{m.pos[2]}" for m in inside[:3])
    prev = [m.surface for m in ms if m.end <= start][-1:] or ["<s>"]
    nxt = [m.surface for m in ms if m.start >= end][:1] or ["</s>"]
    script = "mixed"
    if _KANJI.fullmatch(surface):
        script = "kanji"
    elif _KATAKANA.fullmatch(surface):
        script = "kata"
    feats = [
        "gonly",
        f"gonly:pos={pos}",
        f"gonly:len={min(len(surface), 8)}",
        f"gonly:script={script}",
        f"gonly:p1={prev[0]}",
        f"gonly:n1={nxt[0]}",
        f"gonly:hon={honorific}",
        f"gonly:surf={surface}",
    ]
    if nxt[0] in TITLES or honorific:
        feats.append("gonly:title")
    if any(m.pos[1] == "普通名詞" and len(m.surface) >= 2 for m in inside):
        feats.append("gonly:common_noun")  # 後藤印刷, 阿部電気: a company named after a family
    return feats


def deep_candidate_features(
    text: str,
    ms: list[Morpheme],
    engine,
    honorific_at,
    spans: list[NerSpan],
    tokens: list[GinzaToken],
    honorifics: Sequence[str] = (),
) -> list[tuple[DeepCandidate, list[str]]]:
    """Every candidate with its deep features (the same for training and use)."""
    out: list[tuple[DeepCandidate, list[str]]] = []
    for c, feats in candidate_features(text, ms, engine, honorific_at):
        extra = ginza_features(c.start, c.end, spans, tokens)
        out.append((DeepCandidate(c.start, c.end, False, c), feats + extra))
    covered = [(c.start, c.end) for c, _ in out]
    for s in spans:
        if s.label not in GINZA_ONLY_LABELS:
            continue
        end = _trim(text, s.start, s.end, honorifics)
        if not _PLAUSIBLE_NAME.fullmatch(text[s.start : end]):
            continue
        if any(a < end and s.start < b for a, b in covered):
            continue
        covered.append((s.start, end))
        hon = honorific_at(text, end)
        feats = _shape(text, ms, s.start, end, hon) + ginza_features(s.start, end, spans, tokens)
        out.append((DeepCandidate(s.start, end, True), feats))
    return out


def load_deep_scorer() -> PersonScorer:
    """The deep weights (the fast scorer's class, another weights file)."""
    return PersonScorer.load(WEIGHTS_PATH)
