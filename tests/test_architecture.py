"""The floor plan, checked: which package may import which, no cycles, short functions.

Connectors only read (they import nothing from the scanner or the reports); reports read
the inventory (never a connector); no module imports itself back through others. Walks
the source with ``ast``, so lazy imports inside functions count too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("scanner", "connectors", "reports")
#: longest function allowed outside bench/ and tests/ (lines, decorators and docstring in)
MAX_FUNCTION_LINES = 80
#: package -> packages it must not import
FORBIDDEN = {"connectors": ("scanner", "reports"), "reports": ("connectors",)}
#: the connector modules the subject search may use: the sources and their content types
#: (reading through the connectors' read path, never reflection, sampling or values), and
#: the URL of the deletion's own writable engine (a connector only ever reads)
SUBJECT_MAY_IMPORT = (
    "connectors.base",
    "connectors.registry",
    "connectors.database.source",
    "connectors.database.url",
    "connectors.files.source",
    "connectors.files.extractors.base",
)


def _modules() -> dict[str, Path]:
    out = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    return out


def _imports(module: str, path: Path) -> Iterator[tuple[str, int]]:
    """(imported module, line) for every import in ``path``, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base, node.lineno
            for alias in node.names:  # ``from scanner import config`` imports a module
                yield f"{base}.{alias.name}", node.lineno


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, path in modules.items():
        for name, _line in _imports(module, path):
            if name in modules and name != module:
                graph[module].add(name)
    return graph


def test_connectors_and_reports_import_only_what_they_may() -> None:
    bad = []
    for module, path in _modules().items():
        for name, line in _imports(module, path):
            for banned in FORBIDDEN.get(module.split(".")[0], ()):
                if name == banned or name.startswith(banned + "."):
                    bad.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert not bad, "\n".join(bad)


def test_the_subject_search_reads_through_the_connectors_public_modules() -> None:
    bad = []
    for module, path in _modules().items():
        if not module.startswith("scanner.subject"):
            continue
        for name, line in _imports(module, path):
            if name.split(".")[0] == "connectors" and not any(
                name == allowed or name.startswith(allowed + ".") for allowed in SUBJECT_MAY_IMPORT
            ):
                bad.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert not bad, "\n".join(bad)


def test_no_module_imports_itself_back() -> None:
    """Tarjan's strongly connected components of the module graph: all of size one."""
    graph = _graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    assert not cycles, f"import cycles: {cycles}"


def test_no_function_is_longer_than_the_limit() -> None:
    long = set()
    for module, path in _modules().items():
        for name, node in _functions(ast.parse(path.read_text(encoding="utf-8")), module):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            if node.end_lineno - first + 1 > MAX_FUNCTION_LINES:
                long.add(name)
    assert not long, f"over {MAX_FUNCTION_LINES} lines: {sorted(long)}"


def _functions(node: ast.AST, prefix: str) -> Iterator[tuple[str, ast.AST]]:
    """Every function and method with its dotted name (module.Class.method)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            yield f"{prefix}.{child.name}", child
            yield from _functions(child, f"{prefix}.{child.name}")
        elif isinstance(child, ast.ClassDef):
            yield from _functions(child, f"{prefix}.{child.name}")
        else:
            yield from _functions(child, prefix)


def test_every_import_names_something_that_exists() -> None:
    """Lazy imports inside functions too: a moved or renamed name fails here, not in use."""
    import importlib

    missing = []
    for path in _modules().values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or node.level or not node.module:
                continue
            if node.module.split(".")[0] not in PACKAGES:
                continue
            target = importlib.import_module(node.module)
            for alias in node.names:
                if hasattr(target, alias.name):
                    continue
                try:
                    importlib.import_module(f"{node.module}.{alias.name}")
                except ImportError:
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno} {alias.name}")
    assert not missing, "\n".join(missing)
