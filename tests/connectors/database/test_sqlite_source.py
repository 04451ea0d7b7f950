"""The database source against SQLite files: planning, filters, read-only, sampling, errors."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import sqlalchemy as sa

from connectors.base import SourceError
from connectors.database.readonly import read_only
from scanner.findings import Finding
from scanner.scan.runner import Runner

from .conftest import Shop
from .helpers import assert_matches_truth, assert_no_raw_values, make_source, scan


def test_whole_corpus_matches_the_truth(shop_sqlite: Shop, fast_detector) -> None:
    result = scan(make_source(shop_sqlite.url_text), fast_detector)
    assert result.errors == []
    assert_matches_truth(result, shop_sqlite.truth)
    with sa.create_engine(shop_sqlite.url).connect() as conn:
        raw = [r[0] for r in conn.execute(sa.text("SELECT email FROM dtb_customer LIMIT 20"))]
        raw += [r[0] for r in conn.execute(sa.text("SELECT 住所 FROM 顧客台帳 LIMIT 20"))]
    assert_no_raw_values(result.findings, raw)


def test_finding_lines_have_the_promised_shape(shop_sqlite: Shop, fast_detector) -> None:
    source = make_source(shop_sqlite.url_text, include_tables=["dtb_customer"])
    finding = next(
        f for f in scan(source, fast_detector).findings if f.location["column"] == "tel02"
    )
    line = finding.to_json_dict()
    assert line["location"] == {"schema": "main", "table": "dtb_customer", "column": "tel02"}
    assert (line["entity"], line["category"]) == ("PHONE_NUMBER", "電話番号")
    assert line["rows_sampled"] == 120 and line["rows_matched"] == 120
    evidence = line["evidence"]
    assert evidence["name_hint"] == "tel → phone"
    assert evidence["group"]["columns"] == ["tel01", "tel02", "tel03"]
    assert evidence["sampling"]["method"] == "all_rows"
    assert evidence["sampling"]["read_only"].startswith("sqlite: mode=ro")
    assert len(line["examples"]) == 3 and all("****" in e for e in line["examples"])


def test_work_units_with_include_exclude_globs(shop_sqlite: Shop) -> None:
    everything = {u.key for u in make_source(shop_sqlite.url_text).work_units()}
    assert "main.dtb_customer" in everything and "main.顧客台帳" in everything
    source = make_source(
        shop_sqlite.url_text,
        include_tables=["dtb_*"],
        exclude_tables=["*_detail", "main.dtb_product"],
    )
    keys = {u.key for u in source.work_units()}
    assert "main.dtb_customer" in keys and "main.dtb_order" in keys
    assert not keys & {"main.dtb_order_detail", "main.dtb_product", "main.kokyaku"}
    assert make_source(shop_sqlite.url_text, exclude_schemas=["ma*"]).work_units()
    assert list(make_source(shop_sqlite.url_text, exclude_schemas=["ma*"]).work_units()) == []


def test_column_globs(shop_sqlite: Shop, fast_detector) -> None:
    source = make_source(
        shop_sqlite.url_text,
        include_tables=["dtb_customer"],
        include_columns=["name*", "dtb_customer.email", "tel0?"],
        exclude_columns=["main.dtb_customer.tel03"],
    )
    result = scan(source, fast_detector)
    assert set(result.columns()) == {
        "dtb_customer.name01", "dtb_customer.name02", "dtb_customer.email",
        "dtb_customer.tel01", "dtb_customer.tel02",
    }  # fmt: skip


def test_views_are_scanned_and_can_be_left_out(tmp_path: Path, fast_detector) -> None:
    db = tmp_path / "v.sqlite3"
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE member (id INTEGER PRIMARY KEY, email TEXT)"))
        conn.execute(
            sa.text("INSERT INTO member (email) VALUES ('a@example.jp'), ('b@example.jp')")
        )
        conn.execute(sa.text("CREATE VIEW member_mail AS SELECT email AS mail FROM member"))
    result = scan(make_source(f"sqlite:///{db}"), fast_detector)
    assert result.columns() == {
        "member.email": {"EMAIL_ADDRESS"},
        "member_mail.mail": {"EMAIL_ADDRESS"},
    }
    view = result.result("member_mail")
    assert view.metadata["kind"] == "view"
    assert view.metadata["sampling"]["method"] == "first_rows"
    assert view.metadata["sampling"]["random"] is False
    assert "NOT random" in view.metadata["sampling"]["note"]
    keys = {u.key for u in make_source(f"sqlite:///{db}", include_views=False).work_units()}
    assert keys == {"main.member"}


def test_the_source_cannot_write(shop_sqlite: Shop) -> None:
    source = make_source(shop_sqlite.url_text)
    with read_only(source.engine(), 5) as conn, pytest.raises(sa.exc.OperationalError) as err:
        conn.execute(sa.text("DELETE FROM dtb_customer"))
    assert "readonly" in str(err.value)
    with source.engine().connect() as conn, pytest.raises(sa.exc.OperationalError):
        conn.execute(sa.text("CREATE TABLE x (y INTEGER)"))


def test_a_slow_table_times_out_and_the_scan_goes_on(tmp_path: Path, fast_detector) -> None:
    db = tmp_path / "slow.sqlite3"
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE contact (id INTEGER PRIMARY KEY, email TEXT)"))
        conn.execute(sa.text("INSERT INTO contact (email) VALUES ('a@example.jp')"))
        conn.execute(sa.text(
            "CREATE VIEW slow AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
            "WHERE x < 1000000000) SELECT count(*) AS n FROM c"
        ))  # fmt: skip
    result = scan(make_source(f"sqlite:///{db}", statement_timeout_s=0.3), fast_detector)
    assert [(e.location, e.kind) for e in result.errors] == [
        ({"schema": "main", "table": "slow"}, "timeout")
    ]
    assert result.columns() == {"contact.email": {"EMAIL_ADDRESS"}}


def test_sampling_methods_by_table_size(shop_sqlite: Shop, fast_detector) -> None:
    small = make_source(shop_sqlite.url_text, include_tables=["dtb_customer"], sample_size=50)
    sampling = scan(small, fast_detector).result("dtb_customer").metadata["sampling"]
    assert sampling["method"] == "random_order" and sampling["random"] is True
    assert sampling["rows_read"] == 50 and sampling["table_rows"] == 120
    keyed = make_source(
        shop_sqlite.url_text,
        include_tables=["dtb_customer", "顧客台帳"],
        sample_size=50,
        random_sample_max_rows=10,
        exact_count_max_rows=10,
    )
    result = scan(keyed, fast_detector)
    for table, key in (("dtb_customer", "id"), ("顧客台帳", "顧客ID")):
        sampling = result.result(table).metadata["sampling"]
        assert sampling["method"] == "key_ranges" and sampling["random"] is False
        assert sampling["key"] == key and "NOT a uniform random sample" in sampling["note"]
        assert sampling["rows_read"] == 50
        assert sampling["table_rows_method"].startswith("max(rowid)")
    assert result.columns()["dtb_customer.tel01"] == {"PHONE_NUMBER"}


def test_full_mode_streams_every_row_in_batches(shop_sqlite: Shop, fast_detector) -> None:
    full = make_source(
        shop_sqlite.url_text,
        include_tables=["dtb_customer", "dtb_order_detail"],
        mode="full",
        batch_size=25,
    )
    result = scan(full, fast_detector)
    sampling = result.result("dtb_customer").metadata["sampling"]
    assert sampling["method"] == "full_scan" and sampling["rows_read"] == 120
    sample = scan(
        make_source(shop_sqlite.url_text, include_tables=["dtb_customer", "dtb_order_detail"]),
        fast_detector,
    )
    assert result.columns() == sample.columns()
    assert [f.location for f in result.cross] == [f.location for f in sample.cross]


def test_cross_references_name_the_path(shop_sqlite: Shop, fast_detector) -> None:
    result = scan(make_source(shop_sqlite.url_text), fast_detector)
    by_table = {f.location["table"]: f for f in result.cross}
    detail = by_table["dtb_order_detail"]
    assert detail.location == {"schema": "main", "table": "dtb_order_detail", "column": "order_id"}
    assert detail.entity == "PERSON"
    assert detail.evidence["cross_reference"] is True
    assert detail.evidence["path"] == ["dtb_order_detail.order_id", "dtb_order.id"]
    assert detail.evidence["links"] == ["foreign_key"]
    points = by_table["dtb_point_history"]
    assert points.evidence["links"] == ["naming_convention"] and points.score < detail.score
    assert "dtb_product" not in by_table and "mtb_pref" not in by_table
    off = make_source(shop_sqlite.url_text, cross_reference=False)
    assert Runner(fast_detector, None).finalize(off, result.results) == []


def test_missing_file_password_env_and_urls_never_show_passwords(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="not found"):
        make_source(f"sqlite:///{tmp_path / 'nope.db'}").test_connection()
    with pytest.raises(SourceError, match="KOJIN_NO_SUCH_VARIABLE"):
        make_source(
            "postgresql://kojin@127.0.0.1:1/app", password_env="KOJIN_NO_SUCH_VARIABLE"
        ).test_connection()
    secret = "s3cr3t-Pa55"
    source = make_source("postgresql://kojin:" + secret + "@127.0.0.1:1/app", connect_timeout_s=1)
    assert secret not in repr(source) and secret not in source.display_url
    with pytest.raises(SourceError) as err:
        source.test_connection()
    assert secret not in str(err.value) and "***" in str(err.value)


def test_password_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOJIN_TEST_DB_PASSWORD", "from-env-42")
    source = make_source("postgresql://kojin@db.example/app", password_env="KOJIN_TEST_DB_PASSWORD")
    assert source._resolved_url().password == "from-env-42"
    assert "from-env-42" not in source.display_url and "***" in source.display_url
    state = pickle.loads(pickle.dumps(source))
    assert state._engine is None and state._url is None


def test_a_pickled_source_runs_units_in_another_process(shop_sqlite: Shop, fast_detector) -> None:
    source = make_source(shop_sqlite.url_text, include_tables=["mtb_pref", "kokyaku"])
    units = list(source.work_units())
    source.engine()
    copy = pickle.loads(pickle.dumps(source))
    results = [Runner(fast_detector, None).run(copy, unit) for unit in units]
    assert [r.errors for r in results] == [[], []]
    assert sum(len(r.findings) for r in results) == 9


def test_a_broken_table_is_reported_without_values(tmp_path: Path, fast_detector) -> None:
    db = tmp_path / "broken.sqlite3"
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE ok (id INTEGER PRIMARY KEY, email TEXT)"))
        conn.execute(sa.text("INSERT INTO ok (email) VALUES ('a@example.jp')"))
        conn.execute(sa.text("CREATE VIEW broken AS SELECT email FROM ok"))
        conn.execute(sa.text("DROP TABLE ok"))
        conn.execute(sa.text("CREATE TABLE ok2 (id INTEGER PRIMARY KEY, mail TEXT)"))
        conn.execute(sa.text("INSERT INTO ok2 (mail) VALUES ('b@example.jp')"))
    result = scan(make_source(f"sqlite:///{db}"), fast_detector)
    assert [(e.location["table"], e.kind) for e in result.errors] == [("broken", "error")]
    assert "a@example.jp" not in result.errors[0].message
    assert result.columns() == {"ok2.mail": {"EMAIL_ADDRESS"}}
    assert all(isinstance(f, Finding) for f in result.findings)


def test_a_session_kept_in_a_blob_is_read(tmp_path: Path, fast_detector) -> None:
    # Zen Cart keeps its PHP sessions in a BLOB; images in a BLOB stay unread noise
    db = tmp_path / "s.sqlite3"
    engine = sa.create_engine(f"sqlite:///{db}")
    md = sa.MetaData()
    table = sa.Table(
        "sessions",
        md,
        sa.Column("sesskey", sa.String(64), primary_key=True),
        sa.Column("value", sa.LargeBinary),
        sa.Column("img", sa.LargeBinary),
    )
    md.create_all(engine)

    def php(text: str) -> str:
        return f's:{len(text.encode())}:"{text}";'

    rows = []
    for i in range(40):
        tel = ("090", f"{1000 + i:04d}", f"{5000 + i:04d}")
        data = {"email_address": f"user{i}@example.jp", "tel01": tel[0], "tel02": tel[1],
                "tel03": tel[2]}  # fmt: skip
        text = f"a:{len(data)}:{{" + "".join(php(k) + php(v) for k, v in data.items()) + "}"
        rows.append({"sesskey": f"k{i}", "value": text.encode(), "img": b"\x89PNG\r\n\x00\xff"})
    with engine.begin() as conn:
        conn.execute(table.insert(), rows)
    engine.dispose()
    result = scan(make_source(f"sqlite:///{db}"), fast_detector)
    assert result.columns() == {"sessions.value": {"EMAIL_ADDRESS", "PHONE_NUMBER"}}
    assert result.result("sessions").metadata["skipped_columns"] == []


def test_blob_bytes_become_text_only_when_they_are_text() -> None:
    from connectors.database.values import to_text

    assert to_text("山田".encode()) == "山田"
    assert to_text("山田".encode()[:-1]) == "山"  # a read cut inside the last character
    assert to_text(b"\x89PNG\r\n\x1a\n") is None
    assert to_text(b"abc\x00def") is None
    assert to_text(b"\xff" + "山田".encode()) is None
