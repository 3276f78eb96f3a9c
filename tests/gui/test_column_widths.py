"""Measured column widths (`ui.widgets.column_widths`): as wide as Qt's own fit, few `data()` calls, draggable."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QTableView

from ui.widgets.column_widths import sample_rows, sampled_widths

ROWS = 1000


class _Counting(QAbstractTableModel):
    """Rows of texts of growing length; the last row bold (a totals row); counts `data()` calls."""

    def __init__(self):
        super().__init__()
        self.calls = 0
        self.extra = ""

    def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else ROWS

    def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        self.calls += 1
        if role == Qt.ItemDataRole.DisplayRole:
            return ("村" * (1 + index.row() % 7), f"{index.row()}/{ROWS}", "合计按时率 100%" + self.extra
                    if index.row() == ROWS - 1 else "按时")[index.column()]
        if role == Qt.ItemDataRole.FontRole and index.row() == ROWS - 1:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("村名", "数量", "说明")[section]
        return None

    def reset(self, extra: str) -> None:
        self.beginResetModel()
        self.extra = extra
        self.endResetModel()


def test_sample_rows_spread_over_the_whole_list():
    assert sample_rows(5) == [0, 1, 2, 3, 4]
    rows = sample_rows(100_000, 400)
    assert len(rows) == 400 and rows[0] == 0 and rows[-1] == 99_999


def test_widths_fit_like_qt_with_few_calls_follow_a_reset_and_a_font_change(qtbot):
    model = _Counting()
    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    widths = sampled_widths(view)
    model.calls = 0
    widths.fit()
    assert model.calls < 3 * len(sample_rows(ROWS)) * 2  # a display text each, a handful measured exactly
    header = view.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive  # the person may drag
    for column in range(3):  # as wide as Qt's own fit of every row (the bold totals row included)
        assert header.sectionSize(column) >= max(view.sizeHintForColumn(column), header.sectionSizeHint(column))

    header.resizeSection(0, 300)  # dragged: it stays
    assert header.sectionSize(0) == 300
    model.reset("(另加说明)")  # new rows: measured again
    qtbot.waitUntil(lambda: header.sectionSize(0) != 300)
    assert header.sectionSize(2) >= view.sizeHintForColumn(2)

    before = header.sectionSize(2)
    font = QFont(view.font())
    font.setPointSize(font.pointSize() + 6)
    view.setFont(font)  # the 字号 setting
    qtbot.waitUntil(lambda: header.sectionSize(2) > before)
