"""Train the fast mode's person-name scorer (scanner/recognizers/person_scorer.py).

    python -m bench.train_person_scorer --gsd PATH --wac PATH [--kwdlc PATH] [--out FILE]

The paths are fetched repositories as the search tool's ``fetch`` leaves them (see
README): megagonlabs/UD_Japanese-GSD and ku-nlp/WikipediaAnnotatedCorpus, whose train
splits (both CC BY-SA 4.0) the scorer is trained on; it is evaluated on their dev splits
and, if given, on KWDLC's train split, which states no licence and is never trained on.
A candidate is labelled a name when it overlaps a gold PERSON span, the benchmark's
matching rule. The model is an L2-regularised logistic regression fitted with full-batch
gradient descent (numpy); weights below ``--prune`` are dropped so the committed file stays small.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

from bench.real_prose_corpus import ProseDoc, gsd, knp  # noqa: E402


def examples(docs: Sequence[ProseDoc]) -> tuple[list[list[str]], list[int]]:
    """(features, label) for every candidate of every document, as the recognizer sees it."""
    from scanner.detect.nlp.sudachi_engine import SudachiNlpEngine
    from scanner.detect.recognizers.jp_person_recognizer import honorific_at
    from scanner.detect.recognizers.person_scorer import candidate_features
    from scanner.detect.text_normalizer import normalize

    engine = SudachiNlpEngine()
    engine.load()
    x: list[list[str]] = []
    y: list[int] = []
    for prose in docs:
        norm = normalize(prose.doc.text)
        ms = engine.morphemes(norm.text)
        for cand, feats in candidate_features(norm.text, ms, engine, honorific_at):
            start, end = norm.original_span(cand.start, cand.end)
            gold = any(s.start < end and start < s.end for s in prose.doc.spans)
            x.append(feats)
            y.append(int(gold))
    return x, y


def fit(x, y, l2: float, min_count: int, iterations: int = 400):
    import numpy as np

    counts = Counter(f for feats in x for f in set(feats))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    rows = [[vocab[f] for f in feats if f in vocab] for feats in x]
    lengths = np.array([len(r) for r in rows])
    idx = np.fromiter((i for r in rows for i in r), dtype=np.int64, count=int(lengths.sum()))
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    target = np.asarray(y, dtype=np.float64)
    w = np.zeros(len(vocab))
    g2 = np.full(len(vocab), 1e-8)
    n = len(rows)
    for _ in range(iterations):  # Adagrad on the mean log loss + L2
        z = np.add.reduceat(w[idx], starts)
        p = 1.0 / (1.0 + np.exp(-z))
        err = np.repeat(p - target, lengths)
        grad = np.bincount(idx, weights=err, minlength=len(vocab)) / n + l2 * w
        g2 += grad * grad
        w -= 0.5 * grad / np.sqrt(g2)
    return {f: float(w[i]) for f, i in vocab.items()}


TRAINED_ON = (
    "train splits of UD Japanese GSD (megagonlabs/UD_Japanese-GSD, "
    "spacy/ja_gsd-ud-train.ne.spacy) and the Wikipedia Annotated Corpus "
    "(ku-nlp/WikipediaAnnotatedCorpus), both CC BY-SA 4.0"
)


def prune(weights: dict[str, float], threshold: float) -> dict[str, float]:
    """The weights of at least ``threshold`` in size, rounded, sorted by feature."""
    return {f: round(w, 3) for f, w in sorted(weights.items()) if abs(w) >= threshold}


def write_weights(path: Path, kept: dict[str, float], model: str, retrain: str, settings) -> None:
    """The weights file the scorers load: what it is, what it was trained on, how to redo it."""
    data = {
        "model": model,
        "trained_on": TRAINED_ON,
        "retrain": retrain,
        "settings": settings,
        "weights": kept,
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(kept):,} weights written to {path}")


def evaluate(weights: dict[str, float], x, y) -> list[tuple[float, float, float, float]]:
    """(threshold, precision, recall, F1) over candidates, for a few thresholds."""
    from scanner.detect.recognizers.person_scorer import PersonScorer

    scorer = PersonScorer(weights)
    probs = [scorer.probability(f) for f in x]
    out = []
    positives = sum(y)
    for t in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7):
        tp = sum(1 for p, g in zip(probs, y, strict=True) if p >= t and g)
        pred = sum(1 for p in probs if p >= t)
        prec = tp / pred if pred else 0.0
        rec = tp / positives if positives else 0.0
        out.append((t, prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    from scanner.detect.recognizers.person_scorer import WEIGHTS_PATH

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gsd", type=Path, required=True, help="fetched UD_Japanese-GSD")
    parser.add_argument("--wac", type=Path, help="fetched WikipediaAnnotatedCorpus (trained on)")
    parser.add_argument("--kwdlc", type=Path, help="fetched KWDLC: its train split is scored too")
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    parser.add_argument("--l2", type=float, default=1e-4)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument(
        "--drop", nargs="*", default=[], metavar="PREFIX", help="leave out features (surf= ...)"
    )
    parser.add_argument("--prune", type=float, default=0.02)
    args = parser.parse_args(argv)

    train = gsd(args.gsd, "train") + (knp(args.wac, "train") if args.wac else [])
    x, y = examples(train)
    if args.drop:
        x = [[f for f in feats if not f.startswith(tuple(args.drop))] for feats in x]
    print(f"train: {len(x):,} candidates, {sum(y):,} overlap a gold name")
    weights = fit(x, y, args.l2, args.min_count)
    kept = prune(weights, args.prune)
    held = {"GSD dev": gsd(args.gsd, "dev")}
    if args.wac:
        held["WAC dev"] = knp(args.wac, "dev")
    if args.kwdlc:
        held["KWDLC train (not trained on)"] = knp(args.kwdlc, "train")
    for name, docs in held.items():
        xd, yd = examples(docs)
        print(f"{name}: {len(xd):,} candidates, {sum(yd):,} overlap a gold name")
        for t, p, r, f in evaluate(kept, xd, yd):
            print(f"  threshold {t:.2f}: candidate P {p:.3f} R {r:.3f} F1 {f:.3f}")
    write_weights(
        args.out,
        kept,
        "logistic regression over name-candidate features",
        "python -m bench.train_person_scorer --gsd PATH --wac PATH",
        {"l2": args.l2, "min_count": args.min_count, "prune": args.prune},
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
