"""Typed config of a ``type = "database"`` source."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class DatabaseSourceConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: Literal["database"]
    name: str
    url: str = Field(description="SQLAlchemy URL without the password")
    password_env: str | None = Field(
        default=None, description="environment variable holding the password"
    )
    include_schemas: list[str] = Field(default_factory=list)
    exclude_schemas: list[str] = Field(default_factory=list)
    include_tables: list[str] = Field(default_factory=list, description="glob patterns")
    exclude_tables: list[str] = Field(default_factory=list)
    include_columns: list[str] = Field(default_factory=list)
    exclude_columns: list[str] = Field(default_factory=list)
    include_views: bool = True
    sample_size: int = Field(default=1000, ge=1)
    mode: Literal["sample", "full"] = "sample"
    batch_size: int = Field(default=5000, ge=1)
    statement_timeout_s: float = Field(default=60.0, gt=0)
