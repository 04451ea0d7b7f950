"""A deterministic EC-CUBE-shaped database with a column-level truth table.

The schema mixes what a Japanese company's databases really hold: EC-CUBE's
``dtb_customer`` / ``dtb_order`` (split names, kana, tel01-03, zip01-02, pref FK, birth,
free-text notes), a ledger with Japanese column names (氏名, 住所, 電話番号), one with romaji
(shimei, jusho, denwa), one with opaque codes (c01 ...), an HR table with My Numbers, and
the look-alikes that must stay quiet: the ``mtb_pref`` list of 47 prefectures, products
with JAN and product codes, tracking numbers, and business partners with corporate numbers.

Labelling decisions (the truth in ``TRUTH``):

- A postal code, a prefecture (name or FK id) and each part of a split address are
  ADDRESS when they belong to a person's address (customer, order, shipping).
- A ``company_name`` beside a person's name is that person's EMPLOYER; the same column in
  the partners table is a corporation's name and not personal.
- Business partners are corporations: their corporate number is JP_CORPORATE_NUMBER (not
  personal), and their phone number, postal code and address are a corporation's contact
  details, not personal (issue 10: an organisation's address and phone are corporate).
- Free-text columns (note, message, 備考) are labelled with every entity injected into
  them; a shop memo with no personal data is labelled none.
- Foreign-key and id columns are none; the tables that only link to personal data are
  listed in ``CROSS_REFERENCES`` (容易照合性), scored separately.

Values come from Faker ``ja_JP`` (seeded); phone numbers, My Numbers, corporate numbers
and JAN codes are generated here so that they are valid (Faker's ja_JP phone formats are
often not). Tables larger than the pool of distinct rows are filled in SQL by repeating
the pool, so a million rows take seconds, not hours.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import phonenumbers
import sqlalchemy as sa
from faker import Faker
from stdnum import ean
from stdnum.jp import cn, in_

SEED = 20240401
TODAY = date(2024, 4, 1)
#: distinct generated rows per table; larger tables repeat them (values then repeat too)
POOL_ROWS = 2000

PERSON = "PERSON"
ADDRESS = "ADDRESS"
PHONE = "PHONE_NUMBER"
EMAIL = "EMAIL_ADDRESS"
DOB = "DATE_OF_BIRTH"
EMPLOYER = "EMPLOYER"
MY_NUMBER = "JP_MY_NUMBER"
CORPORATE = "JP_CORPORATE_NUMBER"

PREF_NAMES = (
    "北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 茨城県 栃木県 群馬県 埼玉県 千葉県 東京都 "
    "神奈川県 新潟県 富山県 石川県 福井県 山梨県 長野県 岐阜県 静岡県 愛知県 三重県 滋賀県 京都府 "
    "大阪府 兵庫県 奈良県 和歌山県 鳥取県 島根県 岡山県 広島県 山口県 徳島県 香川県 愛媛県 高知県 "
    "福岡県 佐賀県 長崎県 熊本県 大分県 宮崎県 鹿児島県 沖縄県"
).split()
NOTE_ENTITIES = (PERSON, PHONE, EMAIL, ADDRESS, EMPLOYER)
MESSAGE_ENTITIES = (PERSON, PHONE, EMAIL, ADDRESS)


def _s(n: int) -> sa.String:
    return sa.String(n)


def build_metadata(schema: str | None = None) -> sa.MetaData:
    """Every table of the corpus; ``schema`` places them in a PostgreSQL schema."""
    md = sa.MetaData(schema=schema)
    pk = sa.Integer

    def ref(table: str) -> sa.ForeignKey:
        return sa.ForeignKey(f"{schema}.{table}.id" if schema else f"{table}.id")

    for master in ("mtb_pref", "mtb_sex", "mtb_job"):
        sa.Table(
            master,
            md,
            sa.Column("id", pk, primary_key=True, autoincrement=False),
            sa.Column("name", _s(40), nullable=False),
            sa.Column("sort_no", sa.Integer),
        )
    address_cols = lambda p="": [  # noqa: E731
        sa.Column(f"{p}zip01", _s(3)),
        sa.Column(f"{p}zip02", _s(4)),
        sa.Column(f"{p}pref", sa.Integer, ref("mtb_pref")),
        sa.Column(f"{p}addr01", _s(255)),
        sa.Column(f"{p}addr02", _s(255)),
    ]
    sa.Table(
        "dtb_customer",
        md,
        sa.Column("id", pk, primary_key=True, autoincrement=False),
        sa.Column("status", sa.SmallInteger),
        sa.Column("sex", sa.Integer, ref("mtb_sex")),
        sa.Column("job", sa.Integer, ref("mtb_job")),
        sa.Column("name01", _s(255), nullable=False),
        sa.Column("name02", _s(255)),
        sa.Column("kana01", _s(255)),
        sa.Column("kana02", _s(255)),
        sa.Column("company_name", _s(255)),
        *address_cols(),
        sa.Column("email", _s(255)),
        sa.Column("tel01", _s(5)),
        sa.Column("tel02", _s(4)),
        sa.Column("tel03", _s(4)),
        sa.Column("fax01", _s(5)),
        sa.Column("fax02", _s(4)),
        sa.Column("fax03", _s(4)),
        sa.Column("birth", sa.DateTime),
        sa.Column("password", _s(255)),
        sa.Column("salt", _s(255)),
        sa.Column("secret_key", _s(255)),
        sa.Column("first_buy_date", sa.DateTime),
        sa.Column("last_buy_date", sa.DateTime),
        sa.Column("buy_times", sa.Integer),
        sa.Column("buy_total", sa.Numeric(12, 2)),
        sa.Column("point", sa.Integer),
        sa.Column("note", sa.Text),
        sa.Column("create_date", sa.DateTime),
        sa.Column("update_date", sa.DateTime),
        sa.Column("del_flg", sa.SmallInteger),
        comment="会員",
    )
    sa.Table(
        "dtb_product",
        md,
        sa.Column("id", pk, primary_key=True, autoincrement=False),
        sa.Column("name", _s(255), nullable=False),
        sa.Column("product_code", _s(64)),
        sa.Column("jan_code", _s(13)),
        sa.Column("maker_name", _s(255)),
        sa.Column("price", sa.Numeric(12, 2)),
        sa.Column("stock", sa.Integer),
        sa.Column("description", sa.Text),
        sa.Column("create_date", sa.DateTime),
    )
    sa.Table(
        "dtb_order",
        md,
        sa.Column("id", pk, primary_key=True, autoincrement=False),
        sa.Column("customer_id", sa.Integer, ref("dtb_customer")),
        sa.Column("order_no", _s(32)),
        sa.Column("order_name01", _s(255)),
        sa.Column("order_name02", _s(255)),
        sa.Column("order_kana01", _s(255)),
        sa.Column("order_kana02", _s(255)),
        sa.Column("order_company_name", _s(255)),
        sa.Column("order_email", _s(255)),
        sa.Column("order_tel01", _s(5)),
        sa.Column("order_tel02", _s(4)),
        sa.Column("order_tel03", _s(4)),
        *address_cols("order_"),
        sa.Column("order_sex", sa.Integer, ref("mtb_sex")),
        sa.Column("order_birth", sa.DateTime),
        sa.Column("subtotal", sa.Numeric(12, 2)),
        sa.Column("delivery_fee", sa.Numeric(12, 2)),
        sa.Column("tax", sa.Numeric(12, 2)),
        sa.Column("total", sa.Numeric(12, 2)),
        sa.Column("payment_method", _s(64)),
        sa.Column("message", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("order_date", sa.DateTime),
        sa.Column("create_date", sa.DateTime),
        sa.Column("del_flg", sa.SmallInteger),
    )
    sa.Table(
        "dtb_order_detail",
        md,
        sa.Column("id", pk, primary_key=True, autoincrement=False),
        sa.Column("order_id", sa.Integer, ref("dtb_order")),
        sa.Column("product_id", sa.Integer, ref("dtb_product")),
        sa.Column("product_name", _s(255)),
        sa.Column("product_code", _s(64)),
        sa.Column("price", sa.Numeric(12, 2)),
        sa.Column("quantity", sa.Integer),
        sa.Column("tax_rate", sa.Numeric(5, 2)),
    )
    sa.Table(
        "dtb_shipping",
        md,
        sa.Column("id", pk, primary_key=True, autoincrement=False),
        sa.Column("order_id", sa.Integer, ref("dtb_order")),
        sa.Column("shipping_name01", _s(255)),
        sa.Column("shipping_name02", _s(255)),
        sa.Column("shipping_tel", _s(20)),
        sa.Column("shipping_zip", _s(8)),
        sa.Column("shipping_pref", sa.Integer, ref("mtb_pref")),
        sa.Column("shipping_addr01", _s(255)),
        sa.Column("shipping_addr02", _s(255)),
        sa.Column("tracking_no", _s(20)),
        sa.Column("delivery_date", sa.Date),
    )
    sa.Table(
        "dtb_customer_favorite_product",
        md,
        sa.Column("id", pk, primary_key=True, autoincrement=False),
        sa.Column("customer_id", sa.Integer, ref("dtb_customer")),
        sa.Column("product_id", sa.Integer, ref("dtb_product")),
        sa.Column("create_date", sa.DateTime),
    )
    sa.Table(  # no declared foreign key: linked by the customer_id naming convention
        "dtb_point_history",
        md,
        sa.Column("id", pk, primary_key=True, autoincrement=False),
        sa.Column("customer_id", sa.Integer),
        sa.Column("point", sa.Integer),
        sa.Column("reason", _s(64)),
        sa.Column("create_date", sa.DateTime),
    )
    sa.Table(
        "dtb_partner",
        md,
        sa.Column("id", pk, primary_key=True, autoincrement=False),
        sa.Column("corporate_number", _s(13)),
        sa.Column("company_name", _s(255)),
        sa.Column("company_kana", _s(255)),
        sa.Column("zip", _s(8)),
        sa.Column("address", _s(255)),
        sa.Column("tel", _s(20)),
        sa.Column("url", _s(255)),
        sa.Column("create_date", sa.DateTime),
    )
    sa.Table(
        "dtb_contact",
        md,
        sa.Column("id", pk, primary_key=True, autoincrement=False),
        sa.Column("name", _s(255)),
        sa.Column("kana", _s(255)),
        sa.Column("email", _s(255)),
        sa.Column("tel", _s(20)),
        sa.Column("title", _s(255)),
        sa.Column("message", sa.Text),
        sa.Column("status", sa.SmallInteger),
        sa.Column("created_at", sa.DateTime),
    )
    sa.Table(
        "顧客台帳",
        md,
        sa.Column("顧客ID", pk, primary_key=True, autoincrement=False),
        sa.Column("氏名", _s(100)),
        sa.Column("フリガナ", _s(100)),
        sa.Column("郵便番号", _s(10)),
        sa.Column("住所", _s(255)),
        sa.Column("電話番号", _s(20)),
        sa.Column("メールアドレス", _s(255)),
        sa.Column("生年月日", sa.Date),
        sa.Column("勤務先", _s(255)),
        sa.Column("備考", sa.Text),
        sa.Column("登録日", sa.Date),
    )
    sa.Table(
        "kokyaku",
        md,
        sa.Column("kokyaku_id", pk, primary_key=True, autoincrement=False),
        sa.Column("shimei", _s(100)),
        sa.Column("furigana", _s(100)),
        sa.Column("yubin", _s(10)),
        sa.Column("jusho", _s(255)),
        sa.Column("denwa", _s(20)),
        sa.Column("keitai", _s(20)),
        sa.Column("meru", _s(255)),
        sa.Column("seinengappi", _s(20)),
        sa.Column("kinmusaki", _s(255)),
        sa.Column("toroku_bi", _s(20)),
    )
    sa.Table(
        "t_k001",
        md,
        sa.Column("id", pk, primary_key=True, autoincrement=False),
        *[sa.Column(f"c{i:02d}", _s(255)) for i in range(1, 12)],
    )
    sa.Table(
        "hr_employee",
        md,
        sa.Column("id", pk, primary_key=True, autoincrement=False),
        sa.Column("employee_no", _s(16)),
        sa.Column("full_name", _s(100)),
        sa.Column("my_number", _s(12)),
        sa.Column("department", _s(64)),
        sa.Column("hire_date", sa.Date),
        sa.Column("salary", sa.Integer),
    )
    return md


#: tables whose size never changes with ``rows``
REFERENCE_TABLES = ("mtb_pref", "mtb_sex", "mtb_job")

_SPLIT_ADDRESS = {
    "zip01": ADDRESS,
    "zip02": ADDRESS,
    "pref": ADDRESS,
    "addr01": ADDRESS,
    "addr02": ADDRESS,
}
_TRUTH_POSITIVE: dict[str, dict[str, Any]] = {
    "dtb_customer": {
        "name01": PERSON,
        "name02": PERSON,
        "kana01": PERSON,
        "kana02": PERSON,
        "company_name": EMPLOYER,
        **_SPLIT_ADDRESS,
        "email": EMAIL,
        "tel01": PHONE,
        "tel02": PHONE,
        "tel03": PHONE,
        "fax01": PHONE,
        "fax02": PHONE,
        "fax03": PHONE,
        "birth": DOB,
        "note": list(NOTE_ENTITIES),
    },
    "dtb_order": {
        "order_name01": PERSON,
        "order_name02": PERSON,
        "order_kana01": PERSON,
        "order_kana02": PERSON,
        "order_company_name": EMPLOYER,
        "order_email": EMAIL,
        "order_tel01": PHONE,
        "order_tel02": PHONE,
        "order_tel03": PHONE,
        **{f"order_{k}": v for k, v in _SPLIT_ADDRESS.items()},
        "order_birth": DOB,
        "message": list(MESSAGE_ENTITIES),
    },
    "dtb_shipping": {
        "shipping_name01": PERSON,
        "shipping_name02": PERSON,
        "shipping_tel": PHONE,
        "shipping_zip": ADDRESS,
        "shipping_pref": ADDRESS,
        "shipping_addr01": ADDRESS,
        "shipping_addr02": ADDRESS,
    },
    "dtb_partner": {"corporate_number": CORPORATE},
    "dtb_contact": {
        "name": PERSON,
        "kana": PERSON,
        "email": EMAIL,
        "tel": PHONE,
        "message": list(MESSAGE_ENTITIES),
    },
    "顧客台帳": {
        "氏名": PERSON,
        "フリガナ": PERSON,
        "郵便番号": ADDRESS,
        "住所": ADDRESS,
        "電話番号": PHONE,
        "メールアドレス": EMAIL,
        "生年月日": DOB,
        "勤務先": EMPLOYER,
        "備考": list(NOTE_ENTITIES),
    },
    "kokyaku": {
        "shimei": PERSON,
        "furigana": PERSON,
        "yubin": ADDRESS,
        "jusho": ADDRESS,
        "denwa": PHONE,
        "keitai": PHONE,
        "meru": EMAIL,
        "seinengappi": DOB,
        "kinmusaki": EMPLOYER,
    },
    "t_k001": {
        "c01": PERSON,
        "c02": PERSON,
        "c03": ADDRESS,
        "c04": ADDRESS,
        "c05": PHONE,
        "c06": EMAIL,
        "c07": DOB,
    },
    "hr_employee": {"full_name": PERSON, "my_number": MY_NUMBER},
}

#: tables with no personal column that reach personal data through a key (容易照合性)
CROSS_REFERENCES: dict[str, dict[str, Any]] = {
    "dtb_order_detail.order_id": {
        "entity": PERSON,
        "path": ["dtb_order_detail.order_id", "dtb_order.id"],
    },
    "dtb_customer_favorite_product.customer_id": {
        "entity": PERSON,
        "path": ["dtb_customer_favorite_product.customer_id", "dtb_customer.id"],
    },
    "dtb_point_history.customer_id": {
        "entity": PERSON,
        "path": ["dtb_point_history.customer_id", "dtb_customer.id"],
    },
}


def truth(mentioned: dict[str, set[str]] | None = None) -> dict[str, list[str]]:
    """``"table.column"`` -> the entities it holds (empty list: none), for every column.

    ``mentioned`` (``"table.column"`` -> entities) narrows a free-text column to what a
    small corpus really wrote into it; without it every template entity is assumed.
    """
    out: dict[str, list[str]] = {}
    for table in build_metadata().sorted_tables:
        positives = _TRUTH_POSITIVE.get(table.name, {})
        for column in table.columns:
            key = f"{table.name}.{column.name}"
            value = positives.get(column.name)
            if isinstance(value, list) and mentioned is not None and key in mentioned:
                value = [e for e in value if e in mentioned[key]]
            out[key] = [] if value is None else list(value) if isinstance(value, list) else [value]
    return out


# --- values -------------------------------------------------------------------------------

_LANDLINE = (
    ("03", 4),
    ("06", 4),
    ("045", 3),
    ("052", 3),
    ("011", 3),
    ("092", 3),
    ("075", 3),
    ("022", 3),
    ("0466", 2),
    ("0277", 2),
    ("0558", 2),
)


class Values:
    """Seeded generators of valid Japanese values."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("ja_JP")
        self.fake.seed_instance(seed)
        #: free-text column -> the entities really written into it
        self.mentioned: dict[str, set[str]] = {}

    def digits(self, n: int, first_nonzero: bool = False) -> str:
        head = str(self.rng.randint(1, 9)) if first_nonzero else str(self.rng.randint(0, 9))
        return head + "".join(str(self.rng.randint(0, 9)) for _ in range(n - 1))

    def phone_parts(self, mobile_share: float = 0.6) -> tuple[str, str, str]:
        while True:
            if self.rng.random() < mobile_share:
                parts = (
                    self.rng.choice(("090", "080", "070")),
                    self.digits(4, True),
                    self.digits(4),
                )
            else:
                area, middle = self.rng.choice(_LANDLINE)
                parts = (
                    area,
                    str(self.rng.randint(2, 9)) + self.digits(middle - 1),
                    self.digits(4),
                )
            number = phonenumbers.parse("".join(parts), "JP")
            if phonenumbers.is_valid_number(number):
                return parts

    def phone(self, style: str = "dash", mobile_share: float = 0.6) -> str:
        parts = self.phone_parts(mobile_share)
        if style == "plain":
            return "".join(parts)
        if style == "wide":
            return "－".join(parts).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        return "-".join(parts)

    def company_phone(self) -> str:
        return self.phone(mobile_share=0.0)

    def name(self) -> tuple[str, str, str, str]:
        last, last_kana, _ = self.fake.last_name_pair()
        first, first_kana, _ = self.fake.first_name_pair()
        return last, first, last_kana, first_kana

    def zipcode(self) -> tuple[str, str]:
        return self.digits(3, True), self.digits(4)

    def street(self) -> tuple[int, str, str]:
        """(prefecture id, city + town, block + building)."""
        pref = self.rng.randint(1, 47)
        addr01 = self.fake.city() + self.fake.town()
        block = f"{self.rng.randint(1, 9)}-{self.rng.randint(1, 30)}-{self.rng.randint(1, 20)}"
        if self.rng.random() < 0.5:
            block += f" {self.fake.building_name()}{self.rng.randint(101, 905)}"
        return pref, addr01, block

    def full_address(self) -> str:
        pref, addr01, addr02 = self.street()
        return f"{PREF_NAMES[pref - 1]}{addr01}{addr02}"

    def email(self) -> str:
        return self.fake.email()

    def birth(self) -> date:
        return date(1935, 1, 1) + timedelta(days=self.rng.randint(0, 72 * 365))

    def moment(self, start_year: int = 2015) -> datetime:
        start = datetime(start_year, 1, 1)
        span = int((datetime(2024, 3, 31) - start).total_seconds())
        return start + timedelta(seconds=self.rng.randint(0, span))

    def my_number(self) -> str:
        body = self.digits(11, True)
        return body + in_.calc_check_digit(body)

    def corporate_number(self) -> str:
        body = self.digits(12, True)
        return cn.calc_check_digit(body) + body

    def jan(self) -> str:
        body = "49" + self.digits(10)
        return body + ean.calc_check_digit(body)

    def company(self) -> str:
        return self.fake.company()

    def token(self, n: int = 32) -> str:
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def free_text(self, column: str, entities: tuple[str, ...], fill: float) -> str | None:
        """A note: empty, plain, or mentioning one of ``entities`` (recorded per column)."""
        self.mentioned.setdefault(column, set())
        if self.rng.random() > fill:
            return None
        plain = (
            "次回も利用予定とのこと。",
            "ギフト包装を希望。",
            "配送は午前中を希望。",
            "領収書が必要。",
            "在庫確認のうえ発送済み。",
            "ポイント利用について質問あり。",
            "のし紙は不要。",
            "前回の商品に満足されている様子。",
            "クーポン適用済み。",
        )
        roll = self.rng.random()
        if roll < 0.5 or not entities:
            return self.rng.choice(plain) + (self.rng.choice(plain) if roll < 0.2 else "")
        entity = entities[int((roll - 0.5) / 0.5 * len(entities))]
        self.mentioned[column].add(entity)
        last, first, _, _ = self.name()
        if entity == PERSON:
            return self.rng.choice(
                (
                    f"{last}{first}様からのご紹介。",
                    f"受取人は{last} {first}様。",
                    f"{last}様より電話あり。折り返し希望。",
                )
            )
        if entity == PHONE:
            return self.rng.choice(
                (f"日中の連絡先は{self.phone()}です。", f"携帯 {self.phone()} へ連絡希望。")
            )
        if entity == EMAIL:
            return self.rng.choice(
                (f"請求書は{self.email()}へ送付。", f"連絡はメール({self.email()})でお願いします。")
            )
        if entity == ADDRESS:
            return f"送付先を{self.full_address()}に変更。"
        return f"勤務先は{self.company()}です。平日は不在。"


