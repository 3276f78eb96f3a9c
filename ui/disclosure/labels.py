"""Translated labels and colours shared by the 村务公开 screens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.services import disclosure_service as ds
from models.disclosure import calendar as cal
from models.disclosure import catalogue as cat
from models.disclosure.money import format_fen
from ui.meetings.labels import AMBER, GREEN, GREY, RED

__all__ = ["AMBER", "BLUE", "GREEN", "GREY", "RED"]

_C = "disclosure_ui"

BLUE = QColor("#1f4e8c")

#: Light backgrounds of the calendar cells, by obligation status.
_CELL_BACKGROUNDS = {
    cal.DONE_ON_TIME: QColor("#e3f1e4"),
    cal.DONE_LATE: QColor("#fff1cc"),
    cal.OVERDUE: QColor("#fbe0dd"),
    cal.DUE_SOON: QColor("#dde8f7"),
    cal.NOT_DUE: QColor("#efeeea"),
}
_CELL_COLORS = {cal.DONE_ON_TIME: GREEN, cal.DONE_LATE: AMBER, cal.OVERDUE: RED, cal.DUE_SOON: BLUE,
                cal.NOT_DUE: GREY}


def status_label(code: str) -> str:
    """草稿 / 监委会审核中 / 被退回 / 审核通过,待公开 / 已公开 / 已撤下."""
    return QCoreApplication.translate("disclosure", ds.STATUS_LABELS.get(code, code))


def status_color(code: str) -> QColor:
    """Green posted, amber under way, red returned, grey draft or taken down."""
    return {"posted": GREEN, "in_review": AMBER, "approved": BLUE, "returned": RED}.get(code, GREY)


def obligation_label(code: str) -> str:
    """按时公开 / 逾期公开 / 即将到期 / 逾期未公开 / 未到期."""
    return QCoreApplication.translate("disclosure_calendar", cal.STATUS_LABELS.get(code, code))


def obligation_color(code: str) -> QColor:
    """按时 green, 逾期公开 amber, 逾期未公开 red, 即将到期 blue, 未到期 grey."""
    return _CELL_COLORS.get(code, GREY)


def obligation_background(code: str) -> QColor:
    """The light cell background of an obligation status."""
    return _CELL_BACKGROUNDS.get(code, QColor("#ffffff"))


def category_label(code: str) -> str:
    """党务 / 村务 / 财务."""
    return QCoreApplication.translate("disclosure_catalogue", cat.CATEGORIES.get(code, code))


def subject_label(code: str) -> str:
    """财务收支 / 工程项目 / …"""
    entry = cat.SUBJECTS.get(code)
    return QCoreApplication.translate("disclosure_catalogue", entry[0]) if entry else code


def period_kind_label(code: str) -> str:
    """每月 / 每季度 / 每半年 / 每年 / 随时."""
    return QCoreApplication.translate("disclosure_catalogue", cat.PERIODS.get(code, code))


def period_label(kind: str, period: str) -> str:
    """2026年10月 / 2026年第3季度 / …"""
    return cat.period_label(kind, period)


def yuan(fen: int) -> str:
    """分 as "1,234.50 元"."""
    return QCoreApplication.translate(_C, "{amount} 元").format(amount=format_fen(fen))


def channel_label(channel: str) -> str:
    """A posting channel (the service's words), translated."""
    return QCoreApplication.translate("disclosure", channel)
