"""Train the fast mode's person-name scorer (scanner/recognizers/person_scorer.py).

    python -m bench.train_person_scorer --gsd PATH --wac PATH [--kwdlc PATH] [--out FILE]

The paths are fetched repositories as the search tool's ``fetch`` leaves them (see
README): megagonlabs/UD_Japanese-GSD and ku-nlp/WikipediaAnnotatedCorpus, whose train
splits (both CC BY-SA 4.0) the scorer is trained on; it is evaluated on their dev splits
and, if given, on KWDLC's train split, which states no licence and is never trained on.
A candidate is labelled a name when it overlaps a gold PERSON span, the benchmark's
matching rule. The model is an L2-regularised logistic regression fitted with full-batch
gradient descent (numpy); weights below ``--prune`` are dropped so the committed file stays small.
Its word-vector slots (``dv=<row>`` for the name's tokens, ``p1dv`` / ``n1dv`` for its
neighbours, ``lwdv`` / ``rwdv`` for the window's content words) are dense inputs: the sum
of the slot's unit word vectors (ja_ginza's chiVe rows), with one 300-dim weight vector per
slot. A linear model's score for a row is that vector dotted with the row, so the file
stores, per slot, one number per row (``rows``) and the scorer just adds them up.
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

from bench.build_word_clusters import unit_vectors  # noqa: E402
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
    """The weight of every feature seen ``min_count`` times (sparse features only)."""
    return fit_dense(x, y, l2, min_count, iterations)[0]


def fit_dense(x, y, l2: float, min_count: int, iterations: int = 400, dense=None, dense_l2=0.0):
    """``fit`` with a dense input matrix beside the sparse features (one row a candidate):
    (feature weights, the dense columns' weights), trained jointly."""
    import numpy as np

    counts = Counter(f for feats in x for f in set(feats))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    rows = [[vocab[f] for f in feats if f in vocab] for feats in x]
    lengths = np.array([len(r) for r in rows])
    idx = np.fromiter((i for r in rows for i in r), dtype=np.int64, count=int(lengths.sum()))
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    target = np.asarray(y, dtype=np.float64)
    n = len(rows)
    dense = np.zeros((n, 0)) if dense is None else dense
    w, wd = np.zeros(len(vocab)), np.zeros(dense.shape[1])
    g2, gd2 = np.full(len(vocab), 1e-8), np.full(dense.shape[1], 1e-8)
    for _ in range(iterations):  # Adagrad on the mean log loss + L2
        z = np.add.reduceat(w[idx], starts) + dense @ wd
        p = 1.0 / (1.0 + np.exp(-z))
        err = np.repeat(p - target, lengths)
        grad = np.bincount(idx, weights=err, minlength=len(vocab)) / n + l2 * w
        g2 += grad * grad
        w -= 0.5 * grad / np.sqrt(g2)
        grad_d = dense.T @ (p - target) / n + dense_l2 * wd
        gd2 += grad_d * grad_d
        wd -= 0.5 * grad_d / np.sqrt(gd2)
    return {f: float(w[i]) for f, i in vocab.items()}, wd


#: the word-vector slots of the features (person_scorer.features): the name's tokens, the
#: words right before and after it, the content words of the left and right windows
VECTOR_SLOTS = ("dv", "p1dv", "n1dv", "lwdv", "rwdv")


def split_vectors(x, vectors):
    """The sparse features without the vector slots, and the dense matrix of those slots:
    per candidate and slot, the sum of the unit vectors of its rows (``dv=<row>`` ...)."""
    import numpy as np

    dim = vectors.shape[1]
    slot_of = {s: k for k, s in enumerate(VECTOR_SLOTS)}
    sparse = []
    dense = np.zeros((len(x), dim * len(VECTOR_SLOTS)))
    for i, feats in enumerate(x):
        kept = []
        for f in feats:
            slot, _, row = f.partition("=")
            k = slot_of.get(slot)
            if k is None:
                kept.append(f)
            else:
                dense[i, k * dim : (k + 1) * dim] += vectors[int(row)]
        sparse.append(kept)
    return sparse, dense


def slot_rows(wd, vectors) -> dict[str, str]:
    """Each slot's weight per vector row (its direction dotted with the row), in thousandths:
    the weights file's ``rows`` (person_scorer.row_weights reads them back)."""
    import numpy as np

    dim = vectors.shape[1]
    out = {}
    for k, slot in enumerate(VECTOR_SLOTS):
        milli = np.rint(vectors @ wd[k * dim : (k + 1) * dim] * 1000).astype(np.int64)
        out[slot] = " ".join(map(str, milli.tolist()))
    return out


def fit_scorer(x, y, args) -> tuple[dict[str, float], dict[str, str] | None]:
    """(pruned feature weights, the vector slots' ``rows`` or None) as both trainers fit
    them: the word-vector slots dense (``--vector-l2``) unless ``--no-vectors``."""
    if args.no_vectors:
        return prune(fit(x, y, args.l2, args.min_count, args.iterations), args.prune), None
    vectors = unit_vectors()
    x, dense = split_vectors(x, vectors)
    weights, wd = fit_dense(
        x, y, args.l2, args.min_count, args.iterations, dense=dense, dense_l2=args.vector_l2
    )
    return prune(weights, args.prune), slot_rows(wd, vectors)


def add_fit_arguments(parser, prune_at: float) -> None:
    """The fitting settings both trainers take."""
    parser.add_argument("--l2", type=float, default=1e-4)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--prune", type=float, default=prune_at)
    parser.add_argument("--iterations", type=int, default=400)
    parser.add_argument(
        "--vector-l2", type=float, default=3e-4, help="L2 of the word-vector slots' weights"
    )
    parser.add_argument(
        "--no-vectors", action="store_true", help="word-vector slots as plain features"
    )


TRAINED_ON = (
    "train splits of UD Japanese GSD (megagonlabs/UD_Japanese-GSD, "
    "spacy/ja_gsd-ud-train.ne.spacy) and the Wikipedia Annotated Corpus "
    "(ku-nlp/WikipediaAnnotatedCorpus), both CC BY-SA 4.0"
)


def prune(weights: dict[str, float], threshold: float) -> dict[str, float]:
    """The weights of at least ``threshold`` in size, rounded, sorted by feature."""
    return {f: round(w, 3) for f, w in sorted(weights.items()) if abs(w) >= threshold}


def write_weights(
    path: Path, kept: dict[str, float], model: str, retrain: str, settings, rows=None
) -> None:
    """The weights file the scorers load: what it is, what it was trained on, how to redo it."""
    data = {
        "model": model,
        "trained_on": TRAINED_ON,
        "retrain": retrain,
        "settings": settings,
        "weights": kept,
    }
    if rows:
        data["rows"] = rows
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
    from scanner.detect.recognizers.person_scorer import WEIGHTS_PATH, row_weights

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gsd", type=Path, required=True, help="fetched UD_Japanese-GSD")
    parser.add_argument("--wac", type=Path, help="fetched WikipediaAnnotatedCorpus (trained on)")
    parser.add_argument("--kwdlc", type=Path, help="fetched KWDLC: its train split is scored too")
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    add_fit_arguments(parser, prune_at=0.02)
    parser.add_argument(
        "--drop", nargs="*", default=[], metavar="PREFIX", help="leave out features (surf= ...)"
    )
    args = parser.parse_args(argv)

    train = gsd(args.gsd, "train") + (knp(args.wac, "train") if args.wac else [])
    x, y = examples(train)
    if args.drop:
        x = [[f for f in feats if not f.startswith(tuple(args.drop))] for feats in x]
    print(f"train: {len(x):,} candidates, {sum(y):,} overlap a gold name")
    kept, rows = fit_scorer(x, y, args)
    scored = kept | row_weights(rows or {})
    held = {"GSD dev": gsd(args.gsd, "dev")}
    if args.wac:
        held["WAC dev"] = knp(args.wac, "dev")
    if args.kwdlc:
        held["KWDLC train (not trained on)"] = knp(args.kwdlc, "train")
    for name, docs in held.items():
        xd, yd = examples(docs)
        print(f"{name}: {len(xd):,} candidates, {sum(yd):,} overlap a gold name")
        for t, p, r, f in evaluate(scored, xd, yd):
            print(f"  threshold {t:.2f}: candidate P {p:.3f} R {r:.3f} F1 {f:.3f}")
    write_weights(
        args.out,
        kept,
        "logistic regression over name-candidate features",
        "python -m bench.train_person_scorer --gsd PATH --wac PATH",
        {
            "l2": args.l2,
            "min_count": args.min_count,
            "prune": args.prune,
            "vector_l2": None if args.no_vectors else args.vector_l2,
        },
        rows,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
