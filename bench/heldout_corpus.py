"""An independent, held-out Japanese test corpus for the detection benchmark.

The development corpus (``bench/detect_corpus.py``) is what the detector's rules were tuned
on, so it cannot tell us how the detector does on text it has never seen. This module was
written without looking at the detector's recognizers, its context rules or the development
templates: it tries to look like real Japanese business data, not like what the detector
happens to find. Only the ``Doc`` and ``Span`` dataclasses are shared.

The documents are hand-written in many genres: support tickets, 議事録, 日報, 面談記録,
社内報, Slack/LINE-style chat, SMS, business e-mail threads with signatures and quoted
replies, press releases, incident reports, English onboarding memos, free-text CRM notes
with typos and mixed 全角/半角 (more than half of the documents are such prose), and
structured dumps: HR records, 履歴書 lines, 申込書 forms, order e-mails with ISO-2022-JP
headers, key=value and JSON-lines application logs, CSV exports with Japanese and English
headers, YAML fixtures, fixed-width tables, call logs, invoices, 名刺 OCR text, supplier
lists and product catalogues. Faker ``ja_JP`` (seeded) supplies name pairs (kanji, kana,
romaji) only; addresses come from a hand-made table of real prefecture/city/town/postcode
/area-code combinations so that they are internally consistent.

``Span.kind`` says how a gold value was written, so results can be broken down: names
(``sp``, ``tight``, ``fw``, ``kana``, ``hira``, ``hw``, ``roma``, ``surname`` ...), phones
(``owner_style``: ``mobile_hy``, ``landline_paren_area``, ``fax_fw`` ...), birth dates (``era``,
``era_dot``, ``era_kanji``, ``iso``, ``en_mdy`` ...), addresses (``zip``, ``street``,
``building``, ``romaji``). A decoy's ``kind`` is ``mn_valid`` when it passes the My Number check.

Text is built by concatenating marked-up pieces; every gold span and decoy is an exact
character offset into ``Doc.text`` (checked when a document is built).

Labelling rules (those of the development corpus, plus the choices this corpus had to make):

- ``spans`` are gold. ``decoys`` are look-alikes that must NOT be detected (their
  ``entity`` names the kind of look-alike: ORDER_NUMBER, TRACKING_NUMBER, JAN_CODE, ...).
- PERSON: full names (kanji with or without a space, kana readings in katakana, hiragana
  or half-width katakana, romaji in either order, names spaced out by OCR) and surnames
  used to refer to a person (山田さん, 佐藤部長, a call log's 担当). Honorifics and titles
  (様, さん, 氏, 部長, 先生, ...) are outside the span. A company's kana account holder
  (カ）アオバシヨウジ) is a decoy, not a PERSON.
- ADDRESS: a postal code is its own span (digits only, without 〒 or 郵便番号); the street
  address is another span running from the prefecture (or city, when the prefecture is
  left out) to the building and room number on the same line. A second address line
  (building only) is a span of its own. A prefecture or a city on its own, or a
  prefecture + city without a street (本社：東京都港区), is a decoy.
- PHONE_NUMBER: every phone number, the person's or a company's (FAX too), with its
  brackets or +81, without labels or 内線. A few in CSV exports lost their leading 0 to a
  spreadsheet (kind ``*_lost_zero``) and are still gold. Masked numbers are decoys.
- EMAIL_ADDRESS: every e-mail address (personal, company, shop). Message-IDs are decoys.
- DATE_OF_BIRTH: only with birth context (生年月日, 誕生日, 生まれ, 生, DOB, a birth column);
  the span is the date without 生/生まれ. All other dates are decoys.
- EMPLOYER: an organisation only in employment context (勤務先, 勤務, 在籍, 所属, 入社, 前職,
  退職, 転職, 会社名/company columns of a person record, e-mail signatures and the
  addressee block of an e-mail or letter (会社名 + 部署 + 氏名様), 名刺). The span
  is the name with its legal form (株式会社, (株), ㈱ ...) but without labels or
  departments. Partner, supplier, client and issuing companies are decoys.
- JP_CORPORATE_NUMBER: gold only when labelled 法人番号 (inline or as a column header);
  unlabelled corporate numbers and invoice registration numbers (T + 13 digits) are decoys.
- Identification numbers (My Number, passport, driver licence, residence card, basic
  pension number, bank account, credit card) are gold without their labels; a bank
  account span is the account number (or ゆうちょ 記号-番号), not the bank or branch.
  My Numbers and corporate numbers carry valid check digits, driver licences the
  public-safety-commission check digit, card numbers a Luhn digit. About half the
  12-digit order and tracking numbers pass the My Number check as well.
"""

from __future__ import annotations

import argparse
import base64
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TypeVar

import jaconv
import phonenumbers
from faker import Faker
from stdnum.jp import cn, in_

from bench.detect_corpus import Doc, Span

SEED = 7_310_529
_T = TypeVar("_T")

PER = "PERSON"
ADR = "ADDRESS"
TEL = "PHONE_NUMBER"
MAIL = "EMAIL_ADDRESS"
DOB = "DATE_OF_BIRTH"
EMP = "EMPLOYER"
MYN = "JP_MY_NUMBER"
PAS = "JP_PASSPORT"
DRV = "JP_DRIVER_LICENSE"
RES = "JP_RESIDENCE_CARD"
PEN = "JP_BASIC_PENSION_NUMBER"
BANK = "JP_BANK_ACCOUNT"
CARD = "CREDIT_CARD"
CORP = "JP_CORPORATE_NUMBER"

ENTITIES = (PER, ADR, TEL, MAIL, DOB, EMP, MYN, PAS, DRV, RES, PEN, BANK, CARD, CORP)

# --- markup: gold ⟦ENTITY:kind|value⟧, decoy ⟪KIND:sub|value⟫ ---------------------------

_MARK = re.compile(r"⟦([A-Z_]+):([a-z0-9_]*)\|([^⟦⟧]*)⟧|⟪([A-Z_0-9]+):([a-z0-9_]*)\|([^⟪⟫]*)⟫")
_MARK_CHARS = "⟦⟧⟪⟫|"


def g(entity: str, value: str, kind: str = "") -> str:
    """A gold span in markup."""
    assert entity in ENTITIES, entity
    assert value and not any(c in value for c in _MARK_CHARS), value
    return f"⟦{entity}:{kind}|{value}⟧"


def d(kind: str, value: str, sub: str = "") -> str:
    """A decoy (a look-alike that must not be detected) in markup."""
    assert value and not any(c in value for c in _MARK_CHARS), value
    return f"⟪{kind}:{sub}|{value}⟫"


def _build(doc_id: str, markup: str) -> Doc:
    parts: list[str] = []
    spans: list[Span] = []
    decoys: list[Span] = []
    pos = last = 0
    for m in _MARK.finditer(markup):
        plain = markup[last : m.start()]
        parts.append(plain)
        pos += len(plain)
        if m.group(1):
            value = m.group(3)
            spans.append(Span(pos, pos + len(value), m.group(1), m.group(2)))
        else:
            value = m.group(6)
            decoys.append(Span(pos, pos + len(value), m.group(4), m.group(5)))
        parts.append(value)
        pos += len(value)
        last = m.end()
    parts.append(markup[last:])
    text = "".join(parts)
    assert not any(c in text for c in "⟦⟧⟪⟫"), (doc_id, text)
    doc = Doc(doc_id, text, tuple(spans), tuple(decoys))
    _check_doc(doc)
    return doc


def _check_doc(doc: Doc) -> None:
    every = sorted(doc.spans + doc.decoys, key=lambda s: (s.start, s.end))
    for a, b in zip(every, every[1:], strict=False):
        assert a.end <= b.start, (doc.id, a, b)
    for span in every:
        value = doc.text[span.start : span.end]
        assert value and value == value.strip() and "\n" not in value, (doc.id, span, value)


# --- small value helpers ------------------------------------------------------------------

_FW_TABLE = str.maketrans(
    "0123456789-ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.@()/_+:",
    "０１２３４５６７８９－ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
    "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ．＠（）／＿＋：",
)
_KANJI_DIGITS = "〇一二三四五六七八九"
_DASHES = re.compile("[‐‑‒–—―−ーｰ－]")
_WEEKDAYS = "月火水木金土日"


def fw(s: str) -> str:
    """Full-width (全角) digits, latin letters and punctuation."""
    return s.translate(_FW_TABLE)


def kanji_num(n: int) -> str:
    """1..9999 as kanji numerals: 3 → 三, 12 → 十二, 60 → 六十, 305 → 三百五."""
    assert 0 < n < 10000
    out = ""
    for value, unit in ((1000, "千"), (100, "百"), (10, "十")):
        q, n = divmod(n, value)
        if q:
            out += ("" if q == 1 else _KANJI_DIGITS[q]) + unit
    return out + (_KANJI_DIGITS[n] if n else "")


def kanji_digits(s: str) -> str:
    """Digit by digit: 1985 → 一九八五."""
    return "".join(_KANJI_DIGITS[int(c)] if c.isdigit() else c for c in s)


def luhn_digit(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        v = int(c)
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    return luhn_digit(number[:-1]) == number[-1]


def ean_digit(body: str) -> str:
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    return str((10 - total % 10) % 10)


def licence_digit(first10: str) -> str:
    """Check digit of a driver licence number (weights 5,4,3,2,7,6,5,4,3,2, mod 11)."""
    total = sum(int(c) * w for c, w in zip(first10, (5, 4, 3, 2, 7, 6, 5, 4, 3, 2), strict=True))
    return str((11 - total % 11) % 10)


def digits_of(value: str) -> str:
    return re.sub(r"\D", "", unicodedata.normalize("NFKC", value))


def phone_is_valid(value: str, kind: str = "") -> bool:
    normalized = _DASHES.sub("-", unicodedata.normalize("NFKC", value))
    if kind.endswith("lost_zero"):  # a spreadsheet dropped the leading 0
        normalized = "0" + normalized
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(normalized, "JP"))
    except phonenumbers.NumberParseException:
        return False


_ERAS = (
    ("令和", "R", date(2019, 5, 1)),
    ("平成", "H", date(1989, 1, 8)),
    ("昭和", "S", date(1926, 12, 25)),
)


def era_of(day: date) -> tuple[str, str, int]:
    for name, abbr, start in _ERAS:
        if day >= start:
            return name, abbr, day.year - start.year + 1
    raise ValueError(day)


# --- tables ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Loc:
    pref: str
    city: str
    town: str
    zip: str
    area: str  # telephone area code, with the leading 0
    chome: bool  # town uses 丁目 (otherwise 番地)
    en: str  # "Shibakoen, Minato-ku, Tokyo"


_LOCS = (
    Loc("東京都", "港区", "芝公園", "105-0011", "03", True, "Shibakoen, Minato-ku, Tokyo"),
    Loc(
        "東京都",
        "千代田区",
        "神田神保町",
        "101-0051",
        "03",
        True,
        "Kanda-Jimbocho, Chiyoda-ku, Tokyo",
    ),
    Loc("東京都", "新宿区", "西新宿", "160-0023", "03", True, "Nishi-Shinjuku, Shinjuku-ku, Tokyo"),
    Loc("東京都", "渋谷区", "恵比寿南", "150-0022", "03", True, "Ebisu-Minami, Shibuya-ku, Tokyo"),
    Loc("東京都", "世田谷区", "三軒茶屋", "154-0024", "03", True, "Sangenjaya, Setagaya-ku, Tokyo"),
    Loc("東京都", "練馬区", "豊玉北", "176-0012", "03", True, "Toyotamakita, Nerima-ku, Tokyo"),
    Loc("東京都", "江東区", "豊洲", "135-0061", "03", True, "Toyosu, Koto-ku, Tokyo"),
    Loc("東京都", "八王子市", "旭町", "192-0083", "042", False, "Asahicho, Hachioji-shi, Tokyo"),
    Loc(
        "東京都",
        "武蔵野市",
        "吉祥寺本町",
        "180-0004",
        "0422",
        True,
        "Kichijoji-Honcho, Musashino-shi, Tokyo",
    ),
    Loc("東京都", "大島町", "元町", "100-0101", "04992", False, "Motomachi, Oshima-machi, Tokyo"),
    Loc(
        "神奈川県",
        "横浜市西区",
        "みなとみらい",
        "220-0012",
        "045",
        True,
        "Minatomirai, Nishi-ku, Yokohama",
    ),
    Loc(
        "神奈川県",
        "川崎市中原区",
        "小杉町",
        "211-0063",
        "044",
        True,
        "Kosugimachi, Nakahara-ku, Kawasaki",
    ),
    Loc(
        "神奈川県",
        "藤沢市",
        "鵠沼石上",
        "251-0025",
        "0466",
        True,
        "Kugenuma-Ishigami, Fujisawa-shi, Kanagawa",
    ),
    Loc(
        "埼玉県",
        "さいたま市大宮区",
        "桜木町",
        "330-0854",
        "048",
        True,
        "Sakuragicho, Omiya-ku, Saitama",
    ),
    Loc(
        "埼玉県",
        "入間郡毛呂山町",
        "大字毛呂本郷",
        "350-0451",
        "049",
        False,
        "Moro-Hongo, Moroyama-machi, Saitama",
    ),
    Loc("千葉県", "千葉市中央区", "富士見", "260-0015", "043", True, "Fujimi, Chuo-ku, Chiba"),
    Loc("千葉県", "船橋市", "本町", "273-0005", "047", True, "Honcho, Funabashi-shi, Chiba"),
    Loc("茨城県", "つくば市", "竹園", "305-0032", "029", True, "Takezono, Tsukuba-shi, Ibaraki"),
    Loc("群馬県", "高崎市", "八島町", "370-0849", "027", False, "Yashimacho, Takasaki-shi, Gunma"),
    Loc("長野県", "松本市", "中央", "390-0811", "0263", True, "Chuo, Matsumoto-shi, Nagano"),
    Loc(
        "長野県",
        "北佐久郡軽井沢町",
        "大字軽井沢",
        "389-0102",
        "0267",
        False,
        "Karuizawa, Karuizawa-machi, Nagano",
    ),
    Loc("新潟県", "新潟市中央区", "万代", "950-0088", "025", True, "Bandai, Chuo-ku, Niigata"),
    Loc("石川県", "金沢市", "広坂", "920-0962", "076", True, "Hirosaka, Kanazawa-shi, Ishikawa"),
    Loc(
        "静岡県",
        "浜松市中央区",
        "砂山町",
        "430-0926",
        "053",
        False,
        "Sunayamacho, Chuo-ku, Hamamatsu",
    ),
    Loc("愛知県", "名古屋市中区", "栄", "460-0008", "052", True, "Sakae, Naka-ku, Nagoya"),
    Loc("愛知県", "豊田市", "元城町", "471-0025", "0565", True, "Motoshirocho, Toyota-shi, Aichi"),
    Loc("岐阜県", "岐阜市", "長住町", "500-8856", "058", True, "Nagazumicho, Gifu-shi, Gifu"),
    Loc("大阪府", "大阪市北区", "梅田", "530-0001", "06", True, "Umeda, Kita-ku, Osaka"),
    Loc("大阪府", "大阪市中央区", "難波", "542-0076", "06", True, "Namba, Chuo-ku, Osaka"),
    Loc(
        "大阪府", "堺市堺区", "南瓦町", "590-0078", "072", False, "Minamikawaracho, Sakai-ku, Sakai"
    ),
    Loc(
        "京都府",
        "京都市中京区",
        "烏丸通御池下る虎屋町",
        "604-8166",
        "075",
        False,
        "Toraya-cho, Nakagyo-ku, Kyoto",
    ),
    Loc("兵庫県", "神戸市中央区", "三宮町", "650-0021", "078", True, "Sannomiyacho, Chuo-ku, Kobe"),
    Loc("奈良県", "奈良市", "三条町", "630-8244", "0742", False, "Sanjocho, Nara-shi, Nara"),
    Loc("広島県", "広島市中区", "紙屋町", "730-0031", "082", True, "Kamiyacho, Naka-ku, Hiroshima"),
    Loc("岡山県", "岡山市北区", "駅前町", "700-0023", "086", True, "Ekimaecho, Kita-ku, Okayama"),
    Loc("香川県", "高松市", "番町", "760-0017", "087", True, "Bancho, Takamatsu-shi, Kagawa"),
    Loc(
        "福岡県",
        "福岡市博多区",
        "博多駅前",
        "812-0011",
        "092",
        True,
        "Hakata-Ekimae, Hakata-ku, Fukuoka",
    ),
    Loc(
        "熊本県",
        "熊本市中央区",
        "手取本町",
        "860-0806",
        "096",
        False,
        "Tetorihonmachi, Chuo-ku, Kumamoto",
    ),
    Loc(
        "鹿児島県",
        "鹿児島市",
        "山下町",
        "892-0816",
        "099",
        False,
        "Yamashitacho, Kagoshima-shi, Kagoshima",
    ),
    Loc("沖縄県", "那覇市", "久茂地", "900-0015", "098", True, "Kumoji, Naha-shi, Okinawa"),
    Loc(
        "北海道",
        "札幌市中央区",
        "北一条西",
        "060-0001",
        "011",
        True,
        "Kita-Ichijo-Nishi, Chuo-ku, Sapporo",
    ),
    Loc(
        "北海道",
        "旭川市",
        "宮下通",
        "070-0030",
        "0166",
        True,
        "Miyashitadori, Asahikawa-shi, Hokkaido",
    ),
    Loc(
        "北海道",
        "岩見沢市",
        "四条西",
        "068-0004",
        "0126",
        True,
        "Shijo-Nishi, Iwamizawa-shi, Hokkaido",
    ),
    Loc("宮城県", "仙台市青葉区", "一番町", "980-0811", "022", True, "Ichibancho, Aoba-ku, Sendai"),
)

_LICENCE_CODES = {
    "北海道": "10", "宮城県": "22", "東京都": "30", "茨城県": "40", "群馬県": "42",
    "埼玉県": "43", "千葉県": "44", "神奈川県": "45", "新潟県": "46", "長野県": "48",
    "静岡県": "49", "石川県": "51", "岐阜県": "53", "愛知県": "54", "京都府": "61",
    "大阪府": "62", "兵庫県": "63", "奈良県": "64", "岡山県": "72", "広島県": "73",
    "香川県": "81", "福岡県": "90", "熊本県": "93", "鹿児島県": "96", "沖縄県": "97",
}  # fmt: skip

_BUILDINGS = (
    "サンハイツ", "コーポ高橋", "パークレジデンス", "ライオンズマンション中央",
    "メゾン・ド・ソレイユ", "ドミール桜", "ヴィラ本町", "第二松本ビル", "ハイツ若葉", "シャトレー",
    "アーバンコート", "エクセル大宮", "ベルヴィ", "リバーサイドテラス", "朝日ビル",
    "ロイヤルパレス", "グリーンヒルズ", "フォレストテラス", "ステーションタワー", "NKビル",
    "第３岡田ビル", "レオパレス２１", "カーサ青葉", "シティハイム", "プラザ栄", "クレストコート",
    "サニーコート", "ハイム井上",
)  # fmt: skip

_OFFICE_SUFFIXES = (
    "ビル",
    "センタービル",
    "スクエア",
    "第一ビル",
    "ビジネスタワー",
    "NKビル",
    "プレイス",
)
_FLOORS = ("2F", "3F", "5F", "8階", "10F", "12階", "15F", "21F", "N館4階")

