from __future__ import annotations

import datetime as dt

import pytest

from scanner.detect.jp_dates import era_overrun, kanji_to_int, parse_date, parse_date_loose


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1985-04-01", dt.date(1985, 4, 1)),
        ("1985/4/1", dt.date(1985, 4, 1)),
        ("1985年4月1日", dt.date(1985, 4, 1)),
        ("昭和60年4月1日", dt.date(1985, 4, 1)),
        ("S60.4.1", dt.date(1985, 4, 1)),
        ("H1.1.8", dt.date(1989, 1, 8)),
        ("平成元年1月8日", dt.date(1989, 1, 8)),
        ("令和2年5月1日", dt.date(2020, 5, 1)),
        ("大正15年12月24日", dt.date(1926, 12, 24)),
        ("昭和六十年四月一日", dt.date(1985, 4, 1)),
        ("平成元年1月7日", None),  # still 昭和 64
        ("平成31年5月1日", dt.date(2019, 5, 1)),  # past the era's end, as old forms write it
        ("H32.1.1", dt.date(2020, 1, 1)),
        ("平成34年1月1日", None),  # more than two years past: not a date anyone writes
        ("1985-02-30", None),
        ("2999-01-01", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_kanji_numbers_and_loose_forms():
    assert kanji_to_int("二十三") == 23 and kanji_to_int("十") == 10 and kanji_to_int("元") == 1
    assert parse_date_loose("19850401") == dt.date(1985, 4, 1)


def test_era_overrun_is_told_apart() -> None:
    assert era_overrun("平成31年5月1日") and era_overrun("平成 31年 5月 1日")
    assert not era_overrun("平成31年4月30日") and not era_overrun("令和元年5月1日")
    assert not era_overrun("2019年5月1日")
