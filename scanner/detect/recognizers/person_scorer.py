"""Names in running text: candidate spans from Sudachi, scored by a small learned model.

Sudachi tags only about seven names in ten as 人名 in encyclopedic and web prose; the
rest are surnames it files as place names (岩村, 小笠原), foreign names it does not know
(ラズナー, ロリス・カステルッチ) and names that are also words (咲, レイ). And a 人名
tag alone is wrong one time in four. So every run of tokens that *could* be a name
(人名, other proper nouns, unknown words, and katakana nouns or surname-like common
nouns beside those, joined directly or by ・ / a space) becomes a candidate, unless it is
the family name in a company's name or glued to a place name; a logistic regression
over what the candidate is made of and the words around it (は, が, 監督, 氏, 選手, 「,
駅 ...) says how likely it is a person's name. A candidate also counts as a name when
the same text uses it inside a longer name (鈴木一郎 … 鈴木は).

The weights (``person_scorer_weights.json``) are trained offline by
``bench/train_person_scorer.py`` on the train splits of UD Japanese GSD and the
Wikipedia Annotated Corpus (both CC BY-SA 4.0); nothing is downloaded at run time.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress, repeat
from operator import itemgetter
from pathlib import Path

from scanner.detect.context_enhancer import HARD_BOUNDARY
from scanner.detect.nlp.artifacts import MORPHEME_START, Morpheme
from scanner.detect.nlp.word_clusters import word_clusters, word_rows

WEIGHTS_PATH = Path(__file__).with_name("person_scorer_weights.json")
_KATAKANA = re.compile(r"[ァ-ヴー]+")
_KANJI = re.compile(r"[一-龥々]+")
_HIRAGANA = re.compile(r"[ぁ-ゖー]+")
_LATIN = re.compile(r"[A-Za-z]+")
_JAPANESE_RUN = "[一-龥々〆ヵヶぁ-ゖァ-ヴー]+"
# a dictionary entry may hold its own middle dots (レオナルド・ダ・ヴィンチ, マルコ・ポーロ)
_JAPANESE_PLAIN = re.compile(_JAPANESE_RUN)
_JAPANESE = re.compile(f"{_JAPANESE_RUN}(?:[・=]{_JAPANESE_RUN})*")
_INNER_JOINERS = re.compile("[・=]")
_BOUNDARY = re.compile(HARD_BOUNDARY)
_JOINERS = frozenset({"・", " ", "="})
_MAX_TOKENS = 10
# Short words inside a foreign name between two joiners (ホセ・デ・サン=マルティン,
# ルートヴィヒ・ヴァン・ベートーヴェン, ジョン・D・インボーデン): part of the name, not a cut.
_NAME_PARTICLES = frozenset(
    "デ ド ダ ディ デル ドゥ デラ ダス ドス ラ ル ヴァン ファン フォン ヴォン ボン ビン ベン イブン"
    " アル エル ツー ザ".split()
)
_INITIAL = re.compile(r"[A-Z]\.?")
# Katakana loanwords and common nouns that are also surnames (メール, 森) are names so
# rarely on their own (about 1 % of the names found) that they are only part of a
# candidate beside a stronger token (ロリス・カステルッチ): that keeps 70 % of the
# candidates, and of the time, away.
_WEAK_CLASSES = frozenset({"kata", "nounS", ""})
# A family name inside a company name (加藤通信, 合同会社佐々木印刷, 田中建設合同会社) is
# no person: a legal form right before or after, or an industry word glued after it.
_LEGAL_FORM = r"(?:株式会社|有限会社|合同会社|合資会社|合名会社|\(株\)|\(有\)|\(同\)|㈱|㈲)"
_LEGAL_AFTER = re.compile(r"[一-龥々ァ-ヴー・]{0,10}" + _LEGAL_FORM)
_LEGAL_BEFORE = re.compile(_LEGAL_FORM + r"[ 　]?$")
_INDUSTRY = frozenset(
    "通信 印刷 電気 電機 物産 食品 建設 情報 工業 商事 製作所 工務店 産業 運輸 不動産 木材 工芸"
    " 農林 商店 興業 技研 設計 製薬 化学 銀行 証券 保険 商会 水産 精機 製菓 酒造 書店 薬局"
    " 開発 システム 電子 機械 製作 鉄工 自動車 観光 交通 物流 倉庫 企画 写真館 歯科 医院 病院"
    " 技術 工房 本舗 硝子 塗装 石油 ガス 電工 サービス 住宅 ホーム 工場 製粉 製紙 繊維 商工"
    " 薬品 商社".split()
)


# Words that stand beside a person's name in prose: 首相, 監督, 被告, 原作 ... (n1 / p2).
TITLES = frozenset(
    "首相 大統領 総理 大臣 長官 議員 知事 市長 町長 村長 区長 議長 委員長 代表 会長 社長 副社長"
    " 専務 常務 取締役 部長 課長 係長 主任 室長 店長 局長 院長 園長 校長 学長 教授 准教授 講師"
    " 博士 医師 弁護士 被告 容疑者 被告人 受刑者 選手 投手 捕手 監督 コーチ 主将 外野手 内野手"
    " 騎手 棋士 力士 横綱 大関 関脇 俳優 女優 歌手 作家 画家 詩人 記者 アナウンサー 氏 さん 様"
    " 君 くん ちゃん 夫人 夫妻 一家 容疑 元首相 前会長 原作 作 著 監修 演出 脚本 作曲 作詞 編曲"
    " 主演 役 王 皇帝 国王 女王 王子 王女 天皇 将軍 大佐 少将 中将 大将 少佐 中佐 卿 氏ら さんら"
    " 師 先生 社員 所長 支店長 担当 次長 理事長 理事 会員 会頭 頭取 総裁 副総裁 書記長"
    " 幹事長".split()
)
# Roles of encyclopedic prose (ロジェ・エチガライ枢機卿, ピエール・シャルル神父, 北軍X将軍):
# the fast and deep features read them like TITLES.
ROLES = frozenset(
    "神父 牧師 司祭 司教 大司教 枢機卿 教皇 法王 府主教 総主教 提督 准将 元帥 参謀 司令官"
    " 総督 皇太子 皇后 王妃 公爵 伯爵 侯爵 子爵 男爵 副議長 副大統領 副首相 首席 書記"
    " 総書記 主席 国家主席 外相 蔵相 法相 首長 検事 判事 検事総長 大使 領事 特使 編集長"
    " 宰相 丞相 太守 藩主 城主 領主 皇子 皇女 親王 内親王 法皇 上皇 大王 帝 女帝 公子 太子"
    " 陸軍少佐 海軍少佐 陸軍大将 海軍大将 少尉 中尉 大尉 軍曹 兵曹 上等兵 提督 司令 艦長 隊長"
    " 首領 党首 議員 上院議員 下院議員 州知事 市長 氏族長 ヘッドコーチ".split()
)
TITLES = TITLES | ROLES
#: titles that end a run of name tokens (バイエルン|公|ヴィルヘルム4世): TITLES and ranks
_RUN_ENDS = TITLES | {"公", "侯", "伯", "大公", "選帝侯"}
#: "care of" in an address, glued after a name or its 様 (山田方 鈴木様, 渡辺様方 伊藤様): it ends
#: the name before it
CARE_OF = "方"
#: ... and no name starts at 方 glued after a noun, a suffix or a pronoun (その方 鈴木様)
_CARE_OF_AFTER = frozenset({"名詞", "接尾辞", "連体詞", "代名詞"})
#: the last character of a word for a person's role or trade (哲学者, 作曲家, 司令官)
_ROLE_ENDS = tuple("者家官師士手")


_PLACE_SUFFIXES = tuple("都道府県市区町村郡")
#: the end of a sentence: a candidate after it starts a sentence, as at <s> in GSD's
#: one-sentence texts (a text of many sentences must read like them)
_SENTENCE_ENDS = frozenset({"。", "！", "？", "!", "?"})
#: tokens on each side (past the direct neighbour) whose content words are features
_WINDOW = 5
_CONTENT = frozenset({"名詞", "動詞", "形容詞"})
#: the polite register (です, ます ...) of shop pages, blogs and letters, where a katakana
#: word by itself is a product or a shop more often than a person and a surname with
#: 先生 or 氏 a person more often: the candidate's features are read a second time,
#: prefixed, when one is this near (within its own text of a batch)
_POLITE = frozenset({"です", "でし", "でしょ", "ます", "まし", "ませ"})
_POLITE_HINT = re.compile("です|でし|ます|まし|ませ")  # (the start of each of them)
_POLITE_REACH = 200
_POLITE_FEATURES = ("first=", "last=", "pat=", "n=", "dict=")
#: a candidate next to another across one of these is in a list (関口、日比野)
_LIST_SEPARATORS = frozenset("、,・とや")
_NAMED = frozenset({"姓", "名", "人名"})


# A token right after a name-like word that makes it the name of something else: a
# house or dynasty (加治木家, ウマイヤ朝, オマリー一族), a building, place or vehicle
# (ニコライ堂, 園城寺, 南平市, 日本丸), a style or a firm (ギャラント様式, 財閥).
_THING_AFTER = frozenset(
    "家 朝 王朝 一族 財閥 堂 寺 城 駅 川 号 丸 市 州 島 宮殿 宮 様式 地方 通り 港 湖 神社"
    " 大聖堂 教会 公園 街道 線 条約".split()
)
# ... or, after の, a battle named after its place (マルプラケの戦い).
# ... or, after の, a word for a town (クリーサップの街, Xの郊外).
_TOWNS = frozenset({"街", "町", "村", "都市", "首都", "州都", "郊外", "近郊", "市街", "港町"})
# A place name before the office of its mayor or governor (上海|市長, 大阪|府知事).
_PLACE_OFFICES = frozenset(
    {"市長", "知事", "県知事", "府知事", "都知事", "州知事", "町長", "村長", "区長", "市議", "県議"}
)
_OFFICE = ("長", "議", "知事", "民")  # 市|長, 州|知事: a title follows, the name stays
_BATTLES = frozenset({"戦い", "会戦", "海戦", "合戦"})
# Words that make a lone surname + 氏 a clan, not Mr X (武田氏に直属, 葛西氏は滅亡).
_CLAN_WORDS = re.compile(
    "一族|一門|末裔|滅亡|直属|家臣|庶流|嫡流|宗家|当主|氏族|豪族|大名|守護|家督|自称|諸家|諸氏"
    "|支流|分家|本家|領主|覇権|藩主|内紛|配属|戦国|君長|家系|血筋|子孫|一揆|幕府"
)
_CLAN_WINDOW = 120
# The last word of a katakana run that names a place, building or thing (アラジン・ホテル,
# クライスト・チャーチ, ロゼッタ・ストーン, ウェストン・クリーク), or of a kanji one whose
# last word Sudachi files as a given name (祐松|堂, 三仏|堂: a shop, a temple hall), or its
# first word (ハリケーン・カトリーナ).
_THING_LAST = frozenset(
    "ホテル チャーチ ストーン クリーク コート パーク ストリート タワー センター ハウス ホール"
    " ブリッジ ロード アベニュー スクエア ガーデン カレッジ スクール リーグ カップ ビル"
    " ステーション アリーナ スタジアム ホテルズ キャッスル 堂 寺 庵 閣 館 亭 荘 屋".split()
)
_THING_FIRST = frozenset({"ハリケーン", "サイクロン", "台風"})
# する after a word makes it a verb (成聖する, 西行した): no name takes する directly.
_SURU = frozenset({"する", "し", "した", "して", "します", "され", "させ", "すれ"})


def not_a_person(text: str, ms: list[Morpheme], first: int, last: int) -> bool:
    """Whether tokens first..last name a house, place, building, style or clan, not a person.

    A word after them (加治木家, ウマイヤ朝, ニコライ堂, マルプラケの戦い) or as their last
    or first word (アラジン・ホテル, ハリケーン・カトリーナ) says so; する makes them a verb
    (成聖する); a lone surname + 氏 near words of lineage (一族, 滅亡, 家臣 ...) is a clan.
    """
    if first != last and (ms[last].surface in _THING_LAST or ms[first].surface in _THING_FIRST):
        return True
    k = last + 1
    if k >= len(ms) or ms[k].start != ms[last].end:
        return False
    nxt = ms[k].surface
    if nxt in _THING_AFTER:
        after = ms[k + 1].surface if k + 1 < len(ms) and ms[k + 1].start == ms[k].end else ""
        return not after.startswith(_OFFICE)  # 本郷谷|市|長 is a mayor
    if nxt in _SURU and ms[k].pos[0] == "動詞":
        return True
    if nxt == "の" and k + 1 < len(ms) and ms[k + 1].surface in _BATTLES | _TOWNS:
        return True
    if nxt in _PLACE_OFFICES and first == last and ms[first].pos[2] == "地名":
        return True
    if nxt != "氏" or first != last:
        return False
    around = text[max(0, ms[first].start - _CLAN_WINDOW) : ms[k].end + _CLAN_WINDOW]
    return _CLAN_WORDS.search(around) is not None


#: a sovereign's title glued to a proper noun: the two are one name (昭和天皇, 嵯峨天皇,
#: 後白河院), as encyclopedic corpora label them; the learned model cannot know it, since
#: the Wikipedia Annotated Corpus leaves emperors unlabelled
_SOVEREIGN_TITLES = frozenset({"天皇", "上皇", "法皇"})
#: ... or to a personal name (後白河院, 高倉帝, カール大帝, フリードリヒ大王)
_NAMED_SOVEREIGN_TITLES = frozenset({"院", "帝", "大帝", "大王"})


_SOVEREIGN_HINT = re.compile("天皇|上皇|法皇|院|帝|大王")
#: the tokens that end one of those names
_SOVEREIGN_ENDS = _SOVEREIGN_TITLES | _NAMED_SOVEREIGN_TITLES | {"皇帝"}


def sovereign_names(text: str, ms: list[Morpheme]) -> list[tuple[int, int]]:
    """Spans of a proper noun + 天皇 / 上皇 / 法皇, a personal name + 院 / 帝 / 大帝 / 大王,
    and 始皇帝."""
    out: list[tuple[int, int]] = []
    # only the tokens that are a title: each holds a hint the scan finds (大帝 and 皇帝 at
    # their second character; no hint ends at a title's first), most texts none
    done = -1
    for hint in _SOVEREIGN_HINT.finditer(text):
        k = bisect_right(ms, hint.start(), key=MORPHEME_START) - 1  # the token holding it
        if k <= done or k < 0 or ms[k].surface not in _SOVEREIGN_ENDS:
            continue  # (the hint in another word: 病院, 帝国)
        done = k
        m, prev = ms[k], ms[k - 1]
        if k == 0 or prev.end != m.start:
            continue
        if m.surface == "皇帝" and prev.surface == "始":
            out.append((prev.start, m.end))
        elif prev.pos[1] != "固有名詞":
            continue
        elif (m.surface in _SOVEREIGN_TITLES and _KANJI.fullmatch(prev.surface)) or (
            m.surface in _NAMED_SOVEREIGN_TITLES and prev.pos[2] == "人名"
        ):
            out.append((prev.start, m.end))
    return out


def place_part(ms: list[Morpheme], cand: Candidate) -> bool:
    """Whether the candidate is glued to a place name before it (本埜村|戸島 in an address)."""
    k = cand.first - 1
    if k < 0 or ms[k].end != cand.start:
        return False
    prev = ms[k]
    return prev.pos[2] == "地名" or prev.surface.endswith(_PLACE_SUFFIXES)


def company_word(text: str, ms: list[Morpheme], cand: Candidate) -> bool:
    """Whether the candidate is the family-name part of a company's name."""
    if _LEGAL_AFTER.match(text, cand.end) or _LEGAL_BEFORE.search(
        text[max(0, cand.start - 6) : cand.start]
    ):
        return True
    k = cand.last + 1
    return k < len(ms) and ms[k].start == cand.end and ms[k].surface in _INDUSTRY


