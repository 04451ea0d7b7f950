"""Detection benchmark: Kojin fast, Kojin deep and the presidio + GiNZA peer on one corpus.

    python bench/detect_bench.py [--small] [--skip-peer] [--skip-deep] [--json OUT]
                                 [--peer-docs N] [--errors N [--errors-system fast|deep|peer]]

Prints per-entity precision / recall / F1 and characters per second for each system,
Kojin on the full corpus and all three systems on a shared subset (the peer is slow), then
the ratios. Speed is measured on one core: total characters / wall time of ``analyze()``
calls, one document per call (Kojin fast: best of 3 passes); model loading (constructor
plus a first call) is reported separately. On each corpus it also sets Kojin fast's
``analyze()`` and ``analyze_batch()`` against raw SudachiPy tokenisation of the same texts
(split mode C, line by line as fast mode tokenises, nothing read from the morphemes),
interleaved per document and timed in CPU seconds, so a loaded machine skews all three alike.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a script: make `bench` and `scanner` importable
    sys.path.insert(0, str(ROOT))

from bench.detect_corpus import (  # noqa: E402
    DEFAULT_DOCS,
    SEED,
    SMALL_DOCS,
    Doc,
    Span,
    check,
    generate,
    stats,
)
from bench.metrics import MATCHING_RULE, Counts, Score, score  # noqa: E402

POLICY_SIX = ("PERSON", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS", "DATE_OF_BIRTH", "EMPLOYER")
ALL_ENTITIES = POLICY_SIX + (
    "JP_MY_NUMBER", "JP_PASSPORT", "JP_DRIVER_LICENSE", "JP_RESIDENCE_CARD",
    "JP_BASIC_PENSION_NUMBER", "JP_BANK_ACCOUNT", "CREDIT_CARD", "JP_CORPORATE_NUMBER",
)  # fmt: skip
PEER_DOCS = 300
FAST_REPEATS = 3  # fast mode is cheap: best of 3 passes damps noise from a shared machine
WARM_UP_TEXT = "山田太郎様 090-1234-5678"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


HELDOUT_PEER_DOCS = 150


def pin_to_one_core(cpu: int | None = None) -> str:
    """One BLAS/OpenMP thread and one CPU (default: the first allowed), for per-core figures."""
    if "numpy" in sys.modules:
        raise RuntimeError("numpy was imported before the thread limits were set")
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = "1"
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity)"
    cpu = min(os.sched_getaffinity(0)) if cpu is None else cpu
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def forbid_network() -> None:
    """Fail loudly if anything in this process tries to reach the network."""

    def hook(event: str, args: tuple) -> None:
        if event == "socket.getaddrinfo" and str(args[0]) not in LOCAL_HOSTS:
            raise RuntimeError(f"network access attempted: getaddrinfo({args[0]!r})")
        if event == "socket.connect" and isinstance(args[1], tuple):
            if str(args[1][0]) not in LOCAL_HOSTS:
                raise RuntimeError(f"network access attempted: connect({args[1]!r})")

    sys.addaudithook(hook)


@dataclass(frozen=True)
class Run:
    """One system's predictions and timings over ``docs``."""

    system: str
    docs: tuple[Doc, ...]
    predictions: tuple[tuple[Span, ...], ...]
    doc_seconds: tuple[float, ...]
    wall_seconds: float
    load_seconds: float

    @property
    def chars(self) -> int:
        return sum(len(d.text) for d in self.docs)

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.wall_seconds if self.wall_seconds else 0.0

    def head(self, n: int) -> Run:
        """The same run restricted to the first ``n`` documents (time from per-doc timings)."""
        return Run(
            self.system,
            self.docs[:n],
            self.predictions[:n],
            self.doc_seconds[:n],
            sum(self.doc_seconds[:n]),
            self.load_seconds,
        )

    def score(self) -> Score:
        return score(self.docs, self.predictions)


