"""Small pieces shared by the 审核备案 tabs: state labels, the empty-state line, Enter to act."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from desktop.services import review_service
from models.township import review as rv
from ui.widgets.scaled_label import ScaledLabel


def queue_state_label(state: str | None) -> str:
    """待审核 / 报审后又修改 / 已审核."""
    return QCoreApplication.translate("township_review", rv.QUEUE_LABELS.get(state or "", state or ""))


def filing_state_label(state: str) -> str:
    """待备案 / 已备案 / 已备案,责令改正."""
    return QCoreApplication.translate("review", review_service.FILING_LABELS.get(state, state))


def empty_label(text: str) -> ScaledLabel:
    """The centred grey sentence a tab shows when it has nothing to list."""
    label = ScaledLabel(text, 1.1)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setProperty("role", "hint")
    return label