@dataclass(frozen=True, slots=True)
class Candidate:
    """Tokens ``first``..``last`` (inclusive) of the morpheme list, and their span."""

    first: int
    last: int
    start: int
    end: int


@lru_cache(maxsize=65536)  # pure: a candidate's surface is asked again and again
def _script(s: str) -> str:
    if _KANJI.fullmatch(s):
        return "kanji"
    if _KATAKANA.fullmatch(s):
        return "kata"
    if _HIRAGANA.fullmatch(s):
        return "hira"
    if _LATIN.fullmatch(s):
        return "latin"
    return "mixed"


def token_class(m: Morpheme, is_surname) -> str:
    """What a token could be as part of a name, or "" if it cannot be one."""
    return _class_of(m.surface, m.pos, m.oov, is_surname)


def _class_of(surface: str, pos: tuple[str, ...], oov: bool, is_surname) -> str:
    if pos[0] != "名詞":
        return ""
    if not _JAPANESE_PLAIN.fullmatch(surface) and not _JAPANESE.fullmatch(surface):
        return ""  # romaji names have their own check
    if pos[2] == "人名":
        return {"姓": "姓", "名": "名"}.get(pos[3], "人名")
    if pos[1] == "固有名詞":
        if pos[2] == "地名":
            return "地名S" if is_surname(surface) else "地名"
        return "固有S" if is_surname(surface) else "固有"
    if pos[1] != "普通名詞":
        return ""
    script = _script(_INNER_JOINERS.sub("", surface) if "・" in surface else surface)
    if oov:
        return f"oov-{script}" if script in ("kata", "kanji", "hira") else ""
    if script == "kata" and len(surface) >= 2:
        return "kata"
    if script == "kanji" and is_surname(surface):
        return "nounS"
    return ""


