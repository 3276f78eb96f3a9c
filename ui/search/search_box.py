"""The search box in the main window's menu bar: where a person looks for "search", it hands over to the search window.

The box itself never lists hits (a menu bar has no room for them): the
first word typed, a click or Enter opens the search window with that word,
the cursor continuing there. An input method commits whole words, so the
hand-over never splits a word.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QMouseEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class SearchBox(QLineEdit):
    """`search_requested(text or None)`: open the search window (None: as it was left)."""

    search_requested = Signal(object)

    def __init__(self, shortcut: QKeySequence, parent: QWidget | None = None):
        super().__init__(parent)
        keys = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
        self.setPlaceholderText(self.tr("搜索记录 ({keys})").format(keys=keys))
        self.setToolTip(self.tr("在全部记录中查找字词 ({keys})").format(keys=keys))
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("国") * 12)
        # Slimmer than a form's field: the menu bar must not grow for it (a 600-pixel screen needs every line).
        self.setObjectName("menuSearch")
        self.setStyleSheet("QLineEdit#menuSearch { padding: 0px 6px; min-height: 0px; margin: 0px 8px 0px 0px; }")
        self.textEdited.connect(self._hand_over)
        self.returnPressed.connect(lambda: self._hand_over(self.text()))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        """A click opens the search window (the box only hands over)."""
        super().mousePressEvent(event)
        self.search_requested.emit(None)

    def _hand_over(self, text: str) -> None:
        self.clear()
        self.search_requested.emit(text if text.strip() else None)
