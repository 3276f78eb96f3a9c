"""Translated labels and colours shared by the 村务公开 screens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.services import disclosure_service as ds
from models.disclosure import calendar as cal
from models.disclosure import catalogue as cat
from models.disclosure.money import format_fen
from ui.widgets.palette import AMBER, BLUE, GREEN, GREY, RED, RED_BACKGROUND, WHITE

_C = "disclosure_ui"

#: Light backgrounds of the calendar cells, by obligation status.
_CELL_BACKGROUNDS = {
    cal.DONE_ON_TIME: QColor("#e3f1e4"),
    cal.DONE_LATE: QColor("#fff1cc"),
    cal.OVERDUE: RED_BACKGROUND,
    cal.DUE_SOON: QColor("#dde8f7"),
    cal.NOT_DUE: QColor("#efeeea"),
    cal.BEFORE_USE: QColor("#f7f7f5"),
}
_CELL_COLORS = {cal.DONE_ON_TIME: GREEN, cal.DONE_LATE: AMBER, cal.OVERDUE: RED, cal.DUE_SOON: BLUE,
                cal.NOT_DUE: GREY, cal.BEFORE_USE: GREY}


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
    return _CELL_BACKGROUNDS.get(code, WHITE)


def category_label(code: str) -> str:
    """党务 / 村务 / 财务."""
    return QCoreApplication.translate("disclosure_catalogue", cat.CATEGORIES.get(code, code))


def subject_label(code: str, own: dict[str, str] | None = None) -> str:
    """财务收支 / 工程项目 / … or the village's own subject's name.

    `own` is `disclosure_service.own_subject_labels()` when labelling many
    items at once; without it the village's own subject is looked up.
    """
    if cat.is_builtin(code):
        return QCoreApplication.translate("disclosure_catalogue", cat.ALL_BUILTIN[code][0])
    if own is not None:
        return own.get(code, code)
    return ds.subject_label(code)


def catalogue_label(subject: cat.Subject) -> str:
    """The label of a catalogue entry (built-ins translated, the village's own as typed)."""
    if subject.builtin:
        return QCoreApplication.translate("disclosure_catalogue", subject.label)
    return subject.label


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
