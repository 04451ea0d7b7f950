"""削除: a reviewable deletion plan for one person, built from the strong hits.

Databases: one step per row, ``DELETE`` or ``UPDATE ... SET <personal columns> = NULL``
as the catalog asset's ``deletion`` says (default delete). Rows that reference a deleted
row through a declared foreign key are planned too (their own table's choice; a nullified
child also loses the reference), and the steps are ordered so every foreign key holds at
every step: a row's children come before it. Each database's steps run in one
transaction. Every matched row carries the digests it matched, so ``kojin subject delete``
can refuse a row that no longer holds them; a dependent row carries the reference.

Files are listed for redaction with the places inside them; Kojin does not edit files.
Weak hits (a name alone) are never planned. The plan holds primary keys and HMAC digests,
never personal values. Its digest is an HMAC under the inventory's key (an editor cannot
recompute it) and ``plan-delete`` logs it, so ``kojin subject delete`` runs only a plan
this inventory made, unchanged. Each step says how many rows it changes; the execution
re-derives every dependent step from the declared foreign keys (see ``delete.py``).
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from scanner.catalog.verdicts import Judge
from scanner.subject.identifiers import KIND_ENTITY
from scanner.subject.places import TablePlace, personal_places
from scanner.subject.reader import (
    forget_reflections,
    key_value,
    reflect_place,
    row_key,
    sql_schema,
)
from scanner.subject.search import SearchResult, SubjectHit

if TYPE_CHECKING:
    from scanner.config import KojinConfig
    from scanner.fingerprint import Fingerprinter
    from scanner.inventory.store import Inventory

PLAN_KIND = "kojin-deletion-plan"
PLAN_VERSION = 2
#: what the plan's HMAC digest is prefixed with, so no other keyed digest can pass for it
PLAN_DIGEST_LABEL = "kojin-deletion-plan-digest\n"


class PlanError(Exception):
    """The plan cannot be made or used as it is; the message says why, without values."""


@dataclass
class _Step:
    schema: str
    table: str
    action: str  # "delete" | "nullify"
    key: dict[str, Any]  # primary key, or the reference predicate of a keyless child
    by: str  # "primary_key" | "reference"
    columns: list[str] = field(default_factory=list)  # set to NULL (nullify)
    why: str = ""
    recheck: dict[str, Any] = field(default_factory=dict)
    before: set[int] = field(default_factory=set)  # steps that must run after this one
    rows: int = 1  # rows the statement changes (a reference step: as many as refer now)

    @property
    def ident(self) -> str:
        return json.dumps([self.schema, self.table, self.by, self.key], sort_keys=True, default=str)


def plan_digest(plan: Mapping[str, Any], fingerprinter: Fingerprinter) -> str:
    """HMAC of everything in the plan but the digest itself, under the inventory's key."""
    body = {k: v for k, v in plan.items() if k != "digest"}
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, default=str)
    return fingerprinter.digest(PLAN_DIGEST_LABEL + text)


def build_plan(
    config: KojinConfig,
    inventory: Inventory,
    result: SearchResult,
    probes: Mapping[str, str],
    fingerprinter: Fingerprinter,
    config_path: str | None = None,
) -> dict[str, Any]:
    """The deletion plan for ``result``'s strong hits, as the JSON document to review."""
    from connectors.registry import create_source
    from scanner.subject.index import place_kind

    run = inventory.resolve_run(None)
    findings = inventory.findings(run)
    places = {(p.source, place_kind(p), p.key): p for p in personal_places(findings)}
    judge = Judge(config.catalog)
    configs = {s.name: s for s in config.sources}
    databases: list[dict[str, Any]] = []
    files: list[dict[str, Any]] = []
    unplanned: list[dict[str, Any]] = []
    by_source: dict[str, list[SubjectHit]] = {}
    for hit in result.strong:
        if hit.kind == "file":
            files.append(_file_entry(hit))
        elif not hit.record.get("row"):
            reason = "no usable primary key (none, or a personal value): delete by hand"
            unplanned.append({"source": hit.source, "location": hit.location(), "reason": reason})
        else:
            by_source.setdefault(hit.source, []).append(hit)
    for source_name, hits in sorted(by_source.items()):
        if source_name not in configs:
            raise PlanError(f"{source_name}: not a source of this config")
        source = create_source(configs[source_name])
        try:
            databases.append(_database_plan(source, hits, places, judge, probes, findings))
        except PlanError:
            raise
        except Exception as exc:  # noqa: BLE001 - unreachable, no rights, ...: one line
            raise PlanError(f"{source_name}: {source_error_text(source, exc)}") from None
        finally:
            source.close()
    plan: dict[str, Any] = {
        "kind": PLAN_KIND,
        "format_version": PLAN_VERSION,
        "subject": result.subject,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "config": config_path,
        "run": run.pk,
        "key_check": fingerprinter.key_check(),
        "databases": databases,
        "files": files,
        "not_planned": {"weak_hits": len(result.weak), "rows": unplanned},
    }
    plan["digest"] = plan_digest(plan, fingerprinter)
    return plan


