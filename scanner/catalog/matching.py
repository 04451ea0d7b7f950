"""Which catalog entry a finding's location falls in, and whether two entries can overlap.

Database places are matched as ``schema/table`` and file places as their root-relative
path, both with the file source's glob rules: ``*`` and ``?`` stay inside one segment,
``**`` spans segments, ``[...]`` is a character class, case is ignored, and a pattern
without a separator matches the last segment at any depth (``*.csv``, ``customers``);
a file pattern starting with ``/`` is anchored at the root (``/顧客リスト.csv``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from connectors.glob_patterns import glob_regex
from scanner.catalog.models import LocationMatch

# a character class: a literal, any character but the separator, or any character
_ANY = "\x00any"
_ANY_NOT_SEP = "\x00seg"


def table_glob(pattern: str) -> str:
    """``customers`` → any schema; ``hr.staff_*`` → that schema. As a ``/`` glob."""
    schema, dot, table = pattern.strip().rpartition(".")
    return f"{schema}/{table}" if dot else f"*/{table}"


def schema_glob(pattern: str) -> str:
    return f"{pattern.strip()}/*"


def path_glob(pattern: str) -> str:
    """A leading ``/`` anchors at the root (``/顧客リスト.csv``), as in .gitignore."""
    pattern = pattern.strip().replace("\\", "/")
    if pattern.startswith("/"):
        return pattern.lstrip("/")
    return pattern if "/" in pattern else f"**/{pattern}"


def location_globs(entry: LocationMatch) -> tuple[list[str], list[str]]:
    """(database globs, file globs) of an entry, in the ``/`` form."""
    db = [schema_glob(s) for s in entry.schemas] + [table_glob(t) for t in entry.tables]
    return db, [path_glob(p) for p in entry.paths]


def location_key(location: Mapping[str, Any]) -> tuple[str, str] | None:
    """("db", "schema/table") or ("file", "path") for a finding's location; None if neither."""
    if location.get("table"):
        return "db", f"{location.get('schema') or ''}/{location['table']}"
    if location.get("path"):
        return "file", str(location["path"]).replace("\\", "/").lstrip("/")
    return None


@dataclass(frozen=True)
class CompiledMatch:
    """A ``LocationMatch`` ready to test locations against."""

    source: str | None
    db: re.Pattern[str] | None
    files: re.Pattern[str] | None
    columns: frozenset[str]

    @classmethod
    def of(cls, entry: LocationMatch, columns: Iterable[str] = ()) -> CompiledMatch:
        db, files = location_globs(entry)
        return cls(
            entry.source,
            _union(db),
            _union(files),
            frozenset(c.lower() for c in columns),
        )

    def matches(self, source: str, location: Mapping[str, Any]) -> bool:
        if self.source is not None and self.source != source:
            return False
        if self.columns and str(location.get("column", "")).lower() not in self.columns:
            return False
        if self.db is None and self.files is None:
            return True  # source (and column) only
        key = location_key(location)
        if key is None:
            return False
        pattern = self.db if key[0] == "db" else self.files
        return pattern is not None and pattern.fullmatch(key[1]) is not None


def _union(globs: list[str]) -> re.Pattern[str] | None:
    if not globs:
        return None
    body = "|".join(f"(?:{glob_regex(g)})" for g in globs)
    return re.compile(body, re.IGNORECASE | re.DOTALL)


# --- overlap: can one path match two globs? (product of two small automata) ---


def _nfa(pattern: str) -> tuple[list[list[tuple[str | None, int]]], int]:
    """Transitions per state as (char class or None for epsilon, next state); final state."""
    states: list[list[tuple[str | None, int]]] = [[]]

    def new() -> int:
        states.append([])
        return len(states) - 1

    pattern = pattern.lower()
    cur, i, n = 0, 0, len(pattern)
    while i < n:
        if pattern.startswith("**/", i):
            loop, end = new(), new()
            states[cur] += [(None, end), (None, loop)]
            states[loop] += [(_ANY, loop), ("/", end)]
            cur, i = end, i + 3
            continue
        if pattern.startswith("**", i):
            end = new()
            states[cur] += [(_ANY, cur), (None, end)]
            cur, i = end, i + 2
            continue
        c = pattern[i]
        end = new()
        if c == "*":
            states[cur] += [(_ANY_NOT_SEP, cur), (None, end)]
        elif c == "?":
            states[cur].append((_ANY_NOT_SEP, end))
        elif c == "[" and (close := pattern.find("]", i + 1)) != -1:
            states[cur].append((_ANY_NOT_SEP, end))  # any class: an over-approximation
            i = close
        else:
            states[cur].append((c, end))
        cur = end
        i += 1
    return states, cur


def _classes_meet(a: str, b: str) -> bool:
    if a == _ANY or b == _ANY:
        return True
    if a == _ANY_NOT_SEP:
        return b != "/"
    if b == _ANY_NOT_SEP:
        return a != "/"
    return a == b


def globs_overlap(a: str, b: str) -> bool:
    """True if some path matches both ``/`` globs (character classes count as any char)."""
    sa, fa = _nfa(a)
    sb, fb = _nfa(b)
    seen = {(0, 0)}
    todo = [(0, 0)]
    while todo:
        x, y = todo.pop()
        if x == fa and y == fb:
            return True
        steps = [(nx, y) for cls, nx in sa[x] if cls is None]
        steps += [(x, ny) for cls, ny in sb[y] if cls is None]
        steps += [
            (nx, ny)
            for ca, nx in sa[x]
            if ca is not None
            for cb, ny in sb[y]
            if cb is not None and _classes_meet(ca, cb)
        ]
        for step in steps:
            if step not in seen:
                seen.add(step)
                todo.append(step)
    return False


def _labelled_globs(entry: LocationMatch) -> list[tuple[str, str, str]]:
    """(kind, ``/`` glob, pattern as written) for every pattern of an entry."""
    db, files = location_globs(entry)
    shown_db = [*entry.schemas, *entry.tables]
    return [("db", g, s) for g, s in zip(db, shown_db, strict=True)] + [
        ("file", g, s) for g, s in zip(files, entry.paths, strict=True)
    ]


def entries_overlap(a: LocationMatch, b: LocationMatch) -> tuple[str, str] | None:
    """The first pair of patterns through which ``a`` and ``b`` claim the same place."""
    if a.source is not None and b.source is not None and a.source != b.source:
        return None
    for kind_a, glob_a, shown_a in _labelled_globs(a):
        for kind_b, glob_b, shown_b in _labelled_globs(b):
            if kind_a == kind_b and globs_overlap(glob_a, glob_b):
                return shown_a, shown_b
    return None
