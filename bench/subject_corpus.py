"""Planted people for the subject search: the same person typed differently everywhere.

``plant(engine, root, n)`` writes a small shop database and a file share and returns the
people and every place a copy of each was planted (the truth a search must find):

- ``customers``: 山田 太郎 / ヤマダ タロウ / taro@… / 090-1234-5678 / DATE;
- ``orders`` (FK customers): the name with a full-width space, the e-mail in upper case,
  the phone as plain digits; ``order_items`` (FK orders) hold no personal value;
- ``inquiries`` (FK customers, nullable): the name without a space, the e-mail in mixed
  case, the phone as ``+81 90-1234-5678`` inside the message;
- ``staff``: the name, a My Number in groups of four, the birthdate as an era date;
- ``会員名簿.csv`` (cp932): full-width space, hiragana reading, ``(090)1234-5678``,
  upper-case e-mail, ``S60.4.1``; ``名簿.xlsx``: name and a date cell;
  ``対応記録.txt``: ``山田太郎様よりお電話 ０９０－１２３４－５６７８`` between other lines.

- ``旧顧客台帳.csv``: the name as other systems wrote it — old kanji forms (髙橋, 齋藤,
  渡邊, 﨑, 濱, 澤 …) where the surname has one, else romaji given name first
  (``Kaori Fujii``), surname first in capitals (``FUJII Kaori``) or katakana with a
  full-width space — the address in the old form (``東京都…三丁目12番5号 …ビル``), and an
  era birthdate. A request gives the name in kanji and the address as ``…3-12-5``.

Every tenth person has a namesake (same name, other identifiers, another birthdate) so a
name alone must stay a weak hit. Seeded: the same ``n`` gives the same corpus.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from bench.db_corpus import PREF_NAMES, Values

SEED = 20240607
ERA_START = {"S": 1925, "H": 1988, "R": 2018}
ERA_KANJI = {"S": "昭和", "H": "平成", "R": "令和"}


@dataclass(frozen=True)
class Person:
    pid: int
    last: str
    first: str
    last_kana: str
    first_kana: str
    email: str
    phone: str  # 090-1234-5678
    birth: date
    my_number: str
    last_romaji: str = ""
    first_romaji: str = ""
    #: (prefecture, city + town, chome, ban, go, building) of the old-form address
    street: tuple = ()

    @property
    def name(self) -> str:
        return f"{self.last} {self.first}"

    @property
    def kana(self) -> str:
        return f"{self.last_kana} {self.first_kana}"

    def query(self) -> dict[str, str]:
        """The identifiers as a person states them on a request form."""
        import jaconv

        return {
            "name": self.last + self.first,
            "kana": jaconv.kata2hira(self.last_kana + self.first_kana),
            "email": self.email,
            "phone": self.phone,
            "birthdate": self.birth.isoformat(),
        }

    @property
    def address(self) -> str:
        """The address as a request form gives it: city, town, 3-12-5, no building."""
        _pref, town, chome, ban, go, _building = self.street
        return f"{town}{chome}-{ban}-{go}"

    @property
    def old_address(self) -> str:
        """The same address in an older system: prefecture, kanji 丁目, 番, 号, building."""
        from bench.detect_corpus import _kanji_number

        pref, town, chome, ban, go, building = self.street
        return f"{pref}{town}{_kanji_number(chome)}丁目{ban}番{go}号 {building}"


@dataclass
class Corpus:
    people: list[Person]
    #: pid -> planted copies: (source, place, record key) as ``hit_keys`` gives them
    copies: dict[int, set[tuple]] = field(default_factory=dict)
    tables: dict[str, str] = field(default_factory=dict)  # role -> table name

    def add(self, person: Person, source: str, place: str, record: tuple) -> None:
        self.copies.setdefault(person.pid, set()).add((source, place, record))


def hit_keys(hit: Any) -> set[tuple]:
    """The planted copies a subject hit stands for: its row, or its line(s) of text."""
    if hit.kind == "table":
        row = hit.record.get("row") or {}
        return {(hit.source, hit.place_key, ("row", tuple(sorted(row.items()))))}
    if "row" in hit.record:
        return {(hit.source, hit.place_key, ("row", hit.record.get("sheet"), hit.record["row"]))}
    return {(hit.source, hit.place_key, ("line", r.get("line"))) for r in hit.records}


def era(d: date, short: bool) -> str:
    letter = "S" if d < date(1989, 1, 8) else "H" if d < date(2019, 5, 1) else "R"
    year = d.year - ERA_START[letter]
    if short:
        return f"{letter}{year}.{d.month}.{d.day}"
    return f"{ERA_KANJI[letter]}{'元' if year == 1 else year}年{d.month}月{d.day}日"


#: well-known old forms of name kanji (the common form first), planted in 旧顧客台帳.csv
OLD_FORMS = dict(
    pair
    for pair in "高髙 崎﨑 斎齋 辺邊 浜濱 沢澤 国國 桜櫻 広廣 徳德 島嶋 真眞 恵惠 栄榮 黒黑 条條 "
    "穂穗 寿壽 瀬瀨 槙槇 関關 蔵藏 戸戶 実實 桑桒 柳栁 遥遙 竜龍 曽曾 富冨 峰峯".split()
)


def old_form(name: str) -> str | None:
    """The name with its kanji in an old form, or None if none has one."""
    old = "".join(OLD_FORMS.get(c, c) for c in name)
    return old if old != name else None


def make_people(n: int, seed: int = SEED) -> list[Person]:
    import jaconv

    values = Values(seed)
    places = Values(seed + 3)
    rng = random.Random(seed)
    people: list[Person] = []
    emails: set[str] = set()
    phones: set[str] = set()
    births: set[date] = set()
    while len(people) < n:
        last, first, last_kana, first_kana = values.name()
        if len(people) % 10 == 9:  # a namesake of an earlier person
            twin = people[rng.randrange(len(people))]
            last, first, last_kana, first_kana = (
                twin.last, twin.first, twin.last_kana, twin.first_kana
            )  # fmt: skip
        pref, _, _ = places.street()
        town = places.fake.city() + places.fake.town()
        street = (
            PREF_NAMES[pref - 1], town, places.rng.randint(1, 9), places.rng.randint(1, 30),
            places.rng.randint(1, 20),
            f"{places.fake.building_name()}{places.rng.randint(101, 905)}",
        )  # fmt: skip
        email, phone, birth = values.email(), values.phone(), values.birth()
        if email in emails or phone in phones or birth in births:
            continue
        emails.add(email)
        phones.add(phone)
        births.add(birth)
        people.append(
            Person(
                len(people) + 1,
                last,
                first,
                last_kana,
                first_kana,
                email,
                phone,
                birth,
                values.my_number(),
                jaconv.kana2alphabet(jaconv.kata2hira(last_kana)).title(),
                jaconv.kana2alphabet(jaconv.kata2hira(first_kana)).title(),
                street,
            )  # fmt: skip
        )
    return people


def _tables(md: sa.MetaData, prefix: str, schema: str | None) -> dict[str, sa.Table]:
    s = sa.String(255)
    customers = sa.Table(
        f"{prefix}customers", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("name", s), sa.Column("kana", s), sa.Column("email", s),
        sa.Column("tel", sa.String(20)), sa.Column("birthday", sa.Date),
        schema=schema,
    )  # fmt: skip
    orders = sa.Table(
        f"{prefix}orders", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("customer_id", sa.Integer, sa.ForeignKey(customers.c.id)),
        sa.Column("order_name", s), sa.Column("order_email", s),
        sa.Column("order_tel", sa.String(20)), sa.Column("amount", sa.Integer),
        schema=schema,
    )  # fmt: skip
    items = sa.Table(
        f"{prefix}order_items", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("order_id", sa.Integer, sa.ForeignKey(orders.c.id), nullable=False),
        sa.Column("product", s), sa.Column("quantity", sa.Integer),
        schema=schema,
    )  # fmt: skip
    inquiries = sa.Table(
        f"{prefix}inquiries", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("customer_id", sa.Integer, sa.ForeignKey(customers.c.id), nullable=True),
        sa.Column("name", s), sa.Column("email", s), sa.Column("message", sa.Text),
        schema=schema,
    )  # fmt: skip
    staff = sa.Table(
        f"{prefix}staff", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("full_name", s), sa.Column("my_number", sa.String(20)),
        sa.Column("birth", sa.String(20)), sa.Column("department", sa.String(40)),
        schema=schema,
    )  # fmt: skip
    return {"customers": customers, "orders": orders, "order_items": items,
            "inquiries": inquiries, "staff": staff}  # fmt: skip


def plant_database(
    engine: sa.Engine,
    people: list[Person],
    corpus: Corpus,
    source: str = "shop",
    schema: str | None = None,
    prefix: str = "",
    place_schema: str = "main",
) -> None:
    """Create and fill the tables; ``place_schema`` is the schema name the scan reports."""
    rng = random.Random(SEED + 1)
    md = sa.MetaData()
    tables = _tables(md, prefix, schema)
    md.create_all(engine)
    corpus.tables = {role: t.name for role, t in tables.items()}
    rows: dict[str, list[dict[str, Any]]] = {role: [] for role in tables}
    topics = ("配送について", "返品の相談", "領収書の発行", "会員登録の変更")

    def plant(role: str, person: Person, row: dict[str, Any]) -> None:
        rows[role].append(row)
        corpus.add(person, source, f"{place_schema}.{tables[role].name}",
                   ("row", (("id", row["id"]),)))  # fmt: skip

    for p in people:
        plant("customers", p, {"id": p.pid, "name": p.name, "kana": p.kana, "email": p.email,
                               "tel": p.phone, "birthday": p.birth})  # fmt: skip
        for _ in range(rng.choice((0, 1, 1, 2))):
            order_id = len(rows["orders"]) + 1
            plant("orders", p, {
                "id": order_id, "customer_id": p.pid, "order_name": f"{p.last}\u3000{p.first}",
                "order_email": p.email.upper(), "order_tel": p.phone.replace("-", ""),
                "amount": rng.randint(1, 50) * 100,
            })  # fmt: skip
            for _ in range(rng.randint(1, 2)):
                rows["order_items"].append({
                    "id": len(rows["order_items"]) + 1, "order_id": order_id,
                    "product": rng.choice(("緑茶", "ほうじ茶", "抹茶", "煎茶")),
                    "quantity": rng.randint(1, 3),
                })  # fmt: skip
        if rng.random() < 0.4:
            mixed = "".join(c.upper() if i % 2 else c for i, c in enumerate(p.email))
            wide = "+81 " + p.phone[1:]
            plant("inquiries", p, {
                "id": len(rows["inquiries"]) + 1, "customer_id": p.pid,
                "name": p.last + p.first, "email": mixed,
                "message": f"{rng.choice(topics)}の件でご連絡ください。電話は{wide}です。",
            })  # fmt: skip
        if rng.random() < 0.3:
            grouped = " ".join(p.my_number[i : i + 4] for i in range(0, 12, 4))
            plant("staff", p, {
                "id": len(rows["staff"]) + 1, "full_name": p.name, "my_number": grouped,
                "birth": era(p.birth, short=False), "department": rng.choice(("総務", "営業")),
            })  # fmt: skip
    with engine.begin() as conn:
        for role in ("customers", "orders", "order_items", "inquiries", "staff"):
            if rows[role]:
                conn.execute(tables[role].insert(), rows[role])


def plant_files(root: Path, people: list[Person], corpus: Corpus, source: str = "share") -> None:
    """会員名簿.csv (cp932), 名簿.xlsx and 対応記録.txt under ``root``."""
    import jaconv
    from openpyxl import Workbook

    rng = random.Random(SEED + 2)
    root.mkdir(parents=True, exist_ok=True)
    members = [p for p in people if rng.random() < 0.5]
    with (root / "会員名簿.csv").open("w", encoding="cp932", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["会員番号", "氏名", "フリガナ", "電話番号", "メールアドレス", "生年月日"])
        for n, p in enumerate(members, start=1):
            area, rest = p.phone.split("-", 1)
            writer.writerow([
                f"M{p.pid:05d}", f"{p.last}\u3000{p.first}",
                jaconv.kata2hira(p.kana), f"({area}){rest}", p.email.upper(),
                era(p.birth, short=True),
            ])  # fmt: skip
            corpus.add(p, source, "会員名簿.csv", ("row", None, n))
    wb = Workbook()
    ws = wb.active
    ws.title = "社員"
    ws.append(["氏名", "携帯電話", "生年月日"])
    listed = [p for p in people if rng.random() < 0.25]
    for n, p in enumerate(listed, start=1):
        ws.append([p.name, p.phone, p.birth])
        corpus.add(p, source, "名簿.xlsx", ("row", "社員", n))
    wb.save(root / "名簿.xlsx")
    lines = []
    fillers = ("在庫の確認を依頼", "配送業者へ集荷を連絡", "棚卸しの準備", "定例会議")
    wide = str.maketrans("0123456789-", "０１２３４５６７８９－")
    for p in people:
        lines.append(f"2024-04-{rng.randint(1, 28):02d} {rng.choice(fillers)}")
        if rng.random() < 0.3:
            lines.append(f"2024-05-{rng.randint(1, 28):02d} {p.last}{p.first}様よりお電話 "
                         f"{p.phone.translate(wide)} 折り返し希望")  # fmt: skip
            corpus.add(p, source, "対応記録.txt", ("line", len(lines)))
    (root / "対応記録.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    plant_old_ledger(root, people, corpus, source)


def plant_old_ledger(root: Path, people: list[Person], corpus: Corpus, source: str) -> None:
    """旧顧客台帳.csv: names in old kanji, romaji or katakana, addresses in the old form."""
    rng = random.Random(SEED + 4)
    with (root / "旧顧客台帳.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["顧客コード", "氏名", "住所", "生年月日"])
        n = 0
        for p in people:
            if rng.random() >= 0.4:
                continue
            n += 1
            old = old_form(p.last + p.first)
            styles = (
                f"{p.first_romaji} {p.last_romaji}",
                f"{p.last_romaji.upper()} {p.first_romaji}",
                f"{p.last_kana}\u3000{p.first_kana}",
            )
            name = old if old and n % 2 else styles[n % 3]
            writer.writerow([f"K{n:06d}", name, p.old_address, era(p.birth, short=False)])
            corpus.add(p, source, "旧顧客台帳.csv", ("row", None, n))


def config_text(db_url: str, share: Path, *, schemas: Iterable[str] = (), prefix: str = "") -> str:
    """A Kojin config scanning the planted shop and share, with a catalog for them."""
    include = f"include_schemas = {list(schemas)!r}\n".replace("'", '"') if schemas else ""
    return f"""
