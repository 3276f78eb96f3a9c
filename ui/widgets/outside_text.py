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
- `PlainByDefault`: installed on the application (`ui.style.apply_style`),
  the general rule behind all of the above. Every QLabel left at Qt's
  default `AutoText` becomes `PlainText` when it is first polished (before
  it is ever shown), message boxes included: a label shows HTML only when
  its code asked for `RichText` explicitly — and such code escapes every
  outside word it puts in (`html.escape`), as the app's rich labels do.
  It also shows every tooltip — a widget's, a table cell's (ToolTipRole), a
  header's — literally when Qt would take it for HTML. Models keep
  returning the raw text; only its display changes.

`tests/gui/test_attack_outside_text.py` feeds HTML through every screen
that shows outside data and fails on any label that would render it.
"""

from __future__ import annotations

import html
import unicodedata

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMessageBox, QToolTip, QWidget

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


def raw_tooltip(widget: QWidget, pos: QPoint) -> str:
    """The tooltip Qt would show for `widget` at `pos`: a header's or a cell's from its model, else the widget's."""
    owner = widget.parent()
    if isinstance(owner, QAbstractItemView) and widget is owner.viewport():
        model = owner.model()
        if model is None:
            return ""
        if isinstance(owner, QHeaderView):
            section = owner.logicalIndexAt(pos)
            value = model.headerData(section, owner.orientation(), Qt.ItemDataRole.ToolTipRole) if section >= 0 else ""
        else:
            index = owner.indexAt(pos)
            value = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else ""
        return value if isinstance(value, str) else ""
    return widget.toolTip()


def shown_tooltip(widget: QWidget, pos: QPoint) -> str | None:
    """The tooltip to show instead of Qt's guess (escaped), or None when Qt's own display is already literal."""
    text = raw_tooltip(widget, pos)
    if not text or not QtGui.Qt.mightBeRichText(text) or widget.property("richToolTip"):
        return None
    return tooltip(text)


#: Qt's own label that shows tooltips: it is handed escaped HTML by `PlainByDefault`, so it stays AutoText.
_TOOLTIP_LABEL = "qtooltip_label"


class PlainByDefault(QObject):
    """Application event filter: AutoText labels become plain text; a tooltip that looks like HTML is shown literally."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Make a label plain when it is polished; replace Qt's display of a tooltip it would render as HTML."""
        kind = event.type()
        if kind == QEvent.Type.Polish:
            if (isinstance(watched, QLabel) and watched.textFormat() == Qt.TextFormat.AutoText
                    and watched.objectName() != _TOOLTIP_LABEL):
                watched.setTextFormat(PLAIN)
            return False
        if kind != QEvent.Type.ToolTip or not isinstance(watched, QWidget):
            return False
        text = shown_tooltip(watched, event.pos())
        if text is None:
            return False
        QToolTip.showText(event.globalPos(), text, watched)
        return True
