"""Which encoding a Japanese text file is in: a strict cascade, not a statistical guess.

Statistical detectors confuse Shift_JIS, EUC-JP and even Latin encodings on short
Japanese samples (a name and a phone number). The cascade trusts hard evidence first:
a BOM, ISO-2022-JP escape sequences, a strict UTF-8 decode; then decodes strictly as
cp932 and as EUC-JP and keeps the reading that looks more like Japanese. Only text that
none of these explain goes to charset-normalizer.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

SNIFF_BYTES = 64 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ISO2022_ESCAPES = (b"\x1b$B", b"\x1b$@", b"\x1b(J", b"\x1b(I", b"\x1b$(D", b"\x1b$(Q")
_ISO2022_CODECS = ("iso2022_jp", "iso2022_jp_ext", "iso2022_jp_2", "iso2022_jp_2004")
_EUC_CODECS = ("euc_jp", "euc_jis_2004")
#: what a MIME or XML label means in practice: Windows software writes cp932 and calls it
#: Shift_JIS, and ISO-2022-JP mail often carries cp932's extra characters
DECLARED_ALIASES = {
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "ms_kanji": "cp932",
    "cp932": "cp932",
    "euc-jp": "euc_jp",
    "x-euc-jp": "euc_jp",
    "iso-2022-jp": "iso2022_jp",
    "csiso2022jp": "iso2022_jp",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
}
#: below this Japanese-plausibility both legacy readings are doubted
_PLAUSIBLE = 0.3
_ISO2022_KR_ESCAPE = b"\x1b$)C"
#: UTF-8 "with damage": this many valid multi-byte characters, at most this share bad
_DAMAGED_UTF8_MIN = 8
_DAMAGED_UTF8_SHARE = 0.05
#: a legacy reading with this many wide characters and no kana may be Korean or Chinese
_KANA_CHECK_MIN = 16
_OTHER_CJK = ("euc_kr", "gb18030", "big5")


@dataclass(frozen=True)
class EncodingGuess:
    encoding: str  # a Python codec name
    method: str  # "bom", "escape", "utf-8", "plausibility", "declared", "fallback", ...
    confidence: float = 1.0


def _strict_decode(data: bytes, codec: str, final: bool) -> str | None:
    """Decode strictly; with ``final=False`` a multi-byte character cut at the end is fine."""
    try:
        decoder = codecs.getincrementaldecoder(codec)(errors="strict")
        return decoder.decode(data, final=final)
    except (UnicodeDecodeError, LookupError):
        return None


def _kanji_level(ch: str) -> int:
    """1 for JIS level-1 (common) kanji, 2 for the rest of JIS X 0208, 0 outside it."""
    try:
        lead = ch.encode("euc_jp")[0]
    except UnicodeEncodeError:
        return 0
    return 1 if 0xB0 <= lead <= 0xCF else 2


def japanese_plausibility(text: str) -> float:
    """0..1: how much the non-ASCII part of ``text`` looks like real Japanese.

    A wrong legacy decoding produces half-width katakana soup, rare kanji and symbols;
    real text is rich in hiragana, katakana, punctuation and common kanji.
    """
    total = 0.0
    n = 0
    prev_halfwidth = False
    for ch in text:
        o = ord(ch)
        if o < 0x80:
            prev_halfwidth = False
            continue
        n += 1
        if 0x3040 <= o <= 0x30FF:
            total += 1.0
        elif 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E:
            total += 0.8
        elif 0xFF61 <= o <= 0xFF9F:
            # voiced marks right after half-width kana are what real ﾊﾝｶｸ text looks like
            total += 1.0 if (o in (0xFF9E, 0xFF9F) and prev_halfwidth) else 0.5
            prev_halfwidth = True
            continue
        elif 0x4E00 <= o <= 0x9FFF:
            total += 0.7 if _kanji_level(ch) == 1 else 0.1
        elif 0x2160 <= o <= 0x24FF or 0x3200 <= o <= 0x33FF:
            total += 0.6  # ①, Ⅳ, ㈱, ㎡: cp932's NEC symbols, common in business files
        prev_halfwidth = False
    if not n:
        return 1.0
    return total / n * (1.0 - _embedded_share(text))


def _embedded_share(text: str) -> float:
    """Share of the non-ASCII runs that are one character inside an ASCII word.

    Latin-1 or Central European text read as cp932 turns each accented letter and the
    letter after it into one kanji sitting inside an English-looking word (``caf漢s``);
    Japanese text has runs of several characters, or single ones beside digits, spaces
    and punctuation (``3月``, ``A社 ``)."""
    runs = 0
    embedded = 0.0
    i, size = 0, len(text)
    while i < size:
        if ord(text[i]) < 0x80:
            i += 1
            continue
        j = i
        while j < size and ord(text[j]) >= 0x80:
            j += 1
        runs += 1
        if j - i == 1:
            # a letter on both sides is an accented letter in disguise; on one side
            # (a word's first or last letter) half as telling: ``A社 `` is Japanese,
            # but a lone half-width kana touching a Latin word (``danezﾇ``) is not
            sides = _ascii_letter(text, i - 1) + _ascii_letter(text, j)
            halfwidth = 0xFF61 <= ord(text[i]) <= 0xFF9F
            embedded += min(1.0, sides) if halfwidth else sides / 2
        i = j
    return embedded / runs if runs else 0.0


def _ascii_letter(text: str, i: int) -> int:
    return int(0 <= i < len(text) and text[i].isascii() and text[i].isalpha())


def _looks_utf32(sample: bytes) -> str | None:
    """UTF-32 without a BOM: below U+10000 two of every four bytes are NUL, and in
    ASCII-heavy text a third."""
    if len(sample) < 16:
        return None
    sample = sample[: len(sample) // 4 * 4]
    zeros = [sample[k::4].count(0) / (len(sample) // 4) for k in range(4)]
    if zeros[2] > 0.95 and zeros[3] > 0.95 and zeros[0] < 0.05:
        codec = "utf-32-le"
    elif zeros[0] > 0.95 and zeros[1] > 0.95 and zeros[3] < 0.05:
        codec = "utf-32-be"
    else:
        return None
    text = _strict_decode(sample, codec, False)
    if not text:
        return None
    printable = sum(1 for c in text if c.isprintable() or c in "\t\r\n")
    return codec if printable / len(text) > 0.95 else None


def _looks_utf16(sample: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII-heavy text leaves NUL bytes in every other position."""
    if len(sample) < 8:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    zeros_even = even.count(0) / len(even)
    zeros_odd = odd.count(0) / len(odd)
    if zeros_odd > 0.3 and zeros_even < 0.05:
        codec = "utf-16-le"
    elif zeros_even > 0.3 and zeros_odd < 0.05:
        codec = "utf-16-be"
    else:
        return None
    text = _strict_decode(sample[: len(sample) // 2 * 2], codec, False)
    if not text:
        return None
    printable = sum(1 for c in text if c.isprintable() or c in "\t\r\n")
    return codec if printable / len(text) > 0.95 else None


def detect_encoding(
    sample: bytes, declared: str | None = None, complete: bool = False
) -> EncodingGuess | None:
    """The encoding of ``sample`` (the head of a file), or None if it is not text.

    ``declared`` (a MIME or XML charset) wins when the bytes decode under it. ``complete``
    says the sample is the whole file, so a character cut at its end is an error.
    """
    final = complete
    for bom, codec in _BOMS:
        if sample.startswith(bom):
            return EncodingGuess(codec, "bom")
    if declared:
        codec = normalize_declared(declared)
        if codec and _strict_decode(sample, codec, final) is not None:
            return EncodingGuess(codec, "declared")
    if any(esc in sample for esc in _ISO2022_ESCAPES) and max(sample, default=0) < 0x80:
        for codec in _ISO2022_CODECS:
            if _strict_decode(sample, codec, final) is not None:
                return EncodingGuess(codec, "escape")
        return EncodingGuess("iso2022_jp", "escape", 0.5)
    if _ISO2022_KR_ESCAPE in sample and sample.isascii():
        if _strict_decode(sample, "iso2022_kr", final) is not None:
            return EncodingGuess("iso2022_kr", "escape")
    utf32 = _looks_utf32(sample) if b"\x00\x00" in sample else None
    if utf32:
        return EncodingGuess(utf32, "nul-pattern", 0.8)
    if sample.isascii():
        if b"\x00" in sample:
            utf16 = _looks_utf16(sample)
            return EncodingGuess(utf16, "nul-pattern", 0.8) if utf16 else None
        return EncodingGuess("utf-8", "ascii")
    if _strict_decode(sample, "utf-8", final) is not None:
        return EncodingGuess("utf-8", "utf-8")
    utf16 = _looks_utf16(sample)
    if utf16:
        return EncodingGuess(utf16, "nul-pattern", 0.8)
    damaged = _damaged_utf8(sample)
    if damaged is not None:
        return damaged
    readings: list[tuple[float, str]] = []
    readings_text: dict[str, str] = {}
    sjis = _strict_decode(sample, "cp932", final)
    if sjis is not None:
        readings.append((japanese_plausibility(sjis), "cp932"))
        readings_text["cp932"] = sjis
    for codec in _EUC_CODECS:
        euc = _strict_decode(sample, codec, final)
        if euc is not None:
            readings.append((japanese_plausibility(euc), codec))
            readings_text[codec] = euc
            break
    if readings:
        # ties go to cp932: it is what Windows and Excel write
        score, codec = max(readings, key=lambda r: (r[0], r[1] == "cp932"))
        if score >= _PLAUSIBLE:
            other = _other_east_asian(sample, readings_text[codec], codec)
            if other is not None:
                return other
            return EncodingGuess(codec, "plausibility", round(min(1.0, score), 3))
    return _fallback(sample)


def _damaged_utf8(sample: bytes) -> EncodingGuess | None:
    """UTF-8 with a few bad bytes (a corrupted log line, a byte cut by a copy tool): read
    as UTF-8 with the bad bytes replaced. Without this, one stray byte sent Japanese
    UTF-8 to the cp932 reading, which turned all of it into mojibake. Legacy Japanese
    bytes almost never form valid multi-byte UTF-8 sequences, so many valid ones and
    few invalid ones is UTF-8."""
    text = sample.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) >= 0x80) - bad
    if good >= _DAMAGED_UTF8_MIN and bad <= good * _DAMAGED_UTF8_SHARE:
        return EncodingGuess("utf-8", "utf-8-damaged", round(1 - bad / (good + bad), 3))
    return None


