"""The 村庄 page's one table of villages, with its search, its “needing attention” filter and its selection.

The table sorts by the raw values (`villages_model.SORT_ROLE`) and, when
the search or the filter leaves no row, says so in a sentence instead of an
empty grid; words that are no village's name or code ("土地承包") offer,
with a link and Enter, the search over every village's records
(`search_requested`). The page places the search field and the check box
in its tool row and listens to `selection_changed`.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QWidget,
)

from desktop.services import villages_service as vs
from ui.township.villages_filter import VillagesFilter
from ui.township.villages_model import VillagesModel
from ui.widgets.column_widths import sampled_widths
from ui.widgets.sorting import SortRequest, make_sortable


class VillageRegister(QStackedWidget):
    """The register table (or the no-match sentence) over `VillagesModel` through `VillagesFilter`."""

    #: The selected village changed (or the filter hid it).
    selection_changed = Signal()
    #: A village was double-clicked (the page moves the focus to its history).
    activated = Signal()
    #: The words typed match no village's name or code: search every village's records for them instead.
    search_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = VillagesModel(self)
        self.proxy = VillagesFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        # 升序, 降序, then the service's order (by code) again; natural order (`VillagesFilter`).
        make_sortable(self.table).sort(SortRequest(0, Qt.SortOrder.AscendingOrder))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        # measured once per set of rows (and on a font change), draggable: `ResizeToContents` asked
        # every cell for every role again on each change
        self.widths = sampled_widths(self.table, follow_model=False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.selection_changed.emit())
        self.table.doubleClicked.connect(lambda _index: self.activated.emit())
        # When the search or the filter leaves no row, say so instead of an empty grid.
        self.no_match = QLabel()
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.setWordWrap(True)
        self.no_match.setProperty("role", "hint")
        self.no_match.setTextFormat(Qt.TextFormat.RichText)  # our link; the typed words are escaped
        self.no_match.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                              | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.no_match.linkActivated.connect(self._search_records)
        self.addWidget(self.table)
        self.addWidget(self.no_match)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("按村名或代码查找"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_filter)
        self.search.returnPressed.connect(lambda: self._search_records("enter"))
        self.attention_check = QCheckBox(self.tr("只看需要关注的村"))
        self.attention_check.setToolTip(self.tr(
            "超过 {days} 天没有消息、缺少数据包、还没有发来第一个数据包或审计日志被改动的村。").format(
            days=vs.SILENCE_THRESHOLD_DAYS))
        self.attention_check.toggled.connect(self._on_filter)

    def set_rows(self, rows: list[vs.VillageRow]) -> None:
        """Show `rows`, keeping the selected village (else the first row is selected)."""
        keep = self.selected_code()
        self.model.set_rows(rows)
        while self.model.canFetchMore():
            self.model.fetchMore()
        self.widths.fit()
        if keep is None or not self.select_village(keep):
            if self.proxy.rowCount():
                self.table.selectRow(0)
        self._show_no_match()

    def selected_row(self) -> vs.VillageRow | None:
        """The village selected, or None."""
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            return None
        return self.model.row_at(self.proxy.mapToSource(selected[0]).row())

    def selected_code(self) -> str | None:
        """The code of the selected village, or None."""
        row = self.selected_row()
        return row.code if row else None

    def select_village(self, code: str) -> bool:
        """Select a village by code (False when it is not listed)."""
        source = self.model.row_for_code(code)
        if source < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _on_filter(self, *_args) -> None:
        self.proxy.text = self.search.text().strip()
        self.proxy.attention_only = self.attention_check.isChecked()
        self.proxy.invalidate()
        if self.selected_row() is None and self.proxy.rowCount():
            self.table.selectRow(0)  # the village selected before is filtered out: the first one shown, as at start
        self._show_no_match()
        self.selection_changed.emit()

    def _search_records(self, _how: str) -> None:
        """The link (or Enter) under a search that matched no village: the search window, these words in it."""
        if self.proxy.text and not self.proxy.rowCount():
            self.search_requested.emit(self.proxy.text)

    def _show_no_match(self) -> None:
        """The table, or a sentence when the search or the filter hides every village."""
        if self.proxy.rowCount() or not self.model.rowCount():
            self.setCurrentWidget(self.table)
            return
        if self.proxy.text:
            # "土地承包" is no village's name: what the township wants is the villages whose records say it.
            self.no_match.setText(
                escape(self.tr("没有村名或代码包含“{text}”的村。").format(text=self.proxy.text))
                + "<br><br><a href='search'>"
                + escape(self.tr("在各村记录中搜索“{text}”").format(text=self.proxy.text)) + "</a>"
                + "<br>" + escape(self.tr("(村规民约条文、会议、村务公开、监督事项、通知;按回车键也可以)")))
        else:
            self.no_match.setText(self.tr(
                "没有需要关注的村:各村都按时发来了数据包,不缺数据包,审计日志也没有被改动。"))
        self.setCurrentWidget(self.no_match)
