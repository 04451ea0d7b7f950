"""電話番号 (incl. FAX): candidates by pattern, validated with libphonenumber's JP data."""

from __future__ import annotations

import phonenumbers
from presidio_analyzer import Pattern

from scanner.detect.recognizers.pattern_base import JapanesePatternRecognizer

_START = r"(?<![\d+.\-])"
_END = r"(?!\d)(?![-.]\d)"
_GROUPED = r"0\d{1,4}(?:[ -]\d{1,4}[ -]|\(\d{1,4}\))\d{3,4}"
_PAREN_AREA = r"\(0\d{1,4}\)[ ]?\d{1,4}-\d{3,4}"
_INTL = r"\+81[ -]?(?:\(0\))?\d{1,4}[ -]?\d{1,4}[ -]?\d{3,4}"
_PLAIN = r"0\d{9,10}"


class JpPhoneRecognizer(JapanesePatternRecognizer):
    ENTITY = "PHONE_NUMBER"
    DIGIT_RUN = {
        "phone_grouped": 3,
        "phone_paren_area": 3,
        "phone_international": 3,
        "mobile_plain": 11,
        "phone_plain": 10,
    }
    NEEDS_ANY = {"phone_paren_area": ("(",), "phone_international": ("+81",)}
    PATTERNS = [
        Pattern("phone_grouped", _START + _GROUPED + _END, 0.75),
        Pattern("phone_paren_area", _START + _PAREN_AREA + _END, 0.75),
        Pattern("phone_international", _START + _INTL + _END, 0.75),
        Pattern("mobile_plain", _START + r"0[789]0\d{8}" + _END, 0.6),
        Pattern("phone_plain", _START + _PLAIN + _END, 0.45),
    ]
    CONTEXT = [
        "電話", "tel", "fax", "携帯", "連絡先", "phone", "denwa", "keitai", "ファックス",
        "ファクス", "mobile", "代表", "内線", "折り返し", "直通", "入電", "でんわ", "sms",
        "連絡", "架電", "コール",
    ]  # fmt: skip
    CONTEXT_WINDOW = (20, 4)

    def validate_result(self, pattern_text: str) -> bool:
        try:
            number = phonenumbers.parse(pattern_text, "JP")
        except phonenumbers.NumberParseException:
            return False
        return number.country_code == 81 and phonenumbers.is_valid_number(number)