# --- rows -------------------------------------------------------------------------------

_PRODUCTS = (
    "有機緑茶",
    "ドリップコーヒー",
    "国産はちみつ",
    "手作り石けん",
    "今治タオル",
    "信州そば",
    "米粉クッキー",
    "黒豆茶",
    "柚子ジャム",
    "抹茶ラテ",
)
_DEPARTMENTS = ("営業部", "経理部", "人事部", "開発部", "総務部", "物流センター")


def _customer_row(v: Values, i: int, n_refs: dict[str, int], note: bool = True) -> dict[str, Any]:
    last, first, last_kana, first_kana = v.name()
    zip01, zip02 = v.zipcode()
    pref, addr01, addr02 = v.street()
    tel = v.phone_parts()
    fax = v.phone_parts(mobile_share=0.0) if v.rng.random() < 0.2 else (None, None, None)
    first_buy = v.moment()
    return {
        "id": i,
        "status": v.rng.choice((1, 2, 2, 2)),
        "sex": v.rng.randint(1, 3),
        "job": v.rng.randint(1, 7),
        "name01": last,
        "name02": first,
        "kana01": last_kana,
        "kana02": first_kana,
        "company_name": v.company() if v.rng.random() < 0.3 else None,
        "zip01": zip01,
        "zip02": zip02,
        "pref": pref,
        "addr01": addr01,
        "addr02": addr02,
        "email": v.email(),
        "tel01": tel[0],
        "tel02": tel[1],
        "tel03": tel[2],
        "fax01": fax[0],
        "fax02": fax[1],
        "fax03": fax[2],
        "birth": datetime.combine(v.birth(), datetime.min.time()) if v.rng.random() < 0.8 else None,
        "password": v.token(64),
        "salt": v.token(10),
        "secret_key": v.token(32),
        "first_buy_date": first_buy,
        "last_buy_date": first_buy + timedelta(days=v.rng.randint(0, 900)),
        "buy_times": v.rng.randint(1, 40),
        "buy_total": Decimal(v.rng.randint(1000, 500000)),
        "point": v.rng.randint(0, 5000),
        "note": v.free_text("note", NOTE_ENTITIES, 0.4) if note else None,
        "create_date": v.moment(),
        "update_date": v.moment(2023),
        "del_flg": 0,
    }