def _other_east_asian(sample: bytes, text: str, codec: str) -> EncodingGuess | None:
    """Korean (EUC-KR) and Chinese (GB, Big5) bytes also decode as EUC-JP, into common
    kanji; real Japanese text of some length always holds kana. A long reading without
    kana is put to charset-normalizer against those encodings, which weighs each
    language's character frequencies; a Japanese list of names and addresses (kanji only)
    stays Japanese."""
    wide = [c for c in text if ord(c) >= 0x3000]
    if len(wide) < _KANA_CHECK_MIN:
        return None
    kana = sum(1 for c in wide if 0x3040 <= ord(c) <= 0x30FF or 0xFF66 <= ord(c) <= 0xFF9D)
    if kana / len(wide) >= 0.05:
        return None
    from charset_normalizer import from_bytes

    best = from_bytes(sample[:SNIFF_BYTES], cp_isolation=[codec, *_OTHER_CJK]).best()
    if (
        best is None
        or not best.encoding
        or codecs.lookup(best.encoding).name == codecs.lookup(codec).name
    ):
        return None
    return EncodingGuess(codecs.lookup(best.encoding).name, "cjk-frequency", 0.8)


def _fallback(sample: bytes) -> EncodingGuess | None:
    from charset_normalizer import from_bytes

    best = from_bytes(sample[:SNIFF_BYTES]).best()
    if best is None or not best.encoding:
        return None
    coherence = float(getattr(best, "coherence", 0.0) or 0.0)
    codec = codecs.lookup(best.encoding).name
    if codec in _LATIN_CODECS:
        latin = _latin_code_page(sample[:SNIFF_BYTES], codec)
        if latin != codec:
            return EncodingGuess(latin, "latin-alphabet", coherence)
    return EncodingGuess(codec, "charset-normalizer", coherence)


