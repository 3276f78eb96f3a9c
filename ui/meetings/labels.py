"""Translated labels shared by the meeting screens (attendance, meeting types, matters)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.meetings.quorum import ABSENT, LEAVE, OBSERVER, PRESENT
from models.messages import QT_TRANSLATE_NOOP

_C = "meeting_labels"

#: Attendance statuses in the order of the quick keys 1–4.
STATUS_ORDER = (PRESENT, ABSENT, LEAVE, OBSERVER)
_STATUS_LABELS = {
    PRESENT: QT_TRANSLATE_NOOP(_C, "到会"),
    ABSENT: QT_TRANSLATE_NOOP(_C, "缺席"),
    LEAVE: QT_TRANSLATE_NOOP(_C, "请假"),
    OBSERVER: QT_TRANSLATE_NOOP(_C, "列席"),
}


def status_label(status: str) -> str:
    """到会 / 缺席 / 请假 / 列席."""
    return QCoreApplication.translate(_C, _STATUS_LABELS.get(status, status))
