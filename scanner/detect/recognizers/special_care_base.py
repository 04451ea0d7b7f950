"""要配慮個人情報 (APPI Art. 2(3)): special care-required data counts only about a person.

A disease name in a medical article, a drug's indication in a product leaflet or an ICD-10
code in a drug master table is nobody's medical history; the same words in a 健康診断
table keyed by employee, a patient record or an HR note are. So every special-care
recognizer asks two questions of the text around a match:

* is there a *person cue* (氏名, 社員番号, 患者番号, a name with an honorific, a surname and
  given name tagged by Sudachi, 私 / 本人 ...) — in the window around the match, or in
  the header line of the CSV block it sits in?
* is there a *not-a-person cue* (本剤, 効能・効果, 添付文書, 薬品コード, 一般に, 統計,
  記入例 ...) nearer to the match than the nearest person cue?

A not-a-person cue drops the match. A pattern whose score is at least
``INTRINSIC_SCORE`` is personal by its own label (既往歴：, 前科：) and is kept without a
person cue; any other pattern needs one. Patterns named ``cell_*`` match bare values
(``128/82``) and count only in a CSV cell whose header is one of ``HEADER_LABELS``.

The decision is final here: the results are marked as context-checked so the generic
context enhancer leaves them alone, and the explanation names the cue that decided.
"""

from __future__ import annotations

import re as stdlib_re
from typing import ClassVar

import regex as re
from presidio_analyzer import RecognizerResult

from scanner.detect.context_enhancer import HARD_BOUNDARY
from scanner.detect.context_enhancer import _cell_of as _cell_at
from scanner.detect.nlp.table_cells import Cell
from scanner.detect.recognizers.pattern_base import JapanesePatternRecognizer

#: a pattern at least this strong is personal by its label alone
INTRINSIC_SCORE = 0.5
ABOUT_A_PERSON_SCORE = 0.85
LABELLED_SCORE = 0.75

# Separators between a label and its value: 既往歴：高血圧, 前科 なし, 宗派は浄土真宗.
LABEL_SEP = r"[ \t]*(?:[:：=]|は|\t|[ ]{1,4}|[（(])[ \t]*"
_FIELD_CHARS = r"[^\s、。,，;；()（）「」:：]"
#: a field value: up to the end of the field; a second word only if it is no next label
FIELD_VALUE = _FIELD_CHARS + r"{1,30}(?:[ ](?![^\s]{0,8}[:：])" + _FIELD_CHARS + r"{1,12})?"

_GENERIC_HONORIFIC_HOLDERS = (
    "皆", "お客", "各位", "患者", "利用者", "保護者", "ご家族", "ご本人", "みな", "皆さ", "お子",
    "担当者", "関係者", "医師", "先生", "被保険者", "受診者", "ご利用者", "ご契約者", "加入者",
    "方々", "あなた", "お父", "お母", "ご依頼主", "お申込者", "ご来場者", "入居者",
)  # fmt: skip
_PERSON_CUE = re.compile(
    r"氏名|お名前|名前|フリガナ|社員番号|社員no|社員id|社員コード|従業員番号|従業員id|職員番号"
    r"|患者番号|患者id|患者氏名|カルテ番号|診察券番号|受診者番号|受診者氏名|被保険者番号"
    r"|会員番号|顧客番号|利用者番号|入居者氏名|生年月日|[0-9０-９]{1,3}歳|本人|当人|私は|私の|私が"
    r"|わたし|僕|自分|当方|弊職|応募者|候補者|入社日|所属部署|扶養|夫が|妻が|夫の|妻の|息子|娘"
    r"|長男|長女|主人|employee_?(?:id|no)|patient_?(?:id|no)|staff_?(?:id|no)|shain_?(?:no|cd)"
    r"|[一-龥々]{1,4}[ 　]?[一-龥々ぁ-ゖ]{0,4}(?:様|さん|さま|氏(?![名族])|殿|くん|ちゃん)",
    re.IGNORECASE,
)
# Words that say the text is about a disease, a drug, a product or people in general.
_NOT_A_PERSON_CUE = re.compile(
    r"本剤|本品|本製品|効能|効果・|用法|用量|添付文書|薬効|医薬品|薬品コード|薬品名|薬価|一般名"
    r"|販売名|製造販売|商品|製品|発売|価格|マスタ|コード表|一覧表|分類表|とは[、，]|について[、。]"
    r"|統計|割合|患者数|罹患率|有病率|予防法|ガイドライン|記入例|記載例|サンプル|見本|ダミー"
    r"|テストデータ|一般に|一般的に|といわれ|と言われています|とされています|増えています|解説"
    r"|の方は|の方へ|の方も|以上の方|お持ちの方|対象者|募集|求人|割引|無料|ニュース|報道|容疑者は"
    r"|記事|論文|研究|調査|歴史|教義|世界史|観光|宗教法人|寺院|神社|教会の|法律|条文|第[0-9]+条"
    r"|jis|マニュアル|規程|規定|方針",
    re.IGNORECASE,
)
_WINDOW = (160, 80)


