"""運転免許証番号: 12 digits, only next to a licence label."""

from __future__ import annotations

from presidio_analyzer import Pattern

from scanner.detect.recognizers.pattern_base import GROUPS_4_4_4, JapanesePatternRecognizer


class JpDriverLicenseRecognizer(JapanesePatternRecognizer):
    ENTITY = "JP_DRIVER_LICENSE"
    DIGIT_RUN = {"license_12": 12, "license_grouped": (4, 3)}
    REQUIRES = {"license_grouped": GROUPS_4_4_4}  # one search serves four recognizers
    PATTERNS = [
        Pattern("license_12", r"(?<![\d-])(?:第\s?)?(?P<v>\d{12})(?:\s?号)?(?![\d-])", 0.1),
        Pattern("license_grouped", r"(?<![\d-])\d{4}[ -]\d{4}[ -]\d{4}(?![\d-])", 0.1),
    ]
    CONTEXT = [
        "運転免許", "免許証番号", "免許番号", "免許証", "driver", "licence", "license", "menkyo",
    ]  # fmt: skip
    NEGATIVE_CONTEXT = ("マイナンバー", "個人番号")
