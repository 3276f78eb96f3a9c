"""“恢复未保存的内容”: the drafts a crash or a power cut left behind, offered after login.

The main window builds it with the kept drafts (`desktop.drafts_store`) and
a note for each (the record changed since, or is gone) and does the work:
`restore_requested(draft)` opens the page and the editor and puts the typing
back; `discard_requested(draft)` forgets the file (after asking: it cannot
come back). 以后再说 keeps every draft for the next start.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.drafts_store import Draft
from ui.widgets.dialogs import ask_confirm
from ui.widgets.primary_button import make_primary
from ui.widgets.restore_drafts_model import NOTE, WHAT, WHEN, RestoreDraftsModel
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.screen_fit import resize_within_screen
from ui.widgets.tables import read_only_view


class RestoreDraftsDialog(QDialog):
    """The list of kept drafts with 恢复 / 丢弃 / 以后再说 (non-blocking: `open()`)."""

    restore_requested = Signal(object)
    discard_requested = Signal(object)

    def __init__(self, drafts: list[tuple[Draft, str, bool]], parent: QWidget | None = None):
        """`drafts`: (draft, note, can_restore) — the note says when its record changed or is gone."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("恢复未保存的内容"))
        self.entries = list(drafts)
        self.pending_box: QMessageBox | None = None

        heading = ScaledLabel(self.tr("恢复未保存的内容"), 1.3, bold=True)
        intro = QLabel(self.tr("上次退出时,下面的内容还没有保存(可能是停电或程序意外关闭)。"
                               "选中一项后点“恢复”,会打开原来的页面,把当时输入的内容放回去,检查后再保存。"))
        intro.setWordWrap(True)
        self.model = RestoreDraftsModel(self)
        self.table = read_only_view(self.model)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        em = self.fontMetrics().horizontalAdvance("国")
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WHEN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(WHEN, em * 9)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.restore_selected)

        self.restore_button = make_primary(QPushButton(self.tr("恢复")))
        self.discard_button = QPushButton(self.tr("丢弃"))
        self.discard_button.setToolTip(self.tr("不要这份草稿了(丢弃后不能找回)"))
        self.later_button = QPushButton(self.tr("以后再说"))
        self.later_button.setToolTip(self.tr("先不处理,下次打开时再问"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.discard_button.clicked.connect(self.ask_discard)
        self.later_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.restore_button, self.discard_button, self.later_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        # Wide enough for a meeting's or a version's name beside its time and note, at any font size.
        resize_within_screen(self, max(760, em * 52), max(380, self.sizeHint().height()))
        self._fill()

    def _fill(self) -> None:
        self.model.set_rows(list(self.entries))
        self.table.resizeRowsToContents()
        self._keep_rows_visible(3)
        if self.entries:
            self.table.selectRow(0)
        self._update_buttons()

    def _keep_rows_visible(self, rows: int) -> None:
        """Never squeezed below its first `rows` rows as they are (a note may wrap to two lines)."""
        table = self.table
        shown = sum(table.rowHeight(r) for r in range(min(rows, self.model.rowCount())))
        shown = max(shown, rows * table.verticalHeader().defaultSectionSize())
        bar = table.style().pixelMetric(table.style().PixelMetric.PM_ScrollBarExtent)
        table.setMinimumHeight(table.horizontalHeader().sizeHint().height() + shown + bar + 2 * table.frameWidth())

    def selected(self) -> tuple[Draft, str, bool] | None:
        """The selected entry (draft, note, can_restore), if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None  # the row shown (a header may sort)

    def _update_buttons(self) -> None:
        entry = self.selected()
        self.restore_button.setEnabled(entry is not None and entry[2])
        self.discard_button.setEnabled(entry is not None)

    def restore_selected(self) -> None:
        """恢复: close and hand the selected draft to the main window (the others stay for later)."""
        entry = self.selected()
        if entry is None or not entry[2]:
            return
        self.accept()
        self.restore_requested.emit(entry[0])

    def ask_discard(self) -> QMessageBox | None:
        """丢弃: ask first (a discarded draft cannot come back), then forget it."""
        entry = self.selected()
        if entry is None:
            return None
        draft = entry[0]
        self.pending_box = ask_confirm(
            self, self.tr("丢弃草稿"),
            self.tr("丢弃“{what}”的草稿吗?丢弃后不能找回。").format(what=draft.title or draft.key),
            self.tr("丢弃"), lambda: self._discard(draft), on_answer=self._forget_box)
        return self.pending_box

    def _forget_box(self) -> None:
        self.pending_box = None

    def _discard(self, draft: Draft) -> None:
        self.discard_requested.emit(draft)
        self.entries = [e for e in self.entries if e[0] is not draft]
        if not self.entries:
            self.accept()
            return
        self._fill()