def trigger_regexes(words: set[str]) -> tuple:
    """Two regexes that find whether one of ``words`` occurs, case-insensitively: the words
    of characters without case (kanji, kana) need no IGNORECASE, which slows a long
    alternation down tenfold, so Python's re scans them, and regex only the few with a
    latin letter (ICD, ADHD) case-insensitively (None for no words of a kind)."""
    caseless = sorted(w for w in words if w.lower() == w.upper() == w)
    cased = sorted(words.difference(caseless))
    return (
        stdlib_re.compile(alternatives(" ".join(caseless))) if caseless else None,
        re.compile(alternatives(" ".join(cased)), re.IGNORECASE) if cased else None,
    )


class _Trigger:
    """One recognizer's trigger words, found as one regex of them all with IGNORECASE finds
    them (whether, not where: ``search`` gives a match of either of ``trigger_regexes``)."""

    __slots__ = ("_regexes",)

    def __init__(self, triggers: str) -> None:
        words = set(triggers.split())
        self._regexes = (
            trigger_regexes(words)
            if words
            else (re.compile(alternatives(triggers), re.IGNORECASE),)  # (every text)
        )

    def search(self, text: str):
        for rx in self._regexes:
            if rx is not None and (found := rx.search(text)) is not None:
                return found
        return None


class _AnyTrigger:
    """One regex of the trigger words of every special-care recognizer made so far: a text
    none of them occurs in is passed over with one scan instead of one per recognizer.

    A recognizer adds its words when it is made, so the union always holds the words of
    every recognizer that can ask; the last text's answer is kept (all six ask in turn).
    """

    def __init__(self) -> None:
        self._words: set[str] = set()
        self._regex = None
        self._last: tuple[str | None, bool] = (None, False)

    def add(self, triggers: str) -> None:
        words = set(triggers.split()) or {""}  # no words: every text triggers, as alone
        if not words <= self._words:
            self._words |= words
            self._regex = None
            self._last = (None, False)

    def found_in(self, text: str) -> bool:
        if self._last[0] is text:
            return self._last[1]
        if self._regex is None:
            self._regex = trigger_regexes(self._words)
        found = "" in self._words or any(
            rx is not None and rx.search(text) is not None for rx in self._regex
        )
        self._last = (text, found)
        return found


_ANY_TRIGGER = _AnyTrigger()


def any_trigger(text: str) -> bool:
    """Whether a trigger word of any special-care recognizer occurs in ``text``: without one
    and without CSV cells, none of them finds anything (``compiled_patterns``)."""
    return _ANY_TRIGGER.found_in(text)


class SpecialCareRecognizer(JapanesePatternRecognizer):
    """Base for the SPECIAL_CARE_* recognizers: PATTERNS, CONTEXT, and the person check."""

    #: not used by the generic enhancer: the person check decides (see module docstring)
    CONTEXT: ClassVar[list[str]] = []
    #: extra not-a-person words of this recognizer (システム障害 for disability ...)
    NEGATIVE_CONTEXT: ClassVar[tuple[str, ...]] = ()
    #: CSV headers under which a ``cell_*`` pattern's bare value counts
    HEADER_LABELS: ClassVar[tuple[str, ...]] = ()
    #: characters searched for cues before and after a match
    PERSON_WINDOW: ClassVar[tuple[int, int]] = _WINDOW
    #: words one of which every non-cell pattern needs: texts without any are skipped fast
    TRIGGERS: ClassVar[str] = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._trigger = _Trigger(self.TRIGGERS)
        self._word_patterns = [(p, c) for p, c in self._compiled if not p.name.startswith("cell_")]
        _ANY_TRIGGER.add(self.TRIGGERS)
        #: whether ``analyze`` finds nothing in a text without CSV cells and without any
        #: special-care trigger word (``any_trigger``): the detector then does not call it
        cls = type(self)
        self.needs_trigger = (
            cls.compiled_patterns is SpecialCareRecognizer.compiled_patterns
            and cls.analyze is SpecialCareRecognizer.analyze
        )

    def compiled_patterns(self, text: str, nlp_artifacts) -> list:
        """``cell_*`` patterns only on a CSV block; the others only where a trigger word is."""
        all_cells = getattr(nlp_artifacts, "cells", None) or ()
        # one scan for every special-care recognizer's words first: most texts have none
        triggered = _ANY_TRIGGER.found_in(text) and self._trigger.search(text) is not None
        if not all_cells:
            return self._word_patterns if triggered else []
        headers = {c.header for c in all_cells}
        cells = any(label in h for h in headers for label in self.HEADER_LABELS)
        if not cells:
            return self._word_patterns if triggered else []
        wanted = self._word_patterns if triggered else []
        return wanted + [(p, c) for p, c in self._compiled if p.name.startswith("cell_")]

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        found = super().analyze(text, entities, nlp_artifacts, regex_flags)
        if not found:
            return found
        cells: list[Cell] = getattr(nlp_artifacts, "cells", None) or []
        morphemes = getattr(nlp_artifacts, "morphemes", None) or []
        out: list[RecognizerResult] = []
        for result in found:
            expl = result.analysis_explanation
            pattern_name = expl.pattern_name if expl is not None else ""
            cell = _cell_at(cells, result.start)
            if pattern_name.startswith("cell_") and not self._header_fits(cell):
                continue
            decided = self._decide(text, result, cell, morphemes)
            if decided is None:
                continue
            score, why = decided
            result.score = score
            result.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
            if expl is not None:
                expl.set_supportive_context_word(why)
                expl.set_improved_score(score)
            out.append(result)
        return out

    def _header_fits(self, cell: Cell | None) -> bool:
        return cell is not None and any(label in cell.header for label in self.HEADER_LABELS)

    def _decide(
        self, text: str, result: RecognizerResult, cell: Cell | None, morphemes: list
    ) -> tuple[float, str] | None:
        """(score, cue) for a match about a person; None when it is not."""
        lo, hi = _segment(text, result.start, result.end, self.PERSON_WINDOW)
        before, after = text[lo : result.start], text[result.end : hi]
        neg = self._nearest_negative(before, after)
        person = _nearest_person(before, after, text, lo, result, morphemes)
        if cell is not None and _PERSON_CUE.search(cell.all_headers):
            person = (0, f"header: {cell.all_headers[:40]}")
        if neg is not None and (person is None or neg[0] < person[0]):
            return None
        if person is not None:
            return ABOUT_A_PERSON_SCORE, f"about a person: {person[1]}"
        expl = result.analysis_explanation
        if expl is not None and expl.original_score >= INTRINSIC_SCORE:
            return LABELLED_SCORE, "a personal label"
        return None

    def _nearest_negative(self, before: str, after: str) -> tuple[int, str] | None:
        best: tuple[int, str] | None = None
        low_before, low_after = before.lower(), after.lower()
        for m in _NOT_A_PERSON_CUE.finditer(low_before):
            best = _nearer(best, (len(low_before) - m.end(), m.group()))
        m = _NOT_A_PERSON_CUE.search(low_after)
        if m:
            best = _nearer(best, (m.start(), m.group()))
        for word in self.NEGATIVE_CONTEXT:
            pos = low_before.rfind(word)
            if pos != -1:
                best = _nearer(best, (len(low_before) - pos - len(word), word))
            pos = low_after.find(word)
            if pos != -1:
                best = _nearer(best, (pos, word))
        return best


