"""Executors: the same findings whichever runs the units; dead workers are survived."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from connectors.base import WorkUnit
from scanner.config import load_config
from scanner.fingerprint import create_key
from scanner.scan.driver import run_scan
from scanner.scan.executors import Task, run_tasks
from scanner.scan.runner import Runner
from tests.scanner.crashy_source import CrashyConfig

ROOT = Path(__file__).parents[3]


@pytest.fixture(scope="module")
def example_config(tmp_path_factory):
    """The example config's sources only (no catalog or reports), read from a copy."""
    folder = tmp_path_factory.mktemp("cfg")
    shutil.copy(ROOT / "examples" / "sample.sqlite3", folder / "sample.sqlite3")
    shutil.copytree(ROOT / "examples" / "share", folder / "share")
    (folder / "kojin.toml").write_text(
        '[[sources]]\ntype = "database"\nname = "shop-db"\nurl = "sqlite:///sample.sqlite3"\n\n'
        '[[sources]]\ntype = "files"\nname = "file-share"\nroot = "share"\nfiles_per_unit = 3\n',
        encoding="utf-8",
    )
    create_key(folder / "kojin-hmac.key")  # the key file every executor's workers read
    return load_config(folder / "kojin.toml")


def _findings(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "findings.jsonl").read_text().splitlines()]


def test_same_findings_with_every_executor(example_config, tmp_path, fast_detector):
    serial = run_scan(example_config, tmp_path / "serial", executor="serial",
                      detector=fast_detector)  # fmt: skip
    assert serial.findings and not serial.errors
    # every finding with values of its own (not a cross-reference by key) carries digests
    assert all(f.fingerprints for f in serial.findings if "path" not in f.evidence)
    expected = _findings(tmp_path / "serial")
    prints = [f.fingerprints for f in serial.findings]
    processes = run_scan(example_config, tmp_path / "processes", executor="processes", workers=2)
    assert _findings(tmp_path / "processes") == expected
    assert [f.fingerprints for f in processes.findings] == prints
    dask = run_scan(example_config, tmp_path / "dask", executor="dask", workers=2)
    assert _findings(tmp_path / "dask") == expected
    assert [f.fingerprints for f in dask.findings] == prints


def test_a_dead_worker_is_replaced_and_its_unit_retried(tmp_path, monkeypatch, fast_detector):
    monkeypatch.setitem(
        __import__("connectors.registry").registry._SOURCES,
        "crashy",
        "tests.scanner.crashy_source:CrashySource",
    )
    config = CrashyConfig("crashy", "c", str(tmp_path))
    keys = ["ok-1", "die-once", "ok-2", "die-always"]
    tasks = [Task(config, WorkUnit("c", "test", key)) for key in keys]
    runner = Runner(fast_detector, None)
    results = {
        r.unit.key: r
        for r in run_tasks("processes", tasks, sources={}, runner=runner, workers=2)
    }
    assert set(results) == set(keys)
    assert results["die-once"].findings and not results["die-once"].errors
    assert [e.kind for e in results["die-always"].errors] == ["unit_failed"]
    assert "died" in results["die-always"].errors[0].message
    assert results["ok-1"].findings and results["ok-2"].findings


def test_a_stage_task_that_kills_its_worker_is_retried_like_a_unit(tmp_path, monkeypatch):
    """The subject index's places run through ``run_calls``: a dead worker used to fail
    every place still pending in the pool; now they are retried (issue 14)."""
    from scanner.scan import executors
    from tests.scanner.crashy_source import crashy_call, no_detector

    monkeypatch.setattr(executors, "_init_worker", no_detector)
    names = ["ok-1", "die-once", "ok-2", "ok-3", "die-always", "ok-4"]
    results = list(executors.run_calls(
        "processes", crashy_call, [(n, str(tmp_path)) for n in names], settings={},
        fingerprinter=None, failed=lambda task, message: ("failed", task[0], message), workers=2,
    ))  # fmt: skip
    ok = sorted(r for r in results if isinstance(r, str))
    assert ok == sorted(n for n in names if n != "die-always")
    [(_, name, message)] = [r for r in results if isinstance(r, tuple)]
    assert name == "die-always" and "died" in message
