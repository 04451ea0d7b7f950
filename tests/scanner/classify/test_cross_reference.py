"""Cross-reference (容易照合性) from unit metadata alone."""

from __future__ import annotations

from scanner.classify.cross_reference import cross_reference_findings


def table(name, columns, pk=("id",), fks=(), personal=None, schema="public"):
    return {
        "schema": schema,
        "table": name,
        "columns": list(columns),
        "primary_key": list(pk),
        "foreign_keys": [
            {"columns": [c], "referred_schema": s, "referred_table": t, "referred_columns": [rc]}
            for c, s, t, rc in fks
        ],
        "personal_entities": personal or {},
    }


CUSTOMER = table("dtb_customer", ["id", "name01", "email"],
                 personal={"EMAIL_ADDRESS": 0.97, "PERSON": 0.9})  # fmt: skip


def test_declared_key_and_naming_convention() -> None:
    metadata = [
        CUSTOMER,
        table("dtb_order", ["id", "customer_id"],
              fks=[("customer_id", "public", "dtb_customer", "id")]),
        table("dtb_point_history", ["id", "customer_id", "point"]),
        table("dtb_product", ["id", "name"]),
    ]  # fmt: skip
    found = {f.location["table"]: f for f in cross_reference_findings("shop", metadata)}
    assert set(found) == {"dtb_order", "dtb_point_history"}
    order = found["dtb_order"]
    assert order.location == {"schema": "public", "table": "dtb_order", "column": "customer_id"}
    assert order.entity == "PERSON" and order.score == 0.9
    assert order.evidence["path"] == ["dtb_order.customer_id", "dtb_customer.id"]
    assert order.evidence["links"] == ["foreign_key"]
    points = found["dtb_point_history"]
    assert points.evidence["links"] == ["naming_convention"] and points.score == 0.75


def test_several_hops_shortest_path_and_hop_limit() -> None:
    metadata = [
        CUSTOMER,
        table("dtb_order", ["id", "customer_id"],
              fks=[("customer_id", "public", "dtb_customer", "id")]),
        table("dtb_order_detail", ["id", "order_id"],
              fks=[("order_id", "public", "dtb_order", "id")]),
        table("dtb_shipment_item", ["id", "order_detail_id"],
              fks=[("order_detail_id", "public", "dtb_order_detail", "id")]),
    ]  # fmt: skip
    found = {f.location["table"]: f for f in cross_reference_findings("s", metadata, 3)}
    assert found["dtb_shipment_item"].evidence["path"] == [
        "dtb_shipment_item.order_detail_id", "dtb_order_detail.id",
        "dtb_order_detail.order_id", "dtb_order.id",
        "dtb_order.customer_id", "dtb_customer.id",
    ]  # fmt: skip
    assert found["dtb_shipment_item"].evidence["hops"] == 3
    short = {f.location["table"] for f in cross_reference_findings("s", metadata, 2)}
    assert short == {"dtb_order", "dtb_order_detail"}


def test_ambiguous_names_cycles_other_schemas_and_main_entity() -> None:
    metadata = [
        table("member", ["id", "mail"], personal={"EMAIL_ADDRESS": 0.9}),
        table("members", ["id", "tel"], personal={"PHONE_NUMBER": 0.9}),
        table("log", ["id", "member_id"]),  # member or members: not unmistakable
        table("a", ["id", "b_id"], fks=[("b_id", "public", "b", "id")]),
        table("b", ["id", "a_id"], fks=[("a_id", "public", "a", "id")]),
        table("hr_link", ["id", "member_id"], schema="hr",
              fks=[("member_id", "public", "member", "id")]),
    ]  # fmt: skip
    found = {f.location["table"]: f for f in cross_reference_findings("s", metadata)}
    assert set(found) == {"hr_link"}
    assert found["hr_link"].entity == "EMAIL_ADDRESS"
    assert found["hr_link"].evidence["path"] == ["hr_link.member_id", "public.member.id"]


def test_tables_that_failed_or_were_filtered_out_are_not_followed() -> None:
    metadata = [table("dtb_order", ["id", "customer_id"],
                      fks=[("customer_id", "public", "dtb_customer", "id")])]  # fmt: skip
    assert cross_reference_findings("s", metadata) == []
