"""Masked excerpts: enough for a reviewer to recognise the kind of value, not the value."""

from __future__ import annotations

import re

_KEEP = set(" 　-()（）/.@")
_DIGIT = re.compile(r"\d")


def _star(s: str) -> str:
    return "".join(c if c in _KEEP else "*" for c in s)


def _mask_digits_keep_last(value: str, keep_last: int, keep_first: int = 0) -> str:
    digits = [i for i, c in enumerate(value) if c.isdigit()]
    shown = set(digits[:keep_first]) | set(digits[len(digits) - keep_last :] if keep_last else [])
    return "".join(
        c if (i in shown or not c.isdigit() and c in _KEEP) else ("*" if c.isalnum() else c)
        for i, c in enumerate(value)
    )


def mask(entity: str, value: str) -> str:
    """Return a masked excerpt for ``value`` of kind ``entity`` (山田 **, 090-****-5678)."""
    if not value:
        return ""
    if entity == "PERSON":
        parts = re.split(r"([ 　・,])", value, maxsplit=1)
        if len(parts) == 3:
            return parts[0] + parts[1] + _star(parts[2])
        return value[0] + "*" * (len(value) - 1)
    if entity == "EMAIL_ADDRESS":
        local, _, domain = value.partition("@")
        return (local[:1] + "***@" + domain) if domain else value[:1] + "***"
    if entity == "PHONE_NUMBER":
        return _mask_digits_keep_last(value, keep_last=4, keep_first=3)
    if entity == "ADDRESS":
        m = re.search(r"\d|[一二三四五六七八九十]+丁目", value)
        cut = m.start() if m else max(1, len(value) // 2)
        return value[:cut] + _star(value[cut:])
    if entity == "DATE_OF_BIRTH":
        return _DIGIT.sub("*", value)
    if entity in ("EMPLOYER",):
        return value[:1] + "*" * max(0, len(value) - 2) + value[-1:]
    if entity == "JP_CORPORATE_NUMBER":
        return value  # a corporation's public number is not personal data
    return _mask_digits_keep_last(value, keep_last=4) if _DIGIT.search(value) else _star(value)
