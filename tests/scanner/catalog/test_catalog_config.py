"""The catalog in the config: loads, and every broken reference names its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.catalog.validate import catalog_problems, source_types_of
from scanner.config import ConfigError, load_config, parse_config
from tests.scanner.inventory.builders import CONFIG, make_config

ROOT = Path(__file__).parents[3]


def test_catalog_inventory_and_reports_sections_load(tmp_path):
    config = make_config(tmp_path)
    assert [p.id for p in config.catalog.purposes] == ["newsletter", "prizes", "recruiting"]
    assert config.catalog.assets[0].subjects == "customer"
    assert config.inventory.path == (tmp_path / "inventory.sqlite3").resolve()
    assert config.inventory.key_file == (tmp_path / "kojin-hmac.key").resolve()
    assert config.reports.formats == [] and config.reports.out_dir.is_absolute()


def test_example_config_has_the_policy_purposes():
    config = load_config(ROOT / "config.example.toml")
    names = {p.name for p in config.catalog.purposes}
    assert {
        "当社ニュースメールマガジンの提供",
        "IR資料の発送",
        "採用活動",
        "アンケート、キャンペーン、モニター等への応募、プレゼント発送等",
        "当社媒体に関するご意見・ご要望への回答",
        "当社求人情報媒体のサービスの提供のご案内",
        "その他上記各業務に伴う業務の実施",
    } <= names
    assert config.inventory.path.parent == ROOT
    problems = catalog_problems(config.catalog, source_types_of(config.sources))
    assert not [p for p in problems if p.severity == "error"]


def _broken(old: str, new: str) -> str:
    assert old in CONFIG
    return CONFIG.replace(old, new, 1)


def _line_of(text: str, needle: str, after: str = "") -> int:
    start = text.index(after) if after else 0
    return text[: text.index(needle, start)].count("\n") + 1


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        ('purposes = ["newsletter"]\n', 'purposes = ["newsleter"]\n', '"newsleter"',
         "catalog.assets.0.purposes: unknown purpose 'newsleter'"),
        ('entities = ["PERSON", "EMAIL_ADDRESS"]\n', 'entities = ["PERSON", "E_MAIL"]\n',
         '"E_MAIL"', "catalog.purposes.0.entities: unknown entity 'E_MAIL'"),
        ('source = "share"\npaths', 'source = "files"\npaths', 'source = "files"',
         "catalog.assets.2.source: unknown source 'files'"),
        ('paths = ["人事/履歴書_*.docx"]', 'tables = ["resumes"]', "tables = [\"resumes\"]",
         "tables and schemas need a database source"),
        ('id = "prizes"', 'id = "newsletter"', 'id = "newsletter"\nname = "アンケート',
         "duplicate purpose id 'newsletter'"),
        ('tables = ["main.campaign_*"]', 'tables = ["main.news*"]', 'tables = ["main.news*"]',
         "asset 'キャンペーン応募者' overlaps asset 'メールマガジン会員'"),
        ('entities = ["ADDRESS"]\nvalues', 'entities = ["ADRESS"]\nvalues', '"ADRESS"',
         "catalog.not_personal.1.entities: unknown entity 'ADRESS'"),
        ('subjects = "applicant"', 'subjects = "candidate"', 'subjects = "candidate"',
         "catalog.assets.2.subjects: Input should be"),
        ('owner = "人事部"\n', "", "[[catalog.assets]]\nname = \"応募書類\"",
         "catalog.assets.2.owner: Field required"),
    ],
)  # fmt: skip
def test_errors_name_the_line(tmp_path, old, new, needle, message):
    text = _broken(old, new)
    with pytest.raises(ConfigError) as err:
        parse_config(text, tmp_path)
    assert message in str(err.value)
    line = _line_of(text, needle)
    assert f"config:{line}: " in str(err.value), (line, str(err.value))


def test_every_problem_is_reported_at_once(tmp_path):
    text = _broken('purposes = ["newsletter"]\n', 'purposes = ["a", "b"]\n')
    with pytest.raises(ConfigError) as err:
        parse_config(text, tmp_path)
    assert str(err.value).count("unknown purpose") == 2


def test_an_unused_purpose_is_only_a_warning(tmp_path):
    text = CONFIG + '\n[[catalog.purposes]]\nid = "ir"\nname = "IR資料の発送"\n' \
        'entities = ["PERSON", "ADDRESS"]\nretention = "1年"\n'  # fmt: skip
    config = parse_config(text, tmp_path)
    problems = catalog_problems(config.catalog, source_types_of(config.sources))
    assert [(p.severity, p.message) for p in problems] == [
        ("warning", "purpose 'ir' is used by no asset")
    ]
    line = _line_of(text, 'id = "ir"')
    assert problems[0].format(text).startswith(f"config:{line}: warning")