class _Classes(dict):
    """token_class per (surface, POS, oov), for one ``is_surname``: filled on first use."""

    __slots__ = ("is_surname",)

    def __init__(self, is_surname) -> None:
        super().__init__()
        self.is_surname = is_surname

    def __missing__(self, key: tuple) -> str:
        surface, pos, oov = key
        cls = self[key] = _class_of(surface, pos, oov, self.is_surname)
        return cls


#: token_class per is_surname (the engine's is a dictionary look-up, so the class of a
#: (surface, POS, oov) never changes): a text's classes are read off these
_CLASS_MEMO: dict[object, _Classes] = {}
_CLASS_MEMO_SIZE = 200_000
_KEY = itemgetter(slice(2, 5))  # a Morpheme's (surface, pos, oov)
_SURFACE = itemgetter(2)


def token_classes(ms: list[Morpheme], is_surname) -> list[str]:
    """``token_class`` of every token, each (surface, POS, oov) worked out once."""
    memo = _CLASS_MEMO.get(is_surname)
    if memo is None or len(memo) > _CLASS_MEMO_SIZE:
        if len(_CLASS_MEMO) > 8:
            _CLASS_MEMO.clear()
        memo = _CLASS_MEMO[is_surname] = _Classes(is_surname)
    return list(map(memo.__getitem__, map(_KEY, ms)))


def _regnal_end(ms: list[Morpheme], j: int) -> int:
    """The last token of a regnal number right after token j (カール|4|世, ヘンリー|8|世), or j."""
    if (
        j + 2 < len(ms)
        and ms[j + 1].pos[1] == "数詞"
        and ms[j + 2].surface == "世"
        and ms[j + 1].start == ms[j].end
        and ms[j + 2].start == ms[j + 1].end
    ):
        return j + 2
    return j


def _beside_title(ms: list[Morpheme], i: int, j: int) -> bool:
    """Whether tokens i..j touch a title or honorific (王子|カルラス, テーレポス|王, 根本|さん)."""
    after = ms[j + 1] if j + 1 < len(ms) and ms[j + 1].start == ms[j].end else None
    before = ms[i - 1] if i > 0 and ms[i - 1].end == ms[i].start else None
    if (after is not None and after.surface in TITLES) or (
        before is not None and before.surface in TITLES
    ):
        return True
    # 哲学者の|カント, 司令官の|サンタ・アナ: a role, then の
    if before is None or before.surface != "の" or i < 2:
        return False
    role = ms[i - 2]
    return role.end == before.start and (
        role.surface in TITLES or (role.pos[0] == "名詞" and role.surface.endswith(_ROLE_ENDS))
    )


#: words that make a title a former, present or next one's (前|議長, 元|社長, 次期|会長):
#: before a title they are part of it, not a surname beside it
_TITLE_PREFIXES = frozenset("前 元 現 新 旧 副 次期 初代 歴代 同 故".split())


def _title_prefix(ms: list[Morpheme], i: int, j: int) -> bool:
    """Whether token i alone is a prefix glued to the title after it (前|議長)."""
    k = j + 1
    return (
        i == j
        and ms[i].surface in _TITLE_PREFIXES
        and k < len(ms)
        and ms[k].start == ms[i].end
        and ms[k].surface in TITLES
    )


_NOT_IN_NAME = frozenset({"助詞", "助動詞", "接尾辞", "補助記号"})


def _chinese_given(ms: list[Morpheme], classes: list[str], i: int, j: int) -> int:
    """The last token of a Chinese or Korean name that starts at token i, or j.

    Sudachi cuts such a name into its one-kanji surname and single characters that are
    other words (趙|汝|愚, 周|必|大, 韓|冑, 金|命|元): after a one-kanji surname, one or two
    glued one-kanji tokens belong to the name when no further kanji is glued after them.
    """
    first = ms[i]
    if classes[i] != "姓" or len(first.surface) != 1 or not _KANJI.fullmatch(first.surface):
        return j
    k = i
    while (
        k + 1 < len(ms)
        and k - i < 2
        and ms[k + 1].start == ms[k].end
        and len(ms[k + 1].surface) == 1
        and _KANJI.fullmatch(ms[k + 1].surface)
        and ms[k + 1].pos[0] not in _NOT_IN_NAME
    ):
        k += 1
    if k <= j or k == i:
        return j
    if k + 1 < len(ms) and ms[k + 1].start == ms[k].end and _KANJI.match(ms[k + 1].surface):
        return j  # 金|曜|日|本: part of a longer word
    return k


_COMPOUND_REACH = 4


def _title_in_compound(ms: list[Morpheme], k: int) -> bool:
    """Whether the nouns glued from token k on hold or end in a title (総理事, 検事局|長)."""
    end = ms[k - 1].end
    for m in ms[k : k + _COMPOUND_REACH]:
        if m.start != end or m.pos[0] not in ("名詞", "接尾辞"):
            return False
        s = m.surface
        if s in TITLES or s[-2:] in TITLES or (m.pos[0] == "接尾辞" and s == "長"):
            return True
        end = m.end
    return False


def _joined(ms: list[Morpheme], classes: list[str], j: int) -> int:
    """How many tokens after token j continue its name across a joiner (・, =, a space), or 0.

    ``X・Y`` continues by two tokens; ``X・デ・Y`` and ``X・D・Y`` (a particle or an initial
    between two joiners) by four.
    """
    n = len(ms)
    if j + 2 >= n or ms[j + 1].surface not in _JOINERS or ms[j + 1].start != ms[j].end:
        return 0
    mid = ms[j + 2]
    if mid.start != ms[j + 1].end:
        return 0
    if classes[j + 2]:
        return 2
    if (
        j + 4 < n
        and (mid.surface in _NAME_PARTICLES or _INITIAL.fullmatch(mid.surface))
        and ms[j + 3].surface in _JOINERS
        and classes[j + 4]
        and ms[j + 3].start == mid.end
        and ms[j + 4].start == ms[j + 3].end
    ):
        return 4
    return 0


def candidates(
    ms: list[Morpheme], is_surname, weak: list[Candidate] | None = None
) -> tuple[list[Candidate], list[str]]:
    """Maximal runs of possible name tokens, and every token's class (for features).

    A run of weak tokens only (a katakana loanword, a surname-like common noun) is a
    candidate only beside a title (テーレポス王) or with a regnal number (カール4世); the
    one-token ones left out go to ``weak`` if given (a later mention of a full name can
    make them candidates: ウィリアム・B・ブラフォード ... ブラフォードは).
    """
    classes = token_classes(ms, is_surname)
    found: list[Candidate] = []
    n = len(ms)
    resume = 0  # the first token past the last candidate
    for i in compress(range(n), classes):  # a run starts at a name token (class not "")
        if i < resume or (
            i > 0
            and ms[i - 1].end == ms[i].start
            and (
                (classes[i - 1] and ms[i].surface in _RUN_ENDS)
                or (ms[i].surface == CARE_OF and ms[i - 1].pos[0] in _CARE_OF_AFTER)
            )
        ):
            continue  # ローマ|王|フェルディナント4世: the title is neither name; 渡辺様|方: c/o
        if (
            ms[i].surface in _TITLE_PREFIXES
            and i + 1 < n
            and ms[i + 1].surface == " "
            and classes[i] in _WEAK_CLASSES
        ):
            continue  # 旧 山本 → 新 小池: "former" and "new", not a name before the space
        j = i
        while j + 1 < n and j - i < _MAX_TOKENS:
            nxt = ms[j + 1]
            if classes[j + 1] and nxt.start == ms[j].end:
                if nxt.surface in _RUN_ENDS or nxt.surface == CARE_OF:
                    break  # 鹿取義隆|ヘッドコーチ, バイエルン|公: a title ends the name
                j += 1
            elif step := _joined(ms, classes, j):
                j += step
            else:
                break
        j = _chinese_given(ms, classes, i, j)
        last = _regnal_end(ms, j)
        if (
            last != j
            or not _WEAK_CLASSES.issuperset(classes[i : j + 1])
            or (_beside_title(ms, i, j) and not _title_prefix(ms, i, j))
        ):
            found.append(Candidate(i, last, ms[i].start, ms[last].end))
        elif weak is not None and i == j:
            weak.append(Candidate(i, i, ms[i].start, ms[i].end))
        resume = last + 1
    return found, classes


