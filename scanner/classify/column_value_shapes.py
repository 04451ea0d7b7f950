"""Cheap shape checks on single column values, used as evidence beside the detector.

The detector judges a value on its own; a column classifier also asks whether a value
*fits* what the column name promises (``tel02`` holds ``1234``, not an address) and
whether nearly all values pass a checksum, which no single-value detector can know.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import phonenumbers
from stdnum import ean
from stdnum.jp import cn as jp_cn
from stdnum.jp import in_ as jp_in

from scanner.detect.jp_dates import parse_date_loose

PREFECTURES: frozenset[str] = frozenset(
    "北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 茨城県 栃木県 群馬県 埼玉県 千葉県 東京都 "
    "神奈川県 新潟県 富山県 石川県 福井県 山梨県 長野県 岐阜県 静岡県 愛知県 三重県 滋賀県 京都府 "
    "大阪府 兵庫県 奈良県 和歌山県 鳥取県 島根県 岡山県 広島県 山口県 徳島県 香川県 愛媛県 高知県 "
    "福岡県 佐賀県 長崎県 熊本県 大分県 宮崎県 鹿児島県 沖縄県".split()
)

_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−－﹣ーｰ"})
_SPACES = re.compile(r"[\s　]+")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+$")
_POSTAL = re.compile(r"^〒?\s*\d{3}-?\d{4}$")
_POSTAL_PART = re.compile(r"^\d{3,4}$")
_PHONE_CHARS = re.compile(r"^\+?[\d\-() ]{2,20}$")
_KANA = re.compile(r"^[\u3041-\u309f\u30a0-\u30ff\uff66-\uff9f・ 　]+$")
_LETTER = re.compile(r"[A-Za-z\u3041-\u309f\u30a0-\u30ff\u3400-\u9fff\uff66-\uff9f]")
_DIGIT = re.compile(r"\d")
_TIME_OF_DAY = re.compile(r"(?:[ T]\d{1,2}:\d{2}[\d:.]*.*)$")
_PASSPORT = re.compile(r"^[A-Z]{2}\d{7}$")
_RESIDENCE = re.compile(r"^[A-Z]{2}\d{8}[A-Z]{2}$")
_PENSION = re.compile(r"^\d{4}-?\d{6}$")
#: a street's block number, a building after it: 3-15-7, 1-2-3 コーポ山田101 (never 0-led)
_BLOCK_NUMBER = re.compile(r"^[1-9]\d{0,3}(?:-\d{1,4}){1,3}(?:\s+\S.{0,40})?$")


def fold(value: str) -> str:
    """NFKC plus the dash map, trimmed: how values are compared, never how they are shown."""
    return unicodedata.normalize("NFKC", value).translate(_DASHES).strip()


def digits_only(value: str) -> str:
    return "".join(c for c in fold(value) if c.isdigit())


def has_letter(value: str) -> bool:
    return bool(_LETTER.search(value))


def digit_share(value: str) -> float:
    text = _SPACES.sub("", value)
    return len(_DIGIT.findall(text)) / len(text) if text else 0.0


def is_email(value: str) -> bool:
    return bool(_EMAIL.match(fold(value)))


def is_postal_code(value: str) -> bool:
    return bool(_POSTAL.match(fold(value)))


def is_postal_part(value: str) -> bool:
    return bool(_POSTAL_PART.match(fold(value)))


def is_phone_like(value: str) -> bool:
    """Digits, dashes, brackets: a phone number or a part of one (``03``, ``1234``)."""
    v = fold(value)
    return bool(_PHONE_CHARS.match(v)) and _DIGIT.search(v) is not None


def is_jp_phone(value: str) -> bool:
    """A whole Japanese phone number that libphonenumber accepts as valid."""
    v = fold(value)
    if not _PHONE_CHARS.match(v) or len(digits_only(v)) < 9:
        return False
    try:
        parsed = phonenumbers.parse(v, "JP")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(parsed)


def is_kana(value: str) -> bool:
    return bool(_KANA.match(value.strip()))


def is_prefecture(value: str) -> bool:
    return fold(value) in PREFECTURES


def parse_date(value: str) -> date | None:
    """A calendar date written the usual Japanese ways (ISO, slashes, 年月日, 昭和60年4月1日),
    a time of day after it ignored; future dates count (the column may hold deliveries)."""
    v = _TIME_OF_DAY.sub("", fold(value))
    return parse_date_loose(v, allow_future=True)


def is_my_number(value: str) -> bool:
    d = digits_only(value)
    return len(d) == 12 and jp_in.is_valid(d)


def is_corporate_number(value: str) -> bool:
    d = digits_only(value)
    return len(d) == 13 and jp_cn.is_valid(d)


def is_ean(value: str) -> bool:
    d = fold(value)
    return d.isdigit() and len(d) in (8, 13) and ean.is_valid(d)


def is_passport(value: str) -> bool:
    return bool(_PASSPORT.match(fold(value).upper()))


def is_residence_card(value: str) -> bool:
    return bool(_RESIDENCE.match(fold(value).upper()))


def is_pension_number(value: str) -> bool:
    return bool(_PENSION.match(fold(value)))


def is_luhn_card(value: str) -> bool:
    d = digits_only(value)
    if not 13 <= len(d) <= 19:
        return False
    total = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


#: values longer than this are prose, not one structured value
_MAX_SHAPED_LENGTH = 64


def shapes_of(value: str) -> tuple[frozenset[str], int | None]:
    """Every shape ``value`` has, and its year if it is a date; folded once, cheap checks first.

    Shape names: email, jp_phone, postal_code, prefecture, my_number, corporate_number,
    ean, passport, residence_card, pension, credit_card, kana, date, reversed_phone (a
    phone number's digits stored backwards for suffix search, as vtiger's phone lookup
    does), block_number (a street's 1-2-3, a building after it).
    """
    v = fold(value)
    if not v or len(v) > _MAX_SHAPED_LENGTH:
        return frozenset(), None
    out: set[str] = set()
    if "@" in v:
        return (frozenset({"email"}) if _EMAIL.match(v) else frozenset()), None
    digits = "".join(c for c in v if c.isdigit())
    n = len(digits)
    year = None
    if n:
        numeric = _PHONE_CHARS.match(v) is not None
        if numeric and 9 <= n <= 15 and (digits[0] == "0" or v[0] == "+") and is_jp_phone(v):
            out.add("jp_phone")
        if n == 7 and _POSTAL.match(v):
            out.add("postal_code")
        if numeric and n == 12 and jp_in.is_valid(digits):
            out.add("my_number")
        if numeric and n == 13 and jp_cn.is_valid(digits):
            out.add("corporate_number")
        if n in (8, 13) and v.isdigit() and ean.is_valid(v):
            out.add("ean")
        if n == 10 and _PENSION.match(v):
            out.add("pension")
        if numeric and 13 <= n <= 19 and is_luhn_card(digits):
            out.add("credit_card")
        if len(v) in (9, 12) and v[:2].isalpha():
            if _PASSPORT.match(v.upper()):
                out.add("passport")
            elif _RESIDENCE.match(v.upper()):
                out.add("residence_card")
        if n >= 3 and len(v) <= 30:
            parsed = parse_date(v)
            if parsed is not None:
                out.add("date")
                year = parsed.year
        if v.isdigit() and 10 <= n <= 11 and v[-1] == "0" and v[0] != "0":
            if is_jp_phone(v[::-1]):
                out.add("reversed_phone")
        if "date" not in out and "jp_phone" not in out and _BLOCK_NUMBER.match(v):
            out.add("block_number")
    elif v in PREFECTURES:
        out.add("prefecture")
    elif _KANA.match(v):
        out.add("kana")
    return frozenset(out), year
