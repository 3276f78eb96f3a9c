"""Scroll areas that blend into the card they sit on."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


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
