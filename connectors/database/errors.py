"""Name the kind of a failed table read (permission, timeout, ...) without quoting it.

Driver errors quote row data: PostgreSQL's ``invalid input syntax for type integer:
"yy@example.org"`` comes from a view over an e-mail column, MariaDB's ``SIGNAL`` carries
whatever text the function built. So a driver error is reduced to what names the
problem and never a value: its class, the SQLSTATE or errno with its condition name,
and the objects the server names apart from the message (PostgreSQL's diagnostics:
schema, table, column, constraint, type). Message text is kept only for the few
templates that hold identifiers alone (SQLite's ``no such column: x``, MySQL's unknown
column or table).
"""

from __future__ import annotations

import re
from functools import cache

import sqlalchemy as sa

_PG_TIMEOUT = {"57014"}  # query_canceled (statement_timeout)
_PG_PERMISSION = {"42501"}  # insufficient_privilege
_PG_TYPE = {"42704", "42883", "0A000"}  # undefined_object, undefined_function, unsupported
_MYSQL_TIMEOUT = {1969, 3024, 1317}  # max_statement_time, max_execution_time, interrupted
_MYSQL_PERMISSION = {1142, 1143, 1044, 1227, 1370}
_MYSQL_GONE = {2002, 2003, 2006, 2013}


def error_kind(exc: BaseException) -> str:
    """One of: timeout, permission, unsupported_type, unreachable, missing, error."""
    orig = getattr(exc, "orig", None) or exc
    pgcode = getattr(orig, "pgcode", None) or getattr(orig, "sqlstate", None)  # psycopg2 / 3
    if pgcode in _PG_TIMEOUT:
        return "timeout"
    if pgcode in _PG_PERMISSION:
        return "permission"
    if pgcode in _PG_TYPE:
        return "unsupported_type"
    args = getattr(orig, "args", ())
    code = args[0] if args and isinstance(args[0], int) else None
    if code in _MYSQL_TIMEOUT:
        return "timeout"
    if code in _MYSQL_PERMISSION:
        return "permission"
    if code in _MYSQL_GONE:
        return "unreachable"
    if isinstance(exc, sa.exc.NoSuchTableError):
        return "missing"
    text = str(orig).split("\n", 1)[0].lower()
    if "interrupted" in text or "timeout" in text or "timed out" in text:
        return "timeout"
    if "permission denied" in text or "access denied" in text or "not authorized" in text:
        return "permission"
    if isinstance(exc, sa.exc.CompileError | sa.exc.UnsupportedCompilationError):
        return "unsupported_type"
    if isinstance(exc, sa.exc.OperationalError) and "connect" in text:
        return "unreachable"
    return "error"


#: exception modules whose messages may quote row data
DRIVER_MODULES = frozenset({"sqlalchemy", "psycopg2", "psycopg", "pymysql", "MySQLdb",
                            "sqlite3", "mariadb"})  # fmt: skip
#: MySQL / MariaDB errors whose message names objects only: unknown column, unknown table,
#: no such table, command denied on a table or column, view over a lost table
_MYSQL_IDENTIFIER_ONLY = {1054, 1051, 1146, 1142, 1143, 1356, 1049}
#: SQLite messages that name an object and nothing else
_SQLITE_IDENTIFIER_ONLY = re.compile(
    r"^(no such (table|column|function|module|index|view)|ambiguous column name"
    r"|no such savepoint): [\w.$\u3000-\u9fff\uff00-\uffef]+$"
    r"|^(database is locked|attempt to write a readonly database|unable to open database file"
    r"|file is not a database|interrupted|disk I/O error|database disk image is malformed)$"
)
_PG_DIAG = (("schema_name", "schema"), ("table_name", "table"), ("column_name", "column"),
            ("constraint_name", "constraint"), ("datatype_name", "type"))  # fmt: skip


