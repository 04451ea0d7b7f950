"""Database values as the text the classifier reads.

Dates become ISO text (midnight times dropped, so a DATETIME birth column reads like a
date), numbers plain digits, JSON compact text. Bytes (a BLOB holding a PHP session, a
serialized cart, a JSON document) are read when they are UTF-8 text, cut characters at the
end of a truncated read forgiven; images and other binary data are skipped.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any


def to_text(value: Any) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        if value.time() == time(0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return _binary_text(bytes(value))
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _binary_text(data: bytes) -> str | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start < len(data) - 3 or err.reason != "unexpected end of data":
            return None
        text = data[: err.start].decode("utf-8")  # the read cut the last character
    if "\x00" in text:
        return None  # UTF-8 by chance: binary data with NULs
    return text
