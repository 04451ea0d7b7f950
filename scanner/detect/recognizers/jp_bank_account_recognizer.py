"""口座番号: a 7-digit account (optionally with bank and branch codes) next to a label."""

from __future__ import annotations

from presidio_analyzer import Pattern

from scanner.detect.recognizers.pattern_base import JapanesePatternRecognizer


class JpBankAccountRecognizer(JapanesePatternRecognizer):
    ENTITY = "JP_BANK_ACCOUNT"
    DIGIT_RUN = {"bank_branch_account": 7, "account_7": 7}
    PATTERNS = [
        Pattern("bank_branch_account", r"(?<![\d-])\d{4}-\d{3}-\d{7}(?![\d-])", 0.3),
        Pattern("account_7", r"(?<![\d-])\d{7}(?![\d-])", 0.1),
    ]
    CONTEXT = [
        "口座番号",
        "口座",
        "振込先",
        "振込",
        "普通預金",
        "当座預金",
        "普通",
        "当座",
        "account",
        "kouza",
    ]
    CONTEXT_WINDOW = (20, 4)
    NEGATIVE_CONTEXT = ("〒", "郵便", "注文", "会員")