_ORG_STEMS = (
    ("アオバ", "aoba", "アオバ"), ("東邦", "toho", "トウホウ"), ("北斗", "hokuto", "ホクト"),
    ("みらい", "mirai", "ミライ"), ("サクラ", "sakura", "サクラ"), ("大和", "yamato", "ヤマト"),
    ("ひかり", "hikari", "ヒカリ"), ("日本橋", "nihonbashi", "ニホンバシ"),
    ("湘南", "shonan", "シヨウナン"), ("若葉", "wakaba", "ワカバ"), ("双葉", "futaba", "フタバ"),
    ("朝日", "asahi", "アサヒ"), ("富士見", "fujimi", "フジミ"),
    ("瀬戸内", "setouchi", "セトウチ"), ("北陸", "hokuriku", "ホクリク"),
    ("三河", "mikawa", "ミカワ"), ("ミナト", "minato", "ミナト"), ("コスモ", "cosmo", "コスモ"),
    ("ネクスト", "next", "ネクスト"), ("アルファ", "alpha", "アルフア"),
    ("ユニオン", "union", "ユニオン"), ("グリーン", "green", "グリ-ン"),
    ("エース", "ace", "エ-ス"), ("大成", "taisei", "タイセイ"), ("共栄", "kyoei", "キヨウエイ"),
    ("平和", "heiwa", "ヘイワ"), ("中央", "chuo", "チユウオウ"), ("フジ", "fuji", "フジ"),
    ("しらかば", "shirakaba", "シラカバ"), ("ブルーオーシャン", "blueocean", "ブル-オ-シヤン"),
    ("テンプル", "temple", "テンプル"), ("あけぼの", "akebono", "アケボノ"),
)  # fmt: skip

_ORG_CATS = (
    ("商事", "shoji", "Shoji", "シヨウジ"), ("物産", "bussan", "Bussan", "ブツサン"),
    ("運輸", "unyu", "Transport", "ウンユ"), ("システム", "system", "System", "システム"),
    ("建設", "kensetsu", "Construction", "ケンセツ"), ("食品", "foods", "Foods", "シヨクヒン"),
    ("精機", "seiki", "Seiki", "セイキ"), ("電子", "denshi", "Electronics", "デンシ"),
    ("ソリューションズ", "solutions", "Solutions", "ソリユ-シヨンズ"),
    ("工業", "kogyo", "Industries", "コウギヨウ"),
    ("不動産", "fudosan", "Real Estate", "フドウサン"),
    ("製薬", "pharma", "Pharmaceutical", "セイヤク"),
    ("テクノロジーズ", "tech", "Technologies", "テクノロジ-ズ"),
    ("ホールディングス", "hd", "Holdings", "ホ-ルデイングス"),
    ("印刷", "print", "Printing", "インサツ"), ("通信", "tsushin", "Communications", "ツウシン"),
    ("電機", "denki", "Electric", "デンキ"), ("物流", "logi", "Logistics", "ブツリユウ"),
    ("化学", "chem", "Chemical", "カガク"), ("フーズ", "foods", "Foods", "フ-ズ"),
    ("デザイン", "design", "Design", "デザイン"),
    ("コンサルティング", "consulting", "Consulting", "コンサルテイング"),
    ("エンジニアリング", "eng", "Engineering", "エンジニアリング"),
    ("ホーム", "home", "Home", "ホ-ム"), ("メディカル", "medical", "Medical", "メデイカル"),
    ("観光", "kanko", "Travel", "カンコウ"),
)  # fmt: skip

_SURNAME_PREFS = (
    "石川県", "長野県", "千葉県", "宮崎県", "山口県", "福井県", "長崎県", "香川県",
    "岡山県", "福岡県", "熊本県", "山形県", "富山県", "秋田県", "宮城県", "福島県",
)  # fmt: skip
_SURNAME_CITIES = (
    "松本市", "藤沢市", "豊田市", "岡崎市", "上田市", "太田市", "小山市", "長岡市", "前橋市",
    "高崎市", "松山市", "柏市", "吉川市", "大野市", "小林市", "福山市", "三木市", "竹田市",
    "名古屋市中村区", "西田市場", "安田町", "石井町",
)  # fmt: skip
_PLAIN_CITIES = (
    "札幌市", "仙台市", "さいたま市", "横浜市", "川崎市", "名古屋市", "京都市", "大阪市", "神戸市",
    "広島市", "福岡市", "那覇市", "金沢市", "静岡市", "新宿区", "渋谷区", "港区", "江東区",
)  # fmt: skip
_PREFS = (
    "北海道", "青森県", "岩手県", "東京都", "神奈川県", "埼玉県", "大阪府", "京都府", "兵庫県",
    "愛知県", "静岡県", "広島県", "新潟県", "沖縄県", "鹿児島県", "群馬県", "栃木県",
)  # fmt: skip
_STATIONS = (
    "高田馬場", "吉祥寺", "武蔵小杉", "大宮", "船橋", "藤沢", "新横浜", "梅田", "天王寺", "博多",
    "三宮", "栄", "札幌", "仙台", "松本", "金沢", "中野", "荻窪", "北千住", "池袋",
)  # fmt: skip
_LOANWORDS = (
    "コンプライアンス", "エスカレーション", "サブスクリプション", "フィードバック", "ガバナンス",
    "オンボーディング", "リスケジュール", "ダッシュボード", "マイルストーン", "インシデント",
    "アカウント", "ワークフロー", "キャンペーン", "ソリューション", "リプレイス", "ベンダー",
)  # fmt: skip
_PRODUCTS = (
    "ワイヤレスイヤホン", "電気ケトル 1.0L", "ボールペン 0.5mm 黒 10本入", "コピー用紙 A4 500枚",
    "ノートPCスタンド", "加湿器", "ステンレスボトル 500ml", "USB-Cケーブル 2m", "デスクチェア",
    "プリンタートナー", "LEDデスクライト", "防災セット 2人用", "コーヒー豆 200g", "モバイルバッテリ"
        "ー",
    "ランニングシューズ 26.5cm", "布団乾燥機", "オフィスデスク 120cm", "ハンドソープ 詰替",
)  # fmt: skip
_BANKS = (
    "みずほ銀行", "三菱UFJ銀行", "三井住友銀行", "りそな銀行", "横浜銀行", "千葉銀行", "静岡銀行",
    "楽天銀行", "住信SBIネット銀行", "北洋銀行", "福岡銀行", "京都信用金庫", "城南信用金庫",
)  # fmt: skip
_BRANCHES = (
    "本店", "新宿支店", "渋谷支店", "梅田支店", "横浜駅前支店", "札幌支店", "大宮支店", "栄支店",
    "博多支店", "三宮支店", "吉祥寺支店", "船橋支店", "第一営業部", "イチゴ支店",
)  # fmt: skip
_DEPTS = (
    "営業部", "総務部", "人事部", "経理部", "情報システム部", "開発本部 第二開発部", "カスタマーサ"
        "ポート室",
    "マーケティング部", "購買部", "品質保証部", "法人営業部 第一課", "物流センター", "経営企画室",
)  # fmt: skip
_JOBS = (
    "法人営業", "経理事務", "システムエンジニア", "看護師", "施工管理", "一般事務", "販売スタッフ",
    "配送ドライバー", "Webデザイナー", "品質管理", "介護職", "研究開発",
)  # fmt: skip
_FOREIGN = (
    ("グエン・ヴァン・ナム", "NGUYEN VAN NAM", "ベトナム"),
    ("チャン・ティ・ラン", "TRAN THI LAN", "ベトナム"),
    ("ブイ・ドゥック・アイン", "BUI DUC ANH", "ベトナム"),
    ("王 偉", "WANG WEI", "中国"),
    ("李 娜", "LI NA", "中国"),
    ("張 麗", "ZHANG LI", "中国"),
    ("キム・ミンジュン", "KIM MINJUN", "韓国"),
    ("サントス・マリア", "SANTOS MARIA", "フィリピン"),
    ("シュレスタ・ビカス", "SHRESTHA BIKASH", "ネパール"),
    ("パテル・アミット", "PATEL AMIT", "インド"),
    ("シルバ・ルーカス", "SILVA LUCAS", "ブラジル"),
    ("アウン・チョー・ミン", "AUNG KYAW MIN", "ミャンマー"),
)
_SHOPS = ("アオバストア", "くらし便", "ミナト家電オンライン", "ほっとマルシェ", "スマイル文具")
_SHOP_DOMAINS = (
    "aoba-store.jp",
    "kurashibin.com",
    "minato-denki.co.jp",
    "hot-marche.jp",
    "smile-bungu.jp",
)
_FREE_MAIL = (
    "gmail.com", "yahoo.co.jp", "icloud.com", "docomo.ne.jp", "ezweb.ne.jp", "softbank.ne.jp",
    "outlook.jp", "nifty.com", "hotmail.co.jp", "au.com",
)  # fmt: skip
_REPLY_LINES = ("ご確認ありがとうございます。", "見積のご送付をお願いできますでしょうか。")
_INQUIRY_LINES = (
    "価格表を送ってください。",
    "デモを希望します。",
    "代理店経由での購入は可能ですか。",
)
_CARRIER_SHOPS = ("ドコモショップ", "auショップ", "ソフトバンク")
_COMPLAINTS = ("3日前から咳が出る", "腰が痛い", "健康診断で再検査と言われた", "発熱（38.2℃）")
_KYC_PURPOSES = ("口座開設", "保険契約", "古物買取", "携帯電話契約", "レンタカー貸渡", "不動産売買")
_RESUME_DOB_STYLES = ("era", "kanji", "both", "era_sp", "era_kanji", "kanji_digits")
_HONORIFICS = ("様", "様", "さん", "さん", "氏", "殿")
_TITLES = ("部長", "課長", "係長", "主任", "先生", "社長", "次長", "マネージャー")


@dataclass(frozen=True)
class Org:
    name: str  # the name as usually written, with its legal form
    stem: str  # the name without the legal form
    form: str  # 株式会社, 有限会社, 合同会社 or ""
    prefix: bool  # legal form before the stem
    domain: str
    en: str
    surname: bool  # the stem contains a surname (藤田通信)
    kana: str  # bank-style reading of the stem (アオバシヨウジ)


@dataclass(frozen=True)
class Person:
    last: str
    first: str
    last_kana: str
    first_kana: str
    last_roma: str
    first_roma: str
    male: bool
    birth: date
    loc: Loc
    chome: int
    ban: int
    gou: int
    building: str
    room: str
    mobile: tuple[str, ...]
    home: tuple[str, ...]
    mail_local: str
    mail_domain: str
    org: Org

    @property
    def full(self) -> str:
        return f"{self.last} {self.first}"


# --- the writer: raw values and their many spellings ------------------------------------------


