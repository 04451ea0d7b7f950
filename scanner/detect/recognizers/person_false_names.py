"""Name-like words that the sentence itself marks as a place, a body or a thing.

The name model (person_scorer.py) reads a few words on each side; a katakana place that
Sudachi files as 人名 (リオ, コブレンツ, マーシュ) still scores high there. Japanese marks
places and things in ways no name takes, and these rules read them after scoring:

- a verb or role of a place: Xに移転 / 定住 / 上陸, Xで生まれ / 開催 / 生まれ育ち / 働く,
  Xを州都 / 起点とする, 州都をXとする, Xと呼ぶ (a term);
- a facility or natural place glued after it (X温泉, X店, X館, X教室, X峡);
- a common noun with an honorific: a role, a pet or a shop (コンシェルジュ様, クッキーちゃん,
  花屋さん, 王さま), but not a loanword the dictionary also lists as a Japanese name (スズキ様);
- a place's parts after it (X下流, X近郊, X周辺, X地区, Xの東端), a state (X侯国), a
  river, lake or outskirts before it (ユーフラテス川のX, アダナ近郊のX, ボスナ川の源泉、X),
  an appositive town (商業都市であったX), a ship's class (装甲巡洋艦X);
- a thing or body someone made (Xを発明した, Xが創設された), a role someone became
  (モンゴルのハーンとなった);
- a school, lineage or kind after it (ヘーゲル左派, ジョチ・ウルス系, ベントン母型, アイギナ商人),
  a disease, prize or method named after someone (X病, X賞, X教育), a katakana word
  bought or used (Xを買った, Xを使用, Xをご利用),
  a firm (Xの創始者, X・コミュニケーションズ, 映画制作会社X, リーグ・X), an event named after
  a titled person (アン女王戦争, 坂本弁護士失踪事件), part of a work's title
  (『若きウェルテルの悩み』, or in 「」 when the quote is a noun phrase: 「甲賀のX丸」が好き);
- a group word Sudachi took for a one-character given name (武川|衆, デルタ|翼); a katakana
  run ending in a country (コパ・アメリカ); and person_scorer.not_a_person's houses and clans
  (北条氏 near 自称), which deep mode's GiNZA-only spans had skipped, and of those, spans
  without a noun (もつ, おお) or ending in a place suffix (山田|郷);
- a katakana word that Sudachi reads as a place elsewhere in the same text (リオ tagged 地名
  at one mention and 人名 at the next).

A place, a thing made or a role is so at every mention of the word in the text; the
rest only where marked (ヘーゲル左派 … ヘーゲルは述べた). Each rule was kept only if it
removed more false names than true ones on the GSD and Wikipedia Annotated Corpus train /
dev splits and the IOB2Corpus dev half (README, real prose).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from scanner.detect.context_enhancer import HARD_BOUNDARY
from scanner.detect.nlp.artifacts import MORPHEME_END as _END
from scanner.detect.nlp.artifacts import MORPHEME_START as _START
from scanner.detect.nlp.artifacts import Morpheme
from scanner.detect.recognizers.person_scorer import (
    _KATAKANA,
    TITLES,
    WEEKDAYS,
    appointed,
    leads,
    not_a_person,
)

#: Xに / Xへ + one of these: a place (リオに移転, 大平原に定住)
_PLACE_VERBS = frozenset("移転 位置 定住 遷都 上陸 移住 入植 入港 寄港 滞在 到着 在住".split())
#: Xで + one of these: a place (Xで生まれ, Xで開催)
_DONE_AT = frozenset(
    "生まれ 開催 開か 行わ 死去 没し 育っ 誕生 創業 生まれ育ち 生まれ育っ 働く 働い 働き"
    " 勤務".split()
)
#: a place suffix ending a span (山田|郷, X|村)
_PLACE_SUFFIXES = frozenset("郷 村 町 市 県 区 郡 州 島 府 都 道".split())
#: Xを + one of these + とする: a place (コブレンツを州都とする, コロンボを起点とした)
_PLACE_ROLES = frozenset("州都 首都 首府 起点 拠点 本拠 本拠地".split())
#: Xと + one of these: a term being named (沼に因んでマーシュと呼ぶ)
_NAMING = frozenset({"呼ぶ", "称する"})
#: a part of a place right after it (アン・ナスリーヤ下流, アダナ近郊)
_AREA_AFTER = frozenset(
    "下流 上流 流域 河口 近郊 郊外 沿岸 北部 南部 東部 西部 周辺 一帯 地区 地域 界隈 付近 方面"
    " 山 岳 海岸 湾".split()
)
#: the lord or a retainer of a domain, after the domain's name (土佐|藩主, 長州|藩士)
_DOMAIN_OFFICES = frozenset({"藩主", "藩士"})
#: Xの + one of these: a place (Xの東端に位置し); not Xの北側, which a person has too
_SIDE_AFTER_NO = frozenset("東端 西端 南端 北端 南東部 南西部 北東部 北西部 中心部 一帯".split())
#: a river, lake or outskirts before の / 、 (ユーフラテス川の, ボスナ川の源泉、)
_AREA_BEFORE = frozenset("川 湖 近郊 郊外 源泉 河口 沿岸 河畔".split())
#: a town before である / であった (商業都市であったアイギナ)
_TOWN_ENDS = ("都市", "首都", "港町", "州都", "王都")
#: a ship's class glued before it (装甲巡洋艦リューリク, 輸送船X)
_VESSEL_ENDS = ("艦", "船")
#: a school, lineage or kind named after it (ヘーゲル左派, ジョチ・ウルス系, ベントン母型)
_KIND_AFTER = frozenset({"系", "母型", "商人"})
#: ... or a disease, a prize, a method named after someone (X病, X症候群, X賞, X教育)
_EPONYM_AFTER = frozenset("病 症 症候群 賞 教育 方式 効果 定理 法則 主義".split())
#: Xを + one of these: a thing bought or used (Xを買った, Xを使用, Xをご利用): for a
#: katakana word only (部下の山田を使って is a person)
_USED = frozenset("買っ 買う 買い 購入 使用 利用 ご利用 愛用 注文 使っ 使う 使い".split())
#: group words Sudachi can tag as a one-character given name (武川|衆); not 翼 or 勢,
#: which are given names too (佐藤 翼)
_GROUP_CHARS = frozenset("衆党組団隊軍派")
#: a state after it (X国, X王国); a rank, then 国 (X侯国, X公国)
_STATE_AFTER = frozenset({"国", "王国", "公国", "侯国", "帝国"})
_RANKS = frozenset({"侯", "公", "王", "帝"})
#: Xを + one of these, or Xが + one of these + された: a thing or body someone made
_MADE = frozenset(
    "発明 開発 改良 考案 製造 建造 建設 設計 搭載 生産 販売 発売 創設 設立 開設 創刊 発行"
    " 建立 製作 導入".split()
)
#: Xの + one of these: X is a firm or a school (パテック・フィリップの創始者)
_OF_A_BODY = frozenset({"創始者", "創業者", "創設者", "本社", "子会社", "傘下"})
#: what comes right after X in Xを発明した, Xが創設された (or a space before it)
_MADE_MARKS = frozenset({"を", "が", " "})
#: the last word before X in 州都をX, ユーフラテス川のX, 源泉、X, 都市であったX, 都市であるX
_PLACE_BEFORE_LAST = frozenset({"を", "の", "、", "た", "ある"})
#: an event named after a person with a title (アン女王戦争, 坂本弁護士失踪事件)
_EVENTS = frozenset({"事件", "戦争", "事変", "騒動", "裁判", "訴訟"})
#: a work's title in 『』 is looked for this far on each side
_TITLE_LENGTH = 40
#: what a title in 「」 is made of (甲賀の疾風丸, 天才X, Xの星占い): nouns joined by の / と
_TITLE_POS = frozenset({"名詞", "接尾辞", "接頭辞", "助詞", "補助記号"})
#: ... but no clause (「Xが来た」) nor punctuation of one (「X、元気？」)
_CLAUSE_WORDS = frozenset("が を は も に で 、 。 ！ ？ ! ? ， ．".split())
#: a person's word at the end of a title in 「」: the title names someone of the name's
_PERSON_HEADS = frozenset("使い 子 妻 夫 娘 息子 弟子 友 母 父 兄 弟 姉 妹 孫 家族 一家".split())
#: after a quote of speech or a nickname (「X」と言った, 「Xさん」って呼んで)
_QUOTED_SPEECH_AFTER = ("と", "って")
_EVERY_MENTION = frozenset({"place", "made", "role"})
#: the last word of a firm's name (角川・エス・エス・コミュニケーションズ, Xホールディングス)
_FIRM_WORDS = frozenset(
    "コミュニケーションズ ホールディングス グループ コーポレーション カンパニー インターナショナル"
    " エンタープライズ プロダクション プロダクションズ エンターテインメント エンタテインメント"
    " システムズ テクノロジーズ インダストリーズ モーターズ エアラインズ ソリューションズ"
    " パートナーズ アソシエイツ エレクトリック エレクトロニクス インダストリー モータース"
    " ファーマ".split()
)
_FIRM_ENDS = tuple(_FIRM_WORDS)
#: the first word of a league's or a club's name (リーグ・アン)
_CLUBS = frozenset({"リーグ", "クラブ", "チーム"})
#: a kind of body right before a name-like word (映画制作会社ウーファ, バンドX)
_BODIES = frozenset(
    "会社 企業 メーカー ブランド バンド 雑誌 番組 新聞 団体 政党 球団 クラブ レーベル 商社"
    " 劇団 出版社 航空会社".split()
)
#: a facility or a natural place glued after a name-like word (高橋|温泉, 南森|店, 生花|教室,
#: 岩田|屋: a shop)
_FACILITY_AFTER = frozenset(
    "店 本店 支店 館 温泉 峡 渓谷 教室 塾 整骨院 接骨院 医院 クリニック 高原 岬 半島 峠 霊園"
    " 荘 亭 屋 ヶ崎 ヶ原 ヶ丘 ヶ浜".split()
)
#: the same at the end of the common nouns glued after a name-like word (整骨|院, 経営|事務所)
_FACILITY_ENDS = tuple(_FACILITY_AFTER | {"事務所"})
_COMPOUND_WORDS = 4
_COMPOUND_POS = frozenset({"普通名詞", "名詞的"})
#: honorifics after a word for a person (様, さん): after a common noun they make a role,
#: a pet or a shop, not a name (コンシェルジュ様, クッキーちゃん, 花屋さん, 王さま)
_HONORIFIC_WORDS = frozenset("様 さま さん ちゃん くん 君 殿 サン クン チャン".split())
#: dictionary entries of a Japanese surname or given name (engine.entry_kinds)
_JAPANESE_NAMES = frozenset({"人名-姓", "人名-名"})
_ANY_NAME = _JAPANESE_NAMES | {"人名-一般"}
#: what marks a short katakana word as a loanword (ティー, ソーダ, ジェラート), not a native word
_LOANWORD_MARK = re.compile("[ーァィゥェォヮヴ]")
_PET_HONORIFICS = frozenset({"ちゃん", "くん", "君", "チャン", "クン"})
_COMMON_NOUN = "名詞-普通名詞"
#: words for a pet before ちゃん / くん (ワンちゃん, ニャンちゃん)
_PET_WORDS = frozenset({"ワン", "ニャン", "わん", "にゃん"})
#: kanji words that take an honorific as a word of their own (王さま, 神様, 仏さま)
_HONOURED_WORDS = frozenset("王 神 仏 姫 殿 客 皆 奥 嫁 婿 坊 若 女将 旦那 親分 大家 鬼".split())
#: ... but with a plain honorific, a surname (王さん, 王君 is Wang; 王様, 王さま a king)
_SURNAME_WORDS = frozenset({"王"})
_PLAIN_HONORIFICS = frozenset({"さん", "くん", "君"})
#: surnames ending in 寺 that name a person far more often than a temple (_temple)
_TEMPLE_SURNAMES = frozenset("小野寺 西園寺 神宮寺 薬師寺".split())
#: people after a name: a group or lineage after them is theirs (エリツィンら改革派, 新田氏系)
_OF_PEOPLE = frozenset({"ら", "たち", "達", "等", "氏", "家"})


class FalseNames:
    """For one text and its tokens: whether a name-like span is a place, group or thing."""

    def __init__(self, text: str, ms: list[Morpheme], engine=None):
        self.text = text
        self.ms = ms
        self.engine = engine  # the Sudachi engine (is_surname, entry_kinds), if known
        #: per text of a batch (its segment), the katakana words Sudachi reads as places in
        #: it: read on first need, from that text's tokens only
        self._places: dict[int, frozenset[str]] = {}
        self._cuts: list[int] | None = None
        #: kind() per span: the name recognizer asks of most spans twice (its Sudachi-人名
        #: spans, then the model's candidates), and the answer depends on nothing else
        self._kinds: dict[tuple[int, int], str] = {}
        #: the (segment, surface) of mentions a person's frame names (チャーチルを首相に)
        self._people: set[tuple[int, str]] = set()
        #: spans that are places only because Sudachi tags the word as one in the text
        self._tagged: set[tuple[int, int]] = set()
        #: whether the text holds a 「 or a 『 at all: most hold neither, and the rules of
        #: titles in them look no further
        self._quotes, self._titles = "「" in text, "『" in text

    def keep(self, spans: list[tuple[int, int]]) -> list[bool]:
        """For each span, whether it may still be a name.

        A word marked as a place at one mention is a place at its other mentions in the
        same text too (リオに移転した … リオは首都となる); a thing or group only where marked
        (ヘーゲル左派 … ヘーゲルは述べた). A word a person's frame names at one mention
        (ヴィラール率いる, チャーチルを首相に) is no place at the others by Sudachi's tag alone.
        """
        verdicts = [self.kind(start, end) for start, end in spans]
        if not _EVERY_MENTION.intersection(verdicts):
            return [not v for v in verdicts]
        keys = [self._key(start, end) for start, end in spans]
        # (a mention a person's frame names keeps the others: ヴィラール率いる … ヴィラールは)
        places = {k for k, v in zip(keys, verdicts, strict=True) if v in _EVERY_MENTION}
        places -= self._people
        return [
            (not v and k not in places) or (k in self._people and span in self._tagged)
            for span, k, v in zip(spans, keys, verdicts, strict=True)
        ]  # (ヴィラールは: a place only by Sudachi's tag, where another mention is a person)

    def _key(self, start: int, end: int) -> tuple[int, str]:
        """(which text of a batch, surface) of a span: its mentions share it."""
        return self._segment(start), self.text[start:end]

    def kind(self, start: int, end: int) -> str:
        """What the span is: "place", "made", "role", "thing", or "" (it may be a name)."""
        known = self._kinds.get((start, end))
        if known is None:
            known = self._kinds[(start, end)] = self._kind(start, end)
        return known

    def _kind(self, start: int, end: int) -> str:
        ms = self.ms
        first = bisect_right(ms, start, key=_START) - 1
        last = bisect_left(ms, end, key=_END)
        if first < 0 or last >= len(ms) or first > last:
            return ""
        if self._became(first, last):
            return "role"
        if not_a_person(self.text, ms, first, last):
            return "thing"  # 北条氏 near 自称 (a clan), 加治木家: GiNZA's spans in deep mode
        if all(m.pos[0] != "名詞" for m in ms[first : last + 1]):
            return "thing"  # もつ, おお: no noun at all (GiNZA's spans in deep mode)
        if (
            first != last
            and ms[last].surface in _PLACE_SUFFIXES
            and not ms[last - 1].surface.isspace()  # 山田 郷 with a space may be a name
        ):
            return "place"  # 山田|郷, X|村 (GiNZA's spans in deep mode)
        if (
            self._kind_after(last, end)
            or self.honoured_common_noun(first, last, end)
            or self._facility_after(last, end)
            or self._shop_of_a_family(first, last)
            or self._temple(first, last, end)
            or self._weekdays(start, end, last)
            or self._group_inside(first, last)
            or self._in_work_title(start, end)
            or self._in_quoted_title(start, end)
            or self._event_or_firm(last, end)
            or self._firm(first, last, start, end)
        ):
            return "thing"
        if self._made(last):
            return "made"
        if self._used(start, end, last):
            return "thing"
        if appointed(ms, first, last) or leads(ms, first, last):
            self._people.add(self._key(start, end))
            return ""  # チャーチルを首相に, ヴィラール率いる: a person, whatever Sudachi's 地名
        if self._place_after(last, end) or self._place_before(first, start):
            return "place"
        if self._place_in_text(first, last, start):
            self._tagged.add((start, end))
            return "place"
        return ""

    def _made(self, last: int) -> bool:
        """Xを発明した, Xが創設された: a thing or body someone made."""
        if last + 1 >= len(self.ms) or self.ms[last + 1].surface not in _MADE_MARKS:
            return False  # (most spans: no を or が next, nor a space before one)
        after = [m.surface for m in self.ms[last + 1 : last + 6] if m.surface != " "][:3]
        if len(after) < 2 or after[1] not in _MADE:
            return False
        return after[0] == "を" or (after[0] == "が" and after[2:] in (["さ"], ["され"]))

    def honoured_common_noun(self, first: int, last: int, end: int) -> bool:
        """コンシェルジュ様, クッキーちゃん, 花屋さん, 王さま: a common noun with an honorific is a
        role, a pet or a shop: a katakana loanword or a 屋 shop Sudachi files as a common
        noun (not one the dictionary also lists as a Japanese surname or given name:
        スズキ, ハナ), or a word that takes an honorific as one word."""
        nxt = self._glued(last + 1, end)
        if nxt is None or nxt.surface not in _HONORIFIC_WORDS:
            return False
        alone = first == last  # サニー|タコス: two words, no given name
        return all(self.common_noun(m, nxt.surface, alone) for m in self.ms[first : last + 1])

    def common_noun(self, m: Morpheme, honorific: str, alone: bool = True) -> bool:
        """A token that is a common noun and no Japanese name (クッキー, 花屋, 王; not スズキ)."""
        if m.surface in _HONOURED_WORDS:
            return not (m.surface in _SURNAME_WORDS and honorific in _PLAIN_HONORIFICS)
        if m.pos[1] != "普通名詞" or m.oov:
            return False
        if _KATAKANA.fullmatch(m.surface) is None:
            return m.surface.endswith("屋") and len(m.surface) >= 2
        if m.surface in _PET_WORDS and honorific in _PET_HONORIFICS:
            return True  # ワンちゃん: a dog (ワン is also Wang, a surname)
        if alone and len(m.surface) < 4 and _LOANWORD_MARK.search(m.surface) is None:
            return False  # ツバサ, ヒナ, ユメ: a short native word may be a given name too
        engine = self.engine
        if engine is None or not hasattr(engine, "entry_kinds"):
            return True
        kinds = engine.entry_kinds(m.surface)
        # before 様 / さん a word the dictionary lists as a name of any kind may be one
        # (ハヤシ様); before ちゃん / くん a foreign one mostly names a pet (クッキーちゃん)
        names = _JAPANESE_NAMES if honorific in _PET_HONORIFICS else _ANY_NAME
        return _COMMON_NOUN in kinds and not names & kinds and not engine.is_surname(m.surface)

    def _facility_after(self, last: int, end: int) -> bool:
        """高橋|温泉, 南森|店, 生花|教室, 川北|峡: the name of a facility or a natural place;
        also where the common nouns glued after it end in one (溝田|整骨|院, 山田|歯科|医院,
        伊藤|労務|経営|事務所: a clinic or an office named after its owner)."""
        nxt = self._glued(last + 1, end)
        if nxt is None:
            return False
        if nxt.surface in _FACILITY_AFTER:
            return True
        compound, k, at = "", last + 1, end
        for _ in range(_COMPOUND_WORDS):
            if k >= len(self.ms):
                break
            m = self.ms[k]
            if m.start != at or m.pos[1] not in _COMPOUND_POS:
                break
            compound, k, at = compound + m.surface, k + 1, m.end
            if compound.endswith(_FACILITY_ENDS):
                return True
        return False

    def _shop_of_a_family(self, first: int, last: int) -> bool:
        """田中屋, 山田屋, 長崎屋: one word Sudachi lists as a surname that is a surname + 屋, a
        shop named after its family (土屋, 守屋, 中屋: a two-kanji surname stays)."""
        if first != last:
            return False
        surface = self.ms[first].surface
        return (
            len(surface) >= 3
            and surface.endswith("屋")
            and hasattr(self.engine, "is_surname")  # (False for no engine)
            and self.engine.is_surname(surface[:-1])
        )

    def _temple(self, first: int, last: int, end: int) -> bool:
        """園城寺に, 仁和寺の文書, 菩提寺と檀家: one word ending in 寺 that the dictionary lists
        as a surname only, alone (no given name, honorific or title after it): the temple.
        A few such surnames are far more often a person's (_TEMPLE_SURNAMES: 小野寺)."""
        if first != last:
            return False
        m = self.ms[first]
        if len(m.surface) < 3 or not m.surface.endswith("寺") or m.surface in _TEMPLE_SURNAMES:
            return False
        nxt = self._glued(last + 1, end)
        return nxt is None or not (
            nxt.surface in _HONORIFIC_WORDS or nxt.surface in TITLES or nxt.pos[2] == "人名"
        )

    def _weekdays(self, start: int, end: int, last: int) -> bool:
        """月木は不在, 水木金都合により: days of the week (月水金 for Mon, Wed, Fri), read as a
        surname and given name: three of them in a row opening the span, or the whole span
        two of them with no honorific or title after it (水木さん, 水木部長 stay people)."""
        text = self.text
        lead = start
        while lead < end and text[lead] in WEEKDAYS:
            lead += 1
        if lead - start >= 3:
            return True
        if lead != end or end - start != 2:
            return False
        nxt = self._glued(last + 1, end)
        return nxt is None or not (nxt.surface in _HONORIFIC_WORDS or nxt.surface in TITLES)

    def _used(self, start: int, end: int, last: int) -> bool:
        """Xを買った, Xを使用した, Xをご利用: a katakana word bought or used is a thing."""
        if not _KATAKANA.fullmatch(self.text[start:end]):
            return False  # ジョン・スミスを使って: a full name is a person
        after = [m.surface for m in self.ms[last + 1 : last + 4]]
        if after[:1] != ["を"] or self._glued(last + 1, end) is None:
            return False
        rest = after[2:] if after[1:2] == ["ご"] else after[1:]
        return bool(rest) and rest[0] in _USED

    def _in_quoted_title(self, start: int, end: int) -> bool:
        """「甲賀のX丸」が好き, 「Xの星占い」は: part of a title in 「」 (a programme, a book,
        a product), not a quote of speech: the quote is a noun phrase (no verb, adjective,
        auxiliary or punctuation), not the name with only a title or honorific (「X卿」),
        no honorific or title right after the name (「田中さんの送別会」 names a person), and
        no と / って after it (「Xさん」と呼ばれた is a nickname)."""
        if not self._quotes:
            return False
        text = self.text
        opened = text.rfind("「", max(0, start - _TITLE_LENGTH), start)
        closed = text.find("」", end, end + _TITLE_LENGTH)
        if opened < 0 or closed < 0 or "」" in text[opened:start] or "「" in text[end:closed]:
            return False
        if text.startswith(_QUOTED_SPEECH_AFTER, closed + 1):
            return False
        ms = self.ms
        last = bisect_left(ms, end, key=_END)
        nxt = self._glued(last + 1, end) if last < len(ms) else None
        if nxt is not None and (nxt.surface in TITLES or nxt.surface in _HONORIFIC_WORDS):
            return False  # 「田中さんの送別会」, 「鈴木部長の講演」: a person, named as one
        inside = ms[bisect_right(ms, opened, key=_START) : bisect_left(ms, closed, key=_START)]
        rest = [m for m in inside if m.end <= start or m.start >= end]
        if not rest or all(m.surface in TITLES or m.pos[2] == "人名" for m in rest):
            return False  # 「山田太郎」, 「X卿」: the name itself, quoted
        if inside[-1].surface in _PERSON_HEADS:
            return False  # 「Xの使い」, 「Xの娘」: a person of X's, and X a person too
        return all(m.pos[0] in _TITLE_POS and m.surface not in _CLAUSE_WORDS for m in inside)

    def _in_work_title(self, start: int, end: int) -> bool:
        """『若きウェルテルの悩み』: part of a work's title, not all of it."""
        if not self._titles:
            return False
        text = self.text
        opened = text.rfind("『", max(0, start - _TITLE_LENGTH), start)
        closed = text.find("』", end, end + _TITLE_LENGTH)
        if opened < 0 or closed < 0 or "』" in text[opened:start] or "『" in text[end:closed]:
            return False
        return (opened + 1, closed) != (start, end)

    def _became(self, first: int, last: int) -> bool:
        """モンゴルのハーンとなった: a role someone became (at its every mention)."""
        ms = self.ms
        if first <= 0 or ms[first - 1].surface != "の":
            return False  # (most spans: no の before them)
        after = [m.surface for m in ms[last + 1 : last + 3]]
        return len(after) == 2 and after[0] == "と" and after[1] in ("なっ", "なる", "なり")

    def _firm(self, first: int, last: int, start: int, end: int) -> bool:
        """角川・エス・エス・コミュニケーションズ, 映画制作会社ウーファ, リーグ・アン: a body."""
        ms = self.ms
        if first != last and (
            ms[last].surface in _FIRM_WORDS
            or ms[first].surface in _CLUBS  # リーグ・アン: a league
            or (ms[last].pos[2:4] == ("地名", "国") and _KATAKANA.fullmatch(ms[first].surface))
        ):
            return True  # コパ・アメリカ: a cup, not a person
        nxt = self._glued(last + 1, end)
        if nxt is not None and nxt.surface in _FIRM_WORDS:
            return True
        word = ms[last].surface
        if word.endswith(_FIRM_ENDS) and word not in _FIRM_WORDS and _KATAKANA.fullmatch(word):
            return True  # Xコーポレーション: one token
        before = self._glued(first - 1, start)
        return before is not None and before.surface in _BODIES

    def _event_or_firm(self, last: int, end: int) -> bool:
        """アン女王戦争, 吉展ちゃん事件 (an event); パテック・フィリップの創始者 (a firm)."""
        ms = self.ms
        k = last + 1
        if k + 1 < len(ms) and ms[k].surface == "の" and ms[k + 1].surface in _OF_A_BODY:
            return True  # パテック・フィリップの創始者
        at, titled = end, False
        for m in ms[last + 1 : last + 5]:
            if m.start != at or m.pos[0] not in ("名詞", "接尾辞"):
                return False
            if m.surface in _EVENTS:
                return titled
            titled = titled or m.surface in TITLES  # 女王, ちゃん, 弁護士
            at = m.end
        return False

    def _segment(self, start: int) -> int:
        """Which text of a batch (joined by HARD_BOUNDARY) offset ``start`` lies in."""
        if self._cuts is None:
            self._cuts = [m.start() for m in re.finditer(HARD_BOUNDARY, self.text)]
        return bisect_left(self._cuts, start)

    def _glued(self, k: int, at: int) -> Morpheme | None:
        """Token k if it touches offset ``at``."""
        ms = self.ms
        if 0 <= k < len(ms) and (ms[k].start == at or ms[k].end == at):
            return ms[k]
        return None

    def _place_after(self, last: int, end: int) -> bool:
        ms = self.ms
        nxt = self._glued(last + 1, end)
        if nxt is None:
            return False
        word = nxt.surface
        if word in _AREA_AFTER:
            return True
        if word in _DOMAIN_OFFICES and self.ms[last].pos[2] == "地名":
            return True  # 土佐|藩主, 長州|藩士: a domain
        if word == "の" and last + 2 < len(ms) and ms[last + 2].surface in _SIDE_AFTER_NO:
            return True  # Xの東端に位置し
        if word in _STATE_AFTER or (  # ホーエンツォレルン=ジグマリンゲン|侯|国
            word in _RANKS
            and last + 2 < len(ms)
            and ms[last + 2].surface == "国"
            and ms[last + 2].start == nxt.end
        ):
            return True
        if last + 2 >= len(ms) or self._glued(last + 2, nxt.end) is None:
            return False
        then = ms[last + 2].surface
        return (
            (word in ("に", "へ") and then in _PLACE_VERBS)
            or (word == "を" and then in _PLACE_ROLES)
            or (word == "と" and then in _NAMING)
            or (word == "で" and then in _DONE_AT)
        )

    def _kind_after(self, last: int, end: int) -> bool:
        """ヘーゲル|左派, ヘーゲル|中央|派, ジョチ・ウルス|系: a school or lineage."""
        ms = self.ms
        for k in (last + 1, last + 2):
            m = self._glued(k, ms[k - 1].end) if k < len(ms) else None
            if m is None or m.pos[0] not in ("名詞", "接尾辞") or m.surface in _OF_PEOPLE:
                return False  # ボリス・エリツィン|ら|改革派: the group is of people
            if m.surface in _KIND_AFTER or m.surface.endswith("派"):
                return True
            if k == last + 1 and m.surface in _EPONYM_AFTER:
                return True  # ハンチントン|病, X|賞: named after someone, not the someone
        return False

    def _place_before(self, first: int, start: int) -> bool:
        ms = self.ms
        p1 = self._glued(first - 1, start)
        if p1 is None:
            return False
        if p1.surface.endswith(_VESSEL_ENDS) and p1.pos[0] == "名詞" and len(p1.surface) >= 2:
            return True
        if p1.surface not in _PLACE_BEFORE_LAST:
            return False  # (the last of the words below is p1's)
        words = [m.surface for m in ms[max(0, first - 4) : first]]
        if p1.surface == "を" and len(words) >= 2 and words[-2] in _PLACE_ROLES:
            return True  # 州都をジグマリンゲンとする
        if p1.surface in ("の", "、") and len(words) >= 2 and words[-2] in _AREA_BEFORE:
            return True
        if words[-3:] == ["で", "あっ", "た"]:  # 商業都市であったアイギナ
            return len(words) == 4 and words[0].endswith(_TOWN_ENDS)
        return len(words) >= 3 and words[-2:] == ["で", "ある"] and words[-3].endswith(_TOWN_ENDS)

    def _group_inside(self, first: int, last: int) -> bool:
        """デルタ|翼, 武川|衆: the last token is a group word Sudachi took for a given name."""
        ms = self.ms
        end = ms[last]
        if first == last or len(end.surface) != 1 or end.pos[2:4] != ("人名", "名"):
            return False
        return end.surface in _GROUP_CHARS or _KATAKANA.fullmatch(ms[last - 1].surface) is not None

    def _place_in_text(self, first: int, last: int, start: int) -> bool:
        """A lone katakana word that Sudachi reads as a place somewhere in the same text."""
        if first != last or not _KATAKANA.fullmatch(self.ms[first].surface):
            return False
        seg = self._segment(start)
        places = self._places.get(seg)
        if places is None:
            cuts, ms = self._cuts, self.ms  # (_segment read the cuts)
            # the segment's tokens: those starting after the cut before it, up to its own
            lo = bisect_right(ms, cuts[seg - 1], key=_START) if seg else 0
            hi = bisect_right(ms, cuts[seg], key=_START) if seg < len(cuts) else len(ms)
            places = self._places[seg] = frozenset(
                m[2] for m in ms[lo:hi] if m[3][2] == "地名" and _KATAKANA.fullmatch(m[2])
            )  # m.surface, m.pos
        return self.ms[first].surface in places