def driver_error_text(exc: BaseException) -> str | None:
    """The error as kind, code and object names (see the module docstring); None when it
    is not a database driver's error."""
    orig = getattr(exc, "orig", None) if isinstance(exc, sa.exc.DBAPIError) else exc
    if orig is None or type(orig).__module__.partition(".")[0] not in DRIVER_MODULES:
        return None
    if orig is exc and type(exc).__module__.startswith("sqlalchemy"):
        return None  # SQLAlchemy's own errors (no driver message inside)
    kind = type(exc).__name__
    if type(orig).__name__ != kind:
        kind += f" ({type(orig).__module__.partition('.')[0]}.{type(orig).__name__})"
    return f"{kind}: {_code_and_objects(orig)}"


def _code_and_objects(orig: BaseException) -> str:
    driver = type(orig).__module__.partition(".")[0]
    pgcode = getattr(orig, "pgcode", None) or getattr(orig, "sqlstate", None)
    if pgcode and driver.startswith("psycopg"):
        parts = [f"SQLSTATE {pgcode} {_pg_condition(pgcode)}".strip()]
        diag = getattr(orig, "diag", None)
        for attr, label in _PG_DIAG:
            value = getattr(diag, attr, None) if diag is not None else None
            if value:
                parts.append(f"{label} {value}")
        return ", ".join(parts)
    args = getattr(orig, "args", ())
    if args and isinstance(args[0], int) and driver != "sqlite3":
        text = f"MySQL error {args[0]} {_mysql_names().get(args[0], '')}".strip()
        if args[0] in _MYSQL_IDENTIFIER_ONLY and len(args) > 1:
            text += f" ({' '.join(str(args[1]).split())[:200]})"
        return text
    if driver == "sqlite3":
        name = getattr(orig, "sqlite_errorname", None)
        message = str(orig).split("\n", 1)[0].strip()
        shown = f" ({message})" if _SQLITE_IDENTIFIER_ONLY.match(message) else ""
        return f"SQLite {name or 'error'}{shown}"
    return "driver error (message left out: it may quote row data)"


def _pg_condition(code: str) -> str:
    """The condition name of a SQLSTATE (22P02 -> invalid_text_representation).

    psycopg 3 (the `postgres` extra) names it by its exception class; psycopg2, where a user
    chose it in the URL, by its errorcodes table.
    """
    try:
        from psycopg import errors

        return re.sub(r"(?<!^)(?=[A-Z])", "_", errors.lookup(code).__name__).lower()
    except (ImportError, KeyError):
        pass
    try:
        from psycopg2 import errorcodes

        return errorcodes.lookup(code).lower()
    except (ImportError, KeyError):
        return ""


@cache
def _mysql_names() -> dict[int, str]:
    try:
        from pymysql.constants import ER
    except ImportError:
        return {}
    return {v: k for k, v in vars(ER).items() if k.isupper() and isinstance(v, int)}


_PG_AUTH = {"28P01", "28000"}  # invalid_password, invalid_authorization_specification
_PG_UNKNOWN_DB = {"3D000"}  # invalid_catalog_name
_MYSQL_AUTH = {1045, 1698, 1251}  # access denied (password / plugin), auth protocol
_MYSQL_UNKNOWN_DB = {1049}


def connect_error_kind(exc: BaseException) -> str:
    """What went wrong opening a connection: ``unknown_database``, ``auth_failed``,
    ``unreachable``, ``permission``, ``timeout`` or ``error``.

    psycopg reports connection failures without an SQLSTATE, so its server's first line
    (``FATAL: database "x" does not exist``) is read too; it never holds row data.
    """
    orig = getattr(exc, "orig", None) or exc
    state = getattr(orig, "pgcode", None) or getattr(orig, "sqlstate", None)
    args = getattr(orig, "args", ())
    code = args[0] if args and isinstance(args[0], int) else None
    text = str(orig).split("\n", 1)[0].lower()
    if state in _PG_UNKNOWN_DB or code in _MYSQL_UNKNOWN_DB or (
        "database" in text and "does not exist" in text
    ):
        return "unknown_database"
    if (
        state in _PG_AUTH
        or code in _MYSQL_AUTH
        or "password authentication failed" in text
        or "no password supplied" in text
        or ("role" in text and "does not exist" in text)
    ):
        return "auth_failed"
    kind = error_kind(exc)
    if kind in ("permission", "timeout", "unreachable"):
        return kind
    if "connection refused" in text or "could not translate host" in text or "connect" in text:
        return "unreachable"
    return kind
