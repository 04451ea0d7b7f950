"""The column classifier weighs names, values, shapes, groups and neighbours together.

Most cases run against a small rule-based stand-in detector, so they test the weighing
and not the recognizers; the last ones run the real fast detector.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

import pytest
from stdnum import ean
from stdnum.jp import cn, in_

from scanner.classify.column_classifier import (
    ClassifierOptions,
    ColumnSample,
    ColumnVerdict,
    TableClassifier,
    classify_table,
)
from scanner.classify.column_groups import find_groups
from scanner.classify.column_name_hints import column_hint, table_is_person_like
from scanner.classify.column_value_shapes import is_jp_phone, parse_date
from scanner.detect.detection import Detection

SURNAMES = ("山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村", "小林", "加藤")
GIVEN = ("太郎", "花子", "一郎", "陽子", "健", "美咲", "翔太", "由美", "大輔", "恵")
KANA = ("ヤマダ", "サトウ", "スズキ", "タカハシ", "タナカ", "タロウ", "ハナコ", "イチロウ")
PREFS = ("東京都", "大阪府", "北海道", "神奈川県", "福岡県")


class FakeDetector:
    """Regex stand-in with the real detector's API; records what it was asked."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def analyze_batch(self, texts: Sequence[str], context: Sequence[str] = ()) -> list[list]:
        self.texts.extend(texts)
        return [self.analyze(t, context) for t in texts]

    def analyze(self, text: str, context: Sequence[str] = ()) -> list[Detection]:
        ctx = " ".join(context).lower()
        found: list[Detection] = []

        def add(entity: str, pattern: str, score: float = 0.85) -> None:
            for m in re.finditer(pattern, text):
                if not any(d.start < m.end() and m.start() < d.end for d in found):
                    found.append(Detection(entity, m.start(), m.end(), score, f"Fake{entity}",
                                           value=m.group()))  # fmt: skip

        add("EMAIL_ADDRESS", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
        add("PHONE_NUMBER", r"(?<!\d)0\d{1,4}-\d{1,4}-\d{4}(?!\d)")
        add("ADDRESS", "(?:" + "|".join(PREFS) + r")\S*?\d+(?:-\d+)*")
        add("ADDRESS", r"〒?(?<!\d)\d{3}-\d{4}(?!\d)", 0.65)
        if "birth" in ctx or "生年月日" in ctx:
            add("DATE_OF_BIRTH", r"\d{4}-\d{2}-\d{2}", 0.65)
        if "会社" in ctx or "勤務先" in ctx or "勤務先は" in text:
            add(
                "EMPLOYER",
                r"(?:株式会社|有限会社)\S+?(?=[。、\s]|$)|\S+?(?:株式会社|有限会社)",
                0.65,
            )
        add("PERSON", "(?:" + "|".join(SURNAMES) + ")(?: ?(?:" + "|".join(GIVEN) + "))?", 0.7)
        add("PERSON", "(?:" + "|".join(GIVEN) + ")", 0.6)
        add("PERSON", "(?:" + "|".join(KANA) + ")(?: (?:" + "|".join(KANA) + "))?", 0.7)
        return sorted(found, key=lambda d: d.start)


def col(name: str, values: Sequence[str | None], **kw) -> ColumnSample:
    return ColumnSample(name=name, values=list(values), **kw)


def by_column(verdicts: list[ColumnVerdict]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for v in verdicts:
        out.setdefault(v.column, set()).add(v.entity)
    return out


def assert_verdicts(
    verdicts: list[ColumnVerdict], expected: dict[str, set[str]], raw: Sequence[str] = ()
) -> None:
    """Exactly ``expected`` columns are flagged, and no raw value reaches a verdict."""
    got = by_column(verdicts)
    assert got == expected, f"expected {expected}, got {got}"
    dump = json.dumps([[v.evidence, v.examples] for v in verdicts], ensure_ascii=False)
    for value in raw:
        assert value not in dump, f"raw value {value!r} leaked into a verdict"


def cycle(values: Sequence[str], n: int) -> list[str]:
    return [values[i % len(values)] for i in range(n)]


N = 60
PHONES = [f"090-{1000 + i * 37:04d}-{2000 + i * 53:04d}" for i in range(N)]
NAMES = [(SURNAMES[i % 10], GIVEN[(i * 3) % 10]) for i in range(N)]


# --- names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("name01", "generic_name"),
        ("order_name01", "person_name"),
        ("kana01", "kana_name"),
        ("company_name", "company_name"),
        ("company_kana", "company_name"),
        ("zip01", "postal_code"),
        ("pref", "prefecture"),
        ("addr01", "address"),
        ("tel01", "phone"),
        ("fax03", "phone"),
        ("email", "email"),
        ("order_email", "email"),
        ("birth", "birth_date"),
        ("note", "free_text"),
        ("message", "free_text"),
        ("shimei", "person_name"),
        ("furigana", "kana_name"),
        ("jusho", "address"),
        ("yubin", "postal_code"),
        ("denwa", "phone"),
        ("meru", "email"),
        ("seinengappi", "birth_date"),
        ("kinmusaki", "employer"),
        ("my_number", "my_number"),
        ("kojin_bango", "my_number"),
        ("corporate_number", "corporate_number"),
        ("lastName", "person_name"),
        ("氏名", "person_name"),
        ("フリガナ", "kana_name"),
        ("住所", "address"),
        ("電話番号", "phone"),
        ("メールアドレス", "email"),
        ("生年月日", "birth_date"),
        ("勤務先", "employer"),
        ("会社名", "company_name"),
        ("郵便番号", "postal_code"),
        ("備考", "free_text"),
        ("担当者名", "person_name"),
        ("会社電話番号", "phone"),
        ("法人番号", "corporate_number"),
        ("byoreki", "medical"),
        ("byomei_cd", "medical"),
        ("既往歴", "medical"),
        ("kenshin_kekka", "health_check"),
        ("健康診断結果", "health_check"),
        ("shougai_toukyuu", "disability"),
        ("障害者手帳等級", "disability"),
        ("zenka", "criminal"),
        ("religion", "creed"),
        ("支持政党", "creed"),
        ("honseki", "race"),
        ("民族", "race"),
        # look-alikes
        ("mailmaga_flg", "non_personal"),
        ("customer_id", "non_personal"),
        ("product_name", "non_personal"),
        ("product_code", "non_personal"),
        ("jan_code", "non_personal"),
        ("shop_name", "non_personal"),
        ("ip_address", "non_personal"),
        ("商品名", "non_personal"),
        ("顧客ID", "non_personal"),
        ("id", "non_personal"),
        ("status", "non_personal"),
    ],
)
def test_name_hints(name: str, kind: str) -> None:
    hint = column_hint(name)
    assert hint is not None and hint.kind == kind, (name, hint)


