"""The board's legend in one row under the grid: each state's coloured word, its meaning as tooltip.

The township's legend is a card beside its grid; the county's grids are as
wide as the township's (and one level has a column more), so the legend
lies under them, where it never takes width from the table. The colours and
words are the township board's (`ui.widgets.compliance_style`).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QWidget

from ui.widgets.compliance_style import ORDER, explanation, swatch
from ui.widgets.flow_layout import FlowLayout


class LegendStrip(QFrame):
    """图例: 按时 逾期 未到期 缺失 无数据 不适用, wrapping onto a second line on a narrow screen."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = FlowLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("图例:"))
        layout.addWidget(title)
        self.swatches = []
        for state in ORDER:
            box = swatch(state)
            box.setToolTip(explanation(state))
            layout.addWidget(box)
            self.swatches.append(box)
        note = QLabel(self.tr("(全县一级:格子的颜色是该乡镇各村中最差的情况,数字是按时的村所占比例)"))
        note.setProperty("role", "hint")
        self.note = note
        layout.addWidget(note)

    def show_county_note(self, shown: bool) -> None:
        """The sentence on what a county cell's colour and number mean, at the county level only."""
        self.note.setVisible(shown)
