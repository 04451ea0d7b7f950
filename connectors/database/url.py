"""The database URL: password from the environment in, password never out.

The config holds a URL without the password (``postgresql://kojin@db/app``) and the name
of the variable holding it; every message shows the URL rendered with the password
hidden, and driver messages are scrubbed of it in case a driver quotes its DSN.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy.exc import ArgumentError

from connectors.base import SourceError
from connectors.database.drivers import with_default_driver


def resolve_url(
    url: str,
    password_env: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> sa.URL:
    """Parse ``url``, name its driver, set the password from ``password_env``, resolve a
    SQLite path (a relative one is anchored at the config's folder when the config is
    read, ``scanner.config``; here it is taken as it stands)."""
    try:
        parsed = with_default_driver(sa.make_url(url))
    except ArgumentError:
        raise SourceError("database url is not a valid SQLAlchemy URL", "config") from None
    parsed = with_password(parsed, password_env, environ)
    if parsed.get_backend_name() == "sqlite":
        parsed = _sqlite_file(parsed)
    return parsed


def with_password(
    url: sa.URL, password_env: str | None, environ: Mapping[str, str] | None = None
) -> sa.URL:
    """``url`` with the password from the ``password_env`` variable (the one way a password
    gets into a URL: config files never hold one)."""
    if not password_env:
        return url
    env = os.environ if environ is None else environ
    if password_env not in env:
        raise SourceError(
            f"environment variable {password_env} (password_env) is not set", "password_unset"
        )
    return url.set(password=env[password_env])


def _sqlite_file(url: sa.URL) -> sa.URL:
    database = url.database or ""
    if not database or database == ":memory:":
        raise SourceError(
            "a sqlite source needs a database file (sqlite:///path/to/file.db)", "config"
        )
    if database.startswith("file:"):
        database = database[len("file:") :].split("?", 1)[0]
    return url.set(database=str(Path(database).resolve()))


def sqlite_read_only_url(url: sa.URL) -> sa.URL:
    """``sqlite:///x.db`` -> a ``file:`` URI opened with ``mode=ro``: SQLite itself refuses
    every write, whatever the statement."""
    path = Path(url.database or "")
    if not path.is_file():
        raise SourceError(f"sqlite database file not found: {path}", "unknown_database")
    return url.set(database="file:" + quote(str(path)), query={"mode": "ro", "uri": "true"})


def safe_url(url: sa.URL | str) -> str:
    """The URL as it may be shown: password replaced by ``***``."""
    if isinstance(url, str):
        try:
            url = sa.make_url(url)
        except ArgumentError:
            return "<invalid url>"
    return url.render_as_string(hide_password=True)


def scrub(message: str, url: sa.URL) -> str:
    """Remove the password from a message, should a driver have quoted its DSN."""
    if url.password:
        message = message.replace(str(url.password), "***")
    return message