#: single-byte code pages of Latin-script languages, in the order ties go (the Windows
#: code page before the ISO one it extends, Western before Central European ...)
_LATIN_CODECS = tuple(
    codecs.lookup(c).name
    for c in (
        "cp1252", "iso8859-15", "iso8859-1", "cp1250", "iso8859-2", "iso8859-16", "cp1257",
        "iso8859-13", "iso8859-4", "iso8859-10", "cp1254", "iso8859-9", "iso8859-3",
        "iso8859-14", "cp1258", "mac-latin2", "mac-roman", "cp852", "cp850", "cp437",
    )
)  # fmt: skip
#: the letters beyond ASCII each language written in those code pages uses (lower case)
_LATIN_ALPHABETS = (
    "áčďéěíňóřšťúůýž", "áäčďéíĺľňóôŕšťúýž", "ąćęłńóśźż", "áéíóöőúüű", "čćđšž", "ăâîșşțţ",
    "ąčęėįšųūž", "āčēģīķļņšūž", "äõöüšž", "äöåšž", "æøåéó", "åäöé", "äöüß",
    "àâæçéèêëîïôœùûüÿ", "áéíñóúü", "áâãàçéêíóôõú", "àèéìíîòóùú", "àçèéíïòóúü·", "çğıöşüâîû",
    "ċġħżàèìòù", "ĉĝĥĵŝŭ", "áðéíóúýþæö", "áéíóú", "éëïóöü", "àáâãèéêìíòóôõùúýăđĩũơư",
)  # fmt: skip
#: other characters ordinary text holds (quotes, dashes, signs), and rarer ones that a
#: wrong reading makes of letters (Czech š read as cp1252 is ¹, French œ read as
#: cp1252 is ½): those count half
_LATIN_NEUTRAL = frozenset("\xa0«»‘’‚“”„–—…•·°€£¡¿")
_LATIN_RARE = frozenset("½¼¾¹²³±µ×÷¶‰†‡¥¢§©®™‹›")
_ALPHABETS_WITH_TONES = tuple((a, "ư" in a) for a in _LATIN_ALPHABETS)
#: Vietnamese (cp1258) tone marks, after a vowel only
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_VOWELS = frozenset("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")


