"""Translated labels and small helpers shared by the 村务监督 screens."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.services import duties
from desktop.services.session import Session
from models.supervision import appraisal as ap
from models.supervision import matters as mm
from ui.errors import message_text
from ui.widgets.palette import AMBER, GREEN, RED

_C = "supervision_ui"

OUTCOMES = ("pending", "approved", "returned", "vetoed")


def area_label(code: str) -> str:
    """村务决策和公开 / 村级财产管理 / …"""
    return QCoreApplication.translate("supervision_matters", mm.AREAS.get(code, code))


def source_label(code: str) -> str:
    """监委会会议 / 村务公开审核 / 村民反映 / 日常检查."""
    return QCoreApplication.translate("supervision_matters", mm.SOURCES.get(code, code))


def state_label(code: str) -> str:
    """已发现 / 已通知整改 / …"""
    return QCoreApplication.translate("supervision_matters", mm.STATES.get(code, code))


def verdict_label(code: str) -> str:
    """称职 / 基本称职 / 不称职."""
    return QCoreApplication.translate("appraisal", ap.VERDICTS.get(code, code))


def verdict_color(code: str) -> QColor:
    """Red for 不称职, amber for 基本称职 and for 待按本省规定认定, green for 称职."""
    return {ap.INCOMPETENT: RED, ap.BASIC: AMBER, ap.UNDETERMINED: AMBER}.get(code, GREEN)


def body_label(code: str) -> str:
    """村民会议 / 村民代表会议."""
    tr = QCoreApplication.translate
    return tr(_C, "村民会议") if code == "assembly" else tr(_C, "村民代表会议")


def outcome_label(code: str) -> str:
    """What became of a questioned voucher."""
    tr = QCoreApplication.translate
    return {"approved": tr(_C, "同意入账"), "returned": tr(_C, "退回补正"),
            "vetoed": tr(_C, "否决"), "pending": tr(_C, "待处理")}.get(code, code)


def yuan(fen: int) -> str:
    """分 as "1,234.50 元" (exact, integer arithmetic)."""
    return QCoreApplication.translate(_C, "{amount} 元").format(amount=f"{fen // 100:,}.{fen % 100:02d}")


def act_reason(session: Session, on: date | None = None) -> str:
    """Why this login may not act for the 监委会 on `on` (default today), in words; "" when it may.

    Committee actions (matters, voucher reviews, appraisals) are signed only
    from a member's own login on a day their seat covers (`duties`); the
    services refuse the rest whatever the screen shows.
    """
    reason = duties.why_not_sign(session, on or date.today())
    return "" if reason is None else message_text(reason)


def answer_reason(session: Session, on: date | None = None) -> str:
    """Why this login may not record the 村委会's answer on `on` (default today); "" when it may."""
    reason = duties.why_not_answer(session, on or date.today())
    return "" if reason is None else message_text(reason)


def can_act(session: Session) -> bool:
    """Committee actions (matters, reviews, appraisals): a current member's own login, today."""
    return not act_reason(session)


def read_only_tip(session: Session | None = None) -> str:
    """Tooltip on a disabled committee action: why, for `session` (the general sentence without one)."""
    general = QCoreApplication.translate(_C, "只有监委会成员可以办理;您的账号只能查看。")
    reason = act_reason(session) if session is not None else ""
    return f"{general}\n{reason}" if reason else general
