"""Typed config of a ``type = "files"`` source."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class FilesSourceConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: Literal["files"]
    name: str
    root: Path
    include: list[str] = Field(default_factory=lambda: ["**/*"])
    exclude: list[str] = Field(default_factory=list)
    follow_links: bool = False
    max_file_size_mb: float = Field(default=100.0, gt=0, description="larger files are skipped")
    mode: Literal["sample", "full"] = "sample"
    per_file_budget_mb: float = Field(
        default=8.0, gt=0, description="sample mode: text read per file (head + spaced samples)"
    )
    archive_max_depth: int = Field(default=3, ge=0)
    archive_max_members: int = Field(default=10_000, ge=1)
    archive_max_expanded_mb: float = Field(default=512.0, gt=0)
    files_per_unit: int = Field(default=64, ge=1)
