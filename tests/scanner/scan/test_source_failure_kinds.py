"""Each way a source can fail has its own kind in errors.jsonl (not all "unreachable")."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.config import parse_config
from scanner.scan.driver import run_scan
from tests.connectors.database.conftest import unavailable
from tests.fakes import FakeDetector


def _kind(tmp_path: Path, source_toml: str) -> tuple[str, str]:
    config = parse_config("[[sources]]\nname = 's'\n" + source_toml, tmp_path)
    outcome = run_scan(config, tmp_path / "out", detector=FakeDetector())
    [error] = outcome.errors
    assert outcome.sources[0].status == "failed"
    return error.kind, error.message


@pytest.fixture(autouse=True)
def _key(monkeypatch):
    monkeypatch.setenv("KOJIN_HMAC_KEY", "k-0123456789abcdef0123456789abcdef")
    monkeypatch.delenv("KOJIN_UNSET_PASSWORD", raising=False)


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("type = 'files'\nroot = 'no-such-folder'\n", "missing_root"),
        ("type = 'database'\nurl = 'sqlite:///no-such.sqlite3'\n", "unknown_database"),
        (
            "type = 'database'\nurl = 'postgresql://kojin@127.0.0.1/test'\n"
            "password_env = 'KOJIN_UNSET_PASSWORD'\n",
            "password_unset",
        ),
        ("type = 'database'\nurl = 'postgresql://kojin@127.0.0.1:1/test'\n"
         "connect_timeout_s = 2\n", "unreachable"),
    ],
)  # fmt: skip
def test_local_failures(tmp_path, source, kind) -> None:
    assert _kind(tmp_path, source)[0] == kind


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        pytest.param("postgresql://postgres@127.0.0.1:5432/kojin_no_such_db", "unknown_database",
                     marks=pytest.mark.postgres),
        pytest.param("postgresql://kojin_no_such_role@127.0.0.1:5432/test", "auth_failed",
                     marks=pytest.mark.postgres),
        pytest.param("mysql://root@127.0.0.1:3306/kojin_no_such_db", "unknown_database",
                     marks=pytest.mark.mariadb),
        pytest.param("mysql://kojin_nobody@127.0.0.1:3306/test", "auth_failed",
                     marks=pytest.mark.mariadb),
    ],
)  # fmt: skip
def test_server_failures(tmp_path, url, kind) -> None:
    found, message = _kind(tmp_path, f"type = 'database'\nurl = '{url}'\nconnect_timeout_s = 3\n")
    if found == "unreachable":
        unavailable(f"server not reachable: {message}")
    assert found == kind, message
