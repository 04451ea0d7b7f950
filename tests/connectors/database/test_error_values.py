"""A database error that quotes a row value reaches no output: a view that fails on a
planted e-mail, on SQLite, PostgreSQL and MariaDB, and every file Kojin writes checked.

The views fail the way real ones do: SQLite's ``json_extract('{}', email)`` says ``JSON
path error near '<value>'``, PostgreSQL's ``email::int`` says ``invalid input syntax for
type integer: "<value>"``, and a MariaDB function ``SIGNAL``s the value it was given.
"""

from __future__ import annotations

import json
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from connectors.database.errors import driver_error_text
from scanner.config import parse_config
from scanner.fingerprint import Fingerprinter
from scanner.scan.options import ScanOptions
from scanner.scan.pipeline import Pipeline
from tests.connectors.database.conftest import MARIADB_URLS, PG_URLS, _first_reachable

PLANTED = "yy.planted.97318642@example.org"
#: the digits alone: long enough not to turn up by chance in a binary SQLite file
PLANTED_DIGITS = b"97318642"


def _members(conn: sa.Connection, schema: str | None = None) -> None:
    md = sa.MetaData(schema=schema)
    members = sa.Table(
        "members", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("name", sa.String(40)), sa.Column("email", sa.String(80)),
    )  # fmt: skip
    md.create_all(conn)
    conn.execute(members.insert(), [{"id": 1, "name": "山田 太郎", "email": PLANTED}])


def _scan(tmp_path: Path, url: str, schemas: tuple[str, ...] = ()) -> Path:
    """Scan, record, report (html, json, xlsx); the folder with every output."""
    include = f"include_schemas = {json.dumps(list(schemas))}\n" if schemas else ""
    text = (
        f'[[sources]]\ntype = "database"\nname = "db"\nurl = "{url}"\n{include}\n'
        f'[scan]\nout_dir = "out"\n\n[inventory]\npath = "inventory.sqlite3"\n\n'
        f'[reports]\nformats = ["html", "json", "xlsx"]\nout_dir = "reports"\n'
    )
    config = parse_config(text, tmp_path)
    pipeline = Pipeline(config, fingerprinter=Fingerprinter(b"error-values-key-0123456789abcdef"))
    result = pipeline.run(ScanOptions(tmp_path / "out"), index_subjects=False)
    assert [e for e in result.outcome.errors if "v_broken" in json.dumps(e.location.to_dict())], (
        "the view must fail for the test to mean anything"
    )
    return tmp_path


def _no_value_anywhere(folder: Path) -> str:
    outputs = [*(folder / "out").iterdir(), *(folder / "reports").iterdir(),
               folder / "inventory.sqlite3"]  # fmt: skip
    assert {p.suffix for p in outputs} >= {".jsonl", ".json", ".html", ".xlsx", ".sqlite3"}
    for path in outputs:
        data = path.read_bytes()
        if path.suffix == ".xlsx":  # a zip: look inside
            import zipfile

            with zipfile.ZipFile(path) as z:
                data = b"".join(z.read(n) for n in z.namelist())
        assert PLANTED.encode() not in data, path.name
        assert PLANTED_DIGITS not in data, path.name
    lines = (folder / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    errors = [json.loads(line) for line in lines]
    return next(e["message"] for e in errors if "v_broken" in json.dumps(e["location"]))


def test_sqlite_error_quoting_a_value_is_reduced(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    with engine.begin() as conn:
        _members(conn)
        conn.exec_driver_sql(
            "CREATE VIEW v_broken AS SELECT id, json_extract('{}', email) AS email_path "
            "FROM members"
        )
    engine.dispose()
    message = _no_value_anywhere(_scan(tmp_path, "sqlite:///db.sqlite3"))
    assert "OperationalError: SQLite SQLITE_ERROR" in message, message


@pytest.fixture
def pg_url() -> Iterator[tuple[str, str]]:
    admin = _first_reachable("KOJIN_TEST_POSTGRES_URL", PG_URLS, {"connect_timeout": 3})
    schema = f"kojin_errors_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(admin, poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        conn.execute(sa.schema.CreateSchema(schema))
        _members(conn, schema)
        conn.exec_driver_sql(
            f"CREATE VIEW {schema}.v_broken AS SELECT id, email::int AS n FROM {schema}.members"
        )
    try:
        yield admin.render_as_string(hide_password=False), schema
    finally:
        with engine.begin() as conn:
            conn.execute(sa.schema.DropSchema(schema, cascade=True))
        engine.dispose()


@pytest.mark.postgres
def test_postgres_error_quoting_a_value_is_reduced(tmp_path, pg_url):
    url, schema = pg_url
    message = _no_value_anywhere(_scan(tmp_path, url, (schema,)))
    assert "SQLSTATE 22P02 invalid_text_representation" in message, message


@pytest.fixture
def mariadb_url() -> Iterator[str]:
    admin = _first_reachable("KOJIN_TEST_MARIADB_URL", MARIADB_URLS, {"connect_timeout": 3})
    database = f"kojin_errors_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(admin, poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE `{database}` CHARACTER SET utf8mb4")
    url = admin.set(database=database, query={"charset": "utf8mb4"})
    db = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with db.begin() as conn:
        _members(conn)
        conn.exec_driver_sql(
            "CREATE FUNCTION refuse(x VARCHAR(255)) RETURNS INT DETERMINISTIC BEGIN "
            "DECLARE m VARCHAR(255); SET m = CONCAT('bad value ', x); "
            "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = m; RETURN 0; END"
        )
        conn.exec_driver_sql("CREATE VIEW v_broken AS SELECT id, refuse(email) AS n FROM members")
    db.dispose()
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS `{database}`")
        engine.dispose()


@pytest.mark.mariadb
def test_mariadb_error_quoting_a_value_is_reduced(tmp_path, mariadb_url):
    message = _no_value_anywhere(_scan(tmp_path, mariadb_url))
    assert "MySQL error 1644" in message, message


def test_only_identifier_templates_keep_their_text():
    import sqlite3

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (a TEXT)")
    for sql, kept in (("SELECT nope FROM t", "no such column: nope"),
                      ("SELECT json_extract('{}', 'yy@x.jp')", None)):  # fmt: skip
        try:
            conn.execute(sql)
        except sqlite3.Error as exc:
            text = driver_error_text(sa.exc.OperationalError(sql, {}, exc))
        assert text.startswith("OperationalError: SQLite SQLITE_ERROR")
        assert (kept in text) if kept else ("yy@x.jp" not in text and "(" not in text)


def test_postgres_condition_named_without_psycopg2(monkeypatch):
    """The `postgres` extra installs psycopg 3 only: the SQLSTATE still gets its name."""
    from connectors.database import errors

    monkeypatch.setitem(sys.modules, "psycopg2", None)
    assert errors._pg_condition("22P02") == "invalid_text_representation"
    assert errors._pg_condition("28P01") == "invalid_password"
