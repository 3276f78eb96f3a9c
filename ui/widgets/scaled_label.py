"""Widgets whose font is a fixed multiple of the application font.

A widget given an explicit font stops following `QApplication.setFont`, and
with a style sheet Qt does not even tell it the application font changed.
So a title set to "18 pt" would stay 18 pt after the person chose 特大.
`scale_font` listens to `ui.fonts.font_notifier()` instead and recomputes
the widget's font, so no restart is needed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from ui.fonts import font_notifier


class _FontScaler(QObject):
    """Child of the widget it scales, so it dies with it (and its connection too)."""

    def __init__(self, widget: QWidget, factor: float, bold: bool):
        super().__init__(widget)
        self._widget = widget
        self._factor = factor
        self._bold = bold
        font_notifier().changed.connect(self.apply)
        self.apply(QApplication.font())

    def apply(self, base: QFont) -> None:
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * self._factor)
        font.setBold(self._bold)
        self._widget.setFont(font)


def scale_font(widget: QWidget, factor: float, bold: bool = False) -> QWidget:
    """Keep `widget`'s font at `factor` × the application font; returns `widget`."""
    _FontScaler(widget, factor, bold)
    return widget


class ScaledLabel(QLabel):
    """A `QLabel` at `factor` × the application font size, optionally bold."""

    def __init__(self, text: str = "", factor: float = 1.0, bold: bool = False,
                 parent: QWidget | None = None):
        super().__init__(text, parent)
        scale_font(self, factor, bold)
