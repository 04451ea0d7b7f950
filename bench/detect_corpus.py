"""A deterministic, labelled Japanese development corpus for the detection benchmark.

Documents are built by filling hand-written business templates (inquiries, CRM notes, HR
records, order confirmations, e-mail signatures, résumés, logs, CSV rows, form dumps) with
Faker ``ja_JP`` values and generated identifiers. Text is built by concatenation, so every
gold span is an exact character offset into ``Doc.text``.

Labelling decisions:

- ``spans`` are gold. ``decoys`` are look-alikes that must NOT be detected (order and
  tracking numbers, JAN codes, prices, event dates, a prefecture or city on its own,
  business-partner companies, surnames inside company names, versions, IPs, counts ...);
  they are never scored, only used to explain false positives.
- A postal code is its own ADDRESS span, separate from the street address after it.
- A date is DATE_OF_BIRTH only with birth context (生年月日, 誕生日, 生まれ, DOB, a birth
  column); other dates are decoys.
- A company is EMPLOYER only in employment context (勤務先, 勤務, 在籍, 所属, 会社名, 入社,
  前職, an e-mail signature); companies in partner lists are decoys.
- A corporate number (法人番号) is gold JP_CORPORATE_NUMBER only when labelled 法人番号
  (inline or as the column header). Unlabelled ones in partner lists are decoys, so a
  JP_CORPORATE_NUMBER prediction there counts as a false positive.
- Phone numbers are valid for ``phonenumbers`` (region JP); My Numbers, corporate numbers,
  card numbers and JAN codes carry valid check digits; about half the order and tracking
  numbers pass the My Number check as well.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

import jaconv
import phonenumbers
from faker import Faker
from stdnum.jp import cn, in_

SEED = 20240401
DEFAULT_DOCS = 2000
SMALL_DOCS = 300
TODAY = date(2024, 4, 1)


@dataclass(frozen=True)
class Span:
    """A labelled span; ``kind`` says how the value was written (``paren``, ``era``...)."""

    start: int
    end: int
    entity: str
    kind: str = ""


@dataclass(frozen=True)
class Doc:
    id: str
    text: str
    spans: tuple[Span, ...]
    decoys: tuple[Span, ...] = ()


# --- value tables --------------------------------------------------------------------

_FW = str.maketrans(
    "0123456789-ABCDEFGHIJKLMNOPQRSTUVWXYZ.",
    "０１２３４５６７８９－ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ．",
)
_KANJI_DIGITS = "〇一二三四五六七八九"
_MOBILE = ("070", "080", "090")
#: (area code, digits in the exchange group, digits in the last group)
_LANDLINE = (
    ("03", 4, 4), ("06", 4, 4), ("011", 3, 4), ("022", 3, 4), ("045", 3, 4),
    ("052", 3, 4), ("075", 3, 4), ("078", 3, 4), ("092", 3, 4), ("082", 3, 4),
    ("048", 3, 4), ("0466", 2, 4), ("0422", 2, 4), ("0276", 2, 4), ("0263", 2, 4),
    ("0985", 2, 4), ("01267", 1, 4), ("04992", 1, 4), ("09802", 1, 4),
)  # fmt: skip
_NON_GEO = (("0120", 3, 3), ("0800", 3, 4), ("0570", 3, 3))
_ERAS = (
    ("令和", "R", date(2019, 5, 1)),
    ("平成", "H", date(1989, 1, 8)),
    ("昭和", "S", date(1926, 12, 25)),
    ("大正", "T", date(1912, 7, 30)),
)
_MAIL_DOMAINS = (
    "example.co.jp", "example.ne.jp", "docomo.ne.jp", "ezweb.ne.jp", "softbank.ne.jp",
    "gmail.com", "yahoo.co.jp", "icloud.com", "outlook.jp", "example.com",
)  # fmt: skip
_BARE_EMPLOYERS = (
    "トヨタ自動車", "ソニーグループ", "日立製作所", "三菱商事", "パナソニック", "NTTデータ",
    "みずほ銀行", "野村證券", "楽天グループ", "富士通", "キヤノン", "任天堂", "伊藤忠商事",
    "日本郵便", "東京電力", "資生堂", "サイバーエージェント", "ヤマト運輸",
    "セブン-イレブン・ジャパン", "三井住友銀行", "日本航空", "KDDI",
    "オリエンタルランド", "大和ハウス工業",
)  # fmt: skip
#: Real prefecture / municipality pairs, so addresses are plausible (Faker mixes them).
_MUNICIPALITY_TABLE = """
東京都 千代田区 新宿区 渋谷区 世田谷区 練馬区 八王子市 町田市 府中市
神奈川県 横浜市港北区 横浜市中区 川崎市中原区 相模原市南区 藤沢市 鎌倉市
大阪府 大阪市北区 大阪市中央区 堺市堺区 豊中市 吹田市 枚方市
愛知県 名古屋市中区 名古屋市千種区 豊田市 岡崎市 一宮市
北海道 札幌市中央区 札幌市北区 旭川市 函館市 岩見沢市
福岡県 福岡市博多区 福岡市中央区 北九州市小倉北区 久留米市
埼玉県 さいたま市大宮区 川口市 所沢市 越谷市
千葉県 千葉市中央区 船橋市 松戸市 柏市 浦安市
兵庫県 神戸市中央区 姫路市 西宮市 尼崎市
京都府 京都市左京区 京都市下京区 宇治市
宮城県 仙台市青葉区 石巻市
広島県 広島市中区 福山市
静岡県 静岡市葵区 沼津市 富士市
沖縄県 那覇市 沖縄市
新潟県 新潟市中央区 長岡市
長野県 長野市 松本市
茨城県 水戸市 つくば市
群馬県 前橋市 高崎市
栃木県 宇都宮市 小山市
岡山県 岡山市北区 倉敷市
熊本県 熊本市中央区 八代市
鹿児島県 鹿児島市 霧島市
石川県 金沢市 小松市
奈良県 奈良市 生駒市
香川県 高松市 丸亀市
愛媛県 松山市 今治市
"""
_MUNICIPALITIES: dict[str, tuple[str, ...]] = {
    row.split()[0]: tuple(row.split()[1:]) for row in _MUNICIPALITY_TABLE.strip().splitlines()
}
_BANKS = ("みずほ銀行", "三菱UFJ銀行", "三井住友銀行", "りそな銀行", "横浜銀行", "千葉銀行")
_BRANCHES = ("新宿", "渋谷", "梅田", "名古屋駅前", "横浜", "札幌", "博多", "京都", "神戸", "大宮")
_BUILDINGS = ("ハイツ", "コーポ", "メゾン", "レジデンス", "パレス", "ヒルズ", "タワー", "荘")
_CATEGORIES = ("電機", "通信", "商事", "建設", "物産", "工業", "運輸", "食品", "印刷", "薬品")
_PASSPORT_PREFIXES = ("TK", "TZ", "TR", "TS", "MU", "MZ", "RZ", "TH")
_LICENSE_OFFICES = ("30", "43", "44", "45", "54", "61", "62", "63", "90", "10", "22", "73")

# --- templates -----------------------------------------------------------------------
# {slot} is filled by _Filler; see _SLOTS for which slots are gold.

_TEMPLATES: dict[str, tuple[str, ...]] = {
    "inquiry": (
        "お世話になっております。{name}と申します。先日注文した商品について問い合わせです。"
        "注文番号は{order_no}です。",
        "{name}様より、{date}お届け予定の商品が届いていないとのお問い合わせ。折り返し先：{tel}",
        "お問い合わせフォーム\nお名前：{name}\nフリガナ：{kana}\nメールアドレス：{email}\n"
        "電話番号：{tel}\nお問い合わせ内容：返品について",
        "ご連絡はメール（{email}）または携帯{mobile}までお願いします。",
        "メールは{email}です。よろしくお願いします。",
        "引っ越しましたので住所変更をお願いします。新住所は〒{zip} {addr}です。",
        "{sei}様、お問い合わせありがとうございます。担当の{staff}よりご連絡いたします。",
        "電話番号を{tel}から{mobile}に変更したいのですが、手続きを教えてください。",
        "{hira}です。きのう{tollfree}にでんわしましたが、つながりませんでした。",
        "Hi, this is {romaji}. Please call me back at {intl_phone}. Thanks!",
        "{name}さんから{date}に問い合わせあり。{email}宛に回答済み。",
        "差出人: {romaji} <{email}>\n件名: 請求書の再発行について",
        "お客様名：{name}　ご住所：{addr}　ご連絡先：{tel}",
    ),
    "crm": (
        "{date} {staff}：{name}様から入電。{tel}へ折り返し済み。次回訪問は{date}。",
        "顧客メモ：{name}（{age}歳）、勤務先は{employer}。携帯{mobile}。",
        "{name}様は{employer}に勤務。決裁者は{staff_sei}部長。",
        "{sei}様より要望：請求書の送付先を{addr}に変更。",
        "キーパーソン：{name}（{employer}在籍）／TEL {tel}／Mail {email}",
        "担当者変更：前任{staff}→後任{name}。連絡先 {tel}",
        "{name}様、誕生日は{dob}とのこと。来月DMを送付。",
        "商談メモ {date}：{sei}氏（{employer}所属）と面談、見積を{date}までに提出。",
        "{name}様（{kana}）のご自宅 {addr} に訪問。",
        "{staff}より：{name}様のFAX番号は{fax}です。",
        "IP電話 {ip_phone} にて{sei}様と通話（{years}分）。",
    ),
    "hr": (
        "社員番号：{count}\n氏名：{name}（{kana}）\n生年月日：{dob}\n住所：〒{zip} {addr}\n"
        "緊急連絡先：{tel}",
        "マイナンバー：{mynum}",
        "個人番号 {mynum}（{name}）",
        "従業員{name}の個人番号（{mynum}）を受領しました。",
        "基礎年金番号：{pension}",
        "年金手帳の基礎年金番号は{pension}です。",
        "給与振込口座：{bank} {branch}支店 普通 {account}",
        "口座番号：{account}（{bank}）",
        "運転免許証番号：{license}",
        "運転免許証（番号{license}）の写しを受領。",
        "在留カード番号：{zairyu}（在留期限 {date}）",
        "在留カード {zairyu} を確認済み。",
        "パスポート番号：{passport}",
        "旅券番号 {passport}、有効期限 {date}",
        "{name}さんは{dob}生まれです。",
        "前職：{employer}（{year}年退職）",
        "入社前の勤務先：{employer_bare}",
        "扶養家族：{staff}（配偶者、生年月日 {dob}）",
    ),
    "order": (
        "ご注文ありがとうございます。\nご注文番号：{order_no}\nお届け先：〒{zip} {addr} {name} 様\n"
        "お届け予定日：{date}\n合計金額：{price}",
        "お支払い方法：クレジットカード（カード番号 {card}）",
        "カード番号：{card}　有効期限：{expiry}",
        "配送伝票番号：{tracking}（{name}様宛）",
        "ご請求先：{name} 様　{tel}",
        "お届け先電話番号：{mobile}",
        "ご注文者：{kana} 様\nメール：{email}",
        "振込名義：{hwkana}　金額：{price}",
    ),
    "signature": (
        "--\n{employer}\n営業部 {name}\nTEL：{tel}　FAX：{fax}\nMail：{email}\n〒{zip} {addr}",
        "{employer} カスタマーサポート部\n{name}（{romaji}）\n{email}",
        "━━━━━━━━━━\n{employer}　経理課\n{name}\n直通：{tel}\n━━━━━━━━━━",
        "{romaji}\n{employer}\nMobile: {intl_phone}\nE-mail: {email}",
    ),
    "resume": (
        "{year}年4月 {employer} 入社",
        "{year}年3月 {employer} 退社",
        "氏名 {name}　ふりがな {hira}\n生年月日 {dob}（満{age}歳）\n現住所 〒{zip} {addr}\n"
        "電話 {tel}\nE-mail {email}",
        "現在、{employer}に在籍しております。",
        "Name: {romaji} / Date of Birth: {dob} / Tel: {intl_phone}",
        "DOB: {dob}",
        "勤務先：{employer_bare}（{year}年入社）",
    ),
    "log": (
        "{datetime} INFO login user={email} ip={ip}",
        "{datetime} WARN sms sent to={mobile} status=200",
        "{datetime} INFO order={order_no} shipped tracking={tracking}",
        "{datetime} DEBUG update customer name={romaji} tel={tel}",
        "{datetime} ERROR mail bounce: {email}",
        "{datetime} INFO app v{version} card={masked_card} host={ip}",
    ),
    "csv": (
        "氏名,電話番号,メールアドレス,生年月日\n{name},{tel},{email},{dob}",
        "id,name,kana,zip,address,tel\n{count},{name},{kana},{zip},{addr},{tel}",
        "取引先コード,会社名,法人番号\n{count},{partner},{corpnum}",
        "注文番号,商品コード,数量,金額\n{order_no},{sku},{count},{price}",
        "customer_id,birth,email\n{count},{dob},{email}",
        "会員番号,氏名,携帯電話,FAX\n{count},{name},{mobile},{fax}",
    ),
    "form": (
        "氏名：{name} 住所：{addr} 電話：{tel} 生年月日：{dob} 勤務先：{employer}",
        "【申込者情報】氏名：{name}／フリガナ：{kana}／郵便番号：{zip}／住所：{addr}／"
        "携帯電話：{mobile}／メール：{email}",
        "勤務先：{employer_bare}　勤続年数：{years}年",
        "会社名：{employer}　部署：経理部　役職：課長",
        "お名前（ローマ字）：{romaji}　誕生日：{dob}",
        "本人確認書類：運転免許証　番号：{license}",
        "マイナンバー（個人番号）：{mynum}　氏名：{name}",
        "法人番号：{corpnum}　商号：{partner}",
    ),
}

#: Look-alike lines: nothing in them is gold except what a slot marks as gold.
_DECOY_TEMPLATES: tuple[str, ...] = (
    "注文番号 {order_no} の商品を発送しました。",
    "お問い合わせ番号：{tracking}",
    "JANコード {jan}",
    "商品コード {sku}、税込{price}。",
    "納品日 {date}、請求締日は{date}です。",
    "開催日：{date}（{pref}会場）",
    "{pref}内の店舗で販売中です。",
    "{city}で開催される展示会に出展します。",
    "取引先：{partner}、{partner}、{partner}",
    "協力会社一覧：{partner}（{corpnum_x}）、{partner}（{corpnum_x}）",
    "{surname_co}の新製品を入荷しました。",
    "{surname_co}様向け見積書を作成。",
    "バージョン {version} をリリースしました。",
    "サーバー {ip} のログを確認。",
    "{year}年度の来場者数は{count}名でした。",
    "カード番号下4桁：{last4}",
    "決済カード：{masked_card}",
    "受付時間 9:00〜18:00（土日祝を除く）",
    "在庫数 {count}個、品番 {sku}、製造番号 {serial}",
    "取引先 {partner}（法人番号 {corpnum}）",
    "発送元：{partner} 物流センター",
    "会議室予約 {date} 14:00-15:00 参加者{count}名",
    "請求書番号 {order_no}、お支払期限 {date}",
    "問い合わせ件数：{count}件（前年比 {count}%）",
)

_GENRE_WEIGHTS = {
    "inquiry": 14, "crm": 13, "hr": 14, "order": 12, "signature": 9, "resume": 8,
    "log": 8, "csv": 8, "form": 10, "decoy": 8,
}  # fmt: skip

# slot -> (label, gold). Gold labels are entities; decoy labels only explain errors.
_SLOTS: dict[str, tuple[str, bool]] = {
    "name": ("PERSON", True), "kana": ("PERSON", True), "hira": ("PERSON", True),
    "hwkana": ("PERSON", True), "romaji": ("PERSON", True), "sei": ("PERSON", True),
    "staff": ("PERSON", True), "staff_sei": ("PERSON", True),
    "addr": ("ADDRESS", True), "zip": ("ADDRESS", True),
    "tel": ("PHONE_NUMBER", True), "mobile": ("PHONE_NUMBER", True),
    "fax": ("PHONE_NUMBER", True), "tollfree": ("PHONE_NUMBER", True),
    "ip_phone": ("PHONE_NUMBER", True), "intl_phone": ("PHONE_NUMBER", True),
    "email": ("EMAIL_ADDRESS", True), "dob": ("DATE_OF_BIRTH", True),
    "employer": ("EMPLOYER", True), "employer_bare": ("EMPLOYER", True),
    "mynum": ("JP_MY_NUMBER", True), "corpnum": ("JP_CORPORATE_NUMBER", True),
    "passport": ("JP_PASSPORT", True), "license": ("JP_DRIVER_LICENSE", True),
    "zairyu": ("JP_RESIDENCE_CARD", True), "pension": ("JP_BASIC_PENSION_NUMBER", True),
    "account": ("JP_BANK_ACCOUNT", True), "card": ("CREDIT_CARD", True),
    "order_no": ("ORDER_NUMBER", False), "tracking": ("TRACKING_NUMBER", False),
    "jan": ("JAN_CODE", False), "sku": ("PRODUCT_CODE", False), "price": ("PRICE", False),
    "date": ("PLAIN_DATE", False), "datetime": ("TIMESTAMP", False),
    "pref": ("PREFECTURE", False), "city": ("CITY", False),
    "partner": ("PARTNER_COMPANY", False), "surname_co": ("SURNAME_COMPANY", False),
    "version": ("VERSION", False), "ip": ("IP_ADDRESS", False), "count": ("COUNT", False),
    "year": ("YEAR", False), "years": ("COUNT", False), "age": ("AGE", False),
    "corpnum_x": ("CORPORATE_NUMBER", False),
    "masked_card": ("MASKED_CARD", False), "last4": ("CARD_LAST4", False),
    "expiry": ("CARD_EXPIRY", False), "serial": ("SERIAL_NUMBER", False),
    "bank": ("BANK_NAME", False), "branch": ("BRANCH_NAME", False),
}  # fmt: skip
_SLOT_RE = re.compile(r"\{(\w+)\}")


def _luhn_check_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str(-total % 10)


def _ean13_check_digit(body: str) -> str:
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    return str(-total % 10)


def _license_check_digit(body: str) -> str:
    """The widely cited (unofficial) check digit on digit 11 of a driver's licence number."""
    total = sum(int(c) * w for c, w in zip(body, (5, 4, 3, 2, 7, 6, 5, 4, 3, 2), strict=True))
    return str((11 - total % 11) % 10)


