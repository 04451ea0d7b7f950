"""RAR, LZH (LHA), CAB and ISO images through libarchive (the libarchive-c binding).

Japanese shares keep old ``.lzh`` archives from Lhaplus and LHA, ``.rar`` from WinRAR,
Windows ``.cab`` files and CD images; libarchive (Debian's ``libarchive13``, which most
systems have) reads them all. Entries are read in order, each into a spooled temporary
file and handed to the dispatcher like a ZIP member, under the same limits: member count,
the file's expansion budget (counted while inflating) and nesting depth. Encrypted
entries are reported ``encrypted``; links, devices and folders are not followed. Names
written in cp932 without a flag (LHA, old RAR) are decoded as cp932. Without libarchive
these files are reported ``unsupported`` with the package to install.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Iterator
from ctypes import c_char_p, c_int, c_void_p, cast, create_string_buffer
from typing import Any, BinaryIO

from connectors.files.extractors.base import (
    Embedded,
    ExtractContext,
    Item,
    Notice,
    Place,
    archive_limit,
    join_member,
    read_in_memory,
    spool_opener,
)
from connectors.files.limits import SPOOL_BYTES, ExpansionBudget, LimitError


def extract(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    try:
        import libarchive
    except (ImportError, OSError):  # the binding loads libarchive.so when imported
        message = "reading RAR/LZH/CAB/ISO needs libarchive (apt-get install libarchive13)"
        yield Notice("unsupported", message, ctx.place())
        return
    with _reader(stream, ctx) as archive:
        if isinstance(archive, Notice):
            yield archive
            return
        yield from _entries(archive, ctx, libarchive.ArchiveError)


@contextlib.contextmanager
def _reader(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Any]:
    """libarchive reading the stream: through its file descriptor when it has one (a file
    on disk, a spooled member), else from memory; LHA names read as cp932 (libarchive-c
    has no call for read options, so the archive is opened here with its ffi)."""
    from libarchive import ffi
    from libarchive.read import ArchiveRead, new_archive_read

    if not hasattr(ffi, "read_set_options"):
        ffi.ffi("read_set_options", [ffi.c_archive_p, c_char_p], c_int, ffi.check_int)
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, io.UnsupportedOperation):
        fd = None
    data = None
    if fd is None:
        data = read_in_memory(stream, ctx, "archive")
        if isinstance(data, Notice):
            yield data
            return
    with new_archive_read("all", "all") as archive_p:
        ffi.read_set_options(archive_p, b"lha:hdrcharset=CP932")
        if fd is not None:
            stream.seek(0)
            os.lseek(fd, 0, os.SEEK_SET)
            ffi.read_open_fd(archive_p, fd, 64 * 1024)
        else:
            buffer = create_string_buffer(data, len(data))
            ffi.read_open_memory(archive_p, cast(buffer, c_void_p), len(data))
        yield ArchiveRead(archive_p, "utf-8")


def _entries(archive: Any, ctx: ExtractContext, archive_error: type) -> Iterator[Item]:
    budget = ctx.expansion or ExpansionBudget(ctx.limits.archive_max_expanded_bytes)
    limit = ctx.limits.archive_max_members
    count = 0
    for entry in archive:
        if not entry.isfile:
            continue  # folders, links, devices: nothing to read, nothing to follow
        count += 1
        if count > limit:
            yield archive_limit(ctx, f"more than {limit} members")
            return
        name = _name(entry.pathname)
        at = Place(member=join_member(ctx.member, name))
        declared = entry.size or 0
        if budget.used + declared > budget.limit:
            yield Notice("zip_bomb", "member would exceed the archive expansion limit", at)
            continue
        spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)
        try:
            try:
                for block in entry.get_blocks():
                    budget.take(len(block))
                    spool.write(block)
            except LimitError as exc:
                yield Notice(exc.kind, str(exc), at)
                return
            except archive_error as exc:
                if "encrypt" in str(exc).lower() or "passphrase" in str(exc).lower():
                    yield Notice("encrypted", "password-protected member", at)
                    continue
                raise
            yield Embedded(name, spool_opener(spool), spool.tell())
        finally:
            spool.close()


def _name(pathname: str | bytes | None) -> str:
    if isinstance(pathname, bytes):
        return pathname.decode("cp932", errors="replace")
    return pathname or "member"