def run_system(
    system: str,
    analyze: Callable[[str], list[Span]],
    docs: Sequence[Doc],
    load_seconds: float,
    repeats: int = 1,
) -> Run:
    """Analyze each document; with ``repeats`` > 1 keep the timings of the fastest pass."""
    best: Run | None = None
    for _ in range(repeats):
        predictions: list[tuple[Span, ...]] = []
        doc_seconds: list[float] = []
        wall = time.perf_counter()
        for doc in docs:
            t = time.perf_counter()
            spans = analyze(doc.text)
            doc_seconds.append(time.perf_counter() - t)
            predictions.append(tuple(spans))
        wall = time.perf_counter() - wall
        run = Run(system, tuple(docs), tuple(predictions), tuple(doc_seconds), wall, load_seconds)
        if best is None or run.wall_seconds < best.wall_seconds:
            best = run
    assert best is not None
    return best


# --- Kojin ---------------------------------------------------------------------------


def _to_spans(detections) -> list[Span]:
    return [Span(d.start, d.end, str(d.entity), d.recognizer) for d in detections]


def load_kojin(mode: str):
    """``(detector, load seconds)``; load time covers the constructor and a first call."""
    from scanner.detect.detector import Detector

    t = time.perf_counter()
    detector = Detector(mode=mode)
    detector.analyze(WARM_UP_TEXT)
    return detector, time.perf_counter() - t


def batch_vs_loop(detector, texts: Sequence[str]) -> dict[str, object]:
    """analyze_batch(texts) against analyze() per text: speed and identical results."""
    chars = sum(len(t) for t in texts)
    t = time.perf_counter()
    looped = [_to_spans(detector.analyze(text)) for text in texts]
    loop_seconds = time.perf_counter() - t
    t = time.perf_counter()
    batched = [_to_spans(found) for found in detector.analyze_batch(list(texts))]
    batch_seconds = time.perf_counter() - t

    def key(spans: list[Span]) -> list[tuple[int, int, str]]:
        return sorted((s.start, s.end, s.entity) for s in spans)

    differing = sum(key(a) != key(b) for a, b in zip(looped, batched, strict=True))
    return {
        "texts": len(texts),
        "chars": chars,
        "loop_chars_per_second": chars / loop_seconds,
        "batch_chars_per_second": chars / batch_seconds,
        "batch_over_loop": loop_seconds / batch_seconds,
        "texts_with_different_results": differing,
    }


def tokenizer_ratio(detector, docs: Sequence[Doc], repeats: int = FAST_REPEATS) -> dict:
    """Kojin fast ``analyze``/``analyze_batch`` against raw SudachiPy on the same texts.

    Per document, in turn: ``analyze(doc)``, ``analyze_batch(doc's lines)`` and SudachiPy's
    ``tokenize`` (split mode C) on each piece fast mode would tokenise; CPU time
    (``time.process_time``) summed per system, best of ``repeats`` passes.
    """
    from sudachipy import Dictionary, SplitMode

    from scanner.detect.nlp.sudachi_engine import _pieces
    from scanner.detect.text_normalizer import normalize

    tokenizer = Dictionary(dict="core").create()
    mode = SplitMode.C
    lines = [[x for x in d.text.split("\n") if x.strip()] for d in docs]
    pieces = [[p for _, p in _pieces(normalize(d.text).text)] for d in docs]
    chars = sum(len(d.text) for d in docs)
    line_chars = sum(len(x) for ls in lines for x in ls)
    best = {"analyze": float("inf"), "analyze_batch": float("inf"), "sudachi": float("inf")}
    for _ in range(repeats):
        spent = dict.fromkeys(best, 0.0)
        for doc, doc_lines, doc_pieces in zip(docs, lines, pieces, strict=True):
            t = time.process_time()
            detector.analyze(doc.text)
            spent["analyze"] += time.process_time() - t
            t = time.process_time()
            detector.analyze_batch(doc_lines)
            spent["analyze_batch"] += time.process_time() - t
            t = time.process_time()
            for piece in doc_pieces:
                tokenizer.tokenize(piece, mode)
            spent["sudachi"] += time.process_time() - t
        best = {k: min(v, spent[k]) for k, v in best.items()}
    return {
        "docs": len(docs),
        "chars": chars,
        "analyze_chars_per_cpu_s": chars / best["analyze"],
        "analyze_batch_chars_per_cpu_s": line_chars / best["analyze_batch"],
        "sudachi_chars_per_cpu_s": chars / best["sudachi"],
        "analyze_over_sudachi": best["sudachi"] / best["analyze"],
        "analyze_batch_over_sudachi": (best["sudachi"] / chars)
        / (best["analyze_batch"] / line_chars),
        "note": "SudachiPy: tokenize() per line of the normalised text, normalising untimed",
    }


