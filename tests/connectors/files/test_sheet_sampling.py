"""Sample mode reads a bounded number of a sheet's rows, whatever its length: a 1M-row
workbook timed out with no finding while the reservoir parsed every row."""

from __future__ import annotations

from connectors.files.extractors.base import ExtractContext, ExtractReport, TableBlock
from connectors.files.extractors.sheet import extract_sheet
from connectors.files.limits import ScanLimits


def _pulled(limits: ScanLimits, rows: int) -> tuple[int, int, ExtractReport]:
    """(rows the extractor asked for, rows in its table blocks, report)."""
    pulled = 0

    def sheet():
        nonlocal pulled
        yield 1, ["氏名", "電話"]
        for n in range(2, rows + 2):
            pulled += 1
            yield n, ["山田 太郎", f"090-1234-{n % 10000:04d}"]

    report = ExtractReport()
    items = list(extract_sheet("名簿", sheet(), ExtractContext(limits, report, "x.xlsx")))
    kept = sum(len(i.rows) for i in items if isinstance(i, TableBlock))
    return pulled, kept, report


def test_sample_mode_reads_at_most_sample_rows_times_windows():
    limits = ScanLimits(table_sample_rows=50, windows=4)
    pulled, kept, report = _pulled(limits, 100_000)
    assert pulled <= 50 * 4 + 1 and kept == 50 and report.sampled


def test_full_mode_and_short_sheets_read_every_row():
    pulled, kept, report = _pulled(ScanLimits(full=True, table_sample_rows=50, windows=4), 1000)
    assert pulled == kept == 1000 and not report.sampled
    pulled, kept, report = _pulled(ScanLimits(table_sample_rows=50, windows=4), 120)
    assert pulled == 120 and kept == 50 and not report.sampled