def _kanji_number(n: int) -> str:
    if n < 10:
        return _KANJI_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _KANJI_DIGITS[tens]) + "十" + (_KANJI_DIGITS[ones] if ones else "")


@dataclass(frozen=True)
class _Persona:
    last: tuple[str, str, str]  # kanji, katakana, romaji
    first: tuple[str, str, str]
    dob: date


class _Filler:
    """Fills one template slot at a time; owns the random state."""

    def __init__(self, rng: random.Random, fake: Faker) -> None:
        self.rng = rng
        self.fake = fake
        self.person = self.staff = self._persona()

    def new_doc(self) -> None:
        self.person = self._persona()
        self.staff = self._persona()

    def _persona(self) -> _Persona:
        female = self.rng.random() < 0.5
        first = self.fake.first_name_female_pair() if female else self.fake.first_name_male_pair()
        if self.rng.random() < 0.12:  # make sure 元年 and era boundaries show up
            dob = date(1989, 1, 8) + timedelta(days=self.rng.randrange(358))
        else:
            dob = date(1940, 1, 1) + timedelta(days=self.rng.randrange(365 * 66))
        return _Persona(self.fake.last_name_pair(), first, dob)

    def _pick(self, weighted: dict[str, int]) -> str:
        return self.rng.choices(list(weighted), weights=list(weighted.values()))[0]

    def _digits(self, n: int) -> str:
        return "".join(str(self.rng.randrange(10)) for _ in range(n))

    def fill(self, slot: str) -> tuple[str, str]:
        value: tuple[str, str] = getattr(self, f"_slot_{slot}")()
        return value

    # names
    def _kanji_name(self, p: _Persona) -> tuple[str, str]:
        kind = self._pick({"kanji": 5, "kanji_space": 4, "kanji_fwspace": 2})
        sep = {"kanji": "", "kanji_space": " ", "kanji_fwspace": "\u3000"}[kind]
        return f"{p.last[0]}{sep}{p.first[0]}", kind

    def _slot_name(self) -> tuple[str, str]:
        return self._kanji_name(self.person)

    def _slot_staff(self) -> tuple[str, str]:
        return self._kanji_name(self.staff)

    def _slot_sei(self) -> tuple[str, str]:
        return self.person.last[0], "surname"

    def _slot_staff_sei(self) -> tuple[str, str]:
        return self.staff.last[0], "surname"

    def _slot_kana(self) -> tuple[str, str]:
        sep = self.rng.choice((" ", " ", "\u3000", ""))
        return f"{self.person.last[1]}{sep}{self.person.first[1]}", "katakana"

    def _slot_hira(self) -> tuple[str, str]:
        sep = self.rng.choice((" ", "\u3000", ""))
        value = f"{self.person.last[1]}{sep}{self.person.first[1]}"
        return jaconv.kata2hira(value), "hiragana"

    def _slot_hwkana(self) -> tuple[str, str]:
        value = f"{self.person.last[1]} {self.person.first[1]}"
        return jaconv.z2h(value, kana=True, ascii=False, digit=False), "halfwidth_kana"

    def _slot_romaji(self) -> tuple[str, str]:
        last, first = self.person.last[2], self.person.first[2]
        kind = self._pick({"romaji": 3, "romaji_family_first": 2, "romaji_upper": 1})
        if kind == "romaji":
            return f"{first} {last}", kind
        if kind == "romaji_upper":
            return f"{last.upper()} {first}", kind
        return f"{last} {first}", kind

    # contact details
    def _slot_email(self) -> tuple[str, str]:
        last, first = self.person.last[2].lower(), self.person.first[2].lower()
        local = self.rng.choice(
            (f"{first}.{last}", f"{last}.{first}", f"{first[0]}-{last}", f"{last}{first[0]}",
             f"{first}{self.person.dob.year % 100:02d}", f"{last}_{self._digits(3)}")
        )  # fmt: skip
        return f"{local}@{self.rng.choice(_MAIL_DOMAINS)}", "email"

    def _phone_groups(self, kind: str) -> tuple[str, str, str]:
        if kind == "mobile":
            area, b, c = self.rng.choice(_MOBILE), 4, 4
        elif kind == "ip":
            area, b, c = "050", 4, 4
        elif kind == "tollfree":
            area, b, c = self.rng.choice(_NON_GEO)
        else:
            area, b, c = self.rng.choice(_LANDLINE)
        while True:
            rest = str(self.rng.randint(2, 9)) + self._digits(b + c - 1)
            if phonenumbers.is_valid_number(phonenumbers.parse(area + rest, "JP")):
                return area, rest[:b], rest[b:]

    def _render_phone(self, groups: tuple[str, str, str], kind: str, intl: bool) -> tuple[str, str]:
        a, b, c = groups
        styles = {"hyphen": 40, "plain": 10, "paren": 6, "paren_area": 4, "space": 5,
                  "fullwidth": 8, "choonpu": 4}  # fmt: skip
        if intl:
            styles = {"intl": 3, "intl_space": 1}
        elif kind != "tollfree":
            styles |= {"intl": 5}
        style = self._pick(styles)
        text = {
            "hyphen": f"{a}-{b}-{c}",
            "plain": f"{a}{b}{c}",
            "paren": f"{a}({b}){c}",
            "paren_area": f"({a}){b}-{c}",
            "space": f"{a} {b} {c}",
            "fullwidth": f"{a}-{b}-{c}".translate(_FW),
            "choonpu": f"{a}ー{b}ー{c}",
            "intl": f"+81-{a[1:]}-{b}-{c}",
            "intl_space": f"+81 {a[1:]} {b} {c}",
        }[style]
        return text, f"{kind}:{style}"

    def _phone(self, kind: str, intl: bool = False) -> tuple[str, str]:
        return self._render_phone(self._phone_groups(kind), kind, intl)

    def _slot_tel(self) -> tuple[str, str]:
        return self._phone(self._pick({"mobile": 5, "landline": 5}))

    def _slot_mobile(self) -> tuple[str, str]:
        return self._phone("mobile")

    def _slot_fax(self) -> tuple[str, str]:
        return self._phone("landline")

    def _slot_tollfree(self) -> tuple[str, str]:
        return self._phone("tollfree")

    def _slot_ip_phone(self) -> tuple[str, str]:
        return self._phone("ip")

    def _slot_intl_phone(self) -> tuple[str, str]:
        return self._phone(self._pick({"mobile": 2, "landline": 1}), intl=True)

    # addresses
    def _slot_zip(self) -> tuple[str, str]:
        code = self.fake.postcode()
        style = self._pick({"hyphen": 6, "plain": 2, "fullwidth": 1})
        if style == "plain":
            return code.replace("-", ""), "postcode:plain"
        if style == "fullwidth":
            return code.translate(_FW), "postcode:fullwidth"
        return code, "postcode:hyphen"

    def _slot_addr(self) -> tuple[str, str]:
        f, rng = self.fake, self.rng
        chome, ban, gou = rng.randint(1, 9), rng.randint(1, 30), rng.randint(1, 20)
        block_kind = self._pick(
            {"hyphen": 5, "kanji_units": 3, "kanji_chome": 2, "banchi": 1, "fullwidth": 1}
        )
        block = {
            "hyphen": f"{chome}-{ban}-{gou}",
            "kanji_units": f"{chome}丁目{ban}番{gou}号",
            "kanji_chome": f"{_kanji_number(chome)}丁目{ban}-{gou}",
            "banchi": f"{ban * 37}番地{gou}",
            "fullwidth": f"{chome}-{ban}-{gou}".translate(_FW),
        }[block_kind]
        town = f.town()
        while not town.isalpha() or any("Ａ" <= c <= "ｚ" for c in town):  # 丸の内ＪＰタワー
            town = f.town()
        prefecture = rng.choice(list(_MUNICIPALITIES))
        parts = [prefecture, rng.choice(_MUNICIPALITIES[prefecture]), town + block]
        kind = f"address:{block_kind}"
        if rng.random() < 0.15:
            parts = parts[1:]
            kind += ":no_prefecture"
        sep = " " if rng.random() < 0.2 else ""
        text = sep.join(parts)
        if rng.random() < 0.4:
            building = f"{town[:2]}{rng.choice(_BUILDINGS)}"
            room = f"{rng.randint(1, 12)}0{rng.randint(1, 9)}"
            text += f" {building}{room}号室" if rng.random() < 0.5 else f" {building} {room}"
        return text, kind

    # dates
    def _render_date(self, d: date, styles: dict[str, int]) -> tuple[str, str]:
        style = self._pick(styles)
        era, letter, start = next(e for e in _ERAS if d >= e[2])
        ey = d.year - start.year + 1
        era_year = "元" if ey == 1 and self.rng.random() < 0.6 else str(ey)
        text = {
            "iso": f"{d:%Y-%m-%d}",
            "slash": f"{d.year}/{d.month}/{d.day}",
            "slash0": f"{d:%Y/%m/%d}",
            "kanji": f"{d.year}年{d.month}月{d.day}日",
            "era": f"{era}{era_year}年{d.month}月{d.day}日",
            "era_abbr": f"{letter}{ey}.{d.month}.{d.day}",
            "dot": f"{d.year}.{d.month}.{d.day}",
            "fullwidth": f"{d.year}年{d.month}月{d.day}日".translate(_FW),
        }[style]
        return text, f"date:{style}"

    def _slot_dob(self) -> tuple[str, str]:
        styles = {"iso": 3, "slash": 2, "slash0": 2, "kanji": 4, "era": 4, "era_abbr": 2,
                  "dot": 1, "fullwidth": 1}  # fmt: skip
        return self._render_date(self.person.dob, styles)

    def _slot_date(self) -> tuple[str, str]:
        d = date(2019, 1, 1) + timedelta(days=self.rng.randrange(365 * 6))
        styles = {"iso": 3, "slash": 3, "slash0": 2, "kanji": 5, "era": 2, "era_abbr": 1,
                  "fullwidth": 1}  # fmt: skip
        return self._render_date(d, styles)

    def _slot_datetime(self) -> tuple[str, str]:
        d = date(2023, 1, 1) + timedelta(days=self.rng.randrange(700))
        h, m, s = self.rng.randrange(24), self.rng.randrange(60), self.rng.randrange(60)
        if self.rng.random() < 0.5:
            return f"{d:%Y-%m-%d}T{h:02d}:{m:02d}:{s:02d}+09:00", "iso"
        return f"[{d:%Y-%m-%d} {h:02d}:{m:02d}:{s:02d}]", "bracket"

    def _slot_age(self) -> tuple[str, str]:
        d = self.person.dob
        age = TODAY.year - d.year - ((TODAY.month, TODAY.day) < (d.month, d.day))
        return str(age), "age"

    def _slot_year(self) -> tuple[str, str]:
        return str(self.rng.randint(1995, 2024)), "year"

    # employers and companies
    def _slot_employer(self) -> tuple[str, str]:
        return self.fake.company(), "company"

    def _slot_employer_bare(self) -> tuple[str, str]:
        if self.rng.random() < 0.6:
            return self.rng.choice(_BARE_EMPLOYERS), "bare:well_known"
        return f"{self.fake.last_name()}{self.rng.choice(_CATEGORIES)}", "bare:surname_category"

    def _slot_partner(self) -> tuple[str, str]:
        return self.fake.company(), "company"

    def _slot_surname_co(self) -> tuple[str, str]:
        return f"{self.fake.last_name()}{self.rng.choice(_CATEGORIES)}", "surname_company"

    def _slot_pref(self) -> tuple[str, str]:
        return self.rng.choice(list(_MUNICIPALITIES)), "prefecture"

    def _slot_city(self) -> tuple[str, str]:
        return self.rng.choice(list(_MUNICIPALITIES.values()))[0], "city"

    def _slot_bank(self) -> tuple[str, str]:
        return self.rng.choice(_BANKS), "bank"

    def _slot_branch(self) -> tuple[str, str]:
        return self.rng.choice(_BRANCHES), "branch"

    # identification codes
    def _my_number(self) -> str:
        body = str(self.rng.randint(1, 9)) + self._digits(10)
        return body + in_.calc_check_digit(body)

    def _slot_mynum(self) -> tuple[str, str]:
        n = self._my_number()
        style = self._pick({"plain": 5, "space": 3, "hyphen": 2, "fullwidth": 1})
        grouped = f"{n[:4]} {n[4:8]} {n[8:]}"
        text = {
            "plain": n,
            "space": grouped,
            "hyphen": grouped.replace(" ", "-"),
            "fullwidth": n.translate(_FW),
        }[style]
        return text, f"my_number:{style}"

    def _corp_number(self) -> str:
        body = str(self.rng.randint(1, 9)) + self._digits(11)
        return cn.calc_check_digit(body) + body

    def _slot_corpnum(self) -> tuple[str, str]:
        return self._corp_number(), "corporate_number"

    def _slot_corpnum_x(self) -> tuple[str, str]:
        return self._corp_number(), "corporate_number:unlabelled"

    def _slot_passport(self) -> tuple[str, str]:
        return self.rng.choice(_PASSPORT_PREFIXES) + self._digits(7), "passport"

    def _slot_license(self) -> tuple[str, str]:
        office, year = self.rng.choice(_LICENSE_OFFICES), self.rng.randint(0, 99)
        body = f"{office}{year:02d}{self._digits(6)}"
        number = body + _license_check_digit(body) + self.rng.choice("0000001")
        return number, "driver_license"

    def _slot_zairyu(self) -> tuple[str, str]:
        letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
        head = "".join(self.rng.choice(letters) for _ in range(2))
        tail = "".join(self.rng.choice(letters) for _ in range(2))
        return f"{head}{self._digits(8)}{tail}", "residence_card"

    def _slot_pension(self) -> tuple[str, str]:
        n = str(self.rng.randint(1, 9)) + self._digits(9)
        if self.rng.random() < 0.75:
            return f"{n[:4]}-{n[4:]}", "pension:hyphen"
        return n, "pension:plain"

    def _slot_account(self) -> tuple[str, str]:
        return self._digits(7), "bank_account"

    def _slot_card(self) -> tuple[str, str]:
        prefix = self.rng.choice(("4", "4", "51", "53", "55", "3528", "3566", "3589"))
        body = prefix + self._digits(15 - len(prefix))
        n = body + _luhn_check_digit(body)
        style = self._pick({"space": 5, "hyphen": 3, "plain": 2})
        groups = [n[i : i + 4] for i in range(0, 16, 4)]
        text = {"space": " ".join(groups), "hyphen": "-".join(groups), "plain": n}[style]
        return text, f"card:{style}"

    # look-alikes
    def _slot_order_no(self) -> tuple[str, str]:
        if self.rng.random() < 0.5:
            n, kind = self._my_number(), "passes_my_number_check"
        else:
            n, kind = str(self.rng.randint(1, 9)) + self._digits(11), "twelve_digits"
        if self.rng.random() < 0.25:
            return f"{n[:4]}-{n[4:8]}-{n[8:]}", kind + ":hyphen"
        return n, kind

    def _slot_tracking(self) -> tuple[str, str]:
        n = self._my_number() if self.rng.random() < 0.5 else "4" + self._digits(11)
        if self.rng.random() < 0.5:
            return f"{n[:4]}-{n[4:8]}-{n[8:]}", "tracking:hyphen"
        return n, "tracking:plain"

    def _slot_jan(self) -> tuple[str, str]:
        body = self.rng.choice(("45", "49")) + self._digits(10)
        return body + _ean13_check_digit(body), "jan"

    def _slot_sku(self) -> tuple[str, str]:
        letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
        head = "".join(self.rng.choice(letters) for _ in range(self.rng.randint(2, 3)))
        return f"{head}-{self._digits(self.rng.randint(4, 6))}", "sku"

    def _slot_serial(self) -> tuple[str, str]:
        letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
        return "".join(self.rng.choice(letters) for _ in range(2)) + self._digits(8), "serial"

    def _slot_price(self) -> tuple[str, str]:
        amount = self.rng.randint(3, 2000) * 100 - self.rng.choice((0, 20, 1))
        return self.rng.choice((f"¥{amount:,}", f"{amount:,}円", f"￥{amount:,}（税込）")), "price"

    def _slot_version(self) -> tuple[str, str]:
        v = f"{self.rng.randint(1, 12)}.{self.rng.randint(0, 20)}.{self.rng.randint(0, 9)}"
        return self.rng.choice((v, f"Ver.{v}", f"v{v}")), "version"

    def _slot_ip(self) -> tuple[str, str]:
        head = self.rng.choice(("192.168", "10.0", "172.16", "203.0"))
        return f"{head}.{self.rng.randint(0, 255)}.{self.rng.randint(1, 254)}", "ip"

    def _slot_count(self) -> tuple[str, str]:
        n = self.rng.randint(1, 99) if self.rng.random() < 0.6 else self.rng.randint(100, 99999)
        return (f"{n:,}" if self.rng.random() < 0.3 else str(n)), "count"

    def _slot_years(self) -> tuple[str, str]:
        return str(self.rng.randint(1, 35)), "years"

    def _slot_masked_card(self) -> tuple[str, str]:
        last4 = self._digits(4)
        return self.rng.choice((f"**** **** **** {last4}", f"XXXX-XXXX-XXXX-{last4}")), "masked"

    def _slot_last4(self) -> tuple[str, str]:
        return self._digits(4), "last4"

    def _slot_expiry(self) -> tuple[str, str]:
        return f"{self.rng.randint(1, 12):02d}/{self.rng.randint(25, 31)}", "expiry"