def source_error_text(source: Any, exc: BaseException) -> str:
    """A database error as it may be shown (no row data, no password)."""
    from connectors.base import SourceError

    return str(exc) if isinstance(exc, SourceError) else source.safe_message(exc)


def _file_entry(hit: SubjectHit) -> dict[str, Any]:
    return {
        "source": hit.source,
        "action": "redact",
        "location": hit.location(),
        "matched": list(hit.matched),
    }


def _database_plan(
    source: Any,
    hits: Sequence[SubjectHit],
    places: Mapping[tuple[str, str, str], Any],
    judge: Judge,
    probes: Mapping[str, str],
    findings: Sequence[Any],
) -> dict[str, Any]:
    warnings: list[str] = []
    blocked: list[str] = []
    with source.connect() as conn:
        forget_reflections(conn)
        graph = ForeignKeys(conn, {h.place_key.partition(".")[0] for h in hits})
        steps: list[_Step] = []
        index: dict[str, int] = {}

        def add(step: _Step) -> int:
            if step.ident in index:
                return index[step.ident]
            index[step.ident] = len(steps)
            steps.append(step)
            return index[step.ident]

        queue: deque[int] = deque()
        for hit in hits:
            step = _matched_step(conn, hit, places, judge, probes, warnings, blocked)
            if step is None:
                continue  # nothing to blank (warned)
            i = add(step)
            if step.action == "delete":
                queue.append(i)
        while queue:  # rows referencing a deleted row: planned before it
            parent = steps[queue.popleft()]
            for child in _children(
                conn, graph, parent, judge, source.name, places, warnings, blocked
            ):
                known = child.ident in index
                i = add(child)
                if known and steps[i].action == "nullify":  # a matched row: drop the link too
                    steps[i].columns += [c for c in child.columns if c not in steps[i].columns]
                steps[i].before.add(index[parent.ident])
                if not known and child.action == "delete" and child.by == "primary_key":
                    queue.append(i)
        _unenforced_links(findings, source.name, steps, warnings)
        ordered = _order(steps, warnings)
        out_steps = [_step_json(conn, n, step) for n, step in enumerate(ordered, start=1)]
        dialect = conn.dialect.name
    return {
        "source": source.name,
        "dialect": dialect,
        "transaction": "one transaction: every step or none",
        "steps": out_steps,
        "warnings": list(dict.fromkeys(warnings)),
        "blocked": list(dict.fromkeys(blocked)),
    }


def _matched_step(
    conn: Any,
    hit: SubjectHit,
    places: Mapping[tuple[str, str, str], Any],
    judge: Judge,
    probes: Mapping[str, str],
    warnings: list[str],
    blocked: list[str],
) -> _Step | None:
    """The step for a row the subject matched: delete it, or blank its personal columns
    (None when there is nothing to blank)."""
    place = places.get((hit.source, "table", hit.place_key))
    schema, _, table = hit.place_key.partition(".")
    action = _deletion(judge, hit.source, schema, table)
    recheck = {
        "matched": {k: probes[k] for k in hit.matched},
        "entities": {k: KIND_ENTITY[k] for k in hit.matched},
    }
    step = _Step(
        schema,
        table,
        action,
        dict(hit.record["row"]),
        "primary_key",
        why="matched " + ", ".join(hit.matched),
        recheck=recheck,
    )
    if action == "nullify":
        step.columns = _nullable(conn, place, schema, table, warnings, blocked)
        if not step.columns:
            return None
    return step


def _step_json(conn: Any, n: int, step: _Step) -> dict[str, Any]:
    """A planned step as the plan file keeps it, with the SQL it will run."""
    statement = statement_for(conn, step.schema, step.table, step.action, step.key, step.columns)
    return {
        "step": n,
        "schema": step.schema,
        "table": step.table,
        "action": step.action,
        "by": step.by,
        "key": step.key,
        "columns": step.columns,
        "why": step.why,
        "recheck": step.recheck,
        "rows": step.rows,
        "sql": render(conn, statement),
    }


def _deletion(judge: Judge, source: str, schema: str, table: str) -> str:
    asset = judge.asset_of(source, {"schema": schema, "table": table})
    return asset.deletion if asset is not None else "delete"


