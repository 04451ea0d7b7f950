"""Kojin's config file: TOML in, typed models out, errors with line numbers."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from connectors.database.config import DatabaseSourceConfig
from connectors.files.config import FilesSourceConfig
from reports.config import ReportsConfig
from scanner.catalog.models import CatalogConfig
from scanner.inventory.config import InventoryConfig
from scanner.toml_lines import line_of

SourceConfig = Annotated[DatabaseSourceConfig | FilesSourceConfig, Field(discriminator="type")]


class ConfigError(Exception):
    """The config cannot be used; the message says where and why, one problem a line."""


class DetectorConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    mode: Literal["fast", "deep"] = "fast"
    threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    entities: list[str] | None = None


class ScanConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    out_dir: Path = Path("kojin-out")


class KojinConfig(BaseModel):
    model_config = ConfigDict(extra="allow")

    sources: list[SourceConfig] = Field(default_factory=list)
    detector: DetectorConfig = Field(default_factory=DetectorConfig)
    scan: ScanConfig = Field(default_factory=ScanConfig)
    catalog: CatalogConfig = Field(default_factory=CatalogConfig)
    inventory: InventoryConfig = Field(default_factory=InventoryConfig)
    reports: ReportsConfig = Field(default_factory=ReportsConfig)
    #: where the file was read from; relative paths in it are taken from its folder
    base_dir: Path = Path(".")


def _anchor_sqlite_path(url: str, base_dir: Path) -> str:
    """``sqlite:///rel/path.db`` is taken from the config's folder, not the working one."""
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        return url
    path, sep, query = url[len(prefix) :].partition("?")
    if not path or path.startswith("/") or path == ":memory:":
        return url
    return prefix + str((base_dir / path).resolve()) + sep + query


def parse_config(text: str, base_dir: Path, origin: str = "config") -> KojinConfig:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: not valid TOML: {exc}") from None
    try:
        config = KojinConfig.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(p for p in err["loc"] if p not in ("database", "files"))
            lookup = loc + ("type",) if err["type"].startswith("union_tag") else loc
            line = line_of(text, lookup)
            where = ".".join(str(p) for p in loc) or "(top level)"
            prefix = f"{origin}:{line}" if line else origin
            problems.append(f"{prefix}: {where}: {err['msg']}")
        raise ConfigError("\n".join(problems)) from None
    names = [s.name for s in config.sources]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ConfigError(f"{origin}: source names must be unique: {', '.join(dupes)}")
    config.base_dir = base_dir
    for source in config.sources:
        if isinstance(source, FilesSourceConfig) and not source.root.is_absolute():
            source.root = (base_dir / source.root).resolve()
        elif isinstance(source, DatabaseSourceConfig):
            source.url = _anchor_sqlite_path(source.url, base_dir)
    if not config.scan.out_dir.is_absolute():
        config.scan.out_dir = base_dir / config.scan.out_dir
    for section, attr in ((config.inventory, "path"), (config.inventory, "key_file"),
                          (config.reports, "out_dir")):  # fmt: skip
        if not getattr(section, attr).is_absolute():
            setattr(section, attr, (base_dir / getattr(section, attr)).resolve())
    if config.inventory.url:
        config.inventory.url = _anchor_sqlite_path(config.inventory.url, base_dir)
    _check_catalog(config, text, origin)
    return config


def _check_catalog(config: KojinConfig, text: str, origin: str) -> None:
    from scanner.catalog.validate import catalog_problems, source_types_of

    problems = catalog_problems(config.catalog, source_types_of(config.sources))
    errors = [p.format(text, origin) for p in problems if p.severity == "error"]
    if errors:
        raise ConfigError("\n".join(errors))


def load_config(path: str | Path) -> KojinConfig:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{p}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{p}: cannot read config: {type(exc).__name__}") from None
    return parse_config(text, p.resolve().parent, origin=str(p))
