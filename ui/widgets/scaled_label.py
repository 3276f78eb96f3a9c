"""Widgets whose font is a fixed multiple of the application font.

A widget given an explicit font stops following `QApplication.setFont`, so a
title set to "18 pt" would stay 18 pt after the person chose 特大. `scale_font`
recomputes the widget's font whenever the application font changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QWidget


class _FontScaler(QObject):
    """Event filter that re-applies the scaled font on application font changes."""

    def __init__(self, widget: QWidget, factor: float, bold: bool):
        super().__init__(widget)
        self._factor = factor
        self._bold = bold
        widget.installEventFilter(self)
        self.apply(widget)

    def apply(self, widget: QWidget) -> None:
        font = QApplication.font()
        font.setPointSizeF(font.pointSizeF() * self._factor)
        font.setBold(self._bold)
        widget.setFont(font)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ApplicationFontChange and isinstance(watched, QWidget):
            self.apply(watched)
        return False


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
