"""Typed ``[inventory]`` config: where runs are stored and where the HMAC key lives."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_INVENTORY_FILE = "kojin-inventory.sqlite3"


class InventoryConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str | None = Field(
        default=None,
        description="SQLAlchemy URL without the password (PostgreSQL); default: the SQLite "
        "file `path`",
    )
    password_env: str | None = Field(
        default=None, description="environment variable holding the database password"
    )
    path: Path = Field(
        default=Path(DEFAULT_INVENTORY_FILE), description="SQLite file, beside the config"
    )
    key_file: Path = Field(
        default=Path("kojin-hmac.key"),
        description="HMAC key for fingerprints (KOJIN_HMAC_KEY wins); mode 0600, made by the "
        "first scan or `kojin key init`",
    )
    index_subjects: bool = Field(
        default=False,
        description="after every scan, update the subject index (as `kojin scan "
        "--index-subjects`): every row and file marked personal, fingerprinted",
    )

    def database_url(self) -> str:
        return self.url or f"sqlite:///{self.path}"
