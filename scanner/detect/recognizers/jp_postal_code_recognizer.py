"""郵便番号 (part of 住所): 〒 makes it sure; a bare 123-4567 needs a label."""

from __future__ import annotations

from presidio_analyzer import Pattern

from scanner.detect.recognizers.jp_address_recognizer import _PREF_ENDS, PREFECTURES
from scanner.detect.recognizers.pattern_base import JapanesePatternRecognizer

_PREF = "(?:" + "|".join(PREFECTURES) + ")"


class JpPostalCodeRecognizer(JapanesePatternRecognizer):
    ENTITY = "ADDRESS"
    DIGIT_RUN = {
        "postal_mark": 4,
        "postal_before_prefecture": 4,
        "postal_hyphen": 4,
        "postal_plain": 7,
    }
    NEEDS_ANY = {"postal_mark": ("〒",), "postal_before_prefecture": _PREF_ENDS}
    PATTERNS = [
        Pattern("postal_mark", r"〒\s?\d{3}-?\d{4}(?![\d-])", 0.85),
        Pattern(
            "postal_before_prefecture",
            r"(?<![\d-])\d{3}-?\d{4}(?=[ ]?" + _PREF + ")",
            0.75,
        ),
        Pattern("postal_hyphen", r"(?<![\d-])\d{3}-\d{4}(?![\d-])", 0.2),
        Pattern("postal_plain", r"(?<![\d-])\d{7}(?![\d-])", 0.05),
    ]
    CONTEXT = ["郵便番号", "〒", "postal", "zip", "yubin", "郵便", "post code", "postcode"]
    CONTEXT_WINDOW = (14, 2)