def ginza_share(detector, docs: Sequence[Doc]) -> dict[str, float]:
    """Deep analysis against the full ja_ginza pipeline alone, interleaved per document.

    Interleaving keeps the two figures comparable when other work shares the core.
    """
    import spacy

    nlp = spacy.load("ja_ginza")
    nlp(WARM_UP_TEXT)
    deep_seconds = ginza_seconds = 0.0
    for doc in docs:
        t = time.perf_counter()
        detector.analyze(doc.text)
        deep_seconds += time.perf_counter() - t
        t = time.perf_counter()
        nlp(doc.text)
        ginza_seconds += time.perf_counter() - t
    return {
        "ginza_seconds": ginza_seconds,
        "deep_seconds": deep_seconds,
        "share": ginza_seconds / deep_seconds,
    }


def _cli_module() -> str | None:
    """``scanner.cli`` if it runs with ``-m``, else ``scanner`` if that runs the CLI."""
    from importlib.util import find_spec

    spec = find_spec("scanner.cli")
    if spec is None:
        return None
    if spec.submodule_search_locations is None or find_spec("scanner.cli.__main__"):
        return "scanner.cli"
    return "scanner" if find_spec("scanner.__main__") else None


def cli_cold_start(repeats: int = 3) -> dict[str, object] | None:
    """Wall time of ``python -m scanner.cli detect ...``, or None if there is no CLI."""
    module = _cli_module()
    if module is None:
        return None
    command = [sys.executable, "-m", module, "detect", WARM_UP_TEXT]
    times: list[float] = []
    for _ in range(repeats):
        t = time.perf_counter()
        done = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
        )
        times.append(time.perf_counter() - t)
    error = done.stderr.strip().splitlines()[-1:] if done.returncode else []
    return {
        "command": f"python -m {module} detect '{WARM_UP_TEXT}'",
        "first": times[0],
        "median": statistics.median(times),
        "returncode": done.returncode,
        "error": error[0] if error else "",
        "imports": import_breakdown(module),
    }


#: the imports a cold ``kojin detect`` pays for: presidio-analyzer (which imports spaCy and
#: its predefined recognizers whatever Kojin asks of it), the CLI, and Kojin's own modules
_IMPORT_GROUPS = (
    "presidio_analyzer", "spacy", "presidio_analyzer.predefined_recognizers", "sudachipy",
    "typer", "scanner.cli", "scanner.detect.detector",
)  # fmt: skip


def import_breakdown(module: str) -> dict[str, float]:
    """Cumulative import seconds of the big parts of a cold ``kojin detect``
    (``python -X importtime``): where the start-up goes, so lazy imports can be judged."""
    command = [sys.executable, "-X", "importtime", "-m", module, "detect", WARM_UP_TEXT]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600,
                          check=False)  # fmt: skip
    seconds: dict[str, float] = {}
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        name = parts[2].strip()
        if name in _IMPORT_GROUPS:
            seconds[name] = max(seconds.get(name, 0.0), int(parts[1]) / 1e6)
    return seconds


# --- reporting -----------------------------------------------------------------------


def _entity_rows(result: Score) -> list[str]:
    rows = []
    entities = list(ALL_ENTITIES) + sorted(set(result.per_entity) - set(ALL_ENTITIES))
    for entity in entities:
        c = result.per_entity.get(entity, Counts())
        rows.append(_row(entity, c))
    rows.append("-" * 78)
    rows.append(_row("micro: policy six", result.micro(POLICY_SIX)))
    rows.append(_row("micro: all entities", result.micro()))
    return rows


