"""開示: the person's values, read live, grouped by purpose, and every export logged."""

from __future__ import annotations

import json
import sqlite3
import stat

from scanner.cli import main
from scanner.inventory.subjects import SubjectIndex
from scanner.subject.identifiers import SubjectQuery


def _row(workspace, table: str, pk: int) -> dict:
    with sqlite3.connect(workspace.folder / "sample.sqlite3") as conn:
        conn.row_factory = sqlite3.Row
        return dict(conn.execute(f"SELECT * FROM {table} WHERE id = ?", (pk,)).fetchone())


def test_export_writes_the_values_by_purpose_and_logs_who_when_whom(examples, capsys):
    row = _row(examples, "dtb_customer", 1)
    out = examples.folder / "開示" / "request.json"
    code = main(
        [
            "subject",
            "export",
            "--config",
            str(examples.config_path),
            "--email",
            row["email"].upper(),
            "--out",
            str(out),
            "--by",
            "窓口 佐藤",
        ]
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert row["email"] not in captured.out + captured.err  # values go to the file only
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    doc = json.loads(out.read_text(encoding="utf-8"))
    items = {i["where"]: i for g in doc["groups"] for i in g["items"]}
    assert items["email"]["value"] == row["email"]
    assert items["name01+name02"]["value"] == f"{row['name01']} {row['name02']}"
    assert items["tel01+tel02+tel03"]["category"] == "電話番号"
    # a person reads their data: the prefecture by name (not its key), dates in Japanese
    address = next(i for i in items.values() if i["category"] == "住所" and "pref" in i["where"])
    assert address["value"].startswith("宮城県") and not address["value"].startswith("4")
    birth = next(i for i in items.values() if i["category"] == "生年月日")
    assert row["birth"].startswith("1976-07-07") and birth["value"] == "1976年7月7日（昭和51年）"
    assert {i["place"] for i in items.values()} == {"shop-db:main.dtb_customer"}
    assert items["email"]["asset"] == "会員情報" and items["email"]["owner"] == "EC事業部"
    groups = {tuple(p["id"] for p in g["purposes"]): g for g in doc["groups"]}
    assert "email" in {i["where"] for i in groups[("newsletter", "campaigns")]["items"]}
    assert "company_name" in {i["where"] for i in groups[(None,)]["items"]}  # 勤務先: no purpose
    subject = SubjectQuery(email=row["email"]).subject_id(examples.fingerprinter)
    assert doc["subject"] == subject
    with examples.inventory() as inventory:
        [entry] = SubjectIndex(inventory).log_entries(subject)
    assert (entry.actor, entry.action, entry.outcome) == ("窓口 佐藤", "export", "done")
    assert entry.at and entry.detail["items"] == len(items) and entry.detail["records"] == 1
    assert row["email"] not in json.dumps(entry.detail, ensure_ascii=False)


def test_a_text_hit_exports_its_own_line_only_and_xlsx_works(examples, capsys):
    from openpyxl import load_workbook

    out = examples.folder / "request.xlsx"
    code = main(
        [
            "subject",
            "export",
            "--config",
            str(examples.config_path),
            "--email",
            "yumikosuzuki15@gmail.com",
            "--out",
            str(out),
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # raw values: the owner only
    book = load_workbook(out)
    assert book.sheetnames == ["開示内容", "概要"]
    rows = list(book["開示内容"].iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[2], r[3], r[4]) for r in rows] == [
        ("メールアドレス", "yumikosuzuki15@gmail.com", "file-share:logs/app.log", "line 1")
    ]


def test_a_name_alone_is_not_exported(examples, capsys):
    row = _row(examples, "dtb_customer", 1)
    out = examples.folder / "weak.json"
    code = main(
        [
            "subject",
            "export",
            "--config",
            str(examples.config_path),
            "--name",
            row["name01"] + row["name02"],
            "--out",
            str(out),
        ]
    )
    captured = capsys.readouterr()
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert code == 0 and doc["groups"] == [] and doc["not_included"]["weak_hits"] >= 1
    assert "left out: 1 weak hit(s)" in captured.err


def test_export_refuses_an_unknown_format(examples, capsys):
    code = main(
        [
            "subject",
            "export",
            "--config",
            str(examples.config_path),
            "--email",
            "a@example.jp",
            "--out",
            str(examples.folder / "x.pdf"),
        ]
    )
    assert code == 2 and "written as .json or .xlsx" in capsys.readouterr().err