@pytest.mark.parametrize("name", ["c01", "price", "x", "sex"])
def test_names_that_say_nothing(name: str) -> None:
    assert column_hint(name) is None


@pytest.mark.parametrize(
    "name", ["create_date", "登録日", "joined_date", "入社日", "ENTRANCE_DATE"]
)
def test_event_dates_are_named_not_personal(name: str) -> None:
    hint = column_hint(name)
    assert hint is not None and hint.entity is None, hint


def test_a_comment_speaks_for_an_opaque_name() -> None:
    hint = column_hint("c01", "顧客の氏名")
    assert hint is not None and hint.kind == "person_name" and hint.source == "comment"


def test_person_like_tables() -> None:
    assert table_is_person_like("dtb_customer") and table_is_person_like("顧客台帳")
    assert not table_is_person_like("mtb_pref") and not table_is_person_like("dtb_product")


def test_groups() -> None:
    names = "id name01 name02 tel01 tel02 tel03 zip01 zip02 c01 c02 c03 c04 c05 c06".split()
    groups = {g.columns: g.kind for g in find_groups(names)}
    assert groups == {
        ("name01", "name02"): "generic_name",
        ("tel01", "tel02", "tel03"): "phone",
        ("zip01", "zip02"): "postal_code",
    }
    pairs = {g.columns: g.kind for g in find_groups(["姓", "名", "sei_kana", "mei_kana"])}
    assert pairs == {("姓", "名"): "person_name", ("sei_kana", "mei_kana"): "kana_name"}
    assert find_groups(["x1", "x2", "x3"], digit_columns={"x1", "x2", "x3"})[0].kind == "digits"


def test_shapes() -> None:
    assert is_jp_phone("090-1234-5678") and is_jp_phone("０３－１２３４－５６７８")
    assert not is_jp_phone("1234-5678") and not is_jp_phone("090")
    assert parse_date("昭和60年4月1日").isoformat() == "1985-04-01"
    assert parse_date("H1.2.3").isoformat() == "1989-02-03"
    assert parse_date("1985/4/1").isoformat() == "1985-04-01"
    assert parse_date("山田") is None


# --- weighing with the stand-in detector ------------------------------------------------


def test_split_phone_and_postal_code_groups_classify_every_member() -> None:
    tel = [p.split("-") for p in PHONES]
    zips = [(f"{100 + i}", f"{1000 + i:04d}") for i in range(N)]
    columns = [
        col("id", [str(i) for i in range(N)], is_primary_key=True),
        col("name01", [n[0] for n in NAMES]),
        col("name02", [n[1] for n in NAMES]),
        col("tel01", [t[0] for t in tel]),
        col("tel02", [t[1] for t in tel]),
        col("tel03", [t[2] for t in tel]),
        col("zip01", [z[0] for z in zips]),
        col("zip02", [z[1] for z in zips]),
    ]
    verdicts = classify_table("dtb_customer", columns, FakeDetector())
    assert_verdicts(
        verdicts,
        {
            "name01": {"PERSON"},
            "name02": {"PERSON"},
            "tel01": {"PHONE_NUMBER"},
            "tel02": {"PHONE_NUMBER"},
            "tel03": {"PHONE_NUMBER"},
            "zip01": {"ADDRESS"},
            "zip02": {"ADDRESS"},
        },
        raw=PHONES[:5],
    )
    tel02 = next(v for v in verdicts if v.column == "tel02")
    assert tel02.evidence["group"]["columns"] == ["tel01", "tel02", "tel03"]
    assert tel02.evidence["group"]["joined_hit_ratio"] == 1.0
    assert tel02.rows_sampled == N and tel02.rows_matched == N
    assert all(re.fullmatch(r"090-\*{4}-\d{4}", e) for e in tel02.examples)


def test_opaque_digit_columns_that_join_into_phone_numbers() -> None:
    tel = [p.split("-") for p in PHONES]
    columns = [col(f"x{i + 1}", [t[i] for t in tel]) for i in range(3)]
    verdicts = classify_table("t", columns, FakeDetector())
    assert by_column(verdicts) == {f"x{i}": {"PHONE_NUMBER"} for i in (1, 2, 3)}


def test_prefecture_list_alone_is_a_reference_table_not_an_address() -> None:
    prefs = [*PREFS] * 10
    verdicts = classify_table(
        "mtb_pref",
        [
            col("id", [str(i) for i in range(50)], is_primary_key=True),
            col("name", prefs),
            col("sort_no", [str(i) for i in range(50)]),
        ],
        FakeDetector(),
    )
    assert verdicts == []


def test_prefecture_beside_an_address_is_part_of_it() -> None:
    columns = [
        col("name01", [n[0] for n in NAMES]),
        col(
            "pref",
            cycle([str(i) for i in range(1, 48)], N),
            type_name="INTEGER",
            foreign_key="mtb_pref.id",
        ),
        col("addr01", cycle(["千代田区丸の内", "中央区銀座"], N)),
    ]
    assert by_column(classify_table("dtb_customer", columns, FakeDetector())) == {
        "name01": {"PERSON"},
        "pref": {"ADDRESS"},
        "addr01": {"ADDRESS"},
    }


