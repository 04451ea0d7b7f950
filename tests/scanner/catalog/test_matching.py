"""Location globs: what an asset matches, and when two assets can claim one place."""

from __future__ import annotations

import pytest

from scanner.catalog.matching import CompiledMatch, entries_overlap, globs_overlap
from scanner.catalog.models import LocationMatch


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        ("main/cust*", "*/customers", True),
        ("hr/**", "**/*.csv", True),
        ("hr/*.csv", "docs/*.csv", False),
        ("x/*", "x/y/z", False),
        ("x/**", "x/y/z", True),
        ("main/orders", "main/customers", False),
        ("a/b[0-9]", "a/bx", True),  # classes are over-approximated: any character
        ("**/顧客*.csv", "営業/顧客リスト.csv", True),
        ("顧客リスト.csv", "mail/**", False),  # anchored at the root: no folder
        ("A/B.CSV", "a/b.csv", True),  # case is ignored, as on Windows shares
    ],
)
def test_globs_overlap(a, b, overlap):
    assert globs_overlap(a, b) is overlap
    assert globs_overlap(b, a) is overlap


@pytest.mark.parametrize(
    ("entry", "location", "matches"),
    [
        (LocationMatch(tables=["customers"]), {"schema": "main", "table": "customers"}, True),
        (LocationMatch(tables=["customers"]), {"schema": "main", "table": "customers_old"}, False),
        (LocationMatch(tables=["main.cust*"]), {"schema": "public", "table": "customers"}, False),
        (LocationMatch(schemas=["hr"]), {"schema": "hr", "table": "staff", "column": "x"}, True),
        (LocationMatch(tables=["顧客台帳"]), {"schema": None, "table": "顧客台帳"}, True),
        (LocationMatch(paths=["*.csv"]), {"path": "a/b/顧客.CSV"}, True),
        (LocationMatch(paths=["/*.csv"]), {"path": "a/顧客.csv"}, False),
        (LocationMatch(paths=["人事/**"]), {"path": "人事/2024/履歴書.docx", "member": "x"}, True),
        (LocationMatch(paths=["人事/**"]), {"schema": "main", "table": "人事"}, False),
        (LocationMatch(source="other", paths=["**"]), {"path": "a.txt"}, False),
    ],
)
def test_location_matching(entry, location, matches):
    assert CompiledMatch.of(entry).matches("src", location) is matches


def test_entries_overlap_names_the_patterns():
    a = LocationMatch(source="db", schemas=["hr"])
    b = LocationMatch(source="db", tables=["hr.staff", "public.x"])
    assert entries_overlap(a, b) == ("hr", "hr.staff")
    assert entries_overlap(a, LocationMatch(source="other", tables=["hr.staff"])) is None
    assert entries_overlap(LocationMatch(paths=["a/**"]), LocationMatch(tables=["a.b"])) is None
