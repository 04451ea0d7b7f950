"""Normalise Japanese text for matching and map offsets back to the original.

Full-width letters and digits, half-width katakana and the many dash characters are
folded with NFKC plus a dash map, so one pattern matches every way a value is typed.
Recognizers see only the normalised text; every span is mapped back through
``NormalizedText.original_span`` before it leaves the detector.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Dashes that stand for a hyphen in numbers and codes. The katakana prolonged sound
# mark (ー, ｰ) and kanji 一 are only folded between digits, where they cannot be kana.
_ALWAYS_DASHES = "‐‑‒–—―−－﹣"
_DIGIT_ONLY_DASHES = "ーｰ"  # (normalize tests for each by name)
_DASH_MAP = {ord(c): "-" for c in _ALWAYS_DASHES}
_CHAR_CACHE: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    folded = _CHAR_CACHE.get(ch)
    if folded is None:
        folded = unicodedata.normalize("NFKC", ch).translate(_DASH_MAP)
        if folded in ("\u3099", "\u309a"):  # NFKC turns ﾞﾟ into combining marks
            folded = ch
        _CHAR_CACHE[ch] = folded
    return folded


class _FoldTable(dict):
    """``str.translate`` table folding each character as ``_fold_char`` does, filled lazily."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


@dataclass(frozen=True)
class NormalizedText:
    original: str
    text: str
    #: for each character of ``text``: start and end offset of its source in ``original``
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def _fold_digit_dashes(text: str, folded: list[str]) -> list[str]:
    for i, ch in enumerate(text):
        if ch in _DIGIT_ONLY_DASHES:
            prev_digit = i > 0 and folded[i - 1].isdigit()
            next_digit = i + 1 < len(text) and folded[i + 1].isdigit()
            folded[i] = "-" if (prev_digit and next_digit) else "ー"
    return folded


_DIGIT_ONLY_DASH = re.compile(f"[{_DIGIT_ONLY_DASHES}]")


def _dashes_between_digits(text: str, joined: str) -> str:
    """``_fold_digit_dashes`` on a text folded one character for one: the table made each
    ー / ｰ a ー, so only one between two digits changes (to -), and only those are visited."""
    last = len(joined) - 1
    cut = [
        i
        for i in (m.start() for m in _DIGIT_ONLY_DASH.finditer(text))
        if 0 < i < last and joined[i - 1].isdigit() and joined[i + 1].isdigit()
    ]
    if not cut:
        return joined
    chars = list(joined)
    for i in cut:
        chars[i] = "-"
    return "".join(chars)


def normalize(text: str) -> NormalizedText:
    """NFKC-fold ``text`` character by character, keeping an offset map."""
    if text.isascii():
        return NormalizedText(text, text)
    if "ﾞ" not in text and "ﾟ" not in text:
        joined = text.translate(_FOLD_TABLE)
        if len(joined) == len(text):  # no character folds to none or to several
            # one character for one: offsets stay as they are, no map needed
            if "ー" in text or "ｰ" in text:  # _DIGIT_ONLY_DASHES
                joined = _dashes_between_digits(text, joined)
            return NormalizedText(text, joined)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    n = len(text)
    for i, ch in enumerate(text):
        if ch in _DIGIT_ONLY_DASHES:
            prev_digit = out and out[-1].isdigit()
            next_digit = i + 1 < n and _fold_char(text[i + 1])[:1].isdigit()
            folded = "-" if (prev_digit and next_digit) else "ー"
        elif ch in "ﾞﾟ" and out:
            # half-width voiced marks compose with the kana before them (ｶﾞ -> ガ)
            composed = unicodedata.normalize("NFKC", out[-1] + ch)
            if len(composed) == 1:
                out[-1] = composed
                ends[-1] = i + 1
                continue
            folded = _fold_char(ch)
        else:
            folded = _fold_char(ch)
        for c in folded:
            out.append(c)
            starts.append(i)
            ends.append(i + 1)
    normalized = "".join(out)
    if normalized == text:
        return NormalizedText(text, text)
    return NormalizedText(text, normalized, tuple(starts), tuple(ends))
