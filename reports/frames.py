"""The inventory as pandas DataFrames, for auditors' own analysis in a notebook.

Reads the inventory only, like every report. Values are what the reports show: masked
examples and identifiers of places, never raw personal data (fingerprints are not
exposed either)::

    from reports.frames import InventoryFrames

    frames = InventoryFrames.open("kojin.toml")
    frames.runs()                      # one row per run
    frames.findings()                  # the latest run's findings, judged
    frames.verdicts()                  # every run × finding: how verdicts moved
    frames.diff()                      # the last two runs: new / removed / changed / not scanned
    frames.ledger()                    # the 個人情報管理台帳 rows of a run
    frames.findings().groupby(["asset", "verdict"]).size()

``run`` arguments take what ``kojin report`` takes: a number, a run id, ``latest`` or
``previous`` (None: the latest).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from scanner.inventory.diff import diff_findings
from scanner.inventory.records import RunInfo, StoredFinding
from scanner.inventory.store import Inventory

if TYPE_CHECKING:
    import pandas as pd

#: the columns of ``findings()``, in order (``verdicts()`` adds the run's columns)
FINDING_COLUMNS = (
    "run", "finding_id", "source", "place", "entity", "category", "score", "verdict",
    "violation", "rule", "asset", "purposes", "reason", "rows_sampled", "rows_matched",
    "count", "examples", "review", "review_note", "not_scanned", "last_scanned_run",
)  # fmt: skip
RUN_COLUMNS = (
    "run", "run_id", "started", "ended", "status", "findings", "violations", "errors",
    "config_fingerprint",
)  # fmt: skip
DIFF_COLUMNS = ("change", *FINDING_COLUMNS, "detail")


class InventoryFrames:
    """DataFrames over one inventory; ``lang`` picks the category and reason wording."""

    def __init__(self, inventory: Inventory, lang: str = "ja") -> None:
        self.inventory = inventory
        self.lang = lang

    @classmethod
    def open(cls, config_path: str | Path, lang: str | None = None) -> InventoryFrames:
        """The inventory a Kojin config names (``[inventory]``), as ``kojin report`` reads it."""
        from scanner.config import load_config

        config = load_config(config_path)
        inventory = Inventory.open(config.inventory, create=False)
        return cls(inventory, lang or config.reports.lang)

    def close(self) -> None:
        self.inventory.close()

    def __enter__(self) -> InventoryFrames:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def runs(self) -> pd.DataFrame:
        import pandas as pd

        rows = [_run_row(r) for r in self.inventory.runs()]
        return _times(pd.DataFrame(rows, columns=list(RUN_COLUMNS)), ("started", "ended"))

    def findings(self, run: str | None = None) -> pd.DataFrame:
        import pandas as pd

        info = self.inventory.resolve_run(run)
        rows = [self._finding_row(info, f) for f in self.inventory.findings(info)]
        return pd.DataFrame(rows, columns=list(FINDING_COLUMNS))

    def verdicts(self) -> pd.DataFrame:
        """Every finding of every run with its verdict: ``pivot(index="finding_id",
        columns="run", values="verdict")`` shows each finding's history."""
        import pandas as pd

        rows = []
        for info in self.inventory.runs():
            rows += [self._finding_row(info, f) | {"run_id": info.run_id, "ended": info.ended}
                     for f in self.inventory.findings(info)]  # fmt: skip
        frame = pd.DataFrame(rows, columns=[*FINDING_COLUMNS, "run_id", "ended"])
        return _times(frame, ("ended",))

    def diff(self, before: str | None = None, after: str | None = None) -> pd.DataFrame:
        """What changed from ``before`` (default: the run before ``after``) to ``after``
        (default: the latest); a finding not scanned in ``after`` is ``not_scanned``."""
        import pandas as pd

        later = self.inventory.resolve_run(after)
        earlier = (self.inventory.resolve_run(before) if before
                   else self.inventory.previous_run(later))  # fmt: skip
        old = self.inventory.findings(earlier) if earlier is not None else []
        result = diff_findings(old, self.inventory.findings(later))
        rows = [self._finding_row(later, f) | {"change": "new", "detail": ""}
                for f in result.new]  # fmt: skip
        if earlier is not None:
            rows += [self._finding_row(earlier, f) | {"change": "removed", "detail": ""}
                     for f in result.removed]  # fmt: skip
        rows += [self._finding_row(later, c.after) | {"change": "changed",
                                                      "detail": "; ".join(c.changes)}
                 for c in result.changed]  # fmt: skip
        rows += [self._finding_row(later, f) | {"change": "not_scanned", "detail": ""}
                 for f in result.not_scanned]  # fmt: skip
        return pd.DataFrame(rows, columns=list(DIFF_COLUMNS))

    def ledger(self, run: str | None = None) -> pd.DataFrame:
        """The 個人情報管理台帳 of a run: one row per asset, the report's columns as values
        (件数 a number)."""
        import pandas as pd

        from reports.cells import ledger_cells
        from reports.labels import LEDGER_COLUMNS
        from reports.model import load_report_data

        data = load_report_data(self.inventory, run)
        keys = [key for key, _ja, _en in LEDGER_COLUMNS]
        rows = [ledger_cells(r, data, self.lang, "UTC") for r in data.ledger]
        frame = pd.DataFrame(rows, columns=keys)
        frame.insert(1, "in_catalog", [r.in_catalog for r in data.ledger])
        return frame

    def _finding_row(self, run: RunInfo, f: StoredFinding) -> dict[str, Any]:
        return {
            "run": run.pk, "finding_id": f.finding_id, "source": f.source, "place": f.place,
            "entity": f.entity, "category": f.category(self.lang), "score": f.score,
            "verdict": f.verdict, "violation": f.is_violation, "rule": f.rule,
            "asset": f.asset, "purposes": list(f.purposes), "reason": f.reason(self.lang),
            "rows_sampled": f.rows_sampled, "rows_matched": f.rows_matched, "count": f.count,
            "examples": list(f.examples),
            "review": str(f.review.mark) if f.review else None,
            "review_note": f.review.note if f.review else None,
            "not_scanned": f.not_scanned, "last_scanned_run": f.last_scanned_run_pk,
        }  # fmt: skip


def _run_row(r: RunInfo) -> dict[str, Any]:
    return {
        "run": r.pk, "run_id": r.run_id, "started": r.started, "ended": r.ended,
        "status": r.status, "findings": r.findings_count, "violations": r.violations_count,
        "errors": r.errors_count, "config_fingerprint": r.config_fingerprint,
    }  # fmt: skip


def _times(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    import pandas as pd

    for column in columns:
        frame[column] = pd.to_datetime(frame[column], utc=True)
    return frame
