"""Translated labels and finding sentences shared by the meeting screens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from models.meetings import types as mt
from models.meetings.matters import MATTERS
from models.meetings.quorum import ABSENT, ERROR, LEAVE, OBSERVER, PRESENT, WARNING, Finding
from models.messages import QT_TRANSLATE_NOOP
from ui.errors import message_text

_C = "meeting_labels"

#: Attendance statuses in the order of the quick keys 1–4.
STATUS_ORDER = (PRESENT, ABSENT, LEAVE, OBSERVER)
_STATUS_LABELS = {
    PRESENT: QT_TRANSLATE_NOOP(_C, "到会"),
    ABSENT: QT_TRANSLATE_NOOP(_C, "缺席"),
    LEAVE: QT_TRANSLATE_NOOP(_C, "请假"),
    OBSERVER: QT_TRANSLATE_NOOP(_C, "列席"),
}

#: Colours shared with the style sheet's error / ok / hint roles.
RED = QColor("#b3261e")
GREEN = QColor("#2e7d32")
AMBER = QColor("#8a5a00")
GREY = QColor("#5f5d57")


def status_label(status: str) -> str:
    """到会 / 缺席 / 请假 / 列席."""
    return QCoreApplication.translate(_C, _STATUS_LABELS.get(status, status))


def type_label(code: str) -> str:
    """The translated name of a meeting type (the code itself when unknown)."""
    kind = mt.TYPES.get(code)
    return QCoreApplication.translate("meeting_types", kind.label) if kind else code


def matter_label(code: str) -> str:
    """The translated name of a matter category."""
    return QCoreApplication.translate("matters", MATTERS.get(code, code))


def finding_text(finding: Finding) -> str:
    """The finding's sentence, translated, with its legal citation."""
    text = message_text(finding.message)
    if finding.basis is not None:
        text += "(" + finding.basis.cite() + ")"
    return text


def severity_color(severity: str) -> QColor:
    """Red for errors, amber for warnings, grey for information."""
    return {ERROR: RED, WARNING: AMBER}.get(severity, GREY)


def findings_html(findings: list[Finding] | tuple[Finding, ...]) -> str:
    """Findings as rich text, one coloured bullet line each (escaped)."""
    from html import escape

    lines = []
    for f in findings:
        color = GREEN.name() if f.severity not in (ERROR, WARNING) else severity_color(f.severity).name()
        lines.append(f"<div style='color:{color}; margin-bottom:4px'>• {escape(finding_text(f))}</div>")
    return "".join(lines)


def transparent_scroll(widget: QWidget) -> QScrollArea:
    """A frameless scroll area around `widget` that shows its parent's background."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    area.setStyleSheet("QScrollArea { background: transparent; }")
    area.viewport().setAutoFillBackground(False)
    widget.setAutoFillBackground(False)
    widget.setObjectName("scrollContent")
    widget.setStyleSheet("#scrollContent { background: transparent; }")
    return area
