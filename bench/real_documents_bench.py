"""Real-documents benchmark: Kojin over public document libraries' own test fixtures.

    python -m bench.real_documents_bench SNAPSHOT:FOLDER [SNAPSHOT:FOLDER ...]
                                         [--show] [--json OUT]

Each argument is a fetched snapshot (a bare git directory from the search tool's
``fetch``, or a checkout) and the folder of test fixtures inside it, for example
``/work/.mirror/jsvine+pdfplumber/repo:tests/pdfs``. The folder is copied out to a
temporary directory (nothing fetched is committed) and scanned with ``FilesSource`` and
the fast detector, exactly as a file share is. Printed per fixture set:

- files read, crashes (a unit whose scan raised instead of reporting), error kinds;
- findings per entity, and how many files hold a PERSON finding. These fixtures are
  parsers' test documents (PDF layouts, Word styles, encodings in many languages, odd
  e-mails): nearly none hold personal data, so their PERSON findings are mostly false
  positives; ``--show`` lists them (masked) with the file to check by eye.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tarfile
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


def export(spec: str, into: Path) -> tuple[str, Path]:
    """Copy ``SNAPSHOT:FOLDER`` out to ``into``; returns (a display name, the folder)."""
    snapshot, _, folder = spec.partition(":")
    path = Path(snapshot)
    name = f"{path.parent.name if path.name == 'repo' else path.name}:{folder or '.'}"
    target = into / name.replace("/", "_").replace(":", "__")
    target.mkdir(parents=True)
    if (path / "HEAD").exists() and (path / "objects").exists():
        archive = subprocess.run(
            ["git", f"--git-dir={path}", "archive", "--format=tar", "HEAD", folder or "."],
            capture_output=True,
            check=True,
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(target, filter="data")
    else:
        subprocess.run(["cp", "-r", str(path / folder), str(target)], check=True)
    return name, target


def scan(name: str, root: Path, detector) -> SetResult:
    source = FilesSource(FilesSourceConfig(type="files", name="fixtures", root=root))
    runner = Runner(detector, None)
    out = SetResult(name)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("sets", nargs="+", help="SNAPSHOT:FOLDER of test fixtures")
    parser.add_argument("--show", action="store_true", help="list the PERSON findings")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    from scanner.detect.detector import Detector

    detector = Detector(mode="fast").load()
    results = []
    with tempfile.TemporaryDirectory(prefix="kojin-fixtures-") as tmp:
        for spec in args.sets:
            name, root = export(spec, Path(tmp))
            print(f"scanning {name} ...", file=sys.stderr, flush=True)
            results.append(scan(name, root, detector))
    print("\nKojin over public test-fixture documents (fast detector)")
    print(f"{'fixture set':<44} {'files':>5} {'crash':>5} {'PERSON':>6} {'in files':>8}  errors")
    for r in results:
        errors = ", ".join(f"{k} {v}" for k, v in r.error_kinds.most_common()) or "-"
        print(f"{r.name:<44} {r.files:>5} {len(r.crashes):>5} {r.entities['PERSON']:>6} "
              f"{len(r.person_files):>8}  {errors}")  # fmt: skip
        others = ", ".join(f"{e} {n}" for e, n in sorted(r.entities.items()) if e != "PERSON")
        if others:
            print(f"{'':<44} other findings: {others}")
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
            }  # fmt: skip
            for r in results
        ]
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
