"""Typed ``[reports]`` config: which reports ``kojin scan`` writes after every run."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

ReportFormat = Literal["html", "xlsx", "csv", "json"]


class ReportsConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    formats: list[ReportFormat] = Field(
        default_factory=list, description="written by `kojin scan` at the end of every run"
    )
    out_dir: Path = Path("kojin-reports")
    lang: Literal["ja", "en"] = "ja"
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
