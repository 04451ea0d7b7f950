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
