"""The wizard's "working" line while 完成 creates the data (a few seconds: the password's scrypt hash).

Without it the wizard sat still for about five seconds after 完成 and looked
hung; the line and a moving bar say it is working, and the window keeps painting.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget


class CommitBusy(QWidget):
    """A sentence and an indeterminate bar, hidden until `start`."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel()
        self.label.setProperty("role", "hint")
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # no steps to count: it moves while the work runs
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(self.fontMetrics().horizontalAdvance("国") * 12)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addStretch(1)
        self.hide()

    def start(self, text: str) -> None:
        """Show `text` with the moving bar."""
        self.label.setText(text)
        self.show()

    def stop(self) -> None:
        """Hide the line (the work ended)."""
        self.hide()
