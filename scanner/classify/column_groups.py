"""Columns that hold one value between them: tel01/tel02/tel03, zip01/zip02, sei/mei.

EC-CUBE and many Japanese systems split a phone number over three columns and a postal
code over two; ``0312`` alone is no phone number, but the row's ``03-1234-5678`` is.
The classifier joins a group's values row by row and judges the joined value, then gives
every member the group's verdict.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from scanner.classify.column_name_hints import column_hint, identifier_tokens

_NUMBERED = re.compile(r"^(?P<stem>.*?\D)[_\-]?(?P<num>\d{1,2})$")
_SEPARATOR = {
    "phone": "-",
    "postal_code": "-",
    "digits": "-",
    "person_name": " ",
    "generic_name": " ",
    "kana_name": " ",
    "address": " ",
}
_FAMILY = {
    "last": "name",
    "family": "name",
    "sur": "name",
    "surname": "name",
    "lastname": "name",
    "sei": "",
    "myoji": "",
}
_GIVEN = {
    "first": "name",
    "given": "name",
    "fore": "name",
    "forename": "name",
    "firstname": "name",
    "mei": "",
}
_JA_FAMILY = ("姓", "セイ", "せい")
_JA_GIVEN = ("名", "メイ", "めい")
_JA_READING = ("", "カナ", "フリガナ", "かな", "ふりがな", "ヨミ")
_MAX_MEMBERS = 4


@dataclass(frozen=True)
class ColumnGroup:
    kind: str  # hint kind of the whole: "phone", "postal_code", "person_name", "digits", ...
    columns: tuple[str, ...]  # in joining order
    separator: str

    def join(self, parts: Sequence[str | None]) -> str | None:
        """The row's joined value, or None when the row holds nothing in the group.

        A number split over columns is only whole when every part is there; a name may
        lack its given part.
        """
        present = [p.strip() for p in parts if p is not None and p.strip()]
        if not present:
            return None
        if self.separator == "-" and len(present) < len(parts):
            return None
        return self.separator.join(present)


def group_of(kind: str, columns: Sequence[str]) -> ColumnGroup:
    """A group as a finding's evidence names it, to join its values the way the scan did."""
    return ColumnGroup(kind, tuple(columns), _SEPARATOR.get(kind, " "))


def find_groups(names: Sequence[str], digit_columns: Collection[str] = ()) -> list[ColumnGroup]:
    """Groups among ``names``; ``digit_columns`` (values all short digit runs) may form
    an unnamed group such as ``c05/c06/c07`` that only the joined values can explain."""
    groups = _numbered_groups(names, set(digit_columns))
    taken = {c for g in groups for c in g.columns}
    groups += [g for g in _pair_groups(names) if not taken & set(g.columns)]
    return groups


def _numbered_groups(names: Sequence[str], digit_columns: set[str]) -> list[ColumnGroup]:
    by_stem: dict[str, list[tuple[int, str]]] = {}
    for name in names:
        m = _NUMBERED.match(unicodedata.normalize("NFKC", name))
        if m:
            by_stem.setdefault(m.group("stem").lower(), []).append((int(m.group("num")), name))
    out = []
    for stem, members in by_stem.items():
        members.sort()
        numbers = [n for n, _ in members]
        if (
            not 2 <= len(members) <= _MAX_MEMBERS
            or numbers != list(range(numbers[0], numbers[0] + len(numbers)))
            or numbers[0] > 1
        ):
            continue
        columns = tuple(name for _, name in members)
        hint = column_hint(stem.rstrip("_-"))
        kind = hint.kind if hint is not None else None
        if kind not in _SEPARATOR:
            if not set(columns) <= digit_columns or len(columns) > 3:
                continue
            kind = "digits"
        out.append(ColumnGroup(kind, columns, _SEPARATOR[kind]))
    return out


def _pair_key(name: str) -> tuple[str, str] | None:
    """(part, key): ``last_name_kana`` -> ("family", "name kana")."""
    text = unicodedata.normalize("NFKC", name).strip()
    if not text.isascii():
        bare = text.replace("(", "").replace(")", "").replace("[", "").replace("]", "")
        for part, heads in (("family", _JA_FAMILY), ("given", _JA_GIVEN)):
            for head in heads:
                if bare.startswith(head) and bare[len(head) :] in _JA_READING:
                    return part, "ja:" + bare[len(head) :]
        return None
    tokens = identifier_tokens(text)
    for part, table in (("family", _FAMILY), ("given", _GIVEN)):
        for i, token in enumerate(tokens):
            if token in table:
                rest = tokens[:i] + ([table[token]] if table[token] else []) + tokens[i + 1 :]
                return part, " ".join(t for t in rest if t != "name") or "name"
    return None


def _pair_groups(names: Sequence[str]) -> list[ColumnGroup]:
    family: dict[str, str] = {}
    given: dict[str, str] = {}
    for name in names:
        found = _pair_key(name)
        if found is None:
            continue
        part, key = found
        (family if part == "family" else given).setdefault(key, name)
    out = []
    for key, fam in family.items():
        if key in given:
            reading = any(
                w in key for w in ("kana", "furigana", "yomi", "カナ", "フリガナ", "かな")
            )
            kind = "kana_name" if reading else "person_name"
            out.append(ColumnGroup(kind, (fam, given[key]), " "))
    return out