def _row(label: str, c: Counts) -> str:
    return (
        f"{label:<26}{c.tp + c.fn:>6}{c.tp + c.fp:>6}{c.tp:>6}{c.fp:>6}{c.fn:>6}"
        f"{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}"
    )


def print_run(title: str, run: Run) -> Score:
    result = run.score()
    print(f"\n== {title}: {len(run.docs)} docs, {run.chars:,} chars ==")
    print(
        f"load {run.load_seconds:.2f} s | analysis {run.wall_seconds:.2f} s | "
        f"{run.chars_per_second:,.0f} chars/s"
    )
    print(f"{'entity':<26}{'gold':>6}{'pred':>6}{'TP':>6}{'FP':>6}{'FN':>6}"
          f"{'prec':>8}{'rec':>8}{'F1':>8}")  # fmt: skip
    for row in _entity_rows(result):
        print(row)
    return result


def run_figures(run: Run, result: Score) -> dict[str, object]:
    return {
        "docs": len(run.docs),
        "chars": run.chars,
        "analysis_seconds": round(run.wall_seconds, 4),
        "chars_per_second": round(run.chars_per_second, 1),
        "load_seconds": round(run.load_seconds, 4),
        "per_entity": {e: c.to_dict() for e, c in result.per_entity.items()},
        "micro_policy_six": result.micro(POLICY_SIX).to_dict(),
        "micro_all": result.micro().to_dict(),
    }


def _context(doc: Doc, span: Span, width: int = 14) -> str:
    text = doc.text
    left = text[max(0, span.start - width) : span.start]
    right = text[span.end : span.end + width]
    return f"{left}[{text[span.start : span.end]}]{right}".replace("\n", "⏎")


def _fp_cause(doc: Doc, span: Span) -> str:
    for decoy in doc.decoys:
        if decoy.start < span.end and span.start < decoy.end:
            return f"decoy {decoy.entity}"
    for gold in doc.spans:
        if gold.start < span.end and span.start < gold.end:
            return "duplicate" if gold.entity == span.entity else f"on gold {gold.entity}"
    return "template text"


def print_errors(run: Run, result: Score, limit: int) -> None:
    """The most frequent error groups with examples, and recall by value format."""
    docs = {d.id: d for d in run.docs}
    groups: dict[tuple[str, str, str], list] = defaultdict(list)
    for err in result.errors:
        doc = docs[err.doc_id]
        cause = err.span.kind if err.kind == "FN" else _fp_cause(doc, err.span)
        if err.kind == "FP":
            cause = f"{cause} (by {err.span.kind})"
        groups[(err.kind, err.span.entity, cause)].append((doc, err.span))
    print(f"\n== {run.system}: {limit} most frequent error groups ==")
    ranked = sorted(groups.items(), key=lambda kv: -len(kv[1]))[:limit]
    for (kind, entity, cause), items in ranked:
        print(f"{len(items):>5} {kind} {entity:<24} {cause}")
        for doc, span in items[:3]:
            print(f"        {doc.id}: {_context(doc, span)}")
    print(f"\n== {run.system}: recall by value format ==")
    totals = Counter((s.entity, s.kind) for d in run.docs for s in d.spans)
    missed = Counter((e.span.entity, e.span.kind) for e in result.errors if e.kind == "FN")
    for (entity, kind), total in sorted(totals.items()):
        print(f"{entity:<24} {kind:<34} {total:>5} {1 - missed[(entity, kind)] / total:>7.3f}")


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def _fmt_ratio(value: float | None, unit: str = "x") -> str:
    return "n/a" if value is None else f"{value:.3g}{unit}"


# --- main ----------------------------------------------------------------------------


def _try_load_kojin(mode: str):
    try:
        return load_kojin(mode)
    except Exception as exc:  # the detector, or one of its modes, may not exist yet
        print(f"\nKojin {mode} skipped: {type(exc).__name__}: {exc}")
        return None, 0.0


