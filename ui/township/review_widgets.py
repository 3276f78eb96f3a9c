"""Small pieces shared by the 审核备案 tabs: state labels, the empty-state line, Enter to act."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QWidget,
)

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


class _KeyFilter(QObject):
    """Calls back on Enter/Return (with `modifier`) in a widget.

    An event filter rather than a QShortcut: a shortcut fires only while its
    window is the active one, a filter whenever the widget has the keyboard.
    """

    def __init__(self, widget: QWidget, callback: Callable[[], None],
                 modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
        super().__init__(widget)
        self._callback = callback
        self._modifier = modifier

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        """Enter acts; every other key goes on to the widget."""
        if (event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier) == self._modifier):
            self._callback()
            return True
        return False


def on_enter(widget: QWidget, callback: Callable[[], None],
             modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Make Enter (with `modifier`, e.g. Ctrl in a text box) in `widget` call `callback`."""
    widget.installEventFilter(_KeyFilter(widget, callback, modifier))
