"""Include / exclude glob patterns for schemas, tables and columns.

A table pattern matches the bare name or ``schema.table``; a column pattern matches the
bare name, ``table.column`` or ``schema.table.column``. Matching ignores case, because
MariaDB and PostgreSQL fold identifiers differently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase


def _matches(patterns: Sequence[str], names: Sequence[str]) -> bool:
    return any(fnmatchcase(n.lower(), p.lower()) for p in patterns for n in names)


def _wanted(include: Sequence[str], exclude: Sequence[str], names: Sequence[str]) -> bool:
    if include and not _matches(include, names):
        return False
    return not _matches(exclude, names)


@dataclass(frozen=True)
class NameFilter:
    include_schemas: tuple[str, ...] = ()
    exclude_schemas: tuple[str, ...] = ()
    include_tables: tuple[str, ...] = ()
    exclude_tables: tuple[str, ...] = ()
    include_columns: tuple[str, ...] = ()
    exclude_columns: tuple[str, ...] = ()

    def schema(self, schema: str) -> bool:
        return _wanted(self.include_schemas, self.exclude_schemas, (schema,))

    def table(self, schema: str, table: str) -> bool:
        return _wanted(self.include_tables, self.exclude_tables, (table, f"{schema}.{table}"))

    def column(self, schema: str, table: str, column: str) -> bool:
        names = (column, f"{table}.{column}", f"{schema}.{table}.{column}")
        return _wanted(self.include_columns, self.exclude_columns, names)