def measure(
    docs: Sequence[Doc], subset: Sequence[Doc], deep: bool, peer: bool
) -> tuple[dict[str, Run], dict[str, object]]:
    """Run every system; Kojin on ``docs``, the peer on ``subset`` (a prefix of docs)."""
    runs: dict[str, Run] = {}
    extra: dict[str, object] = {}
    fast_detector, load = _try_load_kojin("fast")
    if fast_detector is not None:
        analyze = fast_detector.analyze
        runs["fast"] = run_system(
            "Kojin fast", lambda s: _to_spans(analyze(s)), docs, load, repeats=FAST_REPEATS
        )
        lines = [line for d in docs for line in d.text.split("\n") if line.strip()]
        extra["fast_batch_vs_loop_lines"] = batch_vs_loop(fast_detector, lines)
        extra["fast_vs_sudachi"] = tokenizer_ratio(fast_detector, docs)
    deep_detector, load = _try_load_kojin("deep") if deep else (None, 0.0)
    if deep_detector is not None:
        analyze_deep = deep_detector.analyze
        runs["deep"] = run_system("Kojin deep", lambda s: _to_spans(analyze_deep(s)), docs, load)
        lines = [line for d in subset for line in d.text.split("\n") if line.strip()]
        extra["deep_batch_vs_loop_subset_lines"] = batch_vs_loop(deep_detector, lines)
        extra["deep_ginza_share_subset"] = ginza_share(deep_detector, subset)
    if peer:
        from bench.peer import Peer

        t = time.perf_counter()
        loaded = Peer.load()
        loaded.analyze(WARM_UP_TEXT)
        runs["peer"] = run_system("peer", loaded.analyze, subset, time.perf_counter() - t)
        extra["peer_recognizers"] = loaded.recognizers()
    return runs, extra


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help=f"{SMALL_DOCS} documents")
    parser.add_argument("--skip-peer", action="store_true")
    parser.add_argument("--skip-deep", action="store_true")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write all figures here")
    parser.add_argument("--peer-docs", type=int, default=PEER_DOCS, metavar="N",
                        help="size of the subset shared with the peer")  # fmt: skip
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="print the N most frequent error groups (with context)")  # fmt: skip
    parser.add_argument("--errors-system", choices=("fast", "deep", "peer"), default="fast",
                        help="whose errors --errors prints (default: fast)")  # fmt: skip
    parser.add_argument("--cpu", type=int, help="CPU to pin to (default: the first allowed)")
    parser.add_argument("--cold-start-only", action="store_true",
                        help="only time `kojin detect` from a cold start, with its imports")
    parser.add_argument("--skip-heldout", action="store_true",
                        help="skip the independent held-out corpus")  # fmt: skip
    args = parser.parse_args(argv)

    pinning = pin_to_one_core(args.cpu)
    forbid_network()
    figures: dict[str, object] = {}
    if args.cold_start_only:
        cold = cli_cold_start()
        print(json.dumps(cold, indent=2, ensure_ascii=False))
        if args.json:
            args.json.write_text(json.dumps({"cli_cold_start": cold}, indent=2) + "\n")
        return 0

    t = time.perf_counter()
    docs = generate(SMALL_DOCS if args.small else DEFAULT_DOCS)
    check(docs)
    corpus = stats(docs)
    n_subset = min(args.peer_docs, len(docs))
    subset = docs[:n_subset]
    subset_chars = sum(len(d.text) for d in subset)
    print("Kojin detection benchmark")
    print(f"corpus: {corpus['docs']:,} docs, {corpus['chars']:,} chars, seed {SEED} "
          f"(generated in {time.perf_counter() - t:.2f} s)")  # fmt: skip
    print("gold spans: " + ", ".join(f"{k} {v}" for k, v in corpus["gold"].items()))
    print(f"shared subset: first {n_subset} docs, {subset_chars:,} chars")
    print(f"machine: {pinning}; OMP/MKL/OPENBLAS threads 1; Python {platform.python_version()}")
    print(f"matching: {MATCHING_RULE}")
    figures["corpus"] = corpus | {"seed": SEED, "subset_docs": n_subset,
                                  "subset_chars": subset_chars}  # fmt: skip
    figures["environment"] = {"pinning": pinning, "python": platform.python_version(),
                              "machine": platform.machine()}  # fmt: skip
    figures["matching_rule"] = MATCHING_RULE

    runs, extra = measure(docs, subset, deep=not args.skip_deep, peer=not args.skip_peer)
    scores: dict[str, Score] = {}
    systems: dict[str, dict[str, object]] = {}
    for key, title in (("fast", "Kojin fast"), ("deep", "Kojin deep")):
        if key in runs:
            scores[key] = print_run(f"{title}, full corpus", runs[key])
            systems[f"{key}/full"] = run_figures(runs[key], scores[key])
    print(f"\n######## shared subset: first {n_subset} docs ########")
    for key, title in (("fast", "Kojin fast"), ("deep", "Kojin deep"), ("peer", "peer")):
        if key in runs:
            run = runs[key] if key == "peer" else runs[key].head(n_subset)
            scores[f"{key}/subset"] = print_run(f"{title}, shared subset", run)
            systems[f"{key}/subset"] = run_figures(run, scores[f"{key}/subset"])
    figures["systems"] = systems

    if not args.skip_heldout:
        _heldout(args, systems, scores, extra)

    cold = cli_cold_start()
    extra["cli_cold_start"] = cold
    figures["extra"] = extra
    figures["ratios"] = ratios = _ratios(systems)
    _print_summary(systems, ratios, extra)
    if args.errors and args.errors_system in runs:
        key = args.errors_system
        print_errors(runs[key], scores[key if key != "peer" else "peer/subset"], args.errors)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
        print(f"\nfigures written to {args.json}")
    return 0


