"""The friendly page of an area that is not built yet.

A person who clicks 会议与表决 before that area exists should read what will
be there, not stare at a blank pane and wonder whether the program broke.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.widgets.scaled_label import ScaledLabel, scale_font


class EmptyStatePage(QWidget):
    """A large title, what will be here, and that it is being built."""

    def __init__(self, title: str, planned: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title_label = ScaledLabel(title, 1.8, bold=True)
        self.text_label = QLabel(planned + "\n" + self.tr("此功能正在开发中。"))
        self.text_label.setWordWrap(True)
        scale_font(self.text_label, 1.15)
        self.text_label.setProperty("role", "hint")
        for label in (self.title_label, self.text_label):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 40, 40, 40)
        layout.addStretch(2)
        layout.addWidget(self.title_label)
        layout.addSpacing(12)
        layout.addWidget(self.text_label)
        layout.addStretch(3)
