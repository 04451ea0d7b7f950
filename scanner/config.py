"""Kojin's config file: TOML in, typed models out, errors with line numbers."""

from __future__ import annotations

import difflib
import os
import tomllib
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from connectors.database.config import DatabaseSourceConfig
from connectors.files.config import FilesSourceConfig
from connectors.smb.config import SmbSourceConfig
from reports.config import ReportsConfig
from scanner.catalog.models import CatalogConfig
from scanner.detect.modes import Mode
from scanner.inventory.config import InventoryConfig
from scanner.toml_lines import line_of

SourceConfig = Annotated[
    DatabaseSourceConfig | FilesSourceConfig | SmbSourceConfig, Field(discriminator="type")
]


class ConfigError(Exception):
    """The config cannot be used; the message says where and why, one problem a line."""


class DetectorConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    mode: Mode = Mode.fast
    threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    entities: list[str] | None = None


class ScanConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    out_dir: Path = Path("kojin-out")


class KojinConfig(BaseModel):
    # a misspelt table (``[scann]``, ``[[source]]``) must be an error, not a silent no-op
    model_config = ConfigDict(extra="forbid")

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


def _members(annotation: Any) -> list[Any]:
    """The types an annotation admits: ``list[X] | None`` -> [X], ``Annotated[A | B]`` -> [A, B]."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return _members(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType, list, tuple, set, dict):
        args = typing.get_args(annotation)
        if origin is dict:
            args = args[1:]
        return [m for a in args for m in _members(a)]
    return [annotation]


def _model_at(loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The config model a validation location points into (its last part excluded)."""
    model: type[BaseModel] = KojinConfig
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            # a discriminated union's tag ('database', 'files') picks the member
            if part in ("database", "files", "smb"):
                continue
            return None
        candidates = [m for m in _members(field.annotation) if isinstance(m, type)
                      and issubclass(m, BaseModel)]  # fmt: skip
        if not candidates:
            return None
        tag = next((p for p in loc if p in ("database", "files", "smb")), None)
        chosen = [c for c in candidates if tag is None or _tag_of(c) in (None, tag)]
        model = (chosen or candidates)[0]
    return model


def _tag_of(model: type[BaseModel]) -> str | None:
    field = model.model_fields.get("type")
    args = typing.get_args(field.annotation) if field is not None else ()
    return args[0] if len(args) == 1 and isinstance(args[0], str) else None


def _unknown_key(loc: tuple[Any, ...]) -> str:
    """``unknown key 'scann' (did you mean 'scan'?)``."""
    key = str(loc[-1])
    model = _model_at(loc)
    known = [n for n in (model.model_fields if model else ()) if n != "base_dir"]
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown key {key!r}{hint}"


def parse_config(text: str, base_dir: Path, origin: str = "config") -> KojinConfig:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: not valid TOML: {exc}") from None
    if "base_dir" in data:  # set by Kojin from the file's folder, never by the file
        raise ConfigError(f"{origin}:{line_of(text, ('base_dir',))}: {_unknown_key(('base_dir',))}")
    try:
        config = KojinConfig.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            full_loc = tuple(err["loc"])
            loc = tuple(p for p in full_loc if p not in ("database", "files", "smb"))
            lookup = loc + ("type",) if err["type"].startswith("union_tag") else loc
            line = line_of(text, lookup)
            where = ".".join(str(p) for p in loc) or "(top level)"
            prefix = f"{origin}:{line}" if line else origin
            message = _unknown_key(full_loc) if err["type"] == "extra_forbidden" else err["msg"]
            problems.append(f"{prefix}: {where}: {message}")
        raise ConfigError("\n".join(problems)) from None
    if not config.sources:
        raise ConfigError(
            f"{origin}: no [[sources]]: nothing to scan (add a [[sources]] table with "
            'type = "database", "files" or "smb")'
        )
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


#: the variable naming the config when ``--config`` is not given
CONFIG_ENV = "KOJIN_CONFIG"
#: the file looked for in the working folder when neither is given
DEFAULT_CONFIG = "kojin.toml"


def find_config(
    path: str | Path | None, environ: Mapping[str, str] | None = None, cwd: Path | None = None
) -> Path:
    """The config every command uses: ``--config``, else ``$KOJIN_CONFIG``, else
    ``./kojin.toml``; never a silent fallback to the example."""
    if path is not None:
        return Path(path)
    env = os.environ if environ is None else environ
    if env.get(CONFIG_ENV):
        return Path(env[CONFIG_ENV])
    candidate = (cwd or Path.cwd()) / DEFAULT_CONFIG
    if candidate.is_file():
        return candidate
    raise ConfigError(
        f"no config: give --config FILE, set {CONFIG_ENV}, or put {DEFAULT_CONFIG} in the "
        "current folder (config.example.toml is a complete example)"
    )


def load_config(path: str | Path) -> KojinConfig:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{p}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{p}: cannot read config: {type(exc).__name__}") from None
    return parse_config(text, p.resolve().parent, origin=str(p))
