"""Compare two runs by finding identity: what is new, gone, or judged differently."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scanner.inventory.records import RunInfo, StoredFinding

#: a score moving less than this is noise, not a change
SCORE_STEP = 0.05


@dataclass(frozen=True)
class FindingChange:
    before: StoredFinding
    after: StoredFinding
    changes: tuple[str, ...]  # "verdict: allowed → no_purpose", "rows_matched: 10 → 12"


@dataclass(frozen=True)
class FindingsDiff:
    new: tuple[StoredFinding, ...]
    removed: tuple[StoredFinding, ...]
    changed: tuple[FindingChange, ...]
    #: violations now that were not violations (or not there) before
    new_violations: tuple[StoredFinding, ...]
    #: violations before that are gone or no longer violations
    resolved_violations: tuple[StoredFinding, ...]
    #: findings the newer run carried forward because it could not read their places
    #: (未スキャン): neither removed nor resolved
    not_scanned: tuple[StoredFinding, ...] = ()

    @property
    def verdict_changes(self) -> tuple[FindingChange, ...]:
        return tuple(c for c in self.changed if c.before.verdict != c.after.verdict)


@dataclass(frozen=True)
class RunDiff:
    before: RunInfo | None
    after: RunInfo
    findings: FindingsDiff


def diff_findings(before: Sequence[StoredFinding], after: Sequence[StoredFinding]) -> FindingsDiff:
    old = {f.key: f for f in before}
    now = {f.key: f for f in after}
    changed = []
    for key, f in now.items():
        if key in old:
            fields = _changes(old[key], f)
            if fields:
                changed.append(FindingChange(old[key], f, fields))
    new_violations = tuple(
        f for k, f in now.items() if f.is_violation and not (k in old and old[k].is_violation)
    )
    resolved = tuple(
        f for k, f in old.items() if f.is_violation and not (k in now and now[k].is_violation)
    )
    return FindingsDiff(
        new=tuple(f for k, f in now.items() if k not in old),
        removed=tuple(f for k, f in old.items() if k not in now),
        changed=tuple(changed),
        new_violations=new_violations,
        resolved_violations=resolved,
        not_scanned=tuple(f for f in now.values() if f.not_scanned),
    )


def _changes(a: StoredFinding, b: StoredFinding) -> tuple[str, ...]:
    out = []
    if b.not_scanned:  # carried forward as last seen: nothing is known to have changed
        return ()
    if a.verdict != b.verdict:
        out.append(f"verdict: {a.verdict} → {b.verdict}")
    if (a.asset or "") != (b.asset or ""):
        out.append(f"asset: {a.asset or '-'} → {b.asset or '-'}")
    for name in ("rows_matched", "count"):
        x, y = getattr(a, name), getattr(b, name)
        if x != y:
            out.append(f"{name}: {x if x is not None else '-'} → {y if y is not None else '-'}")
    if abs(a.score - b.score) >= SCORE_STEP:
        out.append(f"score: {a.score:.2f} → {b.score:.2f}")
    return tuple(out)


def diff_runs(inventory, before: RunInfo | None, after: RunInfo) -> RunDiff:
    """``before`` None compares against nothing: every finding is new.

    A finding both runs hold as the same stored row (a rescan's unchanged item, stored by
    reference) is equal in both, so it is left out before the rows are read."""
    if before is None:
        return RunDiff(before, after, diff_findings([], inventory.findings(after)))
    rows_before, rows_after = inventory.finding_rows(before), inventory.finding_rows(after)
    old = inventory.findings(before, only=_not_in(rows_before, rows_after))
    now = inventory.findings(after, only=_not_in(rows_after, rows_before))
    return RunDiff(before, after, diff_findings(old, now))


def _not_in(rows: dict[str, int], other: dict[str, int]) -> set[int]:
    """The rows of ``rows`` that ``other`` does not hold for the same finding."""
    return {row for key, row in rows.items() if other.get(key) != row}
