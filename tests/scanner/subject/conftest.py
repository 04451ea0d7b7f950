"""Scanned workspaces for the subject tests: the example data, and planted people.

A workspace is a folder holding a config with relative paths, the data it scans, the
inventory and the HMAC key, so a scanned one is copied (cheaply) for every test that
changes something. The example data is scanned and indexed once per session from a copy
of ``examples/`` (the repository's folder is never written).
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa

from bench.subject_corpus import Corpus, config_text, plant
from scanner.config import KojinConfig, load_config
from scanner.fingerprint import Fingerprinter
from scanner.inventory.store import Inventory
from scanner.scan.options import ScanOptions
from scanner.scan.pipeline import Pipeline
from tests.connectors.database.conftest import MARIADB_URLS, PG_URLS, _first_reachable

ROOT = Path(__file__).resolve().parents[3]
KEY = "subject-tests-0123456789abcdef0123456789abcdef"


@dataclass
class Workspace:
    folder: Path
    config_path: Path
    corpus: Corpus | None = None
    db_url: str | None = None
    schema: str = "main"

    @property
    def config(self) -> KojinConfig:
        return load_config(self.config_path)

    @property
    def fingerprinter(self) -> Fingerprinter:
        return Fingerprinter(KEY.encode())

    def inventory(self) -> Inventory:
        return Inventory.open(self.config.inventory, create=False)

    def copy(self, to: Path) -> Workspace:
        shutil.copytree(self.folder, to, dirs_exist_ok=True)
        return Workspace(to, to / self.config_path.name, self.corpus, None, self.schema)


@pytest.fixture(autouse=True)
def _hmac_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOJIN_HMAC_KEY", KEY)


def scan_and_index(workspace: Workspace, detector) -> None:
    mp = pytest.MonkeyPatch()
    mp.setenv("KOJIN_HMAC_KEY", KEY)
    try:
        pipeline = Pipeline(
            workspace.config, workspace.config_path, detector=detector,
            fingerprinter=workspace.fingerprinter,
        )  # fmt: skip
        outcome = pipeline.scan(ScanOptions(workspace.folder / "out"))
        assert not outcome.errors, outcome.errors[:3]
        pipeline.record(outcome)
        report = pipeline.index_subjects()
        assert not report.errors and report.entries
    finally:
        mp.undo()


@pytest.fixture(scope="session")
def example_template(tmp_path_factory, fast_detector) -> Workspace:
    """The example config's catalog over a copy of examples/, scanned and indexed."""
    folder = tmp_path_factory.mktemp("examples")
    shutil.copy(ROOT / "examples" / "sample.sqlite3", folder / "sample.sqlite3")
    shutil.copytree(ROOT / "examples" / "share", folder / "share")
    text = (ROOT / "config.example.toml").read_text(encoding="utf-8")
    text = text.replace('"sqlite:///examples/', '"sqlite:///').replace(
        'root = "examples/share"', 'root = "share"'
    )
    text = text.replace('formats = ["html", "xlsx"]', "formats = []")
    (folder / "kojin.toml").write_text(text, encoding="utf-8")
    workspace = Workspace(folder, folder / "kojin.toml")
    scan_and_index(workspace, fast_detector)
    return workspace


@pytest.fixture
def examples(example_template: Workspace, tmp_path: Path) -> Workspace:
    """A scanned, indexed copy of the example data of one's own."""
    return example_template.copy(tmp_path / "ws")


def planted_workspace(
    folder: Path, db_url: str, n: int, detector, config_url: str | None = None, **database
) -> Workspace:
    """``n`` planted people in the database at ``db_url`` and a share, scanned, indexed."""
    engine = sa.create_engine(db_url, poolclass=sa.pool.NullPool)
    try:
        corpus = plant(engine, folder / "share", n, **database)
    finally:
        engine.dispose()
    schemas = [database["schema"]] if database.get("schema") else []
    (folder / "kojin.toml").write_text(
        config_text(
            config_url or db_url, Path("share"), schemas=schemas, prefix=database.get("prefix", "")
        ),
        encoding="utf-8",
    )
    workspace = Workspace(
        folder, folder / "kojin.toml", corpus, db_url, database.get("place_schema", "main")
    )
    scan_and_index(workspace, detector)
    return workspace


@pytest.fixture
def sqlite_shop(tmp_path: Path, fast_detector) -> Workspace:
    url = f"sqlite:///{tmp_path / 'shop.sqlite3'}"
    return planted_workspace(tmp_path, url, 30, fast_detector, "sqlite:///shop.sqlite3")


@pytest.fixture
def pg_shop(tmp_path: Path, fast_detector) -> Iterator[Workspace]:
    admin = _first_reachable("KOJIN_TEST_POSTGRES_URL", PG_URLS, {"connect_timeout": 3})
    run = uuid.uuid4().hex[:8]
    schema = f"kojin_subject_{run}"
    engine = sa.create_engine(admin, poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        conn.execute(sa.schema.CreateSchema(schema))
    try:
        url = admin.render_as_string(hide_password=False)
        yield planted_workspace(
            tmp_path, url, 30, fast_detector, schema=schema, place_schema=schema, prefix=f"t{run}_"
        )
    finally:
        with engine.begin() as conn:
            conn.execute(sa.schema.DropSchema(schema, cascade=True))
        engine.dispose()


@pytest.fixture
def mariadb_shop(tmp_path: Path, fast_detector) -> Iterator[Workspace]:
    admin = _first_reachable("KOJIN_TEST_MARIADB_URL", MARIADB_URLS, {"connect_timeout": 3})
    run = uuid.uuid4().hex[:8]
    database = f"kojin_subject_{run}"
    engine = sa.create_engine(admin, poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        conn.execute(sa.text(f"CREATE DATABASE `{database}` CHARACTER SET utf8mb4"))
    try:
        url = admin.set(database=database, query={"charset": "utf8mb4"})
        text = url.render_as_string(hide_password=False)
        yield planted_workspace(
            tmp_path, text, 30, fast_detector, place_schema=database, prefix=f"t{run}_"
        )
    finally:
        with engine.begin() as conn:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS `{database}`"))
        engine.dispose()