def _order_row(v: Values, i: int, n_refs: dict[str, int]) -> dict[str, Any]:
    c = _customer_row(v, i, n_refs, note=False)
    subtotal = v.rng.randint(5, 300) * 100
    tax = subtotal // 10
    return {
        "id": i,
        "customer_id": v.rng.randint(1, n_refs["dtb_customer"]),
        "order_no": f"{v.rng.randint(2019, 2024)}{v.rng.randint(1, 12):02d}-{i:06d}",
        **{
            f"order_{k}": c[k]
            for k in (
                "name01",
                "name02",
                "kana01",
                "kana02",
                "company_name",
                "email",
                "tel01",
                "tel02",
                "tel03",
                "zip01",
                "zip02",
                "pref",
                "addr01",
                "addr02",
                "birth",
            )
        },
        "order_sex": c["sex"],
        "subtotal": Decimal(subtotal),
        "delivery_fee": Decimal(v.rng.choice((0, 550, 880))),
        "tax": Decimal(tax),
        "total": Decimal(subtotal + tax),
        "payment_method": v.rng.choice(
            ("クレジットカード", "代金引換", "銀行振込", "コンビニ払い")
        ),
        "message": v.free_text("message", MESSAGE_ENTITIES, 0.35),
        "note": v.free_text("note", (), 0.3),
        "order_date": v.moment(),
        "create_date": v.moment(),
        "del_flg": 0,
    }


