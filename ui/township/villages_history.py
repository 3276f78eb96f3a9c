"""Below the 村庄 register: the packages exchanged with the selected village."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import villages_service as vs
from ui.exchange.labels import direction_label, status_label
from ui.widgets.palette import RED


class VillageHistory(QGroupBox):
    """A village's packages, newest first: received, 回执 sent, refused."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("数据包往来"))
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setProperty("role", "hint")
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("收/发"), self.tr("编号"), self.tr("日期"), self.tr("状态"),
                                              self.tr("记录数"), self.tr("内容")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.facts)
        layout.addWidget(self.table, 1)

    def show_village(self, row: vs.VillageRow | None, history: list) -> None:
        """Show `history` (exchange_service.HistoryRow, newest first) of the village `row`."""
        if row is None:
            self.setTitle(self.tr("数据包往来"))
            self.facts.setText(self.tr("在上面的表中选中一个村。"))
            self.table.setRowCount(0)
            return
        self.setTitle(self.tr("{name}({code})的数据包往来").format(name=row.name, code=row.code))
        facts = [self.tr("省份配置:{p}").format(p=row.province_label)]
        if row.households:
            facts.append(self.tr("{n} 户").format(n=row.households))
        facts.append(self.tr("电脑指纹:{fp}").format(fp=row.fingerprint) if row.fingerprint
                     else self.tr("还没有收到它的第一个数据包(其中带有村里电脑的公钥)"))
        self.facts.setText(" · ".join(facts))
        self.table.setRowCount(len(history))
        for i, h in enumerate(history):
            cells = [direction_label(h.direction), str(h.number) if h.number else "–", h.logged_at or h.created_at,
                     status_label(h.status), str(h.records) if h.records else "–", h.counts or h.note]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{h.file_name}\n{h.note}".strip() if col == 5 else text)
                if col in (0, 1, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if col == 3 and h.status == "refused":
                    item.setForeground(RED)
                self.table.setItem(i, col, item)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(5, min(self.table.columnWidth(5), 600))
