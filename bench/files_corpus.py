"""A generated file share for the files benchmark: every format, every Japanese encoding,
with the personal entities each file holds (its truth), plus hostile files.

Values are synthetic (Faker ja_JP, seeded; phone numbers made to the Japanese plan).
Each document gets a random subset of five entity kinds, so a file-level score checks
which kinds were found, not only whether something was. Negative documents (price
lists, partner lists with corporate numbers, meeting notes, server logs) hold none.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.connectors.files import builders
from tests.connectors.files.people import Person, people

SEED = 42
KINDS = ("PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "ADDRESS", "DATE_OF_BIRTH")
HEADERS = {
    "PERSON": "氏名",
    "PHONE_NUMBER": "電話番号",
    "EMAIL_ADDRESS": "メールアドレス",
    "ADDRESS": "住所",
    "DATE_OF_BIRTH": "生年月日",
}
LABELS = {
    "PERSON": "氏名",
    "PHONE_NUMBER": "電話",
    "EMAIL_ADDRESS": "メール",
    "ADDRESS": "住所",
    "DATE_OF_BIRTH": "生年月日",
}
FILLER = (
    "定例会議の議事録です。売上は前年同期比で増加しました。",
    "次回の打ち合わせでは新商品の価格設定について検討します。",
    "システムの保守作業は夜間に実施し、影響範囲は限定的でした。",
    "在庫数は倉庫ごとに集計し、月末に棚卸しを行います。",
    "本資料は社外秘です。取り扱いに注意してください。",
)
LOG_FILLER = (
    "INFO  GET /api/v1/items status=200 latency_ms={n}",
    "INFO  job=nightly-batch step={n} done",
    "WARN  cache miss key=item:{n}",
    "DEBUG pool size={n} idle=3",
)


@dataclass(frozen=True)
class CorpusFile:
    path: str
    data: bytes
    entities: tuple[str, ...] | None  # None: hostile, not scored


def _value(kind: str, p: Person) -> str:
    return {
        "PERSON": p.name,
        "PHONE_NUMBER": p.mobile,
        "EMAIL_ADDRESS": p.email,
        "ADDRESS": p.address,
        "DATE_OF_BIRTH": p.birthdate,
    }[kind]


class _Gen:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.crowd = people(400, seed=seed)

    def kinds(self) -> tuple[str, ...]:
        k = self.rng.randint(1, len(KINDS))
        return tuple(sorted(self.rng.sample(KINDS, k)))

    def persons(self, n: int) -> list[Person]:
        return self.rng.sample(self.crowd, n)

    def prose(self, kinds: Sequence[str], records: int = 3, filler: int = 6) -> list[str]:
        lines = [self.rng.choice(FILLER) for _ in range(filler)]
        for p in self.persons(records):
            parts = []
            if "PERSON" in kinds:
                parts.append(f"お客様{p.name}様より問い合わせがありました。")
            parts.extend(f"{LABELS[k]}：{_value(k, p)}" for k in kinds if k != "PERSON")
            lines.insert(self.rng.randint(0, len(lines)), "　".join(parts))
        return lines

    def table(self, kinds: Sequence[str], rows: int) -> list[list[str]]:
        header = ["会員番号", *(HEADERS[k] for k in kinds), "ポイント"]
        out = [header]
        for i, p in enumerate(self.persons(rows), start=1):
            out.append(
                [f"M{i:06d}", *(_value(k, p) for k in kinds), str(self.rng.randint(0, 9999))]
            )
        return out

    def log(self, kinds: Sequence[str], lines: int, hits: int) -> list[str]:
        out = []
        for i in range(lines):
            template = self.rng.choice(LOG_FILLER)
            out.append(f"2024-04-01 10:{i // 60 % 60:02d}:{i % 60:02d} {template.format(n=i)}")
        for p in self.persons(hits):
            fields = []
            if "PERSON" in kinds:
                fields.append(f"customer_name={p.name}")
            for k in kinds:
                if k != "PERSON":
                    fields.append(f"{k.lower()}={_value(k, p)}")
            out.insert(
                self.rng.randint(0, len(out)), "2024-04-01 11:00:00 INFO  " + " ".join(fields)
            )
        return out


def _csv(rows: Sequence[Sequence[str]], sep: str = ",") -> str:
    return "\r\n".join(sep.join(r) for r in rows) + "\r\n"


def _negative_texts(g: _Gen) -> list[tuple[str, bytes]]:
    prices = [["商品コード", "商品名", "単価", "在庫"]]
    prices += [
        [f"P-{1000 + i}", f"ボールペン{i}型", str(100 + i), str(i * 7 % 300)] for i in range(80)
    ]
    partners = [["取引先名", "法人番号", "業種"]]
    partners += [
        ["株式会社東都物産", "7010001008844", "卸売"],
        ["大阪精機株式会社", "5120001059647", "製造"],
        ["合同会社みなと物流", "1010403012367", "運輸"],
    ]
    notes = "\n".join(g.rng.choice(FILLER) for _ in range(40))
    server = "\n".join(
        f"2024-04-01 12:00:{i % 60:02d} INFO  {g.rng.choice(LOG_FILLER).format(n=i)}"
        for i in range(3000)
    )
    return [
        ("negative/価格表.csv", _csv(prices).encode("cp932")),
        ("negative/取引先一覧.csv", _csv(partners).encode()),
        ("negative/議事録.txt", notes.encode("cp932")),
        ("negative/server.log", server.encode()),
        ("negative/価格表.xlsx", builders.build_xlsx({"価格": prices})),
        ("negative/議事録.docx", builders.build_docx(notes.splitlines()[:20])),
        ("negative/会社案内.pdf", builders.build_pdf([notes.splitlines()[:15]])),
    ]


def _records(table: list[list[str]]) -> list[dict[str, str]]:
    return [dict(zip(table[0], row, strict=True)) for row in table[1:]]


def _variants(g: _Gen) -> list[tuple[str, Callable[[tuple[str, ...]], bytes]]]:
    """(path template, document maker) for every format and encoding."""

    def text(enc: str) -> Callable[[tuple[str, ...]], bytes]:
        return lambda k: "\n".join(g.prose(k)).encode(enc)

    def csv(enc: str) -> Callable[[tuple[str, ...]], bytes]:
        return lambda k: _csv(g.table(k, 40)).encode(enc)

    def json_doc(k: tuple[str, ...]) -> bytes:
        return json.dumps({"records": _records(g.table(k, 10))}, ensure_ascii=False).encode()

    def jsonl(k: tuple[str, ...]) -> bytes:
        rows = _records(g.table(k, 15))
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()

    def html_cp932(k: tuple[str, ...]) -> bytes:
        body = "".join(f"<p>{line}</p>" for line in g.prose(k))
        head = "<html><head><meta charset='Shift_JIS'><title>お問い合わせ</title></head>"
        return (head + f"<body>{body}</body></html>").encode("cp932")

    def html_table(k: tuple[str, ...]) -> bytes:
        rows = "".join(
            "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in g.table(k, 8)
        )
        return f"<!DOCTYPE html><html><body><table>{rows}</table></body></html>".encode()

    def xml_euc(k: tuple[str, ...]) -> bytes:
        members = "".join(
            "<member>" + "".join(f"<f name='{h}'>{v}</f>" for h, v in r.items()) + "</member>"
            for r in _records(g.table(k, 10))
        )
        decl = '<?xml version="1.0" encoding="EUC-JP"?>\n'
        return (decl + f"<members>{members}</members>").encode("euc_jp")

    def eml_jis(k: tuple[str, ...]) -> bytes:
        body = "\n".join(g.prose(k))
        return builders.build_eml("ご連絡", body, "info@example.co.jp", "desk@example.co.jp")

    def eml_attachment(k: tuple[str, ...]) -> bytes:
        attachment = ("会員.csv", _csv(g.table(k, 20)).encode("cp932"))
        return builders.build_eml(
            "会員情報",
            "添付をご確認ください。",
            "info@example.co.jp",
            "desk@example.co.jp",
            charset="utf-8",
            attachments=[attachment],
        )

    def msg(k: tuple[str, ...]) -> bytes:
        body = "\n".join(g.prose(k))
        return builders.build_msg("ご連絡", body, "info@example.co.jp", "desk@example.co.jp")

    def xlsx(k: tuple[str, ...]) -> bytes:
        return builders.build_xlsx({"名簿": [["会員名簿"], [], *g.table(k, 60)]})

    def zipped(k: tuple[str, ...]) -> bytes:
        inner = builders.build_zip({"memo.txt": "\n".join(g.prose(k)).encode()})
        members = {"名簿.csv": _csv(g.table(k, 30)).encode("cp932"), "nested.zip": inner}
        return builders.build_zip(members, cp932_names=True)

    variants: list[tuple[str, Callable[[tuple[str, ...]], bytes]]] = [
        (f"text/{enc}/memo{{i}}.txt", text(enc))
        for enc in ("utf-8", "utf-8-sig", "utf-16", "cp932", "euc_jp", "iso2022_jp")
    ]
    variants += [
        (f"csv/{enc}/customers{{i}}.csv", csv(enc)) for enc in ("cp932", "utf-8-sig", "euc_jp")
    ]
    variants += [
        ("tsv/export{i}.tsv", lambda k: _csv(g.table(k, 40), "\t").encode()),
        ("logs/app{i}.log", lambda k: "\n".join(g.log(k, 400, 3)).encode()),
        ("json/records{i}.json", json_doc),
        ("json/events{i}.jsonl", jsonl),
        ("html/cp932/page{i}.html", html_cp932),
        ("html/utf8/page{i}.htm", html_table),
        ("xml/euc/members{i}.xml", xml_euc),
        ("mail/jis/mail{i}.eml", eml_jis),
        ("mail/attached/mail{i}.eml", eml_attachment),
        ("mail/outlook/mail{i}.msg", msg),
        ("office/book{i}.xlsx", xlsx),
        ("office/resume{i}.docx", lambda k: builders.build_docx(g.prose(k, records=1))),
        ("office/deck{i}.pptx", lambda k: builders.build_pptx([["ご提案"], g.prose(k, 2, 2)])),
        ("pdf/form{i}.pdf", lambda k: builders.build_pdf([g.prose(k, 1, 3), g.prose(k, 1, 3)])),
        ("zip/backup{i}.zip", zipped),
        ("misnamed/workbook{i}.dat", lambda k: builders.build_xlsx({"s": g.table(k, 20)})),
        ("misnamed/export{i}.txt", lambda k: _csv(g.table(k, 20)).encode("cp932")),
    ]
    if builders.build_xls({"s": [["a"]]}) is not None:
        variants.append(
            ("office/old{i}.xls", lambda k: builders.build_xls({"名簿": g.table(k, 40)}))
        )
    return variants


def generate(copies: int = 4, seed: int = SEED, big_logs: int = 4) -> list[CorpusFile]:
    """The corpus in memory: ``copies`` documents per (format, encoding) variant."""
    g = _Gen(seed)
    files: list[CorpusFile] = []
    for template, make in _variants(g):
        for i in range(copies):
            kinds = g.kinds()
            truth = set(kinds)
            if template.startswith("mail/"):
                truth.add("EMAIL_ADDRESS")  # sender and recipient headers
            files.append(CorpusFile(template.format(i=i), make(kinds), tuple(sorted(truth))))
    for i in range(big_logs):
        kinds = g.kinds()
        data = "\n".join(g.log(kinds, 40_000, 5)).encode()
        files.append(CorpusFile(f"logs/big/access{i}.log", data, kinds))
    files.extend(CorpusFile(path, data, ()) for path, data in _negative_texts(g))
    files.extend(CorpusFile(path, data, None) for path, data in _hostile())
    return files


def _hostile() -> list[tuple[str, bytes]]:
    xlsx = builders.build_xlsx({"s": [["氏名"], ["山田太郎"]]})
    pdf = builders.build_pdf([["山田太郎 090-1234-5678"]])
    rng = random.Random(1)
    return [
        ("hostile/bomb.zip", builders.build_zip_bomb(12, 2)),
        ("hostile/deep.zip", builders.build_nested_zip(8, b"x")),
        ("hostile/cut.xlsx", xlsx[: len(xlsx) // 2]),
        ("hostile/cut.pdf", pdf[: len(pdf) // 2]),
        ("hostile/cut.zip", builders.build_zip({"a.txt": b"a" * 5000})[:100]),
        ("hostile/noise.txt", bytes(rng.randrange(128, 256) for _ in range(20_000))),
        ("hostile/deep.json", b"[" * 200_000),
        (
            "hostile/laughs.xml",
            b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;&b;&b;</l>',
        ),
    ]


def write(
    root: Path, files: Sequence[CorpusFile], sparse_gb: float = 2.0
) -> dict[str, list[str] | None]:
    """Write the corpus under ``root``; returns the truth (path -> entities, None: hostile)."""
    truth: dict[str, list[str] | None] = {}
    for f in files:
        path = root / f.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(f.data)
        truth[f.path] = list(f.entities) if f.entities is not None else None
    if sparse_gb:
        sparse = root / "hostile" / "sparse.log"
        with open(sparse, "wb") as out:
            out.write("山田太郎 090-1234-5678\n".encode())
            out.truncate(int(sparse_gb * 1024**3))
        truth["hostile/sparse.log"] = None
    return truth
