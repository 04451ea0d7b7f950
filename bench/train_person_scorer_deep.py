"""Train deep mode's person-name scorer (scanner/detect/recognizers/person_scorer_deep.py).

    python -m bench.train_person_scorer_deep --gsd PATH --wac PATH [--cache DIR] [--out FILE]

Same corpora, labels and trainer as bench/train_person_scorer.py (the train splits of UD
Japanese GSD and the Wikipedia Annotated Corpus, both CC BY-SA 4.0; candidates labelled
by overlap with a gold PERSON span), but each candidate's features are the shared fast
features (person_scorer.candidate_features, so retraining after a change of them is this
one command) plus GiNZA's analysis, and GiNZA-only Person spans are candidates too.
GiNZA runs at about 1,000 chars/s here, so its analyses are cached in ``--cache`` (one
JSON file per split, keyed by the normalised text; delete it when ja_ginza changes).
GSD examples count twice (``--gsd-weight``): at equal weight the WAC dev split gained and
GSD dev lost recall (WAC leaves many names GiNZA calls Person unannotated: emperors,
deities). It prints candidate-level P/R/F1 on the GSD and WAC dev splits for a few
thresholds. KWDLC is never read: it is the confirm set.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

from bench.real_prose_corpus import ProseDoc, gsd, knp  # noqa: E402
from bench.train_person_scorer import (  # noqa: E402
    add_fit_arguments,
    evaluate,
    fit_scorer,
    write_weights,
)

DEFAULT_CACHE = Path("/tmp/kojin-ginza-cache")


def ginza_cache(docs: Sequence[ProseDoc], path: Path) -> dict:
    """{normalised text: {"ents": [[s, e, label]], "toks": [[s, e, dep, head, lemma, ent]]}}."""
    from scanner.detect.text_normalizer import normalize

    cached = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    texts = [t for t in dict.fromkeys(normalize(p.doc.text).text for p in docs) if t not in cached]
    if texts:
        import spacy

        from scanner.detect.nlp.ginza_engine import _EXCLUDED_PIPES

        nlp = spacy.load("ja_ginza", exclude=_EXCLUDED_PIPES)
        for text, d in zip(texts, nlp.pipe(texts, batch_size=32), strict=True):
            cached[text] = {
                "ents": [[e.start_char, e.end_char, e.label_] for e in d.ents],
                "toks": [
                    [t.idx, t.idx + len(t.text), t.dep_, t.head.i, t.lemma_, t.ent_type_] for t in d
                ],
            }
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(cached, ensure_ascii=False), encoding="utf-8")
    return cached


def _analysis(entry: dict):
    from scanner.detect.nlp.artifacts import GinzaToken, NerSpan

    toks = entry["toks"]
    spans = [NerSpan(s, e, label) for s, e, label in entry["ents"]]
    tokens = [GinzaToken(t[0], t[1], t[2], toks[t[3]][4], t[5]) for t in toks]
    return spans, tokens


def examples(docs: Sequence[ProseDoc], cache: dict) -> tuple[list[list[str]], list[int]]:
    """(features, label) for every deep candidate of every document."""
    from scanner.detect.nlp.sudachi_engine import SudachiNlpEngine
    from scanner.detect.recognizers.jp_person_recognizer import HONORIFICS, honorific_at
    from scanner.detect.recognizers.person_scorer_deep import deep_candidate_features
    from scanner.detect.text_normalizer import normalize

    engine = SudachiNlpEngine()
    engine.load()
    x: list[list[str]] = []
    y: list[int] = []
    for prose in docs:
        norm = normalize(prose.doc.text)
        ms = engine.morphemes(norm.text)
        spans, tokens = _analysis(cache[norm.text])
        for cand, feats in deep_candidate_features(
            norm.text, ms, engine, honorific_at, spans, tokens, HONORIFICS
        ):
            start, end = norm.original_span(cand.start, cand.end)
            x.append(feats)
            y.append(int(any(s.start < end and start < s.end for s in prose.doc.spans)))
    return x, y


def split(args, corpus: str, name: str) -> tuple[list[list[str]], list[int]]:
    docs = gsd(args.gsd, name) if corpus == "gsd" else knp(args.wac, name)
    return examples(docs, ginza_cache(docs, args.cache / f"{corpus}-{name}.json"))


def main(argv: Sequence[str] | None = None) -> int:
    from scanner.detect.recognizers.person_scorer import row_weights
    from scanner.detect.recognizers.person_scorer_deep import WEIGHTS_PATH

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gsd", type=Path, required=True, help="fetched UD_Japanese-GSD")
    parser.add_argument("--wac", type=Path, required=True, help="fetched WikipediaAnnotatedCorpus")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="GiNZA analyses")
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    add_fit_arguments(parser, prune_at=0.05)
    parser.add_argument(
        "--gsd-weight", type=int, default=2, help="GSD examples count this many times (WAC: once)"
    )
    args = parser.parse_args(argv)

    x, y = split(args, "gsd", "train")
    xw, yw = split(args, "wac", "train")
    x, y = x * args.gsd_weight + xw, y * args.gsd_weight + yw
    print(f"train: {len(x):,} candidates, {sum(y):,} overlap a gold name")
    kept, rows = fit_scorer(x, y, args)
    scored = kept | row_weights(rows or {})
    for corpus in ("gsd", "wac"):
        xd, yd = split(args, corpus, "dev")
        print(f"{corpus} dev: {len(xd):,} candidates, {sum(yd):,} overlap a gold name")
        for t, p, r, f in evaluate(scored, xd, yd):
            print(f"  threshold {t:.2f}: candidate P {p:.3f} R {r:.3f} F1 {f:.3f}")
    write_weights(
        args.out,
        kept,
        "logistic regression over name-candidate features plus GiNZA's analysis",
        "python -m bench.train_person_scorer_deep --gsd PATH --wac PATH",
        {
            "l2": args.l2,
            "min_count": args.min_count,
            "prune": args.prune,
            "gsd_weight": args.gsd_weight,
            "vector_l2": None if args.no_vectors else args.vector_l2,
        },
        rows,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
