"""ZIP limits shared by archives and ZIP-based Office files: members, sizes, ratios.

Declared sizes are checked before anything is opened; the archive extractor also counts
the bytes actually inflated (limits.CountingReader), because headers can lie.
"""

from __future__ import annotations

import zipfile

from connectors.files.extractors.base import ExtractContext
from connectors.files.limits import MB, LimitError


def bomb_reason(info: zipfile.ZipInfo, ctx: ExtractContext) -> str | None:
    """Why one member looks like a decompression bomb, or None."""
    limits = ctx.limits
    if info.file_size > limits.archive_max_expanded_bytes:
        return f"member declares {info.file_size // MB} MB, over the expansion limit"
    if info.file_size > limits.ratio_floor_bytes:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.archive_max_ratio:
            return f"member expands {ratio:.0f}:1, over the {limits.archive_max_ratio:.0f}:1 limit"
    return None


def check_archive(zf: zipfile.ZipFile, ctx: ExtractContext) -> None:
    """Raise LimitError if a ZIP-based Office file breaks any limit (it is opened whole)."""
    infos = zf.infolist()
    if len(infos) > ctx.limits.archive_max_members:
        raise LimitError("archive_limit", f"{len(infos)} members, over the member limit")
    total = sum(i.file_size for i in infos)
    if total > ctx.limits.archive_max_expanded_bytes:
        raise LimitError("zip_bomb", f"declares {total // MB} MB expanded, over the limit")
    for info in infos:
        reason = bomb_reason(info, ctx)
        if reason:
            raise LimitError("zip_bomb", reason)


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name; Japanese Windows tools write cp932 names without the UTF-8 flag."""
    name = info.filename
    if info.flag_bits & 0x800 or name.isascii():
        return name
    try:
        return name.encode("cp437").decode("cp932")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return name