def _product_row(v: Values, i: int, n_refs: dict[str, int]) -> dict[str, Any]:
    base = v.rng.choice(_PRODUCTS)
    return {
        "id": i,
        "name": f"{base} {v.rng.choice(('100g', '200g', '6本入', 'ギフト箱', '詰め合わせ'))}",
        "product_code": f"{v.rng.choice('ABCDEFGH')}{v.rng.choice('ABCDEFGH')}-{v.digits(5)}",
        "jan_code": v.jan(),
        "maker_name": v.company(),
        "price": Decimal(v.rng.randint(3, 200) * 100),
        "stock": v.rng.randint(0, 999),
        "description": f"{base}です。贈り物にも最適。賞味期限は{v.rng.randint(3, 24)}か月。",
        "create_date": v.moment(),
    }


def _order_detail_row(v: Values, i: int, n_refs: dict[str, int]) -> dict[str, Any]:
    return {
        "id": i,
        "order_id": v.rng.randint(1, n_refs["dtb_order"]),
        "product_id": v.rng.randint(1, n_refs["dtb_product"]),
        "product_name": v.rng.choice(_PRODUCTS),
        "product_code": f"{v.rng.choice('ABCDEFGH')}{v.rng.choice('ABCDEFGH')}-{v.digits(5)}",
        "price": Decimal(v.rng.randint(3, 200) * 100),
        "quantity": v.rng.randint(1, 5),
        "tax_rate": Decimal("10.00"),
    }