def _fill_template(
    filler: _Filler,
    template: str,
    parts: list[str],
    length: int,
    filled: list[tuple[Span, bool, str]],
) -> int:
    """Append ``template`` filled in to ``parts``; return the new text length."""
    pos = 0
    for m in _SLOT_RE.finditer(template):
        literal = template[pos : m.start()]
        parts.append(literal)
        length += len(literal)
        label, gold = _SLOTS[m.group(1)]
        value, kind = filler.fill(m.group(1))
        filled.append((Span(length, length + len(value), label, kind), gold, value))
        parts.append(value)
        length += len(value)
        pos = m.end()
    parts.append(template[pos:])
    return length + len(template) - pos


def _make_doc(filler: _Filler, index: int) -> Doc:
    rng = filler.rng
    filler.new_doc()
    genre = rng.choices(list(_GENRE_WEIGHTS), weights=list(_GENRE_WEIGHTS.values()))[0]
    if genre == "decoy":
        lines = rng.sample(_DECOY_TEMPLATES, rng.randint(2, 4))
    elif genre == "signature":  # an e-mail: a line or two of body, then one signature
        lines = rng.sample(_TEMPLATES["inquiry"] + _TEMPLATES["crm"], rng.randint(0, 2))
        lines.append(rng.choice(_TEMPLATES["signature"]))
    else:
        pool = _TEMPLATES[genre]
        lines = rng.sample(pool, min(len(pool), rng.randint(1, 3)))
        if rng.random() < 0.45:
            lines.insert(rng.randrange(len(lines) + 1), rng.choice(_DECOY_TEMPLATES))
    parts: list[str] = []
    filled: list[tuple[Span, bool, str]] = []
    length = 0
    for i, template in enumerate(lines):
        if i:
            parts.append("\n")
            length += 1
        length = _fill_template(filler, template, parts, length, filled)
    text = "".join(parts)
    for span, _, value in filled:
        assert text[span.start : span.end] == value, (index, span, value)
    spans = tuple(span for span, gold, _ in filled if gold)
    decoys = tuple(span for span, gold, _ in filled if not gold)
    return Doc(f"{genre}-{index:05d}", text, spans, decoys)


