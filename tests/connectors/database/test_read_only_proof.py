"""The read-only proof: a scan as a SELECT-only account, with the server logging every
statement (PostgreSQL ``log_statement = all`` for the role, MariaDB's general log), sends
nothing but reads. Kojin's own guard (read-only transactions) is not what is tested: the
server's log is."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from scanner.config import parse_config
from scanner.fingerprint import Fingerprinter
from scanner.scan.options import ScanOptions
from scanner.scan.pipeline import Pipeline
from tests.connectors.database.conftest import MARIADB_URLS, PG_URLS, _first_reachable

#: the first words a read-only session may send
READS = {"SELECT", "WITH", "SHOW", "SET", "BEGIN", "START", "ROLLBACK", "COMMIT",
         "SAVEPOINT", "RELEASE", "EXPLAIN", "DESCRIBE", "DESC"}  # fmt: skip
PG_LOGS = ("/var/log/postgresql",)


def _shop(conn: sa.Connection, schema: str | None = None) -> None:
    md = sa.MetaData(schema=schema)
    members = sa.Table(
        "members", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("name", sa.String(40)), sa.Column("email", sa.String(80)),
        sa.Column("tel", sa.String(20)),
    )  # fmt: skip
    md.create_all(conn)
    conn.execute(members.insert(), [
        {"id": i, "name": "山田 太郎", "email": f"taro{i}@example.jp", "tel": "090-1234-5678"}
        for i in range(1, 21)
    ])  # fmt: skip


def _scan(tmp_path: Path, url: str, schemas: tuple[str, ...] = ()) -> None:
    include = f'include_schemas = ["{schemas[0]}"]\n' if schemas else ""
    config = parse_config(
        f'[[sources]]\ntype = "database"\nname = "db"\nurl = "{url}"\n{include}\n'
        '[scan]\nout_dir = "out"\n\n[inventory]\npath = "inventory.sqlite3"\n\n'
        "[reports]\nformats = []\n",
        tmp_path,
    )
    pipeline = Pipeline(config, fingerprinter=Fingerprinter(b"read-only-proof-0123456789abcdef"))
    outcome = pipeline.scan(ScanOptions(tmp_path / "out"))
    assert not outcome.errors and outcome.findings, outcome.errors


def _only_reads(statements: list[str]) -> None:
    words = [re.split(r"[\s(;]", s.strip(), maxsplit=1)[0].upper() for s in statements]
    words = [w for w in words if w]
    assert "SELECT" in words, statements[:5]  # the log saw the scan: the proof is not empty
    assert set(words) <= READS, sorted(set(words) - READS)


def _pg_log() -> Path:
    logs = [p for d in PG_LOGS for p in sorted(Path(d).glob("postgresql-*.log"))]
    if not logs:
        pytest.skip("the PostgreSQL server log is not readable here")
    return max(logs, key=lambda p: p.stat().st_mtime)


@pytest.mark.postgres
def test_postgres_scan_as_a_select_only_role_logs_reads_only(tmp_path):
    admin = _first_reachable("KOJIN_TEST_POSTGRES_URL", PG_URLS, {"connect_timeout": 3})
    log = _pg_log()
    run = uuid.uuid4().hex[:8]
    schema, role = f"kojin_ro_{run}", f"kojin_ro_{run}"
    engine = sa.create_engine(admin, poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        conn.execute(sa.schema.CreateSchema(schema))
        _shop(conn, schema)
        conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN")
        conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {schema} TO {role}")
        conn.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {role}")
        conn.exec_driver_sql(f"ALTER ROLE {role} SET log_statement = 'all'")
    start = log.stat().st_size
    try:
        _scan(tmp_path, admin.set(username=role).render_as_string(hide_password=False), (schema,))
        with log.open("rb") as fh:
            fh.seek(start)
            text = fh.read().decode("utf-8", "replace")
        statements = re.findall(rf"{role}@\S+ LOG:  statement: (.*)", text)
        _only_reads(statements)
        assert any("READ ONLY" in s.upper() for s in statements)
    finally:
        with engine.begin() as conn:
            conn.execute(sa.schema.DropSchema(schema, cascade=True))
            conn.exec_driver_sql(f"DROP OWNED BY {role}")
            conn.exec_driver_sql(f"DROP ROLE {role}")
        engine.dispose()


@pytest.mark.mariadb
def test_mariadb_scan_as_a_select_only_user_logs_reads_only(tmp_path):
    admin = _first_reachable("KOJIN_TEST_MARIADB_URL", MARIADB_URLS, {"connect_timeout": 3})
    run = uuid.uuid4().hex[:8]
    database, user = f"kojin_ro_{run}", f"kojin_ro_{run}"
    engine = sa.create_engine(admin, poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE `{database}` CHARACTER SET utf8mb4")
        conn.exec_driver_sql(f"CREATE USER '{user}'@'%%'")
        conn.exec_driver_sql(f"GRANT SELECT ON `{database}`.* TO '{user}'@'%%'")
        before = conn.exec_driver_sql("SELECT @@global.general_log, @@global.log_output").one()
        conn.exec_driver_sql("SET GLOBAL log_output = 'TABLE', general_log = 1")
    url = admin.set(database=database, query={"charset": "utf8mb4"})
    db = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with db.begin() as conn:
        _shop(conn)
    db.dispose()
    try:
        _scan(tmp_path, url.set(username=user).render_as_string(hide_password=False))
        with engine.connect() as conn:
            rows = conn.execute(
                sa.text(
                    "SELECT argument FROM mysql.general_log WHERE command_type = 'Query' "
                    "AND user_host LIKE :who"
                ),
                {"who": f"{user}[%"},
            ).scalars()
            statements = [r.decode() if isinstance(r, bytes) else r for r in rows]
        _only_reads(statements)
        assert any("READ ONLY" in s.upper() for s in statements)
    finally:
        with engine.begin() as conn:
            conn.execute(
                sa.text("SET GLOBAL general_log = :on, log_output = :out"),
                {"on": before[0], "out": before[1]},
            )
            conn.exec_driver_sql(f"DROP USER '{user}'@'%%'")
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS `{database}`")
        engine.dispose()
