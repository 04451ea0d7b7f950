"""法人番号: recognised so that a corporation's number is never taken for a person's."""

from __future__ import annotations

from presidio_analyzer import Pattern
from stdnum.jp import cn as corporate_number

from scanner.detect.recognizers.pattern_base import (
    GROUPS_4_4_4,
    JapanesePatternRecognizer,
    digits_only,
)


class JpCorporateNumberRecognizer(JapanesePatternRecognizer):
    ENTITY = "JP_CORPORATE_NUMBER"
    DIGIT_RUN = {"corporate_number_13": 13, "corporate_number_grouped": (4, 3)}
    REQUIRES = {"corporate_number_grouped": GROUPS_4_4_4}  # one search serves four
    PATTERNS = [
        Pattern("corporate_number_13", r"(?<![\d-])\d{13}(?![\d-])", 0.4),
        Pattern("corporate_number_grouped", r"(?<![\d-])\d-\d{4}-\d{4}-\d{4}(?![\d-])", 0.45),
    ]
    CONTEXT = ["法人番号", "corporate number", "corporate_number", "houjin"]
    CONTEXT_WINDOW = (30, 4)

    def normalize_value(self, value: str) -> str:
        return digits_only(value)

    def validate_result(self, pattern_text: str) -> bool:
        return corporate_number.is_valid(pattern_text)