def _heldout(args, systems: dict, scores: dict, heldout_extra: dict) -> None:
    """The same systems on bench/heldout_corpus.py, written apart from the recognizers."""
    from bench.heldout_corpus import check as check_heldout
    from bench.heldout_corpus import generate as generate_heldout

    docs = generate_heldout()
    check_heldout(docs)
    subset = docs[:HELDOUT_PEER_DOCS]
    chars = sum(len(d.text) for d in docs)
    print(f"\n######## held-out corpus: {len(docs)} docs, {chars:,} chars ########")
    runs, extra = measure(docs, subset, deep=not args.skip_deep, peer=not args.skip_peer)
    if "fast_vs_sudachi" in extra:
        heldout_extra["fast_vs_sudachi_heldout"] = extra["fast_vs_sudachi"]
    for key, title in (("fast", "Kojin fast"), ("deep", "Kojin deep")):
        if key in runs:
            scores[f"{key}/heldout"] = print_run(f"{title}, held-out", runs[key])
            systems[f"{key}/heldout"] = run_figures(runs[key], scores[f"{key}/heldout"])
    for key, title in (("fast", "Kojin fast"), ("peer", "peer")):
        if key in runs:
            run = runs[key] if key == "peer" else runs[key].head(len(subset))
            scores[f"{key}/heldout-subset"] = print_run(f"{title}, held-out subset", run)
            systems[f"{key}/heldout-subset"] = run_figures(run, scores[f"{key}/heldout-subset"])


def _f1(systems: dict, key: str, micro: str) -> float:
    return systems[key][micro]["f1"] if key in systems else 0.0


def _speed(systems: dict, key: str) -> float:
    return systems[key]["chars_per_second"] if key in systems else 0.0


RATIO_LABELS = (
    ("fast_over_peer_speed_subset", "Kojin fast / peer, speed (subset)"),
    ("fast_over_peer_f1_policy_six_subset", "Kojin fast / peer, F1 policy six (subset)"),
    ("fast_over_peer_f1_all_subset", "Kojin fast / peer, F1 all entities (subset)"),
    ("deep_over_fast_speed_full", "Kojin deep / fast, speed (full)"),
    ("deep_over_fast_f1_policy_six_full", "Kojin deep / fast, F1 policy six (full)"),
    ("deep_over_fast_f1_all_full", "Kojin deep / fast, F1 all entities (full)"),
)


