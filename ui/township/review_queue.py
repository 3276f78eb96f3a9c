"""待审核: the 村规民约 drafts the villages submitted, waiting ones first.

Enter or a double click opens the draft. Drafts a village changed after
submitting are listed (so the reviewer knows to wait), but cannot be reviewed.
A reviewed draft's 审核意见书 is saved from here as PDF or Word.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.reports import township_documents
from desktop.services import review_service
from desktop.services.review_service import QueueRow
from desktop.services.session import Session
from models.township import review as rv
from ui.township.document_printer import DocumentPrinter
from ui.township.review_queue_model import TITLE, ReviewQueueModel
from ui.township.review_widgets import empty_label
from ui.widgets.column_widths import sampled_widths
from ui.widgets.enter_key import on_enter
from ui.widgets.field_message import FieldMessage
from ui.widgets.primary_button import make_primary
from ui.widgets.tables import keep_column_readable, read_only_view


class ReviewQueueTab(QWidget):
    """The queue; emits `open_requested(version_id)`."""

    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None, session: Session | None = None):
        super().__init__(parent)
        self._session = session
        self.model = ReviewQueueModel(self)
        self.table = read_only_view(self.model, TITLE)
        # measured from a sample once per new set of rows: ResizeToContents asked every cell again on each
        # selection (tens of thousands of data() calls at 200 villages)
        self.widths = sampled_widths(self.table, TITLE)
        keep_column_readable(self.table, TITLE, 10)  # the 草案's name, never a lone "青…"
        self.table.doubleClicked.connect(self.open_current)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        on_enter(self.table, self.open_current)
        self.show_reviewed_check = QCheckBox(self.tr("也显示已审核的草案"))
        self.show_reviewed_check.setChecked(True)
        self.show_reviewed_check.toggled.connect(self.refresh)
        self.open_button = make_primary(QPushButton(self.tr("打开草案")))
        self.open_button.setToolTip(self.tr("查看条文、合法性审查提示和与现行版本的对照,逐条提意见(回车键)"))
        self.open_button.clicked.connect(self.open_current)
        self.empty = empty_label(self.tr(
            "目前没有村里报来审核的村规民约草案。\n村里“报乡镇审核”后,在“村庄”里导入它的数据包,草案就会出现在这里。"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.message = FieldMessage()
        self.printer = DocumentPrinter(self, self.message)
        self.printer.exporter.busy_changed.connect(self._on_selection)
        self.print_button = QPushButton(self.tr("打印审核意见书…"))
        self.print_button.setToolTip(self.tr("把选中草案的审核意见书存为 PDF 或 Word(第一次打印时编文号)"))
        self.print_button.clicked.connect(lambda: self.print_opinion())
        self.print_button.setVisible(session is not None)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_reviewed_check)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.refresh()

    def waiting(self) -> int:
        """Drafts waiting for the township (for the tab title)."""
        return sum(1 for r in self.rows if r.state == rv.PENDING)

    @property
    def rows(self) -> list[QueueRow]:
        """The drafts listed (the model's rows)."""
        return self.model.all_rows()

    def refresh(self, *_args) -> None:
        """Re-read the queue, keeping the selection."""
        selected = self.current_id()
        self.model.set_rows(review_service.queue(include_reviewed=self.show_reviewed_check.isChecked()))
        self.stack.setCurrentWidget(self.table if self.rows else self.empty)
        counts = {state: sum(1 for r in self.rows if r.state == state) for state in rv.QUEUE_LABELS}
        self.summary_label.setText(self.tr(
            "待审核 {pending} 份;报审后又修改、等该村重新报审 {changed} 份;已审核 {reviewed} 份。"
            "意见随下一个回执数据包发回各村。").format(
            pending=counts[rv.PENDING], changed=counts[rv.CHANGED], reviewed=counts[rv.REVIEWED]))
        if selected:
            self.select(selected)
        if self.rows and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._on_selection()

    def current_id(self) -> str | None:
        """The selected draft's version id."""
        selected = self.table.selectionModel().selectedRows()
        return self.model.row_at(selected[0].row()).version_id if selected else None

    def select(self, version_id: str) -> None:
        """Select the row of `version_id`."""
        for r in range(self.model.rowCount()):
            if self.model.row_at(r).version_id == version_id:
                self.table.selectRow(r)

    def open_current(self, *_args) -> None:
        """Open the selected draft."""
        version_id = self.current_id()
        if version_id:
            self.open_requested.emit(version_id)

    def current(self) -> QueueRow | None:
        """The selected line."""
        selected = self.table.selectionModel().selectedRows()
        return self.model.row_at(selected[0].row()) if selected else None

    def print_opinion(self, path=None) -> bool:
        """Save the selected reviewed draft's 审核意见书 (asks where unless `path`); False if nothing started."""
        row, session = self.current(), self._session
        if row is None or row.state != rv.REVIEWED or session is None:
            return False
        return self.printer.save(lambda: township_documents.review_opinion(session, row.version_id),
                                 self.tr("保存审核意见书"), path)

    def _on_selection(self, *_args) -> None:
        row = self.current()
        self.open_button.setEnabled(row is not None)
        self.print_button.setEnabled(row is not None and row.state == rv.REVIEWED and not self.printer.is_busy())

    def focus_table(self) -> None:
        """Put the keyboard in the list (after coming back from a draft)."""
        self.table.setFocus()
