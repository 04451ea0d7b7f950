"""The HTML report: self-contained, escaped, and it really draws in headless Chromium."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reports.html_report import CATEGORY_COLOUR, SOURCE_COLOUR, VERDICT_COLOURS, write_html
from tests.reports.conftest import HOSTILE

CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
)  # fmt: skip


def _data_block(html: str) -> dict:
    match = re.search(r'<script id="kojin-data" type="application/json">(.*?)</script>', html,
                      re.S)  # fmt: skip
    assert match
    return json.loads(match.group(1))


def test_self_contained_and_escaped(report_data, tmp_path):
    html = write_html(report_data, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "default-src 'none'" in html  # the browser may fetch nothing at all
    assert not re.search(r"<link|<img|<iframe|\bsrc=|@import|url\(", html)
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", html)
    # the hostile file name neither ends the data block nor becomes markup
    assert html.count("</script>") == 2 and "<b>.csv" not in html
    data = _data_block(html)
    assert HOSTILE in "".join(data["strings"])
    assert len(data["findings"]) == len(report_data.findings)
    assert [c["id"] for c in data["charts"]] == [
        "category",
        "source",
        "verdict",
        "special-care",
        "change",
    ]


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        reason = "headless Chromium is not installed (apt-get install -y chromium)"
        if os.environ.get("CI", "").strip().lower() == "true":
            pytest.fail(f"{reason}; CI=true: the browser check must run")
        pytest.skip(reason)
    return path


def _run_chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True, timeout=120, check=True, text=True,
    )  # fmt: skip


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


@pytest.mark.chromium
def test_renders_in_headless_chromium(report_data, tmp_path):
    from PIL import Image

    binary = _chromium()
    page = write_html(report_data, tmp_path / "report.html")
    dom = _run_chromium(binary, tmp_path / "profile", "--dump-dom", page.as_uri()).stdout
    assert 'data-ready="1"' in dom  # the inline script ran to its end
    assert dom.count('class="chart-svg"') == 5 and dom.count("<rect") >= 10
    assert dom.count('class="finding"') == len(report_data.findings)
    assert "メールマガジン会員" in dom and "要配慮個人情報" in dom

    shot = tmp_path / "shot.png"
    _run_chromium(binary, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,2000",
                  page.as_uri())  # fmt: skip
    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 2000)
    assert len(image.getcolors(maxcolors=1 << 20) or []) > 200  # text, tables, charts
    pixels = image.load()
    for colour in (CATEGORY_COLOUR, SOURCE_COLOUR, VERDICT_COLOURS["no_purpose"]):
        want = _rgb(colour)
        hits = [(x, y) for x in range(0, 1280, 2) for y in range(0, 1000, 2)
                if pixels[x, y] == want]  # fmt: skip
        assert len(hits) > 100, colour  # the bars are drawn, above the tables
