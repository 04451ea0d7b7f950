"""The README's literal URLs (no ``+driver``) read the live servers through Kojin."""

from __future__ import annotations

import pytest

from tests.connectors.database.conftest import unavailable

from .helpers import make_source

README_URLS = {
    "postgres": "postgresql://postgres@127.0.0.1:5432/test",
    "mariadb": "mysql://root@127.0.0.1:3306/test",
    "mariadb-dialect": "mariadb://root@127.0.0.1:3306/test",
}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("postgres", marks=pytest.mark.postgres),
        pytest.param("mariadb", marks=pytest.mark.mariadb),
        pytest.param("mariadb-dialect", marks=pytest.mark.mariadb),
    ],
)
def test_plain_url_connects(name: str) -> None:
    source = make_source(README_URLS[name])
    try:
        source.test_connection()
    except Exception as exc:  # noqa: BLE001
        if "not installed" in str(exc):
            raise
        unavailable(f"{README_URLS[name]}: {exc}")
    finally:
        source.close()
