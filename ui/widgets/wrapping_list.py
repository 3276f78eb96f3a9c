"""A list whose long entries wrap onto a second line instead of scrolling sideways.

The people lists of 任命 and 添加监委会成员 say who each person already is
(“王建国(村委会主任、党组织书记、村民代表)  一组”); in a dialog's narrow left
column such an entry ran past the edge and the list scrolled sideways, so the
group (and the end of the roles) were out of sight on a 1024×600 netbook.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QWidget


def wrapping_list(parent: QWidget | None = None) -> QListWidget:
    """A `QListWidget` that wraps its entries at its width and never scrolls sideways."""
    view = QListWidget(parent)
    view.setWordWrap(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap when the dialog is resized
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return view