def _nearer(a: tuple[int, str] | None, b: tuple[int, str]) -> tuple[int, str]:
    return b if a is None or b[0] < a[0] else a


def _nearest_person(
    before: str, after: str, text: str, lo: int, result: RecognizerResult, morphemes: list
) -> tuple[int, str] | None:
    best: tuple[int, str] | None = None
    for m in _PERSON_CUE.finditer(before):
        if _generic(m.group(), before, m.start()):
            continue
        best = _nearer(best, (len(before) - m.end(), m.group()))
    for m in _PERSON_CUE.finditer(after):
        if not _generic(m.group(), after, m.start()):
            best = _nearer(best, (m.start(), m.group()))
            break
    hi = result.end + len(after)
    for i, first in enumerate(morphemes):
        if first.start < lo or first.end > hi or first.pos[2] != "人名":
            continue
        second = morphemes[i + 1] if i + 1 < len(morphemes) else None
        if len(first.surface) >= 3:  # 小林太郎, 林一郎 as one token
            end = first.end
        elif (
            first.pos[3] == "姓"
            and second is not None
            and second.pos[2:4] == ("人名", "名")
            and second.start - first.end <= 1
            and second.end <= hi
        ):
            end = second.end
        else:
            continue
        where = result.start - end if end <= result.start else first.start - result.end
        best = _nearer(best, (max(where, 0), text[first.start : end]))
    return best


def _generic(cue: str, text: str, start: int) -> bool:
    """皆様, お客様, 患者さん: an honorific on a word that names nobody."""
    if cue[-1] not in "様んま氏殿ゃ" and not cue.endswith(("くん", "ちゃん")):
        return False
    stem = cue.rstrip("様さんまくちゃ氏殿 　")
    holder = (text[max(0, start - 3) : start] + stem)[-6:]
    return any(holder.endswith(g) or stem.endswith(g) for g in _GENERIC_HONORIFIC_HOLDERS) or (
        len(stem) == 0
    )


def _segment(text: str, start: int, end: int, window: tuple[int, int]) -> tuple[int, int]:
    """The window around [start, end), never crossing a text boundary of a batch."""
    lo = max(0, start - window[0])
    cut = text.rfind(HARD_BOUNDARY, lo, start)
    if cut != -1:
        lo = cut + 1
    hi = min(len(text), end + window[1])
    cut = text.find(HARD_BOUNDARY, end, hi)
    if cut != -1:
        hi = cut
    return lo, hi


def alternatives(words: str) -> str:
    """``"a b c"`` → ``(?:a|b|c)``, longest first so 身体障害者手帳 wins over 障害者手帳."""
    items = sorted(set(words.split()), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w) for w in items) + ")"
