"""FilesSource behaviour: finding shape, budgets, incremental skips, worker pickling."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from connectors.files.limits import MB, ScanLimits, plan_windows
from connectors.files.source import FilesSource
from scanner.scan.runner import Runner
from tests.connectors.files.conftest import FakeDetector, make_config, scan

LINE = "2024-04-01 12:00:00 INFO 問い合わせ 山田太郎 090-1234-5678 taro@example.co.jp\n"
FILLER = "2024-04-01 12:00:00 INFO heartbeat ok\n"


def test_plan_windows() -> None:
    limits = ScanLimits(budget_bytes=1000, windows=4, head_fraction=0.5)
    assert plan_windows(800, limits) == ((0, 800),)
    windows = plan_windows(100_000, limits)
    assert windows[0] == (0, 500)
    assert len(windows) == 5 and sum(length for _, length in windows) <= 1000
    starts = [s for s, _ in windows]
    assert starts == sorted(starts) and starts[-1] > 70_000
    assert plan_windows(100_000, ScanLimits(full=True)) == ((0, 100_000),)


def test_finding_shape(tmp_path: Path) -> None:
    (tmp_path / "a.log").write_text(LINE * 5 + FILLER)
    out = scan(tmp_path)
    data = [f.to_json_dict() for f in out.findings]
    assert {d["entity"] for d in data} == {"PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"}
    for d in data:
        assert d["location"] == {"path": "a.log"} and d["count"] == 5
        assert d["source"] == "share" and d["score"] == 0.9
        assert set(d["evidence"]) >= {"recognizers", "chunks", "encoding", "sampled", "truncated"}
        assert len(d["examples"]) == 1  # five identical values, one masked example
        assert "090-1234-5678" not in str(d) and "taro@" not in str(d)


def test_sample_mode_reads_a_bounded_spread_and_full_mode_reads_everything(tmp_path: Path) -> None:
    body = FILLER * 60_000  # ~2.3 MB
    middle = len(body) // 2
    middle -= middle % len(FILLER)
    (tmp_path / "big.log").write_text(body[:middle] + LINE + body[middle:])
    sample = scan(tmp_path, per_file_budget_mb=0.5, sample_windows=64)
    meta = sample.results[0].metadata["files"]["big.log"]
    assert meta["sampled"] is True
    full = scan(tmp_path, mode="full")
    assert full.entities("big.log") == {"PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"}
    assert full.results[0].metadata["files"]["big.log"]["sampled"] is False


def test_table_rows_are_sampled_in_sample_mode(tmp_path: Path) -> None:
    rows = "\n".join(f"山田太郎,090-1234-{i % 10000:04d}" for i in range(5000))
    (tmp_path / "t.csv").write_text("name,tel\n" + rows + "\n")
    sample = scan(tmp_path, table_sample_rows=200)
    tel = next(f for f in sample.findings if f.location.get("column") == "tel")
    assert tel.rows_sampled == 200 and tel.rows_matched == 200
    full = scan(tmp_path, mode="full")
    tel = next(f for f in full.findings if f.location.get("column") == "tel")
    assert tel.rows_sampled == 5000


def test_unchanged_files_are_carried_by_size_mtime_then_hash(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(LINE)
    (tmp_path / "b.txt").write_text(LINE)
    first = scan(tmp_path)
    items = {i["key"]: i for i in first.results[0].metadata["items"]}
    marker = items["a.txt"]["marker"]
    assert set(marker) == {"size", "mtime_ns", "hash"} and len(marker["hash"]) == 32
    assert items["a.txt"]["location"] == {"path": "a.txt"}
    previous = {"a.txt": marker}
    source = FilesSource(make_config(tmp_path), previous=previous)
    units = list(source.work_units())
    assert source.carried == {"a.txt": marker}  # not in any unit: nothing is read
    assert [e["display"] for u in units for e in u.payload["files"]] == ["b.txt"]
    os.utime(path, ns=(marker["mtime_ns"] + 10**9, marker["mtime_ns"] + 10**9))  # touched only
    touched = scan(tmp_path, previous=previous)
    item = next(i for i in touched.results[0].metadata["items"] if i["key"] == "a.txt")
    assert item["unchanged"] and touched.stat("skipped_unchanged") == 1
    assert touched.entities("a.txt") == set()  # hashed, not scanned
    path.write_text(LINE + LINE)  # changed: a different hash
    changed = scan(tmp_path, previous=previous)
    item = next(i for i in changed.results[0].metadata["items"] if i["key"] == "a.txt")
    assert item["marker"]["hash"] != marker["hash"] and changed.entities("a.txt")
    assert changed.stat("skipped_unchanged") == 0


def test_units_run_in_a_worker_process(tmp_path: Path) -> None:
    """A unit and the source survive pickling, as a process pool needs."""
    (tmp_path / "a.txt").write_text(LINE)
    source = FilesSource(make_config(tmp_path))
    unit = next(source.work_units())
    clone = pickle.loads(pickle.dumps(source))
    runner = Runner(FakeDetector(), None)
    result = runner.run(clone, pickle.loads(pickle.dumps(unit)))
    assert {f.entity for f in result.findings} == {"PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"}
    assert result.stats["files"] == 1 and result.stats["bytes"] == len(LINE.encode())
    assert runner.finalize(source, [result]) == []


def test_limits_follow_config(tmp_path: Path) -> None:
    limits = ScanLimits.from_config(make_config(tmp_path, per_file_budget_mb=2, mode="full"))
    assert limits.full and limits.budget_bytes == 2 * MB and limits.text_budget_chars is None


def test_one_file_read_whole_has_the_scans_hash_and_items(tmp_path: Path) -> None:
    """The subject requests read a file through the same path as a full scan."""
    (tmp_path / "a.txt").write_text(LINE)
    scanned = scan(tmp_path, mode="full").results[0].metadata["files"]["a.txt"]["hash"]
    source = FilesSource(make_config(tmp_path)).whole()
    assert source.file_hash("a.txt") == scanned
    with source.document_at("a.txt") as document:
        texts = [item.text for item in document.items]
    assert "".join(texts).strip() == LINE.strip()


def test_a_unit_key_names_exactly_what_the_unit_holds(tmp_path: Path) -> None:
    """--resume reuses a finished unit by its key: a batch that gained or lost a file since
    the interruption must come back under another key (keyed by its first file, it was
    reused: a new file never scanned, moved files reported twice)."""
    for name in "abcdefghi":
        (tmp_path / f"{name}.txt").write_text(name)

    def units() -> dict[str, list[str]]:
        source = FilesSource(make_config(tmp_path, files_per_unit=3))
        return {u.key: [f["display"] for f in u.payload["files"]] for u in source.work_units()}

    before = units()
    assert units() == before  # nothing changed: the same keys, so resume skips them all
    (tmp_path / "d2.txt").write_text("d2")
    (tmp_path / "h.txt").unlink()
    after = units()
    for key, held in after.items():
        if key in before:
            assert before[key] == held  # reused only when it holds the same files
    assert sum(1 for key in after if key in before) == 1  # a, b, c: untouched