def _neighbour(text: str, ms: list[Morpheme], k: int, edge: int) -> tuple[str, str]:
    """(surface, coarse POS) of token k, or a boundary marker past a line's end.

    ``edge`` is the candidate's start (k before it) or end (k after it).
    """
    # text.find(.., a, b) is "\n" in text[a:b] without the slice; asked only when a < b
    # (-1 otherwise, and most neighbours touch: a find parses its arguments, ~1,300
    # instructions a call)
    if k < 0 or (k < len(ms) and ms[k].end < edge and text.find("\n", ms[k].end, edge) >= 0):
        return "<s>", "<s>"
    if k >= len(ms) or (edge < ms[k].start and text.find("\n", edge, ms[k].start) >= 0):
        return "</s>", "</s>"
    m = ms[k]
    return m.surface, f"{m.pos[0]}-{m.pos[1]}"


def features(
    text: str,
    ms: list[Morpheme],
    cand: Candidate,
    classes: list[str],
    honorific: str,
    coref: bool,
) -> list[str]:
    """The model's features for one candidate (strings; their weights are summed)."""
    toks = [m for m in ms[cand.first : cand.last + 1] if m[2] not in _JOINERS]
    cls = list(filter(None, classes[cand.first : cand.last + 1]))  # the name tokens' classes
    surface = text[cand.start : cand.end]
    pattern = "|".join(cls[:4])
    p1, p1pos = _neighbour(text, ms, cand.first - 1, cand.start)
    p2, _ = _neighbour(text, ms, cand.first - 2, cand.start)
    n1, n1pos = _neighbour(text, ms, cand.last + 1, cand.end)
    n2, n2pos = _neighbour(text, ms, cand.last + 2, cand.end)
    # 。エンゲルスは: a sentence starts, as in a one-sentence text (GSD's); p2 stays the
    # word before 。, so one-word texts (a column's values) keep their own <s>_<s> weights
    if p1 in _SENTENCE_ENDS:
        p1 = p1pos = "<s>"
    if p1 != "<s>" and ms[cand.first - 1].end != cand.start:
        p1 = "<gap>"
    feats = [
        "bias",
        f"pat={pattern}",
        f"first={cls[0]}",
        f"last={cls[-1]}",
        f"n={min(len(toks), 4)}",
        f"len={min(len(surface), 8)}",
        f"script={_script(surface.replace('・', '').replace(' ', ''))}",
        f"surf={surface}",
        f"p1={p1}",
        f"p1pos={p1pos}",
        f"p2={p2}",
        f"p2p1={p2}_{p1}",
        f"n1={n1}",
        f"n1pos={n1pos}",
        f"n2={n2}",
        f"n2pos={n2pos}",
        f"n1n2={n1}_{n2}",
        f"pat_n1={pattern}_{n1}",
        f"pat_p1={pattern}_{p1}",
        f"last_n1pos={cls[-1]}_{n1pos}",
        f"hon={honorific}",
        f"lastch={surface[-1]}",
        f"firstch={surface[0]}",
        f"last2={surface[-2:]}",
    ]
    if n1 in TITLES:
        feats += ["n1_title", f"pat_n1_title={pattern}"]
    elif _title_in_compound(ms, cand.last + 1):
        feats.append("compound_title")  # 山岡順太郎|総理事, X|国家評議会|議長, X|陸軍|少佐
    if p1 in TITLES or (p1 == "の" and p2 in TITLES) or p1 in "・、":
        feats.append(f"p_title={p1 in TITLES}_{p1 if p1 in '・、の' else ''}")
    if len(toks) > 1:
        feats.append("joined" if len(toks) < cand.last - cand.first + 1 else "glued")
    if coref:
        feats += ["coref", f"coref_pat={pattern}"]
    if (
        cls[0] == "姓"
        and 2 <= len(surface) <= 3
        and len(toks[0].surface) == 1
        and all(len(m[2]) == 1 for m in toks)
        and _KANJI.fullmatch(surface)
    ):
        feats.append(f"cjk={len(surface)}")  # 趙汝愚, 李陽元: a Chinese or Korean name
    feats.extend(["tok=" + m[2] for m in toks])
    plain = surface.replace("・", "").replace(" ", "")
    feats.extend(["cb=" + plain[k : k + 2] for k in range(len(plain) - 1)])
    feats += _word_features(toks, p1, n1)
    feats += _context_features(text, ms, cand, surface, (p1, p1pos, n1, n1pos, n2))
    return feats


def _word_features(toks: list[Morpheme], p1: str, n1: str) -> list[str]:
    """The word clusters and word-vector rows of the name's tokens and its direct neighbours.

    Clusters: カント is among philosophers, アルバータ among Canadian places, so names unseen
    in training score like their cluster's. Rows: the weight of ``dv=<row>`` is a learned
    direction dotted with that row's unit vector (bench/train_person_scorer.py), so summing
    the weights scores the summed vectors of the name, its neighbours and the window.
    """
    clusters, rows = word_clusters(), word_rows()
    feats = [f"kc={clusters[m[2]]}" for m in toks]
    if p1 not in ("<s>", "<gap>"):
        feats.append(f"p1kc={clusters[p1]}")
    if n1 != "</s>":
        feats.append(f"n1kc={clusters[n1]}")
    feats.extend([f"dv={r}" for m in toks if (r := rows[m[2]]) >= 0])
    if p1 not in ("<s>", "<gap>") and (r := rows[p1]) >= 0:
        feats.append(f"p1dv={r}")
    if n1 != "</s>" and (r := rows[n1]) >= 0:
        feats.append(f"n1dv={r}")
    return feats


def _context_features(
    text: str, ms: list[Morpheme], cand: Candidate, surface: str, around: tuple
) -> list[str]:
    """What the words around a candidate say beyond its direct neighbours.

    The last character of a noun beside it generalises titles the list lacks (経済産業相,
    政務官, 高梁市長); a bag of the content words within ``_WINDOW`` tokens (生まれ, 演じ,
    俳優); a regnal number (ヘンリー8世).
    """
    p1, p1pos, n1, n1pos, n2 = around
    feats = [f"first2={surface[:2]}", f"p1n1={p1}_{n1}"]
    if surface.endswith("世") and ms[cand.last].pos[0] == "接尾辞":
        feats.append("regnal")
    if n1pos.startswith(("名詞", "接尾")):
        feats.append(f"n1last={n1[-1]}")
        if n2 in TITLES:
            feats.append("n2_title")
    if p1pos.startswith(("名詞", "接尾")):
        feats.append(f"p1last={p1[-1]}")
    elif p1 == "の" and cand.first >= 2 and ms[cand.first - 2].pos[0] in ("名詞", "接尾辞"):
        feats.append(f"nop2last={ms[cand.first - 2].surface[-1]}")  # 地理学者の, 作曲家の
    # tokens last+2 .. last+1+_WINDOW and first-1-_WINDOW .. first-2, content words only
    right = ms[cand.last + 2 : cand.last + 2 + _WINDOW]
    feats += ["rw=" + m[2] for m in right if m[3][0] in _CONTENT]  # m.surface, m.pos
    left = ms[max(0, cand.first - 1 - _WINDOW) : cand.first - 1] if cand.first > 1 else ()
    feats += ["lw=" + m[2] for m in left if m[3][0] in _CONTENT]
    # ... and their word-vector rows (see _word_features)
    rows = word_rows()
    feats += [f"rwdv={r}" for m in right if m[3][0] in _CONTENT and (r := rows[m[2]]) >= 0]
    feats += [f"lwdv={r}" for m in left if m[3][0] in _CONTENT and (r := rows[m[2]]) >= 0]
    return feats


@dataclass(frozen=True)
class PersonScorer:
    """A logistic regression over candidate features; weights loaded from JSON."""

    weights: dict[str, float]

    @classmethod
    def load(cls, path: Path = WEIGHTS_PATH) -> PersonScorer:
        return _load(str(path))

    def probability(self, feats: list[str]) -> float:
        z = sum(map(self.weights.get, feats, repeat(0.0)))  # the same sum, in the same order
        return 1.0 / (1.0 + math.exp(-z))


@cache
def _load(path: str) -> PersonScorer:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return PersonScorer(dict(data["weights"]) | row_weights(data.get("rows", {})))


def row_weights(rows: dict[str, str]) -> dict[str, float]:
    """The weights of the word-vector slots: ``{"dv": "12 -3 0 ..."}`` (thousandths, one per
    vector row) becomes ``{"dv=0": 0.012, "dv=1": -0.003}`` (zeros left out)."""
    out: dict[str, float] = {}
    for slot, values in rows.items():
        for row, v in enumerate(map(int, values.split())):
            if v:
                out[f"{slot}={row}"] = v / 1000
    return out


