"""What the database says about itself: schemas, tables, views, columns, keys, comments.

Listing is cheap (names only) and happens when work units are planned; a table's full
description is read by the unit that scans it, so one odd table cannot stop the listing.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import types as satypes

from connectors.database.filters import NameFilter

#: schemas that belong to the database system, never to the application
_SYSTEM_SCHEMAS = {
    "postgresql": {"information_schema", "pg_catalog"},
    "mysql": {"information_schema", "mysql", "performance_schema", "sys"},
    "mariadb": {"information_schema", "mysql", "performance_schema", "sys"},
}


@dataclass(frozen=True)
class TableRef:
    schema: str
    name: str
    kind: str  # "table" or "view"
    #: the schema to name in SQL (None: the connection's default schema)
    sql_schema: str | None = None

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.name}"


@dataclass(frozen=True)
class ColumnInfo:
    name: str
    type_name: str
    #: "text", "json", "number", "temporal", "binary", "boolean", "float", "other"
    category: str
    nullable: bool = True
    comment: str | None = None
    is_primary_key: bool = False
    foreign_key: str | None = None  # "table.column"
    max_length: int | None = None


@dataclass(frozen=True)
class ForeignKeyInfo:
    columns: tuple[str, ...]
    referred_schema: str
    referred_table: str
    referred_columns: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "columns": list(self.columns),
            "referred_schema": self.referred_schema,
            "referred_table": self.referred_table,
            "referred_columns": list(self.referred_columns),
        }


@dataclass(frozen=True)
class TableInfo:
    ref: TableRef
    columns: tuple[ColumnInfo, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKeyInfo, ...] = ()
    comment: str | None = None

    def clause(self, columns: tuple[str, ...] | None = None) -> sa.TableClause:
        """A lightweight table construct for SELECTs (identifiers quoted by SQLAlchemy)."""
        names = columns if columns is not None else tuple(c.name for c in self.columns)
        return sa.table(self.ref.name, *(sa.column(n) for n in names), schema=self.ref.sql_schema)


def list_tables(conn: sa.Connection, names: NameFilter, include_views: bool) -> list[TableRef]:
    """Every table (and view) the filters let through, sorted."""
    inspector = sa.inspect(conn)
    dialect = conn.dialect.name
    default = inspector.default_schema_name or "main"
    schemas = _schemas(conn, inspector, dialect, default, names)
    out: list[TableRef] = []
    for schema in schemas:
        sql_schema = None if schema == default else schema
        kinds = [("table", inspector.get_table_names(schema=sql_schema))]
        if include_views:
            kinds.append(("view", inspector.get_view_names(schema=sql_schema)))
            kinds.append(("view", _materialized_views(inspector, sql_schema)))
        for kind, tables in kinds:
            for table in tables:
                if names.table(schema, table):
                    out.append(TableRef(schema, table, kind, sql_schema))
    return sorted(out, key=lambda r: (r.schema, r.name))


def _materialized_views(inspector: sa.Inspector, schema: str | None) -> list[str]:
    """PostgreSQL's materialized views hold copies of rows: scanned like views."""
    try:
        return list(inspector.get_materialized_view_names(schema=schema))
    except NotImplementedError:
        return []


def _schemas(
    conn: sa.Connection, inspector: sa.Inspector, dialect: str, default: str, names: NameFilter
) -> list[str]:
    system = _SYSTEM_SCHEMAS.get(dialect, set())
    available = [s for s in inspector.get_schema_names() if s not in system]
    available = [s for s in available if not s.startswith(("pg_toast", "pg_temp"))]
    if dialect == "sqlite":
        available = [s for s in available if s != "temp"]
    if not names.include_schemas and dialect in ("mysql", "mariadb") and conn.engine.url.database:
        available = [default]  # the URL names one database: scan that one unless told more
    return [s for s in available if names.schema(s)]


def _category(type_: satypes.TypeEngine) -> str:
    if isinstance(type_, satypes.Boolean):
        return "boolean"
    if isinstance(type_, satypes.LargeBinary | satypes.BINARY | satypes.VARBINARY):
        return "binary"
    if isinstance(type_, satypes.Float):
        return "float"
    if isinstance(type_, satypes.Integer | satypes.Numeric):
        return "number"
    if isinstance(type_, satypes.Date | satypes.DateTime | satypes.Time | satypes.Interval):
        return "temporal"
    if isinstance(type_, satypes.JSON):
        return "json"
    if isinstance(type_, satypes.String | satypes.Enum):
        return "text"
    return "other"


def _type_name(type_: satypes.TypeEngine, dialect: sa.Dialect) -> str:
    try:
        return type_.compile(dialect=dialect)
    except Exception:  # an exotic reflected type may not compile back
        return type(type_).__name__


def reflect_table(conn: sa.Connection, ref: TableRef) -> TableInfo:
    with warnings.catch_warnings():
        # "Did not recognize type 'point'": such columns are read as text anyway
        warnings.simplefilter("ignore", sa.exc.SAWarning)
        return _reflect_table(conn, ref)


def _unescaped(conn: sa.Connection) -> Callable[[str], str]:
    """SQLAlchemy's MySQL reflection reads SHOW CREATE TABLE and leaves a backtick in a
    name doubled (```we``ird` ``), so the column would be quoted twice and not found."""
    if conn.dialect.name in ("mysql", "mariadb"):
        return lambda name: name.replace("``", "`")
    return lambda name: name


def _reflect_table(conn: sa.Connection, ref: TableRef) -> TableInfo:
    inspector = sa.inspect(conn)
    fix = _unescaped(conn)
    schema = ref.sql_schema
    pk: tuple[str, ...] = ()
    fks: list[ForeignKeyInfo] = []
    if ref.kind == "table":
        pk = tuple(
            fix(c)
            for c in inspector.get_pk_constraint(ref.name, schema=schema).get(
                "constrained_columns"
            )
            or ()
        )
        for fk in inspector.get_foreign_keys(ref.name, schema=schema):
            if not fk.get("referred_table"):
                continue
            fks.append(
                ForeignKeyInfo(
                    columns=tuple(fix(c) for c in fk["constrained_columns"]),
                    referred_schema=fk.get("referred_schema") or ref.schema,
                    referred_table=fk["referred_table"],
                    referred_columns=tuple(fk["referred_columns"]),
                )
            )
    single_fk = {fk.columns[0]: fk for fk in fks if len(fk.columns) == 1}
    columns = []
    for col in inspector.get_columns(ref.name, schema=schema):
        col = {**col, "name": fix(col["name"])}
        type_ = col["type"]
        fk = single_fk.get(col["name"])
        columns.append(
            ColumnInfo(
                name=col["name"],
                type_name=_type_name(type_, conn.dialect),
                category=_category(type_),
                nullable=bool(col.get("nullable", True)),
                comment=col.get("comment") or None,
                is_primary_key=col["name"] in pk,
                foreign_key=f"{fk.referred_table}.{fk.referred_columns[0]}" if fk else None,
                max_length=getattr(type_, "length", None),
            )
        )
    try:
        comment = inspector.get_table_comment(ref.name, schema=schema).get("text")
    except NotImplementedError:
        comment = None
    return TableInfo(ref, tuple(columns), pk, tuple(fks), comment or None)