def test_company_name_is_an_employer_only_beside_a_person() -> None:
    companies = cycle(["株式会社山田商事", "有限会社佐藤電気", "鈴木工業株式会社"], N)
    with_person = classify_table(
        "dtb_customer",
        [col("name01", [n[0] for n in NAMES]), col("company_name", companies)],
        FakeDetector(),
    )
    assert by_column(with_person) == {"name01": {"PERSON"}, "company_name": {"EMPLOYER"}}
    alone = classify_table(
        "dtb_partner",
        [col("company_name", companies), col("company_kana", cycle(KANA, N))],
        FakeDetector(),
    )
    assert alone == []


def test_special_care_columns_count_only_about_a_person() -> None:
    """A 健康診断 table keyed by employee is 要配慮; a drug or disease master is not."""
    checkup = classify_table(
        "kenshin_2024",
        [
            col("shain_no", [f"E{i:04d}" for i in range(N)]),
            col("ketsuatsu", cycle(["128/82", "141/95", "110/70"], N)),
            col("kenshin_kekka", cycle(["A", "要再検査", "B"], N)),
        ],
        FakeDetector(),
    )
    assert by_column(checkup) == {
        "ketsuatsu": {"SPECIAL_CARE_HEALTH_CHECK"},
        "kenshin_kekka": {"SPECIAL_CARE_HEALTH_CHECK"},
    }
    assert any("shain_no" in str(v.evidence) for v in checkup)
    staff = classify_table(
        "t_staff",
        [col("氏名", ["".join(n) for n in NAMES]), col("障害等級", cycle(["2級", "なし"], N))],
        FakeDetector(),
    )
    assert by_column(staff)["障害等級"] == {"SPECIAL_CARE_DISABILITY"}
    drugs = classify_table(
        "drug_master",
        [
            col("drug_code", [f"D{i:04d}" for i in range(N)]),
            col("drug_name", cycle(["アムロジピン", "メトホルミン"], N)),
            col("byomei", cycle(["高血圧症", "2型糖尿病"], N)),
            col("icd10", cycle(["I10", "E11"], N)),
        ],
        FakeDetector(),
    )
    assert drugs == []


def test_corporate_numbers_jan_codes_and_tracking_numbers() -> None:
    corporate = [cn.calc_check_digit(f"{700000000000 + i * 7919}") + f"{700000000000 + i * 7919}"
                 for i in range(N)]  # fmt: skip
    jan = [f"49{1000000000 + i * 104729}" for i in range(N)]
    jan = [j + ean.calc_check_digit(j) for j in jan]
    tracking = [f"{300000000000 + i * 15485863}" for i in range(N)]
    my_numbers = [f"{40000000000 + i * 1299709}" for i in range(N)]
    my_numbers = [m + in_.calc_check_digit(m) for m in my_numbers]
    partner = classify_table(
        "dtb_partner",
        [col("corporate_number", corporate), col("company_name", cycle(["株式会社A"], N))],
        FakeDetector(),
    )
    assert by_column(partner) == {"corporate_number": {"JP_CORPORATE_NUMBER"}}
    assert partner[0].evidence["personal"] is False
    products = classify_table(
        "dtb_product",
        [col("jan_code", jan), col("tracking_no", tracking), col("c09", jan)],
        FakeDetector(),
    )
    assert products == []
    unnamed = classify_table("t", [col("c03", my_numbers)], FakeDetector())
    assert by_column(unnamed) == {"c03": {"JP_MY_NUMBER"}}


def test_a_free_text_column_reports_each_entity_with_its_share() -> None:
    notes = cycle(["次回も利用予定。", "ギフト包装を希望。", None, "在庫確認済み。"], N)
    notes[1] = f"携帯 {PHONES[1]} へ連絡希望。"
    notes[5] = f"日中は{PHONES[5]}まで。"
    notes[9] = "請求書はtaro@example.jpへ。"
    notes[13] = "連絡はhanako@example.co.jpまで。"
    notes[17] = "山田太郎様からのご紹介。"
    notes[21] = "受取人は佐藤 花子様。"
    verdicts = classify_table("dtb_customer", [col("note", notes)], FakeDetector())
    shares = {v.entity: (v.rows_matched, v.rows_sampled) for v in verdicts}
    non_empty = sum(1 for n in notes if n)
    assert shares == {
        "PHONE_NUMBER": (2, non_empty),
        "EMAIL_ADDRESS": (2, non_empty),
        "PERSON": (2, non_empty),
    }
    assert all(v.evidence["free_text"] for v in verdicts)
    assert_verdicts(verdicts, {"note": set(shares)}, raw=[PHONES[1], "taro@example.jp"])


def test_product_names_and_descriptions_stay_quiet() -> None:
    columns = [
        col("name", cycle(["有機緑茶 100g", "ドリップコーヒー 6本入", "国産はちみつ"], N)),
        col("description", cycle(["贈り物にも最適な逸品です。賞味期限は12か月、常温で保存。"], N)),
        col("product_code", [f"AB-{i:05d}" for i in range(N)]),
        col("price", [str(100 * i) for i in range(N)], type_name="NUMERIC(12, 2)"),
    ]
    assert classify_table("dtb_product", columns, FakeDetector()) == []