def coref_surfaces(ms: list[Morpheme], found: list[Candidate], classes: list[str]) -> set[str]:
    """Parts of the text's longer names (山田|太郎, ミック・ジョーンズ): a part alone recurs."""
    out: set[str] = set()
    for c in found:
        parts = [ms[k].surface for k in range(c.first, c.last + 1) if classes[k]]
        if len(parts) < 2:
            continue
        named = any(classes[k] in ("姓", "名", "人名") for k in range(c.first, c.last + 1))
        if named or any(ms[k].surface == "・" for k in range(c.first, c.last + 1)):
            out.update(parts)
    for c in found:  # one dictionary entry with its own dots (ドナルド・トランプ)
        if c.first == c.last and classes[c.first] in _NAMED and "・" in ms[c.first].surface:
            out.update(ms[c.first].surface.split("・"))
    return out


def _list_features(ms, c: Candidate, classes, by_last, by_first) -> list[str]:
    """A candidate listed beside another (関口、日比野; AとB): whether that one has 人名 tags."""
    out = []
    for other, sep, side in (
        (by_last.get(c.first - 2), c.first - 1, "l"),
        (by_first.get(c.last + 2), c.last + 1, "r"),
    ):
        if other is not None and ms[sep].surface in _LIST_SEPARATORS:
            named = any(classes[t] in _NAMED for t in range(other.first, other.last + 1))
            out.append(f"nb={named}_{side}")
    return out


def candidate_features(
    text: str, ms: list[Morpheme], engine, honorific_at
) -> list[tuple[Candidate, list[str]]]:
    """Every candidate of ``text`` with its features (the same for training and use).

    ``engine`` is the Sudachi engine (``is_surname``, ``entry_kinds``).
    """
    found = TextCandidates(text, ms, engine)
    return [(c, found.features(c, honorific_at(text, c.end))) for c in found.kept]


class TextCandidates:
    """The candidates of one text, and what their features read that depends on all of
    them (coreference, lists, the polite register): ``candidate_features`` builds every
    candidate's features; the recognizer builds them only for the candidates its rules
    after the model keep (the features of one do not depend on which others are built)."""

    __slots__ = ("text", "ms", "engine", "classes", "kept", "_cuts", "_recurring", "_polite",
                 "_by_last", "_by_first")  # fmt: skip

    def __init__(self, text: str, ms: list[Morpheme], engine) -> None:
        self.text, self.ms, self.engine = text, ms, engine
        #: the candidates that are no company's, place's or thing's name, in token order
        self.kept: list[Candidate] = []
        weak: list[Candidate] = []
        found, classes = candidates(ms, engine.is_surname, weak)
        self.classes = classes
        if not found and not weak:
            return
        cuts = self._cuts = [m.start() for m in _BOUNDARY.finditer(text)]
        segments: dict[int, list[Candidate]] = {}
        for c in found:
            segments.setdefault(bisect_left(cuts, c.start), []).append(c)
        recurring = self._recurring = {
            seg: coref_surfaces(ms, cs, classes) for seg, cs in segments.items()
        }
        lone = [
            c
            for c in weak
            if ms[c.first].surface in recurring.get(bisect_left(cuts, c.start), ())
            or at_work(text, ms, c.first, c.last, engine.is_surname)
        ]
        # a weak word that is part of a longer name in the same text (ブラフォード), or one
        # giving their own name (総務課の|小川|です。)
        if lone:
            found = sorted(found + lone, key=lambda c: c.first)
        self._polite = _polite_marks(text, ms) if found else []
        self._by_last = {c.last: c for c in found}
        self._by_first = {c.first: c for c in found}
        self.kept = [
            c
            for c in found
            if not (
                company_word(text, ms, c)
                or place_part(ms, c)
                or not_a_person(text, ms, c.first, c.last)
            )
        ]

    def pattern(self, c: Candidate) -> str:
        """The ``pat=`` feature's value: the classes of the candidate's first four name tokens."""
        return "|".join(list(filter(None, self.classes[c.first : c.last + 1]))[:4])

    def features(self, c: Candidate, honorific: str) -> list[str]:
        """The features of candidate ``c`` (one of ``kept``); ``honorific`` is
        ``honorific_at(text, c.end)``."""
        text, ms, cuts = self.text, self.ms, self._cuts
        single = c.first == c.last
        coref = single and ms[c.first].surface in self._recurring.get(
            bisect_left(cuts, c.start), ()
        )
        feats = features(text, ms, c, self.classes, honorific, coref)
        feats.extend(["dict=" + k for k in sorted(self.engine.entry_kinds(text[c.start : c.end]))])
        feats.extend(_list_features(ms, c, self.classes, self._by_last, self._by_first))
        polite = self._polite
        if polite and _near(polite, cuts, c.start, c.end):
            feats += ["polite"] + ["pol|" + f for f in feats if f.startswith(_POLITE_FEATURES)]
        return feats


#: one introducing oneself: [role]の + name + です。 (広報チームの杉浦です。, 店長の佐藤です。) or
#: [verb]た / ます + name + です (就任しました堀田でございます。)
_ROLE_LAST_CHARS = tuple("者員長手係当師士官")
#: ... or a unit of an organisation (営業部の, 総務課の, 大宮営業所の, 東京支店の, 人事グループの)
_UNIT_LAST_CHARS = tuple("部課室所店社局班科署庁省")
_KATAKANA_ROLES = frozenset(
    "スタッフ インストラクター プロデューサー ディレクター マネージャー デザイナー ライター"
    " エンジニア トレーナー アシスタント リーダー メンバー チーム オーナー グループ センター"
    " オフィス デスク".split()
)
_INTRO_ENDS = frozenset("。 ！ ! ♪ 、".split())
#: words for a relation that the dictionary lists as surnames too: after [role]の they are
#: the word (経営者の味方です, 皆さんの仲間です); of 50 such nouns checked, these four
_RELATIONAL_NOUNS = frozenset("味方 仲間 大家 上司".split())


def introduced(ms: list[Morpheme], first: int, last: int, is_surname) -> bool:
    """広報チームの|杉浦|です。, 総務課の|小川|です。, 務めております|高坂|です。: tokens
    ``first``..``last`` are someone giving their own name. After [role or unit]の a 人名
    token or kanji surnames will do (小川 reads as a brook to Sudachi); after a verb only a
    人名 token."""
    k, p = last + 1, first - 1
    if k + 1 >= len(ms) or ms[k].start != ms[last].end:
        return False
    tokens = ms[first : last + 1]
    if (ms[k].surface == "と" and ms[k + 1].surface == "申し") or (
        ms[k].surface == "でし"
        and ms[k + 1].surface == "た"
        and p >= 1
        and ms[p].surface == "、"
        and ms[p - 1].surface == "以上"
    ):  # 西川と申します (whatever comes before; 西川 is a place to Sudachi), 以上、岸本でした。
        return named_colleague(tokens, is_surname)
    if p < 1:
        return False
    if ms[k].surface == "です":
        if ms[k + 1].surface not in _INTRO_ENDS:
            return False
    elif not (ms[k].surface == "で" and ms[k + 1].surface == "ござい"):
        return False
    named = read_as_name(tokens)
    before = ms[p]
    if before.surface == "。" and ms[k].surface == "で":
        # お電話ありがとうございます。|山崎|でございます。: one answering, opening a sentence
        return named or colleague_surnames(tokens, is_surname)
    if before.surface == "の" and ms[p - 1].end == before.start:
        role = ms[p - 1].surface
        if not (
            role in _KATAKANA_ROLES
            or role in TITLES
            or role.endswith(_ROLE_LAST_CHARS)
            or role.endswith(_UNIT_LAST_CHARS)
        ):
            return False
        return named or (
            kanji_surnames(tokens, is_surname)
            and not any(m.surface in _RELATIONAL_NOUNS for m in tokens)
        )
    if before.surface == "は" and ms[p - 1].surface in _POSTS and ms[p - 1].end == before.start:
        return named or colleague_surnames(tokens, is_surname)  # 後任は|小川|です。: a post
    if before.pos[0] != "助動詞" or before.surface not in ("た", "ます"):
        return False
    # 担当することになりました|大島|です。: 大島 an island to Sudachi, after a polite verb (昨日
    # 行ってきた|大島|です is the island; one kanji is too often a word: 出版されました|本|です)
    polite = before.surface == "ます" or ms[p - 1].surface == "まし"
    return named or (
        polite
        and colleague_surnames(tokens, is_surname)
        and ms[last].end - ms[first].start > 1
    )


#: posts someone holds, before は and a surname + です (後任は小川です, 窓口は森です)
_POSTS = frozenset(
    "後任 前任 後任者 前任者 担当 担当者 責任者 窓口 幹事 司会 講師 代表 連絡先".split()
)
#: parts or sides of a place the dictionary lists as surnames too (支店の|角から, 部の|奥まで)
_SIDES = frozenset(
    "奥 角 横 脇 隣 裏 表 端 先 外 内 際 側 傍 辺 底 元 下 後 前 上 中 間 口".split()
)
#: after [unit]の + a surname: where a message goes (総務部の森まで, 経理課の林へ)
_UNIT_NAME_AFTER = frozenset("まで へ 宛 宛て より から".split())