def _shipping_row(v: Values, i: int, n_refs: dict[str, int]) -> dict[str, Any]:
    last, first, _, _ = v.name()
    pref, addr01, addr02 = v.street()
    zip01, zip02 = v.zipcode()
    return {
        "id": i,
        "order_id": v.rng.randint(1, n_refs["dtb_order"]),
        "shipping_name01": last,
        "shipping_name02": first,
        "shipping_tel": v.phone(v.rng.choice(("dash", "dash", "plain"))),
        "shipping_zip": f"{zip01}-{zip02}",
        "shipping_pref": pref,
        "shipping_addr01": addr01,
        "shipping_addr02": addr02,
        "tracking_no": v.digits(12, True),
        "delivery_date": v.moment().date(),
    }


def _favorite_row(v: Values, i: int, n_refs: dict[str, int]) -> dict[str, Any]:
    return {
        "id": i,
        "customer_id": v.rng.randint(1, n_refs["dtb_customer"]),
        "product_id": v.rng.randint(1, n_refs["dtb_product"]),
        "create_date": v.moment(),
    }


def _point_row(v: Values, i: int, n_refs: dict[str, int]) -> dict[str, Any]:
    return {
        "id": i,
        "customer_id": v.rng.randint(1, n_refs["dtb_customer"]),
        "point": v.rng.randint(-500, 500),
        "reason": v.rng.choice(("購入", "キャンペーン", "ポイント利用", "失効")),
        "create_date": v.moment(),
    }


