"""氏名: names from SudachiPy's part of speech, kana readings and romaji.

Sudachi tags surnames and given names (名詞-固有名詞-人名-姓/名) hundreds of times faster
than NER, but surnames also sit inside company names (藤田通信) and place names. So a
span counts as a name when it is a surname followed by a given name, a name followed by
an honorific (様, さん, 氏 ...) or an office glued to it (野村財務大臣, 田中一郎シェフ), or a lone
name next to a label (氏名, 担当 ...), and never when another common noun is glued to it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import compress
from operator import itemgetter

import jaconv
from presidio_analyzer import LocalRecognizer, RecognizerResult

from scanner.detect.context_enhancer import HARD_BOUNDARY
from scanner.detect.nlp.artifacts import MORPHEME_END as _END
from scanner.detect.nlp.artifacts import MORPHEME_START as _START
from scanner.detect.nlp.artifacts import Morpheme
from scanner.detect.recognizers.pattern_base import near_anchors, new_result
from scanner.detect.recognizers.person_false_names import FalseNames
from scanner.detect.recognizers.person_scorer import (
    _KATAKANA_ROLES,
    CARE_OF,
    TITLES,
    PersonScorer,
    TextCandidates,
    appointed,
    at_work,
    belongs,
    colleague_surnames,
    counted_as_people,
    kanji_surnames,
    labelled,
    leads,
    not_a_person,
    reached_at,
    read_as_name,
    signs,
    sovereign_names,
)

HONORIFICS = frozenset(
    {"様", "さん", "氏", "殿", "くん", "君", "ちゃん", "先生", "さま", "サン", "様方", "夫人",
     "部長", "課長", "社長", "係長", "主任", "教授", "専務", "常務", "次長", "室長", "店長",
     "マネージャー", "会長", "副社長", "取締役", "看護師", "医師"}
)  # fmt: skip
_KANA_OR_KANJI = re.compile(r"[一-龥々ぁ-ゖァ-ヴー]{1,6}")
_KANJI = re.compile(r"[一-龥々]+")
_HIRAGANA = re.compile(r"[ぁ-ゖー]+")
_KATAKANA = re.compile(r"[ァ-ヴー]+")
_ROMAJI_NAME = re.compile(
    r"(?<![A-Za-z@.])([A-Z][a-z]{1,11}|[A-Z]{2,12})[ ]([A-Z][a-z]{1,11}|[A-Z]{2,12})(?![A-Za-z@])"
)
#: what every _ROMAJI_NAME match holds (a letter, a space, a capital): the pair is tried
#: only near its hits (its look-behind makes its own scan try every position), none in
#: most texts
_ROMAJI_HINT = re.compile(r"[A-Za-z][ ][A-Z]")
#: an English title before a romaji surname: Dear Mr. Yamada, Ms Sato (the surname must
#: spell as Hepburn romaji, so Mr. Children, Mr. Donut and Dr. Pepper stay brands)
_TITLED_ROMAJI = re.compile(
    r"\b(?:Mr|Ms|Mrs|Miss|Dr|Prof)\.?[ ]([A-Z][a-z]{1,11})\b(?![ ][A-Z])"
)  # (Mr. Taro Yamada: the pair of words is the name, _ROMAJI_NAME's)
_TITLE_HINTS = ("Mr", "Ms", "Miss", "Dr", "Prof")
#: a lone romaji surname in Japanese text with an honorific, or doing a colleague's work
#: (Sato が対応します, Tanakaさんに確認済み): not after another capitalised word (a pair is
#: _ROMAJI_NAME's) nor inside an address, a path or a code
_LONE_ROMAJI = re.compile(
    r"(?<![A-Za-z0-9@./_\-])([A-Z][a-z]{2,11})[ 　]?"
    r"(?:(さん|様|氏)|[がは](?=(?:対応|担当|確認|出席|欠席|来社|訪問|出張|報告|説明|連絡|同行|作成)))"
)
_CAPITALISED_BEFORE = re.compile(r"[A-Z][a-z]*[ 　]$")
# English and Spanish words that also spell out as Hepburn syllables (To Do, You Owe, San
# Juan, Rate PO) or that Sudachi's dictionary files as 人名 (Page Last Page, del campo).
_ENGLISH_WORDS = frozenset(
    "you to do san owe go no so me we be he she see use are one make take home page more site"
    " type note code time name date game same sale open mode data done gone none tone zone"
    " line fine nine mine wine side ride wide made fade wake bake move hope rope joke"
    " juan jose de la le du des die der das he hi oh yes ago age tube online"
    " page last next previous first rate an po del al el los las medio campo japan sea nui"
    " rapa".split()
)
# A lone character with no kana within this many characters is Chinese text, not a name.
_KANA = re.compile(r"[ぁ-ゖァ-ヺ]")
_KANA_WINDOW = 20
# Chinese text: around a kanji-only candidate, no kana and at least this many Han
# characters outside JIS X 0208/0213 (simplified 肠, 顶, 连: no Japanese text has them)
_CHINESE_WINDOW, _CHINESE_CHARS = 60, 2
#: what a name may carry there and still be none: 氏 after a name is a clan or a
#: transliterated surname in Chinese (巴氏 is Pasteur's), not Mr or Ms; 先生 is both
_NO_HONORIFIC_IN_CHINESE = frozenset({"", "氏"})
_LATIN_WORD = re.compile(r"[A-Za-z]+")
# a word written like a romaji pair's second one right after it on the same line
# (Kawasaki Kisen Kaisha, Fu Xing Men Nei Avenue, KAWASAKI KISEN KAISHA): the pair is
# part of a longer proper name; a label after it (SOTARO HASEGAWA Passport No.) is not
_TITLE_NEXT = re.compile(r"[ ][A-Z][a-z]")
_UPPER_NEXT = re.compile(r"[ ][A-Z]{2}")
#: a lower-case word of prose, not of an e-mail address, a URL or a file name
_LOWER_WORD = re.compile(r"(?<![A-Za-z0-9@._/-])[a-z]+(?![A-Za-z0-9@._/-])")
_JAPANESE = re.compile(r"[ぁ-ゖァ-ヺ一-龥々]")
# lower-case words around a romaji pair: when at least this share of at least this many
# spell as Hepburn syllables (chiesa, di, la, come), the text is Italian or Spanish (or
# romanised Japanese), whose capitalised words spell as romaji too
_ROMAJI_WINDOW, _ROMAJI_WORDS, _ROMAJI_SHARE = 80, 4, 0.5
_HEPBURN = re.compile(r"(?:(?:ch|sh|ts|[kgszjtdnhbpmyrwf])?y?[aiueo]|n)+")
_FULL_NAME, _SURNAME_PLUS, _HONORIFIC, _ALONE = 0.85, 0.65, 0.7, 0.3
_PROPER_HONORIFIC, _ROMAJI, _ROMAJI_UNCONFIRMED = 0.6, 0.75, 0.4
#: a one-kanji surname right before an honorific or title, wherever Sudachi cuts it (森|様
#: read as a forest, 島部|長, 関部|長 read as a name of two parts, 島 a prefix of 課長): the
#: kanji alone, not glued to another kanji before it (営業部長, 本部長 are titles)
_ONE_KANJI_TITLED = re.compile(
    r"(?<![一-龥々])[一-龥々](?=[様さくち殿君先部課社係主専常次室店会副取教夫看医マ])"
)
#: kanji that take an honorific or title as words of their own, or that are prefixes of
#: a title (神様, 王様, 奥様, 上様, 中様; 元社長, 前部長, 新社長, 同社長, 本部長, 副社長)
_TITLED_WORDS = frozenset(
    "上 中 下 今 前 元 新 現 同 本 副 各 両 故 旧 総 次 名 大 全 当 貴 弊 御 先 後 若 老 神 王 皇"
    " 仏 天 姫 宮 殿 奥 客 皆 主 母 父 兄 姉 弟 妹 子 孫 嫁 婿 夫 妻 娘 女 男 社 部 課 係 店 室"
    " 局 所 院 校 園 館 会 団 組 隊 班 省 庁 署 県 府 都 市 町 村 区 州 国 家 族 界 業 用 人 員"
    " 者 様 方 外 内 北 南 東 西 左 右 異 模 仕 有 支 分 学 協 准 助 諸 嬢 俺 一 二 三 四 五"
    " 六 七 八 九 十 多".split()
)
#: the honorifics and titles this looks for (氏 after one kanji is a clan as often: 段氏)
_ONE_KANJI_HONORIFICS = frozenset(
    {"様", "さん", "さま", "くん", "ちゃん", "殿", "君", "先生", "部長", "課長", "社長", "係長",
     "主任", "専務", "常務", "次長", "室長", "店長", "会長", "副社長", "取締役", "教授",
     "マネージャー", "夫人", "看護師", "医師"}
)  # fmt: skip
_SOVEREIGN = 0.6  # 昭和天皇, 後白河院 (person_scorer.sovereign_names)
#: a model candidate below this is not reported at all (a context word could lift it)
_MODEL_FLOOR = 0.3
#: ... or this, right before an honorific or title (张伟|先生 after 担当：): a label can lift it
_HONORIFIC_FLOOR = 0.25
#: the model's probability is capped here, so validated and labelled spans still win
_MODEL_CAP = 0.8


#: a person's office or trade glued after a name, which an honorific list cannot hold
#: whole (野村|財務大臣, 江口|副町長, 村岡|農林|水産|副大臣, 田中一郎|シェフ, 木下|鑑定人):
#: the last word of the compound ends in one of these
_OFFICE_ENDS = tuple(
    "大臣 大統領 首相 総理 長官 議員 知事 市長 町長 村長 区長 議長 委員長 会長 社長 専務 常務"
    " 取締役 部長 課長 係長 主任 室長 店長 局長 院長 園長 校長 学長 教授 講師 博士 医師 弁護士"
    " 選手 投手 捕手 監督 コーチ 主将 騎手 棋士 力士 俳優 女優 歌手 作家 画家 記者 所長 次長"
    " アナウンサー 理事長 理事 総裁 書記長 幹事長 書記 大使 領事 判事 検事 編集長 館長 署長"
    " 駅長 塾長 組長 団長 座長 寮長 鑑定人 弁護人 代理人 管財人 参考人 女流 師範 シェフ アマ"
    " ディレクター プロデューサー デザイナー キャスター カメラマン ライター オーナー パティシエ"
    " ソムリエ トレーナー インストラクター マネージャー キャプテン ボーカル ギタリスト ドラマー"
    " ピアニスト ジャーナリスト".split()
)
#: words before the office that make the compound an institution's (早稲田|大学|教授,
#: 大阪|府|知事, 日本|代表|監督): the name before it is the institution's, not a person's
_INSTITUTION_ENDS = tuple(
    "大学 大 高校 学校 学園 学院 中学 銀行 院 会社 社 協会 連盟 財団 組合 研究所 省 庁 党"
    " 県 府 都 道 市 町 村 区 州 国 藩 部 課 団 会 チーム 代表 球団 センター 店 クリニック".split()
)
#: the first character of a compound that belongs to a place or a clause, not a person
#: (広島|県議会議員, 神戸|藩主, クラーク|対|教育委員長)
_NOT_OFFICE_START = tuple("県府都道市町村区州国藩対的")
#: at most this many words between a name and its office (農林|水産|副大臣)
_OFFICE_REACH = 3


def office_after(ms: list[Morpheme], k: int, at: int) -> str:
    """The office or trade (財務大臣, 副町長, 農林水産副大臣, シェフ) that tokens from k on,
    glued to offset ``at``, spell, or ""."""
    words: list[str] = []
    if k >= len(ms) or ms[k].surface.startswith(_NOT_OFFICE_START):
        return ""
    for m in ms[k : k + _OFFICE_REACH + 1]:
        if m.start != at or m.pos[0] not in ("名詞", "接尾辞", "接頭辞") or m.pos[1] == "固有名詞":
            return ""
        words.append(m.surface)
        if m.surface.endswith(_OFFICE_ENDS):
            if any(w.endswith(_INSTITUTION_ENDS) for w in words[:-1]):
                return ""
            return "".join(words)
        at = m.end
    return ""


#: the second POS level of every token a name can start with (人名 is a 固有名詞)
_NAME_POS1 = frozenset({"固有名詞", "普通名詞"})
_POS, _POS1 = itemgetter(3), itemgetter(1)  # a Morpheme's pos, a pos's second level
_SURFACE = itemgetter(2)  # a Morpheme's surface
#: the third POS level of a proper noun that may be a surname (_is_proper_noun)
_PROPER_POS2 = frozenset({"人名", "地名", "一般"})


def _is_space(m: Morpheme) -> bool:
    return m.surface == " "


def _glued_noun(m: Morpheme | None, prev_end: int) -> bool:
    """A common noun stuck to the name: 藤田|通信, 山田|電機 — part of a compound."""
    if m is None or m.start != prev_end:
        return False
    return m.pos[0] == "名詞" and m.pos[2] != "人名" and m.pos[1] != "数詞"


def _window(text: str, start: int, end: int, width: int) -> tuple[int, int]:
    """``width`` characters either side of a span, within its own text of a batch (short
    texts are analysed joined, with a hard boundary between them)."""
    lo, hi = max(0, start - width), min(len(text), end + width)
    before = text.rfind(HARD_BOUNDARY, lo, start)
    after = text.find(HARD_BOUNDARY, end, hi)
    return (before + 1 if before >= 0 else lo), (after if after >= 0 else hi)


@lru_cache(maxsize=65536)  # pure, one character: each asked once (a C call thereafter)
def _non_japanese_han(ch: str) -> bool:
    """A Han character no Japanese character set has (simplified Chinese 肠, 顶, 鸡)."""
    if not ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"):
        return False
    try:
        ch.encode("euc_jis_2004")
    except UnicodeEncodeError:
        return True
    return False


def in_chinese_text(text: str, start: int, end: int) -> bool:
    """Whether a candidate stands in Chinese text: no kana near it and Han characters
    no Japanese text uses (the candidate's own characters do not count: 张 in a Japanese
    list is a Chinese person's name)."""
    lo, hi = _window(text, start, end, _CHINESE_WINDOW)
    if _KANA.search(text, lo, hi):
        return False
    around = text[lo:start] + text[end:hi]
    return sum(map(_non_japanese_han, around)) >= _CHINESE_CHARS


def _romance_text(text: str, start: int, end: int) -> bool:
    """Whether the words around a romaji pair are Latin-script prose whose lower-case words
    spell as Hepburn syllables as a rule, not by exception: Italian and Spanish do (chiesa
    di Santa Maria); English does not, and Japanese text is not Latin-script prose."""
    lo, hi = _window(text, start, end, _ROMAJI_WINDOW)
    if _JAPANESE.search(text, lo, hi):
        return False  # 阿部直樹（Naoki Abe）: a reading in Japanese text
    words = _LOWER_WORD.findall(text[lo:start] + " " + text[end:hi])
    if len(words) < _ROMAJI_WORDS:
        return False
    return sum(bool(_HEPBURN.fullmatch(w)) for w in words) >= _ROMAJI_SHARE * len(words)


def _latin_words(span: str) -> set[str]:
    """The lower-cased Latin words of a span ("" for a Japanese one)."""
    return {w.lower() for w in _LATIN_WORD.findall(span)}


def _script(s: str) -> str:
    if _KANJI.fullmatch(s):
        return "kanji"
    if _HIRAGANA.fullmatch(s):
        return "hiragana"
    if _KATAKANA.fullmatch(s):
        return "katakana"
    return "other"


def _is_given_name_like(surname: Morpheme, m: Morpheme) -> bool:
    """An untagged word after 'surname + space' that could be a given name (たろう, 舞).

    Same script as the surname, and not a longer common noun (山田 誕生日 is no name).
    """
    if m.surface in HONORIFICS or m.surface in _KANA_FUNCTION_WORDS:
        return False
    if m.surface in TITLES or m.surface.endswith(_OFFICE_ENDS):
        return False  # 司会：大塚　書記：林: the next label, no given name
    if _KANA_OR_KANJI.fullmatch(m.surface) is None:
        return False
    if m.pos[0] not in ("名詞", "動詞", "助動詞", "形容詞", "形状詞", "接頭辞"):
        return False
    if m.pos[2] == "サ変可能":
        return False  # @山田 確認お願いします: a deed, no given name
    script = _script(m.surface)
    surname_script = _script(surname.surface)
    # 中島 あすか: a kanji surname may take a kana given name, not the other way round
    if script != surname_script and not (surname_script == "kanji" and script != "other"):
        return False
    return not (script == "kanji" and m.pos[1] == "普通名詞" and len(m.surface) > 2)


# Kana words after "surname + space" that are grammar, not a given name (山田 です).
_KANA_FUNCTION_WORDS = frozenset(
    "です でした ます だ だった から まで より など でも として について へ と の は が を に"
    " も や か ね よ さま ください".split()
)
_HONORIFICS_LONGEST_FIRST = sorted(HONORIFICS, key=len, reverse=True)
# Hiragana that may follow a kana honorific (さんは, さまの, くんだ); any other hiragana
# continues a word, as in a reading written after its headword (ウラルさんみゃく).
_AFTER_KANA_HONORIFIC = frozenset("はがをにのともへでやかよねだじっらたな")
#: the honorifics by their first character, longest first: honorific_at tries only the
#: ones starting with the character at ``pos`` (each ``startswith`` is a call with its
#: arguments parsed)
_HONORIFICS_BY_FIRST: dict[str, list[str]] = {}
for _h in _HONORIFICS_LONGEST_FIRST:
    _HONORIFICS_BY_FIRST.setdefault(_h[0], []).append(_h)
# Kanji that make a word with a one-kanji honorific: 様式, 様子, 君主, 氏族, 殿堂.
_WORD_AFTER_HONORIFIC = {"様": "式相子態々", "君": "主臨", "氏": "族名", "殿": "堂下"}


def honorific_at(text: str, pos: int) -> str:
    """The honorific or title starting at ``pos`` (様, さん, 部長 ...), or "".

    A katakana one must end where the katakana does: サン in 京都サンガ is no honorific;
    a hiragana one must not run on into a word (さんみゃく, さんりょう are readings).
    """
    for h in _HONORIFICS_BY_FIRST.get(text[pos : pos + 1], ()):
        if text.startswith(h, pos):
            end = pos + len(h)
            nxt = text[end] if end < len(text) else ""
            if _KATAKANA.fullmatch(h) and nxt and _KATAKANA.match(nxt):
                continue
            if nxt and nxt in _WORD_AFTER_HONORIFIC.get(h, ""):
                continue
            if _HIRAGANA.fullmatch(h) and nxt and _HIRAGANA.match(nxt):
                if nxt not in _AFTER_KANA_HONORIFIC:
                    continue
            return h
    return ""


def _maybe_surname(engine, m: Morpheme) -> bool:
    """A common noun that the dictionary also lists as a surname (小川, 森)."""
    return (
        m.pos[1] == "普通名詞"
        and engine is not None
        and hasattr(engine, "is_surname")
        and engine.is_surname(m.surface)
    )


def _is_proper_noun(m: Morpheme) -> bool:
    """人名, or a place / generic proper noun that is also a surname (松本, 池田)."""
    return m.pos[1] == "固有名詞" and m.pos[2] in _PROPER_POS2


def explained_result(
    recognizer, entity: str, start: int, end: int, score: float, why: str
) -> RecognizerResult:
    """A result of ``recognizer`` with its explanation and presidio's metadata keys (built
    as pattern_base's results are: ``new_result``)."""
    explanation = {
        "recognizer": recognizer.name,
        "pattern_name": None,
        "pattern": None,
        "original_score": score,
        "score": score,
        "textual_explanation": why,
        "score_context_improvement": 0,
        "supportive_context_word": "",
        "validation_result": None,
        "regex_flags": None,
    }
    metadata = {
        RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
    }
    return new_result(entity, start, end, score, explanation, metadata)


def japanese_frame(text: str, ms: list[Morpheme], cand, is_surname) -> bool:
    """営業部　林, 森（経理）, 出席：林、森, 03-1234-5678（森）: a signature, a colleague with
    their unit, listed after a label of people or named after their number, which stand
    without kana in Japanese text too."""
    return (
        signs(text, ms, cand.first, cand.last, is_surname)
        or belongs(ms, cand.first, cand.last, is_surname)
        or labelled(text, ms, cand.first, cand.last, is_surname)
        or reached_at(ms, cand.first, cand.last, is_surname)
    )


def chinese_word(
    text: str, ms: list[Morpheme], cand, feats: list[str], full_names: list[str], is_surname
) -> bool:
    """Whether a candidate is a word of Chinese text, not a name (董, 究; 猪大肠); a
    signature's surname (営業部　林) or one with its unit (森（経理）) has no kana around
    either."""
    honorific = "" if "hon=" in feats else "氏" if "hon=氏" in feats else None
    return chinese_word_of(text, ms, cand, honorific, full_names, is_surname)


def chinese_word_of(
    text: str, ms: list[Morpheme], cand, honorific: str | None, full_names: list[str], is_surname
) -> bool:
    """``chinese_word`` of a candidate whose honorific (the ``hon=`` feature's value) is
    known: all it tells apart is "", 氏 and any other (None)."""
    one = text[cand.start : cand.end]
    around = (max(0, cand.start - _KANA_WINDOW), cand.end + _KANA_WINDOW)
    if (
        len(one) == 1
        and honorific == ""
        and not any(one in n for n in full_names)
        and not _KANA.search(text, *around)
    ):  # no kana around, no honorific, no full name
        framed = japanese_frame(text, ms, cand, is_surname)
        return not framed or in_chinese_text(text, cand.start, cand.end)  # 营业部 林
    return bool(
        honorific in _NO_HONORIFIC_IN_CHINESE
        and _KANJI.fullmatch(one)
        and in_chinese_text(text, cand.start, cand.end)
    )  # 猪大肠 on a Chinese grocery list


#: a name found at least this sure names its other mentions in the text (_other_mentions)
_MENTION_FROM = 0.7
#: ... which score this
_MENTION = 0.6
#: a part of a longer name shorter than this is not looked for alone (原, 森)
_MIN_PART = 2
_NAME_PART = re.compile(r"[一-龥々ぁ-ゖァ-ヴー]+")
_NAME_JOINERS = frozenset({"・", "=", "＝"})


def _glued_word(ms: list[Morpheme], k: int, at: int, before: bool) -> bool:
    """Whether token k is a word glued to a mention at ``at`` (かづき|メイク, 相対|モル):
    a noun, prefix or suffix that is no title or honorific (フッカー|将軍 stays a name),
    or a joiner of a longer name (キング|・|クリムゾン)."""
    if k < 0 or k >= len(ms) or (ms[k].end if before else ms[k].start) != at:
        return False
    m = ms[k]
    if m.surface in _NAME_JOINERS:
        return True  # キング|・|クリムゾン: part of a longer name, looked at on its own
    if m.surface in TITLES or m.surface in HONORIFICS:
        return False
    return m.pos[0] in ("名詞", "接尾辞", "接頭辞") and m.pos[1] != "数詞"


def _name_parts(ms: list[Morpheme], start: int, end: int) -> set[str]:
    """The parts of a found name of several tokens that could be said alone (福島|正則:
    福島, 正則; ジョセフ|・|フッカー: ジョセフ, フッカー), not a title; a one-token name
    recurs by the model's own consistency (_best_per_surface)."""
    k = bisect_left(ms, start, key=_START)
    inside = []
    while k < len(ms) and ms[k].end <= end:
        inside.append(ms[k])
        k += 1
    if len(inside) < 2:
        return set()
    return {
        m.surface
        for m in inside
        if len(m.surface) >= _MIN_PART
        and m.pos[0] == "名詞"
        and m.surface not in TITLES
        and _NAME_PART.fullmatch(m.surface)
    }


#: a candidate scored at least this somewhere in a text lifts its other mentions to that
#: score (韓冑 at 0.25 in one clause is the 韓冑 scored 0.8 in the next)
_CONSISTENCY = 0.7
#: ... and one scored below this at a mention, and at none _CONSISTENCY, is doubted at
#: every mention (_doubted)
_DOUBT = 0.2


#: a word for a relative glued right before a candidate makes it a name (姉ブリギッタ,
#: 妻イルメリン, 娘ルドミラ): the model reads the word but has seen too few of them
_KIN = frozenset(
    "娘 息子 妻 夫 長男 次男 三男 長女 次女 三女 兄 弟 姉 妹 父 母 祖父 祖母 孫 甥 姪 叔父 叔母"
    " 伯父 伯母 義父 義母 義兄 義弟 実父 実母 愛娘 愛妻 令嬢 王妃 王女 王子 皇女 皇子 嫡男 嫡子"
    " 末子 末娘 長子 次子".split()
)
_KIN_SCORE = 0.6


#: how a business letter or e-mail closes, right before the sender's name on a line of its own
_CLOSINGS = re.compile(
    r"(?:よろしくお願い(?:いた)?します|お願い(?:いた|申し上げ)ます|以上|敬具|草々|かしこ"
    r"|まで)[。.！!]?[ 　]*$"
)


def _first_on_line(text: str, pos: int) -> int | None:
    """Where the line holding ``pos`` starts, if only spaces stand before ``pos`` on it."""
    start = text.rfind("\n", 0, pos) + 1
    return None if text[start:pos].strip(" 　") else start


#: a dash before the name that signs a mail (— 熊谷, -- 熊谷)
_DASH_SIGNATURE = re.compile(r"[ 　]*(?:[—―－‐]{1,2}|-{1,2})[ 　]*")


def _signed(text: str, ms: list[Morpheme], cand) -> bool:
    """以上、よろしくお願いいたします。\n小林: a name (Sudachi's 人名 reading; not 大阪) alone
    on its line after a closing, or after a dash (— 熊谷)."""
    if not read_as_name(ms[cand.first : cand.last + 1]):
        return False
    end = text.find("\n", cand.end)
    end = len(text) if end < 0 else end
    if text[cand.end : end].strip(" 　"):
        return False
    line = text.rfind("\n", 0, cand.start) + 1
    if text[line : cand.start].strip(" 　"):  # something before it on its line: a dash?
        return _DASH_SIGNATURE.fullmatch(text, line, cand.start) is not None
    before = text[: max(0, line - 1)].rstrip("\n 　")
    return bool(before) and _CLOSINGS.search(before[before.rfind("\n") + 1 :]) is not None


#: a memo's addressee at the start of a line: 野村へ：, 山田宛：; its sender: 大野より：
_ADDRESSED_BY = frozenset({"へ", "宛", "宛て"})
_SENT_BY = frozenset({"より", "から"})
_ADDRESSED_ENDS = frozenset({"：", ":", "、", ","})
_COLONS = frozenset({"：", ":"})
#: honorifics after a surname and a given name in hiragana (大島なえさん)
_KANA_NAME_HONORIFICS = frozenset({"さん", "様", "さま", "ちゃん", "くん", "君"})
#: a name's reading in brackets right after it (and its honorific), in hiragana or
#: katakana, given name too
_READING = re.compile(r"[(（](?P<v>[ぁ-ゖァ-ヺー]{2,10}(?:[ 　][ぁ-ゖァ-ヺー]{1,10})?)[)）]")
_READING_AFTER = re.compile(r"(?:様|さん|氏)?" + _READING.pattern)
#: what sits on a colleague's desk: 小島の机, 山本の席 (the owner is a person)
_BELONGINGS = frozenset("机 席 デスク ロッカー 引き出し 机上 名刺 印鑑 パソコン 携帯".split())


def _addressed(text: str, ms: list[Morpheme], cand, is_surname) -> bool:
    """野村へ：明日の会議は…, 山田宛：見積書: a memo's addressee opening its line; 大野より：
    its sender (with a colon only: 大阪より、新幹線で is a place)."""
    k = cand.last + 1
    if k >= len(ms) or ms[k].start != cand.end:
        return False
    to, sender = ms[k].surface in _ADDRESSED_BY, ms[k].surface in _SENT_BY
    if not (to or sender) or _first_on_line(text, cand.start) is None:
        return False
    rest = text[ms[k].end : ms[k].end + 1]
    if sender:
        ends = rest in _COLONS
    else:
        ends = rest in _ADDRESSED_ENDS or rest in ("", "\n")
    return ends and kanji_surnames(ms[cand.first : cand.last + 1], is_surname)


def _care_of(ms: list[Morpheme], cand, is_surname) -> bool:
    """山田方 鈴木様: the household a letter is sent in care of, before the addressee."""
    k = cand.last + 1
    if k + 1 >= len(ms) or ms[k].surface != CARE_OF or ms[k].start != cand.end:
        return False
    nxt = ms[k + 2] if _is_space(ms[k + 1]) and k + 2 < len(ms) else ms[k + 1]
    tokens = ms[cand.first : cand.last + 1]
    return (nxt.is_person_name or kanji_surnames([nxt], is_surname)) and (
        read_as_name(tokens) or kanji_surnames(tokens, is_surname)
    )


_BRACKETS = {"（": "）", "(": ")"}


def _bracketed_names(ms: list[Morpheme], cand) -> bool:
    """定例MTG（野田、遠藤）: a list in brackets, two or more entries, each one token Sudachi
    reads as a name (（東京、大阪） are places to it)."""
    if cand.first != cand.last or ms[cand.first].pos[2] != "人名":
        return False
    i = cand.first
    while i >= 2 and ms[i - 1].surface in _LIST_COMMAS and ms[i - 2].pos[2] == "人名":
        i -= 2
    j = cand.last
    while j + 2 < len(ms) and ms[j + 1].surface in _LIST_COMMAS and ms[j + 2].pos[2] == "人名":
        j += 2
    return (
        j > i
        and i >= 1
        and j + 1 < len(ms)
        and _BRACKETS.get(ms[i - 1].surface) == ms[j + 1].surface
        and all(ms[k].end == ms[k + 1].start for k in range(i - 1, j + 1))
    )


#: what may follow a name in apposition after a title and 、 (部長、野上をご紹介します)
_AFTER_APPOSITION = frozenset("を が は に より から と です".split())


def _in_apposition(ms: list[Morpheme], cand, is_surname) -> bool:
    """新任の部長、野上をご紹介します: a title, 、 and a name (Sudachi's 人名 reading, or
    kanji surnames of two or more characters: 課長、中に入って is no one), then a particle."""
    p, k = cand.first - 1, cand.last + 1
    if p < 1 or k >= len(ms) or ms[p].surface != "、" or ms[p - 1].surface not in TITLES:
        return False
    if ms[k].surface not in _AFTER_APPOSITION or ms[k].start != cand.end:
        return False
    tokens = ms[cand.first : cand.last + 1]
    return read_as_name(tokens) or (
        cand.end - cand.start >= 2 and colleague_surnames(tokens, is_surname)
    )


def _owns(ms: list[Morpheme], cand) -> bool:
    """小島の|机, 山本の|席: the owner of a colleague's desk or seat."""
    k = cand.last + 1
    return (
        k + 1 < len(ms)
        and ms[k].surface == "の"
        and ms[k].start == cand.end
        and ms[k + 1].surface in _BELONGINGS
        and read_as_name(ms[cand.first : cand.last + 1])
    )


def _after_kin(ms: list[Morpheme], cand) -> bool:
    k = cand.first - 1
    return k >= 0 and ms[k].end == cand.start and ms[k].surface in _KIN


#: a word glued after a name that makes the compound about that person (スコセッシ作品,
#: 竹内政権, 宮沢賢治ゆかり, X展): the name in it is still the person's
_PERSON_COMPOUND_HEADS = frozenset(
    "作品 展 政権 伝説 ファン 晩年 語録 ゆかり 夫妻 自身 本人 没後 生誕 主演 原作".split()
)


def _named_in_compound(ms: list[Morpheme], cand) -> bool:
    """スコセッシ|作品, 竹内|政権: a 人名 candidate glued to a word about its person."""
    k = cand.last + 1
    if k >= len(ms) or ms[k].start != cand.end or ms[k].surface not in _PERSON_COMPOUND_HEADS:
        return False
    return any(m.pos[2] == "人名" for m in ms[cand.first : cand.last + 1])


#: titles only a person holds (not a body: ソニー|社長, ロシア|首相 is a country's), glued
#: after a foreign name in katakana (メドヴェージェフ|大統領, ヒル|教授, ダイス|議長)
_PERSONAL_TITLES = frozenset(
    "大統領 副大統領 首相 議長 教授 博士 書記 将軍 司令官 大使 長官 国王 女王 皇帝 皇后 王妃"
    " 夫人 枢機卿 司教 神父 牧師".split()
)
_FOREIGN_NAME = re.compile(r"[ァ-ヴー]{2,}(?:[・=＝][ァ-ヴー]+)*")


#: what only a person has, after their name and の (ゴダールのインタビュー, 山田の息子)
_OF_A_PERSON = frozenset(
    "妻 夫 息子 娘 父 母 兄 弟 姉 妹 祖父 祖母 孫 甥 姪 長男 次男 三男 長女 次女 愛人 恋人 夫人"
    " 弟子 生涯 伝記 自伝 葬儀 肖像 遺体 遺言 死後 インタビュー".split()
)


def _of_a_person(ms: list[Morpheme], cand) -> bool:
    """ゴダールのインタビュー, 山田の息子: a candidate (no place in it), then の and what only
    a person has; in the GSD and WAC train splits 27 of 30 such candidates are gold (the
    other three people too: 釈迦の弟子)."""
    k = cand.last + 1
    if k + 1 >= len(ms) or ms[k].surface != "の" or ms[k].start != cand.end:
        return False
    if ms[k + 1].surface not in _OF_A_PERSON or ms[k + 1].start != ms[k].end:
        return False
    return not any(m.pos[2] == "地名" for m in ms[cand.first : cand.last + 1])


def _titled_foreigner(ms: list[Morpheme], cand) -> bool:
    """メドヴェージェフ|大統領, ヒル|教授, ボブソン|教授: a katakana name (no place in it, no
    role such as オーナー) glued before a title only a person holds."""
    k = cand.last + 1
    if k >= len(ms) or ms[k].start != cand.end or ms[k].surface not in _PERSONAL_TITLES:
        return False
    tokens = ms[cand.first : cand.last + 1]
    return (
        _FOREIGN_NAME.fullmatch("".join(m.surface for m in tokens)) is not None
        and not any(m.pos[2] == "地名" or m.surface in _KATAKANA_ROLES for m in tokens)
    )


#: a katakana word for what someone wrote, glued after their kanji name, which the
#: candidate took in (島田|コメント, 佐藤|レポート): scored with it, reported without it
_WRITINGS = frozenset("コメント レポート メモ ノート メール メッセージ リポート".split())


def _reported_span(ms: list[Morpheme], cand) -> tuple[int, int]:
    """The candidate's span without a word for a writing at its end (島田|コメント → 島田),
    and without what comes before a space and a surname when nothing there is a name
    (三菱商事 藤原様 → 藤原: a surname after a space starts a name; ジョン スミス stays) or
    only a word for a colleague Sudachi cut as one (元上司 戸田 → 戸田)."""
    start, end = cand.start, cand.end
    last = ms[cand.last]
    if (
        cand.last > cand.first
        and last.surface in _WRITINGS
        and _KANJI.fullmatch(ms[cand.last - 1].surface)
        and ms[cand.last - 1].end == last.start
    ):
        end = ms[cand.last - 1].end
    k = cand.first
    while k < cand.last:
        if ms[k].pos[2] == "人名":
            if not _role_word(ms[k].surface + ms[k + 1].surface):
                break
            k += 2  # 元上司 戸田: Sudachi's 元上|司 (姓 + 名), a former boss
            continue
        if ms[k].surface == " " and ms[k + 1].pos[2:4] == ("人名", "姓"):
            start = ms[k + 1].start
            break
        k += 1
    return start, end


def listed_kanji_names(text: str, ms: list[Morpheme], cand, is_surname) -> list[tuple[int, int]]:
    """A candidate's span, or its parts when ・ lists kanji names in it (宗祇・肖柏,
    中日・山本昌広): each part with a 人名 token is a name of its own, the others are not;
    where the list is counted as people after it (林・森両名, 杉山・千葉の両名), each part
    that is a surname is one too (林 a wood, 千葉 a place to Sudachi)."""
    if "・" not in text[cand.start : cand.end]:
        return [_reported_span(ms, cand)]
    parts: list[list[Morpheme]] = [[]]
    for m in ms[cand.first : cand.last + 1]:
        if m.surface == "・":
            parts.append([])
        else:
            parts[-1].append(m)
    if not all(p and all(_KANJI.fullmatch(m.surface) for m in p) for p in parts):
        return [(cand.start, cand.end)]  # マリオ・ベルトーニ: one foreign name
    counted = counted_as_people(ms, cand.last + 1)
    named = [
        (p[0].start, p[-1].end)
        for p in parts
        if any(m.pos[2] == "人名" for m in p) or (counted and kanji_surnames(p, is_surname))
    ]
    return named or [(cand.start, cand.end)]


#: ... and, with a companion's, before a katakana word Sudachi files as a common noun
#: (ハンセンの娘|リナは, 長女|ノエは, 友人|X|が), which is no candidate at all: a particle
#: after it says it is a word of its own
_KIN_OR_COMPANION = _KIN | {"友人", "恋人", "婚約者", "主人公", "助手", "弟子"}
_KIN_KATAKANA = re.compile(
    "(?:" + "|".join(sorted(_KIN_OR_COMPANION, key=len, reverse=True)) + ")(?=[ァ-ヴー]{2})"
)


#: a candidate listed right beside a name (山田太郎、X、佐藤花子) is lifted to
#: _LISTED_SCORE when the model gives it at least _LISTED_FLOOR and the name _LISTED_NAME
_LIST_COMMAS = frozenset("、，,")
_LISTED_FLOOR, _LISTED_NAME, _LISTED_SCORE = 0.25, 0.7, 0.6


def _listed_with_names(ms: list[Morpheme], cands, probs: list[float]) -> list[float]:
    """The probabilities, with candidates listed beside a likely name lifted."""
    if len(probs) < 2 or not any(_LISTED_FLOOR <= p < _LISTED_SCORE for p in probs):
        return probs  # most texts: nothing to lift
    by_first = {c.first: p for c, p in zip(cands, probs, strict=True)}
    by_last = {c.last: p for c, p in zip(cands, probs, strict=True)}
    out = list(probs)
    for n, (c, p) in enumerate(zip(cands, probs, strict=True)):
        if not _LISTED_FLOOR <= p < _LISTED_SCORE or ms[c.last].surface.endswith(_INSTITUTION_ENDS):
            continue  # X学会、: a body listed beside people
        left = c.first >= 2 and ms[c.first - 1].surface in _LIST_COMMAS
        right = c.last + 2 < len(ms) and ms[c.last + 1].surface in _LIST_COMMAS
        if (left and by_last.get(c.first - 2, 0.0) >= _LISTED_NAME) or (
            right and by_first.get(c.last + 2, 0.0) >= _LISTED_NAME
        ):
            out[n] = _LISTED_SCORE
    return out


def _surface_keys(text: str, cands) -> list[tuple[int, str]]:
    """(which text of a batch, surface) of each candidate."""
    cuts = [m.start() for m in re.finditer(HARD_BOUNDARY, text)]
    return [(bisect_left(cuts, c.start), text[c.start : c.end]) for c in cands]


def _doubted(keys, probs: list[float], best) -> list[float]:
    """The probabilities, a surface that scores below _DOUBT at one of its mentions in a
    text (and at none _CONSISTENCY) taking at most the mean of its mentions at each (宇都宮
    at 0.08 in one clause is no name at 0.55 in the next)."""
    seen: dict[tuple[int, str], list[float]] = {}
    for p, key in zip(probs, keys, strict=True):
        seen.setdefault(key, []).append(p)
    if len(seen) == len(probs):
        return probs  # most texts: no surface twice
    out = []
    for p, key in zip(probs, keys, strict=True):
        mentions = seen[key]
        if len(mentions) > 1 and best[key] < _CONSISTENCY and min(mentions) < _DOUBT:
            p = min(p, sum(mentions) / len(mentions))
        out.append(p)
    return out


def _best_per_surface(keys, probs) -> dict[tuple[int, str], float]:
    """The best probability of each surface in each text of a batch."""
    best: dict[tuple[int, str], float] = {}
    for k, p in zip(keys, probs, strict=True):
        best[k] = max(p, best.get(k, p))
    return best


def adjust_model_probs(text: str, ms: list[Morpheme], engine, cands, probs: list[float]):
    """The model's probabilities after what one candidate says about another: a surface
    scored high lifts its other mentions (one scored very low lowers them), a name lifts
    the candidates listed beside it, a word for kin or a self-introduction before it makes
    it a name (fast and deep mode)."""
    keys = _surface_keys(text, cands)
    best = _best_per_surface(keys, probs)
    probs = [
        max(p, best[key]) if best[key] >= _CONSISTENCY else p
        for p, key in zip(probs, keys, strict=True)
    ]
    probs = _doubted(keys, probs, best)
    probs = _listed_with_names(ms, cands, probs)
    is_surname = getattr(engine, "is_surname", None)
    # 姉|ブリギッタ, 広報チームの|杉浦|です。, …お願いいたします。\n小林, 野村へ：, 小島の|机:
    # a relative, oneself, a letter's sender or addressee, a desk's owner
    framed = [
        p < _KIN_SCORE
        and (
            _after_kin(ms, c)
            or _titled_foreigner(ms, c)
            or _of_a_person(ms, c)
            or appointed(ms, c.first, c.last)
            or leads(ms, c.first, c.last)
            or at_work(text, ms, c.first, c.last, is_surname)
            or _named_in_compound(ms, c)
            or _signed(text, ms, c)
            or _addressed(text, ms, c, is_surname)
            or _owns(ms, c)
            or _care_of(ms, c, is_surname)
            or _bracketed_names(ms, c)
            or _in_apposition(ms, c, is_surname)
        )
        for c, p in zip(cands, probs, strict=True)
    ]
    if not any(framed):
        return probs
    # 宇野から、提案があった。… 記録：宇野: a surname a frame names is a name at its other
    # mentions in the text too
    named = {key for key, f in zip(keys, framed, strict=True) if f}
    return [
        _KIN_SCORE if f or (key in named and p < _KIN_SCORE) else p
        for p, key, f in zip(probs, keys, framed, strict=True)
    ]


#: words for whom one works with that Sudachi can cut into a surname and a given name
#: (元上|司), alone or after a prefix of a former or present one
_ROLE_WORDS = frozenset("上司 部下 同僚 先輩 後輩".split())
_ROLE_PREFIXES = frozenset("元 前 現 旧 新".split())


def _role_word(surface: str) -> bool:
    return surface in _ROLE_WORDS or (
        surface[:1] in _ROLE_PREFIXES and surface[1:] in _ROLE_WORDS
    )


_WEAK_GIVEN_WHY = "surname + given-name-like word"


def _whole_over_part(results: list[RecognizerResult]) -> None:
    """望月 さやか: a surname, a space and a word that may be a given name (scored
    ``_SURNAME_PLUS``) takes the score of a name found inside it (the model's 望月 0.8), so
    the whole name is reported rather than its surname."""
    for r in results:
        if r.analysis_explanation.textual_explanation != _WEAK_GIVEN_WHY:
            continue
        inside = [
            s.score
            for s in results
            if s is not r and r.start <= s.start and s.end <= r.end and s.score > r.score
        ]
        if inside:
            r.score = r.analysis_explanation.score = max(inside)


#: one-character marks of a field's status that Sudachi also reads as names (作成：済)
_STATUS_MARKS = frozenset("済 未 可 否 了 完".split())


def _name_score(names: int, weak_given: bool, honorific: str, length: int) -> tuple[float, str]:
    """The score and reason of a span of Sudachi 人名 tokens (_from_morphemes)."""
    if names >= 2:
        score, why = (
            (_SURNAME_PLUS, _WEAK_GIVEN_WHY)
            if weak_given
            else (_FULL_NAME, "surname + given name (Sudachi 人名)")
        )
    elif honorific:
        score, why = _HONORIFIC, f"name + honorific {honorific}"
    elif length >= 2:
        score, why = _ALONE, "lone name token (Sudachi 人名)"
    else:
        score, why = _ALONE - 0.15, "one-character name token (needs a label)"
    if honorific and score < _HONORIFIC:
        score = _HONORIFIC
    return score, why


class JpPersonRecognizer(LocalRecognizer):
    ENTITY = "PERSON"
    CONTEXT = [
        "氏名", "名前", "お名前", "担当", "申込者", "宛名", "契約者", "記入者", "患者", "本人",
        "差出人", "受取人", "代表者", "社員", "従業員", "応募者", "候補者", "作成者", "承認者",
        "フリガナ", "ふりがな", "カナ", "よみ", "name", "shimei", "namae", "kana", "氏", "様",
        "さん", "署名", "名義", "注文者", "this is", "from:", "dear", "mr.", "ms.", "ローマ字",
        "差出", "宛先", "to:", "cc:", "確認者", "面接官", "出席者", "担当者", "申請者", "依頼者",
        "責任者", "顧客", "last_name", "first_name", "family_name", "given_name", "owner",
        "staff", "contact", "作成", "文責", "記録者", "報告者", "起案者", "発信者", "送信者",
        "欠席者", "参加者", "同席者", "来訪者", "訪問者", "司会", "書記", "発表者", "講師",
        "登壇者", "説明者", "回答者", "対応者", "発言者", "決裁者", "立会人", "受付者", "面談者",
    ]  # fmt: skip
    CONTEXT_WINDOW = (12, 3)

    def __init__(self, supported_language: str = "ja"):
        super().__init__(
            supported_entities=[self.ENTITY],
            name=type(self).__name__,
            supported_language=supported_language,
            context=list(self.CONTEXT),
        )

    def load(self) -> None:
        pass

    def _romaji_reading(self, engine, part: str) -> tuple[bool, bool]:
        """Whether a romaji word reads as a proper noun in Sudachi's dictionary, and
        whether as a Japanese surname or given name (人名-姓/名) in particular (cached)."""
        cache = self.__dict__.setdefault("_romaji_cache", {})
        if part not in cache:
            readings = [
                ms[0]
                for ms in (engine.morphemes(k) for k in _romaji_kata_variants(part))
                if len(ms) == 1 and _is_proper_noun(ms[0])
            ]
            japanese = any(m.pos[2] == "人名" and m.pos[3] in ("姓", "名") for m in readings)
            cache[part] = (bool(readings), japanese)
        return cache[part]

    def analyze(self, text, entities, nlp_artifacts=None):
        morphemes: list[Morpheme] = getattr(nlp_artifacts, "morphemes", None) or []
        engine = getattr(nlp_artifacts, "nlp_engine", None)
        false_names = FalseNames(text, morphemes, engine)  # one per text: it remembers answers
        results = self._from_morphemes(text, morphemes, engine, false_names)
        for start, end in sovereign_names(text, morphemes):
            results.append(self._result(start, end, _SOVEREIGN, "proper noun + sovereign's title"))
        # deep mode scores the candidates with GiNZA's view (ginza_ner_recognizer.py)
        if hasattr(engine, "entry_kinds") and not getattr(engine, "scores_names_deep", False):
            results.extend(self._from_model(text, morphemes, engine, false_names))
        if morphemes and hasattr(engine, "is_surname"):
            results = self._one_kanji_titled(text, morphemes, engine, results)
        if engine is not None and hasattr(engine, "morphemes"):
            results.extend(self._romaji(text, engine))
        if morphemes and _KIN_KATAKANA.search(text):
            results.extend(self._kin_katakana(morphemes))
        if results and morphemes:
            results.extend(self._other_mentions(text, morphemes, results, false_names))
        if results and ("（" in text or "(" in text):
            results.extend(self._readings(text, results))
        if len(results) > 1:
            _whole_over_part(results)
        return results

    def _readings(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """山田太郎（やまだ たろう）, 小松様（こまつ）: the kana in brackets right after a name
        (and its honorific) is its reading, all of it (the name model may take only its
        surname part, やまだ)."""
        out = []
        for r in results:
            inside = _READING.search(text, r.start, r.end)
            if inside is not None and inside.end() == r.end and inside.start() > r.start:
                # 山田(やまだ): one token to Sudachi; the name ends before its reading
                r.end = inside.start()
                start, end = inside.span("v")
                out.append(self._result(start, end, r.score, "reading in brackets after a name"))
                continue
            found = _READING_AFTER.match(text, r.end)
            if found is not None:
                start, end = found.span("v")
                out.append(self._result(start, end, r.score, "reading in brackets after a name"))
        return out

    def _one_kanji_titled(
        self, text: str, ms: list[Morpheme], engine, results: list[RecognizerResult]
    ) -> list[RecognizerResult]:
        """森様, 島部長, 関課長: a one-kanji surname before an honorific or title, however
        Sudachi cut the two (森|様 a forest, 島部|長, 関部|長 two name parts). A span found
        from inside the pair (関部, 関部長, 任) gives way to the surname; one starting before
        it (山田 林様: a full name) stands."""
        for match in _ONE_KANJI_TITLED.finditer(text):
            start, end = match.start(), match.end()
            kanji = match.group()
            if kanji in _TITLED_WORDS or not engine.is_surname(kanji):
                continue
            honorific = honorific_at(text, end)
            if honorific not in _ONE_KANJI_HONORIFICS:
                continue
            if start > 0 and text[start - 1] in "おご御":
                continue  # お星様, ご主人様
            pair_end = end + len(honorific)
            k = bisect_left(ms, end, key=_END)  # the token holding the kanji
            if k < len(ms) and ms[k].start <= start and ms[k].end >= pair_end:
                continue  # 多様, 支店長, 本部長: one word to Sudachi
            inside = [r for r in results if r.start < pair_end and start < r.end]
            if any(r.start < start for r in inside) or any(
                (r.start, r.end) == (start, end) for r in inside
            ):
                continue
            results = [r for r in results if r not in inside]
            why = f"one-kanji surname + {honorific}"
            results.append(self._result(start, end, _PROPER_HONORIFIC, why))
        return results

    def _other_mentions(
        self,
        text: str,
        ms: list[Morpheme],
        results: list[RecognizerResult],
        false_name: FalseNames,
    ) -> list[RecognizerResult]:
        """Other mentions of a name the text already names (ジョセフ・フッカー … フッカーが).

        Each part of a name of several tokens found with confidence (its surname, its
        given name, the last word of a foreign name) is a name at its other mentions in
        the same text of a batch that start and end on token boundaries, are glued to no
        other word (かづき|メイク, 相対|モル) and that no span as sure covers yet; a mention that
        reads as a thing or a place there (ニュートン|家, Xに移転) stays none.
        """
        cuts = [m.start() for m in re.finditer(HARD_BOUNDARY, text)]
        names: set[tuple[int, str]] = set()
        for r in results:
            if r.score >= _MENTION_FROM and r.entity_type == self.ENTITY:
                seg = bisect_left(cuts, r.start)
                names.update((seg, part) for part in _name_parts(ms, r.start, r.end))
        if not names:
            return []
        taken = [(r.start, r.end) for r in results if r.score >= _MENTION]
        out = []
        for seg, surface in sorted(names, key=lambda n: -len(n[1])):  # longest first
            lo = cuts[seg - 1] + 1 if seg else 0
            hi = cuts[seg] if seg < len(cuts) else len(text)
            at = text.find(surface, lo, hi)
            while at >= 0:
                end = at + len(surface)
                i = bisect_left(ms, at, key=_START)
                j = bisect_left(ms, end, key=_END)
                if (
                    i < len(ms)
                    and ms[i].start == at
                    and j < len(ms)
                    and ms[j].end == end
                    and not any(s < end and at < e for s, e in taken)
                    and not _glued_word(ms, i - 1, at, before=True)
                    and not _glued_word(ms, j + 1, end, before=False)
                    and not false_name.kind(at, end)
                ):
                    why = f"another mention of a name in the text ({surface})"
                    out.append(self._result(at, end, _MENTION, why))
                    taken.append((at, end))
                at = text.find(surface, end, hi)
        return out

    def _kin_katakana(self, ms: list[Morpheme]) -> list[RecognizerResult]:
        """A katakana noun right after a word for kin, before a particle (娘|リナ|は)."""
        out = []
        # the tokens after a word for kin (their indices picked out in C)
        kin = compress(range(len(ms) - 2), map(_KIN_OR_COMPANION.__contains__, map(_SURFACE, ms)))
        for k in map((1).__add__, kin):
            before, m, after = ms[k - 1], ms[k], ms[k + 1]
            if (
                before.end == m.start == after.start - len(m.surface)
                and m.pos[0] == "名詞"
                and m.pos[2] != "サ変可能"
                and len(m.surface) >= 2
                and _KATAKANA.fullmatch(m.surface)
                and after.pos[0] == "助詞"
            ):
                why = f"katakana name after {before.surface}"
                out.append(self._result(m.start, m.end, _KIN_SCORE, why))
        return out

    def _from_model(
        self, text: str, ms: list[Morpheme], engine, false_names: FalseNames | None = None
    ) -> list[RecognizerResult]:
        """Candidates of running text scored by the trained model (person_scorer.py)."""
        found = TextCandidates(text, ms, engine)
        if not found.kept:
            return []  # (most short texts: nothing below would find anything)
        scorer = PersonScorer.load()
        results = []
        # what chinese_word and the floor read of the features (hon=, pat=) comes first: the
        # features are built only for the candidates kept (candidate_features builds all)
        cands = [(c, honorific_at(text, c.end)) for c in found.kept]
        full_names = [text[c.start : c.end] for c, _ in cands if found.pattern(c) == "姓|名"]
        is_surname = engine.is_surname
        cands = [
            (c, h)
            for c, h in cands
            if not chinese_word_of(text, ms, c, h, full_names, is_surname)
        ]
        # リオに移転, ヘーゲル左派: a place or a thing (person_false_names.py)
        false_names = false_names or FalseNames(text, ms, engine)
        keep = false_names.keep([(c.start, c.end) for c, _ in cands])
        cands = [x for x, k in zip(cands, keep, strict=True) if k]
        probs = [scorer.probability(found.features(c, h)) for c, h in cands]
        probs = adjust_model_probs(text, ms, engine, [c for c, _ in cands], probs)
        for (cand, honorific), p in zip(cands, probs, strict=True):
            floor = _MODEL_FLOOR if honorific == "" else _HONORIFIC_FLOOR
            if p >= floor:
                score = min(p, _MODEL_CAP)
                for start, end in listed_kanji_names(text, ms, cand, is_surname):
                    results.append(self._result(start, end, score, f"name model {p:.2f}"))
        return results

    def _result(self, start: int, end: int, score: float, why: str) -> RecognizerResult:
        return explained_result(self, self.ENTITY, start, end, score, why)

    def _from_morphemes(
        self, text: str, ms: list[Morpheme], engine, false_name: FalseNames | None = None
    ) -> list[RecognizerResult]:
        results = []
        n = len(ms)
        # what _maybe_surname asks of each common noun, looked up once per text
        is_surname = getattr(engine, "is_surname", None) if engine is not None else None
        resume = 0  # the first token past the last span
        false_name = false_name or FalseNames(text, ms, engine)
        # a span starts at a name, a proper noun or a common noun
        # (the indices of tokens whose m.pos[1] is in _NAME_POS1, picked out in C)
        for i in compress(range(n), map(_NAME_POS1.__contains__, map(_POS1, map(_POS, ms)))):
            if i < resume:
                continue
            m = ms[i]
            pos = m[3]
            if pos[2] != "人名":  # not m.is_person_name
                if i + 1 < n and (
                    (pos[1] == "固有名詞" and pos[2] in _PROPER_POS2)  # _is_proper_noun(m)
                    or (pos[1] == "普通名詞" and is_surname is not None and is_surname(m[2]))
                ):
                    found = self._proper_noun_name(text, ms, i, engine, false_name)
                    if found is not None:
                        results.append(found[0])
                        resume = found[1]
                continue
            if i + 1 < n and _role_word(m.surface + ms[i + 1].surface):
                resume = i + 2  # 元上|司: a former boss, 姓 + 名 to Sudachi
                continue
            i_first = j = i  # first and last name token of the span
            names = 1
            surname_first = m.pos[3] == "姓"
            weak_given = False
            while j + 1 < n:
                nxt = ms[j + 1]
                if nxt.is_person_name and nxt.start == ms[j].end:
                    j, names = j + 1, names + 1
                elif (
                    _is_space(nxt)
                    and j + 2 < n
                    and ms[j + 2].is_person_name
                    and ms[j + 2].start == nxt.end
                ):
                    j, names = j + 2, names + 1
                else:
                    break
            if names == 1 and surname_first and j + 2 < n and _is_space(ms[j + 1]):
                cand = ms[j + 2]
                after = ms[j + 3] if j + 3 < n else None
                if (
                    cand.start == ms[j + 1].end
                    and _is_given_name_like(m, cand)
                    and not _glued_noun(after, cand.end)
                    and not (after is not None and after.surface in _COLONS)
                ):  # (受付者：浅野　内容：: the next field's label)
                    j, names, weak_given = j + 2, 2, True
            start, end = m.start, ms[j].end
            following = ms[j + 1] if j + 1 < n else None
            honorific = honorific_at(text, end) or (
                office_after(ms, j + 1, end) if end - start >= 2 else ""
            )
            resume = j + 1
            if not honorific and _glued_noun(following, end):
                continue  # 藤田通信, 山田電機: a surname inside a compound noun
            if (
                honorific in _NO_HONORIFIC_IN_CHINESE
                and _KANJI.fullmatch(text[start:end])
                and in_chinese_text(text, start, end)
            ):
                continue  # 猪心 (pork heart) on a Chinese grocery list: 姓 + 名 to Sudachi
            if _latin_words(text[start:end]) & _ENGLISH_WORDS:
                continue  # Page Last Page, del campo: words Sudachi also lists as names
            if not_a_person(text, ms, i_first, j):
                continue  # 加治木家, ニコライ堂, 武田氏 (a clan): not a person
            if false_name.kind(start, end) or (not honorific and text[start:end] in _STATUS_MARKS):
                continue  # デルタ|翼, リオに移転: a thing or a place; 作成：済: done
            score, why = _name_score(names, weak_given, honorific, end - start)
            results.append(self._result(start, end, score, why))
        return results

    def _proper_noun_name(
        self, text: str, ms: list[Morpheme], i: int, engine, false_name: FalseNames
    ) -> tuple[RecognizerResult, int] | None:
        """松本様, 小川様, 池田 充: a word that is also a surname, used as one.

        A proper noun the dictionary does not list as a surname (東北大学 教授, 日弁連 会長)
        takes no title.
        """
        m, nxt = ms[i], ms[i + 1]
        honorific = honorific_at(text, m.end) or (
            office_after(ms, i + 1, m.end) if len(m.surface) >= 2 else ""
        )
        if (
            honorific
            and (  # surname-like (asked only with an honorific: most words have none)
                m.pos[2] == "人名"
                or not hasattr(engine, "is_surname")
                or engine.is_surname(m.surface)
            )
            and (
                (_KANJI.fullmatch(m.surface) and (len(m.surface) >= 2 or honorific != "様"))
                or (_HIRAGANA.fullmatch(m.surface) and len(m.surface) >= 3)
            )
            and not not_a_person(text, ms, i, i)
            and not false_name.honoured_common_noun(i, i, m.end)  # 神さま, 花屋さん
        ):
            why = f"possible surname + {honorific}"
            return self._result(m.start, m.end, _PROPER_HONORIFIC, why), i + 1
        if (
            _is_space(nxt)
            and i + 2 < len(ms)
            and ms[i + 2].is_person_name
            and ms[i + 2].pos[3] == "名"
            and ms[i + 2].start == nxt.end
        ):
            end = ms[i + 2].end
            return self._result(m.start, end, _FULL_NAME - 0.1, "surname-like + given name"), i + 3
        return self._kana_given_name(text, ms, i, engine, false_name)

    def _kana_given_name(
        self, text: str, ms: list[Morpheme], i: int, engine, false_name: FalseNames
    ) -> tuple[RecognizerResult, int] | None:
        """大島なえさん: a kanji surname, a given name in hiragana that Sudachi reads as a
        word (なえ, a seedling), then an honorific; not a word with the honorific
        (山田みなさん: みなさん is everyone)."""
        m, nxt = ms[i], ms[i + 1]
        if (
            nxt.start != m.end
            or not _HIRAGANA.fullmatch(nxt.surface)
            or not 2 <= len(nxt.surface) <= 4
            or nxt.pos[0] != "名詞"
            or not _KANJI.fullmatch(m.surface)
            or len(m.surface) < 2
            or not hasattr(engine, "is_surname")
            or not engine.is_surname(m.surface)
        ):
            return None
        honorific = honorific_at(text, nxt.end)
        if honorific not in _KANA_NAME_HONORIFICS or engine.entry_kinds(nxt.surface + honorific):
            return None
        if not_a_person(text, ms, i, i + 1):
            return None
        why = f"surname + kana given name + {honorific}"
        return self._result(m.start, nxt.end, _HONORIFIC, why), i + 2

    def _romaji(self, text: str, engine) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        if any(hint in text for hint in _TITLE_HINTS):
            for match in _TITLED_ROMAJI.finditer(text):
                word = match.group(1).lower()
                if _HEPBURN.fullmatch(word) and word not in _ENGLISH_WORDS:
                    why = "romaji surname after Mr./Ms."
                    results.append(self._result(match.start(1), match.end(1), _ROMAJI, why))
        for match in _LONE_ROMAJI.finditer(text):
            word = match.group(1).lower()
            if (
                _HEPBURN.fullmatch(word)
                and word not in _ENGLISH_WORDS
                and not _CAPITALISED_BEFORE.search(text, max(0, match.start() - 13), match.start())
                and self._romaji_reading(engine, word)[1]
            ):
                why = "romaji surname, honorific" if match.group(2) else "romaji surname at work"
                results.append(self._result(match.start(1), match.end(1), _ROMAJI, why))
        # tried only at the starts up to 12 before a hint (the first word's last letter)
        for match in near_anchors(_ROMAJI_NAME, text, _ROMAJI_HINT, 12):
            parts = [match.group(1).lower(), match.group(2).lower()]
            if not all(_HEPBURN.fullmatch(p) for p in parts) or _ENGLISH_WORDS & set(parts):
                continue
            readings = [self._romaji_reading(engine, p) for p in parts]
            tagged = any(proper for proper, _ in readings)
            # a pair whose two words both read as Japanese surnames or given names stands;
            # a weaker one is no name when it runs on into a longer proper name (Kawasaki
            # Kisen Kaisha, Fu Xing Men Nei Avenue) or stands in Italian or Spanish text
            # (chiesa di Santa Maria), where capitalised words spell as romaji too
            if (
                tagged
                and not all(japanese for _, japanese in readings)
                and (
                    (_UPPER_NEXT if match.group(2).isupper() else _TITLE_NEXT).match(
                        text, match.end()
                    )
                    or _romance_text(text, match.start(), match.end())
                )
            ):
                tagged = False
            score, why = (
                (_ROMAJI, "romaji name, reading in dictionary")
                if tagged
                else (
                    _ROMAJI_UNCONFIRMED,
                    "romaji name shape",
                )
            )
            results.append(self._result(match.start(), match.end(), score, why))
        return results


@lru_cache(maxsize=4096)
def _romaji_kata_variants(part: str) -> tuple[str, ...]:
    """Katakana readings of a romaji word, with and without long vowels (Sato -> サト, サトウ)."""
    base = jaconv.alphabet2kana(part)
    variants = [base]
    if part.endswith("o"):
        variants.append(jaconv.alphabet2kana(part + "u"))
    if "o" in part[:-1]:
        variants.append(jaconv.alphabet2kana(re.sub(r"o(?=[^aiueo])", "ou", part)))
    return tuple(jaconv.hira2kata(v) for v in variants if re.fullmatch(r"[ぁ-ゖー]+", v))