[[sources]]
type = "database"
name = "shop"
url = "{db_url}"
{include}
[[sources]]
type = "files"
name = "share"
root = "{share}"

[[catalog.purposes]]
id = "shop"
name = "商品の発送"
entities = ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "DATE_OF_BIRTH", "ADDRESS"]
retention = "最終購入から5年"

[[catalog.purposes]]
id = "support"
name = "お問い合わせへの回答"
entities = ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER"]
retention = "回答完了から3年"

[[catalog.purposes]]
id = "hr"
name = "雇用管理"
entities = ["PERSON", "JP_MY_NUMBER", "DATE_OF_BIRTH", "PHONE_NUMBER"]
retention = "退職から7年"

[[catalog.assets]]
name = "会員・受注"
source = "shop"
tables = ["{prefix}customers", "{prefix}orders", "{prefix}order_items"]
purposes = ["shop"]
owner = "EC事業部"
subjects = "customer"

[[catalog.assets]]
name = "お問い合わせ"
source = "shop"
tables = ["{prefix}inquiries"]
purposes = ["support"]
owner = "サポート部"
subjects = "customer"
deletion = "nullify"

[[catalog.assets]]
name = "従業員"
source = "shop"
tables = ["{prefix}staff"]
purposes = ["hr"]
owner = "人事部"
subjects = "employee"

[[catalog.assets]]
name = "会員名簿"
source = "share"
paths = ["/会員名簿.csv"]
purposes = ["shop"]
owner = "EC事業部"
subjects = "customer"

[inventory]
path = "inventory.sqlite3"
key_file = "kojin-hmac.key"

[reports]
formats = []
"""


def plant(engine: sa.Engine, root: Path, n: int, **database: Any) -> Corpus:
    people = make_people(n)
    corpus = Corpus(people)
    plant_database(engine, people, corpus, **database)
    plant_files(root, people, corpus)
    return corpus
