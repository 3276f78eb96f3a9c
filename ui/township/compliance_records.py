"""The drill-down of one board cell: what was due, the record that met it, or why none did."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.compliance_service import RecordRow
from models.township.board import Cell, Obligation, VillageHead
from ui.township import compliance_style as style
from ui.widgets.scaled_label import ScaledLabel

_C = "compliance_board"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def _item(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setToolTip(tooltip or text)
    return item


class CellRecordsDialog(QDialog):
    """One village, one obligation, one period: every occurrence with its record."""

    def __init__(self, village: VillageHead, obligation: Obligation, period_label: str, cell: Cell,
                 rows: list[RecordRow], parent: QWidget | None = None):
        super().__init__(parent)
        label = QCoreApplication.translate("compliance", obligation.label)
        self.setWindowTitle(_tr("{village} · {obligation} · {period}").format(
            village=village.name, obligation=label, period=period_label))
        self.resize(860, 420)
        title = ScaledLabel(_tr("{village} · {obligation}").format(village=village.name, obligation=label), 1.25,
                            bold=True)
        summary = QLabel(_tr("{period}:{state}({meaning})。依据:{basis}").format(
            period=period_label, state=style.short_label(cell.state), meaning=style.explanation(cell.state),
            basis=QCoreApplication.translate("compliance", obligation.basis)))
        summary.setWordWrap(True)
        as_of = QLabel(_tr("该村数据截至 {day}").format(day=village.data_as_of) if village.data_as_of
                       else _tr("还没有收到这个村的数据包"))
        as_of.setProperty("role", "hint")

        self.table = QTableWidget(len(rows), 6)
        self.table.setHorizontalHeaderLabels([_tr("期间"), _tr("期限"), _tr("日期"), _tr("记录"), _tr("状态"),
                                              _tr("说明")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        for r, row in enumerate(rows):
            state = _item(style.short_label(row.state), style.explanation(row.state))
            state.setBackground(style.background(row.state))
            state.setForeground(style.foreground(row.state))
            state.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            for c, item in enumerate((_item(row.period), _item(row.due or "—"), _item(row.on or "—"),
                                      _item(row.title), state, _item(row.note))):
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        empty = QLabel(_tr("这一期间没有需要做的事项,也没有相关记录。"))
        empty.setProperty("role", "hint")
        empty.setVisible(not rows)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.addWidget(title)
        layout.addWidget(summary)
        layout.addWidget(as_of)
        layout.addWidget(self.table, 1)
        layout.addWidget(empty)
        layout.addWidget(buttons)
