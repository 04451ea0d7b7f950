"""マイナンバー (個人番号): 12 digits whose check digit holds, next to a label."""

from __future__ import annotations

from presidio_analyzer import Pattern
from stdnum.jp import in_ as my_number

from scanner.detect.recognizers.pattern_base import (
    GROUPS_4_4_4,
    JapanesePatternRecognizer,
    digits_only,
)

# Digit look-arounds, never \b: 番号は123456789018です has no word boundary, and a
# 13-digit corporate number contains 12-digit runs that can pass the check.
_NOT_AFTER_DIGIT = r"(?<!\d)(?<!\d[ -])"
_NOT_BEFORE_DIGIT = r"(?!\d)(?![ -]\d)"


class JpMyNumberRecognizer(JapanesePatternRecognizer):
    ENTITY = "JP_MY_NUMBER"
    DIGIT_RUN = {"my_number_12": 12, "my_number_4_4_4": (4, 3)}
    REQUIRES = {"my_number_4_4_4": GROUPS_4_4_4}  # one search serves four recognizers
    PATTERNS = [
        Pattern("my_number_12", _NOT_AFTER_DIGIT + r"\d{12}" + _NOT_BEFORE_DIGIT, 0.2),
        Pattern(
            "my_number_4_4_4",
            _NOT_AFTER_DIGIT + r"\d{4}[ -]\d{4}[ -]\d{4}" + _NOT_BEFORE_DIGIT,
            0.25,
        ),
    ]
    CONTEXT = ["マイナンバー", "個人番号", "mynumber", "my number", "my_number", "kojin_bango"]
    NEGATIVE_CONTEXT = ("法人番号", "注文番号", "伝票番号", "問い合わせ番号", "会員番号", "免許")

    def normalize_value(self, value: str) -> str:
        return digits_only(value)

    def validate_result(self, pattern_text: str) -> bool:
        return my_number.is_valid(pattern_text)
