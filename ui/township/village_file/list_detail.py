"""One tab of the village file: a list on the left, the record picked in it on the right, read only.

The detail is a `QTextBrowser` that follows no link and whose HTML is built
with every value escaped (`detail_html`). A tab whose records have a
printed form offers 打印… and 导出PDF… of the record shown; the PDF is
written on a worker (`FileExporter`), the HTML built here first (it reads
the database, which only the UI thread's connection may).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.reports.pdf import write_pdf
from ui.operations import run_query
from ui.widgets.background import FileExporter, ask_save_path, pdf_pattern, print_html
from ui.widgets.batched_model import ID_ROLE
from ui.widgets.field_message import FieldMessage
from ui.widgets.lazy_rows_model import LazyRowsModel
from ui.widgets.sorting import NaturalSortProxy
from ui.widgets.tables import read_only_view

#: A printed form: (html, file name without suffix, PDF title, base font size in pt).
Printable = tuple[str, str, str, int]


class LazyCellsModel(LazyRowsModel):
    """Rows (record id, cells) of a paged tab: the ids up front, the cells fetched by the chunk (`ListDetailTab`)."""

    def __init__(self, headers: list[str], tab: ListDetailTab):
        super().__init__(tab)
        self._headers = headers
        self._tab = tab

    def column_count(self) -> int:
        """One column per header."""
        return len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole):
        """The tab's titles (already translated); the sorting tooltip as every list has."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return super().headerData(section, orientation, role)

    def chunk_size(self) -> int:
        """Rows fetched at once."""
        return self._chunk

    def fetch_ids(self) -> list[str]:
        """The tab's ids, in its order."""
        return self._tab.read_ids()

    def fetch_rows(self, ids: Sequence[str]) -> list[tuple[str, list[str]]]:
        """The tab's cells of one chunk."""
        return self._tab.read_cells(list(ids))

    def display(self, row: tuple[str, list[str]], column: int) -> str:
        """The cell's text (also its tooltip and its sort value)."""
        return row[1][column]

    def row_id(self, row: tuple[str, list[str]]) -> str:
        """The record id."""
        return row[0]


