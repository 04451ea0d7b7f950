"""Detections before and after a change: the full tuples, compared text by text.

    python -m bench.detect_identity --save /tmp/before.json [--gsd PATH]
    python -m bench.detect_identity --compare /tmp/before.json [--gsd PATH]

A speed change must not change what is found. This runs ``analyze`` and ``analyze_batch``
over the synthetic corpora (development, held-out, special care), their lines, documents
made of lines drawn from all of them, and (with ``--gsd``) UD Japanese GSD dev+test, with
and without a column context, an entity-limited detector and a lower threshold, and records
every Detection as (entity, start, end, score, recognizer, reasons, value). ``--compare``
prints the first differences and exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

#: lines per analyze_batch call when a whole corpus's lines go through it
BATCH = 400


def _key(found) -> list[list]:
    return [
        [d.entity, d.start, d.end, repr(d.score), d.recognizer, list(d.reasons), d.value]
        for d in found
    ]


def _texts(gsd: Path | None) -> dict[str, list[str]]:
    from bench.detect_corpus import generate as development
    from bench.heldout_corpus import generate as heldout
    from bench.special_care_bench import generate as special_care

    sets = {
        "development": [d.text for d in development(2000)],
        "held-out": [d.text for d in heldout()],
        "special-care": [d.text for d in special_care()],
    }
    if gsd is not None:
        from bench.real_prose_corpus import gsd as read_gsd

        sets["gsd"] = [p.doc.text for p in read_gsd(gsd, "dev") + read_gsd(gsd, "test")]
    lines = [x for docs in sets.values() for t in docs for x in t.split("\n") if x.strip()]
    rng = random.Random(20261202)
    sets["mixed"] = ["\n".join(rng.sample(lines, rng.randint(2, 9))) for _ in range(1500)]
    return sets


def runs(gsd: Path | None) -> Iterator[tuple[str, list[list[list]]]]:
    """(name, detections per text) for every case, in a fixed order."""
    from scanner.detect.detector import Detector

    fast = Detector().load()
    limited = Detector(entities=["PHONE_NUMBER", "JP_MY_NUMBER", "PERSON"]).load()
    low = Detector(threshold=0.3).load()
    for name, docs in _texts(gsd).items():
        contexts: Sequence[tuple[str, ...]] = [(), ("氏名",), ("電話番号",)]
        if name in ("gsd", "mixed", "special-care"):
            contexts = [(), ("病歴",)] if name == "special-care" else [()]
        for context in contexts:
            yield f"{name} analyze {context}", [_key(fast.analyze(t, context)) for t in docs]
        for context in contexts[:2]:
            yield f"{name} batch-per-doc {context}", [
                [_key(f) for f in fast.analyze_batch([x for x in t.split("\n")], context)]
                for t in docs
            ]
        lines = [x for t in docs for x in t.split("\n")]
        yield f"{name} batch-lines", [
            _key(f)
            for i in range(0, len(lines), BATCH)
            for f in fast.analyze_batch(lines[i : i + BATCH])
        ]
        if name in ("held-out", "special-care"):
            yield f"{name} analyze-lines", [_key(fast.analyze(x)) for x in lines]
        if name in ("development", "held-out"):
            yield f"{name} limited", [_key(limited.analyze(t)) for t in docs]
            yield f"{name} threshold 0.3", [_key(low.analyze(t, ("氏名",))) for t in docs]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--save", type=Path, help="write the detections to this JSON file")
    what.add_argument("--compare", type=Path, help="compare with a file --save wrote")
    parser.add_argument("--gsd", type=Path, help="fetched megagonlabs/UD_Japanese-GSD")
    parser.add_argument("--show", type=int, default=10, help="differences to print")
    args = parser.parse_args(argv)
    t = time.process_time()
    got = dict(runs(args.gsd))
    seconds = time.process_time() - t
    calls = sum(len(v) for v in got.values())
    print(f"{len(got)} cases, {calls} texts, {seconds:.1f} CPU s", file=sys.stderr)
    if args.save:
        args.save.write_text(json.dumps(got, ensure_ascii=False))
        print(f"saved to {args.save}")
        return 0
    want = json.loads(args.compare.read_text())
    shown = differing = 0
    for name in want.keys() | got.keys():
        a, b = want.get(name), got.get(name)
        if a is None or b is None or len(a) != len(b):
            print(f"{name}: case missing or of another length")
            differing += 1
            continue
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                differing += 1
                if shown < args.show:
                    shown += 1
                    print(f"{name} #{i}:\n  before {x}\n  after  {y}")
    print(f"{differing} differing texts of {calls}" if differing else f"identical: {calls} texts")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
