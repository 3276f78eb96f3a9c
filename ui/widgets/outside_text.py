"""Text that comes from outside — a package, a file, another PC — shown as exactly what it is.

A QLabel, a QMessageBox and a tooltip guess: text that *looks* like HTML
(`Qt.mightBeRichText`) is rendered as HTML. A village name, a sender name in
a manifest, a meeting title or a file name is written by someone else, so a
name like ``青山村<br><b>✔ 指纹已由系统自动核对一致 无需打电话</b>`` would print a
fake instruction inside our own prompt. Everything from outside therefore
goes through here (DESIGN §6: "data from packages and files is shown as
plain text"):

- `OutsideLabel` / `plain(label)`: a label that never renders rich text.
- `one_line(text)`: for outside text inside one of *our* sentences — line
  breaks and other control characters shown as visible marks, so outside
  text cannot start a line of its own that reads like ours.
- `tooltip(text)`: a tooltip shows the text literally (tooltips have no
  plain-text switch, so the text is escaped into HTML).
- `plain_message(box)`: a QMessageBox whose text and details are plain.

`tests/gui/test_attack_outside_text.py` feeds HTML through every screen
that shows outside data and fails on any label that would render it.
"""

from __future__ import annotations

import html
import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

PLAIN = Qt.TextFormat.PlainText


def plain(label: QLabel) -> QLabel:
    """Make `label` show its text literally (never as HTML); returns it."""
    label.setTextFormat(PLAIN)
    return label


class OutsideLabel(QLabel):
    """A QLabel for outside text: plain text, always."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(PLAIN)
        self.setText(text)


def one_line(text: object) -> str:
    """`text` with line breaks as "⏎" and other control or format characters as "�" (one line, no tricks)."""
    out = []
    for ch in str(text if text is not None else ""):
        if ch in "\r\n\u2028\u2029\x0b\x0c\x85":
            out.append("⏎")
        elif ch == "\t":
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cf"):
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def tooltip(text: object) -> str:
    """A tooltip string that shows `text` literally (escaped HTML that keeps its line breaks)."""
    body = html.escape(str(text if text is not None else "")).replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'>{body}</p>" if body else ""


def plain_message(box: QMessageBox) -> QMessageBox:
    """Make a message box show its text (and informative text) literally; returns it."""
    box.setTextFormat(PLAIN)
    for label in box.findChildren(QLabel):
        label.setTextFormat(PLAIN)
    return box
