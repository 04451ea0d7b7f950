"""What a column's name (or comment) says it holds, in English, romaji and Japanese.

A name is one piece of evidence, never the verdict: ``name`` in ``mtb_pref`` is a
prefecture, ``mail_flg`` is a flag, ``company_name`` is an employer only beside a person.
So a hint carries a *kind* (finer than an entity: ``postal_code``, ``kana_name``,
``company_name``), a strength, and the words the detector may use as context.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from scanner.entities import Entity

#: kind -> the entity a column of that kind holds (None: not personal by itself)
KIND_ENTITY: dict[str, str | None] = {
    "person_name": Entity.PERSON,
    "generic_name": Entity.PERSON,
    "kana_name": Entity.PERSON,
    "address": Entity.ADDRESS,
    "postal_code": Entity.ADDRESS,
    "prefecture": Entity.ADDRESS,
    "phone": Entity.PHONE_NUMBER,
    "email": Entity.EMAIL_ADDRESS,
    "birth_date": Entity.DATE_OF_BIRTH,
    "employer": Entity.EMPLOYER,
    "company_name": Entity.EMPLOYER,
    "my_number": Entity.JP_MY_NUMBER,
    "passport": Entity.JP_PASSPORT,
    "driver_license": Entity.JP_DRIVER_LICENSE,
    "residence_card": Entity.JP_RESIDENCE_CARD,
    "pension": Entity.JP_BASIC_PENSION_NUMBER,
    "bank_account": Entity.JP_BANK_ACCOUNT,
    "credit_card": Entity.CREDIT_CARD,
    "corporate_number": Entity.JP_CORPORATE_NUMBER,
    "medical": Entity.SPECIAL_CARE_MEDICAL,
    "health_check": Entity.SPECIAL_CARE_HEALTH_CHECK,
    "disability": Entity.SPECIAL_CARE_DISABILITY,
    "criminal": Entity.SPECIAL_CARE_CRIMINAL,
    "creed": Entity.SPECIAL_CARE_CREED,
    "race": Entity.SPECIAL_CARE_RACE,
    "free_text": None,
    "non_personal": None,
}

#: words handed to the detector as context for a column of that kind
KIND_CONTEXT: dict[str, tuple[str, ...]] = {
    "person_name": ("氏名", "名前", "name"),
    "generic_name": ("名前", "name"),
    "kana_name": ("フリガナ", "氏名", "name"),
    "address": ("住所", "address"),
    "postal_code": ("郵便番号", "〒", "住所"),
    "prefecture": ("住所", "都道府県"),
    "phone": ("電話番号", "電話", "TEL", "phone"),
    "email": ("メールアドレス", "メール", "email"),
    "birth_date": ("生年月日", "誕生日", "birth", "DOB"),
    "employer": ("勤務先", "会社名"),
    "company_name": ("会社名", "勤務先"),
    "my_number": ("マイナンバー", "個人番号"),
    "passport": ("旅券", "パスポート", "passport"),
    "driver_license": ("運転免許", "免許証番号"),
    "residence_card": ("在留カード",),
    "pension": ("基礎年金番号", "年金手帳"),
    "bank_account": ("口座番号", "口座"),
    "credit_card": ("クレジットカード", "カード番号"),
    "corporate_number": ("法人番号",),
}


@dataclass(frozen=True)
class NameHint:
    kind: str
    strength: float  # 0..1: how sure the name alone is
    matched: str  # the word that matched, for the evidence
    source: str = "name"  # "name" or "comment"
    #: named as a code (``city_code``): its values are read as the kind only when they are
    #: not codes themselves (a town's name is, ``13101`` or ``C01`` is not)
    coded: bool = False

    @property
    def entity(self) -> str | None:
        value = KIND_ENTITY.get(self.kind)
        return str(value) if value is not None else None

    @property
    def context(self) -> tuple[str, ...]:
        return KIND_CONTEXT.get(self.kind, ())

    def describe(self) -> str:
        where = "" if self.source == "name" else f" ({self.source})"
        return f"{self.matched} → {self.kind}{where}"


# --- ASCII identifiers (English and romaji) -----------------------------------------

#: whole identifiers with separators removed ("first_name" -> "firstname")
_COMPACT: dict[str, tuple[str, float]] = {}


def _add(kind: str, strength: float, words: str) -> None:
    for w in words.split():
        _COMPACT[w] = (kind, strength)


_add("person_name", 0.9, "firstname lastname fullname givenname familyname surname forename")
_add("person_name", 0.9, "shimei simei namae seimei myoji myouji customername membername")
_add("person_name", 0.85, "sei mei seimei")
_add("kana_name", 0.85, "kana furigana yomigana yomi kananame namekana seikana meikana")
_add("kana_name", 0.85, "seikn meikn seikanji")
_add("kana_name", 0.85, "kanasei kanamei lastnamekana firstnamekana katakana")
_add("postal_code", 0.9, "zip zipcode postcode postalcode yubin yuubin yubinbango yuubinbangou")
_add("postal_code", 0.9, "yubinbangou postno zipno")
_add("phone", 0.9, "tel telno telnumber phone phoneno phonenumber telephone mobile mobilephone")
_add("phone", 0.9, "cellphone keitai keitaidenwa denwa denwabango denwabangou fax faxno")
_add("phone", 0.9, "faxnumber mobileno telephonenumber")
_add("email", 0.9, "email mail emailaddress mailaddress mailaddr meru meado meruado pcmail")
_add("email", 0.9, "mobilemail emailaddr")
_add("birth_date", 0.9, "birth birthday birthdate dateofbirth dob seinengappi tanjobi tanjoubi")
_add("birth_date", 0.9, "bday birthymd bdate birthdt")
_add("address", 0.85, "address addr jusho juusho jyusho jusyo juusyo streetaddress street")
_add("address", 0.85, "address1 address2 homeaddress")
_add("address", 0.6, "city town shikuchoson banchi building tatemono suburb district ward")
_add("prefecture", 0.7, "pref prefecture todofuken todoufuken prefname tdfk")
#: ``area`` (エリア) is how some Japanese apps name the prefecture id (SOY Shop: area,
#: job_area); weak: it is an address part only where the values and the table agree
_add("prefecture", 0.7, "area")
_add("company_name", 0.7, "company companyname kaisha kaishamei corpname")
_add("employer", 0.9, "employer kinmusaki workplace kinmusakimei tsutomesaki")
#: SOY Shop's 勤務先 is ``job_name``; occupation values (会社員) do not fit it, companies do
_add("employer", 0.8, "jobname officename workplacename")
_add("my_number", 0.95, "mynumber kojinbango kojinbangou individualnumber mynum")
_add("passport", 0.9, "passport passportno passportnumber ryoken ryokenbango")
_add("driver_license", 0.85, "driverlicense licenseno licensenumber menkyo menkyosho")
_add("driver_license", 0.85, "driverslicense menkyoshobango")
_add("residence_card", 0.9, "zairyu residencecard zairyucard residencecardno")
_add("pension", 0.85, "pension pensionno nenkin kisonenkin kisonenkinbango pensionnumber")
_add("bank_account", 0.85, "bankaccount accountno accountnumber koza kouza kozabango")
_add("credit_card", 0.85, "cardno cardnumber creditcard ccnumber creditcardno")
_add("corporate_number", 0.95, "corporatenumber corporateno corpno houjinbangou hojinbango")
_add("corporate_number", 0.95, "houjin hojin corporatenum")
# 要配慮個人情報: counted only beside a person (see the classifier's neighbour rules)
_add("medical", 0.85, "byoreki byoureki kioreki kiooreki kioureki kiourekishi jibyo jibyou")
_add("medical", 0.85, "shindanmei byomei byoumei shobyomei shoubyoumei fukuyaku tsuin tsuuin")
_add("medical", 0.85, "medicalhistory pastmedicalhistory diagnosis diagnosisname disease")
_add("medical", 0.85, "diseasename medication medications icd icdcode chronicdisease allergy")
_add("health_check", 0.85, "kenshin kenshinkekka kenkoshindan kenkoushindan kenshinhantei")
_add("health_check", 0.85, "ketsuatsu bmi gtp ggt hba1c ketto kettou chuseishibo healthcheck")
_add("health_check", 0.85, "checkupresult healthcheckresult bloodpressure systolic diastolic")
_add("disability", 0.85, "shogai shougai shogaitokyu shougaitoukyuu shougaitokyu shogaitoukyu")
_add("disability", 0.85, "shogaishatecho shougaishatechou disability disabilitygrade techo")
_add("disability", 0.85, "ryoikutecho ryouikutechou")
_add("criminal", 0.85, "zenka taihoreki hanzaireki criminalrecord arrestrecord conviction")
_add("creed", 0.85, "shukyo shuukyou religion shuha shuuha shinko shinkou shijiseito")
_add("creed", 0.85, "politicalparty faith denomination")
_add("race", 0.85, "jinshu minzoku ethnicity race honseki honsekichi registereddomicile")
_add("free_text", 0.8, "note notes memo message comment comments remarks remark biko bikou")
_add("free_text", 0.8, "body content contents description inquiry naiyo naiyou text freetext")

#: single tokens, looked up when the whole identifier is not in _COMPACT
_TOKEN: dict[str, str] = {}
for _compact, (_kind, _) in _COMPACT.items():
    _TOKEN.setdefault(_compact, _kind)
for _word in ("name", "fullname"):
    _TOKEN.pop(_word, None)

#: a "name" next to one of these is a thing's name, not a person's
_THING_WORDS = frozenset(
    "product item goods shohin shouhin sku category shop store tenpo brand maker file tag "
    "class method payment status type kind plan course campaign event page template site "
    "host domain server db database table column bank branch dept department busho section "
    "team group role color size unit tax country region area station device app os browser "
    "job title menu option service project display nick screen login account sender_domain "
    "deliv delivery carrier sheet layout mall series model".split()
)
#: a "name" next to one of these is a person's
_PERSON_WORDS = frozenset(
    "first last full given family sur fore customer cust member user person contact staff "
    "employee emp order orderer shipping ship billing bill receiver recipient sender owner "
    "guardian parent emergency representative daihyo applicant patient student kokyaku kaiin "
    "shain tantou tanto tantosha buyer payer holder".split()
)
#: tokens after which a column is an id or code, whatever came before (customer_id)
_CODE_TAILS = frozenset("id cd code no num kbn flg flag kf type status count cnt key hash".split())
#: the ends of a phone call, before "number" (from_number, caller_no)
_CALL_ENDS = frozenset("from caller callee calling called dialed dialled".split())
#: tokens after which a column describes a field (its format, label, rule), not a value
_FORM_TAILS = frozenset(
    "format template pattern label caption placeholder regex validation mask".split()
)
_COMPANY_WORDS = frozenset("company corp corporation kaisha houjin hojin firm business".split())
_NETWORK_WORDS = frozenset("ip ipv mac url uri web host server remote proxy".split())
_NUMBER_TAILS = frozenset("no num number bango bangou".split())
_EMAIL_NEGATIVE = frozenset(
    "flg flag magazine maga mailmaga template send sent status type".split()
)
_EMAIL_NEGATIVE |= {"subject", "history", "kbn", "count", "title", "body", "id"}

_CODED_SPECIAL_KINDS = frozenset({"medical", "health_check", "disability"})

_PREFECTURE_WORDS = frozenset("pref prefecture todofuken todoufuken tdfk".split())
#: a key into the states of a country (osCommerce's zones): a prefecture in Japan
_ZONE_WORDS = frozenset("zone state province".split())
#: a place named as a code whose values may be the place itself (city_code: 横浜市)
_NOT_ZONE_WORDS = frozenset("geo tax time".split())
_CODED_PLACES = frozenset("city town ward district suburb".split())
#: a date named for one of these is an event in a person's life, never their birth
_NOT_BIRTH_WORDS = frozenset(
    "join joined joining hire hired hiring entrance entry enter entered nyusha nyuusha nyusya "
    "contract keiyaku application applied apply admission admitted nyugaku enrollment "
    "enrolment enrolled start started end ended expiry expire expired expiration issue issued "
    "termination terminated resign resigned retire retired retirement taishoku taisha "
    "registration registered regist touroku toroku create created update updated modified "
    "order ordered payment paid ship shipped shipping delivery send sent login".split()
)
#: events that name a date column on their own (contract_start, hire, nyusha)
_LIFE_EVENTS = frozenset(
    "join joined hire hired entrance nyusha nyuusha nyusya contract keiyaku admission "
    "nyugaku enrollment enrolment termination taishoku taisha retire retirement resign "
    "resigned".split()
)
_DATE_TAILS = frozenset("date day dt ymd at on time datetime bi hi".split())
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SPLIT = re.compile(r"[^a-z0-9]+")
_TRAILING_DIGITS = re.compile(r"\d+$")


#: words a run-together identifier is cut into (``mailingstreet``, ``contactaddress``),
#: beside every hint word: a cut is taken only when every piece is a known word
_COMPOUND_WORDS = frozenset(
    "mailing other home work office bill billing ship shipping primary secondary alt "
    "alternate assistant contact account lead user customer member order postal post "
    "delivery sender receiver reply main sub private business personal emergency parent "
    "spouse org organization organisation details detail info address name code number "
    "date no id type status flag list history rel data line lines book".split()
)
_MIN_COMPOUND = 7


def split_compound(token: str) -> list[str]:
    """``mailingstreet`` -> ``["mailing", "street"]`` when every piece is a known word
    (fewest pieces win); else the token unchanged."""
    if len(token) < _MIN_COMPOUND or token in _TOKEN or token in _COMPOUND_WORDS:
        return [token]
    best: list[list[str] | None] = [[]] + [None] * len(token)
    for end in range(2, len(token) + 1):
        for start in range(end - 2, -1, -1):
            piece = token[start:end]
            if best[start] is None or not (piece in _TOKEN or piece in _COMPOUND_WORDS):
                continue
            candidate = [*best[start], piece]  # type: ignore[misc]
            if best[end] is None or len(candidate) < len(best[end]):  # type: ignore[arg-type]
                best[end] = candidate
    found = best[len(token)]
    return found if found and len(found) > 1 else [token]


def word_tokens(name: str) -> list[str]:
    """``identifier_tokens`` with run-together words cut apart (``mailingcity``)."""
    return [piece for token in identifier_tokens(name) for piece in split_compound(token)]


def identifier_tokens(name: str) -> list[str]:
    """``orderTel01`` -> ``["order", "tel"]``: lower case, split, numbering stripped."""
    text = _CAMEL.sub("_", unicodedata.normalize("NFKC", name)).lower()
    out = []
    for token in _SPLIT.split(text):
        token = _TRAILING_DIGITS.sub("", token)
        if token:
            out.append(token)
    return out


def _keyed_hint(tokens: list[str], words: set[str]) -> NameHint | None:
    """Names whose last word (id, code, number, format) decides what the rest means."""
    last = tokens[-1]
    before = tokens[-2] if len(tokens) > 1 else ""
    if last in _CODE_TAILS and "".join(tokens[:-1]) in _PREFECTURE_WORDS:
        return NameHint("prefecture", 0.7, "pref id")  # pref_id: a key into the prefectures
    if last in ("id", "cd", "code") and before in _ZONE_WORDS and not words & _NOT_ZONE_WORDS:
        # entry_zone_id, state_code: a key into a country's states, a prefecture here
        return NameHint("prefecture", 0.7, f"{before} {last}")
    if last in ("cd", "code") and before in _CODED_PLACES:
        return NameHint("address", 0.6, f"{before} {last}", coded=True)
    if last in _NUMBER_TAILS and before in _CALL_ENDS:
        # a call's from_number / caller_no (a PBX's log): the other party's phone, if the
        # values bear it out (an extension "1234" does not)
        return NameHint("phone", 0.6, f"{before} number")
    if last in _FORM_TAILS and before:
        # address_format, name_label, phone_pattern: how a value is shown, not a value
        return NameHint("non_personal", 0.6, last)
    return None


def _ascii_hint(name: str) -> NameHint | None:
    tokens = identifier_tokens(name)
    if not tokens:
        return None
    compact = "".join(tokens)
    hit = _COMPACT.get(compact)
    if hit:
        return NameHint(hit[0], hit[1], compact)
    if compact in ("name", "fullname"):
        return NameHint("generic_name", 0.5, compact)
    tokens = word_tokens(name)
    words = set(tokens)
    last = tokens[-1]
    # a disease's code in a patient table is still the disease: byomei_cd, disease_code
    if last in _CODE_TAILS and len(tokens) > 1:
        special = _COMPACT.get("".join(tokens[:-1])) or _COMPACT.get(tokens[-2])
        if special is not None and special[0] in _CODED_SPECIAL_KINDS:
            return NameHint(special[0], special[1], "".join(tokens[:-1]))
    keyed = _keyed_hint(tokens, words)
    if keyed is not None:
        return keyed
    if words & {"country", "countries", "nation", "nationality", "kuni"}:
        return NameHint("non_personal", 0.6, "country")  # a country alone is nobody's address
    events = words & _NOT_BIRTH_WORDS
    if events and (words & _DATE_TAILS or (events & _LIFE_EVENTS and last not in _TOKEN)):
        return NameHint("non_personal", 0.6, sorted(events)[0])
    # identifiers and codes: customer_id, product_code, tel_flg
    if last in _CODE_TAILS and not (last in _NUMBER_TAILS and len(tokens) > 1):
        return NameHint("non_personal", 0.5, last)
    if "corporate" in words or "hojin" in words or "houjin" in words:
        return NameHint("corporate_number", 0.9, "corporate")
    if {"my", "number"} <= words or {"kojin", "bango"} <= words:
        return NameHint("my_number", 0.95, "my_number")
    if words & _NETWORK_WORDS:
        return NameHint("non_personal", 0.5, "network")
    if words & {"mail", "email", "mailaddress", "meru"}:
        if words & _EMAIL_NEGATIVE or last in _DATE_TAILS:
            return NameHint("non_personal", 0.5, "mail flag")
        return NameHint("email", 0.85, "mail")
    for token in reversed(tokens):
        kind = _TOKEN.get(token)
        if kind in ("free_text", None):
            continue
        if kind == "company_name" and last not in ("name", "mei", "company", "kaisha"):
            return NameHint("non_personal", 0.5, token)
        if kind == "kana_name" and words & _COMPANY_WORDS:
            return NameHint("company_name", 0.6, "company kana")
        return NameHint(kind, min(0.85, _COMPACT[token][1]), token)
    if "name" in words or "mei" in words:
        qualifiers = words - {"name", "mei"}
        if words & {"kana", "furigana", "yomi"}:
            return NameHint("kana_name", 0.85, "kana")
        if qualifiers & _THING_WORDS:
            return NameHint("non_personal", 0.6, next(iter(sorted(qualifiers & _THING_WORDS))))
        if qualifiers & {"pref", "prefecture"}:
            return NameHint("prefecture", 0.7, "pref")
        if qualifiers & (_COMPANY_WORDS | {"office", "organization", "organisation", "org"}):
            return NameHint("company_name", 0.7, "company")
        if qualifiers & {"city", "town", "building"}:
            return NameHint("address", 0.6, "city")
        if qualifiers & _PERSON_WORDS:
            return NameHint("person_name", 0.9, "name")
        if "user" in qualifiers:
            return NameHint("person_name", 0.6, "user name")
        return NameHint("generic_name", 0.45, "name")
    for token in tokens:
        if _TOKEN.get(token) == "free_text":
            return NameHint("free_text", 0.8, token)
    return None


# --- Japanese names -------------------------------------------------------------------

_JA_RULES: tuple[tuple[str, float, tuple[str, ...]], ...] = tuple(
    (kind, strength, tuple(words.split()))
    for kind, strength, words in (
        ("medical", 0.85, "病歴 既往歴 既往症 持病 診断名 傷病名 病名 疾患 服薬 服用 通院"),
        ("medical", 0.85, "治療歴 主訴"),
        ("medical", 0.85, "アレルギー 処方 ICD"),
        ("health_check", 0.85, "健診 健康診断 人間ドック 血圧 BMI GTP 血糖 HBA1C 中性脂肪"),
        ("health_check", 0.85, "コレステロール 尿酸 腹囲 判定結果 総合判定"),
        ("disability", 0.85, "障害 障がい 療育手帳 障碍"),
        ("criminal", 0.85, "前科 逮捕歴 犯罪歴 前歴 補導歴 服役"),
        ("creed", 0.85, "宗教 宗派 信仰 信教 支持政党 信条"),
        ("race", 0.85, "人種 民族 本籍 出自"),
        ("non_personal", 0.6, "入社 入学 入会 契約 採用 雇用 退職 退社"),
        ("non_personal", 0.6, "登録日 申込日 注文日 受付日"),
        ("non_personal", 0.6, "作成日 更新日 開始日 終了日 有効期限 発行日 交付日"),
        ("non_personal", 0.6, "商品 品名 品番 型番 価格 金額 単価 数量 在庫 店舗 店名 支店 銀行名"),
        ("non_personal", 0.6, "部署 件名 区分 フラグ 種別 コード ID"),
        ("corporate_number", 0.95, "法人番号"),
        ("my_number", 0.95, "マイナンバー 個人番号"),
        ("passport", 0.9, "旅券 パスポート"),
        ("driver_license", 0.85, "免許"),
        ("residence_card", 0.9, "在留カード"),
        ("pension", 0.85, "年金"),
        ("bank_account", 0.85, "口座"),
        ("credit_card", 0.85, "カード番号 クレジット"),
        ("birth_date", 0.9, "生年月日 誕生日 生まれ"),
        ("email", 0.9, "メール メアド"),
        ("phone", 0.9, "電話 TEL 携帯 FAX ファックス ファクス"),
        ("postal_code", 0.9, "郵便 〒"),
        ("prefecture", 0.7, "都道府県"),
        ("address", 0.85, "住所 所在地 番地 市区町村 町名 丁目 建物"),
        ("employer", 0.9, "勤務先 勤め先 職場 就業先"),
        ("company_name", 0.7, "会社名 会社 企業名 法人名 所属"),
        ("kana_name", 0.85, "フリガナ ふりがな カナ かな ヨミ よみ 読み"),
        ("person_name", 0.9, "氏名 名前 姓名 名字 苗字 者名 人名 宛名 客名 員名 主名"),
        ("free_text", 0.8, "備考 メモ 内容 本文 コメント 問い合わせ 問合せ 特記 自由記述 摘要"),
        ("free_text", 0.8, "連絡事項 要望 詳細 説明 メッセージ"),
    )
)
_JA_EXACT: dict[str, tuple[str, float]] = {
    "姓": ("person_name", 0.85),
    "名": ("person_name", 0.85),
    "セイ": ("kana_name", 0.85),
    "メイ": ("kana_name", 0.85),
    "せい": ("kana_name", 0.85),
    "めい": ("kana_name", 0.85),
}


def _japanese_hint(name: str) -> NameHint | None:
    text = unicodedata.normalize("NFKC", name).strip().upper()
    exact = _JA_EXACT.get(text)
    if exact:
        return NameHint(exact[0], exact[1], text)
    for kind, strength, words in _JA_RULES:
        for word in words:
            if word in text:
                return NameHint(kind, strength, word)
    if text.endswith("名"):
        return NameHint("generic_name", 0.4, "名")
    return None


def column_hint(name: str, comment: str | None = None) -> NameHint | None:
    """The strongest thing the name says, else what the comment says (slightly weaker)."""
    hint = _hint_of(name)
    if hint is not None and hint.kind != "non_personal":
        return hint
    if comment:
        from_comment = _hint_of(comment)
        if from_comment is not None and from_comment.kind != "non_personal":
            return NameHint(
                from_comment.kind,
                round(from_comment.strength * 0.9, 3),
                from_comment.matched,
                source="comment",
            )
    return hint


def _hint_of(text: str) -> NameHint | None:
    if not text:
        return None
    if text.isascii():
        return _ascii_hint(text)
    return _japanese_hint(text) or _ascii_hint(text)


_PERSON_TABLE_WORDS = frozenset(
    "customer customers cust member members user users person people persons employee "
    "employees staff shain kokyaku kaiin contact contacts patient patients student students "
    "applicant applicants entry entries order orders shipping shippings recipient "
    "recipients guest guests client clients account accounts profile profiles lead "
    "leads".split()
)
_PERSON_TABLE_JA = tuple(
    "顧客 会員 社員 従業員 患者 利用者 名簿 受注 注文 申込 問合 お客様 職員 学生 生徒".split()
)


_PERSON_KEY_JA = tuple(
    "社員番号 社員コード 従業員番号 職員番号 患者番号 患者ID カルテ番号 受診者番号 会員番号"
    " 顧客番号"
    " 利用者番号 学籍番号 被保険者番号".split()
)


def is_person_key(name: str) -> bool:
    """Does the column identify a person (employee_id, shain_no, 患者番号)?"""
    if not name.isascii():
        text = unicodedata.normalize("NFKC", name).upper()
        return any(word.upper() in text for word in _PERSON_KEY_JA)
    tokens = identifier_tokens(name)
    return (
        len(tokens) >= 2
        and tokens[-1] in _CODE_TAILS | _NUMBER_TAILS
        and bool(set(tokens[:-1]) & _PERSON_WORDS)
    )


def table_is_person_like(table: str) -> bool:
    """Does the table's name say each row is about a person (customer, 会員, orders)?"""
    if not table.isascii():
        return any(word in table for word in _PERSON_TABLE_JA)
    return bool(set(word_tokens(table)) & _PERSON_TABLE_WORDS)
