"""Typed config of a ``type = "files"`` source (and the crawl settings SMB shares too)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class CrawlSettings(BaseModel):
    """What to read under a root and how much of it: the same for a local or SMB share."""

    model_config = ConfigDict(extra="forbid")

    include: list[str] = Field(
        default_factory=lambda: ["**/*"],
        description="globs on the path relative to root; a pattern without '/' matches names",
    )
    exclude: list[str] = Field(default_factory=list, description="globs; also prune folders")
    follow_links: bool = Field(
        default=False, description="follow symlinks whose target stays inside root"
    )
    max_file_size_mb: float = Field(default=100.0, gt=0, description="larger files are skipped")
    mode: Literal["sample", "full"] = "sample"
    per_file_budget_mb: float = Field(
        default=8.0, gt=0, description="sample mode: bytes read per file (head + spaced samples)"
    )
    sample_head_fraction: float = Field(
        default=0.5, gt=0, le=1, description="sample mode: share of the budget read from the start"
    )
    sample_windows: int = Field(
        default=16, ge=0, description="sample mode: evenly spaced windows after the head"
    )
    sample_analysis_head_chars: int = Field(
        default=65_536,
        ge=0,
        description="sample mode: characters of a file the detector reads whole before it "
        "samples the rest",
    )
    sample_analysis_stride: int = Field(
        default=8, ge=1, description="sample mode: after the head, one text chunk in this many"
    )
    sample_analysis_saturation: int = Field(
        default=8,
        ge=1,
        description="sample mode: chunks in a row with no new entity kind that double the stride",
    )
    sample_line_repeats: int = Field(
        default=3,
        ge=0,
        description="sample mode: lines of one shape (digits aside) read per file; 0: all",
    )
    table_sample_rows: int = Field(
        default=1000, ge=1, description="sample mode: rows per CSV/sheet given to the classifier"
    )
    ocr: bool = Field(
        default=False,
        description="read scanned PDF pages and images (JPEG, PNG, TIFF ...) with tesseract "
        "OCR; needs Debian's tesseract-ocr and tesseract-ocr-jpn",
    )
    ocr_languages: str = Field(
        default="jpn+eng", pattern=r"^[a-z_]+(\+[a-z_]+)*$", description="tesseract languages"
    )
    ocr_max_pages: int = Field(
        default=10, ge=1, description="sample mode: scanned pages OCR'd per PDF (full: all)"
    )
    max_in_memory_mb: float = Field(
        default=64.0,
        gt=0,
        description="formats parsed whole (e-mail, XLS, MSG, JSON documents) above this fall "
        "back to text or are skipped",
    )
    archive_max_depth: int = Field(default=3, ge=0)
    archive_max_members: int = Field(default=10_000, ge=1)
    archive_max_expanded_mb: float = Field(default=512.0, gt=0)
    archive_max_ratio: float = Field(
        default=100.0, gt=1, description="members expanding more than this (and > 1 MB) are bombs"
    )
    file_timeout_s: float = Field(
        default=120.0, ge=0, description="per-file extraction limit; 0 disables (main thread only)"
    )
    files_per_unit: int = Field(default=64, ge=1)
    unit_max_mb: float = Field(
        default=2.0, gt=0, description="a unit closes once its files reach this size"
    )


class FilesSourceConfig(CrawlSettings):
    type: Literal["files"]
    name: str
    root: Path
