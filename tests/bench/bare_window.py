"""Baseline for the start-up benchmark: a bare PySide6 QMainWindow.

Exits as soon as the window has been painted once, printing "shown" — the
same moment `cunwu` reports under CUNWU_STARTUP_PROBE=1.
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class Window(QMainWindow):
    """Quits after its first paint."""

    def __init__(self):
        super().__init__()
        self._reported = False

    def paintEvent(self, event):  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._reported:
            self._reported = True
            print("shown", flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)


app = QApplication(sys.argv)
window = Window()
window.resize(1100, 720)
window.show()
sys.exit(app.exec())