def test_birth_dates_need_a_telling_name_or_an_age_like_spread() -> None:
    births = [f"{1940 + (i * 7) % 60}-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in range(N)]
    created = [f"20{15 + i % 9}-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in range(N)]
    named = classify_table(
        "dtb_customer", [col("birth", births), col("create_date", created)], FakeDetector()
    )
    assert by_column(named) == {"birth": {"DATE_OF_BIRTH"}}
    opaque = classify_table(
        "t_k001",
        [col("c01", [f"{a} {b}" for a, b in NAMES]), col("c07", births), col("c11", created)],
        FakeDetector(),
    )
    assert by_column(opaque) == {"c01": {"PERSON"}, "c07": {"DATE_OF_BIRTH"}}
    assert next(v for v in opaque if v.column == "c07").confidence < 0.6


def test_a_name_the_values_contradict_is_not_believed() -> None:
    verdicts = classify_table(
        "dtb_customer",
        [
            col("tel_flg", cycle(["0", "1"], N)),
            col("email", cycle(["0", "1"], N)),
            col("birth", cycle(["東京", "大阪"], N)),
        ],
        FakeDetector(),
    )
    assert verdicts == []


def test_look_alike_columns_stay_quiet() -> None:
    columns = [
        col("ip_address", [f"192.168.{i}.{i % 7}" for i in range(N)]),
        col("address", [f"10.0.{i}.1" for i in range(N)]),
        col("mail_flg", cycle(["0", "1"], N)),
        col("secret_key", [f"{i:08x}a1b2c3d4e5f6a7b8" for i in range(N)]),
        col("created_at", [f"2024-01-{1 + i % 28:02d} 10:00:00" for i in range(N)]),
    ]
    assert classify_table("access_log", columns, FakeDetector()) == []


def test_types_and_comments_are_evidence() -> None:
    births = [f"{1950 + i % 40}{1 + i % 12:02d}{1 + i % 28:02d}" for i in range(N)]
    phones = [p.replace("-", "")[1:] for p in PHONES]  # a BIGINT drops the leading zero
    documents = [f'{{"tel": "{p}"}}' if i % 3 == 0 else "{}" for i, p in enumerate(PHONES)]
    columns = [
        col("birthday", births, type_name="CHAR(8)"),
        col("phone", phones, type_name="BIGINT"),
        col("payload", documents, type_name="JSONB"),
        col("c01", [f"{a} {b}" for a, b in NAMES], comment="顧客の氏名"),
    ]
    verdicts = classify_table("users", columns, FakeDetector())
    assert by_column(verdicts) == {
        "birthday": {"DATE_OF_BIRTH"}, "phone": {"PHONE_NUMBER"},
        "payload": {"PHONE_NUMBER"}, "c01": {"PERSON"},
    }  # fmt: skip
    payload = next(v for v in verdicts if v.column == "payload")
    assert payload.evidence["free_text"] and payload.rows_matched == N // 3
    assert (
        next(v for v in verdicts if v.column == "c01").evidence["name_hint"].endswith("(comment)")
    )


def test_repeated_values_are_analysed_once() -> None:
    detector = FakeDetector()
    classify_table("t", [col("email", cycle(["a@example.jp", "b@example.jp"], 500))], detector)
    assert sorted(detector.texts) == ["a@example.jp", "b@example.jp"]


def test_batches_give_the_same_verdicts_as_one_sample() -> None:
    emails = [f"user{i}@example.jp" for i in range(N)]
    names = [f"{a} {b}" for a, b in NAMES]
    one = classify_table("customer", [col("email", emails), col("shimei", names)], FakeDetector())
    clf = TableClassifier(
        "customer", [col("email", []), col("shimei", [])], FakeDetector(), ClassifierOptions()
    )
    for start in range(0, N, 7):
        clf.add_batch({"email": emails[start : start + 7], "shimei": names[start : start + 7]})
    assert [(v.column, v.entity, v.rows_matched) for v in clf.verdicts()] == [
        (v.column, v.entity, v.rows_matched) for v in one
    ]


def test_empty_and_null_columns() -> None:
    assert classify_table("t", [col("email", [None, "", "  "]), col("x", [])], FakeDetector()) == []


# --- with the real detector --------------------------------------------------------------


def test_ec_cube_customer_with_the_real_detector(fast_detector) -> None:
    from bench.db_corpus import Values

    v = Values(7)
    rows = []
    for _ in range(40):
        last, first, last_kana, first_kana = v.name()
        tel = v.phone_parts()
        pref, addr01, addr02 = v.street()
        rows.append({
            "name01": last, "name02": first, "kana01": last_kana, "kana02": first_kana,
            "tel01": tel[0], "tel02": tel[1], "tel03": tel[2], "pref": str(pref),
            "addr01": addr01, "addr02": addr02, "email": v.email(),
            "birth": v.birth().isoformat(), "company_name": v.company(),
            "secret_key": v.token(32), "point": str(v.rng.randint(0, 999)),
        })  # fmt: skip
    columns = [col(name, [r[name] for r in rows]) for name in rows[0]]
    verdicts = classify_table("dtb_customer", columns, fast_detector)
    expected = {name: {entity} for name, entity in {
        "name01": "PERSON", "name02": "PERSON", "kana01": "PERSON", "kana02": "PERSON",
        "tel01": "PHONE_NUMBER", "tel02": "PHONE_NUMBER", "tel03": "PHONE_NUMBER",
        "pref": "ADDRESS", "addr01": "ADDRESS", "addr02": "ADDRESS", "email": "EMAIL_ADDRESS",
        "birth": "DATE_OF_BIRTH", "company_name": "EMPLOYER",
    }.items()}  # fmt: skip
    assert_verdicts(verdicts, expected, raw=[rows[0]["email"], rows[0]["addr02"]])


def test_japanese_and_romaji_names_with_the_real_detector(fast_detector) -> None:
    from bench.db_corpus import Values

    v = Values(11)
    people = [v.name() for _ in range(30)]
    columns = [
        col("氏名", [f"{a} {b}" for a, b, _, _ in people]),
        col("フリガナ", [f"{c} {d}" for _, _, c, d in people]),
        col("電話番号", [v.phone("wide") for _ in people]),
        col("jusho", [v.full_address() for _ in people]),
        col("kinmusaki", [v.company() for _ in people]),
    ]
    verdicts = classify_table("顧客台帳", columns, fast_detector)
    assert by_column(verdicts) == {
        "氏名": {"PERSON"},
        "フリガナ": {"PERSON"},
        "電話番号": {"PHONE_NUMBER"},
        "jusho": {"ADDRESS"},
        "kinmusaki": {"EMPLOYER"},
    }


# --- values over names (issue 10: real schemas) -------------------------------------------

STATUSES = ["新規受付", "注文取消し", "対応中", "発送済み", "入金済み", "決済処理中", "購入処理中"]


def test_a_status_list_named_name_is_not_a_person() -> None:
    # EC-CUBE 4's mtb_order_status: "name" in a table named for orders, 0 of 7 rows a name
    columns = [col("id", [str(i) for i in range(1, 8)]), col("name", STATUSES),
               col("sort_no", [str(i) for i in range(7)])]  # fmt: skip
    assert classify_table("mtb_order_status", columns, FakeDetector()) == []
    # options named for kana: mb_convert_kana's flags, 0 of 115 rows a reading
    options = cycle(["KV", "KVa", "a", "rnask", "KVC"], 115)
    assert classify_table("config", [col("mb_convert_kana_option", options)], FakeDetector()) == []


def test_a_zero_one_flag_named_for_a_postal_code_is_not_an_address() -> None:
    flags = cycle(["0", "1", "1", "0"], 152)
    columns = [col("SHAIN_NAME", cycle([f"{a} {b}" for a, b in NAMES], 152)),
               col("SHAIN_ZIP_KF", flags)]  # fmt: skip
    assert by_column(classify_table("SHAIN", columns, FakeDetector())) == {"SHAIN_NAME": {"PERSON"}}


def test_a_postal_code_master_is_a_list_of_places() -> None:
    n = 500
    columns = [
        col("zipcode", [f"{1000000 + i * 173}" for i in range(n)]),
        col("pref", cycle(list(PREFS), n)),
        col("city", cycle(["千代田区", "横浜市中区", "大阪市北区", "札幌市中央区"], n)),
        col("town", cycle(["丸の内", "本町", "梅田", "北一条西"], n)),
    ]
    assert classify_table("zipcode", columns, FakeDetector()) == []


def test_an_organisations_address_and_phone_are_corporate() -> None:
    # a table of partner companies' offices; and the shop's own row (EC-CUBE dtb_base_info)
    offices = [
        col("office_name", cycle(["本社", "大阪支店", "福岡営業所"], N)),
        col("zip", [f"100-{1000 + i:04d}" for i in range(N)]),
        col("address", [f"東京都千代田区丸の内{1 + i % 9}-{1 + i % 5}-1" for i in range(N)]),
        col("tel", [p.replace("090", "03") for p in PHONES]),
    ]
    assert classify_table("partner_offices", offices, FakeDetector()) == []
    shop = [
        col("company_name", ["株式会社山田商事"]), col("company_kana", ["ヤマダショウジ"]),
        col("postal_code", ["100-0005"]), col("addr01", ["東京都千代田区丸の内"]),
        col("addr02", ["1-2-3"]), col("phone_number", ["03-1234-5678"]),
        col("email01", ["shop@example.jp"]),
    ]  # fmt: skip
    assert classify_table("dtb_base_info", shop, FakeDetector()) == []


def test_role_addresses_are_not_personal() -> None:
    roles = cycle(["info@orangehrm.com", "support@example.jp", "noreply@example.co.jp"], N)
    assert classify_table("hs_hr_module", [col("owner_email", roles)], FakeDetector()) == []


def test_join_hire_and_contract_dates_are_not_birthdates() -> None:
    joined = [f"{1985 + i % 38}-04-01" for i in range(N)]
    columns = [
        col("emp_lastname", [n[0] for n in NAMES]),
        col("joined_date", joined),
        col("入社日", joined),
        col("SHAIN_ENTRANCE_DATE", joined),
        col("contract_start", joined),
    ]
    verdicts = classify_table("hs_hr_employee", columns, FakeDetector())
    assert by_column(verdicts) == {"emp_lastname": {"PERSON"}}


def test_a_prefecture_key_beside_a_person_is_part_of_the_address() -> None:
    columns = [col("name01", [n[0] for n in NAMES]),
               col("pref_id", [str(1 + i % 47) for i in range(N)])]  # fmt: skip
    assert by_column(classify_table("dtb_customer", columns, FakeDetector())) == {
        "name01": {"PERSON"}, "pref_id": {"ADDRESS"},
    }  # fmt: skip
    fees = [col("pref_id", [str(1 + i % 47) for i in range(N)]), col("fee", ["500"] * N)]
    assert classify_table("dtb_delivery_fee", fees, FakeDetector()) == []


def test_names_inside_mixed_values_with_the_real_detector(fast_detector) -> None:
    from bench.db_corpus import Values

    v = Values(5)
    people = [v.name() for _ in range(40)]
    senders = [f'"{a} {b}" <{v.email()}>' for a, b, _, _ in people]
    titles = [f"{a}様 来社" if i % 3 == 0 else "定例会議" if i % 3 == 1 else "備品購入"
              for i, (a, _, _, _) in enumerate(people)]  # fmt: skip
    columns = [col("person", senders), col("mail_from", senders), col("件名", titles)]
    verdicts = classify_table("eip_t_mail", columns, fast_detector)
    assert by_column(verdicts) == {
        "person": {"PERSON", "EMAIL_ADDRESS"},
        "mail_from": {"PERSON", "EMAIL_ADDRESS"},
        "件名": {"PERSON"},
    }
    title = next(v for v in verdicts if v.column == "件名")
    assert "mixed values" in title.evidence["reasons"][0]


def _php(data: dict[str, str]) -> str:
    def s(text: str) -> str:
        return f's:{len(text.encode())}:"{text}";'

    return f"a:{len(data)}:{{" + "".join(s(k) + s(v) for k, v in data.items()) + "}"


def test_serialized_values_are_parsed_and_their_parts_joined(fast_detector) -> None:
    from bench.db_corpus import Values

    v = Values(9)
    sessions, documents = [], []
    for _ in range(30):
        tel = v.phone_parts()
        pref, addr01, addr02 = v.street()
        from bench.db_corpus import PREF_NAMES

        sessions.append(_php({
            "cart_key": v.token(16), "tel01": tel[0], "tel02": tel[1], "tel03": tel[2],
            "addr01": PREF_NAMES[pref - 1] + addr01, "addr02": addr02,
        }))  # fmt: skip
        documents.append(json.dumps({"profile": {"tel": "-".join(tel), "mail": v.email()}}))
    columns = [col("sess_data", sessions), col("data", documents)]
    verdicts = classify_table("dtb_session", columns, fast_detector)
    assert by_column(verdicts) == {
        "sess_data": {"PHONE_NUMBER", "ADDRESS"},
        "data": {"PHONE_NUMBER", "EMAIL_ADDRESS"},
    }


def test_katakana_under_an_opaque_name_beside_a_person_is_a_reading(fast_detector) -> None:
    from bench.db_corpus import Values

    v = Values(3)
    people = [v.name() for _ in range(60)]
    columns = [
        col("USR_SEI", [p[0] for p in people]),
        col("USR_MEI", [p[1] for p in people]),
        col("USR_SEIKN", [p[2] for p in people]),  # a family name's reading alone
        col("USR_TEL1", [v.phone() for _ in people]),
    ]
    verdicts = classify_table("CMN_USRM_INF", columns, fast_detector)
    assert by_column(verdicts) == {
        "USR_SEI": {"PERSON"}, "USR_MEI": {"PERSON"}, "USR_SEIKN": {"PERSON"},
        "USR_TEL1": {"PHONE_NUMBER"},
    }  # fmt: skip


def test_a_key_value_table_is_judged_key_by_key() -> None:
    # wp_usermeta / Welcart-style meta tables: one attribute a row
    keys, values = [], []
    for i in range(N):
        for key, value in (("last_name", NAMES[i][0]), ("billing_phone", PHONES[i]),
                           ("nickname", f"user{i}"), ("show_admin_bar", "true"),
                           ("rich_editing", "false")):  # fmt: skip
            keys.append(key)
            values.append(value)
    columns = [col("user_id", [str(i // 5) for i in range(len(keys))]),
               col("meta_key", keys), col("meta_value", values)]  # fmt: skip
    verdicts = classify_table("wp_usermeta", columns, FakeDetector())
    assert by_column(verdicts) == {"meta_value": {"PERSON", "PHONE_NUMBER"}}
    phone = next(v for v in verdicts if v.entity == "PHONE_NUMBER")
    assert phone.evidence["keys"] == ["billing_phone"]


# --- held-out applications' naming (issue 10: OrangeHRM, Zen Cart, F-RevoCRM) -----------

TOWNS = ("横浜市中区本町", "大阪市北区梅田", "札幌市中央区北一条西", "千代田区丸の内")


def test_a_town_under_a_code_name_is_the_address_but_codes_are_not() -> None:
    # OrangeHRM's hs_hr_employee.city_code holds the town's name; JIS city codes do not
    person = [col("emp_lastname", [n[0] for n in NAMES]),
              col("emp_street1", [f"{TOWNS[i % 4]}{1 + i % 9}-2-3" for i in range(N)])]  # fmt: skip
    towns = col("city_code", cycle(list(TOWNS), N))
    got = by_column(classify_table("hs_hr_employee", [*person, towns], FakeDetector()))
    assert got.get("city_code") == {"ADDRESS"}
    for codes in (cycle(["13101", "14101", "27127"], N), cycle(["C01", "C02", "YOK-1"], N)):
        got = by_column(classify_table("hs_hr_employee", [*person, col("city_code", codes)],
                                       FakeDetector()))  # fmt: skip
        assert "city_code" not in got


def test_a_zone_key_beside_a_person_is_the_prefecture() -> None:
    # osCommerce-family shops (Zen Cart's address_book.entry_zone_id): a country's states
    zones = [str(1 + i % 47) for i in range(N)]
    columns = [col("entry_lastname", [n[0] for n in NAMES]), col("entry_zone_id", zones)]
    assert by_column(classify_table("address_book", columns, FakeDetector())) == {
        "entry_lastname": {"PERSON"}, "entry_zone_id": {"ADDRESS"},
    }  # fmt: skip
    rates = [col("geo_zone_id", zones), col("zone_id", zones), col("rate", ["8.0"] * N)]
    assert classify_table("zones_to_geo_zones", rates, FakeDetector()) == []


def test_placeholder_addresses_in_texts_are_not_personal() -> None:
    texts = cycle([
        "Send a copy of order mails to: me@mydomain.com (comma separated).",
        "Set the store's e-mail address, e.g. you@yourdomain.com, used as sender.",
        "Number of products shown on the page before the list is split into pages.",
        "Test address for the mailer: someone@shop.test - never a customer.",
    ], 200)  # fmt: skip
    desc = col("configuration_description", texts)
    assert classify_table("configuration", [desc], FakeDetector()) == []
    real = [t if i % 10 else f"お問い合わせは taro{i}@example.jp まで。担当者より折り返します。"
            for i, t in enumerate(texts)]  # fmt: skip
    got = by_column(classify_table("configuration", [col("notes", real)], FakeDetector()))
    assert got == {"notes": {"EMAIL_ADDRESS"}}


def test_a_name_inside_a_machine_identifier_is_a_fields_name(fast_detector) -> None:
    # F-RevoCRM's vtiger_cvcolumnlist: "table:column:field:Module_Label:type" rows
    fields = ("Last_Name", "First_Name", "Company", "Lead_Source", "Website", "Assigned_To",
              "Mobile_Phone", "Title", "Email", "City")  # fmt: skip
    ids = [f"vtiger_leaddetails:f{i}:f{i}:Leads_{fields[i % 10]}:V" for i in range(200)]
    got = classify_table("vtiger_cvcolumnlist", [col("columnname", ids)], fast_detector)
    assert got == []


def test_run_together_column_names_are_read_word_by_word() -> None:
    from scanner.classify.column_name_hints import word_tokens

    assert word_tokens("mailingstreet") == ["mailing", "street"]
    assert word_tokens("vtiger_contactaddress") == ["vtiger", "contact", "address"]
    assert column_hint("otherzip").kind == "postal_code"
    assert column_hint("homephone").kind == "phone"
    for word in ("capacity", "electricity", "hotel", "reward", "nextstepdate"):
        assert word_tokens(word) == [word] and column_hint(word) is None, word
    assert column_hint("maildate").kind == "non_personal"  # when a mail went out
    assert table_is_person_like("vtiger_contactaddress")
    street = col("mailingstreet", [f"{TOWNS[i % 4]}{1 + i % 9}-2-3" for i in range(N)])
    city = col("mailingcity", cycle(list(TOWNS), N))
    zips = col("mailingzip", [f"231-{1000 + i:04d}" for i in range(N)])
    got = by_column(classify_table("vtiger_contactaddress", [street, city, zips], FakeDetector()))
    assert got == {"mailingstreet": {"ADDRESS"}, "mailingcity": {"ADDRESS"},
                   "mailingzip": {"ADDRESS"}}  # fmt: skip


def test_a_crm_account_with_company_traits_is_an_organisation() -> None:
    columns = [
        col("accountname", cycle(["山田商事株式会社", "佐藤工業株式会社", "鈴木物産株式会社"], N)),
        col("phone", [p.replace("090", "03") for p in PHONES]),
        col("industry", cycle(["製造", "小売", "金融"], N)),
        col("employees", [str(10 + i) for i in range(N)]),
        col("annualrevenue", [str(1000000 * (1 + i)) for i in range(N)]),
    ]
    assert classify_table("vtiger_account", columns, FakeDetector()) == []


def test_follow_up_and_mail_dates_of_a_lead_are_not_birthdates() -> None:
    joined = [f"{1985 + i % 39}-0{1 + i % 9}-15" for i in range(N)]
    births = [f"{1940 + i % 60}-0{1 + i % 9}-15" for i in range(N)]
    columns = [col("lastname", [n[0] for n in NAMES]), col("nextstepdate", joined),
               col("c09", births)]  # fmt: skip
    got = by_column(classify_table("vtiger_leaddetails", columns, FakeDetector()))
    assert got == {"lastname": {"PERSON"}, "c09": {"DATE_OF_BIRTH"}}


def test_a_phone_in_a_tenth_of_a_memos_rows_counts() -> None:
    memos = [f"折り返しは{PHONES[i % N]}まで" if i % 10 == 0 else "在庫確認済み。"
             for i in range(N * 2)]  # fmt: skip
    got = by_column(classify_table("vtiger_modcomments", [col("commentcontent", memos)],
                                   FakeDetector()))  # fmt: skip
    assert got == {"commentcontent": {"PHONE_NUMBER"}}


@pytest.mark.parametrize(
    ("name", "kind"),
    [("USI_TDFK_SID", "prefecture"), ("USI_BDATE", "birth_date"), ("USI_SEIKN", "kana_name"),
     ("USI_ZIP_KF", "non_personal"), ("entry_zone_id", "prefecture"),
     ("city_code", "address"), ("organizationname", "company_name")],
)  # fmt: skip
def test_romaji_abbreviations_and_code_names(name: str, kind: str) -> None:
    assert column_hint(name).kind == kind


def test_php_session_format_is_read(fast_detector) -> None:
    from scanner.classify.serialized_values import readable

    text = ('securityToken|s:6:"abc123";customer|a:2:{s:5:"tel01";s:3:"090";s:5:"tel02";'
            's:4:"1234";}tel03|s:4:"5678";cart_count|i:2;')  # fmt: skip
    assert readable(text).splitlines()[0] == "電話番号：090-1234-5678"
    assert readable("not|a session") is None


def test_a_leads_address_table_without_names_is_still_about_people() -> None:
    # F-RevoCRM's vtiger_leadaddress: the lead's name lives in another table
    columns = [
        col("city", cycle(list(TOWNS), N)),
        col("code", [f"231-{1000 + i:04d}" for i in range(N)]),
        col("state", cycle(list(PREFS), N)),
        col("phone", PHONES),
    ]
    got = by_column(classify_table("vtiger_leadaddress", columns, FakeDetector()))
    assert got == {"city": {"ADDRESS"}, "code": {"ADDRESS"}, "state": {"ADDRESS"},
                   "phone": {"PHONE_NUMBER"}}  # fmt: skip


def test_block_numbers_beside_an_address_are_its_street() -> None:
    # vtiger_leadaddress.lane: vtiger's word for the street; the values say what it is
    columns = [
        col("city", cycle(list(TOWNS), N)),
        col("code", [f"231-{1000 + i:04d}" for i in range(N)]),
        col("state", cycle(list(PREFS), N)),
        col(
            "lane",
            [
                f"{1 + i % 9}-{1 + i % 27}-{1 + i % 13}" + (" コーポ101" if i % 2 else "")
                for i in range(N)
            ],
        ),  # fmt: skip
    ]
    got = by_column(classify_table("vtiger_leadaddress", columns, FakeDetector()))
    assert got["lane"] == {"ADDRESS"}
    # the same numbers with no address beside them are nothing (part numbers, sizes)
    alone = [col("item", cycle(["ねじ", "ボルト"], N)), columns[3]]
    assert "lane" not in by_column(classify_table("parts", alone, FakeDetector()))


def test_phone_numbers_stored_backwards_are_phone_numbers() -> None:
    # vtiger_pbxmanager_phonelookup.rnumber: digits reversed for a suffix search
    forward = [p.replace("-", "") for p in PHONES]
    columns = [col("rnumber", [p[::-1] for p in forward]), col("fnumber", forward)]
    got = by_column(classify_table("vtiger_pbxmanager_phonelookup", columns, FakeDetector()))
    assert got == {"rnumber": {"PHONE_NUMBER"}, "fnumber": {"PHONE_NUMBER"}}
    ids = [col("ref", [f"{i * 7919 + 1000000000}" for i in range(N)])]
    assert by_column(classify_table("orders", ids, FakeDetector())) == {}


def test_a_shops_member_table_is_about_members_not_the_shop() -> None:
    # a shop plugin's member meta: the kana reading alone must not make it the shop's row
    meta = [col("meta_key", cycle(["customer_kana", "memo"], N)),
            col("meta_value", [KANA[i % 8] + " " + KANA[(i + 5) % 8] if i % 2 == 0 else "特になし"
                               for i in range(N)])]  # fmt: skip
    got = by_column(classify_table("wp_shop_member_meta", meta, FakeDetector()))
    assert got == {"meta_value": {"PERSON"}}


def test_an_address_with_nobody_in_its_row_is_not_reported() -> None:
    # vtiger's invoice and account billing addresses: no name, contact or person key
    parts = [
        col("bill_street", [f"{TOWNS[i % 4]}{1 + i % 9}-2-3" for i in range(N)]),
        col("bill_city", cycle(list(TOWNS), N)),
        col("bill_code", [f"231{1000 + i:04d}" for i in range(N)]),  # no detection: a shape
        col("bill_state", cycle(list(PREFS), N)),
    ]
    ids = col("invoicebilladdressid", [str(i) for i in range(N)], is_primary_key=True)
    assert classify_table("vtiger_invoicebillads", [ids, *parts], FakeDetector()) == []
    # the same parts with a key to a person are somebody's
    owner = col("customer_id", [str(i % 20) for i in range(N)])
    got = by_column(classify_table("delivery_addresses", [owner, *parts], FakeDetector()))
    assert got.get("bill_street") == {"ADDRESS"}


def test_a_callers_number_kept_as_an_integer_is_a_phone() -> None:
    # a PBX log's from_number in a BIGINT: the leading 0 is gone; extensions are no phones
    callers = [p.replace("-", "").lstrip("0") for p in PHONES]
    columns = [col("from_number", callers), col("to_number", [str(200 + i % 30) for i in range(N)])]
    got = by_column(classify_table("vtiger_asteriskincomingevents", columns, FakeDetector()))
    assert got == {"from_number": {"PHONE_NUMBER"}}


def test_the_shops_own_row_with_its_managers_name_is_corporate() -> None:
    # the shop's information table: its responsible manager's name does not make the
    # shop's address, phone and e-mail a person's
    shop = [
        col("company_name", ["株式会社山田商事"] * 3), col("law_manager", ["山田 太郎"] * 3),
        col("zip01", ["100"] * 3), col("zip02", ["0005"] * 3),
        col("addr01", ["東京都千代田区丸の内"] * 3), col("addr02", ["1-2-3"] * 3),
        col("law_tel", ["03-1234-5678"] * 3), col("email01", ["shop@example.jp"] * 3),
    ]  # fmt: skip
    assert classify_table("dtb_shop_info", shop, FakeDetector()) == []
    # a person's own row with an employer column keeps its person
    people = [col("company_name", cycle(["株式会社山田商事"], N)),
              col("c01", [f"{a} {b}" for a, b in NAMES]), col("tel", PHONES)]  # fmt: skip
    got = by_column(classify_table("dtb_customer", people, FakeDetector()))
    assert got["c01"] == {"PERSON"} and got["tel"] == {"PHONE_NUMBER"}


def test_a_shops_own_serialized_settings_are_corporate() -> None:
    # a shop plugin keeps its own company details in one serialized option value
    settings = [_php({"company_name": "株式会社山田商事", "zip_code": "100-0005",
                      "address1": f"東京都千代田区丸の内{1 + i % 9}-2-3",
                      "tel_number": "03-1234-5678", "order_mail": f"order{i}@shop.example.jp"})
                for i in range(N)]  # fmt: skip
    meta = [col("option_name", cycle(["shop_settings"], N)), col("option_value", settings)]
    assert classify_table("wp_options", meta, FakeDetector()) == []
    # a customer's serialized delivery address is a person's
    deliveries = [_php({"name1": NAMES[i][0], "name2": NAMES[i][1],
                        "address1": f"東京都千代田区丸の内{1 + i % 9}-2-3", "tel": PHONES[i]})
                  for i in range(N)]  # fmt: skip
    got = by_column(classify_table("wp_shop_member", [col("mem_delivery", deliveries)],
                                   FakeDetector()))  # fmt: skip
    assert got == {"mem_delivery": {"PERSON", "ADDRESS", "PHONE_NUMBER"}}


def test_soy_shop_workplace_and_area_columns_with_the_real_detector(fast_detector) -> None:
    """SOY Shop (held out): 勤務先 is ``job_name``, the prefecture id is ``area``."""
    from bench.db_corpus import Values

    v = Values(11)
    rows = []
    for _ in range(40):
        last, first, _, _ = v.name()
        pref, address1, address2 = v.street()
        rows.append({
            "name": f"{last} {first}", "mail_address": v.email(), "area": str(pref),
            "address1": address1, "address2": address2, "job_name": v.company(),
            "job_area": str(v.street()[0]), "occupation_job_name": v.rng.choice(
                ["会社員", "公務員", "自営業", "学生"]),
        })  # fmt: skip
    columns = [col(name, [r[name] for r in rows]) for name in rows[0]]
    verdicts = classify_table("soyshop_user", columns, fast_detector)
    found = {(x.column, x.entity) for x in verdicts}
    assert ("job_name", "EMPLOYER") in found
    assert ("area", "ADDRESS") in found and ("job_area", "ADDRESS") in found
    assert not any(c == "occupation_job_name" for c, _ in found)  # occupations: no employer
    # a delivery-area master (area ids beside a name) holds nobody's address
    master = [col("area", [str(i % 47 + 1) for i in range(40)]),
              col("area_name", ["関東", "関西", "九州", "北海道"] * 10)]  # fmt: skip
    assert classify_table("soyshop_delivery_area", master, fast_detector) == []
