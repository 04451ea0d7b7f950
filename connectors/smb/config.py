"""Typed config of a ``type = "smb"`` source: a Windows (or Samba) share read directly."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from connectors.files.config import CrawlSettings


class SmbSourceConfig(CrawlSettings):
    type: Literal["smb"]
    name: str
    server: str = Field(description="host name or address of the file server")
    port: int = Field(default=445, ge=1, le=65535)
    share: str = Field(description="the share's name, as in \\\\server\\share")
    root: str = Field(default="", description="a folder inside the share ('' = the whole share)")
    username: str | None = Field(default=None, description="the account (or use username_env)")
    username_env: str | None = Field(
        default=None, description="environment variable holding the account name"
    )
    password_env: str = Field(description="environment variable holding the password")
    domain: str | None = Field(default=None, description="the account's domain, if any")
    encrypt: bool = Field(default=False, description="require SMB 3 encryption")
    connect_timeout_s: float = Field(default=30.0, gt=0)

    @field_validator("follow_links")
    @classmethod
    def _no_links(cls, value: bool) -> bool:
        if value:
            raise ValueError("follow_links is not supported on SMB shares: links are skipped")
        return value

    @field_validator("root")
    @classmethod
    def _relative(cls, value: str) -> str:
        parts = [p for p in value.replace("\\", "/").split("/") if p not in ("", ".")]
        if ".." in parts:
            raise ValueError("root must stay inside the share (no '..')")
        return "/".join(parts)
