"""Typed ``[reports]`` config: which reports ``kojin scan`` writes after every run."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator


class ReportFormat(StrEnum):
    """What a report is written as; the format is the file's extension too."""

    html = "html"
    xlsx = "xlsx"
    csv = "csv"
    json = "json"


class Lang(StrEnum):
    ja = "ja"
    en = "en"


class ReportsConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    formats: list[ReportFormat] = Field(
        default_factory=list, description="written by `kojin scan` at the end of every run"
    )
    out_dir: Path = Path("kojin-reports")
    lang: Lang = Lang.ja
    timezone: str = Field(default="Asia/Tokyo", description="for the times shown in reports")

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}") from None
        return value
