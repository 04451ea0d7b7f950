"""Crawling: globs, links that loop or leave the root, unreadable folders, odd names."""

from __future__ import annotations

import json
import os
import pickle
import unicodedata
from pathlib import Path

import pytest

from connectors.base import SourceError
from connectors.files.crawler import CrawlEntry, CrawlProblem, GlobSet, crawl
from connectors.files.source import FilesSource
from tests.connectors.files.conftest import make_config, scan


def _crawl(root: Path, include=("**/*",), exclude=(), follow=False):
    items = list(crawl(root, GlobSet(include), GlobSet(exclude), follow))
    files = [i.display for i in items if isinstance(i, CrawlEntry)]
    problems = {(p.path, p.kind) for p in items if isinstance(p, CrawlProblem)}
    return files, problems


def _tree(root: Path) -> None:
    for rel in ["a.txt", "logs/app.log", "logs/old/app.1.log", "node_modules/x.js", "B.CSV"]:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("x")


def test_globs(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert _crawl(tmp_path)[0] == [
        "B.CSV",
        "a.txt",
        "logs/app.log",
        "logs/old/app.1.log",
        "node_modules/x.js",
    ]
    assert _crawl(tmp_path, include=["*.log"])[0] == ["logs/app.log", "logs/old/app.1.log"]
    assert _crawl(tmp_path, include=["logs/*.log"])[0] == ["logs/app.log"]
    assert _crawl(tmp_path, include=["*.csv"])[0] == ["B.CSV"]  # case-insensitive
    assert _crawl(tmp_path, exclude=["node_modules", "logs/old/**"])[0] == [
        "B.CSV",
        "a.txt",
        "logs/app.log",
    ]


def test_glob_set_patterns() -> None:
    globs = GlobSet(["**/tmp/**", "[!a]*.txt"])
    assert globs.match_dir("x/tmp") and globs.match("tmp/a.bin")
    assert globs.match("b.txt") and not globs.match("a.txt")


def test_symlinks_are_skipped_unless_followed_and_never_leave_the_root(tmp_path: Path) -> None:
    root = tmp_path / "root"
    outside = tmp_path / "outside"
    (root / "docs").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text("x")
    (root / "docs" / "a.txt").write_text("x")
    os.symlink(outside, root / "escape")
    os.symlink(outside / "secret.txt", root / "secret_link.txt")
    os.symlink(root / "docs", root / "docs" / "loop")  # a loop back to its own folder
    os.symlink(root / "docs" / "a.txt", root / "alias.txt")
    os.symlink(root / "missing", root / "dangling")
    files, problems = _crawl(root)
    assert files == ["docs/a.txt"] and problems == set()
    files, problems = _crawl(root, follow=True)
    assert files == ["alias.txt", "docs/a.txt"]
    assert problems == {
        ("escape", "outside_root"),
        ("secret_link.txt", "outside_root"),
        ("docs/loop", "symlink_loop"),
        ("dangling", "broken_link"),
    }


def test_a_loop_of_links_is_reported(tmp_path: Path) -> None:
    os.symlink(tmp_path / "b", tmp_path / "a")
    os.symlink(tmp_path / "a", tmp_path / "b")
    _, problems = _crawl(tmp_path, follow=True)
    assert {kind for _, kind in problems} <= {"symlink_loop", "outside_root"}
    assert len(problems) == 2


def test_unreadable_folder_is_reported_and_the_crawl_goes_on(tmp_path, monkeypatch) -> None:
    _tree(tmp_path)
    locked = str(tmp_path / "logs")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, problems = _crawl(tmp_path)
    assert files == ["B.CSV", "a.txt", "node_modules/x.js"]
    assert problems == {("logs", "permission")}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads anything; the monkeypatch test covers it")
def test_unreadable_folder_for_real(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / "logs").chmod(0)
    try:
        _, problems = _crawl(tmp_path)
    finally:
        (tmp_path / "logs").chmod(0o755)
    assert problems == {("logs", "permission")}


def test_nfd_and_cp932_names(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "ガイド.txt")
    (tmp_path / nfd).write_text("山田太郎 090-1234-5678")
    raw = os.path.join(os.fsencode(tmp_path), "顧客.txt".encode("cp932"))
    with open(raw, "wb") as f:
        f.write("佐藤花子 03-1234-5678".encode("cp932"))
    out = scan(tmp_path)
    units = list(FilesSource(make_config(tmp_path)).work_units())
    json.dumps([u.payload for u in units], ensure_ascii=False).encode("utf-8")  # no surrogates
    assert out.entities("ガイド.txt") == {"PERSON", "PHONE_NUMBER"}  # shown in NFC
    assert out.entities("顧客.txt") == {"PERSON", "PHONE_NUMBER"}  # decoded as cp932
    assert out.error_kinds("顧客.txt") == {"file_name"}
    assert out.error_kinds("ガイド.txt") == set()


def test_work_units_are_plain_picklable_batches(tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"f{i}.txt").write_text("x")
    source = FilesSource(make_config(tmp_path, files_per_unit=2))
    units = list(source.work_units())
    assert [len(u.payload["files"]) for u in units] == [2, 2, 1]
    assert [u.key.partition("#")[0] for u in units] == ["f0.txt", "f2.txt", "f4.txt"]
    assert pickle.loads(pickle.dumps(units)) == units
    assert units[0].size_hint == 2


def test_test_connection(tmp_path: Path) -> None:
    FilesSource(make_config(tmp_path)).test_connection()
    with pytest.raises(SourceError, match="does not exist"):
        FilesSource(make_config(tmp_path / "nope")).test_connection()
    (tmp_path / "f").write_text("x")
    with pytest.raises(SourceError, match="not a folder"):
        FilesSource(make_config(tmp_path / "f")).test_connection()
