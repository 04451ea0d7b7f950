"""削除: plans ordered by foreign keys, dry runs, confirmation, execution and re-checks,
on SQLite always and on the real PostgreSQL and MariaDB servers (marked)."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from scanner.cli import main
from scanner.inventory.subjects import SubjectIndex


def _subject(workspace):
    """The first person with orders (and items) and an inquiry: the richest plan."""
    engine = sa.create_engine(workspace.db_url, poolclass=sa.pool.NullPool)
    t = workspace.corpus.tables
    schema = f'"{workspace.schema}".' if workspace.db_url.startswith("postgresql") else ""
    try:
        with engine.connect() as conn:
            pid = (
                conn.execute(
                    sa.text(
                        f"SELECT c.id FROM {schema}{t['customers']} c "
                        f"JOIN {schema}{t['orders']} o ON o.customer_id = c.id "
                        f"JOIN {schema}{t['inquiries']} i ON i.customer_id = c.id ORDER BY c.id"
                    )
                )
                .scalars()
                .first()
            )
    finally:
        engine.dispose()
    return next(p for p in workspace.corpus.people if p.pid == pid)


def _counts(workspace) -> dict[str, int]:
    engine = sa.create_engine(workspace.db_url, poolclass=sa.pool.NullPool)
    schema = workspace.schema if not workspace.db_url.startswith("sqlite") else None
    try:
        with engine.connect() as conn:
            return {
                role: conn.execute(
                    sa.select(sa.func.count()).select_from(sa.table(name, schema=schema))
                ).scalar_one()
                for role, name in workspace.corpus.tables.items()
            }
    finally:
        engine.dispose()


def _cli(capsys, *args: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str]:
    if stdin is not None:
        import io

        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _execute_plan(capsys, workspace, path):
    """`kojin subject delete --plan PATH --execute`, confirmed as a person would."""
    config = ("--config", str(workspace.config_path))
    return _cli(capsys, "subject", "delete", "--plan", path, *config, "--execute", "--yes",
                "--confirm", "DELETE")  # fmt: skip


def _plan(workspace, capsys, person) -> tuple[dict, str]:
    path = workspace.folder / "plan.json"
    code, out = _cli(
        capsys,
        "subject",
        "plan-delete",
        "--config",
        str(workspace.config_path),
        "--email",
        person.email.upper(),
        "--out",
        str(path),
    )
    assert code == 0, out
    return json.loads(path.read_text(encoding="utf-8")), str(path)


def _check_plan(workspace, plan: dict, person) -> None:
    t = workspace.corpus.tables
    [database] = plan["databases"]
    steps = database["steps"]
    assert database["blocked"] == [] and database["transaction"].startswith("one transaction")
    position = {(s["table"], json.dumps(s["key"], sort_keys=True)): s["step"] for s in steps}
    customer = position[(t["customers"], json.dumps({"id": person.pid}))]
    assert customer == len(steps)  # the person's own row goes last
    orders = [s for s in steps if s["table"] == t["orders"]]
    items = [s for s in steps if s["table"] == t["order_items"]]
    inquiries = [s for s in steps if s["table"] == t["inquiries"]]
    assert orders and items and inquiries
    assert {s["action"] for s in orders + items} == {"delete"}
    for item in items:  # an item before the order it belongs to
        order = next(
            s for s in orders if s["key"]["id"] == item["recheck"]["references"]["order_id"]
        )
        assert item["step"] < order["step"]
    for inquiry in inquiries:  # the catalog says nullify; the link to the customer goes too
        assert inquiry["action"] == "nullify" and inquiry["step"] < customer
        assert {"name", "email", "message", "customer_id"} <= set(inquiry["columns"])
        assert inquiry["sql"].startswith("UPDATE") and "NULL" in inquiry["sql"]
        assert set(inquiry["recheck"]["matched"]) == {"email"}
    assert orders[0]["sql"].startswith("DELETE FROM")
    redact = {f["location"]["path"] for f in plan["files"]}
    assert redact <= {"会員名簿.csv", "名簿.xlsx", "対応記録.txt"}
    text = json.dumps(plan, ensure_ascii=False)
    for value in (person.email, person.phone, person.last + person.first, person.my_number):
        assert value not in text and value.upper() not in text


def _delete_flow(workspace, capsys, monkeypatch) -> None:
    person = _subject(workspace)
    plan, path = _plan(workspace, capsys, person)
    _check_plan(workspace, plan, person)
    prefix = plan["subject"][:12]
    config = ("--config", str(workspace.config_path))
    before = _counts(workspace)

    code, out = _cli(capsys, "subject", "delete", "--plan", path, *config)
    assert code == 0 and "dry run: nothing changed" in out and _counts(workspace) == before
    code, out = _cli(capsys, "subject", "delete", "--plan", path, *config, "--execute", "--yes")
    assert code == 2 and f"--yes needs --confirm {prefix}" in out
    code, out = _cli(
        capsys,
        "subject",
        "delete",
        "--plan",
        path,
        *config,
        "--execute",
        "--yes",
        "--confirm",
        "0123456789ab",
    )
    assert code == 1 and "not confirmed" in out
    code, out = _cli(
        capsys,
        "subject",
        "delete",
        "--plan",
        path,
        *config,
        "--execute",
        stdin="no\n",
        monkeypatch=monkeypatch,
    )
    assert code == 1 and "not confirmed" in out and _counts(workspace) == before

    code, out = _cli(
        capsys,
        "subject",
        "delete",
        "--plan",
        path,
        *config,
        "--execute",
        stdin=f"{prefix}\n",
        monkeypatch=monkeypatch,
    )
    assert code == 0, out
    steps = plan["databases"][0]["steps"]
    after = _counts(workspace)
    t = workspace.corpus.tables
    for role in ("customers", "orders", "order_items"):
        gone = sum(1 for s in steps if s["table"] == t[role] and s["action"] == "delete")
        assert after[role] == before[role] - gone > 0
    assert after["inquiries"] == before["inquiries"]  # nullified, kept
    with workspace.inventory() as inventory:
        actions = [
            (e.action, e.outcome) for e in SubjectIndex(inventory).log_entries(plan["subject"])
        ]
    assert actions[0] == ("plan_delete", "done") and actions[-1] == ("delete", "done")
    assert ("delete", "dry_run") in actions
    main(["find-subject", *config, "--email", person.email, "--live", "--format", "json"])
    left = json.loads(capsys.readouterr().out)
    assert {h["location"].get("path") for h in left} <= {"会員名簿.csv"}  # files: by hand


def _refuse_flow(workspace, capsys) -> None:
    person = _subject(workspace)
    plan, path = _plan(workspace, capsys, person)
    engine = sa.create_engine(workspace.db_url, poolclass=sa.pool.NullPool)
    customers = sa.table(
        workspace.corpus.tables["customers"],
        sa.column("id"),
        sa.column("email"),
        schema=_schema(workspace),
    )
    with engine.begin() as conn:  # the row changes between plan and execution
        conn.execute(
            customers.update()
            .where(customers.c.id == person.pid)
            .values(email="someone.else@example.jp")
        )
    engine.dispose()
    before = _counts(workspace)
    code, out = _execute_plan(capsys, workspace, path)
    assert code == 1 and "REFUSED: the row changed: email no longer match" in out
    assert "nothing was changed" in out and _counts(workspace) == before


def _schema(workspace) -> str | None:
    return None if workspace.db_url.startswith(("sqlite", "mysql")) else workspace.schema


def test_plan_dry_run_confirmation_and_execution_on_sqlite(sqlite_shop, capsys, monkeypatch):
    _delete_flow(sqlite_shop, capsys, monkeypatch)


def test_a_row_that_changed_since_the_plan_is_refused_on_sqlite(sqlite_shop, capsys):
    _refuse_flow(sqlite_shop, capsys)


def test_an_edited_plan_or_another_key_is_refused(sqlite_shop, capsys, monkeypatch):
    person = _subject(sqlite_shop)
    plan, path = _plan(sqlite_shop, capsys, person)
    config = ("--config", str(sqlite_shop.config_path))
    plan["databases"][0]["steps"][0]["key"] = {"id": 10_000}  # another row
    edited = sqlite_shop.folder / "edited.json"
    edited.write_text(json.dumps(plan), encoding="utf-8")
    code, out = _cli(capsys, "subject", "delete", "--plan", str(edited), *config)
    assert code == 2 and "the plan was changed after it was made" in out
    monkeypatch.setenv("KOJIN_HMAC_KEY", "another key-0123456789abcdef0123456789abcdef")
    code, out = _cli(capsys, "subject", "delete", "--plan", path, *config)
    assert code == 2 and "is not the one this inventory's fingerprints were made with" in out


@pytest.mark.postgres
def test_plan_and_delete_on_postgres(pg_shop, capsys, monkeypatch):
    _delete_flow(pg_shop, capsys, monkeypatch)
    _refuse_flow(pg_shop, capsys)


@pytest.mark.mariadb
def test_plan_and_delete_on_mariadb(mariadb_shop, capsys, monkeypatch):
    _delete_flow(mariadb_shop, capsys, monkeypatch)
    _refuse_flow(mariadb_shop, capsys)


def _forge(workspace, plan: dict, name: str, digest) -> str:
    """The plan with ``digest(plan)`` as its digest, written beside the real one."""
    plan = dict(plan)
    plan["digest"] = digest(plan)
    path = workspace.folder / name
    path.write_text(json.dumps(plan), encoding="utf-8")
    return str(path)


def _sha256(plan: dict) -> str:
    """The digest an editor can recompute without the key (plain SHA-256 of the body)."""
    import hashlib

    body = {k: plan[k] for k in ("subject", "key_check", "databases", "files")}
    return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()


def _keyed(workspace, plan: dict) -> str:
    from scanner.subject.plan import plan_digest

    return plan_digest(plan, workspace.fingerprinter)


def _attack(workspace, capsys, digest) -> str:
    """The issue's attack: a keyless ``reference`` step appended, the plan re-digested."""
    person = _subject(workspace)
    plan, _ = _plan(workspace, capsys, person)
    steps = plan["databases"][0]["steps"]
    items = workspace.corpus.tables["order_items"]
    extra = {"step": len(steps) + 1, "table": items, "by": "reference", "key": {}, "recheck": {}}
    extra |= {"action": "delete", "columns": []}
    steps.append({**steps[0], **extra})  # after the person's own row: nothing fails after it
    path = _forge(workspace, plan, "forged.json", lambda p: digest(workspace, p))
    before = _counts(workspace)
    code, out = _execute_plan(capsys, workspace, path)
    assert code != 0, out
    assert _counts(workspace) == before  # nobody's items deleted
    return out


