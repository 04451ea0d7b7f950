"""The same text gives the same detections, to the last bit of every score, whatever the
interpreter's string-hash seed (a name's dictionary kinds came from a frozenset, so the
scorer summed its weights in a seed-dependent order)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = """
import hashlib
from bench.heldout_corpus import generate
from scanner.detect.detector import Detector
d = Detector(mode="fast").load()
h = hashlib.sha1()
for doc in generate()[:200]:
    for x in d.analyze(doc.text):
        h.update(repr((x.entity, x.start, x.end, x.score, x.reasons)).encode())
print(h.hexdigest())
"""


def _run(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=300,
        cwd=ROOT, check=True,
    )  # fmt: skip
    return done.stdout


def test_detections_do_not_depend_on_the_hash_seed() -> None:
    assert _run("1") == _run("2") == _run("3")