def of_unit(ms: list[Morpheme], first: int, last: int, is_surname) -> bool:
    """総務部の|森|まで, 経理課の|林|へ: kanji surnames of a unit of the organisation, then a
    particle of where something goes or who does it (森 reads as a forest otherwise)."""
    p, k = first - 2, last + 1
    if p < 0 or k >= len(ms) or ms[first - 1].surface != "の":
        return False
    unit = ms[p]
    if unit.end != ms[first - 1].start or not unit.surface.endswith(_UNIT_LAST_CHARS):
        return False
    if len(unit.surface) < 2 or unit.surface.endswith("神社"):
        return False  # (神社の|中から: a shrine)
    if ms[k].start != ms[last].end or ms[k].surface not in _UNIT_NAME_AFTER:
        return False
    tokens = ms[first : last + 1]
    return colleague_surnames(tokens, is_surname) and not any(
        m.surface in _SIDES or m.pos[2] == "副詞可能" for m in tokens
    )  # (営業部の|中から, 開発部の|奥まで: a part of the place)


#: what only a person does at work, said of its doer (林が|作成した, 森は|出張中, 林と森が|来社,
#: 林が|ご|説明): a surname-like common noun before it is the colleague's surname, not a forest
_DEEDS = frozenset(
    "作成 担当 出席 欠席 来社 訪問 出張 報告 説明 発言 提案 回答 連絡 司会 進行 同行 執筆"
    " 起案 退職 入社 異動 着任 早退 遅刻 在席 外出 帰社 直帰 出社 休暇 伺い 案内 返信 手配"
    " 窓口 対応".split()
)
_DOER_MARKS = frozenset({"が", "は", "も"})
#: ... and what one hears from a colleague or asks of one (岡から|連絡, 森より|折り返し,
#: 関に|確認し, 谷へ|依頼し): the particle, then one of these
_FROM_MARKS = frozenset({"から", "より"})
_TO_MARKS = frozenset({"に", "へ"})
_HEARD_FROM = frozenset(
    "連絡 電話 メール 報告 指示 説明 回答 返信 折り返し 伝言 依頼 相談 見積もり 見積 資料 書類 返事"
    " メッセージ".split()
)
_ASKED_OF = frozenset(
    "確認 連絡 相談 報告 依頼 質問 伝言 電話 問い合わせ 共有 送付 転送 提出 回覧 送信".split()
)
#: ... or handed work (林に|引き継ぎました, 岡に|申し送り): a verb, whatever follows it
_HANDED_TO = frozenset("引き継ぎ 引継ぎ 引き継い 引継い 申し送り 申し送っ 手渡し".split())
#: after the asking, a verb or its object, not a purpose (森に|確認に行った is a forest)
_ASKED_THEN = frozenset({"し", "いたし", "致し", "済み", "済", "を", "の", "中"})
#: at most this many words for a time between the doer and the deed (森は|本日|出張中)
_WHEN_REACH = 3
_WHEN_PARTICLES = frozenset({"から", "まで", "に", "より"})
_COORDINATORS = frozenset({"と", "、", "・"})
#: surname-like words for people or bodies that do such things themselves (上が決裁,
#: 町が担当, 家内が出席; ご存知の方は回答を: 方 is the polite "one who"): the word, not a surname
_NOT_DOERS = _RELATIONAL_NOUNS | frozenset("上 町 役所 王 神 家内 室 所 館 城 宮 方".split())
#: an honorific prefix of the deed (林が|ご|説明, 森が|お|伺い)
_POLITE_PREFIXES = frozenset({"ご", "お", "御"})
#: what may follow the doer directly: the next doer's joiner or the particle of the deed
_AFTER_DOER = _COORDINATORS | _DOER_MARKS | _FROM_MARKS | _TO_MARKS | {"まで"}


def katakana_read_as_name(tokens: list[Morpheme]) -> bool:
    """One katakana token Sudachi reads as a name here (スミス, ガルシア; not a loanword)."""
    return (
        len(tokens) == 1
        and tokens[0].pos[2] == "人名"
        and _KATAKANA.fullmatch(tokens[0].surface) is not None
    )


def acts(ms: list[Morpheme], first: int, last: int, is_surname) -> bool:
    """林が|作成した, 森は|出張中, 林と森が|来社した, 岡から|連絡, 関に|確認しました,
    林に|引き継ぎました, 上野まで|ご連絡ください: kanji
    surnames (in a list joined by と or 、 too) doing, telling or being asked what only a
    person does at work; not glued after another word (防風|林) and no word for a time
    (前から連絡を取っていた: 前 is before)."""
    if last + 1 >= len(ms) or ms[last + 1].surface not in _AFTER_DOER:
        return False  # (most tokens: neither a particle of the deed nor a list goes on)
    tokens = ms[first : last + 1]
    if not (colleague_surnames(tokens, is_surname) or katakana_read_as_name(tokens)) or any(
        m.pos[2] == "副詞可能" for m in tokens
    ):
        return False  # (スミスが|担当: a katakana name Sudachi reads as one does it too)
    before = ms[first - 1] if first > 0 else None
    if (
        before is not None
        and before.end == ms[first].start
        and before.pos[0] in ("名詞", "接頭辞")
        and before.pos[2] != "副詞可能"  # (先ほど|関に確認: a time word before it)
    ):
        return False
    k, at = last + 1, ms[last].end
    while k + 1 < len(ms) and ms[k].start == at and ms[k].surface in _COORDINATORS:
        nxt = ms[k + 1]  # 林と|森が: the next doer of the list
        if nxt.start != ms[k].end or not kanji_surnames([nxt], is_surname) and nxt.pos[2] != "人名":
            return False
        k, at = k + 2, nxt.end
    if k + 1 >= len(ms) or ms[k].start != at:
        return False
    mark = ms[k].surface
    d = k + 1
    while d < min(len(ms), k + 1 + _WHEN_REACH) and (
        ms[d].pos[2] == "副詞可能"
        or ms[d].pos[0] == "副詞"
        or (ms[d].surface in _WHEN_PARTICLES and ms[d - 1].pos[2] == "副詞可能")
    ):
        d += 1  # 森は|本日|出張中, 林は|午後|から|外出, 松下より|改めて|ご連絡, 森が|直接|説明
    if d < len(ms) and ms[d].surface in _POLITE_PREFIXES:
        d += 1  # 林が|ご|説明いたします
    if d >= len(ms):
        return False
    deed, then = ms[d].surface, (ms[d + 1].surface if d + 1 < len(ms) else "")
    if mark not in _DOER_MARKS and any(m.surface in _SIDES for m in tokens):
        return False  # (棚の|奥|から書類を出した: a side of a place, not a colleague)
    if mark in _FROM_MARKS:
        return deed in _HEARD_FROM
    if mark == "まで":
        return deed in _ASKED_OF  # 上野まで|ご連絡ください, 森まで|お問い合わせ
    if mark in _TO_MARKS:
        return (deed in _ASKED_OF and then in _ASKED_THEN) or (
            deed in _HANDED_TO
            and ms[d].pos[0] == "動詞"
            and (read_as_name(tokens) or len(ms[first].surface) == 1)
        )  # (次の世代に|引き継ぎます: a common noun the dictionary lists as a surname too)
    return (
        mark in _DOER_MARKS
        and (deed in _DEEDS or (deed.endswith("中") and deed[:-1] in _DEEDS))
        and not then.startswith("さ")
    )  # (森が報告|され: the thing reported)


#: what separates the entries of a list on a line; an arrow hands one over to the next
#: (担当：荻野→川端)
_ENTRY_SEPARATORS = frozenset("、，,／/→⇒")


def _rest_of_line(text: str, at: int) -> str:
    """What follows ``at`` on its line, without spaces at its ends."""
    end = text.find("\n", at)
    return text[at : len(text) if end < 0 else end].strip(" 　")


