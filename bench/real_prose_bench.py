"""Real-prose benchmark: names in annotated Japanese corpora, beside the synthetic corpora.

    python -m bench.real_prose_bench --gsd PATH --wac PATH --kwdlc PATH [--kwdlc-split test|train]
        [--iob2 PATH [--iob2-half both|dev|even|confirm|odd|all]] [--skip-peer] [--skip-deep]
        [--skip-synthetic] [--limit N] [--errors N]
        [--coverage] [--json OUT]

PATH is a fetched repository (the search tool's ``fetch`` leaves a git directory under
/work/.mirror/; a checked-out folder works too): megagonlabs/UD_Japanese-GSD,
ku-nlp/WikipediaAnnotatedCorpus, ku-nlp/KWDLC and Hironsan/IOB2Corpus (a confirm set, like
KWDLC). Nothing of them is committed. For each
corpus it prints PERSON precision, recall and F1 for Kojin fast, Kojin deep and the
presidio + GiNZA peer, and for every entity the share of sentences *without* personal
data on which it fired (a false alarm).
ja_ginza's model card names UD Japanese BCCWJ and GSK2014-A as its training data, not
GSD; KWDLC's test split is the honest figure for Kojin (nothing is trained or tuned on
it). The fast mode's person scorer is trained on the GSD and Wikipedia Annotated Corpus
train splits (bench/train_person_scorer.py), so only their dev/test splits are reported.
The synthetic corpus (bench/detect_corpus.py) runs in the same process, and fast mode's
``analyze_batch`` speed is measured on the prose sentences.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

from bench.detect_bench import (  # noqa: E402
    FAST_REPEATS,
    WARM_UP_TEXT,
    Run,
    _to_spans,
    forbid_network,
    load_kojin,
    pin_to_one_core,
    run_system,
)
from bench.metrics import Counts  # noqa: E402
from bench.real_prose_corpus import PERSON, ProseDoc, gsd, iob2, knp  # noqa: E402

SYSTEMS = ("fast", "deep", "peer")


def false_alarms(docs: Sequence[ProseDoc], run: Run) -> tuple[int, dict[str, int]]:
    """(sentences without personal data, per entity: how many of them it fired on)."""
    clean = 0
    fired: Counter[str] = Counter()
    for prose, predicted in zip(docs, run.predictions, strict=True):
        for (start, end), personal in zip(prose.sentences, prose.personal_sentences(), strict=True):
            if personal:
                continue
            clean += 1
            for entity in {p.entity for p in predicted if p.start < end and start < p.end}:
                fired[entity] += 1
    return clean, dict(fired)


def person_counts(run: Run) -> Counts:
    return run.score().per_entity.get(PERSON, Counts())


def measure(docs: Sequence[ProseDoc], systems: Sequence[str], loaded: dict) -> dict[str, Run]:
    plain = [p.doc for p in docs]
    runs: dict[str, Run] = {}
    for key in systems:
        analyzer, load_seconds = loaded[key]
        repeats = FAST_REPEATS if key == "fast" else 1
        runs[key] = run_system(key, analyzer, plain, load_seconds, repeats=repeats)
    return runs


def _load(systems: Sequence[str]) -> dict:
    loaded: dict = {}
    for key in systems:
        if key == "peer":
            from bench.peer import Peer

            t = time.perf_counter()
            peer = Peer.load()
            peer.analyze(WARM_UP_TEXT)
            loaded[key] = (peer.analyze, time.perf_counter() - t)
        else:
            detector, seconds = load_kojin(key)
            loaded[key] = (lambda s, d=detector: _to_spans(d.analyze(s)), seconds)
            loaded[f"{key}/detector"] = detector
    return loaded


def report(name: str, docs: Sequence[ProseDoc], runs: dict[str, Run]) -> dict:
    chars = sum(len(p.doc.text) for p in docs)
    gold = sum(len(p.doc.spans) for p in docs)
    sentences = sum(len(p.sentences) for p in docs)
    print(f"\n######## {name}: {len(docs):,} docs, {sentences:,} sentences, {chars:,} chars, "
          f"{gold} gold names ########")  # fmt: skip
    print(f"{'system':<8}{'TP':>6}{'FP':>6}{'FN':>6}{'prec':>8}{'rec':>8}{'F1':>8}"
          f"{'chars/s':>11}   false alarms (share of sentences without personal data)")  # fmt: skip
    out: dict = {"docs": len(docs), "sentences": sentences, "chars": chars, "gold": gold}
    for key, run in runs.items():
        c = person_counts(run)
        clean, fired = false_alarms(docs, run)
        alarms = ", ".join(
            f"{e} {n / clean:.1%}" for e, n in sorted(fired.items(), key=lambda kv: -kv[1])
        )
        print(f"{key:<8}{c.tp:>6}{c.fp:>6}{c.fn:>6}{c.precision:>8.3f}{c.recall:>8.3f}"
              f"{c.f1:>8.3f}{run.chars_per_second:>11,.0f}"
              f"   [{clean}] {alarms or '-'}")  # fmt: skip
        out[key] = {
            "person": c.to_dict(),
            "chars_per_second": round(run.chars_per_second, 1),
            "clean_sentences": clean,
            "false_alarm_rate": {e: round(n / clean, 4) for e, n in fired.items()},
        }
    return out


def print_errors(docs: Sequence[ProseDoc], run: Run, limit: int) -> None:
    """Sample person errors (FN and FP) with a little context, most common surfaces first."""
    by_kind: dict[str, Counter] = defaultdict(Counter)
    example: dict[tuple[str, str], str] = {}
    for err in run.score().errors:
        if err.span.entity != PERSON:
            continue
        doc = next(p.doc for p in docs if p.doc.id == err.doc_id)
        value = doc.text[err.span.start : err.span.end]
        by_kind[err.kind][value] += 1
        left = doc.text[max(0, err.span.start - 10) : err.span.start]
        right = doc.text[err.span.end : err.span.end + 10]
        example.setdefault((err.kind, value), f"{left}[{value}]{right}")
    for kind in ("FP", "FN"):
        print(f"\n== {run.system}: {kind} names ({sum(by_kind[kind].values())}) ==")
        for value, n in by_kind[kind].most_common(limit):
            print(f"{n:>4}  {example[(kind, value)]}")


def coverage(docs: Sequence[ProseDoc], run: Run) -> dict[str, int]:
    """Where fast mode loses the gold names: no scorer candidate, one scored low, or found.

    A gold name is ``found`` when a predicted PERSON overlaps it; otherwise ``low`` when a
    scorer candidate overlaps it (with its best probability, below the threshold), else
    ``no candidate`` (Sudachi's tokens give no run that could be a name).
    """
    from scanner.detect.nlp.sudachi_engine import SudachiNlpEngine
    from scanner.detect.recognizers.jp_person_recognizer import honorific_at
    from scanner.detect.recognizers.person_scorer import PersonScorer, candidate_features
    from scanner.detect.text_normalizer import normalize

    engine = SudachiNlpEngine()
    engine.load()
    scorer = PersonScorer.load()
    out: Counter[str] = Counter()
    for prose, predicted in zip(docs, run.predictions, strict=True):
        norm = normalize(prose.doc.text)
        ms = engine.morphemes(norm.text)
        scored = []
        for cand, feats in candidate_features(norm.text, ms, engine, honorific_at):
            start, end = norm.original_span(cand.start, cand.end)
            scored.append((start, end, scorer.probability(feats)))
        for g in prose.doc.spans:
            if any(p.entity == PERSON and p.start < g.end and g.start < p.end for p in predicted):
                out["found"] += 1
            elif any(s < g.end and g.start < e for s, e, _ in scored):
                out["candidate scored low"] += 1
            else:
                out["no candidate"] += 1
    return dict(out)


def batch_speed(detector, docs: Sequence[ProseDoc]) -> dict[str, float]:
    """Fast mode's analyze_batch over the corpus' sentences (as a connector hands them)."""
    texts = [p.doc.text[s:e] for p in docs for s, e in p.sentences]
    chars = sum(len(t) for t in texts)
    best = float("inf")
    for _ in range(FAST_REPEATS):
        t = time.perf_counter()
        detector.analyze_batch(texts)
        best = min(best, time.perf_counter() - t)
    return {"texts": len(texts), "chars": chars, "chars_per_second": round(chars / best, 1)}


def synthetic(systems: Sequence[str], loaded: dict, n_docs: int) -> dict:
    """The generated corpus of bench/detect_corpus.py, same systems, same process."""
    from bench.detect_corpus import generate

    docs = generate(n_docs)
    runs = {}
    for key in systems:
        analyzer, seconds = loaded[key]
        subset = docs if key == "fast" else docs[: n_docs // 2]
        runs[key] = run_system(key, analyzer, subset, seconds)
    print(f"\n######## synthetic corpus (bench/detect_corpus.py): {n_docs} docs ########")
    print(f"{'system':<8}{'docs':>6}{'prec':>8}{'rec':>8}{'F1':>8}{'PERSON F1':>11}{'chars/s':>11}")
    out = {}
    for key, run in runs.items():
        result = run.score()
        micro = result.micro()
        per = result.per_entity.get(PERSON, Counts())
        print(f"{key:<8}{len(run.docs):>6}{micro.precision:>8.3f}{micro.recall:>8.3f}"
              f"{micro.f1:>8.3f}{per.f1:>11.3f}{run.chars_per_second:>11,.0f}")  # fmt: skip
        out[key] = {"micro_all": micro.to_dict(), "person": per.to_dict(),
                    "chars_per_second": round(run.chars_per_second, 1)}  # fmt: skip
    return out


def iob2_half(docs: Sequence[ProseDoc], half: str) -> list[ProseDoc]:
    """IOB2Corpus's Wikipedia paragraphs split by paragraph index: even = dev, odd = confirm.

    Error analysis looks at the dev half only; the confirm half is run once to confirm.
    """
    parity = 0 if half == "dev" else 1
    return [p for p in docs if int(p.doc.id.rsplit("-", 1)[1]) % 2 == parity]


#: KWDLC's splits: test is the confirm set; train may be read for errors (never trained on)
KWDLC_SETS = {
    "test": "KWDLC test (web documents, confirm set)",
    "train": "KWDLC train (web documents, error reading only)",
}


def corpora(args) -> dict[str, list[ProseDoc]]:
    sets: dict[str, list[ProseDoc]] = {}
    if args.gsd:
        sets["GSD dev+test"] = gsd(args.gsd, "dev") + gsd(args.gsd, "test")
    if args.wac:
        sets["Wikipedia Annotated Corpus test"] = knp(args.wac, "test")
    if args.kwdlc:
        sets[KWDLC_SETS[args.kwdlc_split]] = knp(args.kwdlc, args.kwdlc_split)
    if args.fkc:
        sets["FKC complaints, all (business prose, confirm set)"] = knp(args.fkc, "train") + knp(
            args.fkc, "test"
        )
    if args.iob2:
        wiki = iob2(args.iob2, "wikipedia")
        half = {"even": "dev", "odd": "confirm"}.get(args.iob2_half, args.iob2_half)
        if half in ("dev", "both"):
            sets["IOB2Corpus Wikipedia paragraphs, dev half (even)"] = iob2_half(wiki, "dev")
        if half in ("confirm", "both"):
            sets["IOB2Corpus Wikipedia paragraphs, confirm half (odd)"] = iob2_half(wiki, "confirm")
        if half == "all":
            sets["IOB2Corpus Wikipedia paragraphs (confirm set)"] = wiki
        if half != "dev":
            sets["IOB2Corpus Wikinews (confirm set)"] = iob2(args.iob2, "wikinews")
    if args.limit:
        sets = {k: v[: args.limit] for k, v in sets.items()}
    return sets


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gsd", type=Path, help="fetched megagonlabs/UD_Japanese-GSD")
    parser.add_argument("--kwdlc", type=Path, help="fetched ku-nlp/KWDLC")
    parser.add_argument(
        "--kwdlc-split", choices=tuple(KWDLC_SETS), default="test",
        help="KWDLC split: test (the confirm set) or train (to read errors; never trained on)",
    )  # fmt: skip
    parser.add_argument(
        "--fkc", type=Path, help="fetched ku-nlp/AnnotatedFKCCorpus (consumer complaints)"
    )
    parser.add_argument("--wac", type=Path, help="fetched ku-nlp/WikipediaAnnotatedCorpus")
    parser.add_argument("--iob2", type=Path, help="fetched Hironsan/IOB2Corpus (confirm set)")
    parser.add_argument(
        "--iob2-half", choices=("both", "dev", "even", "confirm", "odd", "all"), default="both",
        help="IOB2Corpus Wikipedia paragraphs: even = dev / odd = confirm halves, or all",
    )  # fmt: skip
    parser.add_argument("--skip-peer", action="store_true")
    parser.add_argument("--skip-deep", action="store_true")
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--synthetic-docs", type=int, default=400, metavar="N")
    parser.add_argument("--limit", type=int, default=0, metavar="N", help="first N docs per set")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="print the N most common missed and false names")  # fmt: skip
    parser.add_argument("--errors-system", choices=SYSTEMS, default="fast")
    parser.add_argument(
        "--coverage", action="store_true", help="gold names: no candidate / scored low / found"
    )
    parser.add_argument("--json", type=Path, metavar="OUT")
    parser.add_argument("--cpu", type=int, help="CPU to pin to (default: the first allowed)")
    args = parser.parse_args(argv)
    if not (args.gsd or args.kwdlc or args.wac or args.iob2 or args.fkc):
        parser.error("give --gsd, --wac, --kwdlc, --iob2 and/or --fkc (README: how to fetch them)")
    pinning = pin_to_one_core(args.cpu)
    forbid_network()
    systems = [
        s
        for s in SYSTEMS
        if not (s == "peer" and args.skip_peer) and not (s == "deep" and args.skip_deep)
    ]
    print(f"Kojin real-prose benchmark ({pinning}); systems: {', '.join(systems)}")
    print("matching: a predicted PERSON overlapping an unmatched gold name is a true positive")
    loaded = _load(systems)
    figures: dict = {"systems": systems}
    for name, docs in corpora(args).items():
        runs = measure(docs, systems, loaded)
        figures[name] = report(name, docs, runs)
        if "fast/detector" in loaded:
            speed = batch_speed(loaded["fast/detector"], docs)
            figures[name]["fast_analyze_batch"] = speed
            print(f"fast analyze_batch over {speed['texts']:,} sentences: "
                  f"{speed['chars_per_second']:,.0f} chars/s")  # fmt: skip
        if args.coverage and "fast" in runs:
            cov = coverage(docs, runs["fast"])
            figures[name]["fast_coverage"] = cov
            print("fast, gold names: " + ", ".join(f"{k} {v}" for k, v in sorted(cov.items())))
        if args.errors and args.errors_system in runs:
            print_errors(docs, runs[args.errors_system], args.errors)
    if not args.skip_synthetic:
        figures["synthetic"] = synthetic(systems, loaded, args.synthetic_docs)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
