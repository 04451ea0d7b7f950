"""旅券番号: two letters and seven digits; no checksum, so only next to a label."""

from __future__ import annotations

from presidio_analyzer import Pattern

from scanner.detect.recognizers.pattern_base import JapanesePatternRecognizer


class JpPassportRecognizer(JapanesePatternRecognizer):
    ENTITY = "JP_PASSPORT"
    DIGIT_RUN = {"passport": 7, "passport_foreign": 7}
    PATTERNS = [
        Pattern("passport", r"(?<![A-Za-z0-9])[A-Z]{2}\d{7}(?![A-Za-z0-9])", 0.15),
        Pattern("passport_foreign", r"(?<![A-Za-z0-9])[A-Z]{1,2}\d{7,8}(?![A-Za-z0-9])", 0.1),
    ]
    CONTEXT = ["旅券", "パスポート", "passport"]
    CONTEXT_WINDOW = (24, 6)
