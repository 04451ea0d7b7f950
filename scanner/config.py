"""Kojin's config file: TOML in, typed models out, errors with line numbers."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from connectors.database.config import DatabaseSourceConfig
from connectors.files.config import FilesSourceConfig

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
    #: where the file was read from; relative paths in it are taken from its folder
    base_dir: Path = Path(".")


def _line_of(text: str, loc: tuple[Any, ...]) -> int | None:
    """Best-effort line number of a config location such as ('sources', 1, 'url')."""
    lines = text.splitlines()
    table_seen = -1
    want_index = None
    if len(loc) >= 2 and isinstance(loc[1], int):
        want_index = loc[1]
    start = 0
    if want_index is not None:
        for i, line in enumerate(lines):
            if line.strip().startswith(f"[[{loc[0]}]]"):
                table_seen += 1
                if table_seen == want_index:
                    start = i
                    break
        else:
            return None
    elif loc and isinstance(loc[0], str):
        for i, line in enumerate(lines):
            if line.strip().startswith(f"[{loc[0]}]"):
                start = i
                break
    key = next((p for p in reversed(loc) if isinstance(p, str)), None)
    if key:
        for i in range(start, len(lines)):
            stripped = lines[i].strip()
            if i > start and stripped.startswith("[") and want_index is not None:
                break
            if stripped.split("=", 1)[0].strip() == key:
                return i + 1
    return start + 1


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
            line = _line_of(text, lookup)
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
    return config


def load_config(path: str | Path) -> KojinConfig:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{p}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{p}: cannot read config: {type(exc).__name__}") from None
    return parse_config(text, p.resolve().parent, origin=str(p))