def _partner_row(v: Values, i: int, n_refs: dict[str, int]) -> dict[str, Any]:
    company = v.company()
    zip01, zip02 = v.zipcode()
    return {
        "id": i,
        "corporate_number": v.corporate_number(),
        "company_name": company,
        "company_kana": v.fake.last_kana_name() + "ショウジ",
        "zip": f"{zip01}-{zip02}",
        "address": v.full_address(),
        "tel": v.company_phone(),
        "url": f"https://www.example-{i}.co.jp/",
        "create_date": v.moment(),
    }


def _contact_row(v: Values, i: int, n_refs: dict[str, int]) -> dict[str, Any]:
    last, first, last_kana, first_kana = v.name()
    return {
        "id": i,
        "name": f"{last} {first}",
        "kana": f"{last_kana} {first_kana}",
        "email": v.email(),
        "tel": v.phone(v.rng.choice(("dash", "plain"))),
        "title": v.rng.choice(("商品について", "配送について", "返品について", "その他")),
        "message": v.free_text("message", MESSAGE_ENTITIES, 0.9),
        "status": v.rng.randint(1, 3),
        "created_at": v.moment(),
    }


def _ledger_row(v: Values, i: int, n_refs: dict[str, int]) -> dict[str, Any]:
    last, first, last_kana, first_kana = v.name()
    zip01, zip02 = v.zipcode()
    return {
        "顧客ID": i,
        "氏名": f"{last} {first}" if v.rng.random() < 0.7 else f"{last}{first}",
        "フリガナ": f"{last_kana} {first_kana}",
        "郵便番号": f"〒{zip01}-{zip02}" if v.rng.random() < 0.3 else f"{zip01}-{zip02}",
        "住所": v.full_address(),
        "電話番号": v.phone(v.rng.choice(("dash", "plain", "wide"))),
        "メールアドレス": v.email(),
        "生年月日": v.birth(),
        "勤務先": v.company() if v.rng.random() < 0.7 else None,
        "備考": v.free_text("備考", NOTE_ENTITIES, 0.5),
        "登録日": v.moment().date(),
    }