class ListDetailTab(QWidget):
    """A list of records and the one selected; subclasses say how to read, show and print them.

    A tab of a list that grows with the village (the register) is `paged`:
    it answers `read_ids` and `read_cells` instead of `read_rows`, and its
    model holds the ids and fetches the cells the view shows (`LazyCellsModel`).
    """

    def __init__(self, headers: list[str], stretch: int | None = None, printable: bool = True,
                 parent: QWidget | None = None, paged: bool = False):
        super().__init__(parent)
        self.code = ""
        self.paged = paged
        if paged:
            self.model = LazyCellsModel(headers, self)
            self.proxy = self.model  # (what the view shows: sorted by the model itself)
        else:
            self.model = QStandardItemModel(0, len(headers), self)
            self.model.setHorizontalHeaderLabels(headers)
            self.proxy = NaturalSortProxy(self)  # a header click sorts as every list does (`ui.widgets.sorting`)
            self.proxy.setSourceModel(self.model)
        self.table = read_only_view(self.proxy, stretch, word_wrap=False)
        # A paged tab's columns sized from one chunk's rows (200, fetched anyway), not from Qt's 1000
        # (each row it measures is fetched).
        self.table.horizontalHeader().setResizeContentsPrecision(self.model.chunk_size() if paged else 1000)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._on_selection())
        self.empty = QLabel()
        self.empty.setProperty("role", "hint")
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setOpenExternalLinks(False)
        self.message = FieldMessage()
        self.exporter = FileExporter(self)
        self.exporter.report_to(self.message)
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.clicked.connect(lambda: self.print_current())
        self.pdf_button = QPushButton(self.tr("导出PDF…"))
        self.pdf_button.clicked.connect(lambda: self.export_current())
        for button in (self.print_button, self.pdf_button):
            button.setVisible(printable)
            button.setEnabled(False)
        self.tools = QHBoxLayout()  # a filter above the list, when the tab has one
        self.tools.setContentsMargins(0, 0, 0, 0)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self.tools)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty)
        self._right = right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        self.buttons = buttons = QHBoxLayout()  # a tab may add its own (the rules' 与上一版对比)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        right_layout.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        em = self.fontMetrics().horizontalAdvance("国")
        left.setMinimumWidth(em * 14)
        right.setMinimumWidth(em * 16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.splitter, 1)

    # --- what a tab provides ---------------------------------------------------------------------

    def read_rows(self) -> list[tuple[str, list[str]]]:
        """The list: (record id, cells) for the village `self.code`."""
        raise NotImplementedError

    def read_ids(self) -> list[str]:
        """A paged tab's list: the record ids of the village `self.code`, in the list's order."""
        raise NotImplementedError

    def read_cells(self, ids: list[str]) -> list[tuple[str, list[str]]]:
        """A paged tab's (record id, cells) of `ids` (one chunk)."""
        raise NotImplementedError

    def detail_html(self, record_id: str) -> str:
        """The record as escaped HTML."""
        raise NotImplementedError

    def printable(self, record_id: str) -> Printable | None:
        """The record's printed form, or None when it has none."""
        return None

    def preferred_id(self) -> str | None:
        """The record to show when the list is read (None: the first row)."""
        return None

    def empty_text(self) -> str:
        """What the tab says when the village sent none of its records."""
        return self.tr("这个村的数据包里还没有这类记录。")

    # --- showing ---------------------------------------------------------------------------------

    def load(self, code: str) -> bool:
        """Read the list of village `code`; False (said in the message) when it could not be read."""
        self.code = code
        if self.paged:
            return self._load_paged()
        outcome = run_query(self, self.read_rows, on_failure=self.message.show_failure)
        rows = outcome.value if outcome.ok else []
        self._loading = True  # one detail built at the end, not one per selection change on the way
        self.model.removeRows(0, self.model.rowCount())
        for record_id, cells in rows:
            items = []
            for c, value in enumerate(cells):
                item = QStandardItem(value)
                item.setEditable(False)
                item.setToolTip(value)
                if c == 0:
                    item.setData(record_id, ID_ROLE)
                items.append(item)
            self.model.appendRow(items)
        self._show_loaded(bool(rows))
        return outcome.ok

    def _load_paged(self) -> bool:
        """A paged tab: the ids (one query); the cells come by the chunk as the view paints them."""
        self._loading = True
        outcome = run_query(self, self.model.reload, on_failure=self.message.show_failure)  # (reads `read_ids`)
        if not outcome.ok:
            self.model.set_ids([])
        self._show_loaded(self.model.total() > 0)
        return outcome.ok

    def _show_loaded(self, any_rows: bool) -> None:
        """The list or the empty sentence; the preferred record (else the first) selected and shown."""
        self._loading = True  # one detail built at the end, not one per selection change on the way
        self.empty.setText(self.empty_text())
        self.empty.setVisible(not any_rows)
        self.table.setVisible(any_rows)
        self._right.setVisible(any_rows)  # no record: the sentence, not an empty frame beside it
        if any_rows and not (self.preferred_id() and self.select_id(self.preferred_id())):
            self.table.selectRow(0)
        if not any_rows:
            self.detail.clear()
        self._loading = False
        self._on_selection()

    def current_id(self) -> str | None:
        """The id of the record selected."""
        selected = self.table.selectionModel().selectedRows()
        return self.proxy.index(selected[0].row(), 0).data(ID_ROLE) if selected else None

    def row_id(self, row: int) -> str | None:
        """The id of the record on row `row` as shown (sorted)."""
        return self.proxy.index(row, 0).data(ID_ROLE)

    def select_id(self, record_id: str) -> bool:
        """Select (and show) the record `record_id`; False when it is not in the list."""
        if self.paged:
            ids = self.model.ids()
            if record_id not in ids:
                return False
            row = ids.index(record_id)
            self.table.selectRow(row)
            self.table.scrollTo(self.proxy.index(row, 0))
            return True
        for r in range(self.proxy.rowCount()):
            if self.row_id(r) == record_id:
                self.table.selectRow(r)
                self.table.scrollTo(self.proxy.index(r, 0))
                return True
        return False

    def _on_selection(self) -> None:
        if self._loading:
            return
        record_id = self.current_id()
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(record_id is not None)
        if record_id is None:
            return
        self.show_html(lambda: self.detail_html(record_id))

    def show_html(self, build: Callable[[], str]) -> None:
        """Show what `build` returns (a failure goes to the message, the detail is cleared)."""
        outcome = run_query(self, build, on_failure=self.message.show_failure)
        if outcome.ok:
            self.detail.setHtml(outcome.value)
        else:
            self.detail.clear()

    # --- printing --------------------------------------------------------------------------------

    def _printed(self) -> Printable | None:
        record_id = self.current_id()
        if record_id is None:
            return None
        outcome = run_query(self, lambda: self.printable(record_id), on_failure=self.message.show_failure)
        return outcome.value if outcome.ok else None

    def print_current(self) -> bool:
        """打印…: the print dialog, then the record's printed form on paper."""
        printed = self._printed()
        return printed is not None and print_html(self, printed[0], printed[1])

    def export_current(self, path: Path | None = None) -> bool:
        """导出PDF…: the record's printed form as an A4 PDF (asks where unless `path`)."""
        printed = self._printed()
        if printed is None:
            return False
        html, name, title, font_pt = printed
        if path is None:
            path = ask_save_path(self, self.tr("导出PDF"), name + ".pdf", pdf_pattern(), ".pdf")
            if path is None:
                return False
        return self.exporter.write(lambda: write_pdf(html, Path(path), title=title, font_pt=font_pt))
