"""Supervision matters (监督事项): the committee's casework, as a small state machine.

opened (发现问题) → notified (发出整改建议/通知, with a deadline) → answered
(村委会答复) → verified (监委会核实) → closed. A matter cannot be closed
without verification; an unanswered matter past its deadline is overdue and
may be escalated to the township (it then travels in the next package).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.messages import QT_TRANSLATE_NOOP, Message, msg

_C = "supervision_matters"

AREAS = {
    "decisions": QT_TRANSLATE_NOOP(_C, "村务决策和公开"),
    "property": QT_TRANSLATE_NOOP(_C, "村级财产管理"),
    "projects": QT_TRANSLATE_NOOP(_C, "村工程项目建设"),
    "subsidies": QT_TRANSLATE_NOOP(_C, "惠农政策措施落实"),
    "civility": QT_TRANSLATE_NOOP(_C, "精神文明建设(含村规民约执行)"),
    "other": QT_TRANSLATE_NOOP(_C, "其他"),
}
SOURCES = {
    "meeting": QT_TRANSLATE_NOOP(_C, "监委会会议"),
    "disclosure": QT_TRANSLATE_NOOP(_C, "村务公开审核"),
    "complaint": QT_TRANSLATE_NOOP(_C, "村民反映"),
    "inspection": QT_TRANSLATE_NOOP(_C, "日常检查"),
}
OPENED, NOTIFIED, ANSWERED, VERIFIED, CLOSED = "opened", "notified", "answered", "verified", "closed"
STATES = {
    OPENED: QT_TRANSLATE_NOOP(_C, "已发现"), NOTIFIED: QT_TRANSLATE_NOOP(_C, "已通知整改"),
    ANSWERED: QT_TRANSLATE_NOOP(_C, "村委会已答复"), VERIFIED: QT_TRANSLATE_NOOP(_C, "已核实"),
    CLOSED: QT_TRANSLATE_NOOP(_C, "已办结"),
}


@dataclass(frozen=True)
class MatterFacts:
    """Dates recorded on a matter ("" when not yet)."""

    opened_on: str
    notified_on: str = ""
    deadline: str = ""
    answered_on: str = ""
    verified_on: str = ""
    closed_on: str = ""
    escalated_on: str = ""


def state(f: MatterFacts) -> str:
    """Where the matter stands."""
    for code, day in ((CLOSED, f.closed_on), (VERIFIED, f.verified_on), (ANSWERED, f.answered_on),
                      (NOTIFIED, f.notified_on)):
        if day:
            return code
    return OPENED


def overdue(f: MatterFacts, today: date) -> bool:
    """Notified, past the deadline, not answered."""
    return state(f) == NOTIFIED and bool(f.deadline) and today.isoformat() > f.deadline


_NEXT = {OPENED: NOTIFIED, NOTIFIED: ANSWERED, ANSWERED: VERIFIED, VERIFIED: CLOSED}


def why_not(f: MatterFacts, target: str, on: date, deadline: str = "") -> list[Message]:
    """Reasons the matter cannot move to `target` on `on` (empty when it can)."""
    current = state(f)
    if current == CLOSED:
        return [msg(_C, QT_TRANSLATE_NOOP(_C, "这个事项已经办结。"))]
    if _NEXT.get(current) != target:
        if target == CLOSED:
            return [msg(_C, QT_TRANSLATE_NOOP(_C, "整改情况还没有核实,不能办结。"))]
        return [msg(_C, QT_TRANSLATE_NOOP(_C, "请按顺序办理:下一步是“{step}”。"),
                    step=STATES[_NEXT[current]])]
    last = max(d for d in (f.opened_on, f.notified_on, f.answered_on, f.verified_on) if d)
    if on.isoformat() < last:
        return [msg(_C, QT_TRANSLATE_NOOP(_C, "日期 {on} 早于上一步的日期 {last}。"), on=on.isoformat(), last=last)]
    if target == NOTIFIED and (not deadline or deadline < on.isoformat()):
        return [msg(_C, QT_TRANSLATE_NOOP(_C, "请填写整改期限(不能早于通知日期)。"))]
    return []


def can_escalate(f: MatterFacts, today: date) -> list[Message]:
    """Escalation to the township: for an overdue or unresolved matter, once."""
    if f.escalated_on:
        return [msg(_C, QT_TRANSLATE_NOOP(_C, "已经于 {on} 报告乡镇。"), on=f.escalated_on)]
    if state(f) in (VERIFIED, CLOSED):
        return [msg(_C, QT_TRANSLATE_NOOP(_C, "事项已经解决,不需要报告乡镇。"))]
    if state(f) == OPENED:
        return [msg(_C, QT_TRANSLATE_NOOP(_C, "请先向村委会发出整改建议,逾期未整改再报告乡镇。"))]
    return []