def signs(text: str, ms: list[Morpheme], first: int, last: int, is_surname) -> bool:
    """営業部　林, 総務課　課長　森: a signature's unit of the organisation or title, a space,
    then kanji surnames closing the line or an entry of a list on it."""
    p = first - 1
    if p >= 0 and ms[p].surface.isspace():
        p -= 1  # (a space Sudachi kept as a token)
    if p < 0:
        return False
    unit, gap = ms[p], text[ms[p].end : ms[first].start]
    if not gap or gap.strip(" 　") or "\n" in gap:
        return False
    if not (
        unit.surface in TITLES
        or unit.surface.endswith(_UNIT_LAST_CHARS)
        or (  # 総務部|長　大西: a unit's head, cut in two
            unit.surface == "長"
            and p > 0
            and ms[p - 1].end == unit.start
            and ms[p - 1].surface.endswith(_UNIT_LAST_CHARS)
        )
    ):
        return False
    rest = _rest_of_line(text, ms[last].end)
    if rest and rest[0] not in _ENTRY_SEPARATORS and rest != "より":
        return False  # (営業部 佐野、開発部 宮崎: entries of a list; 総務部長　大西より: a sender)
    return colleague_surnames(ms[first : last + 1], is_surname)


#: the functions of a company, which a colleague's unit in brackets names (山田（営業）)
_FUNCTIONS = frozenset(
    "営業 総務 経理 人事 開発 企画 広報 法務 製造 品質 購買 財務 技術 設計 研究 管理 庶務 秘書"
    " 情報 システム 物流 調達 生産 販売 マーケティング 編集 制作 業務 監査 事務 経営".split()
)
_OPEN, _CLOSE = frozenset("（("), frozenset("）)")


def belongs(ms: list[Morpheme], first: int, last: int, is_surname) -> bool:
    """山田（営業）, 林（総務部）, 森（課長）: surnames (Sudachi's 人名, or kanji the dictionary
    lists) with their unit or title in brackets right after them."""
    k = last + 1
    if k + 2 >= len(ms) or ms[k].surface not in _OPEN or ms[k].start != ms[last].end:
        return False  # (the bracket first: most tokens have none after them)
    tokens = ms[first : last + 1]
    if not (read_as_name(tokens) or kanji_surnames(tokens, is_surname)):
        return False
    if any(m.surface in _NOT_DOERS for m in tokens):
        return False
    inside = []
    for m in ms[k + 1 : k + 5]:
        if m.surface in _CLOSE:
            break
        if m.pos[0] not in ("名詞", "接尾辞"):
            return False
        inside.append(m.surface)
    else:
        return False
    unit = "".join(inside)
    return bool(inside) and (
        unit in _FUNCTIONS
        or inside[0] in _FUNCTIONS
        or unit in TITLES
        or unit.endswith(_UNIT_LAST_CHARS)
    )


#: a line of minutes: a speaker's surname, a colon, what they said (森：異議なし。)
_SPEAKER_LINE = re.compile(r"^[ 　]*([一-龥々]{1,4})[ 　]*[：:][ 　]*[^\s：:]", re.M)
#: ... which only minutes hold: the text must say it is some
_MINUTES_CUES = ("議事録", "会議", "打ち合わせ", "打合せ", "ミーティング", "議題", "出席者", "発言")
#: and at least this many lines of it must open with a surname
_SPEAKERS = 2


def spoke(text: str, ms: list[Morpheme], first: int, last: int, is_surname) -> bool:
    """議事録 … 山田：予算案を説明した。\n森：異議なし。: kanji surnames opening a line of
    minutes, where at least one other line opens with a surname and a colon too."""
    if first != last or last + 1 >= len(ms) or ms[last + 1].surface not in ("：", ":"):
        return False
    if is_surname is None:
        return False
    m = ms[first]
    if not (kanji_surnames([m], is_surname) or m.pos[2] == "人名") or m.surface in _NOT_DOERS:
        return False
    lo = text.rfind(HARD_BOUNDARY, 0, m.start) + 1
    hi = text.find(HARD_BOUNDARY, m.end)
    hi = len(text) if hi < 0 else hi
    line = text.rfind("\n", lo, m.start) + 1
    segment = text[lo:hi]
    if text[line : m.start].strip(" 　") or not any(c in segment for c in _MINUTES_CUES):
        return False
    heads = [h for h in _SPEAKER_LINE.findall(segment) if is_surname(h) and h not in _NOT_DOERS]
    return m.surface in heads and len(heads) >= _SPEAKERS


#: a line (or a bracket) opening with a label of people and a colon, then surnames (and
#: units) listed: 面接官：小林、山口, 関係者：営業部 佐野、開発部 宮崎, （同行：神田）
#: (the label in kanji, with kana in it too, in katakana or an e-mail header's letters:
#: 問い合わせ先：宮本, レビュー：久保, CC: 菅原; a note in brackets after an entry: 面談者：
#: 樋口（人事）、大野)
_LABELLED_LINE = re.compile(
    r"[ 　]*[【\[]?([一-龥お][一-龥ぁ-ゖ]{0,7}|[ァ-ヴー]{2,8}|[A-Za-z]{2,4})[】\]]?[ 　]*[：:]"
    r"(?:[ 　、，,・／/→⇒一-龥々]|[（(][^（）()\n]{0,12}[）)])*$"
)
_PEOPLE_LABELS = frozenset(
    "担当 司会 書記 作成 確認 承認 受付 出席 欠席 参加 同席 同行 講師 面接 記録 宛先 宛名 発表"
    " 連絡先 窓口 メンバー レビュー レビュアー チェック リーダー CC Cc BCC Bcc To TO"
    " 問い合わせ先 お問い合わせ先 問合せ先 引継ぎ元 引継ぎ先 引き継ぎ元 引き継ぎ先"
    " 記入 起票 申請 依頼 立会 点検 監修 執筆 撮影 通訳 引率".split()
)
#: ... or a kanji label ending in one (資料作成, 議事録作成, 日程確認)
_PEOPLE_LABEL_ENDS = tuple(w for w in _PEOPLE_LABELS if len(w) >= 2 and _KANJI.fullmatch(w))
_LABEL_CLOSERS = _ENTRY_SEPARATORS | frozenset("）)")
#: a label's end saying its people change (担当者変更, 担当交代)
_HANDOVERS = ("変更", "交代")


def labelled(text: str, ms: list[Morpheme], first: int, last: int, is_surname) -> bool:
    """面接官：小林、山口, 出席：林、森, （同行：神田）, 作業者：小島　確認者：服部: kanji
    surnames listed after a label of people (a role ending in 者 / 官 / 員, or 担当, 出席 ...)
    that opens the line, a bracket or a field of the line (after a space or 、), up to the
    line's end, a bracket's, or the next field's label; surnames in katakana too (記録：ヤマダ)."""
    at = ms[first].start
    line = text.rfind("\n", 0, at) + 1  # (a batch's texts are joined with newlines around)
    if text.find("：", line, at) < 0 and text.find(":", line, at) < 0:
        return False  # (the colon first: every label has one before the names, most lines none)
    tokens = ms[first : last + 1]
    if not (colleague_surnames(tokens, is_surname) or katakana_surnames(tokens, is_surname)):
        return False
    opened = max(text.rfind("（", line, at), text.rfind("(", line, at))
    if opened >= 0 and max(text.find("）", opened, at), text.find(")", opened, at)) >= 0:
        opened = -1  # 面談者：樋口（人事）、大野: a note closed before the name
    start = opened + 1 if opened >= 0 else line
    found = _LABELLED_LINE.match(text, start, at)
    if found is None:
        # a field further on the line: its label after a space or 、 (出張者：吉田、同行者：中山)
        colon = max(text.rfind("：", start, at), text.rfind(":", start, at))
        field = max(text.rfind(c, start, colon) for c in _FIELD_BREAKS) + 1 if colon > 0 else 0
        found = _LABELLED_LINE.match(text, field, at) if field > start else None
        if found is None:
            return False
    label = found.group(1)
    if label.endswith(_HANDOVERS):
        label = label[:-2]  # 担当者変更：荻野→川端: who does it, changed
    if not (
        label in _PEOPLE_LABELS
        or label.endswith(("者", "官", "員"))
        or label.endswith(_PEOPLE_LABEL_ENDS)
    ):
        return False
    end = ms[last].end
    rest = _rest_of_line(text, end)
    return (
        not rest
        or rest[0] in _LABEL_CLOSERS
        or rest[0] in _OPEN  # 退職者：飯田（2024年3月末）: a note on them in brackets
        or (text[end] in " 　" and _NEXT_FIELD.match(rest) is not None)
    )


#: what ends a field of a line and may open the next one (作業者：小島　確認者：服部)
_FIELD_BREAKS = (" ", "　", "、", "，")
#: the next field's label (確認者：, 【内容】：)
_NEXT_FIELD = re.compile(r"[【\[]?[一-龥]{1,6}[】\]]?[ 　]*[：:]")


