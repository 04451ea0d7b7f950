"""Name the kind of a failed table read (permission, timeout, ...) without quoting it.

Driver errors may embed SQL parameters or row data, so only the error codes and the
first, trimmed line of the message (``safe_error_message``) are ever used.
"""

from __future__ import annotations

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
