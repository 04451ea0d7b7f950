"""Build the word clusters the name scorer reads (scanner/detect/nlp/word_clusters.json).

    python -m bench.build_word_clusters [--k 200] [--out FILE]

ja_ginza (a core dependency) ships chiVe word vectors pruned to 20,000 rows; every one of
its 480,000 words points at one row. This groups the rows into ``--k`` clusters by
spherical k-means (cosine similarity, seeded, a fixed number of passes), so a word's
cluster is ``clusters[key2row[word]]``. The file records the sha1 of the ``key2row`` table
it was built for: with another ja_ginza the scorer reads no clusters rather than wrong
ones (see word_clusters.py). Rebuild it, then retrain the scorer
(``python -m bench.train_person_scorer``), after upgrading ja_ginza.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))


def spherical_kmeans(x, k: int, iterations: int, seed: int):
    """Cluster the rows of ``x`` (unit length) by cosine similarity; each row's cluster."""
    import numpy as np

    rng = np.random.default_rng(seed)
    centres = x[rng.choice(len(x), k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        assign = np.argmax(x @ centres.T, axis=1)
        for c in range(k):
            members = assign == c
            if members.any():
                total = x[members].sum(axis=0)
                centres[c] = total / max(float(np.linalg.norm(total)), 1e-6)
    return assign


def unit_vectors(dtype=None):
    """ja_ginza's word vectors (20,000 x 300), each row scaled to unit length (``dtype``:
    float64 unless given; the clusters were built from float32)."""
    import numpy as np
    from spacy.vectors import Vectors

    from scanner.detect.nlp.word_clusters import key2row_path

    table = key2row_path()
    if table is None:  # pragma: no cover - ja_ginza is a core dependency
        raise SystemExit("ja_ginza's vocab/key2row not found")
    v = np.asarray(Vectors().from_disk(table.parent).data, dtype=dtype or np.float64)
    return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-6)


def main(argv: Sequence[str] | None = None) -> int:
    import numpy as np

    from scanner.detect.nlp.word_clusters import CLUSTERS_PATH, key2row_path

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=200)
    parser.add_argument("--iterations", type=int, default=25)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=CLUSTERS_PATH)
    args = parser.parse_args(argv)

    x = unit_vectors(np.float32)
    table = key2row_path()
    assign = spherical_kmeans(x, args.k, args.iterations, args.seed)
    sizes = np.bincount(assign, minlength=args.k)
    data = {
        "what": "cluster of each of ja_ginza's word-vector rows (spherical k-means)",
        "source": str(table.parent.parent.name) + "/vocab (chiVe vectors, Apache-2.0)",
        "key2row_sha1": hashlib.sha1(table.read_bytes()).hexdigest(),
        "settings": {"k": args.k, "iterations": args.iterations, "seed": args.seed},
        "rebuild": "python -m bench.build_word_clusters",
        "clusters": [int(a) for a in assign],
    }
    args.out.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(assign):,} rows, {args.k} clusters of {sizes.min()}-{sizes.max()} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
