"""A lost, changed or too short HMAC key is refused, never silently replaced: with the
wrong key ``find-subject`` would answer "0 hits" for a person who is in the data."""

from __future__ import annotations

import os
import sqlite3

import pytest

from scanner.cli import main
from tests.scanner.subject.conftest import KEY

OTHER_KEY = "f" * 64


def _email(workspace) -> str:
    with sqlite3.connect(workspace.folder / "sample.sqlite3") as conn:
        return conn.execute("SELECT email FROM dtb_customer WHERE id = 1").fetchone()[0]


@pytest.fixture
def keyed(examples, monkeypatch):
    """The example workspace with its key in the key file (0600), not in the environment."""
    key_file = examples.config.inventory.key_file
    key_file.write_text(KEY + "\n", encoding="ascii")
    key_file.chmod(0o600)
    monkeypatch.delenv("KOJIN_HMAC_KEY")
    return examples


def _find(workspace, capsys) -> tuple[int, str]:
    config = ("--config", str(workspace.config_path))
    code = main(["find-subject", *config, "--email", _email(workspace)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _refused(workspace, capsys, *expected: str) -> None:
    code, out = _find(workspace, capsys)
    assert code == 2 and "0 strong" not in out, out
    [line] = out.strip().splitlines()  # one line
    for text in expected:
        assert text in line, line


def test_the_right_key_finds_the_person(keyed, capsys):
    code, out = _find(keyed, capsys)
    assert code == 0 and "1 strong" in out


def test_a_moved_key_file_is_refused_and_not_replaced(keyed, capsys):
    key_file = keyed.config.inventory.key_file
    key_file.rename(key_file.with_name("elsewhere.key"))
    _refused(keyed, capsys, "no HMAC key", "restore the original key", "kojin key init --replace")
    assert not key_file.exists()  # no new key made on the side
    code = main(["scan", "--config", str(keyed.config_path), "--quiet"])
    assert code == 2 and not key_file.exists()  # nor by a scan of a non-empty inventory


def test_a_changed_key_file_is_refused(keyed, capsys):
    key_file = keyed.config.inventory.key_file
    key_file.write_text(OTHER_KEY + "\n", encoding="ascii")
    _refused(keyed, capsys, "is not the one this inventory's fingerprints were made with",
             str(key_file), "kojin subject index --full")  # fmt: skip


@pytest.mark.parametrize(("value", "expected"), [
    ("a", "KOJIN_HMAC_KEY is shorter than 32 bytes"),
    (OTHER_KEY, "the HMAC key from KOJIN_HMAC_KEY is not the one"),
])  # fmt: skip
def test_a_wrong_key_in_the_environment_is_refused(keyed, capsys, monkeypatch, value, expected):
    monkeypatch.setenv("KOJIN_HMAC_KEY", value)
    _refused(keyed, capsys, expected)


def test_a_key_file_readable_by_others_is_refused(keyed, capsys):
    keyed.config.inventory.key_file.chmod(0o644)
    _refused(keyed, capsys, "open to others (mode 0644)", "chmod 600")


def test_key_init_refuses_to_overwrite_and_rotates_on_request(keyed, capsys):
    config = ("--config", str(keyed.config_path))
    assert main(["key", "init", *config]) == 2
    assert "a key is already there" in capsys.readouterr().err
    assert main(["key", "init", *config, "--replace"]) == 0
    out = capsys.readouterr().out
    assert "the old key is kept in" in out and "kojin subject index --full" in out
    key_file = keyed.config.inventory.key_file
    assert len(list(key_file.parent.glob(key_file.name + ".replaced-*"))) == 1
    assert oct(os.stat(key_file).st_mode & 0o777) == "0o600"
    _refused(keyed, capsys, "the subject index was made with another HMAC key")
    assert main(["subject", "index", *config, "--full"]) == 0
    capsys.readouterr()
    code, out = _find(keyed, capsys)
    assert code == 0 and "1 strong" in out


def test_the_first_scan_of_an_empty_inventory_makes_the_key(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("KOJIN_HMAC_KEY")
    (tmp_path / "share").mkdir()
    (tmp_path / "share" / "a.txt").write_text("電話 090-1234-5678\n", encoding="utf-8")
    config = tmp_path / "kojin.toml"
    config.write_text('[[sources]]\ntype = "files"\nname = "share"\nroot = "share"\n')
    assert main(["scan", "--config", str(config), "--quiet"]) == 0
    key_file = tmp_path / "kojin-hmac.key"
    assert oct(os.stat(key_file).st_mode & 0o777) == "0o600"
    key_file.unlink()
    assert main(["scan", "--config", str(config), "--quiet"]) == 2
    assert "no HMAC key" in capsys.readouterr().err and not key_file.exists()
