"""Two stored runs of the sample findings, read back as report data."""

from __future__ import annotations

import pytest

from reports.model import ReportData, load_report_data
from scanner.findings import ScanError
from scanner.inventory.recorder import record_scan
from scanner.inventory.records import Mark
from scanner.inventory.store import Inventory
from tests.scanner.inventory.builders import SAMPLE_FINDINGS, db, file, make_config, outcome

#: a hostile file name: markup, a formula, and a script end tag
HOSTILE = '=HYPERLINK("x")</script><b>.csv'


@pytest.fixture(scope="session")
def report_data(tmp_path_factory) -> ReportData:
    base = tmp_path_factory.mktemp("reports")
    mp = pytest.MonkeyPatch()
    mp.setenv("KOJIN_HMAC_KEY", "k-0123456789abcdef0123456789abcdef")
    try:
        config = make_config(base)
        record_scan(config, outcome(SAMPLE_FINDINGS[:-1]))
        later = [
            *SAMPLE_FINDINGS,
            db("newsletter", "tel", "PHONE_NUMBER", evidence={"sampling": {"table_rows": 1500}}),
            file(HOSTILE, "PERSON", examples=("山田 **",)),
        ]
        errors = [ScanError("share", {"path": "壊れた.xlsx"}, "corrupt", "BadZipFile: not a zip")]
        second = record_scan(config, outcome(later, errors, run_id="20240602T000000Z")).run
        with Inventory.open(config.inventory) as inventory:
            customers = next(f for f in inventory.findings(second) if f.place.endswith("customers"))
            inventory.add_review(customers.key, Mark.false_positive, "テスト用", "sato")
            return load_report_data(inventory)
    finally:
        mp.undo()
