"""Real-documents benchmark: Kojin over public document libraries' own test fixtures.

    python -m bench.real_documents_bench SNAPSHOT:FOLDER [SNAPSHOT:FOLDER ...]
                                         [--show] [--json OUT]

Each argument is a fetched snapshot (a bare git directory from the search tool's
``fetch``, or a checkout) and the folder of test fixtures inside it, for example
``/work/.mirror/jsvine+pdfplumber/repo:tests/pdfs``. The folder is copied out to a
temporary directory (nothing fetched is committed) and scanned with ``FilesSource`` and
the fast detector, exactly as a file share is. Printed per fixture set:

- files read, crashes (a unit whose scan raised instead of reporting), error kinds;
- encoding accuracy, for files whose name or folder names a codec Python knows
  (``ja/shift_jis.txt``, ``utf-16.be``, ``euc-kr/x.txt``): the share whose text Kojin
  decoded exactly as that codec decodes it (a superset such as cp932 for Shift_JIS or
  cp1252 for Latin-1 text counts when it gives the same text);
- findings per entity, and how many files hold a PERSON finding. These fixtures are
  parsers' test documents (PDF layouts, Word styles, encodings in many languages, odd
  e-mails): nearly none hold personal data, so their PERSON findings are mostly false
  positives; ``--show`` lists them (masked) with the file to check by eye.
"""

from __future__ import annotations

import argparse
import codecs
import io
import json
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from connectors.files.config import FilesSourceConfig
from connectors.files.source import FilesSource
from scanner.scan.runner import Runner


@dataclass
class SetResult:
    name: str
    files: int = 0
    crashes: list[str] = field(default_factory=list)
    error_kinds: Counter[str] = field(default_factory=Counter)
    entities: Counter[str] = field(default_factory=Counter)
    person_files: set[str] = field(default_factory=set)
    person_examples: list[str] = field(default_factory=list)
    error_places: list[str] = field(default_factory=list)
    #: files whose name or folder names their encoding: [right, wrong, list of wrong ones]
    encoding_right: int = 0
    encoding_wrong: list[str] = field(default_factory=list)


def export(spec: str, into: Path) -> tuple[str, Path]:
    """Copy ``SNAPSHOT:FOLDER`` out to ``into``; returns (a display name, the folder)."""
    snapshot, _, folder = spec.partition(":")
    path = Path(snapshot)
    repo = path.parent if path.name == ".git" else path
    name = f"{repo.parent.name if repo.name == 'repo' else repo.name}:{folder or '.'}"
    target = into / name.replace("/", "_").replace(":", "__")
    target.mkdir(parents=True)
    if (path / "HEAD").exists() and (path / "objects").exists():
        copy_blobs(path, folder, target)
    else:
        subprocess.run(["cp", "-r", str(path / folder), str(target)], check=True)
    return name, target


def copy_blobs(git_dir: Path, folder: str, target: Path) -> int:
    """Write the snapshot's files under ``folder`` into ``target``; returns how many were
    absent (a snapshot from the fetch tool lacks files of 4 MiB and more, so ``git
    archive`` would stop at the first)."""
    git = ["git", f"--git-dir={git_dir}"]
    listing = subprocess.run(
        [*git, "ls-tree", "-r", "-z", "HEAD", "--", folder or "."],
        capture_output=True,
        check=True,
    ).stdout
    entries = []
    for row in listing.split(b"\0"):
        if not row:
            continue
        meta, _, rel = row.partition(b"\t")
        mode, kind, sha = meta.split()
        if kind == b"blob" and mode != b"120000":  # symlinks are not fixtures
            entries.append((sha.decode(), rel.decode("utf-8", "surrogateescape")))
    batch = subprocess.run(
        [*git, "cat-file", "--batch"],
        input="".join(f"{sha}\n" for sha, _ in entries).encode(),
        capture_output=True,
        check=True,
    ).stdout
    stream, missing = io.BytesIO(batch), 0
    for _sha, rel in entries:
        header = stream.readline().split()
        if header[-1] == b"missing":
            missing += 1
            continue
        data = stream.read(int(header[2]))
        stream.read(1)  # the newline after each object
        out = target / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    return missing


def scan(name: str, root: Path, detector, ocr: bool = False) -> SetResult:
    config = FilesSourceConfig(type="files", name="fixtures", root=root, ocr=ocr)
    source = FilesSource(config)
    runner = Runner(detector, None)
    out = SetResult(name)
    check_encodings(source, root, out)
    for unit in source.work_units():
        try:
            result = runner.run(source, unit)
        except Exception as exc:  # noqa: BLE001 - a crash is what this benchmark counts
            out.crashes.append(f"{unit.key}: {type(exc).__name__}")
            continue
        out.files += result.stats.get("files", 0)
        out.error_kinds.update(e.kind for e in result.errors)
        out.error_places += [f"{e.kind} {e.location.get('path', '')}" for e in result.errors]
        for f in result.findings:
            out.entities[f.entity] += 1
            if f.entity == "PERSON":
                path = str(f.location.get("path", ""))
                out.person_files.add(path)
                examples = ", ".join(f.examples[:2]) if f.examples else ""
                out.person_examples.append(f"{path}: {examples}")
    return out