def _nullable(
    conn: sa.Connection,
    place: TablePlace | None,
    schema: str,
    table: str,
    warnings: list[str],
    blocked: list[str],
    extra: Sequence[str] = (),
) -> list[str]:
    """The personal columns (and ``extra`` ones) that can be set to NULL."""
    info = reflect_place(conn, schema, table)
    by_name = {c.name: c for c in info.columns}
    wanted = list(dict.fromkeys([*(place.columns if place else ()), *extra]))
    out = []
    for name in wanted:
        column = by_name.get(name)
        if column is None or name in info.primary_key:
            continue
        if not column.nullable:
            message = f"{schema}.{table}.{name} is NOT NULL: cannot be nullified"
            (blocked if name in extra else warnings).append(message)
            continue
        out.append(name)
    if not out and not extra:
        warnings.append(f"{schema}.{table}: nothing to nullify (no nullable personal column)")
    return out


@dataclass(frozen=True)
class ForeignKeyLink:
    schema: str
    table: str
    columns: tuple[str, ...]  # in the child
    referred_columns: tuple[str, ...]  # in the parent


class ForeignKeys:
    """Declared foreign keys of the tables in ``schemas``, by the table they point at.

    Only the schemas of the matched rows are read (a key from another schema into them
    is not followed: such a plan fails its foreign keys on execution and rolls back).
    """

    def __init__(self, conn: sa.Connection, schemas: set[str]) -> None:
        self.conn = conn
        self.schemas = schemas
        self._by_parent: dict[tuple[str, str], list[ForeignKeyLink]] | None = None

    def referencing(self, schema: str, table: str) -> list[ForeignKeyLink]:
        if self._by_parent is None:
            self._by_parent = self._load()
        return self._by_parent.get((schema, table), [])

    def _load(self) -> dict[tuple[str, str], list[ForeignKeyLink]]:
        inspector = sa.inspect(self.conn)
        default = inspector.default_schema_name or "main"
        out: dict[tuple[str, str], list[ForeignKeyLink]] = {}
        for schema in sorted(self.schemas):
            sql = None if schema == default else schema
            for table in inspector.get_table_names(schema=sql):
                for fk in inspector.get_foreign_keys(table, schema=sql):
                    if not fk.get("referred_table"):
                        continue
                    parent = (fk.get("referred_schema") or schema, fk["referred_table"])
                    out.setdefault(parent, []).append(
                        ForeignKeyLink(
                            schema,
                            table,
                            tuple(fk["constrained_columns"]),
                            tuple(fk["referred_columns"]),
                        )
                    )
        return out


def _children(
    conn: sa.Connection,
    graph: ForeignKeys,
    parent: _Step,
    judge: Judge,
    source: str,
    places: Mapping[tuple[str, str, str], Any],
    warnings: list[str],
    blocked: list[str],
) -> list[_Step]:
    """Steps for the rows that reference ``parent``'s row."""
    links = graph.referencing(parent.schema, parent.table)
    if not links:
        return []
    parent_clause = reflect_place(conn, parent.schema, parent.table).clause()
    out: list[_Step] = []
    for link in links:
        reference = reference_of(conn, parent_clause, parent.key, link)
        if reference is None:
            continue
        info = reflect_place(conn, link.schema, link.table)
        place = places.get((source, "table", f"{link.schema}.{link.table}"))
        pk = row_key(info, place.columns if place else ())
        clause = info.clause(tuple(dict.fromkeys((*pk, *link.columns))))
        referencing = sa.and_(*(clause.c[c] == v for c, v in reference.items()))
        shown = [clause.c[c] for c in (pk or link.columns)]
        rows = conn.execute(sa.select(*shown).where(referencing)).all()
        if not rows:
            continue
        action = _deletion(judge, source, link.schema, link.table)
        why = (
            f"references {parent.schema}.{parent.table} "
            + ", ".join(f"{k}={v}" for k, v in parent.key.items())
            + f" through {', '.join(link.columns)}"
        )
        columns: list[str] = []
        if action == "nullify":
            columns = _nullable(
                conn, place, link.schema, link.table, warnings, blocked, extra=link.columns
            )
            if not columns:
                continue  # the reference cannot be cleared: the plan is blocked
        if not pk:  # rows without a usable key: by the reference itself
            step = _Step(link.schema, link.table, action, reference, "reference", columns, why)
            step.rows = len(rows)
            out.append(step)
            continue
        recheck = {"references": reference}
        for row in rows:
            key = {c: key_value(v) for c, v in zip(pk, row, strict=True)}
            out.append(
                _Step(link.schema, link.table, action, key, "primary_key", columns, why, recheck)
            )
    return out


