"""Japanese dates: Western and era (和暦) forms, kanji numerals, to ``datetime.date``."""

from __future__ import annotations

import datetime as dt
import re

# era name -> (first day, last day or None); single letters are the common abbreviations
ERAS: dict[str, tuple[dt.date, dt.date | None]] = {
    "明治": (dt.date(1868, 1, 25), dt.date(1912, 7, 29)),
    "大正": (dt.date(1912, 7, 30), dt.date(1926, 12, 24)),
    "昭和": (dt.date(1926, 12, 25), dt.date(1989, 1, 7)),
    "平成": (dt.date(1989, 1, 8), dt.date(2019, 4, 30)),
    "令和": (dt.date(2019, 5, 1), None),
}
ERA_LETTERS = {"M": "明治", "T": "大正", "S": "昭和", "H": "平成", "R": "令和"}
#: years an era's count may run past its end: forms printed before a change of era are
#: filled in with the old era for a while (平成31年5月1日 is 2019-05-01, 令和元年5月1日)
ERA_OVERRUN_YEARS = 2

_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                 "七": 7, "八": 8, "九": 9}  # fmt: skip

KANJI_NUMBER = r"[〇零一二三四五六七八九十]+"
NUMBER = r"(?:\d{1,4}|" + KANJI_NUMBER + r")"

_SEP_Y = r"\s?(?:年|[-/.])\s?"
_SEP_M = r"\s?(?:月|[-/.])\s?"
WESTERN_DATE = (
    r"(?P<y>1[89]\d{2}|20\d{2})" + _SEP_Y + r"(?P<m>\d{1,2})" + _SEP_M + r"(?P<d>\d{1,2})日?"
)
ERA_DATE = (
    r"(?P<era>明治|大正|昭和|平成|令和|[MTSHRmtshr])\s?(?P<ey>\d{1,2}|元|"
    + KANJI_NUMBER
    + r")"
    + _SEP_Y
    + r"(?P<m>\d{1,2}|"
    + KANJI_NUMBER
    + r")"
    + _SEP_M
    + r"(?P<d>\d{1,2}|"
    + KANJI_NUMBER
    + r")日?"
)
KANJI_WESTERN_DATE = (
    r"(?P<ky>[一二][〇一二三四五六七八九]{3})年(?P<km>"
    + KANJI_NUMBER
    + r")月(?P<kd>"
    + KANJI_NUMBER
    + r")日"
)
_WESTERN_RE = re.compile(WESTERN_DATE)
_KANJI_WESTERN_RE = re.compile(KANJI_WESTERN_DATE)
_ERA_RE = re.compile(ERA_DATE)


def kanji_to_int(text: str) -> int | None:
    """'六十' -> 60, '十二' -> 12, '元' -> 1, '25' -> 25; None if not a number."""
    if text.isdigit():
        return int(text)
    if text == "元":
        return 1
    total, current = 0, 0
    for ch in text:
        if ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch in _KANJI_DIGITS:
            current = current * 10 + _KANJI_DIGITS[ch]
        else:
            return None
    return total + current


def era_of(date: dt.date) -> str | None:
    """``1976-07-07`` -> ``昭和51年``, ``2019-05-01`` -> ``令和元年``; None before 明治."""
    for name, (start, end) in ERAS.items():
        if start <= date and (end is None or date <= end):
            year = date.year - start.year + 1
            return f"{name}{'元' if year == 1 else year}年"
    return None


def era_to_year(era: str, year: int) -> int | None:
    era = ERA_LETTERS.get(era.upper(), era)
    if era not in ERAS or year < 1:
        return None
    return ERAS[era][0].year + year - 1


def era_overrun(text: str) -> bool:
    """True for an era date later than its era's last day but within
    ``ERA_OVERRUN_YEARS`` (平成31年5月1日): a real date, written the way old forms do."""
    m = _ERA_RE.fullmatch(re.sub(r"\s+", "", text))
    if not m:
        return False
    date = _era_date(m)
    end = ERAS[ERA_LETTERS.get(m["era"].upper(), m["era"])][1]
    return date is not None and end is not None and date > end


def _era_date(m: re.Match[str]) -> dt.date | None:
    era = ERA_LETTERS.get(m["era"].upper(), m["era"])
    ey = kanji_to_int(m["ey"])
    year = era_to_year(era, ey) if ey else None
    month, day = kanji_to_int(m["m"]), kanji_to_int(m["d"])
    if year is None or month is None or day is None:
        return None
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    start, end = ERAS[era]
    if date < start:
        return None
    if end is not None and date > end:
        try:
            overrun_limit = end.replace(year=end.year + ERA_OVERRUN_YEARS)
        except ValueError:  # 29 February
            overrun_limit = end + dt.timedelta(days=365 * ERA_OVERRUN_YEARS)
        if date > overrun_limit:
            return None
    return date


def parse_date(
    text: str, today: dt.date | None = None, allow_future: bool = False
) -> dt.date | None:
    """Parse a whole date string in any supported form; None if it is not a real date.

    A date after ``today`` is refused unless ``allow_future`` (no one is born tomorrow).
    An era date a little past its era's end is a real date (``era_overrun`` tells).
    """
    text = text.strip()
    m = _ERA_RE.fullmatch(text)
    if m:
        date = _era_date(m)
        if date is None:
            return None
    elif m := _KANJI_WESTERN_RE.fullmatch(text):
        parts = [kanji_to_int(m[g]) for g in ("ky", "km", "kd")]
        if None in parts:
            return None
        try:
            date = dt.date(*parts)
        except ValueError:
            return None
    else:
        m = _WESTERN_RE.fullmatch(text)
        if not m:
            return None
        try:
            date = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None
    if not allow_future and date > (today or dt.date.today()):
        return None
    return date


def parse_date_loose(text: str, allow_future: bool = False) -> dt.date | None:
    """Parse dates typed in other ways too (19850401, 1985.4.1), for subject search."""
    normalized = re.sub(r"\s+", "", text)
    date = parse_date(normalized, allow_future=allow_future)
    if date is None and re.fullmatch(r"(1[89]|20)\d{6}", normalized):
        try:
            date = dt.date(int(normalized[:4]), int(normalized[4:6]), int(normalized[6:]))
        except ValueError:
            return None
    return date
