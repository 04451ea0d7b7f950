"""Report cells: what the 件数 column says."""

from __future__ import annotations

from types import SimpleNamespace

from reports.cells import matched_text


def _finding(count=None, rows_sampled=None, rows_matched=None, evidence=None):
    return SimpleNamespace(
        count=count, rows_sampled=rows_sampled, rows_matched=rows_matched, evidence=evidence
    )


def test_a_file_read_in_part_shows_its_count_as_a_floor() -> None:
    assert matched_text(_finding(count=3, evidence={"coverage": 0.25})) == "≥3"
    assert matched_text(_finding(count=3, evidence={"sampled": False})) == "3"
    assert matched_text(_finding(count=3)) == "3"
    assert matched_text(_finding(rows_sampled=200, rows_matched=50)) == "50/200"
    assert matched_text(_finding()) == ""
