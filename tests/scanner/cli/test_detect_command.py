from __future__ import annotations

import json
import subprocess
import sys

from scanner.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_detect_text_as_jsonl(capsys):
    code, out, _ = run(capsys, "detect", "山田太郎様の電話は090-1234-5678です", "--format", "jsonl")
    assert code == 0
    record = json.loads(out)
    assert record["id"] == "1"
    phone = next(f for f in record["findings"] if f["entity"] == "PHONE_NUMBER")
    assert (phone["start"], phone["end"], phone["excerpt"]) == (9, 22, "090-****-5678")
    assert phone["category"] == "電話番号" and phone["recognizer"]
    assert "1234" not in out


def test_show_values(capsys):
    _, out, _ = run(
        capsys, "detect", "メールはtaro@example.co.jpです", "-f", "jsonl", "--show-values"
    )
    assert json.loads(out)["findings"][0]["excerpt"] == "taro@example.co.jp"


def test_input_file_of_jsonl_and_plain_lines(tmp_path, capsys):
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text('{"id": "a", "text": "生年月日 1985/4/1"}\n{"id": "b", "text": "なし"}\n')
    _, out, _ = run(capsys, "detect", "--input", str(jsonl), "-f", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["a", "b"]
    assert records[0]["findings"][0]["entity"] == "DATE_OF_BIRTH" and records[1]["findings"] == []

    plain = tmp_path / "in.txt"
    plain.write_bytes("電話 03-1234-5678\n\n携帯 090-1111-2222\n".encode("cp932"))
    _, out, _ = run(capsys, "detect", "-i", str(plain), "-f", "jsonl", "--entities", "PHONE_NUMBER")
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["1", "3"]


def test_table_format(capsys):
    code, out, _ = run(capsys, "detect", "山田太郎様", "--format", "table")
    assert code == 0 and "PERSON" in out and "山***" in out


def test_errors_are_one_line_without_traceback(tmp_path, capsys):
    for args in (
        ["detect", "x", "--mode", "turbo"],
        ["detect", "x", "--threshold", "2"],
        ["detect", "x", "--entities", "NOPE"],
        ["detect", "--input", str(tmp_path / "missing.txt")],
        ["detect"],
    ):
        code, _, err = run(capsys, *args)
        assert code != 0, args
        assert err.startswith("kojin: error:") and err.count("\n") == 1, (args, err)
        assert "Traceback" not in err


def test_stdin_through_the_console_script():
    proc = subprocess.run(
        [sys.executable, "-m", "scanner", "detect", "-", "--format", "jsonl"],
        input="メールはtaro@example.co.jpです\n".encode(),
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["findings"][0]["entity"] == "EMAIL_ADDRESS"
