"""Below the 村庄 register: the packages exchanged with the selected village (the shared history table)."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from desktop.services import villages_service as vs
from ui.widgets.exchange.history_table import HistoryTable


class VillageHistory(QGroupBox):
    """A village's packages, newest first: received, 回执 sent, refused; its facts above them."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("数据包往来"))
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setProperty("role", "hint")
        self.table = HistoryTable(show_peer=False)  # the village is named in the title
        layout = QVBoxLayout(self)
        layout.addWidget(self.facts)
        layout.addWidget(self.table, 1)

    def show_village(self, row: vs.VillageRow | None, history: list) -> None:
        """Show `history` (exchange_service.HistoryRow, newest first) of the village `row`."""
        if row is None:
            self.setTitle(self.tr("数据包往来"))
            self.facts.setText(self.tr("在上面的表中选中一个村。"))
            self.table.show_rows([])
            return
        self.setTitle(self.tr("{name}({code})的数据包往来").format(name=row.name, code=row.code))
        facts = [self.tr("省份配置:{p}").format(p=row.province_label)]
        if row.households:
            facts.append(self.tr("{n} 户").format(n=row.households))
        facts.append(self.tr("电脑指纹:{fp}").format(fp=row.fingerprint) if row.fingerprint
                     else self.tr("还没有收到它的第一个数据包(其中带有村里电脑的公钥)"))
        self.facts.setText(" · ".join(facts))
        self.table.show_rows(history)
