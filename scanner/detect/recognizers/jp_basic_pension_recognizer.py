"""基礎年金番号: four and six digits, only next to a pension label."""

from __future__ import annotations

from presidio_analyzer import Pattern

from scanner.detect.recognizers.pattern_base import JapanesePatternRecognizer


class JpBasicPensionNumberRecognizer(JapanesePatternRecognizer):
    ENTITY = "JP_BASIC_PENSION_NUMBER"
    DIGIT_RUN = {"pension": 6}
    PATTERNS = [Pattern("pension", r"(?<![\d-])\d{4}[- ]?\d{6}(?![\d-])", 0.1)]
    CONTEXT = ["基礎年金番号", "年金番号", "年金手帳", "pension", "nenkin"]
    CONTEXT_WINDOW = (24, 4)
