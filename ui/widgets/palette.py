"""The colours every screen shares, defined once.

The four status colours are the style sheet's error / ok / hint roles
(`resources/style.qss`: `QLabel[role=...]`) so a coloured table cell and a
coloured message label read as the same thing. Areas import these names;
none defines its own copy of a colour listed here.
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

#: Errors, overdue items, refusals (the style sheet's `role="error"`).
RED = QColor("#b3261e")
#: Done, in force, approved (`role="ok"`).
GREEN = QColor("#2e7d32")
#: Under way, late, needs attention.
AMBER = QColor("#8a5a00")
#: History, not due, information (`role="hint"`).
GREY = QColor("#5f5d57")
#: Due soon, the current step, links.
BLUE = QColor("#1f4e8c")
#: A not-yet-reached step marker (lighter than GREY).
PALE_GREY = QColor("#8a8880")
#: The light background of an invalid or overdue cell (under RED text).
RED_BACKGROUND = QColor("#fbe0dd")
#: A field whose typed text is refused (an impossible date, an amount too large).
INVALID_FIELD_BACKGROUND = QColor("#fdf0ee")
#: A plain cell background (no state, nothing to say).
WHITE = QColor("#ffffff")
#: Body text drawn in rich text where the style sheet does not reach.
INK = QColor("#1c1b18")

#: The amber strip for banners and cadence notes (meeting editor, rules, supervision).
BANNER_STYLE = ("background: #fff4d6; border: 1px solid #e0c77a; border-radius: 4px;"
                " padding: 8px 12px; color: #5a4300;")


def set_role(widget: QWidget, role: str) -> None:
    """Give `widget` the style sheet's `role` ("error", "ok", "hint" or "" for none) and re-polish it.

    A dynamic property change needs the re-polish for the style sheet to notice.
    """
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
