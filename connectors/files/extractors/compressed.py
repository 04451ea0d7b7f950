"""gzip / bzip2 / xz / zstd streams and tar archives, with the standard library (zstd:
its backport before Python 3.14).

A server's rotated logs (``access.log.2.gz``), database dumps (``users.sql.xz``) and
backups (``export.tar.gz``) were classed binary and never read. A compressed stream is
inflated and handed back to the dispatcher as one embedded file, named without its
suffix (``access.log.2``; ``.tgz`` becomes ``.tar``), so a ``.tar.gz`` is a gzip stream
holding a tar whose members are embedded files in turn.

Limits: a stream is inflated only up to the per-file sample budget in sample mode (a log
is sampled from its start, the file marked truncated; a tar inside is read whole, its
members under their own limits) and up to the file's expansion budget in full mode (past
it, ``too_large``: what was inflated is still read); tar
members count against ``archive_max_members``, a member declaring more than the
expansion limit is a ``zip_bomb``, and every member is counted while it is read.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import tarfile
from collections.abc import Callable, Iterator
from typing import BinaryIO, cast

from connectors.files.extractors.base import (
    Embedded,
    ExtractContext,
    Item,
    Notice,
    Place,
    archive_limit,
    join_member,
)
from connectors.files.limits import MB, CountingReader, ExpansionBudget

GZIP_MAGIC = b"\x1f\x8b"
BZIP2_MAGIC = b"BZh"
XZ_MAGIC = b"\xfd7zXZ\x00"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_SUFFIXES = {".gz": "", ".gzip": "", ".bz2": "", ".xz": "", ".zst": "", ".tgz": ".tar",
             ".tbz2": ".tar", ".tbz": ".tar", ".txz": ".tar", ".tzst": ".tar"}  # fmt: skip


def extract_compressed(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    stream.seek(0)
    head = stream.read(6)
    stream.seek(0)
    opener = _inflater(head)
    if opener is None:
        yield Notice("unsupported", "unknown compression", ctx.place())
        return
    budget = ctx.expansion or ExpansionBudget(ctx.limits.archive_max_expanded_bytes)
    cap = budget.limit - budget.used
    if not ctx.limits.full and not _holds_tar(opener, stream):
        cap = min(cap, ctx.limits.budget_bytes)  # a log is sampled from its start
    inflated = _Capped(opener(stream), cap, budget)
    name = inflated_name(ctx.name)
    yield Embedded(name, lambda: cast(BinaryIO, inflated), None)
    if inflated.capped:
        if ctx.limits.full:
            message = f"inflates past {cap // MB} MB; only that much was read"
            yield Notice("too_large", message, Place(member=join_member(ctx.member, name)))
        else:
            ctx.report.truncated = True
            ctx.report.sampled = True


def extract_tar(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    stream.seek(0)
    budget = ctx.expansion or ExpansionBudget(ctx.limits.archive_max_expanded_bytes)
    limit = ctx.limits.archive_max_members
    count = 0
    with tarfile.open(fileobj=stream, mode="r:") as tar:
        for info in tar:
            if not info.isfile():
                continue  # folders, links, devices: nothing to read, nothing to follow
            count += 1
            if count > limit:
                yield archive_limit(ctx, f"more than {limit} members")
                return
            at = Place(member=join_member(ctx.member, info.name))
            if info.size > ctx.limits.archive_max_expanded_bytes:
                yield Notice("zip_bomb", f"member declares {info.size // MB} MB", at)
                continue
            if budget.used + info.size > budget.limit:
                yield Notice("zip_bomb", "member would exceed the archive expansion limit", at)
                continue
            yield Embedded(info.name, _member_opener(tar, info, budget), info.size)


def inflated_name(name: str) -> str:
    """``access.log.2.gz`` -> ``access.log.2``, ``backup.tgz`` -> ``backup.tar``."""
    base = name.rsplit("/", 1)[-1]
    dot = base.rfind(".")
    if dot > 0 and base[dot:].lower() in _SUFFIXES:
        return base[:dot] + _SUFFIXES[base[dot:].lower()]
    return base + ".inflated"


def _inflater(head: bytes) -> Callable[[BinaryIO], BinaryIO] | None:
    if head.startswith(GZIP_MAGIC):
        return lambda s: cast(BinaryIO, gzip.GzipFile(fileobj=s, mode="rb"))
    if head.startswith(BZIP2_MAGIC):
        return lambda s: cast(BinaryIO, bz2.BZ2File(s))
    if head.startswith(XZ_MAGIC):
        return lambda s: cast(BinaryIO, lzma.LZMAFile(s))
    if head.startswith(ZSTD_MAGIC):
        return lambda s: cast(BinaryIO, _zstd().ZstdFile(s))
    return None


def _zstd():  # type: ignore[no-untyped-def]
    """The zstd module: the standard library's from Python 3.14, its backport before."""
    try:
        from compression import zstd  # type: ignore[import-not-found]
    except ImportError:
        from backports import zstd  # type: ignore[no-redef]
    return zstd


def _holds_tar(opener: Callable[[BinaryIO], BinaryIO], stream: BinaryIO) -> bool:
    """Whether the stream inflates to a tar (its members get their own limits: a tar cut
    at the sample budget would end in a broken member)."""
    try:
        head = opener(stream).read(tarfile.BLOCKSIZE)
    except (OSError, EOFError, lzma.LZMAError):
        head = b""
    finally:
        stream.seek(0)
    return head[257:262] == b"ustar"


def _member_opener(
    tar: tarfile.TarFile, info: tarfile.TarInfo, budget: ExpansionBudget
) -> Callable[[], BinaryIO]:
    def open_member() -> BinaryIO:
        raw = tar.extractfile(info)
        if raw is None:
            return io.BytesIO(b"")
        return cast(BinaryIO, CountingReader(cast(BinaryIO, raw), info.size, budget))

    return open_member


class _Capped(io.RawIOBase):
    """An inflating stream that ends at ``cap`` bytes (``capped`` says it did), each byte
    taken from the file's expansion budget."""

    def __init__(self, raw: BinaryIO, cap: int, budget: ExpansionBudget) -> None:
        self._raw = raw
        self._left = max(cap, 0)
        self._budget = budget
        self.capped = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if self._left <= 0:
            if not self.capped and self._raw.read(1):
                self.capped = True
            return 0
        data = self._raw.read(min(len(buffer), self._left))
        n = len(data)
        self._left -= n
        self._budget.take(n)
        buffer[:n] = data
        return n

    def close(self) -> None:
        super().close()  # the underlying file is the dispatcher's; it closes it