def _ratios(systems: dict[str, dict]) -> dict[str, float | None]:
    return {
        "fast_over_peer_speed_subset": _ratio(
            _speed(systems, "fast/subset"), _speed(systems, "peer/subset")
        ),
        "fast_over_peer_f1_policy_six_subset": _ratio(
            _f1(systems, "fast/subset", "micro_policy_six"),
            _f1(systems, "peer/subset", "micro_policy_six"),
        ),
        "fast_over_peer_f1_all_subset": _ratio(
            _f1(systems, "fast/subset", "micro_all"), _f1(systems, "peer/subset", "micro_all")
        ),
        "deep_over_fast_speed_full": _ratio(
            _speed(systems, "deep/full"), _speed(systems, "fast/full")
        ),
        "deep_over_fast_f1_policy_six_full": _ratio(
            _f1(systems, "deep/full", "micro_policy_six"),
            _f1(systems, "fast/full", "micro_policy_six"),
        ),
        "deep_over_fast_f1_all_full": _ratio(
            _f1(systems, "deep/full", "micro_all"), _f1(systems, "fast/full", "micro_all")
        ),
    }


def _print_summary(systems: dict, ratios: dict, extra: dict) -> None:
    print("\n######## summary ########")
    print(f"{'system':<22}{'docs':>6}{'chars':>9}{'chars/s':>11}{'load s':>8}"
          f"{'F1 six':>8}{'F1 all':>8}")  # fmt: skip
    for key, figures in systems.items():
        print(
            f"{key:<22}{figures['docs']:>6}{figures['chars']:>9,}"
            f"{figures['chars_per_second']:>11,.0f}{figures['load_seconds']:>8.2f}"
            f"{figures['micro_policy_six']['f1']:>8.3f}{figures['micro_all']['f1']:>8.3f}"
        )
    print("(F1 six = micro-average over the policy six: " + ", ".join(POLICY_SIX) + ")")
    for key, label in RATIO_LABELS:
        print(f"{label:<46}{_fmt_ratio(ratios[key])}")
    for key, label in (
        ("fast_batch_vs_loop_lines", "fast, full corpus split into lines"),
        ("deep_batch_vs_loop_subset_lines", "deep, subset split into lines"),
    ):
        if key in extra:
            b = extra[key]
            print(
                f"analyze_batch vs analyze() loop ({label}, {b['texts']:,} texts): "
                f"{b['batch_chars_per_second']:,.0f} vs {b['loop_chars_per_second']:,.0f} chars/s "
                f"= {b['batch_over_loop']:.2f}x; texts with different results: "
                f"{b['texts_with_different_results']}"
            )
    for key, label in (("fast_vs_sudachi", "development"), ("fast_vs_sudachi_heldout", "held-out")):
        if key in extra:
            r = extra[key]
            print(
                f"Kojin fast vs raw SudachiPy ({label}, {r['docs']} docs, CPU time): analyze "
                f"{r['analyze_chars_per_cpu_s']:,.0f}, analyze_batch (lines) "
                f"{r['analyze_batch_chars_per_cpu_s']:,.0f}, SudachiPy tokenize "
                f"{r['sudachi_chars_per_cpu_s']:,.0f} chars/s; analyze / SudachiPy "
                f"{r['analyze_over_sudachi']:.2f}, analyze_batch / SudachiPy "
                f"{r['analyze_batch_over_sudachi']:.2f}"
            )
    if "deep_ginza_share_subset" in extra:
        g = extra["deep_ginza_share_subset"]
        print(
            f"deep profile (subset, interleaved per doc): ja_ginza pipeline alone "
            f"{g['ginza_seconds']:.2f} s vs {g['deep_seconds']:.2f} s deep analysis "
            f"= {g['share']:.0%} of deep time"
        )
    cold = extra.get("cli_cold_start")
    if cold is None:
        print("kojin detect cold start: skipped (no scanner.cli)")
    else:
        print(
            f"kojin detect cold start ({cold['command']}): {cold['first']:.2f} s first, "
            f"{cold['median']:.2f} s median of 3 (exit code {cold['returncode']}) {cold['error']}"
        )


if __name__ == "__main__":
    sys.exit(main())
