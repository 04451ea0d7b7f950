"""The SMB source against a real Samba server: the same findings as the same files read
from a local folder, read-only, credentials from the environment, limits and globs kept."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scanner.config import parse_config
from scanner.scan.driver import run_scan
from scanner.scan.options import ScanOptions
from scanner.scan.pipeline import Pipeline
from tests.connectors.files.conftest import FakeDetector

pytestmark = pytest.mark.smb

LINE = "担当：山田太郎 電話 090-1234-5678 メール taro@example.co.jp\n"


def _fill(root: Path, big: bool = False) -> None:
    if root.exists():
        shutil.rmtree(root)
    (root / "総務" / "2024").mkdir(parents=True)
    (root / "総務" / "2024" / "名簿.csv").write_text(
        "氏名,電話\n" + "".join(f"山田太郎,090-1234-{i:04d}\n" for i in range(20)),
        encoding="cp932",
    )
    (root / "総務" / "メモ.txt").write_text(LINE, encoding="utf-8")
    (root / "tmp").mkdir()
    (root / "tmp" / "skip.txt").write_text(LINE, encoding="utf-8")
    if big:
        (root / "big.log").write_bytes(b"x" * 3_000_000)
    (root / "readme.txt").write_text("共有フォルダの使い方\n", encoding="utf-8")


def _identities(findings):
    return sorted((sorted(f.location.items()), f.entity, f.count, f.rows_matched) for f in findings)


def _scan(text: str, base: Path):
    config = parse_config(text, base)
    return run_scan(config, base / "out", detector=FakeDetector())


def test_the_share_scans_like_the_same_local_folder(samba, smb_env, tmp_path):
    _fill(samba.path, big=True)
    limits = 'exclude = ["tmp/**"]\nmax_file_size_mb = 2\n'
    smb = _scan(samba.source_toml(extra=limits), tmp_path)
    local = _scan(
        f'[[sources]]\ntype = "files"\nname = "fileserver"\nroot = "{samba.path}"\n{limits}',
        tmp_path,
    )
    assert [s.status for s in smb.sources] == ["partial"], smb.errors  # big.log: too large
    assert _identities(smb.findings) == _identities(local.findings)
    paths = {f.location["path"] for f in smb.findings}
    assert paths == {"総務/2024/名簿.csv", "総務/メモ.txt"}
    assert {(e.location["path"], e.kind) for e in smb.errors} == {("big.log", "too_large")}


def test_files_are_opened_read_only_and_left_unchanged(samba, smb_env, tmp_path, monkeypatch):
    import smbclient

    _fill(samba.path)
    before = {p: p.stat().st_mtime_ns for p in samba.path.rglob("*") if p.is_file()}
    modes = []
    real_open = smbclient.open_file

    def recording_open(path, mode="r", **kwargs):
        modes.append(mode)
        return real_open(path, mode=mode, **kwargs)

    monkeypatch.setattr(smbclient, "open_file", recording_open)
    outcome = _scan(samba.source_toml(), tmp_path)
    assert outcome.findings and modes and set(modes) == {"rb"}
    after = {p: p.stat().st_mtime_ns for p in samba.path.rglob("*") if p.is_file()}
    assert after == before


def test_a_rescan_reads_only_the_changed_file(samba, smb_env, tmp_path):
    _fill(samba.path)
    (tmp_path / "kojin.toml").write_text(samba.source_toml(), encoding="utf-8")
    config = parse_config(samba.source_toml(), tmp_path)
    pipeline = Pipeline(config, detector=FakeDetector())
    first = pipeline.run(ScanOptions(out_dir=tmp_path / "out"), index_subjects=False)
    assert first.outcome.sources[0].stats["items_read"] == 4
    with (samba.path / "総務" / "メモ.txt").open("a", encoding="utf-8") as fh:
        fh.write("追記 hanako@example.jp\n")
    second = pipeline.run(ScanOptions(out_dir=tmp_path / "out"), index_subjects=False)
    stats = second.outcome.sources[0].stats
    assert (stats["items_read"], stats["items_carried"]) == (1, 3)
    assert not second.recorded.diff.removed


def test_wrong_or_missing_credentials_are_one_clear_line(samba, smb_env, tmp_path, monkeypatch):
    monkeypatch.setenv("KOJIN_TEST_SMB_PASSWORD", "wrong-password")
    outcome = _scan(samba.source_toml(), tmp_path)
    [error] = outcome.errors
    assert error.kind == "unreachable" and "cannot log in" in error.message
    assert "wrong-password" not in error.message
    monkeypatch.delenv("KOJIN_TEST_SMB_PASSWORD")
    [error] = _scan(samba.source_toml(), tmp_path).errors
    assert "KOJIN_TEST_SMB_PASSWORD is not set" in error.message


def test_a_missing_share_folder_is_reported(samba, smb_env, tmp_path):
    _fill(samba.path)
    outcome = _scan(samba.source_toml(extra='root = "無い/フォルダ"\n'), tmp_path)
    [error] = outcome.errors
    assert error.kind == "unreachable" and "cannot read" in error.message


def test_config_refuses_links_and_escaping_root(tmp_path):
    from scanner.config import ConfigError

    base = '[[sources]]\ntype = "smb"\nname = "s"\nserver = "h"\nshare = "x"\npassword_env = "P"\n'
    with pytest.raises(ConfigError, match="follow_links"):
        parse_config(base + "follow_links = true\n", tmp_path)
    with pytest.raises(ConfigError, match="inside the share"):
        parse_config(base + 'root = "../etc"\n', tmp_path)
    assert parse_config(base + 'root = "\\\\総務\\\\2024\\\\"\n', tmp_path).sources[0].root == (
        "総務/2024"
    )


def test_the_subject_index_search_and_export_read_the_share(samba, smb_env, tmp_path):
    from scanner.inventory.store import Inventory
    from scanner.subject.export import gather_disclosure
    from scanner.subject.identifiers import SubjectQuery
    from scanner.subject.search import find_subject

    _fill(samba.path)
    config = parse_config(samba.source_toml(), tmp_path)
    pipeline = Pipeline(config, detector=FakeDetector())
    result = pipeline.run(ScanOptions(out_dir=tmp_path / "out"), index_subjects=True)
    index = result.subject_index
    assert index is not None and not index.errors and index.entries, index
    query = SubjectQuery(email="TARO@example.co.jp")
    with Inventory.open(config.inventory) as inventory:
        for live in (False, True):
            found = find_subject(config, inventory, query, pipeline.fingerprinter, live=live,
                                 detector=FakeDetector)  # fmt: skip
            assert not found.errors, found.errors
            assert {h.place_key for h in found.strong} == {"総務/メモ.txt", "tmp/skip.txt"}
        probes = query.probe_list(pipeline.fingerprinter)
        doc = gather_disclosure(config, inventory, found, probes, pipeline.fingerprinter,
                                detector=FakeDetector)  # fmt: skip
    assert not doc.errors and not doc.changed
    assert doc.items and doc.records == 2
