"""SQLite files on a share are read table by table; Outlook .pst and Access files are
reported as not read (they hold mail and tables, so an auditor must know of them)."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

from tests.connectors.files.conftest import scan


def _db(path: Path, rows: int = 30) -> None:
    conn = sqlite3.connect(path)
    conn.execute("create table customers (id integer primary key, name text, tel text, mail text)")
    conn.executemany(
        "insert into customers(name, tel, mail) values (?, ?, ?)",
        [("山田太郎", f"090-1234-{i:04d}", f"taro{i}@example.jp") for i in range(rows)],
    )
    conn.execute('create table "odd ""name""" (note text)')
    conn.execute('insert into "odd ""name""" values (\'特になし\')')
    conn.commit()
    conn.close()


def test_a_sqlite_file_is_classified_table_by_table(tmp_path: Path) -> None:
    _db(tmp_path / "app.db")
    before = (tmp_path / "app.db").read_bytes()
    out = scan(tmp_path)
    assert out.entities("app.db", sheet="customers", column="tel") == {"PHONE_NUMBER"}
    assert out.entities("app.db", sheet="customers", column="mail") == {"EMAIL_ADDRESS"}
    assert out.errors == []
    assert (tmp_path / "app.db").read_bytes() == before  # read from a copy, read-only


def test_sample_mode_reads_a_sample_of_a_big_table(tmp_path: Path) -> None:
    _db(tmp_path / "big.sqlite", rows=3000)
    out = scan(tmp_path, table_sample_rows=100)
    tel = next(f for f in out.findings if f.location.get("column") == "tel")
    assert tel.rows_sampled == 100


def test_a_sqlite_file_inside_a_zip_and_a_damaged_one(tmp_path: Path) -> None:
    _db(tmp_path / "inner.db")
    with zipfile.ZipFile(tmp_path / "backup.zip", "w") as z:
        z.write(tmp_path / "inner.db", "data/inner.db")
    (tmp_path / "inner.db").unlink()
    data = b"SQLite format 3\x00" + b"\xff" * 2000
    (tmp_path / "broken.db").write_bytes(data)
    out = scan(tmp_path)
    assert "PHONE_NUMBER" in out.entities("backup.zip", member="data/inner.db", column="tel")
    assert out.error_kinds("broken.db") == {"corrupt"}


def test_outlook_and_access_files_are_reported_not_read(tmp_path: Path) -> None:
    (tmp_path / "mail.pst").write_bytes(b"!BDN" + b"\0" * 600)
    (tmp_path / "顧客.mdb").write_bytes(b"\0\x01\0\0Standard Jet DB\0" + b"\0" * 600)
    out = scan(tmp_path)
    assert out.error_kinds("mail.pst") == {"unsupported"}
    assert out.error_kinds("顧客.mdb") == {"unsupported"}
