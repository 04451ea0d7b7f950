"""Header context for CSV / TSV blocks inside a text.

A value in a ``tel`` column has no label beside it; its header a few lines up is the
label. Consecutive lines with the same number (≥ 2) of commas or tabs form a block; its
first line is the header if it looks like names rather than values, and every cell
below it gets that header as context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADER_CELL = re.compile(r"[A-Za-z_ぁ-ゖァ-ヴー一-龥α-ω][\w ()（）・/-]{0,30}")


@dataclass(frozen=True, slots=True)
class Cell:
    start: int
    end: int
    header: str  # this column's header, lower-cased
    all_headers: str  # the whole header line, lower-cased (a partner table's 法人番号 ...)


def _split(line: str, sep: str, offset: int) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for part in line.split(sep):
        spans.append((offset + pos, offset + pos + len(part)))
        pos += len(part) + 1
    return spans


def table_cells(text: str) -> list[Cell]:
    """Cells of header-led CSV/TSV blocks, in text order (empty for prose)."""
    if "," not in text and "\t" not in text:
        return []
    cells: list[Cell] = []
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        start, line = lines[i]
        sep = "\t" if line.count("\t") >= 2 else ","
        n = line.count(sep)
        if n < 2:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j][1].count(sep) == n:
            j += 1
        headers = [h.strip().strip('"') for h in line.split(sep)]
        if j - i >= 2 and all(_HEADER_CELL.fullmatch(h) for h in headers if h):
            all_headers = line.lower()
            for row_start, row in lines[i + 1 : j]:
                for (s, e), header in zip(_split(row, sep, row_start), headers, strict=False):
                    if header and e > s:
                        cells.append(Cell(s, e, header.lower(), all_headers))
        i = j
    return cells