def test_a_redigested_plan_with_an_appended_keyless_step_is_refused(sqlite_shop, capsys):
    out = _attack(sqlite_shop, capsys, lambda _ws, plan: _sha256(plan))
    assert "the plan was changed after it was made" in out


def test_a_plan_signed_with_the_key_but_never_logged_is_refused(sqlite_shop, capsys):
    out = _attack(sqlite_shop, capsys, _keyed)
    assert "not one `kojin subject plan-delete` logged in this inventory" in out


def _run(workspace, plan: dict, execute: bool = True):
    """``run_plan`` as ``subject delete`` calls it, past the digest and log checks (as
    somebody holding the key and the inventory could)."""
    from scanner.subject.delete import run_plan
    from scanner.subject.index import place_kind
    from scanner.subject.places import personal_places

    with workspace.inventory() as inventory:
        run = inventory.resolve_run(None)
        places = {
            (p.source, p.key): p
            for p in personal_places(inventory.findings(run))
            if place_kind(p) == "table"
        }
    return run_plan(workspace.config, plan, places, workspace.fingerprinter, execute=execute)


def _forged_steps(workspace, plan: dict) -> dict[str, dict]:
    """Steps a forger would add: each must be refused by what the database says now."""
    t = workspace.corpus.tables
    steps = plan["databases"][0]["steps"]
    item = next(s for s in steps if s["table"] == t["order_items"])
    order = next(s for s in steps if s["table"] == t["orders"])
    other_order = order["key"]["id"] + 1000
    base = {"action": "delete", "columns": [], "why": "", "rows": 1, "sql": ""}
    return {
        "keyless": {**item, "by": "reference", "key": {}, "recheck": {}},
        "a reference nobody derives": {
            **item,
            "by": "reference",
            "key": {"order_id": other_order},
            "recheck": {},
        },
        "another person's item": {
            **item,
            "key": {"id": 1},
            "recheck": {"references": {"order_id": other_order}},
        },
        "a child row without its reference": {**item, "key": {"id": 2}, "recheck": {}},
        "a partial key": {**base, **order, "key": {"customer_id": 3}, "recheck": {}},
    }


