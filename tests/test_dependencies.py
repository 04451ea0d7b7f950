"""Every runtime dependency in pyproject.toml is used by Kojin's own code."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: distribution name -> the module (or the name spaCy / Sudachi load it by) the code uses
MODULES = {
    "presidio-analyzer": "presidio_analyzer", "ja-ginza": "ja_ginza",
    "sudachidict-core": 'dict="core"', "python-stdnum": "stdnum",
    "charset-normalizer": "charset_normalizer", "python-docx": "docx",
    "python-pptx": "pptx", "extract-msg": "extract_msg", "dask": "dask",
    "smbprotocol": "smbclient", "pillow": "PIL", "libarchive-c": "libarchive",
    "backports.zstd": "backports import zstd",
}  # fmt: skip


def _code() -> str:
    files = [p for package in ("scanner", "connectors", "reports")
             for p in (ROOT / package).rglob("*.py")]  # fmt: skip
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def test_every_runtime_dependency_is_used() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    code = _code()
    unused = []
    for requirement in project["dependencies"]:
        name = re.split(r"[\[<>=!~ ]", requirement, maxsplit=1)[0].lower()
        module = MODULES.get(name, name.replace("-", "_"))
        if not re.search(rf"(?<![\w.]){re.escape(module)}(?!\w)", code):
            unused.append(name)
    assert unused == [], f"declared but never used: {unused}"


def test_test_only_packages_are_dev_extras() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = " ".join(project["dependencies"]).lower()
    assert "pyyaml" not in runtime and "beautifulsoup4" not in runtime
    assert any(r.lower().startswith("pyyaml") for r in project["optional-dependencies"]["dev"])
