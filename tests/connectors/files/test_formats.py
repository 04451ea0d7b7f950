"""Every format end to end through FilesSource with a regex detector: what is found, where."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.connectors.files import builders
from tests.connectors.files.conftest import FakeDetector, scan

PERSON_LINE = "担当：山田太郎様　電話 090-1234-5678　メール taro@example.co.jp"
ALL3 = {"PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"}


def _write(root: Path, name: str, data: bytes) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp932", "euc_jp"])
def test_plain_text_in_each_encoding(tmp_path: Path, encoding: str) -> None:
    _write(tmp_path, "memo.txt", f"メモ\n\n{PERSON_LINE}\n".encode(encoding))
    out = scan(tmp_path)
    assert out.entities("memo.txt") == ALL3
    finding = next(f for f in out.findings if f.entity == "PHONE_NUMBER")
    assert finding.evidence["places"] == [{"line": 3}]
    assert finding.evidence["encoding"].replace("-", "_").startswith(encoding[:5].replace("-", "_"))
    assert finding.examples == ("090-****-5678",)
    assert finding.to_json_dict()["location"] == {"path": "memo.txt"}


def test_iso2022jp_text(tmp_path: Path) -> None:
    _write(tmp_path, "jis.txt", f"{PERSON_LINE}\n".encode("iso2022_jp"))
    assert scan(tmp_path).entities("jis.txt") == ALL3


def test_csv_with_header_is_classified_per_column(tmp_path: Path) -> None:
    rows = ["氏名,電話番号,メール,備考"]
    rows += [f"山田太郎,090-1234-{i:04d},t{i}@example.jp,メモ" for i in range(30)]
    _write(tmp_path, "顧客/list.csv", ("\r\n".join(rows) + "\r\n").encode("cp932"))
    out = scan(tmp_path)
    by_column = {f.location.get("column"): f for f in out.findings}
    assert set(by_column) == {"氏名", "電話番号", "メール"}
    phone = by_column["電話番号"]
    assert phone.location == {"path": "顧客/list.csv", "column": "電話番号"}
    assert phone.rows_sampled == 30 and phone.rows_matched == 30 and phone.count == 30
    assert len(phone.examples) == 3
    assert phone.evidence["encoding"] == "cp932"


def test_csv_header_is_context_in_the_fallback(tmp_path: Path) -> None:
    """Until the classifier exists the detector sees each column with its header."""
    _write(tmp_path, "a.csv", "名前,電話\n山田太郎,090-1234-5678\n".encode())
    detector = FakeDetector()
    scan(tmp_path, detector)
    assert ("電話",) in detector.contexts or any("電話" in c for c in detector.contexts)


def test_csv_without_header_is_text(tmp_path: Path) -> None:
    _write(tmp_path, "raw.csv", "山田太郎,090-1234-5678\n佐藤花子,03-1234-5678\n".encode())
    out = scan(tmp_path)
    assert out.entities("raw.csv") == {"PERSON", "PHONE_NUMBER"}
    assert all("column" not in f.location for f in out.findings)


def test_tsv(tmp_path: Path) -> None:
    _write(tmp_path, "a.tsv", b"name\ttel\nTaro Yamada\t090-1234-5678\n")
    out = scan(tmp_path)
    assert out.entities("a.tsv", column="tel") == {"PHONE_NUMBER"}


def test_json_and_jsonl_keys_are_context(tmp_path: Path) -> None:
    doc = {"customers": [{"name": "山田太郎", "contact": {"tel": "090-1234-5678"}}]}
    _write(tmp_path, "a.json", json.dumps(doc, ensure_ascii=False).encode())
    lines = [json.dumps({"user": "佐藤花子", "mail": f"h{i}@example.jp"}) for i in range(3)]
    _write(tmp_path, "b.jsonl", "\n".join(lines).encode())
    detector = FakeDetector()
    out = scan(tmp_path, detector)
    assert out.entities("a.json") == {"PERSON", "PHONE_NUMBER"}
    assert out.entities("b.jsonl") == {"PERSON", "EMAIL_ADDRESS"}
    assert any("tel" in c for c in detector.contexts)
    mail = next(
        f for f in out.findings if f.location["path"] == "b.jsonl" and f.entity == "EMAIL_ADDRESS"
    )
    assert mail.count == 3
    assert {"line": 1, "key": "mail"} in mail.evidence["places"]


def test_xlsx_with_title_rows_and_header(tmp_path: Path) -> None:
    sheet = [["顧客一覧"], [], ["氏名", "電話"], ["山田太郎", "090-1234-5678"]]
    notes = [["メモ"], ["連絡は佐藤花子 hanako@example.jp まで"]]
    _write(tmp_path, "book.xlsx", builders.build_xlsx({"顧客": sheet, "メモ": notes}))
    out = scan(tmp_path)
    assert out.entities("book.xlsx", sheet="顧客", column="電話") == {"PHONE_NUMBER"}
    assert out.entities("book.xlsx", sheet="顧客", column="氏名") == {"PERSON"}
    text = {f.entity: f for f in out.findings if "column" not in f.location}
    assert set(text) == {"PERSON", "EMAIL_ADDRESS"}
    assert text["EMAIL_ADDRESS"].evidence["places"] == [{"sheet": "メモ", "cell": "A2", "line": 2}]


def test_xls(tmp_path: Path) -> None:
    data = builders.build_xls({"名簿": [["氏名", "メール"], ["山田太郎", "taro@example.jp"]]})
    if data is None:
        pytest.skip("xlwt (test-only XLS writer) is not installed")
    _write(tmp_path, "old.xls", data)
    out = scan(tmp_path)
    assert out.entities("old.xls", sheet="名簿", column="メール") == {"EMAIL_ADDRESS"}


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    data = builders.build_docx(["履歴書", PERSON_LINE], table=[["氏名", "佐藤花子"]])
    _write(tmp_path, "resume.docx", data)
    out = scan(tmp_path)
    assert out.entities("resume.docx") == ALL3
    person = next(f for f in out.findings if f.entity == "PERSON")
    assert person.count == 2
    assert {"paragraph": 2} in person.evidence["places"]


def test_pptx_slides_and_notes(tmp_path: Path) -> None:
    data = builders.build_pptx([["提案書"], [PERSON_LINE]], notes=["", "佐藤花子さんに確認"])
    _write(tmp_path, "deck.pptx", data)
    out = scan(tmp_path)
    person = next(f for f in out.findings if f.entity == "PERSON")
    assert {"page": 2} in person.evidence["places"]
    assert {"page": 2, "part": "notes"} in person.evidence["places"]


def test_pdf_text_layer_with_pages(tmp_path: Path) -> None:
    _write(tmp_path, "scan.pdf", builders.build_pdf([["表紙"], ["お問い合わせ", PERSON_LINE]]))
    out = scan(tmp_path)
    assert out.entities("scan.pdf") == ALL3
    phone = next(f for f in out.findings if f.entity == "PHONE_NUMBER")
    assert phone.evidence["places"] == [{"page": 2, "line": 2}]


def test_html_and_xml(tmp_path: Path) -> None:
    html = "<html><head><meta charset='shift_jis'><script>var a='x@y.jp'</script></head>"
    html += f"<body><p>{PERSON_LINE}</p></body></html>"
    _write(tmp_path, "page.html", html.encode("cp932"))
    xml = '<?xml version="1.0" encoding="EUC-JP"?><list><person><name>山田太郎</name>'
    xml += '<tel type="mobile">090-1234-5678</tel></person></list>'
    _write(tmp_path, "data.xml", xml.encode("euc_jp"))
    out = scan(tmp_path)
    assert out.entities("page.html") == ALL3
    assert out.entities("data.xml") == {"PERSON", "PHONE_NUMBER"}


def test_html_text_straight_under_the_document(tmp_path: Path) -> None:
    # no closing tag: lxml only ends the implied <body> when the parser closes
    _write(tmp_path, "bare.html", f"<!DOCTYPE html>\n{PERSON_LINE}\n".encode())
    _write(
        tmp_path, "titled.html", f"<!DOCTYPE html>\n<title>連絡</title>\n{PERSON_LINE}\n".encode()
    )
    out = scan(tmp_path)
    assert out.entities("bare.html") == ALL3
    assert out.entities("titled.html") == ALL3


def test_xml_that_is_not_well_formed_is_read_as_text(tmp_path: Path) -> None:
    # python-docx keeps XML snippets as .txt: two roots, so no XML parser accepts them
    snippet = f'<w:tbl xmlns:w="x">\n<w:tr/>\n</w:tbl>\n<w:p>{PERSON_LINE}</w:p>\n'
    _write(tmp_path, "snippet.txt", snippet.encode())
    out = scan(tmp_path)
    assert out.entities("snippet.txt") == ALL3
    assert out.error_kinds("snippet.txt") == {"corrupt"}  # said, and read anyway


def test_vertical_pdf_is_read_in_reading_order(tmp_path: Path) -> None:
    lines = ["担当：山田太郎様", "電話 090-1234-5678", "メール taro@example.co.jp"]
    _write(tmp_path, "tategaki.pdf", builders.build_pdf([lines], vertical=True))
    out = scan(tmp_path)
    assert out.entities("tategaki.pdf") == ALL3


def test_password_protected_pdf_is_encrypted_not_corrupt(tmp_path: Path) -> None:
    locked = builders.build_pdf([[PERSON_LINE]], password_protected=True)
    _write(tmp_path, "locked.pdf", locked)
    assert scan(tmp_path).error_kinds("locked.pdf") == {"encrypted"}


def test_iso2022jp_email_with_attachment(tmp_path: Path) -> None:
    csv = "氏名,電話\n佐藤花子,03-1234-5678\n".encode("cp932")
    data = builders.build_eml(
        "お見積りの件",
        f"山田様\n{PERSON_LINE}\n",
        "Taro Yamada <taro@example.co.jp>",
        "hanako@example.jp",
        attachments=[("顧客.csv", csv)],
    )
    assert b"ISO-2022-JP" in data.upper()
    _write(tmp_path, "mail.eml", data)
    out = scan(tmp_path)
    assert out.entities("mail.eml") == ALL3
    assert out.entities("mail.eml", member="顧客.csv", column="電話") == {"PHONE_NUMBER"}
    email = next(f for f in out.findings if f.entity == "EMAIL_ADDRESS")
    assert "iso2022_jp" in email.evidence["encoding"]


def test_msg_with_attachment(tmp_path: Path) -> None:
    data = builders.build_msg(
        "ご連絡",
        PERSON_LINE,
        "佐藤花子 <hanako@example.jp>",
        "taro@example.co.jp",
        attachments=[("memo.txt", "鈴木一郎 080-1111-2222".encode("cp932"))],
    )
    _write(tmp_path, "mail.msg", data)
    out = scan(tmp_path)
    assert out.entities("mail.msg") == ALL3
    assert out.entities("mail.msg", member="memo.txt") == {"PERSON", "PHONE_NUMBER"}


def test_zip_members_recursively_with_cp932_names(tmp_path: Path) -> None:
    inner = builders.build_zip({"内側.txt": PERSON_LINE.encode("cp932")})
    data = builders.build_zip(
        {"名簿.csv": "氏名,電話\n山田太郎,090-1234-5678\n".encode("cp932"), "inner.zip": inner},
        cp932_names=True,
    )
    _write(tmp_path, "backup.zip", data)
    out = scan(tmp_path)
    assert out.entities("backup.zip", member="名簿.csv", column="電話") == {"PHONE_NUMBER"}
    assert out.entities("backup.zip", member="inner.zip/内側.txt") == ALL3
    assert out.stat("members") == 3


def test_wrong_extensions_are_scanned_by_content_and_reported(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "really_xlsx.csv",
        builders.build_xlsx({"s": [["氏名", "電話"], ["山田太郎", "090-1234-5678"]]}),
    )
    _write(tmp_path, "really_text.pdf", PERSON_LINE.encode())
    out = scan(tmp_path)
    assert out.entities("really_xlsx.csv", sheet="s", column="電話") == {"PHONE_NUMBER"}
    assert out.entities("really_text.pdf") == ALL3
    assert "wrong_extension" in out.error_kinds("really_xlsx.csv")
    assert "wrong_extension" in out.error_kinds("really_text.pdf")


def test_binary_files_are_skipped_quietly(tmp_path: Path) -> None:
    _write(tmp_path, "photo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    _write(tmp_path, "empty.txt", b"")
    out = scan(tmp_path)
    assert out.findings == [] and out.errors == []
    assert out.stat("skipped_binary") == 2 and out.stat("files") == 0


def test_aes256_pdf_with_an_empty_user_password_is_read(tmp_path: Path) -> None:
    _write(tmp_path, "open.pdf", builders.build_pdf([[PERSON_LINE]], aes256=("", "owner")))
    out = scan(tmp_path)
    assert out.error_kinds("open.pdf") == set()
    assert out.entities("open.pdf") == ALL3


def test_pdf_with_a_user_password_is_encrypted_though_its_empty_owner_password_opens_it(
    tmp_path: Path,
) -> None:
    # qpdf --encrypt secret "" 256: pdfminer and pypdf open it with the empty *owner*
    # password; PDFium and Acrobat ask for the user password. Kojin does not bypass it.
    _write(tmp_path, "locked.pdf", builders.build_pdf([[PERSON_LINE]], aes256=("secret", "")))
    out = scan(tmp_path)
    assert out.error_kinds("locked.pdf") == {"encrypted"}
    assert out.entities("locked.pdf") == set()


def test_pdf_whose_content_does_not_decrypt_is_encrypted_not_garbage(tmp_path: Path) -> None:
    data = builders.build_pdf([[PERSON_LINE]], aes256=("", ""), wrong_key=True)
    _write(tmp_path, "garbled.pdf", data)
    out = scan(tmp_path)
    assert out.error_kinds("garbled.pdf") == {"encrypted"}
    assert out.entities("garbled.pdf") == set()
