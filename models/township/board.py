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

#: Cell states. `due`: not yet due in the period; `na` (无数据): the village's data cannot tell (no
#: package since the deadline, or none at all) — it counts against the rate like a gap, because a
#: village that sends nothing must not look better than one that reports its gaps; `none` (不适用):
#: nothing was required (no 村规民约 in force to file, no committee yet) — left out of every rate.
OK, LATE, DUE, MISSING, NA, NONE = "ok", "late", "due", "missing", "na", "none"
STATE_LABELS = {
    OK: QT_TRANSLATE_NOOP(_C, "按时"),
    LATE: QT_TRANSLATE_NOOP(_C, "逾期完成"),
    DUE: QT_TRANSLATE_NOOP(_C, "未到期"),
    MISSING: QT_TRANSLATE_NOOP(_C, "缺失"),
    NA: QT_TRANSLATE_NOOP(_C, "无数据"),
    NONE: QT_TRANSLATE_NOOP(_C, "不适用"),
}
#: States a rate is computed over: the obligation applied and was due. 无数据 is among them (not OK).
APPLICABLE = (OK, LATE, MISSING, NA)
#: States that say something is known about the village (a rate needs at least one of them).
KNOWN = (OK, LATE, MISSING)
#: Whose duty an obligation is: the village's (its rate) or the township's own (the township's row).
VILLAGE, TOWNSHIP = "village", "township"
#: Days without a package after which a village is listed apart as 长期未报送 (about a quarter: its
#: cells of the last ended quarter can no longer be judged).
SILENT_DAYS = 90


def share(states) -> float | None:
    """Share of OK among the applicable states; None when nothing is known (only 无数据, 未到期, 不适用).

    无数据 counts in the denominator as not on time: no data is not compliance.
    """
    states = list(states)
    if not any(s in KNOWN for s in states):
        return None
    applicable = [s for s in states if s in APPLICABLE]
    return sum(s == OK for s in applicable) / len(applicable)


def answered_share(states) -> float | None:
    """Share of OK among OK, LATE, MISSING (the township's own duties: it always knows what it answered)."""
    known = [s for s in states if s in KNOWN]
    return sum(s == OK for s in known) / len(known) if known else None


def median(values) -> float | None:
    """The median of the numbers given (None when there are none)."""
    xs = sorted(values)
    if not xs:
        return None
    mid = len(xs) // 2
    return xs[mid] if len(xs) % 2 else (xs[mid - 1] + xs[mid]) / 2


@dataclass(frozen=True)
class Obligation:
    """One column of the board: a legal obligation every village has."""

    key: str  # e.g. "disclosure_affairs", "rep_meetings"
    label: str  # untranslated Chinese source text (QT_TRANSLATE_NOOP'd)
    area: str  # disclosure / meetings / supervision / rules
    basis: str = ""  # the legal basis shown in the report, e.g. "组织法第26条"
    #: VILLAGE: counts in the village's rate. TOWNSHIP: the township's own duty towards the village (e.g.
    #: answering what it reported): shown per village, never in the village's rate, summed in the township row.
    duty_of: str = VILLAGE


@dataclass(frozen=True)
class Cell:
    """One village's standing on one obligation in the period."""

    state: str  # OK / LATE / DUE / MISSING / NA / NONE
    done: int = 0  # occurrences done (on time or late)
    late: int = 0  # of which late
    expected: int = 0  # occurrences the period required (0 when not applicable)
    note: str = ""  # a short Chinese text for the cell, e.g. "3/3" or "2026-05-12 备案"
    detail: str = ""  # the explanation, one line per occurrence (tooltips, the report's notes)


#: The cell of a village and obligation nothing is known of (one shared instance: cells are frozen, and
#: the grid asks for one each time it paints a cell).
_NA_CELL = Cell(NA)


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
    #: The township's own row: per township-duty obligation, one cell over every village's occurrences.
    township_cells: Mapping[str, Cell] = field(default_factory=dict)
    #: Days of silence after which a village is listed apart (`silent_villages`).
    silent_after_days: int = SILENT_DAYS

    def cell(self, village_code: str, obligation_key: str) -> Cell:
        """The cell, or an NA cell when nothing is known."""
        return self.cells.get((village_code, obligation_key), _NA_CELL)

    @property
    def village_obligations(self) -> tuple[Obligation, ...]:
        """The obligations that are the villages' own (they make the villages' rates)."""
        return tuple(o for o in self.obligations if o.duty_of != TOWNSHIP)

    @property
    def township_obligations(self) -> tuple[Obligation, ...]:
        """The township's own duties (shown in the township's row, never in a village's rate)."""
        return tuple(o for o in self.obligations if o.duty_of == TOWNSHIP)

    def rate(self, obligation_key: str) -> float | None:
        """Share of villages OK on this obligation (None: nothing known).

        A village's 无数据 counts as not on time. For a township duty only what the township did counts.
        """
        states = [self.cell(v.code, obligation_key).state for v in self.villages]
        if any(o.key == obligation_key and o.duty_of == TOWNSHIP for o in self.obligations):
            return answered_share(states)
        return share(states)

    def village_rate(self, village_code: str) -> float | None:
        """Share of this village's own obligations that are OK, 无数据 counting as not (None: nothing known)."""
        return share(self.cell(village_code, o.key).state for o in self.village_obligations)

    def overall_rate(self) -> float | None:
        """Share of all villages' own cells that are OK (无数据 counting as not; None: nothing known)."""
        return share(self.cell(v.code, o.key).state for v in self.villages for o in self.village_obligations)

    def township_cell(self, obligation_key: str) -> Cell:
        """The township's own cell for one of its duties (不适用 when nothing was due)."""
        return self.township_cells.get(obligation_key, Cell(NONE))

    def is_silent(self, village: VillageHead) -> bool:
        """Listed apart as 长期未报送: enrolled, and no package for more than `silent_after_days` (or never)."""
        if village.retired:
            return False
        return village.silent_days is None or village.silent_days > self.silent_after_days

    @property
    def silent_villages(self) -> tuple[VillageHead, ...]:
        """The villages listed apart, the longest silent first (never-sent ones first of all)."""
        silent = [v for v in self.villages if self.is_silent(v)]
        return tuple(sorted(silent, key=lambda v: (v.silent_days is not None, -(v.silent_days or 0), v.code)))

    def median_rate(self) -> float | None:
        """The median of the villages' rates (those that have one)."""
        return median(r for v in self.villages if (r := self.village_rate(v.code)) is not None)

    def behind(self, village_code: str, median_rate: float | None = None) -> bool:
        """Whether a village is behind (只看落后的村).

        Behind: one of its own cells is 缺失 or 逾期, or its rate is below the median of the villages'
        rates, or nothing is known about it (rate 无数据).

        `median_rate` may be passed when asking for many villages (it is the same for all).
        """
        if any(self.cell(village_code, o.key).state in (MISSING, LATE) for o in self.village_obligations):
            return True
        rate = self.village_rate(village_code)
        if rate is None:
            return True
        mid = self.median_rate() if median_rate is None else median_rate
        return mid is not None and rate < mid

    @property
    def empty(self) -> bool:
        """True when no village has any data for the period (the report says so)."""
        return all(c.state in (NA, NONE) for c in self.cells.values()) if self.cells else True
