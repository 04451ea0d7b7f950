"""The database source over a real MariaDB connection."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from connectors.database.readonly import read_only

from .helpers import assert_matches_truth, make_source, scan

pytestmark = pytest.mark.mariadb


def test_corpus_matches_the_truth(mariadb_shop, fast_detector) -> None:
    result = scan(make_source(mariadb_shop.url_text), fast_detector)
    assert result.errors == []
    assert {r.metadata["schema"] for r in result.results} == {mariadb_shop.schema}
    assert_matches_truth(result, mariadb_shop.truth)
    assert result.result("dtb_customer").metadata["sampling"]["read_only"].startswith("mysql")


def test_key_range_sampling_and_catalog_row_estimate(mariadb_shop, fast_detector) -> None:
    source = make_source(
        mariadb_shop.url_text, include_tables=["dtb_order"], sample_size=40,
        random_sample_max_rows=10, exact_count_max_rows=10,
    )  # fmt: skip
    metadata = scan(source, fast_detector).result("dtb_order").metadata
    assert metadata["row_count"]["method"].startswith("information_schema.tables.table_rows")
    sampling = metadata["sampling"]
    assert sampling["method"] == "key_ranges" and sampling["random"] is False
    assert sampling["rows_read"] == 40 and "NOT a uniform random sample" in sampling["note"]


def test_the_source_cannot_write(mariadb_shop) -> None:
    source = make_source(mariadb_shop.url_text)
    table = sa.table("mtb_sex", sa.column("id"), sa.column("name"))
    with read_only(source.engine(), 5) as conn, pytest.raises(sa.exc.OperationalError) as err:
        conn.execute(sa.insert(table).values(id=99, name="x"))
    assert "READ ONLY" in str(err.value)
    with source.engine().connect() as conn:  # the session itself is read-only too
        with pytest.raises(sa.exc.OperationalError):
            conn.execute(sa.delete(table))
    source.close()


def test_a_slow_view_times_out_and_the_scan_goes_on(mariadb_shop, fast_detector) -> None:
    admin = sa.create_engine(mariadb_shop.url, poolclass=sa.pool.NullPool)
    with admin.begin() as conn:
        conn.execute(sa.text("CREATE VIEW zz_slow AS SELECT SLEEP(3) AS x"))
    try:
        source = make_source(
            mariadb_shop.url_text, include_tables=["zz_slow", "mtb_pref"], statement_timeout_s=0.5
        )
        result = scan(source, fast_detector)
        source.close()
        assert [(e.location["table"], e.kind) for e in result.errors] == [("zz_slow", "timeout")]
        assert result.result("mtb_pref").findings == []
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text("DROP VIEW zz_slow"))
        admin.dispose()


def test_odd_types_are_read_or_left_out(mariadb_shop, fast_detector) -> None:
    admin = sa.create_engine(mariadb_shop.url, poolclass=sa.pool.NullPool)
    with admin.begin() as conn:
        conn.execute(sa.text(
            "CREATE TABLE zz_odd (id int PRIMARY KEY, p point, j json, b blob, s set('a', 'b'), "
            "g geometry, bits bit(8), y year, email text)"
        ))  # fmt: skip
        conn.execute(sa.text(
            # MariaDB's JSON is LONGTEXT: a document this long reads as free text
            "INSERT INTO zz_odd VALUES (1, POINT(1, 2), '{\"customer\": {\"tel\": "
            "\"090-1234-5678\", \"memo\": \"日中の連絡先は携帯\"}}', 'x', 'a', "
            "POINT(3, 4), b'101', 2024, 'hanako@example.jp')"
        ))  # fmt: skip
    try:
        source = make_source(mariadb_shop.url_text, include_tables=["zz_odd"])
        result = scan(source, fast_detector)
        source.close()
        assert all(e.kind == "unsupported_type" for e in result.errors)
        assert result.columns() == {"zz_odd.j": {"PHONE_NUMBER"}, "zz_odd.email": {"EMAIL_ADDRESS"}}
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text("DROP TABLE zz_odd"))
        admin.dispose()


def test_full_mode_streams_every_row(mariadb_shop, fast_detector) -> None:
    source = make_source(
        mariadb_shop.url_text, include_tables=["dtb_customer"], mode="full", batch_size=25
    )
    result = scan(source, fast_detector)
    source.close()
    sampling = result.result("dtb_customer").metadata["sampling"]
    assert sampling["method"] == "full_scan" and sampling["rows_read"] == 120
    assert result.columns()["dtb_customer.tel02"] == {"PHONE_NUMBER"}
