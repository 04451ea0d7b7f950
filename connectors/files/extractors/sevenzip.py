"""7-Zip archives (.7z) through py7zr: members handed to the dispatcher like ZIP members.

Members are inflated in one pass (a solid 7z block has to be inflated from its start
anyway) into spooled temporary files (memory up to a few MB each, then disk), under the
archive limits: the member count, each member's declared size, and the file's expansion
budget, which py7zr also enforces while it inflates (``max_extract_size``). A password-
protected archive is ``encrypted``; links and folders are not followed.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import BinaryIO

import py7zr
from py7zr.io import Py7zIO, WriterFactory

from connectors.files.extractors.base import (
    Embedded,
    ExtractContext,
    Item,
    Notice,
    Place,
    archive_limit,
    join_member,
    spool_opener,
)
from connectors.files.limits import SPOOL_BYTES, ExpansionBudget


def extract(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    budget = ctx.expansion or ExpansionBudget(ctx.limits.archive_max_expanded_bytes)
    left = budget.limit - budget.used
    stream.seek(0)
    with py7zr.SevenZipFile(stream, mode="r", max_extract_size=left) as archive:
        if archive.needs_password():
            yield Notice("encrypted", "password-protected 7-Zip archive", ctx.place())
            return
        infos = [i for i in archive.list() if not i.is_directory and not i.is_symlink]
        limit = ctx.limits.archive_max_members
        if len(infos) > limit:
            yield archive_limit(ctx, f"{len(infos)} members")
            infos = infos[:limit]
        wanted: list[str] = []
        total = 0
        for info in infos:
            at = Place(member=join_member(ctx.member, info.filename))
            size = info.uncompressed or 0
            if total + size > left:
                yield Notice("zip_bomb", "member would exceed the archive expansion limit", at)
                continue
            total += size
            wanted.append(info.filename)
        factory = _SpoolFactory()
        try:
            archive.extract(targets=wanted, factory=factory)
        except BaseException:
            factory.close_all()
            raise
    budget.take(total)  # checked above to fit what is left
    try:
        for name in wanted:
            spool = factory.spools.get(name)
            if spool is not None:
                yield Embedded(name, spool_opener(spool.file), spool.tell_size())
    finally:
        factory.close_all()


class _Spool(Py7zIO):
    """One member, written by py7zr into a spooled temporary file."""

    def __init__(self) -> None:
        self.file = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)

    def write(self, s: bytes | bytearray) -> int:
        return self.file.write(s)

    def read(self, size: int | None = None) -> bytes:
        return self.file.read(-1 if size is None else size)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.file.seek(offset, whence)

    def flush(self) -> None:
        self.file.flush()

    def size(self) -> int:
        return self.tell_size()

    def tell_size(self) -> int:
        here = self.file.tell()
        end = self.file.seek(0, 2)
        self.file.seek(here)
        return end


class _SpoolFactory(WriterFactory):
    def __init__(self) -> None:
        self.spools: dict[str, _Spool] = {}

    def create(self, filename: str) -> Py7zIO:
        spool = _Spool()
        self.spools[filename] = spool
        return spool

    def close_all(self) -> None:
        for spool in self.spools.values():
            spool.file.close()
        self.spools.clear()
