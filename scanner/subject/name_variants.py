"""The ways one name is written: 異体字, kana or romaji readings, either order.

髙橋 and 高橋, 齋藤 / 斎藤 / 斉藤, 渡邊 / 渡辺 are one surname; ヤマダ タロウ, やまだ たろう,
Taro Yamada, Yamada Tarō and Yamada Tarou are one reading. A name value in the sources
gets, besides its exact fingerprint, two more keys that are folded *before* the HMAC:

* ``variant``: the exact form (no spaces, NFKC, kana as katakana) with every kanji folded
  to one representative of its 異体字 family;
* ``reading``: the reading in a canonical romaji that Hepburn, kunrei and kana all reach
  (shi/si, chi/ti, tsu/tu, fu/hu, ji/zi, long vowels ou/oo/ō/oh folded, ん before b/m/p).
  Kanji are read with Sudachi's dictionary (its reading of the name as written).

The index stores the keys of the value as written. A request's name also yields the keys
of the reversed order (山田太郎 → 太郎山田, "Taro Yamada" → "Yamada Taro"), split at its
spaces, else between Sudachi's tokens, else at every point of the reading.

The 異体字 families come from the ja-itaiji package (MIT, its data shipped in the wheel,
no network). Its families are loose (濱 lists 頻, 間 and 閑 list each other), so a kanji is
folded only from an old or rare form to a common one (plus a short list of name pairs of
two common kanji: 嶋/島, 龍/竜, 曾/曽, 冨/富, 峯/峰, 﨑/崎): a kanji outside JIS X 0208 level 1
(髙, 齋, 邊, 﨑, 濱, 澤) maps to the member of its family that is in level 1, lists it back
and whose own family is most like its own (高, 斎, 辺, 浜, 沢). Other common kanji are
never folded into each other: 斉藤 and 斎藤 meet by their reading, not as variants.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from scanner.fingerprint import normalize_name

#: how a name key was made, weakest last: what a hit reports
HOWS = ("exact", "variant", "reading")
_SPACES = re.compile(r"[\s\u3000]+")
_KANJI = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f々]")
_LATIN = re.compile(r"[a-z]")
_MACRONS = str.maketrans("āīūēōâîûêô", "aiueoaiueo")
#: Hepburn (and nihon-shiki) spellings -> one canonical spelling, longest first
_ROMAJI = (
    ("tch", "tt"), ("sha", "sya"), ("shu", "syu"), ("sho", "syo"), ("she", "sye"),
    ("shi", "si"), ("cha", "tya"), ("chu", "tyu"), ("cho", "tyo"), ("che", "tye"),
    ("chi", "ti"), ("tsu", "tu"), ("dzu", "zu"), ("ja", "zya"), ("ju", "zyu"), ("jo", "zyo"),
    ("je", "zye"), ("ji", "zi"), ("di", "zi"), ("du", "zu"), ("fu", "hu"), ("wo", "o"),
)  # fmt: skip
_LONG = re.compile(r"oh(?![aiueo])|ou|oo|uu|aa|ii|ee")
_M_BEFORE_LABIAL = re.compile(r"m(?=[bmp])")
_NOT_LETTER = re.compile(r"[^a-z]")


@dataclass(frozen=True)
class NameKey:
    """One folded form of a name; ``text`` is what gets fingerprinted."""

    how: str  # "variant" or "reading"
    text: str

    @property
    def keyed(self) -> str:
        """The text under the HMAC: tagged, so a reading never meets an exact name."""
        return f"kojin-name-{self.how}\n{self.text}"


@lru_cache(maxsize=65_536)
def name_keys(value: str) -> tuple[NameKey, ...]:
    """The variant and reading keys of a name as written (what the index stores).

    Cached: a source repeats names (orders, inquiries), and reading one costs a Sudachi
    tokenisation."""
    keys = [NameKey("variant", fold_variants(normalize_name(value)))]
    reading = reading_key(fold_variants(value))
    if reading:
        keys.append(NameKey("reading", reading))
    return tuple(dict.fromkeys(keys))


def query_keys(value: str) -> tuple[NameKey, ...]:
    """A request's name: its keys in the order given and reversed (姓名 / 名姓)."""
    keys = list(name_keys(value))
    for first, second in _splits(value):
        keys.append(NameKey("variant", fold_variants(normalize_name(second + first))))
        reading = reading_key(fold_variants(second)) + reading_key(fold_variants(first))
        if reading:
            keys.append(NameKey("reading", reading))
    return tuple(dict.fromkeys(keys))


