"""A clone is self-contained: nothing points outside the repository."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: spelt in two parts so that this file does not itself point there
SIBLING_SHARED = "../" + "shared/"


def test_nothing_points_into_a_sibling_shared_folder() -> None:
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()  # fmt: skip
    offenders = []
    for name in files:
        path = ROOT / name
        if path.suffix not in {".py", ".md", ".toml", ".txt", ".j2", ".yaml", ".json", ""}:
            continue
        if not path.is_file():
            continue
        if SIBLING_SHARED in path.read_text(encoding="utf-8", errors="replace"):
            offenders.append(name)
    assert offenders == []


def test_the_example_catalog_quotes_the_shipped_policy() -> None:
    policy = (ROOT / "examples" / "個人情報保護方針.txt").read_text(encoding="utf-8")
    from scanner.config import load_config

    config = load_config(ROOT / "config.example.toml")
    assert config.catalog.purposes
    for purpose in config.catalog.purposes:
        assert purpose.name in policy, purpose.name
