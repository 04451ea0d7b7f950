"""Reading fetched corpora: a git directory, a checkout, or a clone with nothing checked out."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from bench.real_prose_corpus import Source

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _git(cwd, *args):
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        cwd=cwd, check=True, capture_output=True,
    )  # fmt: skip


def test_a_clone_whose_work_tree_is_empty_is_read_from_its_git_directory(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "ja.wikipedia.conll").write_text("山田\tB-PERSON\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "x")
    assert Source(repo).read("ja.wikipedia.conll") == "山田\tB-PERSON\n"  # a checkout
    (repo / "ja.wikipedia.conll").unlink()  # as the mirror leaves IOB2Corpus: .git only
    assert Source(repo).read("ja.wikipedia.conll") == "山田\tB-PERSON\n"
