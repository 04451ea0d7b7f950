"""メールアドレス, with ASCII look-arounds so a neighbouring kana does not hide it."""

from __future__ import annotations

from presidio_analyzer import Pattern

from scanner.detect.recognizers.pattern_base import JapanesePatternRecognizer

# RFC 5322 allows more (=, /, ', ...), but in logs and CSV those characters are the
# separators around an address (user=taro@…), so the common subset is used.
_LOCAL = r"[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_EMAIL = (
    r"(?<![A-Za-z0-9._%+-])" + _LOCAL + r"@(?:" + _LABEL + r"\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])"
)


_ID_HEADERS = ("message-id", "in-reply-to", "references", "content-id", "msgid", "message_id")


class JpEmailRecognizer(JapanesePatternRecognizer):
    ENTITY = "EMAIL_ADDRESS"
    PATTERNS = [Pattern("email", _EMAIL, 0.9)]
    NEEDS_ANY = {"email": ("@",)}
    STDLIB_RE = ("email",)  # ASCII classes and look-arounds only: re scans it twice as fast
    CONTEXT = ["メール", "mail", "e-mail", "アドレス"]

    def adjust_span(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Message-IDs and MIME Content-IDs look like addresses but belong to no one."""
        line_start = text.rfind("\n", 0, start) + 1
        header = text[line_start:start].lower()
        if any(h in header for h in _ID_HEADERS):
            return start, start
        return start, end
