"""クレジットカード番号: Luhn-valid card numbers, grouped or with a label."""

from __future__ import annotations

from presidio_analyzer import Pattern
from stdnum import luhn

from scanner.detect.recognizers.pattern_base import (
    GROUPS_4_4_4,
    JapanesePatternRecognizer,
    digits_only,
)


class JpCreditCardRecognizer(JapanesePatternRecognizer):
    ENTITY = "CREDIT_CARD"
    DIGIT_RUN = {"card_4x4": (4, 4), "card_amex": (5, 2), "card_plain": 15}
    REQUIRES = {"card_4x4": GROUPS_4_4_4}  # one search serves four recognizers
    PATTERNS = [
        Pattern("card_4x4", r"(?<![\d-])\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?![\d-])", 0.6),
        Pattern("card_amex", r"(?<![\d-])3[47]\d{2}([ -])\d{6}\1\d{5}(?![\d-])", 0.6),
        Pattern(
            "card_plain",
            r"(?<![\d-])(?:4\d{15}|5[1-5]\d{14}|3[47]\d{13}|35\d{14})(?![\d-])",
            0.3,
        ),
    ]
    CONTEXT = ["カード番号", "クレジット", "card", "カード"]

    def normalize_value(self, value: str) -> str:
        return digits_only(value)

    def validate_result(self, pattern_text: str) -> bool:
        return 13 <= len(pattern_text) <= 19 and luhn.is_valid(pattern_text)