def reached_at(ms: list[Morpheme], first: int, last: int, is_surname) -> bool:
    """090-1234-5678（佐藤）, 内線1234（山田）, …@example.jp（森）: the surname in brackets
    right after a phone number, an extension or an address is whom it reaches."""
    p, k = first - 1, last + 1
    if p < 1 or k >= len(ms) or ms[p].surface not in _OPEN or ms[k].surface not in _CLOSE:
        return False
    if ms[p].end != ms[first].start or ms[k].start != ms[last].end:
        return False
    before = ms[p - 1]
    if before.end != ms[p].start or not (
        (before.pos[1] == "数詞" and len(before.surface) >= 3) or before.surface in _TLDS
    ):
        return False  # (10/4（金）: a date and its day of the week)
    tokens = ms[first : last + 1]
    if len(tokens) == 1 and tokens[0].surface in WEEKDAYS:
        return False  # (20241004（金）)
    return named_colleague(tokens, is_surname)


#: the days of the week, one kanji each (月水金: Monday, Wednesday and Friday)
WEEKDAYS = frozenset("月火水木金土日")
#: the last part of a mail address's domain, before （name）
_TLDS = frozenset("jp com net org biz info".split())


#: a word for a person after Xという (佐々木という男性, 吉川という人, 森下という担当者)
_PERSON_NOUNS = frozenset(
    "男性 女性 男 女 人 方 者 人物 社員 店員 担当者 販売員 営業マン 青年 少年 少女 名前".split()
)
_SAYING = frozenset({"いう", "言う"})


def called(ms: list[Morpheme], first: int, last: int, is_surname) -> bool:
    """佐々木という男性, 吉川という人: a name (kanji surnames, or what Sudachi reads as one)
    that someone goes by, before という and a word for a person."""
    k = last + 1
    if k + 2 >= len(ms) or ms[k].surface != "と" or ms[k].start != ms[last].end:
        return False  # (と first: most tokens have none after them)
    if ms[k + 1].surface not in _SAYING or ms[k + 2].surface not in _PERSON_NOUNS:
        return False
    tokens = ms[first : last + 1]
    return named_colleague(tokens, is_surname)


#: a count of people after names listed (林・森両名, 杉山・千葉の両名, 林と森の２名)
_COUNTED_PEOPLE = frozenset("両名 両氏 両人 両君 三名 三氏 二名".split())


def counted_as_people(ms: list[Morpheme], k: int) -> bool:
    """Whether tokens from k count people: 両名, の両名, の２名 (after a list of names)."""
    if k < len(ms) and ms[k].surface == "の":
        k += 1
    if k >= len(ms):
        return False
    if ms[k].surface in _COUNTED_PEOPLE:
        return True
    return (
        ms[k].pos[1] == "数詞"
        and k + 1 < len(ms)
        and ms[k + 1].surface in ("名", "人")
        and ms[k + 1].start == ms[k].end
    )


def counted(ms: list[Morpheme], first: int, last: int, is_surname) -> bool:
    """林と森の両名, 林、森の２名: kanji surnames listed with と / 、 and counted as people
    after the list (each read as a wood or a place to Sudachi otherwise)."""
    if not (
        (first >= 2 and ms[first - 1].surface in _PAIR_JOINS)
        or (last + 2 < len(ms) and ms[last + 1].surface in _PAIR_JOINS)
    ):
        return False  # (と or 、 beside them first: no list, nothing counted; most have none)
    if not colleague_surnames(ms[first : last + 1], is_surname):
        return False
    lo, hi = first, last
    while lo >= 2 and ms[lo - 1].surface in _PAIR_JOINS and _listed_surname(ms, lo - 2, is_surname):
        lo -= 2
    while (
        hi + 2 < len(ms)
        and ms[hi + 1].surface in _PAIR_JOINS
        and _listed_surname(ms, hi + 2, is_surname)
    ):
        hi += 2
    return (lo, hi) != (first, last) and counted_as_people(ms, hi + 1)


#: what joins the surnames of a counted list (林と森の両名, 林、森の２名)
_PAIR_JOINS = frozenset({"と", "、"})


def _listed_surname(ms: list[Morpheme], k: int, is_surname) -> bool:
    """Whether token k may be a surname of such a list (Sudachi's 人名, or kanji surnames)."""
    m = ms[k]
    return m.pos[0] == "名詞" and (m.pos[2] == "人名" or colleague_surnames([m], is_surname))


def at_work(text: str, ms: list[Morpheme], first: int, last: int, is_surname) -> bool:
    """Whether tokens first..last are a colleague as business writing names one: giving
    their own name, doing or being asked something at work, signing, with their unit in
    brackets, or speaking in minutes, named with their unit or after a label of people
    (the frames that make a surname-like word a name)."""
    tokens = ms[first : last + 1]
    if not (
        read_as_name(tokens)
        or kanji_surnames(tokens, is_surname)
        or katakana_surnames(tokens, is_surname)
    ):
        return False  # (every frame asks for Sudachi's 人名 reading or listed surnames)
    return (
        introduced(ms, first, last, is_surname)
        or acts(ms, first, last, is_surname)
        or signs(text, ms, first, last, is_surname)
        or belongs(ms, first, last, is_surname)
        or spoke(text, ms, first, last, is_surname)
        or of_unit(ms, first, last, is_surname)
        or labelled(text, ms, first, last, is_surname)
        or counted(ms, first, last, is_surname)
        or called(ms, first, last, is_surname)
        or reached_at(ms, first, last, is_surname)
    )


def appointed(ms: list[Morpheme], first: int, last: int) -> bool:
    """ティンチョーを|大統領|に擁立, チャーチルを|首相|にする, Xが|首相|に就任: someone made or
    becoming the holder of a title (を / が, a title, に)."""
    k = last + 1
    return (
        k + 2 < len(ms)
        and ms[k].start == ms[last].end
        and ms[k].surface in ("を", "が")
        and ms[k + 1].surface in TITLES
        and ms[k + 2].surface == "に"
    )


#: "leads" right after its subject (ヴィラール|率いる, 山田|率いた): only a person leads so
_LEADS = frozenset({"率いる", "率い"})


def leads(ms: list[Morpheme], first: int, last: int) -> bool:
    """ヴィラール|率いるフランス軍, 織田信長が|率いた軍勢: the one who leads a force or a team."""
    k = last + 1
    if k < len(ms) and ms[k].surface == "が" and ms[k].start == ms[last].end:
        k += 1
    return k < len(ms) and ms[k].surface in _LEADS and ms[k].start == ms[k - 1].end


def read_as_name(tokens: list[Morpheme]) -> bool:
    """Whether Sudachi reads one of the tokens as a name here (人名: 小林, not 大阪)."""
    return any(m.pos[2] == "人名" for m in tokens)


def colleague_surnames(tokens: list[Morpheme], is_surname) -> bool:
    """Kanji surnames (kanji_surnames) none of which is a word that does nothing itself at
    work (上, 町, 役所, 方, 味方 ...), so the business frames may take them for a colleague."""
    return kanji_surnames(tokens, is_surname) and not any(m.surface in _NOT_DOERS for m in tokens)


def katakana_surnames(tokens: list[Morpheme], is_surname) -> bool:
    """Whether every token is katakana the dictionary lists as a surname (ヤマダ, スズキ)."""
    return is_surname is not None and all(
        len(m.surface) >= 2 and _KATAKANA.fullmatch(m.surface) and is_surname(m.surface)
        for m in tokens
    )


def named_colleague(tokens: list[Morpheme], is_surname) -> bool:
    """Whether Sudachi reads the tokens as a name, or they are a colleague's kanji surnames
    (colleague_surnames): what the frames naming a person ask of them."""
    return read_as_name(tokens) or colleague_surnames(tokens, is_surname)


def kanji_surnames(tokens: list[Morpheme], is_surname) -> bool:
    """Whether every token is kanji the dictionary lists as a surname (小川 read as a brook
    included); False without an ``is_surname``."""
    return is_surname is not None and all(
        _KANJI.fullmatch(m.surface) and is_surname(m.surface) for m in tokens
    )


def _polite_marks(text: str, ms: list[Morpheme]) -> list[int]:
    """Where the polite auxiliaries (です, ます ...) are: only the tokens starting where the
    scan finds the start of one are looked at (no hit ends at a で or a ま, so none hides
    another)."""
    out = []
    for hit in _POLITE_HINT.finditer(text):
        at = hit.start()
        k = bisect_left(ms, at, key=MORPHEME_START)
        if k < len(ms) and ms[k][0] == at and ms[k][2] in _POLITE and ms[k][3][0] == "助動詞":
            out.append(at)
    return out


def _near(marks: list[int], cuts: list[int], start: int, end: int) -> bool:
    """Whether a mark lies within ``_POLITE_REACH`` of start..end, in the same text."""
    seg = bisect_left(cuts, start)
    lo = max(start - _POLITE_REACH, cuts[seg - 1] if seg else 0)
    hi = min(end + _POLITE_REACH, cuts[seg] if seg < len(cuts) else end + _POLITE_REACH)
    k = bisect_left(marks, lo)
    return k < len(marks) and marks[k] < hi
