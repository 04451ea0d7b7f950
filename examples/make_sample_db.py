"""Build examples/sample.sqlite3, the small synthetic shop database Kojin ships with.

    python examples/make_sample_db.py [--out examples/sample.sqlite3]

Deterministic (seeded Faker ja_JP and generators from bench/db_corpus.py): an EC-CUBE-like
shop (dtb_customer, dtb_order, dtb_order_detail, dtb_shipping, dtb_product, mtb_pref ...),
business partners with corporate numbers, ledgers with Japanese, romaji and opaque column
names, and an HR table with My Numbers. Every value is synthetic. Next to the database it
writes ``sample_db_truth.json``: ``"table.column"`` -> entity (a list for free-text
columns, null for columns without personal data) and the expected cross-references.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from bench.db_corpus import CROSS_REFERENCES, SEED, CorpusSize, populate  # noqa: E402

SIZE = CorpusSize(
    rows=200,
    overrides=(
        ("dtb_order", 300),
        ("dtb_order_detail", 500),
        ("dtb_shipping", 300),
        ("dtb_product", 30),
        ("dtb_partner", 20),
        ("hr_employee", 30),
        ("dtb_contact", 60),
        ("顧客台帳", 80),
        ("kokyaku", 80),
        ("t_k001", 80),
        ("dtb_customer_favorite_product", 150),
    ),
)
#: free-text columns: their truth is a list of entities (empty: none written)
FREE_TEXT = frozenset({"dtb_customer.note", "dtb_order.message", "dtb_order.note",
                       "dtb_contact.message", "顧客台帳.備考"})  # fmt: skip
DECISIONS = (
    "A postal code, a prefecture (name or mtb_pref id) and each part of a split address "
    "(zip01/zip02, addr01/addr02) are ADDRESS when they belong to a person's address.",
    "tel01/tel02/tel03 and fax01-03 are each PHONE_NUMBER: together they hold one number.",
    "company_name beside a person's name is that person's EMPLOYER; in dtb_partner it is a "
    "corporation's name and not personal.",
    "dtb_partner.corporate_number is JP_CORPORATE_NUMBER, which is not personal data.",
    "dtb_partner's phone, postal code and address are labelled PHONE_NUMBER / ADDRESS: a sole "
    "proprietor's or small firm's contact details reach a person. Kojin reports them with "
    "confidence capped at 0.6 and 'corporate context' in the evidence.",
    "Free-text columns list the entities actually written into them; dtb_order.note is a shop "
    "memo without personal data.",
    "Tables without personal columns that reach personal data by key are listed under "
    "cross_references (容易照合性), not under columns.",
)


def build(out: Path) -> dict:
    out.unlink(missing_ok=True)
    engine = sa.create_engine(f"sqlite:///{out}")
    gold = populate(engine, SIZE)
    with engine.connect() as conn:
        conn.exec_driver_sql("VACUUM")
    engine.dispose()
    columns: dict[str, object] = {}
    for key, entities in gold.items():
        columns[key] = (
            None if not entities and key not in FREE_TEXT
            else sorted(entities) if key in FREE_TEXT
            else entities[0]
        )  # fmt: skip
    return {
        "database": out.name,
        "generator": f"examples/make_sample_db.py (bench/db_corpus.py, seed {SEED})",
        "columns": columns,
        "cross_references": CROSS_REFERENCES,
        "decisions": list(DECISIONS),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=ROOT / "examples" / "sample.sqlite3")
    args = parser.parse_args(argv)
    truth = build(args.out)
    truth_path = args.out.with_name("sample_db_truth.json")
    truth_path.write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out} and {truth_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