def generate(n_docs: int = DEFAULT_DOCS, seed: int = SEED) -> list[Doc]:
    """The first ``n_docs`` documents of the corpus for ``seed`` (a prefix is stable)."""
    rng = random.Random(seed)
    fake = Faker("ja_JP")
    fake.seed_instance(seed)
    filler = _Filler(rng, fake)
    return [_make_doc(filler, i) for i in range(n_docs)]


def check(docs: list[Doc]) -> None:
    """Raise AssertionError if a span is out of range, empty or overlaps another."""
    for doc in docs:
        ordered = sorted(doc.spans + doc.decoys, key=lambda s: s.start)
        for span in ordered:
            assert 0 <= span.start < span.end <= len(doc.text), (doc.id, span)
        for a, b in zip(ordered, ordered[1:], strict=False):
            assert a.end <= b.start, (doc.id, a, b)


def stats(docs: list[Doc]) -> dict[str, object]:
    gold = Counter(s.entity for d in docs for s in d.spans)
    decoys = Counter(s.entity for d in docs for s in d.decoys)
    return {
        "docs": len(docs),
        "chars": sum(len(d.text) for d in docs),
        "gold": dict(sorted(gold.items())),
        "decoys": dict(sorted(decoys.items())),
    }


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true")
    parser.add_argument("--show", type=int, default=3, help="print this many documents")
    args = parser.parse_args()
    docs = generate(SMALL_DOCS if args.small else DEFAULT_DOCS)
    check(docs)
    for doc in docs[: args.show]:
        print(f"# {doc.id}\n{doc.text}")
        for s in doc.spans:
            print(f"  {s.entity:<24} {s.kind:<28} {doc.text[s.start : s.end]}")
    print(stats(docs))


if __name__ == "__main__":
    _main()
