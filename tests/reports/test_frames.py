"""The inventory as pandas DataFrames (``reports.frames``)."""

from __future__ import annotations

import pandas as pd
import pytest

from reports.frames import DIFF_COLUMNS, FINDING_COLUMNS, RUN_COLUMNS, InventoryFrames
from scanner.findings import ScanError
from scanner.inventory.recorder import record_scan
from tests.scanner.inventory.builders import CONFIG, SAMPLE_FINDINGS, db, make_config, outcome


@pytest.fixture
def frames(tmp_path, monkeypatch):
    monkeypatch.setenv("KOJIN_HMAC_KEY", "k-0123456789abcdef0123456789abcdef")
    (tmp_path / "kojin.toml").write_text(CONFIG, encoding="utf-8")
    config = make_config(tmp_path)
    record_scan(config, outcome(SAMPLE_FINDINGS[:-1]))
    later = [*SAMPLE_FINDINGS, db("newsletter", "tel", "PHONE_NUMBER")]
    errors = [ScanError("share", {}, "unreachable", "root not found")]
    second = outcome([f for f in later if f.source != "share"], errors, run_id="20240602T0")
    second.sources[1].status = "failed"
    record_scan(config, second)
    with InventoryFrames.open(tmp_path / "kojin.toml") as opened:
        yield opened


def test_runs_and_findings(frames) -> None:
    runs = frames.runs()
    assert list(runs.columns) == list(RUN_COLUMNS) and list(runs["run"]) == [1, 2]
    assert pd.api.types.is_datetime64_any_dtype(runs["ended"])
    found = frames.findings()
    assert list(found.columns) == list(FINDING_COLUMNS) and set(found["run"]) == {2}
    assert found["violation"].dtype == bool and found["score"].between(0, 1).all()
    assert set(found.loc[found["source"] == "share", "not_scanned"]) == {True}
    assert found.groupby("verdict").size().sum() == len(found)
    first = frames.findings("1")
    assert set(first["run"]) == {1} and not first["not_scanned"].any()


def test_verdicts_history_and_diff(frames) -> None:
    history = frames.verdicts()
    pivot = history.pivot(index="finding_id", columns="run", values="verdict")
    assert list(pivot.columns) == [1, 2]
    diff = frames.diff()
    assert list(diff.columns) == list(DIFF_COLUMNS)
    kinds = set(diff["change"])
    assert "new" in kinds and "not_scanned" in kinds and "removed" not in kinds
    assert (diff.loc[diff["change"] == "not_scanned", "source"] == "share").all()


def test_ledger_frame_has_number_counts(frames) -> None:
    ledger = frames.ledger()
    assert {"number", "asset", "volume", "verdict", "in_catalog"} <= set(ledger.columns)
    counted = ledger["volume"].dropna()
    assert len(counted) and all(isinstance(v, int) for v in counted)
