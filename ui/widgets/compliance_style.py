"""Colours and words of the compliance board's cell states, and the legend that explains them.

One place for them, so the grid, the drill-down and the legend always agree.
Colours are soft backgrounds with dark text (readable when printed in grey):
green done on time, amber done late, blue not yet due, red missing, grey
cannot tell (counted as not on time), white nothing was required.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from models.township.board import DUE, LATE, MISSING, NA, NONE, OK
from ui.widgets.palette import BLUE, WHITE

_C = "compliance_board"

#: state -> (background, text colour)
COLORS: dict[str, tuple[str, str]] = {
    OK: ("#cfeacf", "#1b5e20"),
    LATE: ("#ffe2a8", "#7a4a00"),
    DUE: ("#dbe7f6", BLUE.name()),
    MISSING: ("#f6c4bf", "#8e1c14"),
    NA: ("#ecebe7", "#6b6964"),
    NONE: (WHITE.name(), "#8a8882"),
}
ORDER = (OK, LATE, DUE, MISSING, NA, NONE)


def background(state: str) -> QColor:
    """The cell background of a state."""
    return QColor(COLORS.get(state, COLORS[NA])[0])


def foreground(state: str) -> QColor:
    """The cell text colour of a state."""
    return QColor(COLORS.get(state, COLORS[NA])[1])


def short_label(state: str) -> str:
    """The word shown in a cell (2–3 characters)."""
    return {
        OK: QCoreApplication.translate(_C, "按时"),
        LATE: QCoreApplication.translate(_C, "逾期"),
        DUE: QCoreApplication.translate(_C, "未到期"),
        MISSING: QCoreApplication.translate(_C, "缺失"),
        NA: QCoreApplication.translate(_C, "无数据"),
        NONE: QCoreApplication.translate(_C, "不适用"),
    }.get(state, state)


def explanation(state: str) -> str:
    """What a state means, for the legend and tooltips."""
    return {
        OK: QCoreApplication.translate(_C, "在期限内完成"),
        LATE: QCoreApplication.translate(_C, "完成了,但晚于期限"),
        DUE: QCoreApplication.translate(_C, "期限还没到"),
        MISSING: QCoreApplication.translate(_C, "期限已过,没有记录"),
        NA: QCoreApplication.translate(_C, "数据包没有覆盖,无法判断;算作未按时"),
        NONE: QCoreApplication.translate(_C, "这一期间没有要做的,不计入"),
    }.get(state, "")


def swatch(state: str) -> QLabel:
    """A small coloured box with the state's word in it."""
    box = QLabel(short_label(state))
    box.setAlignment(Qt.AlignmentFlag.AlignCenter)
    bg, fg = COLORS[state]
    box.setStyleSheet(f"background: {bg}; color: {fg}; border: 1px solid #c9c6bd; border-radius: 3px;"
                      "padding: 2px 8px;")
    return box


class Legend(QFrame):
    """The five states, each a coloured swatch with what it means."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("card", True)
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 10, 12, 10)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        title = QLabel(QCoreApplication.translate(_C, "图例"))
        title.setStyleSheet("font-weight: bold;")
        grid.addWidget(title, 0, 0, 1, 2)
        for row, state in enumerate(ORDER, start=1):
            grid.addWidget(swatch(state), row, 0)
            text = QLabel(explanation(state))
            text.setWordWrap(True)
            grid.addWidget(text, row, 1)
        grid.setColumnStretch(1, 1)
