"""Typing Chinese the way a person does: through the input method.

`QTest.keyClicks` maps characters to key codes and only knows ASCII; a
person's pinyin IME commits whole words as an input-method event instead.
"""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type `text` into `widget`: ASCII as key presses, the rest as IME commits."""
    widget.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)
