"""Translated labels and small HTML pieces shared by the 村规民约 screens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.services import rules_service
from models.legal import LegalBasis
from models.messages import QT_TRANSLATE_NOOP
from models.rules import procedure as proc
from ui.widgets.palette import AMBER, GREEN, GREY

_C = "rules_labels"

#: Where a village publishes an adopted text (the channel combo; free text allowed).
CHANNELS = (
    QT_TRANSLATE_NOOP(_C, "村务公开栏"),
    QT_TRANSLATE_NOOP(_C, "广播"),
    QT_TRANSLATE_NOOP(_C, "微信群"),
    QT_TRANSLATE_NOOP(_C, "村民大会"),
    QT_TRANSLATE_NOOP(_C, "明白纸"),
)

def channel_labels() -> list[str]:
    """The publication channels, translated."""
    return [QCoreApplication.translate(_C, c) for c in CHANNELS]


def status_label(status: str, filed_on: str = "") -> str:
    """已生效 / 起草中 / …; a version voted and filed (`filed_on`) but not yet published: 已备案,待公布."""
    if status == proc.ST_ADOPTED and filed_on:
        return QCoreApplication.translate("rules_procedure", proc.ADOPTED_FILED_LABEL)
    return QCoreApplication.translate("rules_procedure", proc.STATUS_LABELS.get(status, status))


def status_color(status: str) -> QColor:
    """Green in force, grey history or superseded, amber anything under way."""
    if status == proc.ST_IN_FORCE:
        return GREEN
    if status in (proc.ST_HISTORY, proc.ST_SUPERSEDED):
        return GREY
    return AMBER


def step_label(code: str) -> str:
    """征集民意 / 拟定草案 / 提请审核 / 审议表决 / 备案公布."""
    return QCoreApplication.translate("rules_procedure", proc.STEP_LABELS.get(code, code))


def kind_label(code: str) -> str:
    """村规民约 / 村民自治章程 / 其他制度."""
    return QCoreApplication.translate("rules", rules_service.KINDS.get(code, code))


def trigger_label(code: str) -> str:
    """村委会换届 / 乡镇统一部署 / …"""
    return QCoreApplication.translate("rules", rules_service.TRIGGERS.get(code, code or "其他"))


def source_label(code: str) -> str:
    """入户走访 / 座谈会 / …"""
    return QCoreApplication.translate("rules", rules_service.SOURCES.get(code, code))


def cite(basis: LegalBasis | None) -> str:
    """"(依据《…》第…条)" or nothing."""
    return f"({basis.cite()})" if basis is not None else ""