def fold_variants(text: str) -> str:
    table = _variant_table()
    return "".join(table.get(c, c) for c in text)


def reading_key(value: str) -> str:
    """The canonical romaji reading of a name written in kanji, kana or romaji.

    Each part (between spaces, or each of Sudachi's tokens) is spelt on its own, so a long
    vowel never forms across the boundary (Ryouhei Itou: ryohei + ito, not ryoheito).
    """
    import jaconv

    parts = [p for p in _SPACES.split(unicodedata.normalize("NFKC", value).lower()) if p]
    out = []
    for part in parts:
        if _KANJI.search(part):
            readings = _read_kanji(part)
            if readings is None:
                return ""
            out += [canonical_romaji(jaconv.kana2alphabet(jaconv.kata2hira(r))) for r in readings]
        elif _LATIN.search(part):
            out.append(canonical_romaji(part))
        else:
            out.append(canonical_romaji(jaconv.kana2alphabet(jaconv.kata2hira(part))))
    return "".join(out)


def canonical_romaji(text: str) -> str:
    """One spelling for Hepburn, kunrei and kana-derived romaji: Tarō = Taro = Tarou."""
    text = text.lower().translate(_MACRONS).replace("'", "").replace("-", "")
    for hepburn, canonical in _ROMAJI:
        text = text.replace(hepburn, canonical)
    text = _M_BEFORE_LABIAL.sub("n", text)
    text = _LONG.sub(lambda m: m.group()[0], text)
    text = text.replace("nn", "n")
    return _NOT_LETTER.sub("", text)


def _splits(value: str) -> list[tuple[str, str]]:
    """Where a name may split into surname and given name."""
    text = unicodedata.normalize("NFKC", value).strip()
    parts = [p for p in _SPACES.split(text) if p]
    if len(parts) >= 2:
        return [(parts[0], "".join(parts[1:]))]
    if _KANJI.search(text):
        tokens = _tokens(text)
        if len(tokens) >= 2:
            return [(tokens[0], "".join(tokens[1:]))]
    return [(text[:i], text[i:]) for i in range(1, len(text))]


def _read_kanji(text: str) -> list[str] | None:
    """Katakana readings of ``text``'s tokens from Sudachi, or None if one has none."""
    tokenizer, mode = _sudachi()
    out = []
    for m in tokenizer.tokenize(text, mode):
        reading = m.reading_form()
        if not reading or _KANJI.search(reading):
            return None
        out.append(reading)
    return out


def _tokens(text: str) -> list[str]:
    tokenizer, mode = _sudachi()
    return [m.surface() for m in tokenizer.tokenize(text, mode)]


@cache
def _sudachi():
    from sudachipy import Dictionary, SplitMode

    return Dictionary(dict="core").create(), SplitMode.C


@cache
def _variant_table() -> dict[str, str]:
    """kanji -> the common form of its 異体字 family (only old or rare forms have one)."""
    from ja_itaiji import Itaiji

    families = Itaiji.dictionary
    table: dict[str, str] = {}
    for rare, family in families.items():
        if _is_common(rare):
            continue
        mine = set(family)
        candidates = [
            c for c in family if c != rare and _is_common(c) and rare in families.get(c, ())
        ]
        if candidates:  # the common form whose own family is most like this one (Jaccard)
            table[rare] = max(candidates, key=lambda c: _similarity(mine, set(families[c])))
    for pair in _NAME_PAIRS.split():
        variant, common = pair
        if variant in families.get(common, ()) or common in families.get(variant, ()):
            table[variant] = common
    return table


#: name kanji pairs the level-1 rule cannot fold (both common, or a look-alike chosen
#: instead): variant + common form; kept only where ja-itaiji lists them as one family
_NAME_PAIRS = "嶋島 嶌島 龍竜 曾曽 冨富 峯峰 﨑崎 碕崎 嵜崎 埜野"


def _similarity(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b)


def _is_common(kanji: str) -> bool:
    """JIS X 0208 level 1 (rows 16-47): the 2,965 kanji of everyday text."""
    try:
        code = kanji.encode("euc_jp")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and 16 <= code[0] - 0xA0 <= 47
