"""Which DB-API driver a plain URL uses, and a one-line hint when it is not installed.

SQLAlchemy picks a default driver per dialect, and the default changed between releases
(``postgresql://`` is psycopg2 in 2.0 and psycopg 3 in 2.1; ``mysql://`` is mysqlclient,
which needs a C toolchain). Kojin's extras install psycopg 3 (the maintained one) and
PyMySQL (pure Python), so a URL without a ``+driver`` is pointed at those on purpose; a
URL that names its driver keeps it.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import NoSuchModuleError

from connectors.base import SourceError

#: dialect -> (driver Kojin uses for a plain URL, the extra that installs it)
_DEFAULTS = {
    "postgresql": ("psycopg", "postgres"),
    "mysql": ("pymysql", "mysql"),
    "mariadb": ("pymysql", "mysql"),
}
#: a driver named in a URL -> the pip package that provides it (for the hint)
_PACKAGES = {
    "psycopg": "'kojin[postgres]' (psycopg 3)",
    "psycopg2": "psycopg2-binary",
    "pymysql": "'kojin[mysql]' (PyMySQL)",
    "mysqldb": "mysqlclient",
    "mariadbconnector": "mariadb",
    "asyncpg": "asyncpg",
    "pg8000": "pg8000",
}


def with_default_driver(url: sa.URL) -> sa.URL:
    """``postgresql://`` -> ``postgresql+psycopg://``, ``mysql://`` / ``mariadb://`` ->
    ``+pymysql``; any other URL unchanged."""
    if "+" in url.drivername or url.drivername not in _DEFAULTS:
        return url
    driver, _extra = _DEFAULTS[url.drivername]
    return url.set(drivername=f"{url.drivername}+{driver}")


def missing_driver_hint(url: sa.URL) -> str:
    """The one line shown when the URL's driver cannot be imported."""
    backend, driver = url.get_backend_name(), url.get_driver_name()
    if driver in _PACKAGES:
        install = _PACKAGES[driver]
    elif backend in _DEFAULTS:
        install = f"'kojin[{_DEFAULTS[backend][1]}]'"
    else:
        install = f"the DB-API driver for {backend}"
    return f"database driver {backend}+{driver} is not installed: pip install {install}"


def create_engine(url: sa.URL, **kwargs: Any) -> sa.Engine:
    """``sa.create_engine`` with the default driver applied and a missing driver turned
    into a ``SourceError`` naming what to install."""
    url = with_default_driver(url)
    try:
        return sa.create_engine(url, **kwargs)
    except NoSuchModuleError:
        raise SourceError(
            f"database dialect {url.drivername} is unknown to SQLAlchemy", "config"
        ) from None
    except ImportError:
        raise SourceError(missing_driver_hint(url), "driver_missing") from None
