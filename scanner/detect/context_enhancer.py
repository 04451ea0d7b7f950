"""Context words decide the ambiguous entities; matched on characters, not tokens.

Presidio's lemma enhancer looks for a context word among single tokens, but Japanese
labels do not survive tokenisation (個人番号 may be split, 生年月日 is one token in one
split mode and two in another). This enhancer looks for the recognizer's context words in
a character window around the span instead, with three refinements:

* the window before a span stops at the previous span of the same recognizer, so a label
  applies to the value that follows it, not to every value on the line;
* a *negative* context word nearer to the span than the positive one cancels it
  (生年月日：… 入社日：2010-04-01 — the second date is not a birthdate);
* external context (a column name) and the header of the CSV/TSV column a span sits in
  count as if they stood before the span.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from operator import attrgetter

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer

#: a text boundary the window never crosses (used between texts of a batch)
HARD_BOUNDARY = "\x1e"
CANCELLED = ("", "cancelled")


def _word_char_class(ch: str) -> str:
    """The script a word edge must not continue into: latin letters/digits or katakana."""
    if ch.isascii():
        return "latin" if ch.isalnum() else ""
    if "ァ" <= ch <= "ヺ" or ch == "ー":
        return "kata"
    return ""


def _run_length(text: str, pos: int, step: int, kind: str) -> int:
    """How many characters of script ``kind`` follow ``pos`` (step 1) or precede it (-1)."""
    n = 0
    i = pos if step == 1 else pos - 1
    while 0 <= i < len(text) and _word_char_class(text[i]) == kind:
        n += 1
        i += step
    return n


def _is_whole_word(text: str, pos: int, word: str) -> bool:
    """Whether ``word`` at ``pos`` is not the inside of a longer latin or katakana word.

    dob inside adobe, name inside username, カナ inside カナダ do not count. A katakana
    word may be glued to another katakana word of three or more characters
    (クレジット|カード), and kanji and hiragana words may be glued (氏名欄, 山田さんの).
    """
    end = pos + len(word)
    for edge, at, step in ((word[0], pos, -1), (word[-1], end, 1)):
        kind = _word_char_class(edge)
        if not kind:
            continue
        run = _run_length(text, at, step, kind)
        if run and (kind == "latin" or run < 3):
            return False
    return True


def rfind_word(text: str, word: str) -> int:
    """The last whole-word occurrence of ``word`` in ``text``, or -1."""
    pos = text.rfind(word)
    while pos != -1 and not _is_whole_word(text, pos, word):
        pos = text.rfind(word, 0, pos + len(word) - 1) if pos > 0 else -1
    return pos


def find_word(text: str, word: str) -> int:
    """The first whole-word occurrence of ``word`` in ``text``, or -1."""
    pos = text.find(word)
    while pos != -1 and not _is_whole_word(text, pos, word):
        pos = text.find(word, pos + 1)
    return pos


def find_context(
    text: str,
    start: int,
    end: int,
    positive: Sequence[str],
    negative: Sequence[str],
    window: tuple[int, int],
    floor: int = 0,
    after_crosses_lines: bool = False,
    quick: tuple[re.Pattern | None, re.Pattern | None] = (None, None),
    index: dict[str, list[str]] | None = None,
) -> tuple[str, str] | None:
    """The nearest context word around [start, end), as (word, "before"|"after").

    Returns ``CANCELLED`` when a negative word rules the span out, None when nothing
    was found either way.

    A negative word nearer than every positive one before the span cancels the span's
    context altogether (取引先：… ⏎ TEL is still a partner). The window after a span ends
    at the line's end: a label on the next line belongs to the next value.

    ``quick`` holds, when given, one regex of all ``positive`` and one of all ``negative``
    words (``alternation``): a window without any of them is passed over at once;
    ``index``, when given, is ``by_first_char(positive)``.
    """
    lo = max(floor, start - window[0])
    before = text[lo:start].lower()
    cut = before.rfind(HARD_BOUNDARY)
    if cut != -1:
        before = before[cut + 1 :]
    after = text[end : end + window[1]].lower()
    for stop in (HARD_BOUNDARY,) if after_crosses_lines else ("\n", HARD_BOUNDARY):
        cut = after.find(stop)
        if cut != -1:
            after = after[:cut]

    pos_rx, neg_rx = quick
    pos_before, word_before = -1, ""
    if pos_rx is None or pos_rx.search(before):
        pos_before, word_before = _last_word(before, positive, -1, index)
    if (neg_rx is None or neg_rx.search(before)) and _any_word_after(before, negative, pos_before):
        return CANCELLED
    if pos_before != -1:
        return word_before, "before"
    if pos_rx is not None and not pos_rx.search(after):
        return None
    pos_after, word_after = _first_word(after, positive, len(after) + 1, index)
    if word_after and not _any_word_before(after, negative, pos_after):
        return word_after, "after"
    return None


def alternation(words: Sequence[str]) -> re.Pattern | None:
    """One regex that finds whether any of ``words`` occurs (None for no words)."""
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


# The four scans below give what a loop of rfind_word / find_word over every word gives,
# but look at a word's whole-word test only when its plain occurrence could still win:
# a whole-word occurrence is never later (rfind) or earlier (find) than the plain one.


def by_first_char(words: Sequence[str]) -> dict[str, list[str]] | None:
    """``words`` grouped by their first character, each group in the list's order (None
    if a word is empty)."""
    if not all(words):
        return None
    index: dict[str, list[str]] = {}
    for word in words:
        index.setdefault(word[0], []).append(word)
    return index


def _walk(text: str, positions: range, index: dict[str, list[str]]) -> tuple[int, str] | None:
    """(position, word) of the first of ``positions`` where a word of ``index`` starts as a
    whole word (of the words there, the list's first), or None."""
    get = index.get
    for pos in positions:
        for word in get(text[pos], ()):
            if text.startswith(word, pos) and _is_whole_word(text, pos, word):
                return pos, word
    return None


def _last_word(
    text: str, words: Sequence[str], floor: int, index: dict[str, list[str]] | None = None
) -> tuple[int, str]:
    """(position, word) of the last whole-word occurrence after ``floor``; first word on ties.

    ``index`` is ``by_first_char(words)``, if known.
    """
    if index is not None and len(text) < len(words) and floor >= -1:
        # a short window and many words (a name's 60 labels in 12 characters): walk the
        # window from its end; the first position any word starts at as a whole word is
        # the last occurrence, and of the words there the list's first wins, as below
        return _walk(text, range(len(text) - 1, floor, -1), index) or (floor, "")
    best, best_word = floor, ""
    for word in words:
        pos = text.rfind(word)
        if pos <= best:
            continue
        if not _is_whole_word(text, pos, word):
            pos = rfind_word(text, word)
            if pos <= best:
                continue
        best, best_word = pos, word
    return best, best_word


def _any_word_after(text: str, words: Sequence[str], floor: int) -> bool:
    """Whether a whole-word occurrence of one of ``words`` starts after ``floor``."""
    return any(text.rfind(w) > floor and rfind_word(text, w) > floor for w in words)


def _first_word(
    text: str, words: Sequence[str], ceiling: int, index: dict[str, list[str]] | None = None
) -> tuple[int, str]:
    """(position, word) of the first whole-word occurrence before ``ceiling``; first word
    on ties. ``index`` is ``by_first_char(words)``, if known."""
    if index is not None and len(text) < len(words):
        # as in _last_word: the window walked from its start
        return _walk(text, range(min(len(text), ceiling)), index) or (ceiling, "")
    best, best_word = ceiling, ""
    for word in words:
        pos = text.find(word)
        if pos == -1 or pos >= best:
            continue
        if not _is_whole_word(text, pos, word):
            pos = find_word(text, word)
            if pos == -1 or pos >= best:
                continue
        best, best_word = pos, word
    return best, best_word


def _any_word_before(text: str, words: Sequence[str], ceiling: int) -> bool:
    """Whether a whole-word occurrence of one of ``words`` starts before ``ceiling``."""
    return any(-1 < text.find(w) < ceiling and -1 < find_word(text, w) < ceiling for w in words)


def _cell_of(cells: Sequence, start: int):
    """The CSV/TSV cell holding ``start``, or None."""
    lo, hi = 0, len(cells)
    while lo < hi:
        mid = (lo + hi) // 2
        if cells[mid].end <= start:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(cells) and cells[lo].start <= start < cells[lo].end:
        return cells[lo]
    return None


def _may_start_in(found: tuple[list[int], list[int]], lo: int, hi: int) -> bool:
    """Whether one of the match spans (starts, ends: sorted, disjoint) reaches into [lo, hi)."""
    starts, ends = found
    i = bisect_right(ends, lo)
    return i < len(starts) and starts[i] < hi


_START = attrgetter("start")
#: recognition_metadata key: taken off the score after the context boost too
SCORE_PENALTY = "kojin_score_penalty"


class WindowContextEnhancer(ContextAwareEnhancer):
    """Raise a span's score when its recognizer's context words stand near it."""

    def __init__(self, boost: float = 0.4, min_score_with_context: float = 0.65):
        super().__init__(
            context_similarity_factor=boost,
            min_score_with_context_similarity=min_score_with_context,
            context_prefix_count=0,
            context_suffix_count=0,
        )

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        by_id = self._by_id(recognizers)
        cells = getattr(nlp_artifacts, "cells", None) or []
        external = " ".join(context or []).lower()
        grouped: dict[str, list[RecognizerResult]] = defaultdict(list)
        for result in raw_results:
            grouped[result.recognition_metadata[RecognizerResult.RECOGNIZER_IDENTIFIER_KEY]].append(
                result
            )
        lowered = None
        for rec_id, results in grouped.items():
            recognizer = by_id.get(rec_id)
            words = self._words_of(rec_id, recognizer)
            if words is None:
                continue
            positive, negative, quick, index = words
            # where positive words may start: the spans of the text's non-overlapping matches
            # of any of them (a word hidden by an overlapping one starts inside its span);
            # None: not known, look at each span of a result
            found: tuple[list[int], list[int]] | None = None
            if not cells and not (external and any(w in external for w in positive)):
                # no positive word anywhere in the text (every window is a piece of it,
                # lower-cased alike) nor in the external context: no span can be boosted
                if lowered is None:
                    lowered = text.lower()
                spans = [m.span() for m in quick[0].finditer(lowered)]
                if not spans:
                    continue
                if len(lowered) == len(text):  # (İ lower-cases to two characters)
                    found = [s for s, _ in spans], [e for _, e in spans]
            window = getattr(recognizer, "CONTEXT_WINDOW", (24, 8))
            crosses = getattr(recognizer, "CONTEXT_AFTER_CROSSES_LINES", False)
            prev_end = 0
            for result in sorted(results, key=_START):
                meta = result.recognition_metadata
                if meta.get(RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY):
                    prev_end = result.end
                    continue
                inside = True
                if found is not None:
                    # Only a positive word in a window can boost the span (nothing outside
                    # the text can, here): with none in reach of either window, the span is
                    # passed over as find_context would leave it.
                    lo = max(prev_end, result.start - window[0])
                    if not _may_start_in(found, lo, result.end + window[1]):
                        prev_end = result.end
                        continue
                    inside = _may_start_in(found, result.start, result.end)
                hit = find_context(
                    text, result.start, result.end, positive, negative, window, prev_end,
                    crosses, quick, index,
                )  # fmt: skip
                if not inside or not quick[0].search(text[result.start : result.end].lower()):
                    prev_end = result.end  # (a label matched as a candidate is no value)
                if hit is CANCELLED:
                    continue
                outside = external
                cell = _cell_of(cells, result.start) if cells else None
                if cell is not None and not any(w in cell.all_headers for w in negative):
                    outside = f"{external} {cell.header}"
                word = hit[0] if hit else next((w for w in positive if w in outside), "")
                if not word:
                    continue
                self._boost(result, word)
        return raw_results

    def _by_id(self, recognizers: list[EntityRecognizer]) -> dict[str, EntityRecognizer]:
        """The recognizers by id; made again only for another list of recognizers (the
        detector passes the same one for every text)."""
        known = self.__dict__.get("_recognizers_by_id")
        if known is None or known[0] != tuple(recognizers):  # (compared by identity first)
            known = self.__dict__["_recognizers_by_id"] = (
                tuple(recognizers),
                {r.id: r for r in recognizers},
            )
        return known[1]

    def _words_of(self, rec_id: str, recognizer) -> tuple | None:
        """(positive, negative, their two regexes, the positive words by first character)
        for a recognizer, lower-cased, cached."""
        cache = self.__dict__.setdefault("_words", {})
        if rec_id not in cache:
            positive = [w.lower() for w in (getattr(recognizer, "context", None) or [])]
            negative = [w.lower() for w in getattr(recognizer, "NEGATIVE_CONTEXT", ())]
            quick = (alternation(positive), alternation(negative))
            # a window is lower-cased as a piece of the text lower-cases: one word with a
            # sigma (lower-cased by its neighbours) would break the whole-text test above
            assert not any(c in w for w in positive for c in "σς"), positive
            index = by_first_char(positive)
            cache[rec_id] = (positive, negative, quick, index) if positive else None
        return cache[rec_id]

    def _boost(self, result: RecognizerResult, word: str) -> None:
        score = max(
            result.score + self.context_similarity_factor,
            self.min_score_with_context_similarity,
        )
        # a recognizer's doubt about the value itself survives the context (SCORE_PENALTY)
        penalty = result.recognition_metadata.get(SCORE_PENALTY, 0.0)
        result.score = max(0.0, min(score, ContextAwareEnhancer.MAX_SCORE) - penalty)
        result.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
        if result.analysis_explanation is not None:
            result.analysis_explanation.set_supportive_context_word(word)
            result.analysis_explanation.set_improved_score(result.score)
