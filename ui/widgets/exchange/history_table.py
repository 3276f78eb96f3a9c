"""The list of packages sent, received and refused (newest first), one row per package.

The village's 数据交换 page lists every package; the township's 村庄 page
lists them for the selected village and, on another tab, for all villages.
One table for all three, so a package reads the same wherever it is seen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QWidget

from desktop.services import exchange_service as xs
from ui.widgets.batched_model import SORT_ROLE
from ui.widgets.exchange.labels import direction_label, status_label
from ui.widgets.palette import RED
from ui.widgets.sorting import make_sortable, sorter_of
from ui.widgets.tables import cell, keep_rows_visible

#: The columns, in order (the 对方 column is hidden where the peer is known).
DIRECTION, PEER, NUMBER, DATE, STATUS, RECORDS, CONTENT, NOTE = range(8)
#: The widest the 内容 column grows (a first package lists a dozen kinds of records).
CONTENT_WIDTH = 520


class HistoryTable(QTableWidget):
    """`exchange_service.HistoryRow`s; a refused package's status in red, its reason under 说明."""

    def __init__(self, show_peer: bool = True, parent: QWidget | None = None):
        super().__init__(0, 8, parent)
        self.setHorizontalHeaderLabels([self.tr("收/发"), self.tr("对方"), self.tr("编号"), self.tr("日期"),
                                        self.tr("状态"), self.tr("记录数"), self.tr("内容"), self.tr("说明")])
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as in every read-only list
        self.setWordWrap(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.setColumnHidden(PEER, not show_peer)
        keep_rows_visible(self)
        make_sortable(self)  # 升序, 降序, then newest first again

    def show_rows(self, rows: list[xs.HistoryRow]) -> None:
        """Replace the rows with `rows` (newest first)."""
        self.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells = [cell(direction_label(r.direction), center=True),
                     cell(f"{r.peer_name}({r.peer_code})" if r.peer_name != r.peer_code else r.peer_code),
                     cell(str(r.number) if r.number else "–", center=True),
                     cell(r.created_at or r.logged_at),
                     cell(status_label(r.status), color=RED if r.status == "refused" else None),
                     cell(str(r.records) if r.records else "–", center=True),
                     cell(r.counts, tooltip=r.counts.replace("、", "\n")),
                     cell(r.note.replace("\n", ";"), tooltip=f"{r.file_name}\n{r.note}".strip())]
            cells[NUMBER].setData(SORT_ROLE, r.number or None)
            for col, item in enumerate(cells):
                self.setItem(i, col, item)
        sorter_of(self).reapply()  # the rows came newest first: in the order the header chose
        self.resizeColumnsToContents()
        # 内容 is what a person checks (were the meeting and the posting sent?): it gets the room
        # before 说明, which is empty for most packages; the whole list is in its tooltip.
        for col, widest in ((CONTENT, CONTENT_WIDTH), (NOTE, 260)):
            self.setColumnWidth(col, min(self.columnWidth(col), widest))
