"""A small bar chart of the township's on-time share over recent quarters, drawn with QPainter.

QtCharts is not part of PySide6-Essentials, and eight bars need no library:
each bar is the share of applicable cells (OK, late or missing) that were OK
in that quarter, labelled with its percentage and the quarter.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.widgets.palette import BLUE

_C = "compliance_board"
_BAR = QColor("#4f8a5b")
_BAR_LAST = BLUE
_AXIS = QColor("#b9b6ad")
_TEXT = QColor("#3b3b3b")


def value_label_font(font: QFont, slot: float) -> tuple[QFont, str]:
    """The font and % sign for the percentages over bars `slot` pixels apart.

    Eight percentages side by side must not run into each other ("80%75%77%"): a smaller font
    when "100%" does not fit its slot with a gap, and no % sign if even the smallest is too wide.
    """
    value_font = QFont(font)
    while QFontMetrics(value_font).horizontalAdvance("100%") > slot - 4 and value_font.pointSizeF() > 6:
        value_font.setPointSizeF(value_font.pointSizeF() - 0.5)
    return value_font, "%" if QFontMetrics(value_font).horizontalAdvance("100%") <= slot - 4 else ""


def axis_label_font(font: QFont, slot: float) -> QFont:
    """The font for the quarter names under bars `slot` pixels apart.

    With the 特大 font on a narrow board "Q4Q1Q2Q3" ran together: a smaller font
    until "Q4" fits its slot with a gap (never below 6 pt; then `labels_fit` says so).
    """
    axis_font = QFont(font)
    while QFontMetrics(axis_font).horizontalAdvance("Q4") > slot - 6 and axis_font.pointSizeF() > 6:
        axis_font.setPointSizeF(axis_font.pointSizeF() - 0.5)
    return axis_font


class TrendChart(QWidget):
    """Bars of (quarter code, share 0–1), oldest first."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.points: tuple[tuple[str, float], ...] = ()
        self.pending = False  # being computed: say so instead of “nothing to compare”
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_points(self, points: tuple[tuple[str, float], ...]) -> None:
        """Show these quarters (e.g. ("2026Q3", 0.86))."""
        self.points = tuple(points)
        self.update()

    def set_pending(self, pending: bool) -> None:
        """The trend is being computed (the board is shown first): the empty chart says so."""
        self.pending = pending
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Wide enough for eight bars with their labels."""
        return QSize(300, 190)

    @staticmethod
    def split(code: str) -> tuple[str, str]:
        """"2026Q3" → ("2026", "Q3"): the quarter under its bar, the year under the first bar of each year."""
        year, _, quarter = code.partition("Q")
        return year, f"Q{quarter}" if quarter else code

    def _slot(self) -> float:
        return (self.width() - 8) / max(1, len(self.points))

    def labels_fit(self) -> bool:
        """Whether the quarter names fit side by side at this width (the fit test asks)."""
        return not self.points or QFontMetrics(axis_label_font(self.font(), self._slot())).horizontalAdvance(
            "Q4") <= self._slot() - 6

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Axis, bars, percentages, quarter labels (or a sentence when there is nothing to show)."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        rect = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        if not self.points:
            painter.setPen(_TEXT)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             QCoreApplication.translate(_C, "正在统计近八个季度……") if self.pending
                             else QCoreApplication.translate(_C, "还没有可以比较的季度"))
            return
        label_h = fm.height() + 2
        plot = rect.adjusted(0, label_h, 0, -2 * label_h)  # room for the percentages above, quarter and year below
        painter.setPen(QPen(_AXIS, 1))
        for share in (0.0, 0.5, 1.0):
            y = plot.bottom() - share * plot.height()
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
        n = len(self.points)
        slot = plot.width() / n
        bar_w = max(6.0, slot * 0.6)
        value_font, percent = value_label_font(self.font(), slot)
        axis_font = axis_label_font(self.font(), slot)
        for i, (code, share) in enumerate(self.points):
            x = plot.left() + i * slot + (slot - bar_w) / 2
            h = max(1.0, share * plot.height())
            painter.fillRect(QRectF(x, plot.bottom() - h, bar_w, h), _BAR_LAST if i == n - 1 else _BAR)
            painter.setPen(_TEXT)
            painter.setFont(value_font)
            painter.drawText(QRectF(plot.left() + i * slot, plot.bottom() - h - label_h, slot, label_h),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                             f"{round(share * 100)}{percent}")
            painter.setFont(axis_font)
            year, quarter = self.split(code)
            painter.drawText(QRectF(plot.left() + i * slot, plot.bottom() + 2, slot, label_h),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, quarter)
            if quarter == "Q1" or (i == 0 and quarter != "Q4"):  # the year once (a first Q4 would touch Q1's)
                painter.drawText(QRectF(plot.left() + i * slot - slot / 2, plot.bottom() + 2 + label_h, 2 * slot,
                                        label_h), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, year)
