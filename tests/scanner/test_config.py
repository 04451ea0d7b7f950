from __future__ import annotations

from pathlib import Path

import pytest

from scanner.config import ConfigError, load_config, parse_config


def test_example_config_loads_with_paths_from_its_folder():
    config = load_config(Path(__file__).parents[2] / "config.example.toml")
    kinds = [s.type for s in config.sources]
    assert kinds == ["database", "files"]
    assert config.sources[0].url.startswith("sqlite:////")
    assert config.sources[1].root.is_absolute()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[[sources]]\ntype = 'files'\nname = 'a'\nroot = 'x'\nbogus = 1\n",
            "config:5: sources.0.bogus",
        ),
        ("[[sources]]\ntype = 'database'\nname = 'a'\n", "config:1: sources.0.url: Field required"),
        ("[[sources]]\ntype = 'ftp'\nname = 'a'\n", "config:2"),
        ("[detector]\nthreshold = 3\n", "config:2: detector.threshold"),
        ("[detector\n", "not valid TOML"),
    ],
)
def test_errors_name_the_line(text, expected):
    with pytest.raises(ConfigError) as err:
        parse_config(text, Path("."))
    assert expected in str(err.value)


def test_duplicate_source_names():
    text = "[[sources]]\ntype='files'\nname='a'\nroot='.'\n" * 2
    with pytest.raises(ConfigError, match="unique"):
        parse_config(text, Path("."))


SOURCE = "[[sources]]\ntype = 'files'\nname = 'a'\nroot = 'x'\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            SOURCE + "[scann]\nout_dir = 'o'\n",
            "config:5: scann: unknown key 'scann' (did you mean 'scan'?)",
        ),
        (
            "[[source]]\ntype = 'files'\nname = 'a'\nroot = 'x'\n",
            "config:1: source: unknown key 'source' (did you mean 'sources'?)",
        ),
        (
            SOURCE + "[scan]\nout_dri = 'o'\n",
            "config:6: scan.out_dri: unknown key 'out_dri' (did you mean 'out_dir'?)",
        ),
        (
            "[[sources]]\ntype = 'database'\nname = 'a'\nurl = 'sqlite:///x'\nsample_szie = 3\n",
            "config:5: sources.0.sample_szie: unknown key 'sample_szie' "
            "(did you mean 'sample_size'?)",
        ),
        (
            SOURCE + "[[catalog.purposes]]\nid = 'p'\nname = 'n'\nentities = []\n"
            "retention = 'r'\nretension = 'x'\n",
            "config:10: catalog.purposes.0.retension: unknown key 'retension' "
            "(did you mean 'retention'?)",
        ),
        (SOURCE + "zzz = 1\n", "unknown key 'zzz'"),
        (SOURCE + "base_dir = '/'\n", "unknown key 'base_dir'"),
    ],
)
def test_unknown_keys_are_errors_with_line_and_suggestion(text, expected):
    with pytest.raises(ConfigError) as err:
        parse_config(text, Path("."))
    assert expected in str(err.value)


@pytest.mark.parametrize("text", ["", "# nothing\n", "[scan]\nout_dir = 'o'\n"])
def test_a_config_without_sources_is_an_error(text):
    with pytest.raises(ConfigError, match=r"no \[\[sources\]\]"):
        parse_config(text, Path("."))


def test_cli_exits_2_on_a_misspelt_table(tmp_path, capsys):
    from scanner.cli import main

    config = tmp_path / "k.toml"
    config.write_text("[scann]\nout_dir = 'o'\n", encoding="utf-8")
    assert main(["scan", "--config", str(config), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "did you mean 'scan'" in err and "k.toml:1" in err