def _romaji_row(v: Values, i: int, n_refs: dict[str, int]) -> dict[str, Any]:
    last, first, last_kana, first_kana = v.name()
    zip01, zip02 = v.zipcode()
    born = v.birth()
    era = (
        f"昭和{born.year - 1925}年{born.month}月{born.day}日"
        if 1927 <= born.year <= 1988
        else f"{born.year}年{born.month}月{born.day}日"
    )
    return {
        "kokyaku_id": i,
        "shimei": f"{last}　{first}",
        "furigana": f"{last_kana}　{first_kana}",
        "yubin": f"{zip01}{zip02}",
        "jusho": v.full_address(),
        "denwa": v.phone(mobile_share=0.0),
        "keitai": v.phone(mobile_share=1.0),
        "meru": v.email(),
        "seinengappi": v.rng.choice((born.isoformat(), born.strftime("%Y/%m/%d"), era)),
        "kinmusaki": v.company() if v.rng.random() < 0.8 else None,
        "toroku_bi": v.moment().strftime("%Y/%m/%d"),
    }


def _opaque_row(v: Values, i: int, n_refs: dict[str, int]) -> dict[str, Any]:
    last, first, last_kana, first_kana = v.name()
    zip01, zip02 = v.zipcode()
    return {
        "id": i,
        "c01": f"{last} {first}",
        "c02": f"{last_kana} {first_kana}",
        "c03": f"{zip01}-{zip02}",
        "c04": v.full_address(),
        "c05": v.phone(),
        "c06": v.email(),
        "c07": v.birth().isoformat(),
        "c08": f"P{v.digits(6)}",
        "c09": str(v.rng.randint(100, 99999)),
        "c10": str(v.rng.randint(0, 1)),
        "c11": v.moment().isoformat(sep=" "),
    }


