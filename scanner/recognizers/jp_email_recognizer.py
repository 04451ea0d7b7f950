"""メールアドレス, with ASCII look-arounds so a neighbouring kana does not hide it."""

from __future__ import annotations

from presidio_analyzer import Pattern

from scanner.recognizers.pattern_base import JapanesePatternRecognizer

_LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_EMAIL = (
    r"(?<![A-Za-z0-9.!#$%&'*+/=?^_`{|}~-])"
    + _LOCAL
    + r"@(?:"
    + _LABEL
    + r"\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])"
)


class JpEmailRecognizer(JapanesePatternRecognizer):
    ENTITY = "EMAIL_ADDRESS"
    PATTERNS = [Pattern("email", _EMAIL, 0.9)]
    CONTEXT = ["メール", "mail", "e-mail", "アドレス"]
