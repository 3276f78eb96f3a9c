"""Enter in a widget calls back: the lists that open their row on Enter (township and county pages).

An event filter rather than a QShortcut: a shortcut fires only while its
window is the active one, a filter whenever the widget has the keyboard.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget


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
