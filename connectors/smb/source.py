"""The SMB source: a share read over SMB 2/3 (smbprotocol), never written to.

Everything but the transport is the file-share source's: the same work units, crawler
rules (include / exclude globs, folders pruned, links skipped), limits, extractors and
incremental markers. Files are opened with read access only (``FILE_GENERIC_READ``) and
sharing for others left open, so a scan neither changes nor locks a file. Credentials come
from environment variables named in the config; the password is never pickled, logged or
put in a message.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO, NamedTuple

from connectors.base import SourceError, safe_error_message
from connectors.files.crawler import CrawlEntry, CrawlProblem, GlobSet, display_path
from connectors.files.source import FilesSource
from connectors.smb.config import SmbSourceConfig

#: bytes asked for per SMB read: few round trips for the sample windows
_BUFFER = 1024 * 1024
#: FILE_ATTRIBUTE_REPARSE_POINT: a link or junction, skipped like a local symlink
_REPARSE_POINT = 0x400
#: FILE_ATTRIBUTE_DIRECTORY
_DIRECTORY = 0x10
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_EPOCH_FILETIME = 116_444_736_000_000_000  # 1970-01-01 in 100 ns steps since 1601


class SmbStat(NamedTuple):
    """What the file-share source needs of a stat: size and mtime (in microseconds, as
    ns: the directory listing and a stat give the same value)."""

    st_size: int
    st_mtime_ns: int


def _mtime_ns(value: Any) -> int:
    """A FILETIME (int, 100 ns) or datetime as nanoseconds, cut to microseconds."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return (value - _EPOCH) // dt.timedelta(microseconds=1) * 1000
    return (int(value) - _EPOCH_FILETIME) // 10 * 1000


class SmbSource(FilesSource):
    """A ``type = "smb"`` source (see connectors.base.Source)."""

    def __init__(
        self,
        config: SmbSourceConfig,
        previous: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        super().__init__(config, previous=previous)  # type: ignore[arg-type]
        self._connection: dict[str, Any] | None = None

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_connection"] = None  # sockets and the password stay in this process
        return state

    # -- connection ---------------------------------------------------------------------

    def _kwargs(self) -> dict[str, Any]:
        """smbclient's connection arguments, the session registered on first use."""
        if self._connection is None:
            import smbclient

            cfg = self.config
            password = os.environ.get(cfg.password_env)
            if password is None:
                raise SourceError(f"{self.name}: {cfg.password_env} is not set in the environment")
            username = cfg.username
            if cfg.username_env:
                username = os.environ.get(cfg.username_env)
                if username is None:
                    raise SourceError(
                        f"{self.name}: {cfg.username_env} is not set in the environment"
                    )
            if cfg.domain and username:
                username = f"{cfg.domain}\\{username}"
            kwargs = {"port": cfg.port, "connection_cache": {}}
            try:
                smbclient.register_session(
                    cfg.server, username=username, password=password, encrypt=cfg.encrypt or None,
                    connection_timeout=cfg.connect_timeout_s, **kwargs,
                )  # fmt: skip
            except Exception as exc:  # noqa: BLE001 - any failure to log in is one line
                raise SourceError(
                    f"{self.name}: cannot log in to {self._where()}: {safe_error_message(exc)}"
                ) from None
            self._connection = kwargs
        return self._connection

    def close(self) -> None:
        if self._connection is not None:
            from smbclient import reset_connection_cache

            reset_connection_cache(connection_cache=self._connection["connection_cache"])
            self._connection = None

    def _where(self) -> str:
        cfg = self.config
        return f"\\\\{cfg.server}\\{cfg.share}" + (f"\\{cfg.root}" if cfg.root else "")

    def _unc(self, rel: str = "") -> str:
        cfg = self.config
        parts = [p for p in (cfg.root, rel) if p]
        tail = "\\".join(p.replace("/", "\\") for p in parts)
        return f"\\\\{cfg.server}\\{cfg.share}" + (f"\\{tail}" if tail else "")

    def test_connection(self) -> None:
        import smbclient

        kwargs = self._kwargs()
        try:
            if not stat.S_ISDIR(smbclient.stat(self._unc(), **kwargs).st_mode):
                raise SourceError(f"{self.name}: root is not a folder")
        except SourceError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise SourceError(
                f"{self.name}: cannot read {self._where()}: {safe_error_message(exc)}"
            ) from None
        self.check_ocr()

    # -- what FilesSource does through the file system -----------------------------------

    def _crawl(self) -> Iterator[CrawlEntry | CrawlProblem]:
        """The share's files in a stable order (depth first, names sorted), like ``crawl``."""
        import smbclient

        kwargs = self._kwargs()
        include, exclude = GlobSet(self.config.include), GlobSet(self.config.exclude)
        stack = [""]
        while stack:
            dir_rel = stack.pop()
            try:
                entries = sorted(smbclient.scandir(self._unc(dir_rel), **kwargs),
                                 key=lambda e: e.name)  # fmt: skip
            except OSError as exc:
                yield CrawlProblem(dir_rel or ".", _kind(exc), exc.strerror or type(exc).__name__)
                continue
            subdirs = []
            for entry in entries:
                rel = f"{dir_rel}/{entry.name}" if dir_rel else entry.name
                info = entry.smb_info  # from the listing itself: no request per file
                if info.file_attributes & _REPARSE_POINT:
                    continue  # a link or junction: never followed
                if info.file_attributes & _DIRECTORY:
                    if not exclude.match_dir(rel):
                        subdirs.append(rel)
                elif include.match(rel) and not exclude.match(rel):
                    display, issue = display_path(rel)
                    mtime = _mtime_ns(info.last_write_time)
                    yield CrawlEntry(rel, display, info.end_of_file, mtime, issue)
            stack.extend(reversed(subdirs))

    def absolute_path(self, entry: Mapping[str, Any]) -> str:
        return self._unc(entry["path"])

    def _raw_stat(self, full: Any) -> SmbStat:
        import smbclient

        st = smbclient.stat(full, **self._kwargs())
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "not a regular file")
        return SmbStat(st.st_size, st.st_mtime_ns // 1000 * 1000)

    def _open_path(self, full: Any) -> BinaryIO:
        import smbclient

        # read access only; others may keep reading, writing and deleting meanwhile
        return smbclient.open_file(
            full, mode="rb", buffering=_BUFFER, share_access="rwd", **self._kwargs()
        )


def _kind(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission"
    if isinstance(exc, FileNotFoundError):
        return "vanished"
    return "unreadable"