def _forgeries_refused(workspace, capsys) -> None:
    person = _subject(workspace)
    plan, _ = _plan(workspace, capsys, person)
    before = _counts(workspace)
    for what, step in _forged_steps(workspace, plan).items():
        forged = json.loads(json.dumps(plan))
        steps = forged["databases"][0]["steps"]
        steps.append({**step, "step": len(steps) + 1})
        outcome = _run(workspace, forged)
        assert outcome.status == "refused", what
        [refused] = [s for s in outcome.steps if s.status == "refused"]
        assert refused.step == len(steps), what
        assert _counts(workspace) == before, what


def test_forged_steps_are_refused_by_the_foreign_keys_at_execution(sqlite_shop, capsys):
    _forgeries_refused(sqlite_shop, capsys)


@pytest.mark.postgres
def test_forged_plans_are_refused_on_postgres(pg_shop, capsys):
    _attack(pg_shop, capsys, lambda _ws, plan: _sha256(plan))
    _attack(pg_shop, capsys, _keyed)
    _forgeries_refused(pg_shop, capsys)


@pytest.mark.mariadb
def test_forged_plans_are_refused_on_mariadb(mariadb_shop, capsys):
    _attack(mariadb_shop, capsys, lambda _ws, plan: _sha256(plan))
    _attack(mariadb_shop, capsys, _keyed)
    _forgeries_refused(mariadb_shop, capsys)


