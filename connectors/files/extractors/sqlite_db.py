"""SQLite database files found on a share (application data, exports, browser profiles):
each table is read like a sheet with a header row and classified column by column.

The file is copied to a temporary file (a member or an SMB file has no path) and opened
read-only and immutable, so nothing is written and no journal is looked for. In sample
mode each table gives a uniform sample of ``table_sample_rows`` rows (at most
``table_sample_rows × sample_windows`` rows read); in full mode every row, in blocks.
Tables count against ``archive_max_members``.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from connectors.files.extractors.base import (
    ExtractContext,
    Item,
    TextChunk,
    archive_limit,
    cell_text,
)
from connectors.files.extractors.table import sample_rows, table_blocks


def extract(stream: BinaryIO, ctx: ExtractContext) -> Iterator[Item]:
    with tempfile.TemporaryDirectory(prefix="kojin-sqlite-") as folder:
        copy = Path(folder) / "db.sqlite3"
        stream.seek(0)
        with copy.open("wb") as out:
            shutil.copyfileobj(stream, out, 1024 * 1024)
        uri = f"{copy.as_uri()}?mode=ro&immutable=1"
        conn = sqlite3.connect(uri, uri=True)
        try:
            yield from _tables(conn, ctx)
        finally:
            conn.close()


def _tables(conn: sqlite3.Connection, ctx: ExtractContext) -> Iterator[Item]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    limit = ctx.limits.archive_max_members
    if len(names) > limit:
        yield archive_limit(ctx, f"{len(names)} tables")
        names = names[:limit]
    for name in names:
        quoted = '"' + name.replace('"', '""') + '"'
        header = tuple(str(r[1]) for r in conn.execute(f"PRAGMA table_info({quoted})"))
        if not header:
            continue
        yield TextChunk("\t".join(header), ctx.place(sheet=name), ("header",))
        rows: Iterator = (
            tuple(cell_text(v) if not isinstance(v, bytes) else None for v in row)
            for row in conn.execute(f"SELECT * FROM {quoted}")  # noqa: S608 - a name, quoted
        )
        if not ctx.limits.full:
            cap = ctx.limits.table_sample_rows * max(ctx.limits.windows, 1)
            bounded = (row for i, row in zip(range(cap), rows, strict=False))
            rows = iter(sample_rows(bounded, ctx.limits.table_sample_rows))
        yield from table_blocks(name, header, rows, ctx)
