"""在留カード番号: two letters, eight digits, two letters."""

from __future__ import annotations

from presidio_analyzer import Pattern

from scanner.detect.recognizers.pattern_base import JapanesePatternRecognizer


class JpResidenceCardRecognizer(JapanesePatternRecognizer):
    ENTITY = "JP_RESIDENCE_CARD"
    DIGIT_RUN = {"residence_card": 8}
    PATTERNS = [
        Pattern("residence_card", r"(?<![A-Za-z0-9])[A-Z]{2}\d{8}[A-Z]{2}(?![A-Za-z0-9])", 0.35)
    ]
    CONTEXT = ["在留カード", "在留", "residence card", "residence_card", "zairyu"]
