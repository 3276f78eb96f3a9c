"""公开清单: every item by period and category, with its status; 新建, 打开 and the year's .xlsx."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services import disclosure_service as ds
from desktop.services import ui_support_disclosure
from desktop.services.session import Session
from models.disclosure import catalogue as cat
from models.messages import QT_TRANSLATE_NOOP
from models.roles import Permission
from ui.fonts import font_notifier
from ui.operations import run_op
from ui.widgets import background
from ui.widgets.abandon import abandon_text, ask_abandon, on_delete_key
from ui.widgets.background import FileExporter
from ui.widgets.disclosure_labels import (
    category_label,
    period_label,
    status_color,
    status_label,
    subject_label,
)
from ui.widgets.enter_key import on_enter
from ui.widgets.field_message import FieldMessage
from ui.widgets.paged_rows_model import PagedRowsModel
from ui.widgets.primary_button import make_primary
from ui.widgets.shrinking_columns import ShrinkingColumns
from ui.widgets.sorting import make_sortable

PERIOD, CATEGORY, SUBJECT, TITLE, STATUS, POSTED = range(6)
_BATCH = 200


class ItemListModel(PagedRowsModel):
    """The items the filters pick, read a 200-row page at a time as the view paints (`item_page`).

    A village posts a few hundred items in ten years, but 全部年份 must not
    read every posting as a record: the model opens on a count and the page
    it paints (`PagedRowsModel`); a header sort reads the ids once
    (`item_ids`) and their rows by the chunk (`item_rows`). `ID_ROLE` is the
    item's id.
    """

    CONTEXT = "ItemListModel"
    COLUMNS = (QT_TRANSLATE_NOOP("ItemListModel", "期间"), QT_TRANSLATE_NOOP("ItemListModel", "类别"),
               QT_TRANSLATE_NOOP("ItemListModel", "公开事项"), QT_TRANSLATE_NOOP("ItemListModel", "标题"),
               QT_TRANSLATE_NOOP("ItemListModel", "状态"), QT_TRANSLATE_NOOP("ItemListModel", "公开日期"))

    def __init__(self, parent=None):
        super().__init__(parent, chunk=_BATCH)
        self._own_labels: dict[str, str] = {}
        self._year: int | None = None
        self._category: str | None = None

    def load(self, year: int | None, category: str | None) -> None:
        """Query again with the filters (the ids; rows come as the view paints them)."""
        self._own_labels = ds.own_subject_labels()
        self._year, self._category = year, category
        self.reload()

    def fetch_count(self) -> int:
        """How many items the filters pick."""
        return ds.item_count(self._year, self._category)

    def fetch_page(self, offset: int, limit: int, total: int) -> list[ds.ItemRow]:
        """One page of the list, newest period first."""
        return ds.item_page(self._year, self._category, offset, limit, total)

    def fetch_position(self, record_id: str) -> int | None:
        """Where an item comes in the list (one count in SQL, no id list)."""
        return ds.item_position(record_id, self._year, self._category)

    def fetch_ids(self) -> list[str]:
        """The ids of the items the filters pick, newest period first (a header sort orders these)."""
        return ds.item_ids(self._year, self._category)

    def fetch_rows(self, ids: Sequence[str]) -> list[ds.ItemRow]:
        """The list rows of one chunk."""
        return ds.item_rows(list(ids))

    def display(self, row: ds.ItemRow, column: int) -> str:
        """Labels of the period, category, subject and status; the title and the posting day."""
        return (period_label(row.period_kind, row.period), category_label(row.category),
                subject_label(row.subject, self._own_labels),
                row.title, status_label(row.status), row.posted_on)[column]

    def sort_value(self, row: ds.ItemRow, column: int):
        """The raw period (2026-10 before 2026-11, 2026Q3 by its year); the rest by their text."""
        return row.period if column == PERIOD else self.display(row, column)

    def foreground(self, row: ds.ItemRow, column: int):
        """The status in its colour."""
        return status_color(row.status) if column == STATUS else None

    def tooltip(self, row: ds.ItemRow, column: int) -> str | None:
        """Every column may elide on a narrow window: its whole text."""
        return self.display(row, column) or None


class ItemListTab(QWidget):
    """Filters, the list, and the buttons. `open_requested(id)` / `new_requested()` for the page."""

    open_requested = Signal(str)
    new_requested = Signal()
    abandoned = Signal(str)  # a draft went to the 回收站 (the page closes its editor)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.exporter = FileExporter(self)
        self.year_combo = QComboBox()
        self.category_combo = QComboBox()
        self.category_combo.addItem(self.tr("全部类别"), None)
        for code in cat.CATEGORIES:
            self.category_combo.addItem(category_label(code), code)
        self.new_button = make_primary(QPushButton(self.tr("新建…")))
        self.new_button.clicked.connect(self.new_requested)
        self.new_button.setEnabled(session.can(Permission.EDIT_RECORDS))
        if not self.new_button.isEnabled():
            self.new_button.setToolTip(self.tr("您的账号只能查看。"))
        self.open_button = QPushButton(self.tr("打开"))
        self.open_button.clicked.connect(self.open_current)
        self.export_button = QPushButton(self.tr("导出全年(.xlsx)…"))
        self.export_button.clicked.connect(self.ask_export)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        self.model = ItemListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        make_sortable(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        # Widths in characters (they grow with the font size); 标题 stretches. Sized to their contents
        # the other columns left 标题 a lone "2…" on a netbook at 特大: here they shrink towards their
        # floors instead (the text elides, the tooltip has it) and 标题 keeps 6 characters.
        column_chars = (12, 2.5, 8, 0, 3.5, 6)
        for column, chars in enumerate(column_chars):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if chars == 0
                                        else QHeaderView.ResizeMode.Interactive)
        self._columns = ShrinkingColumns(self.table, column_chars, (6, 2, 4, 0, 3, 5), stretch_chars=6)
        font_notifier().changed.connect(self._columns.resize_columns)
        self.table.doubleClicked.connect(self.open_current)
        on_enter(self.table, self.open_current)  # Enter opens the selected item, as in the meeting list
        self.abandon_button = QPushButton(abandon_text())
        self.abandon_button.setToolTip(self.tr("所选草稿移到回收站,可以恢复 (Delete)"))
        self.abandon_button.clicked.connect(self.ask_abandon)
        on_delete_key(self.table, self.ask_abandon)
        self.pending_box = None
        #: Whether an item is open in an editor with unsaved typing (the page answers).
        self.has_unsaved: Callable[[str], bool] = lambda _item_id: False
        self.message = FieldMessage()
        # The filters and the buttons in two rows: in one they needed 808 px at 特大, more than a
        # 1024×600 netbook gives the page (it scrolled sideways, 新建… off the edge).
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("年份:")))
        filters.addWidget(self.year_combo)
        filters.addWidget(QLabel(self.tr("类别:")))
        filters.addWidget(self.category_combo)
        filters.addSpacing(12)
        filters.addWidget(self.count_label, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.abandon_button)
        bottom.addWidget(self.message, 1)
        layout.addLayout(bottom)
        self.table.selectionModel().selectionChanged.connect(self._update_abandon)
        self.exporter.busy_changed.connect(self._on_busy)
        self.exporter.report_to(self.message)
        self._fill_years()
        self.year_combo.currentIndexChanged.connect(self.refresh)
        self.category_combo.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def _fill_years(self) -> None:
        this_year = date.today().year
        years = sorted(set(ui_support_disclosure.item_years()) | {this_year}, reverse=True)
        self.year_combo.blockSignals(True)
        current = self.year_combo.currentData()
        self.year_combo.clear()
        self.year_combo.addItem(self.tr("全部年份"), None)
        for year in years:
            self.year_combo.addItem(self.tr("{year} 年").format(year=year), year)
        index = self.year_combo.findData(current if current is not None else this_year)
        self.year_combo.setCurrentIndex(max(index, 0))
        self.year_combo.blockSignals(False)

    def year(self) -> int | None:
        """The year filter (None: every year)."""
        return self.year_combo.currentData()

    def set_filters(self, year: int | None, category: str | None = None) -> None:
        """Choose the filters (as the combos would)."""
        if year is not None and self.year_combo.findData(year) < 0:
            self.year_combo.addItem(self.tr("{year} 年").format(year=year), year)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(year), 0))
        self.category_combo.setCurrentIndex(max(self.category_combo.findData(category), 0))

    def refresh(self, *_args) -> None:
        """Re-read the list with the filters; the selected item stays selected when the list still shows it."""
        keep = self.current_id() if self._current_row() is not None else None
        self.model.load(self.year(), self.category_combo.currentData())
        if keep:
            self.select_item(keep)
        self.count_label.setText(self.tr("共 {n} 项").format(n=self.model.total()))
        self.export_button.setEnabled(self.year() is not None and not self.exporter.is_busy())
        self.export_button.setToolTip("" if self.year() is not None else self.tr("请先选择年份。"))
        self._update_abandon()

    def reload_years(self) -> None:
        """A new item may bring a new year."""
        self._fill_years()
        self.refresh()

    def select_item(self, item_id: str) -> bool:
        """Select the row of `item_id` (its position in the order shown: one count, not every id)."""
        row = self.model.row_of(item_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True

    def show_item(self, item_id: str) -> bool:
        """Select `item_id`, showing every year when the chosen year does not hold it."""
        if self.select_item(item_id):
            return True
        self.set_filters(None)
        return self.select_item(item_id)

    def current_id(self) -> str | None:
        """The selected item."""
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def _current_row(self) -> ds.ItemRow | None:
        index = self.table.currentIndex()
        selected = index.isValid() and self.table.selectionModel().isRowSelected(index.row())
        return self.model.row_at(index.row()) if selected else None

    def _update_abandon(self, *_args) -> None:
        row = self._current_row()
        self.open_button.setEnabled(row is not None)  # an empty list offered 打开 and then said 请先选中
        self.abandon_button.setEnabled(bool(row and row.status in ds.ABANDONABLE
                                            and self._session.can(Permission.EDIT_RECORDS)))

    def ask_abandon(self) -> None:
        """放弃草稿: ask (naming the draft), then move it to the 回收站; other items say why not."""
        row = self._current_row()
        if row is None:
            self.message.show_hint(self.tr("请先在列表里选中一项。"))
            return
        if row.status not in ds.ABANDONABLE:  # Delete on a posted item: the service's reason, nothing asked
            run_op(self, lambda: ds.abandon_draft(self._session, row.id), on_failure=self.message.show_failure)
            return
        self.pending_box = ask_abandon(self, row.title, lambda: self._abandon(row.id, row.title),
                                       on_answer=self._forget_box, unsaved=self.has_unsaved(row.id))

    def _forget_box(self) -> None:
        self.pending_box = None

    def _abandon(self, item_id: str, title: str) -> None:
        where = self.table.currentIndex().row()
        if run_op(self, lambda: ds.abandon_draft(self._session, item_id), on_failure=self.message.show_failure):
            self.abandoned.emit(item_id)
            self.refresh()
            if where >= 0 and self.model.rowCount():  # the next item takes the removed one's place
                self.table.selectRow(min(where, self.model.rowCount() - 1))
            self.message.show_ok(self.tr("已放弃草稿“{title}”,可在“文件 → 回收站”恢复。").format(title=title))

    def open_current(self, *_args) -> None:
        """Open the selected item."""
        item_id = self.current_id()
        if item_id:
            self.open_requested.emit(item_id)
        else:
            self.message.show_hint(self.tr("请先在列表里选中一项。"))

    def ask_export(self) -> None:
        """Ask where to save the year's .xlsx, then export."""
        year = self.year()
        if year is None:
            return
        path = background.ask_save_path(self, self.tr("导出全年村务公开"),
                                        self.tr("{year}年村务公开.xlsx").format(year=year),
                                        background.xlsx_pattern(), ".xlsx")
        if path is not None:
            self.export_year(year, path)

    def export_year(self, year: int, path: Path) -> bool:
        """Write `year`'s postings to `path` on a worker thread."""
        return self.exporter.write(lambda: ui_support_disclosure.write_year_xlsx(year, Path(path)))

    def _on_busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy and self.year() is not None)
        if busy:
            self.message.show_hint(self.tr("正在导出……"))
