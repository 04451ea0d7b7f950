"""生年月日: a real date in any Japanese form, but only with birth context.

Dates are everywhere in business text (orders, deliveries, events); a date is a
birthdate only when a birth label stands nearer to it than any other date label.
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from scanner.detect.context_enhancer import SCORE_PENALTY
from scanner.detect.jp_dates import (
    ERA_DATE,
    KANJI_WESTERN_DATE,
    WESTERN_DATE,
    era_overrun,
    parse_date_loose,
)
from scanner.detect.recognizers.pattern_base import JapanesePatternRecognizer

_START = r"(?<![\dA-Za-z])"
_END = r"(?!\d)"


class JpDateOfBirthRecognizer(JapanesePatternRecognizer):
    ENTITY = "DATE_OF_BIRTH"
    DIGIT_RUN = {"date_western": 4, "date_compact": 8}
    NEEDS_ANY = {"date_kanji_western": ("年",)}
    PATTERNS = [
        Pattern("date_western", _START + WESTERN_DATE + _END, 0.2),
        Pattern("date_era", _START + ERA_DATE + _END, 0.25),
        Pattern("date_kanji_western", _START + KANJI_WESTERN_DATE, 0.2),
        Pattern("date_compact", r"(?<!\d)(?:19|20)\d{6}(?!\d)", 0.1),
    ]
    CONTEXT = [
        "生年月日", "誕生日", "生まれ", "出生", "誕生", "生年", "dob", "birth", "seinengappi",
        "tanjoubi", "birthday", "生)", "生、", "生,", "生(", "生 ", "生。", "born",
    ]  # fmt: skip
    NEGATIVE_CONTEXT = (
        "入社", "登録", "注文", "納品", "開催", "発行", "有効期限", "更新", "作成", "受付",
        "配送", "出荷", "入会", "契約", "申込", "購入", "支払", "締切", "予約", "来店",
        "退社", "卒業", "入学", "取得", "日時", "期限", "退職", "育休", "休職", "産休", "入院",
        "手術", "異動", "転居", "引越",
    )  # fmt: skip
    CONTEXT_WINDOW = (20, 6)

    #: taken off the score of an era date past its era's end (平成31年5月1日)
    ERA_OVERRUN_PENALTY = 0.1

    def validate_result(self, pattern_text: str) -> bool:
        return parse_date_loose(pattern_text) is not None

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for result in results:
            if era_overrun(text[result.start : result.end]):
                result.score = max(0.0, result.score - self.ERA_OVERRUN_PENALTY)
                result.recognition_metadata[SCORE_PENALTY] = self.ERA_OVERRUN_PENALTY
                result.analysis_explanation.append_textual_explanation_line(
                    "era date past its era's end (as old forms write it): lower score"
                )
        return results
