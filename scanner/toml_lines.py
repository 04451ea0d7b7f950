"""Where in a TOML text a config location is: the line an error message points at."""

from __future__ import annotations

from typing import Any


def _header_lines(lines: list[str], name: str, array: bool) -> list[int]:
    want = f"[[{name}]]" if array else f"[{name}]"
    found = []
    for i, line in enumerate(lines):
        head = line.split("#", 1)[0].replace(" ", "").strip()
        if head == want:
            found.append(i)
    return found


def line_of(text: str, loc: tuple[Any, ...], value: str | None = None) -> int | None:
    """Best-effort line number of a config location such as ('catalog', 'assets', 1, 'name').

    The table is found from the location's leading names (``[[catalog.assets]]`` counted
    by index, or ``[scan]``); then the key's line inside it, or the line quoting ``value``.
    """
    lines = text.splitlines()
    start, keys = 0, [p for p in loc if isinstance(p, str)]
    first_int = next((i for i, p in enumerate(loc) if isinstance(p, int)), None)
    array_headers = (
        _header_lines(lines, ".".join(map(str, loc[:first_int])), array=True) if first_int else []
    )
    if first_int and array_headers:
        if loc[first_int] >= len(array_headers):
            return None
        start = array_headers[loc[first_int]]
        keys = [p for p in loc[first_int + 1 :] if isinstance(p, str)]
    else:
        names = [p for p in loc if isinstance(p, str)]
        for size in range(len(names), 0, -1):
            name = ".".join(names[:size])
            headers = _header_lines(lines, name, array=False) or _header_lines(
                lines, name, array=True
            )
            if headers:
                start, keys = headers[0], names[size:]
                break
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("[")),
        len(lines),
    )
    if value is not None:
        for quote in ('"', "'"):
            for i in range(start, end):
                if f"{quote}{value}{quote}" in lines[i]:
                    return i + 1
    if keys:
        for i in range(start, end):
            if lines[i].split("=", 1)[0].strip() == keys[-1]:
                return i + 1
    return start + 1
