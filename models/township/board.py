"""The shape of the compliance board (合规看板): villages × obligations for a period.

Built by `desktop/services/compliance_service.py` from what the villages'
packages brought, drawn by `ui/township/compliance_page.py`, written to Excel
by `desktop/reports/compliance_xlsx.py` and to PDF by
`desktop/reports/compliance_pdf.py`. All of them read these plain, frozen
objects, so the report and the screen can never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from models.messages import QT_TRANSLATE_NOOP

_C = "compliance"

#: Cell states, worst last. `due`: not yet due in the period; `na`: does not
#: apply, or no data has arrived that could tell.
OK, LATE, DUE, MISSING, NA = "ok", "late", "due", "missing", "na"
STATE_LABELS = {
    OK: QT_TRANSLATE_NOOP(_C, "按时"),
    LATE: QT_TRANSLATE_NOOP(_C, "逾期完成"),
    DUE: QT_TRANSLATE_NOOP(_C, "未到期"),
    MISSING: QT_TRANSLATE_NOOP(_C, "缺失"),
    NA: QT_TRANSLATE_NOOP(_C, "无数据"),
}


@dataclass(frozen=True)
class Obligation:
    """One column of the board: a legal obligation every village has."""

    key: str  # e.g. "disclosure_affairs", "rep_meetings"
    label: str  # untranslated Chinese source text (QT_TRANSLATE_NOOP'd)
    area: str  # disclosure / meetings / supervision / rules
    basis: str = ""  # the legal basis shown in the report, e.g. "组织法第26条"


@dataclass(frozen=True)
class Cell:
    """One village's standing on one obligation in the period."""

    state: str  # OK / LATE / DUE / MISSING / NA
    done: int = 0  # occurrences done (on time or late)
    late: int = 0  # of which late
    expected: int = 0  # occurrences the period required (0 when not applicable)
    note: str = ""  # a short Chinese text for the cell, e.g. "3/3" or "2026-05-12 备案"
    detail: str = ""  # the explanation, one line per occurrence (tooltips, the report's notes)


@dataclass(frozen=True)
class VillageHead:
    """One row of the board: a village and how fresh its data is."""

    code: str
    name: str
    province: str
    data_as_of: str = ""  # ISO date of the last package imported from it ("" never)
    silent_days: int | None = None  # days since that package (None: never)
    retired: bool = False  # no longer enrolled (shown only for periods its data covers)


@dataclass(frozen=True)
class Board:
    """The whole board for one period ("2026Q3" or "2026")."""

    township_name: str
    township_code: str
    period: str
    period_label: str  # e.g. "2026年第三季度"
    start: date
    end: date
    data_as_of: str  # the newest data_as_of of all villages ("" when none)
    villages: tuple[VillageHead, ...]
    obligations: tuple[Obligation, ...]
    cells: Mapping[tuple[str, str], Cell] = field(default_factory=dict)  # (village code, obligation key)
    #: (period label, share of applicable cells that are OK) for recent quarters, oldest first.
    trend: tuple[tuple[str, float], ...] = ()

    def cell(self, village_code: str, obligation_key: str) -> Cell:
        """The cell, or an NA cell when nothing is known."""
        return self.cells.get((village_code, obligation_key), Cell(NA))

    def rate(self, obligation_key: str) -> float | None:
        """Share of villages OK on this obligation, among those it applies to (None: none)."""
        states = [self.cell(v.code, obligation_key).state for v in self.villages]
        applicable = [s for s in states if s in (OK, LATE, MISSING)]
        return sum(s == OK for s in applicable) / len(applicable) if applicable else None

    def village_rate(self, village_code: str) -> float | None:
        """Share of this village's applicable obligations that are OK (None: none)."""
        states = [self.cell(village_code, o.key).state for o in self.obligations]
        applicable = [s for s in states if s in (OK, LATE, MISSING)]
        return sum(s == OK for s in applicable) / len(applicable) if applicable else None

    @property
    def empty(self) -> bool:
        """True when no village has any data for the period (the report says so)."""
        return all(c.state == NA for c in self.cells.values()) if self.cells else True
