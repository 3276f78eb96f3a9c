"""Fair baseline for the start-up benchmark: the least a Chinese PySide6 window must do.

`bare_window.py` paints an empty QMainWindow, which never pays for what any
Chinese program pays for: the CJK font that the first Chinese text measurement
makes Qt find and load, and PySide's `Qt` namespace (its enums are built on
first import). This window pays exactly that and nothing of cunwu's own: a
dialog with a title, a Chinese label, two fields and two buttons, the font
found the same way cunwu finds it (no family named; Qt's font fallback picks
the system CJK font), Qt enums used for the layout.

Exits as soon as the dialog has been painted once, printing "shown" — the
same moment `cunwu` reports under CUNWU_STARTUP_PROBE=1.
"""

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)


class Window(QDialog):
    """A small Chinese form; quits after its first paint."""

    def __init__(self):
        super().__init__()
        self._reported = False
        self.setWindowTitle("青山村 - 村务台账 - 登录")
        layout = QVBoxLayout(self)
        title = QLabel("青山村")
        title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(title)
        form = QFormLayout()
        password = QLineEdit()
        password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("登录名", QLineEdit("admin"))
        form.addRow("密码", password)
        layout.addLayout(form)
        layout.addWidget(QPushButton("登录"))
        layout.addWidget(QPushButton("退出"))

    def paintEvent(self, event):  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._reported:
            self._reported = True
            print("shown", flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)


app = QApplication(sys.argv)
window = Window()
window.show()
sys.exit(app.exec())
