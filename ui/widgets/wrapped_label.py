"""Word-wrapped labels that claim the height their lines need, inside any parent.

Qt measures a wrapped label's height from its width (height-for-width), but a
`QSplitter`, a `QTabWidget` or a scroll area's content do not pass that on:
they size their children from the one-line minimum. The box layout then places
the label with all its lines anyway, over the widget above it (the 民主评议
不称职 rule drew over the table's last row at 1024×600 with 特大). These labels
keep their minimum height equal to the height of their wrapped text at their
current width, so every parent counts their real height and scrolls instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from ui.widgets.field_message import FieldMessage


class _ClaimsWrappedHeight:
    """Mixin for a `QLabel` subclass: minimum height = height of the wrapped text at the label's width."""

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        """Set the text and claim the height its lines need."""
        super().setText(text)
        self._claim_height()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """A new width re-wraps the lines: claim their new height."""
        super().resizeEvent(event)
        self._claim_height()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """A new font size (设置 → 字体大小) changes the lines' height too."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._claim_height()

    def _claim_height(self) -> None:
        if not self.wordWrap() or self.width() <= 0:
            return
        self.setMinimumHeight(0)  # QLabel.heightForWidth never answers less than the minimum height
        need = max(self.heightForWidth(self.width()), 0)
        self.setMinimumHeight(need)


class WrappedLabel(_ClaimsWrappedHeight, QLabel):
    """A word-wrapped `QLabel` that never draws over its neighbours (see the module's docstring)."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setWordWrap(True)


class WrappedMessage(_ClaimsWrappedHeight, FieldMessage):
    """A `FieldMessage` that claims the height of its wrapped lines (for the same parents)."""
