"""Walk a share: which files to scan, and which folders and links to refuse, with reasons.

The crawl only stats (no reading) so planning a million-file share stays cheap. It never
leaves the root: symlinks are skipped unless ``follow_links`` is set, and then their
resolved target must lie inside the resolved root; a link back to an ancestor folder is
a loop and is reported, not followed.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from connectors.glob_patterns import glob_regex


@dataclass(frozen=True)
class CrawlEntry:
    path: str  # relative to root, "/"-separated, as the file system spells it
    display: str  # the same path as readable text (NFC; cp932 names decoded)
    size: int
    mtime_ns: int
    name_issue: str | None = None  # why the name is not plain UTF-8, if it is not


@dataclass(frozen=True)
class CrawlProblem:
    path: str  # display form
    kind: str  # permission, vanished, symlink_loop, outside_root, broken_link, special_file
    message: str


class GlobSet:
    """Globs on root-relative paths. ``**`` spans folders; a pattern without ``/`` matches
    the file name at any depth (``*.log``); matching ignores case, as Windows shares do."""

    def __init__(self, patterns: Iterable[str]) -> None:
        self._name: list[re.Pattern[str]] = []
        self._path: list[re.Pattern[str]] = []
        for pattern in patterns:
            pattern = pattern.strip().replace("\\", "/").lstrip("/")
            if not pattern:
                continue
            target = self._path if "/" in pattern else self._name
            target.append(re.compile(glob_regex(pattern), re.IGNORECASE | re.DOTALL))

    def __bool__(self) -> bool:
        return bool(self._name or self._path)

    def match(self, rel: str) -> bool:
        name = rel.rsplit("/", 1)[-1]
        return any(p.fullmatch(name) for p in self._name) or any(
            p.fullmatch(rel) for p in self._path
        )

    def match_dir(self, rel: str) -> bool:
        """True if the folder itself, or everything under it, is matched."""
        return self.match(rel) or any(p.fullmatch(rel + "/") for p in self._path)


def display_path(rel: str) -> tuple[str, str | None]:
    """A readable, stable form of a relative path, and what was wrong with its bytes.

    macOS writes names in NFD, old Windows tools in cp932 bytes; the display form is NFC
    text so the same file has the same location whichever way its name was written.
    """
    raw = os.fsencode(rel)
    try:
        text = raw.decode("utf-8")
        issue = None
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp932")
            issue = "file name is not UTF-8; read as cp932"
        except UnicodeDecodeError:
            text = raw.decode("utf-8", errors="backslashreplace")
            issue = "file name is not valid UTF-8 or cp932"
    return unicodedata.normalize("NFC", text), issue


def is_inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def crawl(
    root: Path,
    include: GlobSet,
    exclude: GlobSet,
    follow_links: bool = False,
) -> Iterator[CrawlEntry | CrawlProblem]:
    """Files under ``root`` in a stable order, interleaved with the problems met."""
    root_real = os.path.realpath(root)
    top = os.stat(root_real)
    stack: list[tuple[str, str, frozenset[tuple[int, int]]]] = [
        (root_real, "", frozenset({(top.st_dev, top.st_ino)}))
    ]
    seen_dirs: set[tuple[int, int]] = set()
    while stack:
        dir_path, dir_rel, ancestors = stack.pop()
        try:
            with os.scandir(dir_path) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield CrawlProblem(display_path(dir_rel or ".")[0], _os_kind(exc), _os_reason(exc))
            continue
        subdirs: list[tuple[str, str, frozenset[tuple[int, int]]]] = []
        for entry in entries:
            rel = f"{dir_rel}/{entry.name}" if dir_rel else entry.name
            shown = display_path(rel)[0]
            is_link = False
            try:
                is_link = entry.is_symlink()
                if is_link:
                    if not follow_links:
                        continue
                    target = os.path.realpath(entry.path)
                    if not is_inside(target, root_real):
                        yield CrawlProblem(shown, "outside_root", "link points outside the root")
                        continue
                    st = os.stat(entry.path)
                else:
                    st = entry.stat(follow_symlinks=False)
            except OSError as exc:
                yield CrawlProblem(shown, _os_kind(exc, link=is_link), _os_reason(exc))
                continue
            if stat.S_ISDIR(st.st_mode):
                if exclude.match_dir(rel):
                    continue
                key = (st.st_dev, st.st_ino)
                if key in ancestors:
                    yield CrawlProblem(shown, "symlink_loop", "link leads back to a parent folder")
                    continue
                if key in seen_dirs:
                    continue  # the same folder reached through a second link
                seen_dirs.add(key)
                subdirs.append((entry.path, rel, ancestors | {key}))
            elif stat.S_ISREG(st.st_mode):
                if include.match(rel) and not exclude.match(rel):
                    display, issue = display_path(rel)
                    yield CrawlEntry(rel, display, st.st_size, st.st_mtime_ns, issue)
            elif include.match(rel) and not exclude.match(rel):
                yield CrawlProblem(shown, "special_file", "not a regular file (device, FIFO...)")
        stack.extend(reversed(subdirs))


def _opened_inside(fd: int, path: str | bytes, root: str | os.PathLike) -> bool:
    """Is the file open on ``fd`` inside ``root``? Linux names it in /proc; elsewhere the
    path as it resolves now must be inside and be the very file that is open."""
    real_root = os.fsencode(os.path.realpath(root)).rstrip(b"/")
    try:
        opened = os.readlink(os.fsencode(f"/proc/self/fd/{fd}"))
    except OSError:
        opened = os.fsencode(os.path.realpath(path))
        try:
            now, held = os.stat(opened), os.fstat(fd)
        except OSError:
            return False
        if (now.st_dev, now.st_ino) != (held.st_dev, held.st_ino):
            return False
    return opened.startswith(real_root + b"/")


def _os_kind(exc: OSError, link: bool = False) -> str:
    if isinstance(exc, PermissionError):
        return "permission"
    if isinstance(exc, FileNotFoundError):
        return "broken_link" if link else "vanished"
    if exc.errno == 40:  # ELOOP: a link chain that never ends
        return "symlink_loop"
    return "unreadable"


def _os_reason(exc: OSError) -> str:
    """The OS's own words for the error, without the path (which the location holds)."""
    return exc.strerror or type(exc).__name__


def open_regular(
    path: str | bytes, follow_links: bool, root: str | os.PathLike | None = None
) -> BinaryIO:
    """Open a file for reading without following a link (unless allowed) or blocking.

    O_NOFOLLOW stops a file swapped for a symlink after the crawl from leading outside
    the root, but it guards the last component only: a folder on the way swapped for a
    link still leads out. So, given ``root``, the file actually opened is checked to lie
    inside it (its path from the descriptor, after opening: no race). O_NONBLOCK stops a
    FIFO from hanging the scan; fstat proves it is a file.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        if not follow_links and root is not None and not _opened_inside(fd, path, root):
            raise OSError(errno.ELOOP, "a folder on the path is a link out of the root")
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise IsADirectoryError(21, "not a regular file")
        return os.fdopen(fd, "rb", buffering=1024 * 1024)
    except BaseException:
        os.close(fd)
        raise
