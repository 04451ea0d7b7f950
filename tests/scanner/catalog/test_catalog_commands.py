"""``kojin catalog check`` and ``kojin catalog suggest``."""

from __future__ import annotations

from scanner.cli import main
from scanner.config import parse_config
from scanner.inventory.recorder import record_scan
from tests.scanner.inventory.builders import CONFIG, SAMPLE_FINDINGS, make_config, outcome


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_check_lists_every_error_with_its_line(tmp_path, capsys):
    path = tmp_path / "kojin.toml"
    text = CONFIG.replace('purposes = ["newsletter"]', 'purposes = ["newsleter"]').replace(
        'entities = ["ADDRESS"]\nvalues', 'entities = ["ADRES"]\nvalues')  # fmt: skip
    path.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "catalog", "check", "--config", str(path))
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{path}:{text[: text.index('newsleter')].count(chr(10)) + 1}: ")
    assert "unknown entity 'ADRES'" in lines[1]


def test_check_against_the_latest_run_and_suggest(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KOJIN_HMAC_KEY", "k-0123456789abcdef0123456789abcdef")
    path = tmp_path / "kojin.toml"
    path.write_text(CONFIG, encoding="utf-8")
    code, out, err = run(capsys, "catalog", "check", "--config", str(path))
    assert code == 0 and err == "" and "3 asset(s)" in out  # no scan yet: nothing more

    record_scan(make_config(tmp_path), outcome(SAMPLE_FINDINGS))
    code, out, err = run(capsys, "catalog", "check", "--config", str(path), "--strict")
    assert code == 1
    assert "3 finding(s) in 3 place(s) are in no asset" in err
    assert "asset 'キャンペーン応募者' matched no finding in run #1" in err

    code, out, _ = run(capsys, "catalog", "suggest", "--config", str(path))
    assert code == 0 and out.count("[[catalog.assets]]") == 3
    assert 'tables = ["main.patients"]' in out and 'paths = ["logs/app.log"]' in out
    assert out.count("purposes = []  # none fits") == 1  # 病歴: no purpose allows it
    out = out.replace("purposes = []", 'purposes = ["newsletter"]')  # the company decides
    merged = parse_config(CONFIG + "\n" + out, tmp_path)  # then it loads
    assert len(merged.catalog.assets) == 6

    path.write_text(CONFIG + "\n" + out, encoding="utf-8")
    code, out, _ = run(capsys, "catalog", "suggest", "1", "--config", str(path))
    assert out.startswith("# every personal finding of run #1 is in a catalog asset")
