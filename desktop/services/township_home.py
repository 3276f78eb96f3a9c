"""What the township's 首页 shows at a glance: villages, work waiting, and the last quarter's rate.

One call, so the page stays a thin widget; every figure comes from the
services the areas themselves use (nothing is counted twice in two ways).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.paths import AppPaths
from desktop.services import compliance_service, review_service, villages_service
from models.township import board as board_mod
from models.township import review


@dataclass(frozen=True)
class TownshipSummary:
    """The township's home page figures."""

    villages: int
    active: int
    pending: int  # enrolled, no package yet
    silent: int  # no package for more than villages_service.SILENCE_THRESHOLD_DAYS
    silent_names: tuple[str, ...]  # the longest silent first (at most five)
    with_gaps: int
    drafts_waiting: int  # 村规民约 drafts waiting for the township's opinion
    escalations_waiting: int  # matters and feedback reported and not answered
    period_label: str  # the last ended quarter
    rate: float | None  # share of the villages' own board cells on time in that quarter (无数据 = not)
    missing_cells: int  # the villages' own cells 缺失 in that quarter
    data_as_of: str
    #: Villages whose audit log was rewritten after sending (the witness says broken), until re-enrolled.
    audit_broken_names: tuple[str, ...] = ()


def summary(paths: AppPaths, today: date | None = None) -> TownshipSummary:
    """The figures for the township's home page."""
    today = today or date.today()
    reg = villages_service.register(paths)
    silent = sorted((r for r in reg.rows if r.overdue), key=lambda r: -(r.silent_days or 0))
    drafts = sum(1 for q in review_service.queue(include_reviewed=False) if q.state == review.PENDING)
    escalations = sum(1 for e in review_service.escalations() if not e.answer)
    board = compliance_service.board(compliance_service.default_period(today), today, with_trend=False)
    # the villages' own duties only (what the township owes them is not their gap); 无数据 counts as not on time
    states = [board.cell(v.code, o.key).state for v in board.villages for o in board.village_obligations]
    rate = board.overall_rate()
    return TownshipSummary(
        len(reg.rows), reg.active, reg.pending, reg.overdue, tuple(r.name for r in silent[:5]), reg.with_gaps,
        drafts, escalations, board.period_label, rate, states.count(board_mod.MISSING), board.data_as_of,
        tuple(r.name for r in reg.rows if r.audit == "broken"))