#: names in test data that Python spells differently
_CODEC_NAMES = {"uhc": "cp949", "mac-centraleurope": "mac_latin2", "shift-jis": "shift_jis"}


def truth_codec(rel: str) -> str | None:
    """The codec a fixture's file name (``utf-16.be``, ``shift_jis.txt``) or a folder
    names, when Python has it."""
    parts = rel.split("/")
    name = parts[-1]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    for cand in (name.replace(".", "-"), stem, *reversed(parts[:-1])):
        key = cand.lower().replace("_", "-")
        key = _CODEC_NAMES.get(key, key)
        try:
            info = codecs.lookup(key)
        except LookupError:
            continue
        if getattr(info, "_is_text_encoding", True):  # not quopri, base64, ...
            return info.name
    return None


def check_encodings(source: FilesSource, root: Path, out: SetResult) -> None:
    """Compare the codec Kojin read each encoding-named file with against its name."""
    for file in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = str(file.relative_to(root))
        truth = truth_codec(rel)
        if truth is None:
            continue
        data = file.read_bytes()
        try:
            expected = data.decode(truth).lstrip("\ufeff").replace("\x00", "")
        except UnicodeDecodeError:
            continue  # the name is wrong or the file mixes encodings: no truth
        with source.document_at(rel) as document:
            for _ in document.items:
                pass
            used = sorted(document.report.encodings)
        read = ""
        if len(used) == 1:
            try:
                read = data.decode(used[0], errors="replace").lstrip("\ufeff")
            except LookupError:
                read = ""
            read = read.replace("\x00", "")
        if read == expected:
            out.encoding_right += 1
        else:
            out.encoding_wrong.append(f"{rel}: read as {','.join(used) or 'nothing'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("sets", nargs="+", help="SNAPSHOT:FOLDER of test fixtures")
    parser.add_argument("--show", action="store_true", help="list the PERSON findings")
    parser.add_argument("--ocr", action="store_true", help="ocr = true (needs tesseract)")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    from scanner.detect.detector import Detector

    detector = Detector(mode="fast").load()
    results = []
    with tempfile.TemporaryDirectory(prefix="kojin-fixtures-") as tmp:
        for spec in args.sets:
            name, root = export(spec, Path(tmp))
            print(f"scanning {name} ...", file=sys.stderr, flush=True)
            results.append(scan(name, root, detector, ocr=args.ocr))
    print("\nKojin over public test-fixture documents (fast detector)")
    print(f"{'fixture set':<44} {'files':>5} {'crash':>5} {'PERSON':>6} {'in files':>8}  errors")
    for r in results:
        errors = ", ".join(f"{k} {v}" for k, v in r.error_kinds.most_common()) or "-"
        print(f"{r.name:<44} {r.files:>5} {len(r.crashes):>5} {r.entities['PERSON']:>6} "
              f"{len(r.person_files):>8}  {errors}")  # fmt: skip
        others = ", ".join(f"{e} {n}" for e, n in sorted(r.entities.items()) if e != "PERSON")
        if others:
            print(f"{'':<44} other findings: {others}")
        checked = r.encoding_right + len(r.encoding_wrong)
        if checked:
            print(f"{'':<44} encoding read right: {r.encoding_right}/{checked} "
                  f"({r.encoding_right / checked:.0%})")  # fmt: skip
            if args.show:
                for line in r.encoding_wrong:
                    print(f"   ENCODING {line}")
        for crash in r.crashes:
            print(f"   CRASH {crash}")
        if args.show:
            for line in r.person_examples:
                print(f"   PERSON {line}")
            for line in r.error_places:
                print(f"   error {line}")
    total = sum(r.entities["PERSON"] for r in results)
    files = sum(r.files for r in results)
    crashes = sum(len(r.crashes) for r in results)
    print(f"\n{files} files, {crashes} crashes, {total} PERSON findings in "
          f"{sum(len(r.person_files) for r in results)} files")  # fmt: skip
    if args.json:
        payload = [
            {
                "set": r.name,
                "files": r.files,
                "crashes": r.crashes,
                "error_kinds": dict(r.error_kinds),
                "entities": dict(r.entities),
                "person_files": sorted(r.person_files),
                "encoding_right": r.encoding_right,
                "encoding_wrong": r.encoding_wrong,
            }  # fmt: skip
            for r in results
        ]
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
