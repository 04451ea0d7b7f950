"""Build examples/share/: a small synthetic file share and its truth (examples/share_truth.json).

Every value is synthetic (Faker ja_JP, seeded; phone numbers made to the Japanese plan).
The output is byte-for-byte reproducible: ZIP timestamps and Office document dates are
pinned. Run from the repository root: ``python -m examples.make_share``.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from pathlib import Path

from tests.connectors.files import builders
from tests.connectors.files.people import people

HERE = Path(__file__).resolve().parent
SHARE = HERE / "share"
TRUTH = HERE / "share_truth.json"
FIXED_TIME = (2024, 4, 1, 9, 0, 0)
_CORE_DATE = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def pinned_zip(data: bytes) -> bytes:
    """The same ZIP with fixed member times and fixed Office core-property dates."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "docProps/core.xml":
                body = _CORE_DATE.sub(rb"\g<1>2024-04-01T00:00:00Z\g<2>", body)
            pinned = zipfile.ZipInfo(info.filename, FIXED_TIME)
            pinned.compress_type = zipfile.ZIP_DEFLATED
            pinned.external_attr = 0o644 << 16
            pinned.flag_bits |= info.flag_bits & 0x800
            dst.writestr(pinned, body)
    return out.getvalue()


def build() -> dict[str, list[str]]:
    crowd = people(40, seed=2024)
    files: dict[str, bytes] = {}
    truth: dict[str, list[str]] = {}

    rows = ["顧客ID,氏名,フリガナ,電話番号,メールアドレス,住所,生年月日"]
    for i, p in enumerate(crowd[:15], start=1):
        rows.append(f"C{i:05d},{p.name},{p.kana},{p.mobile},{p.email},{p.address},{p.birthdate}")
    files["顧客リスト.csv"] = ("\r\n".join(rows) + "\r\n").encode("cp932")
    truth["顧客リスト.csv"] = [
        "PERSON",
        "PHONE_NUMBER",
        "EMAIL_ADDRESS",
        "ADDRESS",
        "DATE_OF_BIRTH",
    ]

    log = []
    for i, p in enumerate(crowd[15:23]):
        log.append(f"2024-04-01 09:{i:02d}:12 INFO  login ok user={p.email}")
        log.append(f"2024-04-01 09:{i:02d}:40 WARN  callback requested tel={p.mobile}")
        log.append(f"2024-04-01 09:{i:02d}:55 INFO  heartbeat status=200 latency_ms={20 + i}")
    files["logs/app.log"] = ("\n".join(log) + "\n").encode()
    truth["logs/app.log"] = ["EMAIL_ADDRESS", "PHONE_NUMBER"]

    sender, contact = crowd[23], crowd[24]
    files["mail/見積依頼.eml"] = builders.build_eml(
        "お見積りのお願い",
        f"株式会社サンプル\nご担当者様\n\nいつもお世話になっております。{sender.name}です。\n"
        f"見積書の送付先は{contact.name}様（電話 {contact.landline}）までお願いいたします。\n",
        f"{sender.name} <{sender.email}>",
        "sales@example.co.jp",
        charset="iso-2022-jp",
    )
    truth["mail/見積依頼.eml"] = ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER"]

    r = crowd[25]
    files["人事/履歴書_2024.docx"] = pinned_zip(
        builders.build_docx(
            ["履歴書", "2024年4月1日現在"],
            table=[
                ["氏名", r.name],
                ["ふりがな", r.kana],
                ["生年月日", r.birthdate],
                ["現住所", f"〒{r.postal} {r.address}"],
                ["電話", r.mobile],
                ["メール", r.email],
            ],
        )
    )
    truth["人事/履歴書_2024.docx"] = [
        "PERSON",
        "DATE_OF_BIRTH",
        "ADDRESS",
        "PHONE_NUMBER",
        "EMAIL_ADDRESS",
    ]

    staff = [["社員名簿"], [], ["社員番号", "氏名", "部署", "携帯電話", "メールアドレス"]]
    for i, p in enumerate(crowd[26:34], start=1):
        staff.append([f"E{i:04d}", p.name, "営業部", p.mobile, p.email])
    files["人事/社員名簿.xlsx"] = pinned_zip(builders.build_xlsx({"名簿": staff}))
    truth["人事/社員名簿.xlsx"] = ["PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"]

    c = crowd[34]
    files["contact.pdf"] = builders.build_pdf(
        [["お問い合わせ窓口", f"担当：{c.name}", f"電話：{c.landline}", f"メール：{c.email}"]]
    )
    truth["contact.pdf"] = ["PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"]

    leavers = ["氏名,メールアドレス,退会日"]
    leavers += [f"{p.name},{p.email},2023-03-31" for p in crowd[35:38]]
    files["archive/2023_backup.zip"] = pinned_zip(
        builders.build_zip({"退会者.csv": ("\n".join(leavers) + "\n").encode()})
    )
    truth["archive/2023_backup.zip"] = ["PERSON", "EMAIL_ADDRESS"]

    m = crowd[38]
    memo = (
        f"会員メモ（旧システムより移行）\n{m.name}様より住所変更の連絡あり。\n"
        f"新住所：{m.address}\n連絡先：{m.mobile}\n"
    )
    files["old/会員メモ.txt"] = memo.encode("euc_jp")
    truth["old/会員メモ.txt"] = ["PERSON", "ADDRESS", "PHONE_NUMBER"]

    prices = ["商品コード,商品名,単価,在庫"]
    for i in range(12):
        prices.append(f"P-{1000 + i},ボールペン{i + 1}型,{120 + 10 * i},{(i * 37) % 200}")
    files["価格表.csv"] = ("\r\n".join(prices) + "\r\n").encode("cp932")
    truth["価格表.csv"] = []

    partners = ["取引先名,法人番号,業種"]
    for name, number, kind in (
        ("株式会社東都物産", "7010001008844", "卸売"),
        ("大阪精機株式会社", "5120001059647", "製造"),
        ("合同会社みなと物流", "1010403012367", "運輸"),
    ):
        partners.append(f"{name},{number},{kind}")
    files["取引先一覧.csv"] = ("\n".join(partners) + "\n").encode()
    truth["取引先一覧.csv"] = []

    if SHARE.exists():
        shutil.rmtree(SHARE)
    for rel, data in files.items():
        path = SHARE / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return {k: sorted(v) for k, v in sorted(truth.items())}


def main() -> None:
    truth = build()
    TRUTH.write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    total = sum(p.stat().st_size for p in SHARE.rglob("*") if p.is_file())
    print(f"wrote {len(truth)} files, {total / 1024:.0f} KB, to {SHARE}")


if __name__ == "__main__":
    main()
