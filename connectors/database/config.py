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
    connect_timeout_s: float = Field(default=10.0, gt=0)
    sample_seed: int = Field(
        default=0, description="seed of the random sample positions, so runs are reproducible"
    )
    random_sample_max_rows: int = Field(
        default=50_000,
        ge=0,
        description="tables up to this many rows are sampled uniformly (ORDER BY random())",
    )
    exact_count_max_rows: int = Field(
        default=100_000,
        ge=0,
        description="below this catalog estimate a bounded COUNT(*) makes the row count exact",
    )
    max_value_chars: int = Field(
        default=2000, ge=16, description="longer values are cut (in SQL) before detection"
    )
    cross_reference: bool = Field(
        default=True, description="report tables that link to personal data by key (容易照合性)"
    )
    cross_reference_max_hops: int = Field(default=3, ge=1, le=10)