def test_a_statement_changing_more_rows_than_planned_rolls_back(sqlite_shop, capsys):
    """A keyless child (shipments by order) gains a row between plan and execution."""
    engine = sa.create_engine(sqlite_shop.db_url, poolclass=sa.pool.NullPool)
    orders = sqlite_shop.corpus.tables["orders"]
    person = _subject(sqlite_shop)
    md = sa.MetaData()
    shipments = sa.Table(
        "shipments",
        md,
        sa.Column("order_id", sa.Integer, sa.ForeignKey(f"{orders}.id"), nullable=False),
        sa.Column("carrier", sa.String(20)),
    )
    sa.Table(orders, md, sa.Column("id", sa.Integer, primary_key=True))
    md.create_all(engine, tables=[shipments])
    with engine.begin() as conn:
        order_id = conn.execute(
            sa.text(f"SELECT id FROM {orders} WHERE customer_id = :c ORDER BY id"),
            {"c": person.pid},
        ).scalar()
        conn.execute(shipments.insert(), [{"order_id": order_id, "carrier": "ヤマト"}])
    plan, _ = _plan(sqlite_shop, capsys, person)
    [step] = [s for s in plan["databases"][0]["steps"] if s["table"] == "shipments"]
    assert step["by"] == "reference" and step["rows"] == 1
    assert step["key"] == {"order_id": order_id}
    with engine.begin() as conn:
        conn.execute(shipments.insert(), [{"order_id": order_id, "carrier": "佐川"}])
    before = _counts(sqlite_shop)
    outcome = _run(sqlite_shop, plan)
    assert outcome.status == "refused" and "2 rows changed, not 1 as planned" in outcome.message
    assert _counts(sqlite_shop) == before
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(shipments)).scalar() == 2
    engine.dispose()


def test_closed_stdin_or_a_wrong_answer_is_a_logged_refusal(sqlite_shop, capsys, monkeypatch):
    person = _subject(sqlite_shop)
    plan, path = _plan(sqlite_shop, capsys, person)
    config = ("--config", str(sqlite_shop.config_path))
    before = _counts(sqlite_shop)
    monkeypatch.setattr("sys.stdin", None)
    code, out = _cli(capsys, "subject", "delete", "--plan", path, *config, "--execute")
    assert code == 1 and "not confirmed (no answer (stdin closed))" in out
    assert "Traceback" not in out and "--yes --confirm" in out
    code, out = _cli(
        capsys, "subject", "delete", "--plan", path, *config, "--execute", "--confirm", "nope"
    )
    assert code == 1 and "not confirmed (wrong answer)" in out
    assert _counts(sqlite_shop) == before
    with sqlite_shop.inventory() as inventory:
        entries = SubjectIndex(inventory).log_entries(plan["subject"])
    refusals = [e.detail["why"] for e in entries if e.outcome == "not_confirmed"]
    assert refusals == ["no answer (stdin closed)", "wrong answer"]