def reference_of(
    conn: sa.Connection, parent: sa.TableClause, key: Mapping[str, Any], link: ForeignKeyLink
) -> dict[str, Any] | None:
    """The child's reference columns and the values that point at the parent row ``key``
    (usually its primary key, already known); None when that row is gone."""
    if set(link.referred_columns) <= set(key):
        referred = [key[c] for c in link.referred_columns]
    else:
        row = conn.execute(
            sa.select(*(parent.c[c] for c in link.referred_columns)).where(
                sa.and_(*(parent.c[k] == v for k, v in key.items()))
            )
        ).first()
        if row is None:
            return None
        referred = [key_value(v) for v in row]
    return dict(zip(link.columns, referred, strict=True))


def _unenforced_links(
    findings: Sequence[Any], source: str, steps: Sequence[_Step], warnings: list[str]
) -> None:
    """Tables the scan linked to a deleted table by a column name only (no declared key)."""
    deleted = {f"{s.schema}.{s.table}" for s in steps if s.action == "delete"}
    for f in findings:
        if f.source != source or not f.is_cross_reference:
            continue
        linked, links = f.linked_table
        if linked in deleted and "naming_convention" in links:
            warnings.append(
                f"{f.location.get('schema')}.{f.location.get('table')}.{f.location.get('column')}"
                f" may point at deleted rows of {linked} (no declared foreign key): "
                "review by hand"
            )


def _order(steps: list[_Step], warnings: list[str]) -> list[_Step]:
    """Children before parents (Kahn's algorithm); a cycle keeps its plan order, warned."""
    waiting = {i: 0 for i in range(len(steps))}
    for step in steps:
        for parent in step.before:
            waiting[parent] += 1
    ready = deque(i for i in range(len(steps)) if waiting[i] == 0)
    out: list[int] = []
    while ready:
        i = ready.popleft()
        out.append(i)
        for parent in sorted(steps[i].before):
            waiting[parent] -= 1
            if waiting[parent] == 0:
                ready.append(parent)
    if len(out) < len(steps):
        warnings.append("the foreign keys form a cycle: check the order of the steps")
        out += [i for i in range(len(steps)) if i not in out]
    return [steps[i] for i in out]


def statement_for(
    conn: sa.Connection,
    schema: str,
    table: str,
    action: str,
    key: Mapping[str, Any],
    columns: Sequence[str],
) -> sa.Executable:
    """The step's statement from SQLAlchemy constructs and bound parameters only; a step
    without a key would change every row of its table, so it is refused."""
    if not key:
        raise PlanError(f"{schema}.{table}: a step without a key is refused")
    clause = sa.table(
        table,
        *(sa.column(c) for c in dict.fromkeys([*key, *columns])),
        schema=sql_schema(conn, schema),
    )
    where = sa.and_(*(clause.c[c] == v for c, v in key.items()))
    if action == "delete":
        return sa.delete(clause).where(where)
    if action == "nullify":
        return sa.update(clause).where(where).values({c: None for c in columns})
    raise PlanError(f"unknown action {action!r}")


def render(conn: sa.Connection, statement: sa.Executable) -> str:
    """The statement as a reviewer reads it (key values inlined; executed with binds)."""
    compiled = statement.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
    return " ".join(str(compiled).split())


def load_plan(text: str, origin: str, fingerprinter: Fingerprinter) -> dict[str, Any]:
    """A plan file, checked: its kind and version, its key, and that nobody edited it."""
    try:
        plan = json.loads(text)
    except json.JSONDecodeError:
        raise PlanError(f"{origin}: not a JSON plan") from None
    if not isinstance(plan, dict) or plan.get("kind") != PLAN_KIND:
        raise PlanError(f"{origin}: not a Kojin deletion plan")
    if plan.get("format_version") != PLAN_VERSION:
        raise PlanError(f"{origin}: plan format {plan.get('format_version')} is not supported")
    if plan.get("key_check") != fingerprinter.key_check():
        raise PlanError(f"{origin}: the plan was made with another HMAC key: make a new plan")
    digest = plan.get("digest")
    if not isinstance(digest, str) or not hmac.compare_digest(
        digest, plan_digest(plan, fingerprinter)
    ):
        raise PlanError(
            f"{origin}: the plan was changed after it was made; make a new one with "
            "`kojin subject plan-delete`"
        )
    return plan


def check_logged(plan: Mapping[str, Any], logged: Sequence[Mapping[str, Any]]) -> None:
    """Refuse a plan whose digest is not among the ``plan_delete`` log details ``logged``
    (a plan made elsewhere, or by hand with the key)."""
    if not any(hmac.compare_digest(str(d.get("digest", "")), plan["digest"]) for d in logged):
        raise PlanError(
            "the plan is not one `kojin subject plan-delete` logged in this inventory: "
            "make a new plan"
        )
