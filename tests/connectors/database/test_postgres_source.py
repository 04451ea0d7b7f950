"""The database source over a real PostgreSQL connection."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from connectors.database.readonly import read_only

from .conftest import run_id
from .helpers import assert_matches_truth, make_source, scan

pytestmark = pytest.mark.postgres


def test_corpus_matches_the_truth(pg_shop, fast_detector) -> None:
    schema = pg_shop.schema
    result = scan(make_source(pg_shop.url_text, include_schemas=[schema]), fast_detector)
    assert result.errors == []
    assert {r.metadata["schema"] for r in result.results} == {schema}
    assert_matches_truth(result, pg_shop.truth)
    customer = result.result("dtb_customer").metadata
    assert customer["sampling"]["method"] == "all_rows"
    assert customer["sampling"]["read_only"].startswith("postgresql")
    assert {"columns": ["pref"], "referred_schema": schema, "referred_table": "mtb_pref",
            "referred_columns": ["id"]} in customer["foreign_keys"]  # fmt: skip


def test_tablesample_and_catalog_row_estimate(pg_shop, fast_detector) -> None:
    schema = pg_shop.schema
    source = make_source(
        pg_shop.url_text, include_schemas=[schema], include_tables=["dtb_order"],
        sample_size=40, random_sample_max_rows=10, exact_count_max_rows=10,
    )  # fmt: skip
    result = scan(source, fast_detector)
    metadata = result.result("dtb_order").metadata
    assert metadata["row_count"] == {
        "rows": 120,
        "method": "pg_class.reltuples (estimate)",
        "exact": False,
    }
    sampling = metadata["sampling"]
    assert sampling["method"] == "tablesample_bernoulli" and sampling["random"] is True
    assert 20 <= sampling["rows_read"] <= 40
    assert result.columns()["dtb_order.order_email"] == {"EMAIL_ADDRESS"}


def test_the_source_cannot_write(pg_shop) -> None:
    schema = pg_shop.schema
    source = make_source(pg_shop.url_text, include_schemas=[schema])
    table = sa.table("mtb_sex", sa.column("id"), sa.column("name"), schema=schema)
    with read_only(source.engine(), 5) as conn, pytest.raises(sa.exc.InternalError) as err:
        conn.execute(sa.insert(table).values(id=99, name="x"))
    assert "read-only" in str(err.value)
    with source.engine().connect() as conn:  # even outside Kojin's own transactions
        with pytest.raises(sa.exc.InternalError):
            conn.execute(sa.delete(table))
    source.close()


def test_timeout_and_permission_are_reported_and_the_scan_goes_on(pg_admin_url, fast_detector):
    schema = f"kojin_test_{run_id()}"
    role = f"kojin_reader_{run_id()}"
    admin = sa.create_engine(pg_admin_url, poolclass=sa.pool.NullPool)
    ddl = [
        f'CREATE SCHEMA "{schema}"',
        f'CREATE TABLE "{schema}".member (id integer PRIMARY KEY, email text)',
        f"INSERT INTO \"{schema}\".member VALUES (1, 'a@example.jp'), (2, 'b@example.jp')",
        f'CREATE TABLE "{schema}".secret (id integer PRIMARY KEY, email text)',
        f'CREATE VIEW "{schema}".slow AS SELECT pg_sleep(3)::text AS x',
        f'CREATE ROLE "{role}" LOGIN',
        f'GRANT USAGE ON SCHEMA "{schema}" TO "{role}"',
        f'GRANT SELECT ON "{schema}".member, "{schema}".slow TO "{role}"',
    ]
    with admin.begin() as conn:
        for statement in ddl:
            conn.execute(sa.text(statement))
    try:
        url = pg_admin_url.set(username=role, password=None)
        source = make_source(
            url.render_as_string(hide_password=False), include_schemas=[schema],
            statement_timeout_s=0.5,
        )  # fmt: skip
        result = scan(source, fast_detector)
        source.close()
        errors = {e.location["table"]: e.kind for e in result.errors}
        assert errors == {"secret": "permission", "slow": "timeout"}
        assert result.columns() == {"member.email": {"EMAIL_ADDRESS"}}
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
            conn.execute(sa.text(f'DROP ROLE "{role}"'))
        admin.dispose()


def test_odd_types_are_read_as_text(pg_admin_url, fast_detector) -> None:
    schema = f"kojin_test_{run_id()}"
    admin = sa.create_engine(pg_admin_url, poolclass=sa.pool.NullPool)
    ddl = [
        f'CREATE SCHEMA "{schema}"',
        f"CREATE TYPE \"{schema}\".mood AS ENUM ('ok', 'sad')",
        f'CREATE TABLE "{schema}".odd (id serial PRIMARY KEY, p point, ts tsvector, arr text[], '
        f'j jsonb, b bytea, u uuid, iv interval, x xml, mood "{schema}".mood, r int4range, '
        "ip inet, email text)",
        f'INSERT INTO "{schema}".odd (p, ts, arr, j, b, u, iv, x, mood, r, ip, email) VALUES '
        "('(1,2)', 'a b', ARRAY['taro@example.jp'], '{\"tel\": \"090-1234-5678\"}', '\\x00ff', "
        "gen_random_uuid(), '1 day', '<a>b</a>', 'ok', '[1,5)', '10.0.0.1', 'hanako@example.jp')",
    ]
    with admin.begin() as conn:
        for statement in ddl:
            conn.execute(sa.text(statement))
    try:
        source = make_source(pg_admin_url.render_as_string(hide_password=False),
                             include_schemas=[schema])  # fmt: skip
        result = scan(source, fast_detector)
        source.close()
        assert result.errors == []
        assert result.columns() == {
            "odd.j": {"PHONE_NUMBER"}, "odd.arr": {"EMAIL_ADDRESS"}, "odd.email": {"EMAIL_ADDRESS"},
        }  # fmt: skip
        # bytea is read (a BLOB may hold a PHP session); these bytes are no text: no finding
        assert result.result("odd").metadata["skipped_columns"] == []
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_full_mode_and_materialized_views(pg_shop, fast_detector) -> None:
    admin = sa.create_engine(pg_shop.url, poolclass=sa.pool.NullPool)
    with admin.begin() as conn:
        conn.execute(sa.text(
            f'CREATE MATERIALIZED VIEW "{pg_shop.schema}".zz_mails AS '
            f'SELECT id, email FROM "{pg_shop.schema}".dtb_customer'
        ))  # fmt: skip
    try:
        source = make_source(
            pg_shop.url_text, include_schemas=[pg_shop.schema],
            include_tables=["dtb_customer", "zz_mails"], mode="full", batch_size=25,
        )  # fmt: skip
        result = scan(source, fast_detector)
        source.close()
        assert result.result("dtb_customer").metadata["sampling"]["rows_read"] == 120
        assert result.result("zz_mails").metadata["kind"] == "view"
        assert result.columns()["zz_mails.email"] == {"EMAIL_ADDRESS"}
        assert result.columns()["dtb_customer.tel02"] == {"PHONE_NUMBER"}
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP MATERIALIZED VIEW "{pg_shop.schema}".zz_mails'))
        admin.dispose()