class _Writer:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.fk = Faker("ja_JP")
        self.fk.seed_instance(seed)
        self._last_station = ""

    # randomness shortcuts
    def c(self, seq: Sequence[_T]) -> _T:
        return self.r.choice(seq)

    def p(self, prob: float) -> bool:
        return self.r.random() < prob

    def n(self, lo: int, hi: int) -> int:
        return self.r.randint(lo, hi)

    def digits(self, k: int, first_nonzero: bool = False) -> str:
        out = "".join(str(self.r.randint(0, 9)) for _ in range(k))
        if first_nonzero and out[0] == "0":
            out = str(self.r.randint(1, 9)) + out[1:]
        return out

    # --- people and organisations ------------------------------------------------------------

    def org(self) -> Org:
        if self.p(0.35):
            surname, stem_kana, roma = self.fk.last_name_pair()
            stem_ja, stem_en, is_surname = surname, roma.lower(), True
        else:
            stem_ja, stem_en, stem_kana = self.c(_ORG_STEMS)
            is_surname = False
        cat_ja, cat_roma, cat_en, cat_kana = self.c(_ORG_CATS)
        stem = stem_ja + cat_ja
        form = self.c(("株式会社",) * 14 + ("有限会社",) * 2 + ("合同会社",) * 2 + ("",) * 2)
        prefix = self.p(0.55) if form == "株式会社" else form != "合同会社"
        name = (form + stem if prefix else stem + form) if form else stem
        domain = f"{stem_en}-{cat_roma}." + self.c(("co.jp", "co.jp", "jp", "com", "net"))
        en_form = {"株式会社": "Co., Ltd.", "有限会社": "Ltd.", "合同会社": "LLC", "": "Inc."}[form]
        en = f"{stem_en.capitalize()} {cat_en} {en_form}"
        return Org(name, stem, form, prefix, domain, en, is_surname, stem_kana + cat_kana)

    def other_employer(self) -> str:
        """Employers that are not companies: city offices, hospitals, schools, co-ops."""
        surname = self.fk.last_name()
        loc = self.c(_LOCS)
        stem = self.c([s for s, _, _ in _ORG_STEMS])
        return self.c(
            (
                f"{loc.city}役所",
                f"医療法人社団{stem}会 {stem}総合病院",
                f"{loc.pref}立{loc.city.rstrip('市区町')}高等学校",
                f"{stem}信用金庫",
                f"社会福祉法人{stem}福祉会",
                f"学校法人{surname}学園",
                f"{loc.city.rstrip('市区町')}市民病院"
                if loc.city.endswith("市")
                else f"{stem}病院",
                f"{stem}農業協同組合",
            )
        )

    def person(self, male: bool | None = None, born: date | None = None) -> Person:
        male = self.p(0.5) if male is None else male
        last, last_kana, last_roma = self.fk.last_name_pair()
        pair = self.fk.first_name_male_pair() if male else self.fk.first_name_female_pair()
        first, first_kana, first_roma = pair
        birth = born or self.adult_birth()
        loc = self.c(_LOCS)
        mobile = self.phone_groups("mobile")
        home = self.phone_groups("land", loc)
        local = self.c(
            (
                f"{first_roma}.{last_roma}",
                f"{last_roma}.{first_roma}",
                f"{first_roma[0]}-{last_roma}",
                f"{last_roma}_{first_roma[0]}",
                f"{first_roma}{last_roma}{birth.year % 100:02d}",
                f"{last_roma}{first_roma}{birth.month:02d}{birth.day:02d}",
                f"{first_roma[0]}{last_roma}",
                f"{last_roma}-{first_roma}",
                f"{first_roma}_{self.c(('0', '1', 'x', 'jp', 'no', 'mail'))}{self.n(1, 99)}",
            )
        ).lower()
        org = self.org()
        domain = org.domain if self.p(0.25) else self.c(_FREE_MAIL)
        building = self.c(_BUILDINGS) if self.p(0.55) else ""
        room = f"{self.n(1, 12)}{self.n(0, 1)}{self.n(1, 9)}" if building or self.p(0.2) else ""
        return Person(
            last,
            first,
            last_kana,
            first_kana,
            last_roma,
            first_roma,
            male,
            birth,
            loc,
            self.n(1, 5),
            self.n(1, 30),
            self.n(1, 24),
            building,
            room,
            mobile,
            home,
            local,
            domain,
            org,
        )

    def adult_birth(self) -> date:
        if self.p(0.07):  # 平成元年
            return date(1989, 1, 8) + timedelta(days=self.n(0, 357))
        return date(1948, 1, 1) + timedelta(days=self.n(0, 20000))

    def child_birth(self) -> date:
        if self.p(0.3):  # 令和元年
            return date(2019, 5, 1) + timedelta(days=self.n(0, 244))
        return date(2008, 1, 1) + timedelta(days=self.n(0, 5800))

    def foreigner(self) -> tuple[str, str, str]:
        return self.c(_FOREIGN)

    # --- names ---------------------------------------------------------------------------------

    def name(self, p: Person, style: str | None = None) -> str:
        style = style or self.c(("sp", "sp", "sp", "tight", "tight", "fw"))
        value = {
            "sp": f"{p.last} {p.first}",
            "fw": f"{p.last}　{p.first}",
            "tight": p.last + p.first,
            "kana": f"{p.last_kana} {p.first_kana}",
            "kana_tight": p.last_kana + p.first_kana,
            "kana_fw": f"{p.last_kana}　{p.first_kana}",
            "hira": jaconv.kata2hira(f"{p.last_kana} {p.first_kana}"),
            "hira_tight": jaconv.kata2hira(p.last_kana + p.first_kana),
            "hw": jaconv.z2h(f"{p.last_kana} {p.first_kana}", kana=True, digit=False, ascii=False),
            "roma": f"{p.first_roma} {p.last_roma}",
            "roma_up": f"{p.last_roma.upper()} {p.first_roma}",
            "roma_caps": f"{p.first_roma.upper()} {p.last_roma.upper()}",
            "roma_comma": f"{p.last_roma}, {p.first_roma}",
            "roma_lf": f"{p.last_roma} {p.first_roma}",
            "last": p.last,
            "first": p.first,
            "last_kana": p.last_kana,
            "ocr": " ".join(p.last) + "　" + " ".join(p.first),
        }[style]
        return g(PER, value, style)

    def kana(self, p: Person, style: str | None = None) -> str:
        return self.name(
            p, style or self.c(("kana", "kana", "kana_tight", "kana_fw", "hira", "hw"))
        )

    def roma(self, p: Person) -> str:
        return self.name(p, self.c(("roma", "roma_up", "roma_caps", "roma_comma", "roma_lf")))

    def hon(self, p: Person, style: str | None = None) -> str:
        """A name followed by an honorific (outside the span)."""
        return self.name(p, style) + self.c(_HONORIFICS)

    def surname_ref(self, p: Person, suffix: str | None = None) -> str:
        if suffix is None:
            suffix = self.c(("さん", "さん", "様", "氏"))
        return g(PER, p.last, "surname") + suffix

    # --- addresses ------------------------------------------------------------------------------

    def zip(self, loc: Loc, style: str | None = None) -> str:
        style = style or self.c(("hy", "hy", "hy", "hy", "plain", "fw"))
        value = {"hy": loc.zip, "plain": loc.zip.replace("-", ""), "fw": fw(loc.zip)}[style]
        return g(ADR, value, "zip")

    def street(self, p: Person, style: str | None = None) -> str:
        """The number part: 三丁目5番8号, 3-5-8, 1323番地 ..."""
        c, b, n = p.chome, p.ban, p.gou
        if p.loc.chome:
            style = style or self.c(
                (
                    "full",
                    "full",
                    "hy",
                    "hy",
                    "hy",
                    "chome_hy",
                    "kchome",
                    "allkanji",
                    "fwhy",
                    "banchi",
                )
            )
            return {
                "full": f"{c}丁目{b}番{n}号",
                "hy": f"{c}-{b}-{n}",
                "chome_hy": f"{c}丁目{b}-{n}",
                "kchome": f"{kanji_num(c)}丁目{b}番{n}号",
                "allkanji": f"{kanji_num(c)}丁目{kanji_num(b)}番{kanji_num(n)}号",
                "fwhy": fw(f"{c}-{b}-{n}"),
                "banchi": f"{c}丁目{b}番地{n}",
            }.get(style, f"{c}-{b}-{n}")
        b = b * 37 + n  # rural 番地 run higher
        style = style or self.c(("banchi", "banchi_n", "hy", "no", "kanji"))
        return {
            "banchi": f"{b}番地",
            "banchi_n": f"{b}番地{n}",
            "hy": f"{b}-{n}",
            "no": f"{b}番地の{n}",
            "kanji": f"{kanji_num(b)}番地",
        }.get(style, f"{b}-{n}")

    def addr_text(
        self, p: Person, pref: bool | None = None, building: bool = True, style: str | None = None
    ) -> str:
        loc = p.loc
        pref = self.p(0.8) if pref is None else pref
        head = ""
        if pref:
            head = loc.pref + (" " if self.p(0.12) else "")
        city_town = loc.city + loc.town
        if self.p(0.08):
            city_town = loc.city + " " + loc.town
        out = head + city_town + self.street(p, style)
        if building and p.building:
            sep = self.c((" ", " ", "　", ""))
            room = self.c((f"{p.room}号室", p.room, f"{p.room}号", f"#{p.room}")) if p.room else ""
            out += sep + p.building + (self.c((" ", "")) + room if room else "")
        elif building and p.room and self.p(0.7):
            out += "-" + p.room
        if self.p(0.07):
            out = fw(out)
        return out

    def addr(
        self, p: Person, pref: bool | None = None, building: bool = True, style: str | None = None
    ) -> str:
        return g(ADR, self.addr_text(p, pref, building, style), "street")

    def addr_en(self, p: Person) -> str:
        room = f"#{p.room} " if p.room else ""
        return g(ADR, f"{room}{p.chome}-{p.ban}-{p.gou} {p.loc.en}", "romaji")

    def zip_addr(self, p: Person, sep: str | None = None, mark: str | None = None) -> str:
        mark = self.c(("〒", "〒", "〒", "")) if mark is None else mark
        sep = self.c((" ", " ", "　", "\n")) if sep is None else sep
        return f"{mark}{self.zip(p.loc)}{sep}{self.addr(p)}"

    # --- phones ---------------------------------------------------------------------------------

    def phone_groups(self, kind: str, loc: Loc | None = None) -> tuple[str, ...]:
        while True:
            if kind == "mobile":
                groups: tuple[str, ...] = (
                    self.c(("090", "090", "080", "080", "070")),
                    self.digits(4, True),
                    self.digits(4),
                )
            elif kind == "land":
                area = (loc or self.c(_LOCS)).area
                groups = (area, self.digits(10 - len(area) - 4, True), self.digits(4))
                if groups[1][0] in "01":
                    continue
            elif kind == "free":
                groups = ("0120", self.digits(3), self.digits(3))
                if self.p(0.3):
                    groups = ("0800", self.digits(3, True), self.digits(4))
            elif kind == "ip":
                groups = ("050", self.digits(4, True), self.digits(4))
            else:  # navi dial
                groups = ("0570", "0" + self.digits(2), self.digits(3))
            if phone_is_valid("-".join(groups)):
                return groups

    def tel_text(self, groups: tuple[str, ...], style: str | None = None) -> str:
        return self.tel_styled(groups, style)[0]

    def tel_styled(self, groups: tuple[str, ...], style: str | None = None) -> tuple[str, str]:
        """The number written in ``style`` (chosen at random if None), and the style used."""
        a, b, c = groups
        styles = ["hy"] * 8 + ["plain", "plain", "fw", "intl", "intl_sp", "space"]
        if a not in ("0120", "0800", "0570", "050"):
            styles += ["paren_mid"]
        if a not in ("090", "080", "070", "050", "0120", "0800", "0570"):
            styles += ["paren_area", "paren_area"]
        style = style or self.c(styles)
        if style in ("intl", "intl_sp", "intl_plain") and a in ("0120", "0800", "0570"):
            style = "hy"
        text = {
            "hy": f"{a}-{b}-{c}",
            "plain": a + b + c,
            "fw": fw(f"{a}-{b}-{c}"),
            "fw_plain": fw(a + b + c),
            "intl": f"+81-{a[1:]}-{b}-{c}",
            "intl_sp": f"+81 {a[1:]} {b} {c}",
            "intl_plain": f"+81{a[1:]}{b}{c}",
            "space": f"{a} {b} {c}",
            "paren_mid": f"{a}({b}){c}",
            "paren_area": f"({a}){b}-{c}",
            "choon": f"{a}ー{b}ー{c}",
            "dot": f"{a}.{b}.{c}",
            "lost_zero": (a + b + c)[1:],
        }[style]
        return text, style

    def tel(self, groups: tuple[str, ...], style: str | None = None, kind: str = "") -> str:
        """A gold phone number; its kind is ``owner_style`` (mobile_hy, office_paren_area ...)."""
        value, style = self.tel_styled(groups, style)
        owner = {"land": "landline"}.get(kind, kind)
        owners = ("mobile", "landline", "free", "ip", "navi", "office", "company", "fax", "shop")
        return g(TEL, value, f"{owner if owner in owners else 'other'}_{style}")

    def mobile(self, p: Person, style: str | None = None) -> str:
        return self.tel(p.mobile, style, "mobile")

    def home(self, p: Person, style: str | None = None) -> str:
        return self.tel(p.home, style, "landline")

    def any_tel(self, loc: Loc | None = None, style: str | None = None) -> str:
        kind = self.c(("mobile", "land", "land", "land", "free", "ip"))
        return self.tel(self.phone_groups(kind, loc), style, kind)

    # --- e-mail ----------------------------------------------------------------------------------

    def mail(self, p: Person, work: bool = False) -> str:
        domain = p.org.domain if work else p.mail_domain
        local = p.mail_local
        if work:  # one address per person: the company's convention decides the pattern
            patterns = (
                f"{p.first_roma}.{p.last_roma}",
                f"{p.first_roma[0]}-{p.last_roma}",
                f"{p.last_roma}",
                f"{p.last_roma}.{p.first_roma[0]}",
            )
            local = patterns[sum(map(ord, p.org.domain)) % len(patterns)].lower()
        return g(MAIL, f"{local}@{domain}", "work" if work else "personal")

    def office_building(self, loc: Loc) -> str:
        town = loc.town.removeprefix("大字")
        if len(town) > 4:
            town = self.c(("セントラル", "グランド", "パシフィック", "第一生命", "日本生命"))
        return f"{town}{self.c(_OFFICE_SUFFIXES)} {self.c(_FLOORS)}"

    def role_mail(self, domain: str, local: str | None = None) -> str:
        local = local or self.c(
            ("info", "support", "sales", "recruit", "pr", "order", "keiri", "soumu")
        )
        return g(MAIL, f"{local}@{domain}", "role")

    # --- dates -------------------------------------------------------------------------------

    def date_text(self, day: date, style: str) -> str:
        era, abbr, ey = era_of(day)
        ey_s = "元" if ey == 1 else str(ey)
        y, m, dd = day.year, day.month, day.day
        return {
            "kanji": f"{y}年{m}月{dd}日",
            "kanji0": f"{y}年{m:02d}月{dd:02d}日",
            "slash": f"{y}/{m}/{dd}",
            "slash0": f"{y}/{m:02d}/{dd:02d}",
            "iso": f"{y}-{m:02d}-{dd:02d}",
            "dot": f"{y}.{m}.{dd}",
            "compact": f"{y}{m:02d}{dd:02d}",
            "era": f"{era}{ey_s}年{m}月{dd}日",
            "era_sp": f"{era} {ey_s}年 {m}月 {dd}日",
            "era_dot": f"{abbr}{ey}.{m}.{dd}",
            "era_slash": f"{abbr}{ey}/{m:02d}/{dd:02d}",
            "era_kanji": f"{era}{'元' if ey == 1 else kanji_num(ey)}年{kanji_num(m)}月"
            f"{kanji_num(dd)}日",
            "kanji_digits": f"{kanji_digits(str(y))}年{kanji_num(m)}月{kanji_num(dd)}日",
            "both": f"{y}年（{era}{ey_s}年）{m}月{dd}日",
            "fw": fw(f"{y}年{m}月{dd}日"),
            "fw_era": fw(f"{era}{ey_s}年{m}月{dd}日"),
            "en_dmy": f"{dd} {day.strftime('%B')} {y}",
            "en_mdy": f"{day.strftime('%B')} {dd}, {y}",
            "en_abbr": f"{day.strftime('%b')}. {dd}, {y}",
            "md_week": f"{m}/{dd}（{_WEEKDAYS[day.weekday()]}）",
            "md_kanji": f"{m}月{dd}日",
            "kanji_week": f"{y}年{m}月{dd}日（{_WEEKDAYS[day.weekday()]}）",
            "reiwa": f"令和{era_of(day)[2]}年{m}月{dd}日",
        }[style]

    def dob(self, day: date, style: str | None = None) -> str:
        style = style or self.c(
            (
                "kanji",
                "kanji",
                "kanji0",
                "slash",
                "slash0",
                "iso",
                "era",
                "era",
                "era",
                "era_dot",
                "era_slash",
                "era_kanji",
                "kanji_digits",
                "both",
                "fw",
                "fw_era",
                "dot",
                "era_sp",
            )
        )
        return g(DOB, self.date_text(day, style), style)

    def some_day(self) -> date:
        return date(2023, 1, 4) + timedelta(days=self.n(0, 900))

    def date_decoy(
        self, kind: str = "EVENT_DATE", style: str | None = None, day: date | None = None
    ) -> str:
        style = style or self.c(
            ("kanji", "slash", "slash0", "md_week", "md_kanji", "kanji_week", "iso", "reiwa")
        )
        return d(kind, self.date_text(day or self.some_day(), style), style)

    def dt_decoy(self) -> str:
        day = self.some_day()
        return d(
            "EVENT_DATE", f"{day:%Y/%m/%d} {self.n(8, 20):02d}:{self.n(0, 59):02d}", "datetime"
        )

    def time_range(self) -> str:
        start = self.n(8 * 4, 18 * 4) * 15
        end = start + self.c((30, 60, 60, 90, 120, 180))
        h1, m1, h2, m2 = *divmod(start, 60), *divmod(end, 60)
        if self.p(0.5):
            return f"{d('TIME', f'{h1}:{m1:02d}')}〜{d('TIME', f'{h2}:{m2:02d}')}"
        first = f"{h1}時" + (f"{m1}分" if m1 else "")
        last = f"{h2}時" + (f"{m2}分" if m2 else "")
        return f"{d('TIME', first)}〜{d('TIME', last)}"

    def time_decoy(self) -> str:
        h, m = self.n(8, 20), self.c((0, 0, 15, 30, 45, self.n(0, 59)))
        return d(
            "TIME", self.c((f"{h}:{m:02d}", f"{h}時{m}分" if m else f"{h}時", f"{h:02d}:{m:02d}"))
        )

    # --- organisations -----------------------------------------------------------------------

    def org_text(self, o: Org, style: str | None = None) -> str:
        if not o.form:
            return o.stem
        if o.form != "株式会社":
            return o.name
        style = style or self.c(
            ("as_is",) * 8 + ("kk_paren", "kk_paren_fw", "kk_circle", "sp", "suffix_paren")
        )
        return {
            "as_is": o.name,
            "kk_paren": f"(株){o.stem}",
            "kk_paren_fw": f"（株）{o.stem}",
            "kk_circle": f"㈱{o.stem}",
            "sp": f"株式会社 {o.stem}" if o.prefix else f"{o.stem} 株式会社",
            "suffix_paren": f"{o.stem}（株）",
            "bare": o.stem,
        }[style]

    def emp(self, o: Org, style: str | None = None) -> str:
        return g(EMP, self.org_text(o, style), "org")

    def emp_other(self) -> str:
        return g(EMP, self.other_employer(), "public")

    def partner(self, o: Org | None = None) -> str:
        o = o or self.org()
        return d("SURNAME_IN_ORG" if o.surname else "PARTNER_COMPANY", self.org_text(o))

    # --- identifiers ---------------------------------------------------------------------------

    def my_number_value(self) -> str:
        base = self.digits(11)
        return base + in_.calc_check_digit(base)

    def my_number(self, style: str | None = None) -> str:
        v = self.my_number_value()
        style = style or self.c(("sp", "sp", "hy", "plain", "plain", "fw", "fw_sp"))
        value = {
            "sp": f"{v[:4]} {v[4:8]} {v[8:]}",
            "hy": f"{v[:4]}-{v[4:8]}-{v[8:]}",
            "plain": v,
            "fw": fw(v),
            "fw_sp": fw(f"{v[:4]} {v[4:8]} {v[8:]}"),
        }[style]
        return g(MYN, value, style)

    def corp_value(self) -> str:
        base = self.digits(12, True)
        return cn.calc_check_digit(base) + base

    def corp(self, style: str | None = None) -> str:
        v = self.corp_value()
        style = style or self.c(("plain",) * 6 + ("fw", "hy"))
        value = {"plain": v, "fw": fw(v), "hy": f"{v[0]}-{v[1:5]}-{v[5:9]}-{v[9:]}"}[style]
        return g(CORP, value, style)

    def passport(self) -> str:
        v = self.c(("TK", "TR", "TS", "TZ", "MU", "MZ", "ME", "RE", "AZ", "TH")) + self.digits(7)
        if self.p(0.1):
            return g(PAS, fw(v), "fw")
        return g(PAS, v, "jp")

    def foreign_passport(self) -> str:
        v = self.c(("C", "E", "G", "P", "N", "M")) + self.digits(8)
        return g(PAS, v, "foreign")

    def licence_value(self, p: Person | None = None) -> str:
        code = _LICENCE_CODES.get(p.loc.pref if p else self.c(_LOCS).pref, "30")
        year = ((p.birth.year if p else 1980) + self.n(18, 30)) % 100
        first10 = f"{code}{year:02d}{self.digits(6)}"
        return first10 + licence_digit(first10) + self.c("0000000012")

    def licence(self, p: Person | None = None) -> str:
        v = self.licence_value(p)
        style = self.c(("plain",) * 6 + ("fw", "sp"))
        value = {"plain": v, "fw": fw(v), "sp": f"{v[:4]} {v[4:8]} {v[8:]}"}[style]
        return g(DRV, value, style)

    def residence(self) -> str:
        letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
        v = self.c(letters) + self.c(letters) + self.digits(8) + self.c(letters) + self.c(letters)
        return g(RES, v if self.p(0.85) else fw(v), "card")

    def pension(self) -> str:
        v = self.digits(4, True) + self.digits(6)
        style = self.c(("hy", "hy", "plain", "sp", "fw"))
        value = {
            "hy": f"{v[:4]}-{v[4:]}",
            "plain": v,
            "sp": f"{v[:4]} {v[4:]}",
            "fw": fw(f"{v[:4]}-{v[4:]}"),
        }[style]
        return g(PEN, value, style)

    def account(self, style: str | None = None) -> str:
        v = self.digits(7, True)
        style = style or self.c(("plain",) * 6 + ("fw",))
        return g(BANK, v if style == "plain" else fw(v), style)

    def yucho(self) -> str:
        v = f"1{self.digits(3)}0-{self.digits(7, True)}1"
        return g(BANK, v, "yucho")

    def bank_line(self) -> str:
        bank, branch = self.c(_BANKS), self.c(_BRANCHES)
        kind = self.c(("普通", "普通", "普通預金", "当座", "(普)"))
        return f"{bank} {branch} {kind} {self.account()}"

    def card_value(self, brand: str | None = None) -> str:
        brand = brand or self.c(
            ("visa", "visa", "visa", "master", "master", "jcb", "jcb", "amex", "diners")
        )
        body = {
            "visa": "4" + self.digits(14),
            "master": self.c(("51", "52", "53", "54", "55")) + self.digits(13),
            "jcb": str(self.n(3528, 3589)) + self.digits(11),
            "amex": self.c(("34", "37")) + self.digits(12),
            "diners": "36" + self.digits(11),
        }[brand]
        return body + luhn_digit(body)

    def card(self, style: str | None = None) -> str:
        v = self.card_value()
        if len(v) == 16:
            grouped = [v[:4], v[4:8], v[8:12], v[12:]]
        elif len(v) == 15:
            grouped = [v[:4], v[4:10], v[10:]]
        else:
            grouped = [v[:4], v[4:10], v[10:]]
        style = style or self.c(("sp", "sp", "hy", "hy", "plain", "fw"))
        value = {
            "sp": " ".join(grouped),
            "hy": "-".join(grouped),
            "plain": v,
            "fw": fw("-".join(grouped)),
        }[style]
        return g(CARD, value, style)

    def masked_card(self) -> str:
        last4 = self.digits(4)
        return d(
            "MASKED_CARD",
            self.c(
                (
                    f"****-****-****-{last4}",
                    f"************{last4}",
                    f"XXXX XXXX XXXX {last4}",
                    f"**** {last4}",
                )
            ),
        )

    # --- decoy values --------------------------------------------------------------------------

    def mn_like(self) -> tuple[str, str]:
        """Twelve digits; half of them pass the My Number check."""
        base = self.digits(11, True)
        if self.p(0.5):
            return base + in_.calc_check_digit(base), "mn_valid"
        wrong = str((int(in_.calc_check_digit(base)) + self.n(1, 9)) % 10)
        return base + wrong, ""

    def order_no(self) -> str:
        k = self.n(0, 5)
        if k <= 1:
            v, sub = self.mn_like()
            return d("ORDER_NUMBER", v if k == 0 else f"{v[:4]}-{v[4:8]}-{v[8:]}", sub)
        day = self.some_day()
        return d(
            "ORDER_NUMBER",
            self.c(
                (
                    f"{self.n(200, 599)}-{self.digits(7)}-{self.digits(7)}",
                    f"ORD-{day:%Y%m%d}-{self.digits(4)}",
                    f"{self.c('ABCDEFGHJK')}{self.digits(9)}",
                    f"#{self.n(10000, 999999)}",
                )
            ),
        )

    def tracking(self) -> str:
        v, sub = self.mn_like()
        style = self.c(("hy", "hy", "plain", "sp"))
        value = {"hy": f"{v[:4]}-{v[4:8]}-{v[8:]}", "plain": v, "sp": f"{v[:4]} {v[4:8]} {v[8:]}"}[
            style
        ]
        return d("TRACKING_NUMBER", value, sub)

    def jan(self) -> str:
        body = self.c(("49", "45")) + self.digits(10)
        return d("JAN_CODE", body + ean_digit(body))

    def product_code(self) -> str:
        return d(
            "PRODUCT_CODE",
            self.c(
                (
                    f"{self.c(('KX', 'AB', 'SP', 'HD', 'NW'))}-{self.n(100, 9999)}"
                    f"{self.c(('', '-BK', '-WH', 'S'))}",
                    f"SKU-{self.digits(6)}",
                    f"{self.c('ABCDEFGH')}{self.digits(2)}-{self.digits(5)}",
                    f"型番{self.c('ABCDEFGH')}{self.n(10, 99)}{self.c('XYZ')}",
                )
            ),
        )

    def price(self, lo: int = 0, hi: int = 0, unit: int = 10) -> str:
        if hi:
            amount = self.n(lo // unit, hi // unit) * unit
        else:
            amount = self.c(
                (
                    self.n(3, 500) * 100 - self.c((0, 0, 20, 2)),
                    self.n(10, 3000) * 1000,
                    self.n(3, 400) * 110,
                )
            )
        return d(
            "PRICE",
            self.c(
                (
                    f"¥{amount:,}",
                    f"{amount:,}円",
                    f"￥{amount:,}",
                    f"{amount}円（税込）",
                    f"税込{amount:,}円",
                )
            ),
        )

    def salary(self) -> str:
        return d(
            "PRICE",
            self.c(
                (
                    f"{self.n(25, 120) * 10}万円",
                    f"{self.n(3, 12)},{self.n(0, 9)}00,000円",
                    f"約{self.n(300, 1200)}万",
                )
            ),
            "income",
        )

    def invoice_no(self) -> str:
        day = self.some_day()
        return d(
            "INVOICE_NUMBER",
            self.c(
                (
                    f"INV-{day:%Y}-{self.digits(5)}",
                    f"{day:%Y%m}-{self.digits(3)}",
                    f"No.{self.digits(8)}",
                    f"請{self.digits(6)}",
                )
            ),
        )

    def reg_no(self) -> str:
        return d("INVOICE_REGISTRATION", "T" + self.corp_value())

    def unlabelled_corp(self) -> str:
        return d("CORPORATE_NUMBER_UNLABELLED", self.corp_value())

    def version(self) -> str:
        return d(
            "VERSION",
            self.c(
                (
                    f"v{self.n(1, 5)}.{self.n(0, 20)}.{self.n(0, 9)}",
                    f"Ver.{self.n(1, 9)}.{self.n(0, 30)}",
                    f"{self.n(1, 3)}.{self.n(0, 9)}.{self.n(0, 40)}",
                    f"バージョン{self.n(1, 12)}.{self.n(0, 9)}",
                )
            ),
        )

    def ip(self) -> str:
        return d(
            "IP_ADDRESS",
            self.c(
                (
                    f"192.168.{self.n(0, 20)}.{self.n(2, 254)}",
                    f"10.{self.n(0, 40)}.{self.n(0, 9)}.{self.n(2, 254)}",
                    f"203.0.113.{self.n(2, 254)}",
                    f"172.16.{self.n(0, 31)}.{self.n(2, 254)}",
                )
            ),
        )

    def room_decoy(self) -> str:
        return d(
            "ROOM_NUMBER",
            self.c(
                (
                    f"{self.n(2, 15)}F第{self.n(1, 5)}会議室",
                    f"会議室{self.c('ABC')}-{self.n(201, 905)}",
                    f"{self.n(101, 905)}号室",
                    f"応接室{self.n(1, 3)}",
                )
            ),
        )

    def member_id(self) -> str:
        return d(
            "MEMBER_ID",
            self.c((self.digits(8), f"M{self.digits(7)}", f"{self.digits(4)}-{self.digits(4)}")),
        )

    def employee_id(self) -> str:
        return d(
            "EMPLOYEE_ID",
            self.c(
                (f"{self.n(1, 9)}{self.digits(5)}", f"E{self.digits(6)}", f"S-{self.digits(5)}")
            ),
        )

    def city_decoy(self) -> str:
        if self.p(0.5):
            return d("SURNAME_IN_PLACE", self.c(_SURNAME_CITIES))
        return d("CITY", self.c(_PLAIN_CITIES))

    def pref_decoy(self) -> str:
        if self.p(0.5):
            return d("SURNAME_IN_PLACE", self.c(_SURNAME_PREFS))
        return d("PREFECTURE", self.c(_PREFS))

    def station(self) -> str:
        name = self.c([s for s in _STATIONS if s != self._last_station])
        self._last_station = name
        return d("STATION", name + "駅")

    def loanword(self) -> str:
        return d("LOANWORD", self.c(_LOANWORDS))

    def shop(self) -> str:
        surname = self.fk.last_name()
        return d(
            "SHOP_NAME",
            self.c(
                (
                    "中村屋",
                    f"{surname}商店",
                    f"{surname}屋",
                    f"{surname}酒店",
                    f"{surname}精肉店",
                    "山本屋",
                    "喫茶 松本",
                    f"{surname}ベーカリー",
                )
            ),
        )

    def age(self, p: Person) -> str:
        return d("AGE", f"{(date(2024, 6, 1) - p.birth).days // 365}歳")

    def qty(self) -> str:
        return d(
            "QUANTITY",
            self.c(
                (
                    f"{self.n(1, 12)}個",
                    f"{self.n(1, 5)}箱",
                    f"{self.n(2, 300)}枚",
                    f"×{self.n(1, 6)}",
                )
            ),
        )


# --- genres: each returns one document in markup ---------------------------------------------


class _Genres(_Writer):
    # ---------------------------------------------------------------- prose: support tickets
    def ticket(self) -> str:
        p = self.person()
        tid = d("TICKET_ID", f"#{self.n(100000, 999999)}")
        head = self.c(
            (
                f"【お問い合わせ】{tid}\n受付日時：{self.dt_decoy()}\n受付チャネル："
                f"{self.c(('Webフォーム', 'メール', 'チャット'))}\n\n",
                f"チケット {tid} ／ ステータス：未対応 ／ 優先度：{self.c('高中低')}\n---\n",
                f"Zendesk {tid} (via web form)\n\n",
                f"問い合わせ番号 {tid}\n",
            )
        )
        v = self.n(0, 7)
        if v == 0:
            body = (
                f"いつもお世話になっております。{self.name(p)}と申します。\n"
                f"{self.date_decoy()}に注文した商品（注文番号：{self.order_no()}）がまだ届いておりません。"
                f"追跡番号{self.tracking()}で確認しても「発送準備中」のままです。\n"
                f"お手数ですが、{self.mobile(p)}までご連絡いただけますでしょうか。"
                f"日中は仕事で出られないことが多いので、メール（{self.mail(p)}）のほうが確実です。"
            )
        elif v == 1:
            body = (
                "先月引っ越したため、登録住所の変更をお願いします。\n"
                f"新：{self.zip_addr(p)}\n"
                f"旧住所は{self.pref_decoy()}の実家のままになっていると思います。\n"
                f"名義は{self.name(p)}（{self.kana(p)}）です。電話番号は変わらず{self.mobile(p)}です。"
            )
        elif v == 2:
            body = (
                f"{self.c(_PRODUCTS)}（JAN {self.jan()}）を{self.qty()}注文したのですが、"
                "1つは箱が潰れていて中身も少し傷がありました。交換をお願いできますか？\n"
                "写真を添付します。\n\n"
                f"注文者：{self.name(p)}\n連絡先：{self.any_tel(p.loc)}\n"
                f"お届け先：{self.zip_addr(p, sep=' ')}"
            )
        elif v == 3:
            body = (
                f"会員番号{self.member_id()}でログインできません。登録メールは{self.mail(p)}です。\n"
                "パスワード再設定のメールが何度やっても届かないので、"
                f"お電話（{self.home(p)}）でご連絡ください。平日の{self.time_decoy()}以降なら出られます。\n"
                f"{self.name(p, 'tight')}"
            )
        elif v == 4:
            mother = self.person(
                male=False, born=date(1936, 1, 1) + timedelta(days=self.n(0, 6000))
            )
            mother = replace(mother, last=p.last, last_kana=p.last_kana, last_roma=p.last_roma)
            body = (
                f"母（{self.name(mother)}、{self.dob(mother.birth)}生まれ）の代わりに問い合わせます。"
                f"私は{self.c(('長男', '長女', '次男', '娘'))}の{self.name(p)}です。\n"
                f"母の携帯は{self.mobile(mother)}ですが、耳が遠いので私の番号{self.mobile(p)}にお願いします。\n"
                f"定期便の解約について、母の住所（{self.addr(mother)}）宛てに書類を送っていただけますか。"
            )
        elif v == 5:
            o = p.org
            body = (
                f"{self.date_decoy()}付の請求書（請求番号{self.invoice_no()}）の金額が{self.price()}になっていますが、"
                f"お見積りでは{self.price()}でした。ご確認のうえ、経理担当の{self.hon(p)}宛にご回答ください。\n\n"
                f"{self.emp(o)} 経理部\n{self.name(p)}\nTEL "
                f"{self.tel(self.phone_groups('land', p.loc))}"
                f"（直通）／ {self.mail(p, work=True)}"
            )
        elif v == 6:
            body = (
                f"はじめまして。{self.roma(p)}（{self.name(p)}）です。海外在住のため、"
                f"日本の電話番号は使えません。連絡は{self.mail(p)}か、"
                f"{self.tel(p.mobile, 'intl')}（LINE通話可）にお願いします。\n"
                f"配送先は実家の{self.zip_addr(p, sep=' ')}でお願いします。"
            )
        else:
            body = (
                f"昨日、{self.c(('お電話で', 'チャットで', '店頭で'))}対応いただいた件です。"
                f"担当の{self.surname_ref(self.person(), 'さん')}から折り返しのご連絡をいただけると"
                "聞いていましたが、"
                f"まだありません。{self.name(p)}、{self.any_tel(p.loc)}です。よろしくお願いします。"
            )
        tail = ""
        if self.p(0.5):
            agent = self.person()
            tail = self.c(
                (
                    f"\n\n--- 担当者メモ ---\n{self.name(agent)}：{self.time_decoy()}に折り返し済。"
                    "不在のため留守電。",
                    f"\n\n[社内] {self.surname_ref(agent, '')}が対応中。{self.loanword()}要否は明日"
                    "判断。",
                    f"\n\n対応者：{self.name(agent, 'tight')}／ 次回対応予定 {self.date_decoy()}",
                )
            )
        return head + body + tail

    def ticket_card(self) -> str:
        p = self.person()
        v = self.n(0, 4)
        if v == 0:
            return (
                f"件名：身に覚えのない請求について\n\n{self.name(p)}です。\n"
                f"クレジットカード（{self.card()}）の明細に、{self.date_decoy()}付で{self.price()}の"
                "利用がありますが、心当たりがありません。至急カードを止めてください。\n"
                f"本人確認用：生年月日 {self.dob(p.birth)}、登録電話番号 {self.mobile(p)}"
            )
        if v == 1:
            return (
                f"オペレーター記録 {self.dt_decoy()}\n"
                f"入電者：{self.name(p)}様（{self.kana(p)}）\n"
                f"本人確認：生年月日（{self.dob(p.birth)}）・ご住所一致\n"
                f"内容：カード紛失。{self.masked_card()}を利用停止し、再発行手続き。"
                f"再発行カードは{self.zip_addr(p, sep=' ')}宛に簡易書留で送付予定。\n"
                f"備考：ご本人様より、旧カード番号{self.card('plain')}は家族カードと共通か、との質問あり→別番号と回答。"
            )
        if v == 2:
            return (
                f"Web決済エラーの件で問い合わせです。カード番号を{self.card('plain')}と入力しても"
                "「このカードはご利用いただけません」と表示されます。"
                f"有効期限は{d('CARD_EXPIRY', f'{self.n(1, 12):02d}/{self.n(25, 31)}')}、"
                f"名義は{self.name(p, 'roma_caps')}です。\n{self.name(p)}（{self.mail(p)}）"
            )
        if v == 3:
            return (
                f"【返金依頼】\n注文番号：{self.order_no()}\nご購入者：{self.hon(p)}\n"
                f"返金先：ご利用カード（{self.masked_card()}）へ返金\n"
                f"※お客様がフォームの備考欄にカード番号全桁（{self.card()}）を記入されているため、"
                "対応後にこの欄を削除すること。"
            )
        return (
            f"{self.name(p)}様からのメール転記：\n"
            "「先日はありがとうございました。引き落とし口座を変更したいのですが、"
            f"新しい口座は{self.bank_line()}です。カードは引き続き"
            f"{self.card()}を使います。」\n→ 口座振替依頼書を郵送済み（{self.date_decoy()}）"
        )

    # ---------------------------------------------------------------- prose: 議事録
    def minutes(self) -> str:
        people = [self.person() for _ in range(self.n(3, 5))]
        titles = [self.c(("部長", "課長", "", "", "主任", "マネージャー")) for _ in people]
        att = "、".join(
            self.surname_ref(q, t) if t and self.p(0.6) else self.name(q) + (t or "")
            for q, t in zip(people, titles, strict=True)
        )
        project = self.c(
            (
                "基幹システム刷新",
                "新商品企画",
                "物流拠点移転",
                "販売管理リプレイス",
                "採用計画",
                "展示会準備",
            )
        )
        partner = self.partner()
        cust = self.person()
        lines = [
            f"第{self.n(2, 30)}回 {project}プロジェクト定例 議事録",
            f"日時：{self.date_decoy(style='kanji_week')} {self.time_range()}",
            f"場所：本社 {self.room_decoy()}（Teams併用）",
            f"出席者：{att}",
            f"記録：{self.name(self.person(), 'tight')}",
            "",
            "1. 進捗報告",
            f"・{partner}から見積（{self.price()}）を受領。{self.surname_ref(people[0], 'さん')}よ"
            "り、"
            f"{self.version()}へのアップデートは{self.date_decoy()}予定との報告。",
            f"・{self.c(_LOANWORDS)}については"
            f"{self.surname_ref(people[1], 'さん')}が資料を作成中。",
            "2. 課題",
        ]
        v = self.n(0, 3)
        if v == 0:
            lines.append(
                f"・顧客の{self.hon(cust)}（{self.city_decoy()}在住）から、配送遅延のクレームが2件。"
                f"連絡先は{self.mobile(cust)}。折り返しは{self.surname_ref(people[-1], 'さん')}が担"
                "当する。"
            )
        elif v == 1:
            lines.append(
                f"・テスト環境（{self.ip()}）に本番の顧客データが混入していた。"
                f"例：{self.name(cust)}、{self.mail(cust)}、{self.zip_addr(cust, sep=' ')}。"
                "至急削除し、マスキング手順を見直す。"
            )
        elif v == 2:
            lines.append(
                f"・{self.city_decoy()}拠点の移転に伴い、代表番号が"
                f"{self.tel(self.phone_groups('land'), 'hy', 'company')}"
                f"に変わる。{self.date_decoy()}以降、旧番号は自動音声案内。"
            )
        else:
            lines.append(
                f"・{self.partner()}との契約更新。先方窓口は{self.surname_ref(cust, '様')}"
                f"（{self.mail(cust, work=True)}）。価格改定{self.price()}の提示あり。"
            )
        lines += [
            "3. 決定事項",
            f"・次回は{self.date_decoy()}、同じく{self.room_decoy()}にて。",
            f"・{self.surname_ref(people[2], 'さん')}は{self.loanword()}の案を来週までに共有。",
            "以上",
        ]
        return "\n".join(lines)

    # ---------------------------------------------------------------- prose: 日報
    def nippo(self) -> str:
        me = self.person()
        lead = self.person()
        prospect = self.person()
        day = self.date_decoy(style=self.c(("kanji_week", "slash0", "md_week")))
        lines = [
            self.c((f"日報 {day}", f"【営業日報】{day}", f"業務報告（{day}）")),
            f"氏名：{self.name(me)}　所属：{self.c(_DEPTS)}",
            "",
            "■本日の業務",
            f"・{self.partner()}様訪問（{self.city_decoy()}）。担当の{self.surname_ref(lead, '様')}"
            "と"
            f"{self.c(_PRODUCTS)}の追加発注について打合せ。次回訪問は{self.date_decoy()}。",
        ]
        v = self.n(0, 3)
        if v == 0:
            lines.append(
                f"・新規見込み客：{self.hon(prospect)}（個人事業主、{self.c(_JOBS)}）。"
                f"TEL {self.any_tel(prospect.loc)}、メール {self.mail(prospect)}。資料を郵送する"
                f"（送付先 {self.zip_addr(prospect, sep=' ')}）。"
            )
        elif v == 1:
            lines.append(
                f"・展示会で名刺交換した{self.name(prospect)}さんから電話あり。"
                f"{self.emp(prospect.org)}にお勤めで、来月から購買担当になるとのこと。"
                f"携帯：{self.mobile(prospect)}"
            )
        elif v == 2:
            lines.append(
                f"・{self.shop()}の店長と立ち話。駅前再開発で{self.date_decoy()}に閉店予定とのこと。"
                f"見積は{self.price()}、納期{self.n(2, 6)}週間で回答済み。"
            )
        else:
            lines.append(
                f"・既存客 {self.name(prospect, 'tight')}様宅にて設置作業（{self.addr(prospect)}）"
                "。"
                f"奥様から、今後の連絡は{self.home(prospect)}ではなく携帯{self.mobile(prospect)}に、とのこと。"
            )
        lines += [
            "",
            "■所感",
            self.c(
                (
                    f"価格より納期重視の顧客が増えている印象。{self.loanword()}の見直しが必要。",
                    f"移動が多く事務処理が溜まった。明日午前中に{self.surname_ref(lead, 'さん')}分"
                    "の見積を出す。",
                    "特になし。",
                    f"{self.station()}周辺で競合のチラシを多く見かけた。",
                )
            ),
        ]
        return "\n".join(lines)

    # ---------------------------------------------------------------- prose: chat logs
    def chat(self) -> str:
        members = [self.person() for _ in range(self.n(2, 4))]
        cust = self.person()
        style = self.n(0, 2)
        disp = [self.name(m, self.c(("sp", "tight", "roma"))) for m in members]
        msgs: list[Callable[[], str]] = [
            lambda: (
                f"{self.surname_ref(cust, 'さん')}の新しい携帯、{self.mobile(cust)}です。CRM更新お"
                "願いします"
            ),
            lambda: f"請求書の送付先って{self.zip_addr(cust, sep=' ')}で合ってます？",
            lambda: f"{self.version()}、ステージングにデプロイしました。{self.ip()}で確認できます",
            lambda: f"{self.city_decoy()}の現場、明日{self.time_decoy()}集合でお願いします",
            lambda: f"{self.hon(cust)}から電話ありました。折り返し先 {self.any_tel(cust.loc)}",
            lambda: "了解です！",
            lambda: "ありがとうございます🙏",
            lambda: f"{self.order_no()}の件、まだ出荷されてないみたいです",
            lambda: f"{self.name(cust)}さんのメアド、{self.mail(cust)}に変わったそうです",
            lambda: f"すみません、{self.surname_ref(members[0], 'さん')}いまどこですか？",
            lambda: f"ランチ{self.shop()}行く人〜",
            lambda: f"{self.loanword()}の資料、共有フォルダに置きました",
            lambda: (
                f"お客さん（{self.name(cust, 'kana')}様）の生年月日、{self.dob(cust.birth)}で登録し"
                "ちゃったけど"
                "合ってるか確認お願いします"
            ),
            lambda: f"会議室{self.room_decoy()}押さえました",
            lambda: f"{self.partner()}さんへの納品、{self.date_decoy()}に延期です",
            lambda: f"@here {self.jan()}のJANで在庫照会したら0でした",
            lambda: (
                f"{self.surname_ref(cust, 'さん')}の勤務先、{self.emp(cust.org)}でしたよね？与信で"
                "必要で"
            ),
        ]
        out = []
        if style == 1:
            out.append(
                f"# {self.c(('sales-team', 'cs-support', '営業一課', 'dev-ops', 'general'))}"
            )
        minutes = sorted(self.n(8 * 60, 19 * 60) for _ in range(self.n(4, 8)))
        for minute in minutes:
            who = self.n(0, len(members) - 1)
            hh, mm = divmod(minute, 60)
            msg = self.c(msgs)()
            if style == 0:
                out.append(f"[{d('TIME', f'{hh:02d}:{mm:02d}')}] {disp[who]}: {msg}")
            elif style == 1:
                out.append(f"{disp[who]}  {d('TIME', f'{hh}:{mm:02d}')}\n{msg}")
            else:
                out.append(f"{d('TIME', f'{hh:02d}:{mm:02d}')}\t{disp[who]}\t{msg}")
        return "\n".join(out)

    # ---------------------------------------------------------------- prose: CRM notes
    def note(self) -> str:
        p = self.person()
        day = d("EVENT_DATE", f"{self.n(1, 12)}/{self.n(1, 28)}", "md")
        v = self.n(0, 9)
        if v == 0:
            return (
                f"{day} {self.name(p, 'hw')}様より入電。ｸﾚｰﾑではなく確認のみ。"
                f"TEL{self.tel(p.mobile, self.c(('fw', 'choon', 'fw_plain')), 'mobile')}（携帯）、"
                f"自宅は{self.home(p)}。住所ﾍﾝｺｳあり→{self.zip_addr(p, sep=' ')}"
            )
        if v == 1:
            return (
                f"{self.hon(p, 'tight')}　折り返しTEL済み。奥さまが出られて本人不在、夜"
                f"{self.time_decoy()}以降に"
                f"再度かけなおす。電和番号は{self.tel(p.home, 'hy', 'landline')}でまちがいなし。"
                "（メモ：前回の担当はやめたので引継ぎ）"
            )
        if v == 2:
            return (
                f"ご住所変更の依頼あいr。旧　{self.pref_decoy()}→新　{self.addr(p)}\n"
                f"〒は{self.zip(p.loc, 'fw')}。メールアドレスわ{self.mail(p)}のまま。"
                f"{self.name(p)}さま"
            )
        if v == 3:
            return (
                f"★要注意★ {self.name(p)}（{self.kana(p, 'hw')}）様\n"
                "過去に配送トラブル2回。電話は必ずこちらから→"
                f"{self.tel(p.mobile, 'plain', 'mobile')}　平日昼はつながりにくい\n"
                f"DOB {self.dob(p.birth, self.c(('slash', 'era_dot', 'iso')))}（本人確認用）"
            )
        if v == 4:
            return (
                f"来店メモ {day}\n{self.name(p, 'fw')}様（{p.last_kana}様）、"
                f"{self.c(_PRODUCTS)}の取り寄せ希望。入荷したら{self.mobile(p)}にSMS。"
                f"お勤め先が{self.emp(p.org)}で、社割の対象か確認してほしいとのこと。"
            )
        if v == 5:
            return (
                f"お客さま情報メモ（ｼｽﾃﾑ未登録）\n名前：{self.name(p)}　"
                f"ﾌﾘｶﾞﾅ：{self.kana(p, 'hw')}\n"
                f"でんわ：{self.tel(p.mobile, 'fw', 'mobile')}\nめーる：{self.mail(p)}\n"
                f"すまい：{self.addr(p, style='allkanji')}\n"
                "※登録後このメモは破棄してください"
            )
        if v == 6:
            q = self.person()
            return (
                f"{day} 訪問時に{self.surname_ref(q, '様')}（お隣の方）から伝言。"
                f"{self.surname_ref(p, '様')}は入院中で、しばらく連絡は娘さんの{self.name(q)}さん"
                f"（{self.mobile(q)}）へ、とのこと。ご自宅は{self.addr(p, pref=False)}。"
            )
        if v == 7:
            return (
                f"誕生日（{self.dob(p.birth)}）に"
                f"クーポン送付希望。{self.name(p)}様　会員{self.member_id()}　{self.mail(p)}"
            )
        if v == 8:
            return (
                f"ｷｬﾝｾﾙ待ち登録：{self.name(p, 'kana_tight')}ｻﾏ、{self.n(2, 6)}名、"
                f"{self.date_decoy(style='md_week')}希望、連絡先"
                f"{self.tel(p.mobile, 'choon', 'mobile')}"
            )
        return (
            f"{self.name(p, 'roma')}さん（日本語少しOK）\n携帯 "
            f"{self.tel(p.mobile, 'intl_sp', 'mobile')}、"
            f"勤務先は{self.emp(p.org)}の{self.c(('横浜', '大阪', '名古屋', '福岡'))}支社とのこと。"
            f"住所：{self.addr(p)}"
        )

    # ---------------------------------------------------------------- prose: business e-mail
    def signature(self, p: Person, work_mail: bool = True) -> str:
        o = p.org
        dept = self.c(_DEPTS)
        loc = p.loc
        office = replace(p, building=self.office_building(p.loc), room="")
        lines = [self.c(("--", "──────────────────", "━━━━━━━━━━━━━━━━", "*" * 30))]
        lines.append(self.emp(o))
        lines.append(
            f"{dept} {self.c(('', '', '課長 ', '主任 ', 'マネージャー '))}{self.name(p)}"
            + (f"（{self.roma(p)}）" if self.p(0.3) else "")
        )
        if self.p(0.7):
            lines.append(f"〒{self.zip(loc)} {self.addr(office)}")
        land = self.phone_groups("land", loc)
        fax = (land[0], land[1], f"{(int(land[2]) + 1) % 10000:04d}")
        while not phone_is_valid("-".join(fax)):
            fax = (fax[0], fax[1], self.digits(4))
        lines.append(
            f"TEL：{self.tel(land, kind='office')}"
            + (f"　FAX：{self.tel(fax, kind='fax')}" if self.p(0.5) else "")
        )
        if self.p(0.5):
            lines.append(f"{self.c(('携帯', 'Mobile', 'ケータイ'))}：{self.mobile(p)}")
        lines.append(f"{self.c(('E-mail', 'Mail', 'メール'))}：{self.mail(p, work=work_mail)}")
        if self.p(0.4):
            lines.append(d("URL", f"https://www.{o.domain}/"))
        return "\n".join(lines)

    def mail_thread(self) -> str:
        me, you = self.person(), self.person()
        v = self.n(0, 4)
        opening = (
            f"{self.emp(you.org)}\n{self.name(you)}様\n\n"
            if self.p(0.4)
            else f"{self.surname_ref(you, '様')}\n\n"
        )
        intro = (
            "いつもお世話になっております。\n"
            f"{self.emp(me.org)}の{g(PER, me.last, 'surname')}です。\n\n"
        )
        if v == 0:
            body = (
                f"{self.date_decoy()}のお打合せでは大変ありがとうございました。\n"
                f"ご依頼の見積書（{self.invoice_no()}）を添付いたします。合計{self.price()}となります。\n"
                f"なお、{self.date_decoy()}から{self.date_decoy()}まで不在のため、"
                f"急ぎの場合は携帯（{self.mobile(me)}）までご連絡ください。"
            )
        elif v == 1:
            body = (
                f"弊社担当が{self.surname_ref(self.person(), '')}から私に変更となりました。"
                f"今後ともよろしくお願いいたします。\n請求書の送付先が変わりましたのでご確認ください。\n"
                f"〒{self.zip(you.loc)} {self.addr(you)}\n{self.emp(you.org)} 経理部 "
                f"{self.name(you)}様"
            )
        elif v == 2:
            body = (
                f"先日ご紹介いただいた{self.hon(self.person())}にご連絡したところ、"
                f"{self.partner()}との取引があるとのことでした。\n"
                f"打合せ候補日：{self.date_decoy()}、{self.date_decoy()}（いずれも{self.time_decoy()}〜）"
            )
        elif v == 3:
            body = (
                "アカウント発行の件、承知いたしました。\n"
                f"ログインID：{self.mail(you, work=True)}\n初期パスワードは別途お電話でお伝えします"
                "。"
                f"（{self.tel(self.phone_groups('land', you.loc), kind='office')}宛てでよろしいでし"
                "ょうか）"
            )
        else:
            body = (
                f"新任のご挨拶です。{self.date_decoy()}付で{self.c(_DEPTS)}に異動となりました。"
                f"前任の{self.surname_ref(self.person(), '')}同様、よろしくお願いいたします。"
            )
        text = (
            opening
            + intro
            + body
            + "\n\nよろしくお願いいたします。\n\n"
            + self.signature(me, self.p(0.85))
        )
        if self.p(0.45):
            quoted = (
                f"{self.surname_ref(me, '様')}\n\nお世話になっております。\n"
                f"{self.emp(you.org)}の{self.name(you)}です。\n"
                f"{self.c(_REPLY_LINES)}\n\n" + self.signature(you)
            )
            header = (
                f"\n\n{self.date_decoy(style='slash0')} {self.time_decoy()} "
                f"{self.name(you)} <{self.mail(you, work=True)}>:\n"
            )
            text += header + "\n".join("> " + line if line else ">" for line in quoted.split("\n"))
        return text

    # ---------------------------------------------------------------- prose: press release
    def press(self) -> str:
        o = self.org()
        ceo = self.person(male=self.p(0.8))
        pr = self.person()
        partner = self.org()
        product = self.c(
            (
                "クラウド勤怠管理サービス",
                "AI需要予測システム",
                "ペット向け見守りカメラ",
                "冷凍ミールキット",
                "法人向けセキュリティ診断",
                "物流ロボット",
            )
        )
        v = self.n(0, 2)
        issuer = d("ISSUER_COMPANY", self.org_text(o))
        head = f"報道関係者各位\n{self.date_decoy(style='kanji')}\n{issuer}\n\n"
        if v == 0:
            body = (
                f"{d('ISSUER_COMPANY', self.org_text(o))}（本社："
                f"{d('PREF_CITY', ceo.loc.pref + ceo.loc.city)}、"
                f"代表取締役社長：{self.name(ceo)}、以下当社）は、{self.partner(partner)}と{product}の共同開発に関する"
                f"業務提携契約を締結しましたので、お知らせいたします。\n\n"
                f"■提供開始：{self.date_decoy()}\n■価格：月額{self.price()}（税込）\n"
                f"■対応OS：iOS {self.version()}以降\n"
            )
        elif v == 1:
            body = (
                f"{d('ISSUER_COMPANY', self.org_text(o))}は、{self.date_decoy()}に"
                f"{self.city_decoy()}に新工場を開設します。"
                f"新工場の投資額は約{self.n(10, 90)}億円、従業員は約{self.n(50, 400)}名を予定してい"
                "ます。"
                f"代表取締役 {self.name(ceo)}は「地域の{self.loanword()}にも貢献したい」と述べてい"
                "ます。\n"
                f"工場所在地：〒{self.zip(ceo.loc)} "
                f"{self.addr(replace(ceo, building='', room=''))}\n"
            )
        else:
            body = (
                f"{d('ISSUER_COMPANY', self.org_text(o))}（法人番号：{self.corp()}）は、"
                f"{self.partner()}、{self.partner()}とともに、{self.pref_decoy()}で開催される"
                f"「{self.c(('スマート物流EXPO', 'DXフェア', '食の安全展'))}{self.n(2023, 2025)}」"
                f"（会期：{self.date_decoy()}〜{self.date_decoy()}）に出展します。ブース番号は{self.room_decoy()}です。\n"
            )
        contact = (
            f"\n【本件に関するお問い合わせ先】\n{self.emp(o)} "
            f"{self.c(('広報部', '広報・IR室', '経営企画部 広報担当'))}"
            f" {self.name(pr)}\nTEL：{self.tel(self.phone_groups('land'), 'hy', 'office')}　"
            f"E-mail：{self.role_mail(o.domain)}"
        )
        return head + body + contact

    # ---------------------------------------------------------------- prose: HR interview
    def hr_interview(self) -> str:
        p = self.person()
        boss = self.person()
        new_org = self.org()
        v = self.n(0, 2)
        head = (
            f"面談記録（{self.date_decoy()}）\n対象者：{self.name(p)}（{self.c(_DEPTS)}、社員番号{self.employee_id()}）\n"
            f"面談者：{self.name(boss)}{self.c(('課長', '部長', ''))}\n\n"
        )
        if v == 0:
            mother = self.person(
                male=False, born=date(1940, 1, 1) + timedelta(days=self.n(0, 5000))
            )
            body = (
                f"本人より、{self.n(1, 12)}月末で退職したい旨の申し出があった。理由は家族の介護との"
                "こと。"
                f"実家は{self.pref_decoy()}で、母親（{self.dob(mother.birth)}生）が一人暮らしをしている。"
                f"転職先は地元の{self.emp(new_org)}で、{self.date_decoy()}入社予定。"
                f"引継ぎは{self.surname_ref(boss, 'さん')}と相談のうえ進める。退職後の連絡先は"
                f"{self.mobile(p)}。"
            )
        elif v == 1:
            body = (
                f"中途入社{self.n(1, 3)}年目。前職の{self.emp(p.org)}では{self.c(_JOBS)}を"
                f"{self.n(2, 9)}年担当しており、"
                f"現部署の業務には概ね適応している。残業は月{self.n(10, 40)}時間程度。"
                f"本人から、{self.date_decoy()}に第二子出産予定のため育休を取りたいとの相談があった。"
                f"配偶者（{self.name(self.person())}）の勤務先は{self.emp(self.org())}。"
            )
        else:
            child = self.person(born=self.child_birth())
            body = (
                f"住宅手当の申請について確認。{self.date_decoy()}に{self.addr(p)}へ転居済み。"
                f"扶養家族の追加申請あり：子（{self.name(replace(child, last=p.last), 'first')}、"
                f"{self.dob(child.birth, self.c(('era', 'kanji', 'era_dot')))}生まれ）。"
                f"マイナンバーは後日、人事部の{self.surname_ref(boss, 'さん')}へ直接提出する。"
            )
        return head + body + self.c(("\n\n次回面談：" + self.date_decoy(), "", "\n\n以上"))

    # ---------------------------------------------------------------- prose: 住所変更届 (mail)
    def moving(self) -> str:
        p = self.person()
        old = replace(self.person(), last=p.last)
        v = self.n(0, 2)
        if v == 0:
            return (
                f"総務部 御中\n\nお疲れさまです。{self.c(_DEPTS)}の{self.name(p)}です。\n"
                f"{self.date_decoy()}付で下記へ転居しましたので、届出いたします。\n\n"
                f"新住所：〒{self.zip(p.loc)}\n　　　　{self.addr(p)}\n"
                f"旧住所：{self.addr(old)}\n\n"
                f"新しい固定電話はまだ引いておらず、連絡は携帯（{self.mobile(p)}）のみとなります。\n"
                f"通勤経路は{self.station()}から{self.station()}まで、定期代は"
                f"{self.price(8000, 90000)}（{self.c((1, 3, 6))}か月）です。\n"
                "住民票の写しは来週提出します。よろしくお願いします。"
            )
        if v == 1:
            return (
                f"件名：住所変更のお知らせ（{self.name(p)}）\n\n"
                "拝啓　時下ますますご清栄のこととお慶び申し上げます。\n"
                f"さて、このたび私儀、下記に転居いたしました。お近くにお越しの際はぜひお立ち寄りください。\n\n"
                f"　〒{self.zip(p.loc, 'hy')}\n　{self.addr(p, style='kchome')}\n"
                f"　電話　{self.home(p, 'paren_area' if len(p.home[0]) < 5 else 'hy')}\n\n敬具"
                f"\n\n{self.name(p, 'fw')}"
            )
        return (
            f"【ｼｽﾃﾑ自動送信】住所変更を受け付けました\n\n{self.name(p)} 様\n\n"
            "以下の内容で登録情報を変更しました。お心当たりがない場合は、至急サポートまでご連絡ください。\n"
            f"・郵便番号：{self.zip(p.loc)}\n・住所１："
            f"{self.addr(replace(p, building=''), building=False)}\n"
            + (
                f"・住所２：{g(ADR, p.building + (' ' + p.room if p.room else ''), 'building')}\n"
                if p.building
                else ""
            )
            + f"・変更日時：{self.dt_decoy()}\n\nサポートセンター "
            f"{self.tel(self.phone_groups('free'), 'hy', 'free')}"
            f"（{self.time_range()}）"
        )

    # ---------------------------------------------------------------- prose: job applications
    def candidate(self) -> str:
        p = self.person(born=date(1975, 1, 1) + timedelta(days=self.n(0, 9000)))
        v = self.n(0, 2)
        if v == 0:
            return (
                f"件名：中途採用への応募（{self.name(p)}）\n\n採用ご担当者様\n\n"
                f"初めてご連絡いたします。{self.name(p)}（{self.kana(p, 'hira')}）と申します。"
                f"{self.dob(p.birth, self.c(('kanji', 'era', 'both')))}生まれの"
                f"{self.age(p)}です。\n"
                f"現在は{self.emp(p.org)}にて{self.c(_JOBS)}として勤務しております。"
                f"貴社の{self.c(_JOBS)}職の求人（求人番号{self.member_id()}）を拝見し、応募いたしました。\n"
                f"履歴書と職務経歴書を添付いたします。\n\n連絡先：{self.mobile(p)} ／ "
                f"{self.mail(p)}\n"
                f"住所：{self.zip_addr(p, sep=' ')}"
            )
        if v == 1:
            prev = self.org()
            return (
                f"{self.name(p)}さん 一次面接メモ"
                f"（面接官：{self.surname_ref(self.person(), '')}）\n"
                f"・{self.emp(prev)}に新卒入社、{self.n(3, 10)}年在籍後、現在は{self.emp(p.org)}に"
                "勤務。\n"
                f"・転職理由：{self.c(('キャリアアップ', '勤務地', '給与', '事業の将来性'))}。"
                f"現年収{self.salary()}、希望は{self.salary()}。\n"
                f"・最寄りは{self.station()}、通勤{self.n(20, 80)}分。\n"
                f"・評価：B＋。二次面接は{self.date_decoy()} {self.time_decoy()}〜、"
                f"{self.room_decoy()}で調整。"
            )
        return (
            f"エージェント経由の推薦：{self.name(p, 'roma_up')}（{self.name(p)}）\n"
            f"生年月日：{self.dob(p.birth)}\n現職：{self.emp(p.org)}（{self.date_decoy(style='slash0')}入社）\n"
            f"希望勤務地：{self.city_decoy()}\n連絡はエージェント担当 {self.name(self.person())}"
            f"（{self.tel(self.phone_groups('land'), 'hy', 'office')}）経由でお願いします。"
        )

    # ---------------------------------------------------------------- prose: incident report
    def incident(self) -> str:
        rep, cust, wrong = self.person(), self.person(), self.person()
        v = self.n(0, 1)
        if v == 0:
            return (
                "【インシデント報告】メール誤送信について\n"
                f"発生日時：{self.dt_decoy()}\n報告者：{self.name(rep)}（{self.c(_DEPTS)}）\n\n"
                f"概要：顧客{self.hon(cust)}宛ての見積書を、誤って{self.hon(wrong)}（{self.mail(wrong)}）に送信した。"
                f"添付ファイルには{self.surname_ref(cust, '様')}の氏名、住所（{self.addr(cust)}）、"
                f"電話番号（{self.any_tel(cust.loc)}）が含まれていた。\n"
                f"対応：{self.time_decoy()}に{self.surname_ref(wrong, '様')}へ電話（"
                f"{self.mobile(wrong)}）し、"
                "削除を依頼、了承を得た。\n"
                f"原因：宛先のオートコンプリート。再発防止として送信前の{self.loanword()}を徹底する。"
            )
        return (
            f"セキュリティインシデント速報 {self.dt_decoy()}\n"
            f"{self.ip()}から顧客管理画面への不審なアクセスを検知。閲覧された可能性のあるレコード："
            f"{self.n(3, 40)}件。"
            f"うち1件目は{self.name(cust)}（{self.dob(cust.birth, 'slash0')}生、{self.mail(cust)}）"
            "。"
            f"カード情報はトークン化済みのため流出なし（{self.masked_card()}のみ表示）。"
            f"初動対応者：{self.name(rep)}、{self.surname_ref(wrong, '')}"
        )

    # ---------------------------------------------------------------- prose: 社内報
    def newsletter(self) -> str:
        p = self.person(born=date(1985, 1, 1) + timedelta(days=self.n(0, 6000)))
        v = self.n(0, 2)
        if v == 0:
            return (
                f"【新しい仲間を紹介します】\n{self.c(_DEPTS)}に配属された{self.name(p)}さん。"
                f"前職は{self.emp(p.org)}で{self.c(_JOBS)}を{self.n(2, 10)}年間担当していました。"
                f"出身は{self.pref_decoy()}、趣味はキャンプで、週末は{self.city_decoy()}の山に出かけることが多いそう。"
                f"「早く{self.loanword()}に慣れたいです」とのこと。みなさん、気軽に声をかけてください！"
            )
        if v == 1:
            child = self.person(born=date(2023, 1, 1) + timedelta(days=self.n(0, 500)))
            return (
                f"【おめでとうございます】\n{self.c(_DEPTS)}の{self.name(p)}さんに第一子となる"
                f"{self.c(('長男', '長女'))}・{self.name(replace(child, last=p.last), 'first')}ちゃ"
                "んが誕生しました"
                f"（{self.dob(child.birth, self.c(('kanji', 'era', 'era_dot')))}生まれ）。"
                f"{self.surname_ref(p, 'さん')}は{self.date_decoy()}から育休に入ります。"
            )
        return (
            f"【永年勤続表彰】\n今年度の20年表彰は{self.name(p)}さん、{self.name(self.person())}さん、"
            f"{self.name(self.person())}さんの3名です。{self.date_decoy()}の全社会議（{self.room_decoy()}）で表彰します。"
            f"記念品は{self.c(_PRODUCTS)}（{self.price()}相当）。"
        )

    # ---------------------------------------------------------------- prose: English memo
    def english(self) -> str:
        p = self.person()
        v = self.n(0, 2)
        if v == 0:
            return (
                "Employee Onboarding Summary (confidential)\n"
                f"Name: {self.roma(p)} / {self.name(p)}\n"
                f"Date of Birth: {self.dob(p.birth, self.c(('en_dmy', 'en_mdy', 'iso')))}\n"
                f"Previous employer: {g(EMP, p.org.en, 'english')}\n"
                f"Home address: {self.addr_en(p)} {self.zip(p.loc)}\n"
                f"Mobile: {self.tel(p.mobile, 'intl', 'mobile')}\nPersonal e-mail: {self.mail(p)}\n"
                f"Start date: {self.date_decoy(style='iso')}. Laptop asset tag "
                f"{self.product_code()}."
            )
        if v == 1:
            return (
                f"Hi team,\n\n{self.roma(p)} from {g(EMP, p.org.en, 'english')} will visit our Osak"
                "a office on "
                f"{self.date_decoy(style='iso')} at {self.time_decoy()}. {p.first_roma} was born on"
                " "
                f"{self.dob(p.birth, self.c(('en_mdy', 'en_abbr')))}, which we need for the buildin"
                "g pass. "
                f"Please reach {p.first_roma} at {self.mail(p, work=True)} or "
                f"{self.tel(p.mobile, 'intl_sp', 'mobile')}.\n\nThanks,\n{self.roma(self.person())}"
            )
        return (
            f"Incident #{self.n(1000, 9999)}: the CSV upload from {self.ip()} (client "
            f"{self.version()}) contained "
            f'unmasked customer data, e.g. "{self.name(p)}", "{self.mail(p)}", "'
            f'{self.tel(p.mobile, "hy", "mobile")}". '
            f"Ticket owner: {self.roma(self.person())}. The file was deleted on "
            f"{self.date_decoy(style='iso')}."
        )

    # ---------------------------------------------------------------- prose: SMS / LINE
    def sms(self) -> str:
        p, q = self.person(), self.person()
        v = self.n(0, 4)
        if v == 0:
            return (
                f"お疲れ様です！明日の件、{self.surname_ref(q, 'さん')}の携帯{self.mobile(q)}に直接"
                "かけてもらえますか？"
                f"私は{self.time_decoy()}まで会議です🙇 {g(PER, p.last, 'surname')}"
            )
        if v == 1:
            return (
                f"【{self.c(_SHOPS)}】{self.name(p)}様 ご予約ありがとうございます。"
                f"{self.date_decoy(style='md_week')}"
                f" {self.time_decoy()}〜 お待ちしております。変更は"
                f"{self.tel(self.phone_groups('land'), 'hy', 'shop')}まで"
            )
        if v == 2:
            return (
                f"ママへ　住所これで合ってる？{self.zip_addr(p, sep=' ')}　"
                f"荷物は{self.surname_ref(p, '')}で出してね。あと私の新しいメール{self.mail(q)}"
            )
        if v == 3:
            return (
                f"{self.hon(q, 'first')}　ごめん今電車！{self.station()}着いたら電話する。"
                f"もし急ぎなら会社の番号{self.tel(self.phone_groups('land'), 'hy', 'office')}内線"
                f"{self.n(100, 999)}に"
            )
        return (
            f"不在連絡票：{self.name(p)}様 お荷物をお届けに参りましたがご不在でした。伝票番号"
            f"{self.tracking()}。"
            f"再配達は{self.tel(self.phone_groups('navi'), 'hy', 'navi')}へ。ドライバー"
            f"{self.surname_ref(q, '')}"
            f"（{self.mobile(q)}）"
        )

    # ---------------------------------------------------------------- prose: foreign staff
    def foreign(self) -> str:
        ja, en, country = self.foreigner()
        born = date(1975, 1, 1) + timedelta(days=self.n(0, 9500))
        boss = self.person()
        home = self.person()
        v = self.n(0, 2)
        if v == 0:
            return (
                f"在留資格更新の件\n\n{g(PER, ja, 'foreign')}さん（国籍：{d('COUNTRY', country)}）"
                "の在留カード"
                f"（番号：{self.residence()}）の期限が{self.date_decoy()}で切れるため、"
                f"{self.date_decoy()}までに入管へ申請が必要です。パスポート（旅券番号{self.foreign_passport()}）の"
                f"コピーも添付してください。担当：{self.name(boss)}"
            )
        if v == 1:
            return (
                f"技能実習生受入れメモ\n氏名：{g(PER, en, 'foreign_roma')}（{g(PER, ja, 'foreign')}"
                "）\n"
                f"生年月日：{self.dob(born, self.c(('iso', 'slash0', 'kanji', 'en_dmy')))}\n"
                f"在留カード番号：{self.residence()}\n"
                f"住居：会社借上げ寮 {self.addr(home)}\n"
                f"緊急連絡先（監理団体）：{self.tel(self.phone_groups('land'), 'hy', 'office')}\n"
                f"配属：{self.c(_DEPTS)}、指導員は{self.surname_ref(boss, 'さん')}。"
            )
        return (
            f"{g(PER, en, 'foreign_roma')}さんから相談：銀行口座を作りたいが、在留カード（"
            f"{self.residence()}）の住所が"
            f"旧住所のままで断られたとのこと。区役所で住所変更をしてから、{self.c(_BANKS)}で再申請するよう案内。"
            f"本人携帯 {self.tel(self.phone_groups('mobile'), 'hy', 'mobile')}。通訳は"
            f"{self.name(boss)}さんに依頼。"
        )

    # ---------------------------------------------------------------- prose: 社会保険/マイナンバー
    def pension_memo(self) -> str:
        p = self.person()
        hr = self.person()
        v = self.n(0, 2)
        if v == 0:
            return (
                f"年金事務所への届出メモ（{self.date_decoy()}）\n{self.name(p)}さん（基礎年金番号 "
                f"{self.pension()}）の"
                f"資格取得届を提出。年金手帳が見つからないとのことで、マイナンバー（{self.my_number()}）で代替。"
                f"前職の{self.emp(p.org)}での加入記録は本人確認済み。処理："
                f"{self.surname_ref(hr, '')}"
            )
        if v == 1:
            return (
                f"{self.surname_ref(p, 'さん')}から個人番号の提出がありました。\n"
                f"個人番号：{self.my_number()}\n扶養：配偶者 {self.name(self.person())}"
                f"（個人番号 {self.my_number()}）\n"
                f"番号確認は通知カード、身元確認は運転免許証（{self.licence(p)}）で実施。"
                f"あわせて基礎年金番号（{self.pension()}）も台帳に登録した。"
                "原本はすぐに返却し、コピーは施錠キャビネットへ。"
            )
        return (
            f"源泉徴収票の再発行依頼。{self.name(p)}様（{self.dob(p.birth, 'era')}生）、"
            f"退職日{self.date_decoy()}、在籍時の所属は{self.c(_DEPTS)}。"
            f"送付先：{self.zip_addr(p, sep=' ')}。マイナンバー欄は記載せずに発行する（本人希望）。"
            f"照合用の基礎年金番号は{self.pension()}。"
        )

    # ---------------------------------------------------------------- prose: nothing to find
    def negative_prose(self) -> str:
        v = self.n(0, 8)
        if v == 0:
            return (
                f"【システムメンテナンスのお知らせ】\n{self.date_decoy(style='kanji_week')} "
                f"{self.time_range()}、基幹システム（{self.version()}）のメンテナンスを実施します。\n"
                f"対象サーバ：{self.ip()}、{self.ip()}\n影響範囲：{self.city_decoy()}拠点および{self.city_decoy()}拠点の"
                f"受注入力。メンテナンス後は{self.version()}にアップデートされます。"
            )
        if v == 1:
            return (
                f"第{self.n(3, 30)}回 {self.c(('みなと', '北陸', '湘南', '博多'))}ビジネスフェア 開"
                "催のご案内\n"
                f"日時：{self.date_decoy()} {self.time_range()}\n会場："
                f"{self.city_decoy()}国際展示場 "
                f"{self.room_decoy()}\n入場料：{self.price()}（事前登録で無料）\n出展企業：{self.partner()}、"
                f"{self.partner()}、{self.partner()} ほか{self.n(20, 120)}社"
            )
        if v == 2:
            return (
                f"出張報告：{self.date_decoy()}、{self.station()}から特急で{self.city_decoy()}へ。"
                f"午前は{self.partner()}の工場見学、午後は{self.partner()}と価格交渉。昼食は駅前の{self.shop()}。"
                f"交通費合計{self.price()}、宿泊費{self.price()}。"
            )
        if v == 3:
            return (
                f"新商品のご案内\n{self.c(_PRODUCTS)}（品番：{self.product_code()}／JAN：{self.jan()}）\n"
                f"希望小売価格：{self.price()}　発売日：{self.date_decoy()}\n"
                f"{self.c(_PRODUCTS)}（品番：{self.product_code()}／JAN：{self.jan()}）\n希望小売価格：{self.price()}\n"
                f"※{self.pref_decoy()}・{self.pref_decoy()}は{self.date_decoy()}以降の入荷となります。"
            )
        if v == 4:
            return (
                f"{self.loanword()}研修の振り返り\n今回は{self.loanword()}と{self.loanword()}を中心に学んだ。"
                f"特に{self.c(('報連相', '5S', 'PDCA', '心理的安全性'))}の考え方が参考になった。"
                f"次回は{self.date_decoy()}、{self.room_decoy()}で実施予定。参加者{self.n(8, 40)}名"
                "。"
            )
        if v == 5:
            return (
                f"【配送遅延のお知らせ】{self.date_decoy()}の大雪の影響により、{self.pref_decoy()}、"
                f"{self.pref_decoy()}、{self.city_decoy()}方面のお届けに{self.n(1, 3)}日程度の遅れ"
                "が生じています。"
                f"伝票番号（例：{self.tracking()}）で配送状況をご確認いただけます。"
            )
        if v == 6:
            return (
                f"リリースノート {self.version()}（{self.date_decoy(style='iso')}）\n"
                f"- 受注番号（{self.order_no()} 形式）の検索を高速化\n- {self.loanword()}画面の表示"
                "崩れを修正\n"
                f"- API サーバ {self.ip()} を廃止\n- 依存ライブラリを{self.version()}に更新"
            )
        if v == 7:
            return (
                f"今日のランチは{self.shop()}。{self.city_decoy()}出張のお土産で{self.shop()}のお菓子をもらった。"
                f"午後は{self.time_decoy()}から{self.room_decoy()}で{self.loanword()}の打合せ、"
                f"見積は{self.price()}で再提出。"
            )
        return (
            f"在庫棚卸の結果：{self.c(_PRODUCTS)} {self.qty()}、{self.c(_PRODUCTS)} {self.qty()}、"
            f"{self.c(_PRODUCTS)} {self.qty()}。差異{self.n(1, 9)}件（{self.product_code()}ほか）。"
            f"倉庫は{self.pref_decoy()}の{self.partner()}に委託中。"
        )

    # ---------------------------------------------------------------- structured: HR record
    def hr_record(self) -> str:
        p = self.person()
        spouse_birth = p.birth + timedelta(days=self.n(-2500, 2500))
        spouse = replace(
            self.person(male=not p.male, born=spouse_birth), last=p.last, last_kana=p.last_kana
        )
        kid = replace(self.person(born=self.child_birth()), last=p.last)
        colon = self.c(("：", ":", "　"))
        pad = self.c((True, False))

        def row(label: str, value: str) -> str:
            return (label.ljust(7, "　") if pad else label) + colon + value

        lines = [
            self.c(
                (
                    "■ 社員情報（人事システム出力）",
                    "【従業員台帳】",
                    "社員マスタ 個人票",
                    "人事記録カード",
                )
            ),
            row("社員番号", self.employee_id()),
            row("氏名", self.name(p)),
            row("フリガナ", self.kana(p, self.c(("kana", "kana_fw", "hw")))),
            row("性別", "男" if p.male else "女"),
            row("生年月日", f"{self.dob(p.birth)}（{self.age(p)}）"),
            row("入社年月日", self.date_decoy(style=self.c(("kanji", "slash0", "reiwa")))),
            row("所属", self.c(_DEPTS)),
            row("現住所", f"〒{self.zip(p.loc)}"),
            ("　" * 8 if pad else "　") + self.addr(p),
            row("電話（自宅）", self.home(p)),
            row("電話（携帯）", self.mobile(p)),
        ]
        if self.p(0.6):
            lines.append(row("個人メール", self.mail(p)))
        if self.p(0.6):
            lines.append(row("個人番号", self.my_number()))
        if self.p(0.6):
            lines.append(row("基礎年金番号", self.pension()))
        if self.p(0.6):
            lines.append(row("給与振込口座", self.bank_line()))
        if self.p(0.7):
            lines.append(row("前職", f"{self.emp(p.org)}（{self.n(1, 12)}年勤務）"))
        if self.p(0.5):
            lines.append(
                row(
                    "扶養家族",
                    f"{self.name(spouse)}（配偶者・{self.dob(spouse.birth)}生）、"
                    f"{self.name(kid, 'first')}（{self.c(('長男', '長女', '次女'))}・"
                    f"{self.dob(kid.birth, 'era')}生）",
                )
            )
        if self.p(0.5):
            ec = self.person()
            lines.append(
                row(
                    "緊急連絡先",
                    f"{self.name(ec)}（{self.c(('父', '母', '兄', '姉', '友人'))}）"
                    f"{self.any_tel(ec.loc)}",
                )
            )
        if self.p(0.4):
            lines.append(
                row("運転免許", f"{self.licence(p)}（{self.c(('普通', '準中型', '中型'))}）")
            )
        if self.p(0.5):
            lines.append(
                row(
                    "備考",
                    self.c(
                        (
                            f"{self.date_decoy()}に転居届あり。通勤手当を再計算済み。",
                            f"{self.date_decoy()}より時短勤務（{self.time_range()}）。",
                            f"{self.date_decoy()}付で{self.c(_DEPTS)}へ異動。",
                            "特記事項なし",
                        )
                    ),
                )
            )
        return "\n".join(lines)

    # ---------------------------------------------------------------- structured: 履歴書
    def resume(self) -> str:
        p = self.person(born=date(1965, 1, 1) + timedelta(days=self.n(0, 12000)))
        grad = p.birth.year + 18
        first, second = self.org(), p.org
        school = f"{p.loc.pref}立{self.c(('第一', '北', '南', '中央', '東'))}高等学校"
        univ = self.c(("東都", "関西学芸", "北海", "城南", "みなと", "西都")) + "大学"
        sep = self.c(("　", "\t", "  "))
        lines = [
            self.c(("履歴書", "履 歴 書", "【履歴書】")),
            f"ふりがな{sep}{self.name(p, 'hira')}",
            f"氏名{sep}{self.name(p, self.c(('sp', 'fw')))}",
            f"生年月日{sep}{self.dob(p.birth, self.c(_RESUME_DOB_STYLES))}生（満"
            f"{d('AGE', str((date(2024, 6, 1) - p.birth).days // 365))}歳）",
            f"現住所{sep}〒{self.zip(p.loc)}",
            f"{sep}{self.addr(p)}",
            f"電話{sep}{self.any_tel(p.loc)}",
            f"E-mail{sep}{self.mail(p)}",
            "",
            "学歴・職歴",
            f"{d('EVENT_DATE', f'{grad}年3月', 'ym')}{sep}{d('SCHOOL', school)} 卒業",
            f"{d('EVENT_DATE', f'{grad}年4月', 'ym')}{sep}{d('SCHOOL', univ)} "
            f"{self.c(('経済', '法', '工', '文', '理工'))}学部 入学",
            f"{d('EVENT_DATE', f'{grad + 4}年3月', 'ym')}{sep}{d('SCHOOL', univ)} 卒業",
            f"{d('EVENT_DATE', f'{grad + 4}年4月', 'ym')}{sep}{self.emp(first)} 入社",
        ]
        if self.p(0.7):
            y = grad + 4 + self.n(2, 8)
            lines += [
                f"{d('EVENT_DATE', f'{y}年3月', 'ym')}{sep}一身上の都合により退職",
                f"{d('EVENT_DATE', f'{y}年4月', 'ym')}{sep}{self.emp(second)} 入社",
                f"{sep}現在に至る",
            ]
        lines += [
            "",
            "免許・資格",
            f"{d('EVENT_DATE', f'{grad + 1}年{self.n(1, 12)}月', 'ym')}{sep}普通自動車第一種"
            "運転免許 取得",
        ]
        if self.p(0.4):
            lines.append(
                f"{d('EVENT_DATE', f'{grad + 6}年{self.n(1, 12)}月', 'ym')}{sep}"
                f"{self.c(('日商簿記2級', 'TOEIC 780点', '基本情報技術者', '宅地建物取引士'))} 取得"
            )
        return "\n".join(lines)

    # ---------------------------------------------------------------- structured: 申込書 forms
    def form(self) -> str:
        p = self.person()
        v = self.n(0, 4)
        building_line = "なし"
        if p.building and p.room:
            building_line = g(ADR, f"{p.building} {p.room}", "building")
        if v == 0:
            return "\n".join(
                (
                    "＝＝＝ 会員登録フォーム 送信内容 ＝＝＝",
                    f"【お名前】{self.name(p)}",
                    f"【フリガナ】{self.kana(p)}",
                    f"【生年月日】{self.dob(p.birth, self.c(('slash0', 'kanji', 'iso')))}",
                    f"【郵便番号】{self.zip(p.loc)}",
                    f"【ご住所】{self.addr(p, building=False)}",
                    f"【建物名・部屋番号】{building_line}",
                    f"【電話番号】{self.tel(p.mobile, self.c(('plain', 'hy')), 'mobile')}",
                    f"【メールアドレス】{self.mail(p)}",
                    f"【ご職業】{self.c(_JOBS)}",
                    "【メールマガジン】希望する",
                    f"送信日時：{self.dt_decoy()}　送信元IP：{self.ip()}",
                )
            )
        if v == 1:
            return "\n".join(
                (
                    "■資料請求",
                    f"会社名：{self.emp(p.org)}",
                    f"部署名：{self.c(_DEPTS)}",
                    f"ご担当者名：{self.name(p)}",
                    f"電話番号：{self.tel(self.phone_groups('land', p.loc), kind='office')}",
                    f"メールアドレス：{self.mail(p, work=True)}",
                    f"ご検討中の製品：{self.c(_PRODUCTS)}",
                    f"導入予定時期：{self.c(('3か月以内', '半年以内', '未定'))}",
                    f"お問い合わせ内容：{self.c(_INQUIRY_LINES)}",
                )
            )
        if v == 2:
            return "\n".join(
                (
                    "携帯電話ご契約申込書（控）",
                    f"契約者氏名：{self.name(p)}（{self.kana(p, 'kana')}）",
                    f"生年月日：{self.dob(p.birth, 'era')}",
                    f"ご住所：{self.zip_addr(p, sep=' ')}",
                    f"連絡先電話番号：{self.home(p)}",
                    f"ご契約番号：{self.tel(p.mobile, 'hy', 'mobile')}",
                    f"本人確認書類：運転免許証（番号 {self.licence(p)}）",
                    f"お支払方法：クレジットカード {self.card()}",
                    "受付店舗："
                    f"{d('SHOP_NAME', self.c(_CARRIER_SHOPS) + self.c(_STATIONS) + '店')}",
                    f"受付日：{self.date_decoy()}",
                )
            )
        if v == 3:
            g1, g2 = self.person(), self.person()
            return "\n".join(
                (
                    "旅行申込書（海外）",
                    f"代表者：{self.name(p, 'roma_caps')}（{self.name(p)}）",
                    f"旅券番号：{self.passport()}　有効期限：{self.date_decoy(style='slash0')}",
                    f"生年月日：{self.dob(p.birth, self.c(('slash0', 'iso', 'en_dmy')))}",
                    f"同行者1：{self.name(g1, 'roma_caps')}　旅券番号 {self.passport()}　生年月日 "
                    f"{self.dob(g1.birth, 'slash0')}",
                    f"同行者2：{self.name(g2, 'roma_caps')}　Passport No. {self.passport()}",
                    f"出発日：{self.date_decoy()}　ツアーコード：{self.product_code()}",
                    f"緊急連絡先：{self.home(p)}",
                )
            )
        return "\n".join(
            (
                "イベント参加申込（自動転送）",
                f"name: {self.name(p)}",
                f"kana: {self.kana(p)}",
                f"email: {self.mail(p)}",
                f"company: {self.emp(p.org)}",
                f"参加日: {self.date_decoy()}",
                f"人数: {self.qty()}",
                "アンケート: 知人の紹介",
            )
        )

    # ---------------------------------------------------------------- structured: order e-mails
    def order_mail(self) -> str:
        p = self.person()
        i = self.n(0, len(_SHOPS) - 1)
        shop, domain = _SHOPS[i], _SHOP_DOMAINS[i]
        subject = f"【{shop}】ご注文ありがとうございます"
        b64 = base64.b64encode(subject.encode("iso2022_jp")).decode()
        b64_shop = base64.b64encode(shop.encode("iso2022_jp")).decode()
        day = self.some_day()
        msgid = f"{self.digits(14)}.{self.n(1000, 9999)}@mail.{domain}"
        rfc_date = f"{day:%a, %d %b %Y} {self.n(0, 23):02d}:{self.n(0, 59):02d}:11 +0900"
        header = (
            f"Subject: =?ISO-2022-JP?B?{b64}?=\n"
            f"From: =?ISO-2022-JP?B?{b64_shop}?= <"
            f"{self.role_mail(domain, self.c(('order', 'info', 'no-reply', 'shop')))}>\n"
            f"To: {self.mail(p)}\n"
            "Date: "
            f"{d('EVENT_DATE', rfc_date, 'rfc2822')}\n"
            f"Message-ID: <{d('MESSAGE_ID', msgid)}>\n"
            "MIME-Version: 1.0\nContent-Type: text/plain; charset=ISO-2022-JP\nContent-Transfer-Enc"
            "oding: 7bit\n\n"
        )
        items = "\n".join(
            f"{self.c(_PRODUCTS)}　{self.qty()}　{self.price(300, 30000)}"
            for _ in range(self.n(1, 3))
        )
        ship_to = p if self.p(0.7) else replace(self.person(), last=p.last)
        pay = self.c(
            (f"クレジットカード（{self.masked_card()}）", "代金引換", "コンビニ後払い", "銀行振込")
        )
        body = (
            f"{self.name(p)} 様\n\nこの度は{shop}をご利用いただき誠にありがとうございます。\n"
            "以下の内容でご注文を承りました。\n\n"
            f"[ご注文番号] {self.order_no()}\n[ご注文日] "
            f"{self.date_decoy(day=day, style=self.c(('kanji', 'slash0')))}\n"
            f"[お支払方法] {pay}\n──────────\n{items}\n──────────\n"
            f"[お届け先]\n〒{self.zip(ship_to.loc)}\n{self.addr(ship_to)}\n"
            f"{self.name(ship_to)} 様\n"
            f"TEL {self.tel(ship_to.mobile, self.c(('hy', 'plain')), 'mobile')}\n"
            f"[お届け予定日] {self.date_decoy(kind='DELIVERY_DATE')} "
            f"{d('TIME', self.c(('午前中', '14-16時', '18-20時', '19-21時')))}\n\n"
            f"ご不明な点は {self.role_mail(domain)} までお問い合わせください。\n{shop} カスタマーセ"
            "ンター"
        )
        return header + body

    # ---------------------------------------------------------------- structured: logs
    def kvlog(self) -> str:
        out = []
        for _ in range(self.n(3, 7)):
            p = self.person()
            day = self.some_day()
            ts = d(
                "TIME",
                f"{day:%Y-%m-%d}T{self.n(0, 23):02d}:{self.n(0, 59):02d}:{self.n(0, 59):02d}."
                f"{self.digits(3)}+09:00",
                "iso",
            )
            req = d(
                "REQUEST_ID", self.digits(8) if self.p(0.3) else f"{self.r.getrandbits(32):08x}"
            )
            v = self.n(0, 5)
            if v == 0:
                line = (
                    f"{ts} INFO  [req={req}] POST /api/v2/customers status=201 user_id="
                    f"{self.member_id()} "
                    f'name="{self.name(p)}" kana="{self.kana(p, "kana")}" tel='
                    f"{self.tel(p.mobile, 'plain', 'mobile')} "
                    f"email={self.mail(p)} ip={self.ip()}"
                )
            elif v == 1:
                line = (
                    f"{ts} WARN  [req={req}] address validation failed zip="
                    f"{self.zip(p.loc, 'plain')} "
                    f'addr="{self.addr(p, building=False)}" reason=town_not_found'
                )
            elif v == 2:
                line = (
                    f"{ts} ERROR [req={req}] payment declined card={self.masked_card()} "
                    f"amount={self.n(500, 90000)} code=05"
                )
            elif v == 3:
                line = (
                    f"{ts} DEBUG [req={req}] payment request payload: card_number="
                    f"{self.card('plain')} "
                    f"holder={self.name(p, 'roma_caps')} exp="
                    f"{d('CARD_EXPIRY', f'{self.n(1, 12):02d}{self.n(25, 31)}')}"
                )
            elif v == 4:
                line = (
                    f"{ts} INFO  [req={req}] GET /healthz status=200 "
                    f"latency_ms={self.n(2, 90)} version={self.version()}"
                )
            else:
                line = (
                    f"{ts} INFO  [req={req}] user login ok user={self.mail(p)} mfa=sms phone="
                    f"{self.tel(p.mobile, 'intl_plain', 'mobile')} "
                    f"src={self.ip()}"
                )
            out.append(line)
        return "\n".join(out)

    def jsonl(self) -> str:
        out = []
        key_set = self.n(0, 2)
        for k in range(self.n(2, 5)):
            p = self.person()
            if key_set == 0:
                out.append(
                    f'{{"id": {self.n(1000, 99999)}, "name": "{self.name(p)}", "name_kana": "'
                    f'{self.kana(p, "kana")}", '
                    f'"birthday": "{self.dob(p.birth, "iso")}", "zip": "{self.zip(p.loc, "hy")}", '
                    f'"address": "{self.addr(p)}", "tel": "{self.any_tel(p.loc, "hy")}", "email": "'
                    f'{self.mail(p)}", '
                    f'"company": "{self.emp(p.org)}", "created_at": "{self.date_decoy(style="iso")}'
                    '"}'
                )
            elif key_set == 1:
                out.append(
                    f'{{"event": "order.created", "order_id": "{self.order_no()}", "customer": {{"l'
                    'ast_name": '
                    f'"{g(PER, p.last, "last")}", "first_name": "{g(PER, p.first, "first")}", "phon'
                    'e": '
                    f'"{self.tel(p.mobile, "plain", "mobile")}", "mail": "{self.mail(p)}"}}, "items'
                    f'": [{{"jan": "{self.jan()}", '
                    f'"qty": {self.n(1, 5)}}}], "total": {self.n(500, 30000)}, "ts": "'
                    f'{self.date_decoy(style="iso")}"}}'
                )
            else:
                out.append(
                    f'{{"seq": {k + 1}, "type": "employee", "emp_no": "{self.employee_id()}", "full'
                    f'_name": "{self.name(p)}", '
                    f'"dob": "{self.dob(p.birth, "slash0")}", "my_number": "'
                    f'{self.my_number("plain")}", '
                    f'"pension_no": "{self.pension()}", "bank": {{"name": "{self.c(_BANKS)}", "acco'
                    f'unt": "{self.account("plain")}"}}}}'
                )
        return "\n".join(out)

    # ---------------------------------------------------------------- structured: CSV exports
    def _q(self, cell: str, force: bool = False) -> str:
        return f'"{cell}"' if force else cell

    def csv_people(self) -> str:
        english = self.p(0.45)
        cols = ["name", "kana", "zip", "addr", "tel", "mail", "birthday", "company"]
        cols = [c for c in cols if c in ("name", "tel") or self.p(0.75)]
        ja = {
            "name": "氏名",
            "kana": "フリガナ",
            "zip": "郵便番号",
            "addr": "住所",
            "tel": "電話番号",
            "mail": "メール",
            "birthday": "生年月日",
            "company": "勤務先",
        }
        if not english and self.p(0.3):
            ja.update(
                {"mail": "メールアドレス", "tel": "TEL", "company": "会社名", "birthday": "誕生日"}
            )
        if english and self.p(0.3):
            cols = ["id"] + cols
        header = ",".join(c if english else ja.get(c, "ID") for c in cols)
        quote = self.p(0.35)
        dob_style = self.c(("slash0", "slash", "iso", "compact", "era_dot", "kanji"))
        tel_style = self.c(("hy", "plain", "plain", "hy", "lost_zero"))
        rows = [header]
        for i in range(self.n(3, 7)):
            p = self.person()
            cells = []
            for c in cols:
                if c == "id":
                    cell = d("ROW_ID", str(self.n(1, 9999)))
                elif c == "name":
                    cell = self.name(p, self.c(("sp", "tight", "fw")))
                elif c == "kana":
                    cell = self.kana(p, self.c(("kana", "kana_tight", "hw")))
                elif c == "zip":
                    cell = self.zip(p.loc, self.c(("hy", "plain")))
                elif c == "addr":
                    cell = self.addr(p)
                elif c == "tel":
                    style = tel_style if tel_style != "lost_zero" or i % 2 else "plain"
                    groups, owner = (p.home, "land") if self.p(0.4) else (p.mobile, "mobile")
                    cell = self.tel(groups, style, owner)
                elif c == "mail":
                    cell = self.mail(p)
                elif c == "birthday":
                    cell = self.dob(p.birth, dob_style)
                else:
                    cell = self.emp(p.org) if self.p(0.85) else self.emp_other()
                cells.append(self._q(cell, quote))
            rows.append(",".join(cells))
        return "\n".join(rows)

    def csv_partner(self) -> str:
        labelled = self.p(0.5)
        english = self.p(0.25)
        if english:
            header = (
                "vendor_name,corporate_number,address,phone"
                if labelled
                else "vendor_name,registration_no,city,phone"
            )
        else:
            header = (
                "取引先名,法人番号,所在地,代表電話"
                if labelled
                else "取引先名,登録番号,所在地,代表電話"
            )
        rows = [header]
        for _ in range(self.n(3, 6)):
            hq = self.person()
            number = self.corp() if labelled else self.c((self.reg_no(), self.unlabelled_corp()))
            where = (
                self.addr(replace(hq, building="", room=""))
                if labelled
                else d("PREF_CITY", hq.loc.pref + hq.loc.city)
            )
            rows.append(
                f"{self.partner()},{number},{where},"
                f"{self.tel(self.phone_groups('land', hq.loc), 'hy', 'company')}"
            )
        return "\n".join(rows)

    def csv_products(self) -> str:
        rows = [
            self.c(("商品コード,JAN,商品名,単価,在庫,入荷予定日", "sku,jan,item,price,stock,eta"))
        ]
        for _ in range(self.n(4, 8)):
            price = self.n(2, 300) * 10 - self.c((0, 2, 20))
            rows.append(
                f"{self.product_code()},{self.jan()},{self.c(_PRODUCTS)},{d('PRICE', str(price))},"
                f"{d('QUANTITY', str(self.n(0, 900)))},"
                f"{self.date_decoy(kind='DELIVERY_DATE', style='slash0')}"
            )
        return "\n".join(rows)

    def supplier_list(self) -> str:
        lines = [
            f"取引先一覧（{self.n(2022, 2025)}年度）",
            "No. | 取引先名 | 所在地 | 取引区分 | 登録番号",
        ]
        for k in range(self.n(4, 8)):
            loc = self.c(_LOCS)
            where = d("PREF_CITY", loc.pref + loc.city) if self.p(0.6) else self.city_decoy()
            lines.append(
                f"{k + 1} | {self.partner()} | {where} | "
                f"{self.c(('仕入', '外注', '販売', '業務委託'))} | "
                f"{self.c((self.reg_no(), self.unlabelled_corp(), '申請中'))}"
            )
        if self.p(0.4):
            lines.append(f"※{self.partner()}とは{self.date_decoy()}で契約終了。")
        return "\n".join(lines)

    # ---------------------------------------------------------------- structured: logistics/billing
    def shipping(self) -> str:
        p = self.person()
        return (
            f"【発送のお知らせ】\n{self.name(p)}様\n\nご注文の商品を本日発送いたしました。\n"
            f"お問い合わせ伝票番号：{self.tracking()}\n配送業者："
            f"{self.c(('ヤマト運輸', '佐川急便', '日本郵便', '西濃運輸'))}\n"
            f"お届け予定日：{self.date_decoy(kind='DELIVERY_DATE')}（"
            f"{d('TIME', self.c(('午前中', '12-14時', '14-16時', '16-18時')))}）\n"
            f"ご注文番号：{self.order_no()}\n"
            + (f"お届け先：{self.zip_addr(p, sep=' ')}\n" if self.p(0.6) else "")
            + "\n※このメールは送信専用です。"
        )

    def invoice(self) -> str:
        issuer = self.org()
        client = self.org()
        boss = self.person()
        freelancer = self.p(0.35)
        lines = [
            "請　求　書",
            f"{self.partner(client)} 御中",
            f"請求番号：{self.invoice_no()}",
            f"発行日：{self.date_decoy()}",
        ]
        if freelancer:
            shop_word = self.c(("デザイン工房", "オフィス", "スタジオ"))
            trade_name = d("TRADE_NAME", shop_word + boss.last_roma.upper())
            lines += [
                f"{self.name(boss)}（屋号：{trade_name}）",
                f"〒{self.zip(boss.loc)} {self.addr(boss)}",
                f"TEL {self.mobile(boss)}",
                f"登録番号：{self.reg_no()}" if self.p(0.5) else "（免税事業者）",
            ]
        else:
            lines += [
                d("ISSUER_COMPANY", self.org_text(issuer)),
                f"〒{self.zip(boss.loc)} "
                f"{self.addr(replace(boss, building=self.office_building(boss.loc), room=''))}",
                f"TEL {self.tel(self.phone_groups('land', boss.loc), 'hy', 'company')}",
                f"登録番号：{self.reg_no()}",
            ]
        amount = self.n(3, 900) * 1000
        lines += [
            "",
            f"ご請求金額　{d('PRICE', f'¥{amount * 11 // 10:,}-')}（税込）",
            f"品目：{self.c(('システム保守費', 'デザイン制作費', '業務委託料', '運送料'))}　"
            f"{d('PRICE', f'{amount:,}円')}　消費税（10%）{d('PRICE', f'{amount // 10:,}円')}",
            "",
            f"お振込先：{self.bank_line()}",
        ]
        if freelancer:
            lines.append(f"口座名義：{self.name(boss, 'kana')}")
        else:
            kana_org = {"株式会社": "カ）", "有限会社": "ユ）", "合同会社": "ド）", "": ""}[
                issuer.form
            ]
            kana_org = (
                kana_org + issuer.kana
                if issuer.prefix
                else issuer.kana + kana_org.replace("）", "（")
            )
            if self.p(0.5):
                kana_org = jaconv.z2h(kana_org, kana=True, digit=False, ascii=True).replace(
                    "-", "ｰ"
                )
            lines.append(f"口座名義：{d('ACCOUNT_HOLDER_CORP', kana_org)}")
        lines.append(f"お支払期限：{self.date_decoy()}")
        return "\n".join(lines)

    # ---------------------------------------------------------------- structured: applications
    def rental(self) -> str:
        p = self.person(born=date(1975, 1, 1) + timedelta(days=self.n(0, 9000)))
        guarantor = self.person(born=p.birth - timedelta(days=self.n(8000, 12000)))
        relation = self.c(("父", "叔父")) if guarantor.male else self.c(("母", "叔母"))
        if relation in ("父", "母"):
            guarantor = replace(
                guarantor, last=p.last, last_kana=p.last_kana, last_roma=p.last_roma
            )
        prop = self.person()
        return "\n".join(
            (
                "入居申込書",
                f"物件：{d('BUILDING_ALONE', self.c(_BUILDINGS))} "
                f"{d('ROOM_NUMBER', str(self.n(101, 905)) + '号室')}　"
                f"賃料 {self.price(48000, 210000, 1000)}",
                f"物件所在地：{self.addr(replace(prop, building='', room=''), pref=True)}",
                f"申込者：{self.name(p)}（{self.kana(p, 'kana')}）　{self.age(p)}",
                f"生年月日：{self.dob(p.birth)}",
                f"現住所：{self.zip_addr(p, sep=' ')}",
                f"携帯：{self.mobile(p)}　自宅：{self.home(p)}",
                f"勤務先：{self.emp(p.org) if self.p(0.85) else self.emp_other()}　勤続"
                f"{self.n(1, 20)}"
                "年　"
                f"年収{self.salary()}",
                f"勤務先電話：{self.tel(self.phone_groups('land'), 'hy', 'office')}",
                f"連帯保証人：{self.name(guarantor)}（{relation}）",
                f"保証人生年月日：{self.dob(guarantor.birth, 'era')}　保証人連絡先："
                f"{self.any_tel(guarantor.loc)}",
                f"保証人勤務先：{self.emp(guarantor.org) if self.p(0.6) else '無職（年金受給）'}",
                f"本人確認：運転免許証 {self.licence(p)}",
            )
        )

    def clinic(self) -> str:
        p = self.person()
        kin = self.person()
        return "\n".join(
            (
                "問診票（初診）",
                f"ふりがな：{self.name(p, 'hira')}",
                f"お名前：{self.name(p)}　性別：{'男' if p.male else '女'}",
                f"生年月日：{self.dob(p.birth, self.c(('era', 'era_sp', 'fw_era', 'era_kanji')))}（"
                f"{self.age(p)}）",
                f"ご住所：{self.zip_addr(p, sep=' ')}",
                f"電話：{self.any_tel(p.loc)}",
                f"保険者番号：{d('INSURANCE_NUMBER', self.digits(8))}　記号・番号："
                f"{d('INSURANCE_NUMBER', self.digits(4) + '・' + self.digits(3))}",
                f"今日はどうされましたか：{self.c(_COMPLAINTS)}",
                f"服用中のお薬：{self.c(('なし', '降圧剤', 'ロキソニン（頓服）'))}",
                f"緊急連絡先：{self.name(kin)}（{self.c(('夫', '妻', '娘', '息子'))}）"
                f"{self.mobile(kin)}",
                f"勤務先（労災の場合）：{self.emp(p.org) if self.p(0.6) else '—'}",
            )
        )

    def bank_form(self) -> str:
        p = self.person()
        yucho = self.p(0.35)
        lines = [
            "預金口座振替依頼書",
            f"お客様番号：{self.member_id()}",
            f"ご契約者名：{self.name(p)}",
        ]
        if yucho:
            lines += ["金融機関：ゆうちょ銀行", f"記号番号：{self.yucho()}"]
        else:
            lines += [
                f"金融機関名：{self.c(_BANKS)}（金融機関コード {d('BANK_CODE', self.digits(4))}）",
                f"支店名：{self.c(_BRANCHES)}（支店コード {d('BANK_CODE', self.digits(3))}）",
                f"預金種目：{self.c(('普通', '当座'))}",
                f"口座番号：{self.account()}",
            ]
        lines += [
            f"口座名義（カナ）：{self.name(p, self.c(('kana', 'hw')))}",
            f"ご連絡先：{self.any_tel(p.loc)}",
            f"振替開始月：{d('EVENT_DATE', f'{self.n(2024, 2025)}年{self.n(1, 12)}月', 'ym')}",
            f"受付日：{self.date_decoy()}",
        ]
        return "\n".join(lines)

    # ---------------------------------------------------------------- structured: 名刺 OCR
    def meishi(self) -> str:
        p = self.person()
        o = p.org
        office = replace(p, building=self.office_building(p.loc), room="")
        land = self.phone_groups("land", p.loc)
        lines = [
            self.emp(o, self.c(("as_is", "sp", "as_is"))),
            self.c(_DEPTS),
            self.c(("課長", "部長", "主任", "シニアマネージャー", "")),
            self.name(p, self.c(("ocr", "ocr", "sp", "fw"))),
            self.roma(p),
            f"〒{self.zip(p.loc)} {self.addr(office)}",
            f"TEL {self.tel(land, self.c(('hy', 'paren_area')), 'office')}",
            f"携帯 {self.mobile(p)}",
            self.mail(p, work=True),
            d("URL", f"https://www.{o.domain}"),
        ]
        if self.p(0.3):
            lines.insert(6, f"FAX {self.tel(self.phone_groups('land', p.loc), 'hy', 'fax')}")
        return "\n".join(line for line in lines if line)

    # ---------------------------------------------------------------- structured: misc exports
    def fixed_width(self) -> str:
        lines = [
            "No  氏名            電話番号          郵便番号  住所",
            "--  --------------  ----------------  --------  ------------",
        ]
        for k in range(self.n(3, 6)):
            p = self.person()
            name_text = f"{p.last} {p.first}"
            tel = self.tel_text(p.mobile, "hy")
            lines.append(
                f"{k + 1:>2}  {g(PER, name_text, 'sp')}{' ' * max(1, 16 - len(name_text) * 2)}"
                f"{g(TEL, tel, 'mobile_hy')}{' ' * (18 - len(tel))}"
                f"{self.zip(p.loc, 'hy')}  {self.addr(p)}"
            )
        return "\n".join(lines)

    def call_log(self) -> str:
        rows = ["日時,方向,相手番号,通話時間,担当,メモ"]
        for _ in range(self.n(3, 7)):
            p, agent = self.person(), self.person()
            memo = self.c(
                (
                    f"{self.surname_ref(p, '様')} 住所変更の件",
                    f"{self.name(p, 'tight')}様 請求書再発行",
                    "無言電話",
                    f"{self.partner()}より納期確認",
                    f"{self.surname_ref(p, '様')} 解約希望→引き止め",
                    "営業電話（お断り）",
                )
            )
            rows.append(
                f"{self.dt_decoy()},{self.c(('着信', '発信', '不在着信'))},"
                f"{self.tel(p.mobile if self.p(0.6) else p.home, 'plain', 'call')},"
                f"{d('TIME', f'00:{self.n(0, 25):02d}:{self.n(0, 59):02d}', 'duration')},"
                f"{g(PER, agent.last, 'surname')},{memo}"
            )
        return "\n".join(rows)

    def yaml_fixture(self) -> str:
        out = [
            f"# fixtures/{self.c(('customers', 'members', 'staff'))}.yml  (本番データから作成 — 要"
            "マスキング)"
        ]
        for k in range(self.n(2, 4)):
            p = self.person()
            out += [
                f"- id: {k + 1}",
                f"  name: {self.name(p)}",
                f"  kana: {self.kana(p, 'kana')}",
                f"  birth_date: {self.dob(p.birth, 'iso')}",
                f'  postal_code: "{self.zip(p.loc, "hy")}"',
                f"  address: {self.addr(p)}",
                f'  phone: "{self.tel(p.mobile, "hy", "mobile")}"',
                f"  email: {self.mail(p)}",
                f"  employer: {self.emp(p.org)}",
                f"  plan: {self.c(('basic', 'premium', 'family'))}",
            ]
        return "\n".join(out)

    # ---------------------------------------------------------------- structured: 本人確認記録
    def kyc(self) -> str:
        p = self.person()
        kind = self.c(
            (
                "licence",
                "passport",
                "passport",
                "residence",
                "residence",
                "mynumber_card",
                "two",
                "pension",
            )
        )
        if kind == "residence":
            ja, en, country = self.foreigner()
            who = (
                f"{g(PER, en, 'foreign_roma')}（{g(PER, ja, 'foreign')}）　"
                f"国籍：{d('COUNTRY', country)}"
            )
            born = date(1970, 1, 1) + timedelta(days=self.n(0, 11000))
        else:
            who = f"{self.name(p)}（{self.kana(p)}）"
            born = p.birth
        lines = [
            self.c(
                (
                    "本人確認記録（犯罪収益移転防止法）",
                    "【本人確認記録簿】",
                    "eKYC 審査結果",
                    "本人確認書類 確認票",
                )
            ),
            f"取引種別：{self.c(_KYC_PURPOSES)}",
            f"顧客氏名：{who}",
            f"生年月日：{self.dob(born, self.c(('era', 'kanji', 'slash0', 'iso', 'era_dot')))}",
            f"住居：{self.zip_addr(p, sep=' ')}",
        ]
        if kind == "licence":
            lines.append(
                f"確認書類：運転免許証　番号：{self.licence(p)}　有効期限："
                f"{self.date_decoy(style='era')}"
            )
        elif kind == "passport":
            lines.append(f"確認書類：旅券　旅券番号：{self.passport()}（補完書類：公共料金領収書）")
        elif kind == "residence":
            lines.append(
                f"確認書類：在留カード　番号：{self.residence()}　在留期間満了日："
                f"{self.date_decoy()}"
            )
        elif kind == "mynumber_card":
            if self.p(0.5):
                lines.append("確認書類：個人番号カード（表面のみ確認、個人番号は記録しない）")
            else:
                lines.append(
                    f"確認書類：個人番号カード　個人番号：{self.my_number()}（※本来は記録不可、要削"
                    "除）"
                )
        elif kind == "pension":
            lines.append(f"確認書類：年金手帳（基礎年金番号 {self.pension()}）＋住民票の写し")
        else:
            lines.append(f"確認書類①：運転免許証 {self.licence(p)}")
            lines.append(
                f"確認書類②：{self.c(('健康保険証', '年金手帳'))}（基礎年金番号 {self.pension()}）"
            )
        lines.append(
            f"確認日：{self.date_decoy()}　確認者：{g(PER, self.fk.last_name(), 'surname')}"
        )
        if self.p(0.4):
            lines.append(
                f"連絡先：{self.mobile(p)}　取引目的："
                f"{self.c(('生計費決済', '事業費決済', '貯蓄'))}"
            )
        return "\n".join(lines)

    # ---------------------------------------------------------------- prose: ID numbers in notes
    def id_note(self) -> str:
        p, q = self.person(), self.person()
        v = self.n(0, 7)
        if v == 0:
            return (
                f"{self.surname_ref(q, 'さん')}\nパスポート更新したので新しい番号を共有します："
                f"{self.passport()}\n"
                f"旧番号の{self.passport()}は失効済みです。{self.date_decoy()}からの{self.city_decoy()}出張（実際はソウル経由）"
                f"の手配に使ってください。ローマ字表記は{self.name(p, 'roma_caps')}です。"
                f"\n{self.name(p)}"
            )
        if v == 1:
            return (
                f"給与振込口座の変更届\n{self.c(_DEPTS)} {self.name(p)}\n"
                f"{self.date_decoy()}支給分から、振込先を{self.bank_line()}（名義 "
                f"{self.name(p, 'kana')}）へ変更してください。"
                f"旧口座（{self.c(_BANKS)} {self.account()}）は解約予定です。"
            )
        if v == 2:
            return (
                f"社用車利用申請の確認：{self.name(p)}さん、免許証番号{self.licence(p)}、"
                f"有効期限{self.date_decoy(style='era')}"
                f"（{self.c(('ゴールド', 'ブルー', 'グリーン'))}）。違反歴なしを確認済み。"
                f"車両は{d('PLATE_NUMBER', f'品川300 さ {self.n(10, 99)}-{self.n(10, 99)}')}"
                "を割当。"
            )
        if v == 3:
            staff = [self.person() for _ in range(self.n(2, 4))]
            parts = []
            for s in staff:
                parts.append(
                    f"{self.name(s)}さん："
                    + (f"提出済（{self.my_number()}）" if self.p(0.7) else "未提出")
                )
            return (
                f"マイナンバー回収状況（{self.date_decoy()}時点）\n"
                + "\n".join(parts)
                + f"\n未提出者には{self.surname_ref(q, 'さん')}からリマインドする。"
            )
        if v == 4:
            return (
                f"{self.name(p)}さんの年金手帳の番号は{self.pension()}でした。前の会社（{self.emp(p.org)}）で"
                f"厚生年金に加入していた期間の記録が抜けているので、年金事務所に照会中。"
            )
        if v == 5:
            return (
                f"カード決済が通らないとのお電話。お客様（{self.hon(p)}）が読み上げたカード番号は{self.card()}、"
                f"有効期限{d('CARD_EXPIRY', f'{self.n(1, 12):02d}/{self.n(25, 31)}')}。"
                "番号の控えはこの記録のみ、決済完了後に削除のこと。"
            )
        if v == 6:
            ja, en, country = self.foreigner()
            return (
                f"アルバイト採用：{g(PER, ja, 'foreign')}さん（{d('COUNTRY', country)}、留学生）。"
                f"在留カード番号{self.residence()}、"
                f"資格外活動許可あり、週28時間まで。シフト担当の{self.surname_ref(q, 'さん')}に共有"
                "済み。"
            )
        return (
            f"{self.date_decoy()} 年末調整書類の不備：{self.name(p)}さんの扶養控除申告書で、"
            f"配偶者の個人番号が{self.my_number()}と書かれているが、1桁足りない可能性あり→本人に確認。"
            f"本人の番号{self.my_number()}は照合OK。"
        )

    # ---------------------------------------------------------------- structured: 会社概要
    def company_profile(self) -> str:
        o = self.org()
        ceo = self.person(male=self.p(0.8))
        hq = replace(ceo, building=self.office_building(ceo.loc), room="")
        land = self.phone_groups("land", hq.loc)
        founded = date(1950, 1, 1) + timedelta(days=self.n(0, 25000))
        lines = [
            self.c(("会社概要", "■企業情報", "COMPANY PROFILE / 会社概要")),
            f"商号：{d('ISSUER_COMPANY', self.org_text(o))}",
            f"法人番号：{self.corp()}",
            f"設立：{d('FOUNDING_DATE', self.date_text(founded, self.c(('kanji', 'era'))))}",
            f"資本金：{d('PRICE', f'{self.n(1, 99) * 100:,}万円')}",
            f"代表者：代表取締役{self.c(('社長', ''))} {self.name(ceo)}",
            f"本社所在地：〒{self.zip(hq.loc)} {self.addr(hq)}",
            f"TEL：{self.tel(land, 'hy', 'company')}",
            f"従業員数：{self.n(8, 2400)}名（{self.date_decoy()}現在）",
            f"事業内容：{self.c(('物流', 'ソフトウェア開発', '食品製造', '建設', '不動産管理'))}お"
            "よび関連事業",
            f"取引銀行：{d('BANK_NAME', self.c(_BANKS))}、{d('BANK_NAME', self.c(_BANKS))}",
            f"主要取引先：{self.partner()}、{self.partner()}、{self.partner()}（五十音順）",
        ]
        if self.p(0.5):
            lines.append(f"適格請求書発行事業者登録番号：{self.reg_no()}")
        return "\n".join(lines)


# --- the corpus --------------------------------------------------------------------------------

#: (genre, is prose, number of documents in the full corpus)
GENRES: tuple[tuple[str, bool, int], ...] = (
    ("ticket", True, 30),
    ("ticket_card", True, 20),
    ("minutes", True, 18),
    ("nippo", True, 18),
    ("chat", True, 18),
    ("note", True, 28),
    ("mail_thread", True, 26),
    ("press", True, 12),
    ("hr_interview", True, 12),
    ("moving", True, 10),
    ("candidate", True, 12),
    ("incident", True, 8),
    ("newsletter", True, 10),
    ("english", True, 10),
    ("sms", True, 14),
    ("foreign", True, 16),
    ("pension_memo", True, 14),
    ("negative_prose", True, 24),
    ("id_note", True, 26),
    ("hr_record", False, 18),
    ("resume", False, 14),
    ("form", False, 20),
    ("order_mail", False, 16),
    ("kvlog", False, 10),
    ("jsonl", False, 10),
    ("csv_people", False, 18),
    ("csv_partner", False, 10),
    ("csv_products", False, 8),
    ("supplier_list", False, 8),
    ("shipping", False, 10),
    ("invoice", False, 10),
    ("rental", False, 8),
    ("clinic", False, 8),
    ("bank_form", False, 8),
    ("meishi", False, 10),
    ("fixed_width", False, 6),
    ("call_log", False, 8),
    ("yaml_fixture", False, 6),
    ("kyc", False, 26),
    ("company_profile", False, 12),
)
PROSE_GENRES = frozenset(name for name, prose, _ in GENRES if prose)
N_DOCS = sum(count for _, _, count in GENRES)


def _schedule(seed: int) -> list[str]:
    order = [name for name, _, count in GENRES for _ in range(count)]
    random.Random(seed).shuffle(order)
    return order


def generate(n_docs: int = N_DOCS, seed: int = SEED) -> list[Doc]:
    """The held-out corpus: ``n_docs`` documents (a smaller corpus is a prefix of a larger one)."""
    schedule = _schedule(seed)
    writer = _Genres(seed)
    docs = []
    for i in range(n_docs):
        genre = schedule[i % len(schedule)]
        method: Callable[[], str] = getattr(writer, genre)
        docs.append(_build(f"heldout-{i:04d}-{genre}", method()))
    return docs


def genre_of(doc: Doc) -> str:
    return doc.id.split("-", 2)[2]


def check(docs: list[Doc]) -> None:
    """Offsets exact and disjoint; identifiers valid; phone numbers valid for ``phonenumbers``."""
    assert len({doc.id for doc in docs}) == len(docs)
    for doc in docs:
        _check_doc(doc)
        for span in doc.spans:
            value = doc.text[span.start : span.end]
            digits = digits_of(value)
            if span.entity == TEL:
                assert phone_is_valid(value, span.kind), (doc.id, value)
            elif span.entity == MYN:
                assert len(digits) == 12 and in_.is_valid(digits), (doc.id, value)
            elif span.entity == CORP:
                assert len(digits) == 13 and cn.is_valid(digits), (doc.id, value)
            elif span.entity == CARD:
                assert 14 <= len(digits) <= 16 and luhn_ok(digits), (doc.id, value)
            elif span.entity == DRV:
                assert len(digits) == 12 and licence_digit(digits[:10]) == digits[10], (
                    doc.id,
                    value,
                )
            elif span.entity == MAIL:
                assert "@" in unicodedata.normalize("NFKC", value), (doc.id, value)


def stats(docs: list[Doc]) -> dict[str, object]:
    prose = sum(genre_of(doc) in PROSE_GENRES for doc in docs)
    return {
        "docs": len(docs),
        "chars": sum(len(doc.text) for doc in docs),
        "prose_docs": prose,
        "prose_share": round(prose / len(docs), 3) if docs else 0.0,
        "docs_without_gold": sum(not doc.spans for doc in docs),
        "gold": dict(Counter(s.entity for doc in docs for s in doc.spans).most_common()),
        "decoys": dict(Counter(s.entity for doc in docs for s in doc.decoys).most_common()),
        "genres": dict(Counter(genre_of(doc) for doc in docs).most_common()),
    }


def _show(doc: Doc) -> str:
    marks = sorted(
        [(s, "gold") for s in doc.spans] + [(s, "decoy") for s in doc.decoys],
        key=lambda x: x[0].start,
    )
    out, last = [], 0
    for span, what in marks:
        out.append(doc.text[last : span.start])
        bracket = ("[", f"|{span.entity}]") if what == "gold" else ("{", f"|~{span.entity}}}")
        out.append(bracket[0] + doc.text[span.start : span.end] + bracket[1])
        last = span.end
    out.append(doc.text[last:])
    return "".join(out)


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--docs", type=int, default=N_DOCS)
    parser.add_argument("--samples", type=int, default=4, help="sample documents to print")
    parser.add_argument("--genre", help="print samples of this genre only")
    args = parser.parse_args()
    docs = generate(args.docs)
    check(docs)
    info = stats(docs)
    print(
        f"{info['docs']} documents, {info['chars']:,} characters, "
        f"{info['prose_docs']} prose ({info['prose_share']:.0%}), {info['docs_without_gold']} wit"
        "hout gold"
    )
    print("\ngold spans per entity:")
    for entity in ENTITIES:
        print(f"  {entity:<24} {info['gold'].get(entity, 0):>5}")  # type: ignore[union-attr]
    print("\ndecoys per kind:")
    for kind, count in info["decoys"].items():  # type: ignore[union-attr]
        print(f"  {kind:<28} {count:>5}")
    pool = [doc for doc in docs if args.genre in (None, genre_of(doc))]
    step = max(1, len(pool) // max(1, args.samples))
    for doc in pool[::step][: args.samples]:
        print(f"\n=== {doc.id} ===\n{_show(doc)}")


if __name__ == "__main__":
    _main()
