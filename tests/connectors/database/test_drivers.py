"""Plain database URLs use the drivers the extras install; a missing one is a hint."""

from __future__ import annotations

import builtins

import pytest
import sqlalchemy as sa

from connectors.base import SourceError
from connectors.database.drivers import create_engine, missing_driver_hint, with_default_driver
from connectors.database.url import resolve_url


@pytest.mark.parametrize(
    ("url", "driver"),
    [
        ("postgresql://kojin@db.example/app", "postgresql+psycopg"),
        ("mysql://root@127.0.0.1:3306/test", "mysql+pymysql"),
        ("mariadb://root@127.0.0.1:3306/test", "mariadb+pymysql"),
        ("postgresql+psycopg2://kojin@db/app", "postgresql+psycopg2"),  # named: kept
        ("mysql+mysqldb://root@db/app", "mysql+mysqldb"),
        ("sqlite:///x.db", "sqlite"),
    ],
)
def test_plain_urls_get_the_installed_driver(url: str, driver: str) -> None:
    assert with_default_driver(sa.make_url(url)).drivername == driver


def test_resolve_url_names_the_driver() -> None:
    assert resolve_url("postgresql://kojin@db/app").drivername == "postgresql+psycopg"


@pytest.mark.parametrize(
    ("url", "extra"),
    [
        ("postgresql://kojin@db/app", "kojin[postgres]"),
        ("mysql://root@db/app", "kojin[mysql]"),
        ("mariadb://root@db/app", "kojin[mysql]"),
    ],
)
def test_a_missing_driver_is_one_line_naming_the_extra(monkeypatch, url: str, extra: str) -> None:
    real_import = builtins.__import__

    def no_drivers(name, globals=None, locals=None, fromlist=(), level=0):  # noqa: A002
        if level == 0 and name.split(".")[0] in ("psycopg", "pymysql"):
            raise ModuleNotFoundError(f"No module named {name!r}")
        return real_import(name, globals, locals, fromlist, level)

    monkeypatch.setattr(builtins, "__import__", no_drivers)
    with pytest.raises(SourceError) as err:
        create_engine(sa.make_url(url))
    message = str(err.value)
    assert "\n" not in message and extra in message and "not installed" in message


def test_hint_for_a_named_driver() -> None:
    hint = missing_driver_hint(sa.make_url("postgresql+psycopg2://db/app"))
    assert hint.endswith("pip install psycopg2-binary")
