"""氏名 in kana: a reading (フリガナ) beside a name, in brackets or under its label.

A katakana run is mostly a loanword (メールアドレス); it is a name's reading when a label
(フリガナ, カナ, よみ), an honorific after it, or a kanji name right before its bracket
says so.
"""

from __future__ import annotations

from bisect import bisect_left

from presidio_analyzer import Pattern

from scanner.detect.nlp.artifacts import MORPHEME_END as _END
from scanner.detect.nlp.artifacts import MORPHEME_START as _START
from scanner.detect.recognizers.pattern_base import JapanesePatternRecognizer
from scanner.detect.recognizers.person_false_names import FalseNames


def _pattern(result) -> str:
    return getattr(result.analysis_explanation, "pattern_name", "") or ""


_KATA = r"[ァ-ヴ][ァ-ヴー]{1,9}"
# not glued to kanji or kana before it (…ソリューションズ様 is a company), nor after カ) (a
# company's account-holder abbreviation)
_KATA_NAME = (
    r"(?<![ァ-ヴー一-龥々ぁ-ゖ])(?<![カユ]\))" + _KATA + r"(?:[ 　]" + _KATA + r")?(?![ァ-ヴー])"
)
_HIRA = r"[ぁ-ゖ][ぁ-ゖー]{1,9}"
_HIRA_NAME = r"(?<![ぁ-ゖー])" + _HIRA + r"(?:[ 　]" + _HIRA + r")?(?![ぁ-ゖー])"


# さん running on into hiragana is part of a reading (ヒマラヤさんみゃく), not an honorific;
# the hiragana a name's さん may take: さんは, さんの, さんだ ...
_NOT_A_READING = r"(?![ぁ-ゖ](?<![はがをにのともへでやかよねだじっらたな]))"

_LABEL_WORDS = frozenset({"カナ", "フリガナ", "ヨミ", "ヨミガナ", "ふりがな", "よみがな", "メイギ"})
# A job title in brackets after a post is no reading: 開発部長（リードエンジニア）; a role
# or trade before さん / 様 is no name (モデルさん, メーカー様).
_JOB_WORDS = (
    "エンジニア", "マネージャー", "マネジャー", "デザイナー", "ディレクター", "リーダー",
    "プログラマー", "コンサルタント", "アナリスト", "スペシャリスト", "アーキテクト", "オフィサー",
    "プロデューサー", "アシスタント", "スタッフ", "メンバー", "チーフ", "インターン", "トレーナー",
    "サポーター", "オーナー", "パートナー", "アドバイザー", "コーディネーター", "エキスパート",
    "プランナー", "ライター", "エディター", "オペレーター", "テスター", "ヘッド", "フェロー",
    # roles and trades people put さん / 様 after (モデルさん, メーカー様, ママさん)
    "ママ", "パパ", "モデル", "ソムリエ", "ディーラー", "ドライバー", "シェフ", "パティシエ",
    "ガイド", "ナース", "ヘルパー", "カメラマン", "バイヤー", "セラピスト", "トリマー", "ドクター",
    "ゲスト", "ユーザー", "メーカー", "ショップ", "キャスト", "ベンダー", "クライアント",
)  # fmt: skip


class JpKanaNameRecognizer(JapanesePatternRecognizer):
    ENTITY = "PERSON"
    PATTERNS = [
        Pattern(
            "kana_reading_in_brackets",
            r"(?:[一-龥々]|様|さん|氏)[(（](?P<v>" + _KATA_NAME + r")[)）]",
            0.6,
        ),
        Pattern(
            "kana_before_honorific",
            r"(?P<v>" + _KATA_NAME + r")[ 　]?(?:様|さん)" + _NOT_A_READING,
            0.6,
        ),
        Pattern(
            "hiragana_after_label",
            r"(?:ふりがな|よみがな|フリガナ)[ 　:：]*(?P<v>" + _HIRA_NAME + ")",
            0.65,
        ),
        Pattern("katakana_run", _KATA_NAME, 0.1),
    ]
    STDLIB_RE = ("kana_reading_in_brackets", "hiragana_after_label")
    NEEDS_ANY = {
        "kana_reading_in_brackets": ("(", "（"), "kana_before_honorific": ("様", "さん"),
        "hiragana_after_label": ("ふりがな", "よみがな", "フリガナ"),
    }  # fmt: skip
    CONTEXT = [
        "フリガナ", "ふりがな", "カナ", "ヨミ", "よみ", "読み仮名", "kana", "furigana", "yomi",
        "名義",
    ]  # fmt: skip
    CONTEXT_WINDOW = (12, 0)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        ms = getattr(nlp_artifacts, "morphemes", None)
        if not ms or not any(_pattern(r) == "kana_before_honorific" for r in results):
            return results
        false_name = FalseNames(text, ms, getattr(nlp_artifacts, "nlp_engine", None))
        return [r for r in results if not self._common_noun(r, ms, false_name)]

    @staticmethod
    def _common_noun(result, ms, false_name: FalseNames) -> bool:
        """コンシェルジュ様, ゲームセンター様: loanwords Sudachi files as common nouns, with an
        honorific, are a role or a business, not a name; so is what person_false_names.py
        calls a firm, a place or a thing (Xコーポレーションさん)."""
        if _pattern(result) != "kana_before_honorific":
            return False
        first = bisect_left(ms, result.start, key=_START)
        last = bisect_left(ms, result.end, key=_END)
        if first >= len(ms) or last >= len(ms) or ms[first].start != result.start:
            return False
        if ms[last].end != result.end:
            return False
        if false_name.kind(result.start, result.end):
            return True  # Xコーポレーションさん: a firm, a place or a thing
        alone = first == last
        return all(false_name.common_noun(m, "様", alone) for m in ms[first : last + 1])

    def invalidate_result(self, pattern_text: str) -> bool:
        """A label is not a name (口座名義（カナ）), nor a job title (（リードエンジニア））."""
        return pattern_text in _LABEL_WORDS or pattern_text.endswith(_JOB_WORDS)
