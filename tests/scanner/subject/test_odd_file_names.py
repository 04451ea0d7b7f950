"""The subject index reopens files by their on-disk name: NFD (macOS), cp932 (old
Windows tools) and invalid bytes, whose display names would not open."""

from __future__ import annotations

import os
import unicodedata

from scanner.config import parse_config
from scanner.fingerprint import Fingerprinter
from scanner.inventory.store import Inventory
from scanner.scan.options import ScanOptions
from scanner.scan.pipeline import Pipeline
from scanner.subject.identifiers import SubjectQuery
from scanner.subject.search import find_subject

EMAIL = "hanako.odd@example.jp"
NAMES = {
    "nfd": unicodedata.normalize("NFD", "顧客データ.txt").encode("utf-8"),  # ダ as タ + ゛
    "cp932": "顧客一覧.txt".encode("cp932"),
    "invalid": b"list-\xff\xfe.txt",
}


def test_files_with_odd_names_are_indexed_and_found(tmp_path, fast_detector):
    share = tmp_path / "share"
    share.mkdir()
    for raw in NAMES.values():
        with open(os.path.join(os.fsencode(share), raw), "wb") as fh:
            fh.write(f"お客様 山田 花子 様\nメール: {EMAIL}\n".encode())
    config = parse_config(
        '[[sources]]\ntype = "files"\nname = "share"\nroot = "share"\n\n'
        '[scan]\nout_dir = "out"\n\n[inventory]\npath = "inventory.sqlite3"\n\n'
        "[reports]\nformats = []\n",
        tmp_path,
    )
    fingerprinter = Fingerprinter(b"odd-names-key-0123456789abcdef0123")
    pipeline = Pipeline(config, fingerprinter=fingerprinter, detector=fast_detector)
    result = pipeline.run(ScanOptions(tmp_path / "out"), index_subjects=True)
    assert not result.subject_index.errors, result.subject_index.errors
    assert result.subject_index.places == len(NAMES)
    with Inventory.open(config.inventory) as inventory:
        for live in (False, True):
            found = find_subject(
                config,
                inventory,
                SubjectQuery(email=EMAIL),
                fingerprinter,
                live=live,
                detector=lambda: fast_detector,
            )
            assert not found.errors, found.errors
            assert len(found.strong) == len(NAMES), (live, [h.location() for h in found.strong])