def _latin_code_page(sample: bytes, picked: str) -> str:
    """The Latin code page whose reading uses the letters of one language best.

    charset-normalizer ranks Latin code pages by how chaotic and how like a language's
    letter frequencies each reading is; single-byte Latin code pages give near-ties it
    breaks arbitrarily (Czech ISO-8859-2 read as cp1250 turns every š into ą). A wrong
    reading puts another language's letters, C1 controls or stray signs (¤, ¸, ˇ) where
    the right one has the letters of one alphabet. Its pick is kept on a tie."""

    def fit(codec: str) -> float:
        text = _strict_decode(sample, codec, False)
        if text is None:
            return -1.0
        counts: dict[str, int] = {}
        for i, ch in enumerate(text):
            if ord(ch) < 0x80:
                continue
            if ch in _TONE_MARKS:
                ch = "\u0301" if i and text[i - 1] in _VOWELS else "\ufffd"
            elif ch.isupper() and i and text[i - 1].islower():
                ch = "\ufffd"  # a capital inside a word (mŸsu): a letter misread
            counts[ch.lower()] = counts.get(ch.lower(), 0) + 1
        total = sum(counts.values())
        if not total:
            return 1.0
        neutral = sum(n for ch, n in counts.items() if ch in _LATIN_NEUTRAL)
        neutral += sum(n / 2 for ch, n in counts.items() if ch in _LATIN_RARE)
        best = max(
            sum(n for ch, n in counts.items() if ch in alphabet or (ch == "\u0301" and vi))
            for alphabet, vi in _ALPHABETS_WITH_TONES
        )
        return (best + neutral) / total

    scores = {codec: fit(codec) for codec in _LATIN_CODECS}
    top = max(scores.values())
    if scores.get(picked, -1.0) >= top:
        return picked
    return next(codec for codec in _LATIN_CODECS if scores[codec] == top)


def normalize_declared(label: str) -> str | None:
    """A MIME/XML charset label as the Python codec that actually decodes such text."""
    key = label.strip().strip("\"'").lower()
    if key in DECLARED_ALIASES:
        return DECLARED_ALIASES[key]
    try:
        return codecs.lookup(key).name
    except LookupError:
        return None


def decode_declared(data: bytes, declared: str | None) -> tuple[str, str]:
    """Decode a whole payload (an e-mail part) trusting its label only if it fits.

    Returns (text, codec). ISO-2022-JP and EUC-JP labels try their supersets before
    giving up on the label; undecodable bytes become U+FFFD, never an exception.
    """
    codec = normalize_declared(declared) if declared else None
    candidates: list[str] = []
    if codec:
        candidates.append(codec)
        if codec.startswith("iso2022_jp"):
            candidates.extend(c for c in _ISO2022_CODECS if c != codec)
        elif codec in _EUC_CODECS:
            candidates.extend(c for c in _EUC_CODECS if c != codec)
    for candidate in candidates:
        text = _strict_decode(data, candidate, final=True)
        if text is not None:
            return text, candidate
    guess = detect_encoding(data[:SNIFF_BYTES], complete=len(data) <= SNIFF_BYTES)
    chosen = guess.encoding if guess else (codec or "utf-8")
    try:
        return data.decode(chosen, errors="replace"), chosen
    except LookupError:
        return data.decode("utf-8", errors="replace"), "utf-8"
