"""The first minute with ``kojin``: version, help, config discovery, refused outputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.cli import main
from scanner.config import ConfigError, find_config
from scanner.version import __version__

SOURCE = "[[sources]]\ntype = 'files'\nname = 'f'\nroot = '.'\n"


def test_version(capsys) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"kojin {__version__}\n"


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_flags(capsys, flag) -> None:
    assert main([flag]) == 0
    out = capsys.readouterr().out
    assert "Usage: kojin" in out and "Exit codes" in out


def test_bare_kojin_shows_help_and_fails(capsys) -> None:
    assert main([]) == 2
    captured = capsys.readouterr()
    assert "Usage: kojin" in captured.out + captured.err


def test_help_text_is_not_cut(capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["--help"]) == 0
    assert "…" not in capsys.readouterr().out


def test_config_is_found_like_every_command(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("KOJIN_CONFIG", raising=False)
    with pytest.raises(ConfigError, match="no config: give --config FILE"):
        find_config(None, cwd=tmp_path)
    (tmp_path / "kojin.toml").write_text(SOURCE, encoding="utf-8")
    assert find_config(None, cwd=tmp_path) == tmp_path / "kojin.toml"
    assert find_config(None, {"KOJIN_CONFIG": "/etc/k.toml"}, tmp_path) == Path("/etc/k.toml")
    assert find_config("x.toml", {"KOJIN_CONFIG": "/etc/k.toml"}, tmp_path) == Path("x.toml")


@pytest.mark.parametrize("command", [["review", "abcdef12", "-m", "confirmed", "-n", "x"],
                                     ["report"], ["diff"], ["scan"], ["catalog", "check"]])
def test_no_config_is_one_line_never_the_example(tmp_path, monkeypatch, capsys, command) -> None:
    monkeypatch.delenv("KOJIN_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(command) == 2
    err = capsys.readouterr().err
    assert err.startswith("kojin: error: no config") and err.count("\n") == 1


def test_review_uses_kojin_toml_of_the_working_folder(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.delenv("KOJIN_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kojin.toml").write_text(SOURCE, encoding="utf-8")
    assert main(["review", "abcdef12", "-m", "confirmed", "-n", "x"]) == 2
    assert "no inventory at" in capsys.readouterr().err  # it read ./kojin.toml


@pytest.mark.parametrize(("args", "fragment"), [
    (["--out", "x.pdf"], "x.pdf: the suffix does not match the html format"),
    (["--format", "json", "--out", "r.html"], "r.html: the suffix does not match the json"),
])  # fmt: skip
def test_report_refuses_an_output_it_would_not_write(tmp_path, capsys, args, fragment) -> None:
    config = tmp_path / "kojin.toml"
    config.write_text(SOURCE, encoding="utf-8")
    assert main(["report", "--config", str(config), *args]) == 2
    assert fragment in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