def _employee_row(v: Values, i: int, n_refs: dict[str, int]) -> dict[str, Any]:
    last, first, _, _ = v.name()
    return {
        "id": i,
        "employee_no": f"E{i:06d}",
        "full_name": f"{last} {first}",
        "my_number": v.my_number(),
        "department": v.rng.choice(_DEPARTMENTS),
        "hire_date": v.moment(2000).date(),
        "salary": v.rng.randint(200, 900) * 1000,
    }


RowMaker = Callable[[Values, int, dict[str, int]], dict[str, Any]]
ROW_MAKERS: dict[str, RowMaker] = {
    "dtb_customer": _customer_row,
    "dtb_product": _product_row,
    "dtb_order": _order_row,
    "dtb_order_detail": _order_detail_row,
    "dtb_shipping": _shipping_row,
    "dtb_customer_favorite_product": _favorite_row,
    "dtb_point_history": _point_row,
    "dtb_partner": _partner_row,
    "dtb_contact": _contact_row,
    "顧客台帳": _ledger_row,
    "kokyaku": _romaji_row,
    "t_k001": _opaque_row,
    "hr_employee": _employee_row,
}


@dataclass(frozen=True)
class CorpusSize:
    """Rows per table; ``overrides`` for tables that should be smaller (products, partners)."""

    rows: int
    overrides: tuple[tuple[str, int], ...] = ()

    def of(self, table: str) -> int:
        return dict(self.overrides).get(table, self.rows)


def _reference_rows() -> dict[str, list[dict[str, Any]]]:
    jobs = ("会社員", "公務員", "自営業", "学生", "パート・アルバイト", "無職", "その他")
    return {
        "mtb_pref": [{"id": i + 1, "name": p, "sort_no": i + 1} for i, p in enumerate(PREF_NAMES)],
        "mtb_sex": [
            {"id": i + 1, "name": s, "sort_no": i + 1}
            for i, s in enumerate(("男性", "女性", "その他"))
        ],
        "mtb_job": [{"id": i + 1, "name": j, "sort_no": i + 1} for i, j in enumerate(jobs)],
    }


def _chunks(rows: list[dict[str, Any]], size: int = 1000) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def populate(
    engine: sa.Engine,
    size: CorpusSize,
    schema: str | None = None,
    seed: int = SEED,
    pool_rows: int = POOL_ROWS,
) -> dict[str, list[str]]:
    """Create the tables and fill them; returns the truth table of what was written."""
    md = build_metadata(schema)
    md.create_all(engine)
    counts = {name: size.of(name) for name in ROW_MAKERS}
    mentioned: dict[str, set[str]] = {}
    with engine.begin() as conn:
        for name, rows in _reference_rows().items():
            conn.execute(md.tables[_key(name, schema)].insert(), rows)
        for name, maker in ROW_MAKERS.items():
            table = md.tables[_key(name, schema)]
            values = Values(seed + sum(map(ord, name)))
            pool = min(counts[name], pool_rows)
            rows = [maker(values, i, counts) for i in range(1, pool + 1)]
            for chunk in _chunks(rows):
                conn.execute(table.insert(), chunk)
            if counts[name] > pool:
                _repeat_pool(conn, table, pool, counts[name])
            for column, entities in values.mentioned.items():
                mentioned[f"{name}.{column}"] = entities
    return truth(mentioned)


def grow(engine: sa.Engine, rows: int, schema: str | None = None) -> None:
    """Enlarge every non-reference table to ``rows`` by repeating the rows it has."""
    md = build_metadata(schema)
    with engine.begin() as conn:
        for name in ROW_MAKERS:
            table = md.tables[_key(name, schema)]
            have = conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            if 0 < have < rows:
                _repeat_pool(conn, table, have, rows)


def _key(name: str, schema: str | None) -> str:
    return f"{schema}.{name}" if schema else name


def _repeat_pool(conn: sa.Connection, table: sa.Table, pool: int, total: int) -> None:
    """Rows pool+1 .. total copy rows 1 .. pool in turn, generated inside the database."""
    pk = next(iter(table.primary_key.columns))
    n = sa.select(sa.literal(pool + 1).label("i")).cte("n", recursive=True)
    n = n.union_all(sa.select(n.c.i + 1).where(n.c.i < total))
    src = table.alias("src")
    others = [c.name for c in table.columns if c.name != pk.name]
    select = sa.select(n.c.i, *[src.c[c] for c in others]).select_from(
        n.join(src, src.c[pk.name] == (n.c.i - 1) % pool + 1)
    )
    conn.execute(table.insert().from_select([pk.name, *others], select))
