"""会议与表决: the meeting list (会议记录) and the 四议两公开 registers."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

import shiboken6
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import AppPaths
from desktop.services import decisions_service, meetings_service
from desktop.services.meetings_service import MeetingDraft
from desktop.services.session import Session
from models.meetings import types as mt
from models.roles import Permission
from ui.fonts import font_notifier
from ui.meetings import printing
from ui.meetings.meeting_editor import MeetingEditor
from ui.meetings.meeting_list_model import MeetingListModel
from ui.operations import run_op, run_query
from ui.widgets.abandon import abandon_text, ask_abandon, on_delete_key
from ui.widgets.field_message import FieldMessage
from ui.widgets.findings import finding_text
from ui.widgets.palette import BANNER_STYLE
from ui.widgets.primary_button import make_primary
from ui.widgets.record_labels import type_label
from ui.widgets.scaled_label import ScaledLabel, scale_font
from ui.widgets.shrinking_columns import ShrinkingColumns
from ui.widgets.sorting import make_sortable


class MeetingListView(QWidget):
    """Filters, the meeting table (or a friendly empty state) and the actions on a meeting."""

    def __init__(self, session: Session, parent: QWidget | None = None,
                 paths: AppPaths | None = None):
        super().__init__(parent)
        self._session = session
        self._paths = paths
        self.editor: MeetingEditor | None = None
        self.pending_box: QMessageBox | None = None
        self.exporter = printing.PdfExporter(self)
        can_edit = session.can(Permission.EDIT_RECORDS)

        self.cadence_label = QLabel()
        self.cadence_label.setWordWrap(True)
        self.cadence_label.setTextFormat(Qt.TextFormat.RichText)
        self.cadence_label.setStyleSheet(BANNER_STYLE)

        self.type_combo = QComboBox()
        self.type_combo.addItem(self.tr("全部类型"), None)
        for code, _label in meetings_service.type_choices():
            self.type_combo.addItem(type_label(code), code)
        self.type_combo.setMinimumContentsLength(12)
        self.year_combo = QComboBox()
        self.year_combo.setMinimumContentsLength(6)
        self.type_combo.currentIndexChanged.connect(self.apply_filters)
        self.year_combo.currentIndexChanged.connect(self.apply_filters)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")

        self.new_button = make_primary(QPushButton(self.tr("新建会议")))
        new_menu = QMenu(self)
        for code, _label in meetings_service.type_choices():
            action = new_menu.addAction(type_label(code))
            action.setData(code)
        new_menu.triggered.connect(lambda action: self.new_meeting(action.data()))
        self.new_menu = new_menu
        self.new_button.setMenu(new_menu)
        self.new_button.setEnabled(can_edit)
        self.open_button = QPushButton(self.tr("打开"))
        self.delete_button = QPushButton(abandon_text())
        self.delete_button.setToolTip(self.tr("还没有审定的会议记录可以放弃,移到回收站后可以恢复 (Delete)"))
        self.print_minutes_button = QPushButton(self.tr("打印会议记录"))
        self.print_sign_in_button = QPushButton(self.tr("打印签到表"))
        self.export_button = QPushButton(self.tr("导出 PDF"))
        export_menu = QMenu(self)
        export_menu.addAction(self.tr("会议记录导出为 PDF…"),
                              lambda: self._ask_export(printing.MINUTES))
        export_menu.addAction(self.tr("签到表导出为 PDF…"),
                              lambda: self._ask_export(printing.SIGN_IN))
        self.export_button.setMenu(export_menu)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.ask_delete)
        self.print_minutes_button.clicked.connect(lambda: self._print(printing.MINUTES))
        self.print_sign_in_button.clicked.connect(lambda: self._print(printing.SIGN_IN))

        self.model = MeetingListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        make_sortable(self.table)  # 升序, 降序, then the list's own order (newest first)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.activated.connect(self._on_double_click)  # Enter opens too
        on_delete_key(self.table, self.ask_delete)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        # Widths in characters, so they grow with the font-size setting; 名称 stretches.
        # On a narrow window they shrink towards the floors (the text elides, the tooltip has it)
        # instead of widening the page: at 1024×600 新建会议 was off the screen's edge.
        self._column_chars = (6, 8, 0, 3, 3, 5, 6, 4)
        for column, chars in enumerate(self._column_chars):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if chars == 0
                                        else QHeaderView.ResizeMode.Interactive)
        self._columns = ShrinkingColumns(self.table, self._column_chars, (6, 5, 0, 2, 2, 4, 4, 3),
                                         stretch_chars=8)  # 名称 keeps 8 characters
        font_notifier().changed.connect(self._columns.resize_columns)

        self.empty_label = ScaledLabel("", 1.15)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setProperty("role", "hint")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        self.message = FieldMessage()

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("类型:")))
        filters.addWidget(self.type_combo)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("年份:")))
        filters.addWidget(self.year_combo)
        filters.addSpacing(12)
        filters.addWidget(self.count_label)
        filters.addStretch(1)
        filters.addWidget(self.new_button)
        actions = QHBoxLayout()
        for button in (self.open_button, self.delete_button, self.print_minutes_button,
                       self.print_sign_in_button, self.export_button):
            actions.addWidget(button)
        actions.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.cadence_label)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        layout.addLayout(actions)

        self.exporter.busy_changed.connect(self._on_export_busy)
        self.exporter.report_to(self.message)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._abandoned: str | None = None  # the draft "草稿已放弃…" speaks of
        self.refresh()

    # ----- data -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read years, the list and the cadence warnings (after any change); the selection stays on its meeting."""
        selected = self.selected_id()
        current = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        self.year_combo.addItem(self.tr("全部年份"), None)
        for year in meetings_service.years_with_meetings():
            self.year_combo.addItem(self.tr("{year} 年").format(year=year), year)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(current)))
        self.year_combo.blockSignals(False)
        self.apply_filters()
        if selected is not None:
            self.select_meeting(selected)
        self._show_cadence()
        # Restored from the 回收站: "草稿已放弃…" would go on saying so beside the draft that came back.
        if self._abandoned is not None and self.model.row_of(self._abandoned) >= 0:
            self._abandoned = None
            self.message.clear_message()

    def apply_filters(self) -> None:
        """Reload the table for the type and year chosen."""
        self.model.reload(self.type_combo.currentData(), self.year_combo.currentData())
        filtered = self.type_combo.currentData() is not None or self.year_combo.currentData() is not None
        self.count_label.setText(self.tr("共 {n} 次").format(n=self.model.total()))
        if self.model.total():
            self.stack.setCurrentWidget(self.table)
        else:
            self.empty_label.setText(
                self.tr("没有符合条件的会议。请换一个类型或年份。") if filtered else
                self.tr("还没有会议记录。\n点右上角“新建会议”,选择会议类型,登记第一次会议。"))
            self.stack.setCurrentWidget(self.empty_label)
        self._update_buttons()

    def _show_cadence(self) -> None:
        today = date.today()
        # Quarters that ended before the village kept its records here are not judged (as on the home page).
        findings = decisions_service.cadence_findings(today.year, today, since=decisions_service.records_began())
        lines = [f"• {escape(finding_text(f))}" for f in findings]
        self.cadence_label.setText("<br>".join(lines))
        self.cadence_label.setVisible(bool(lines))

    def selected_id(self) -> str | None:
        """The id of the selected meeting, if any."""
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        return row.id if row is not None else None

    def select_meeting(self, meeting_id: str) -> bool:
        """Select `meeting_id` when the list (with its filters) shows it."""
        row = self.model.row_of(meeting_id)  # a page in SQL, not every row (100,000 meetings)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True

    def show_meeting(self, meeting_id: str) -> bool:
        """Select `meeting_id`, showing every type and year when the filters hide it (a search hit, a to-do line)."""
        if self.select_meeting(meeting_id):
            return True
        for combo in (self.type_combo, self.year_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.apply_filters()
        return self.select_meeting(meeting_id)

    def select_row(self, row: int) -> None:
        """Select view row `row` (as a click would)."""
        self.table.selectRow(row)

    def _update_buttons(self, *_args) -> None:
        selected = self.selected_id() is not None
        row = self.model.row_at(self.table.selectionModel().selectedRows()[0].row()) if selected else None
        can_edit = self._session.can(Permission.EDIT_RECORDS)
        self.open_button.setEnabled(selected)
        self.delete_button.setEnabled(bool(row and row.status != "approved" and can_edit))
        for button in (self.print_minutes_button, self.print_sign_in_button):
            button.setEnabled(selected)
        self.export_button.setEnabled(selected and not self.exporter.is_busy())

    # ----- actions --------------------------------------------------------------------------

    def new_meeting(self, type_code: str, held_on: date | None = None) -> MeetingEditor:
        """Open the editor on a new draft of `type_code` (roster prefilled)."""
        return self.open_editor(meetings_service.new_draft(type_code, held_on))

    def open_selected(self) -> MeetingEditor | None:
        """Open the selected meeting in the editor."""
        meeting_id = self.selected_id()
        if meeting_id is None:
            return None
        # A double-click also emits `activated` on some platforms: never open twice.
        # A closed editor has deleted itself (WA_DeleteOnClose): it must not be asked if it shows.
        editor = self.editor if self.editor is not None and shiboken6.isValid(self.editor) else None
        if editor is not None and editor.isVisible() and editor.draft.id == meeting_id:
            editor.raise_()
            editor.activateWindow()
            return editor
        draft = run_query(self, lambda: meetings_service.load(meeting_id))
        if not draft:
            return None  # deleted meanwhile: the box said so
        return self.open_editor(draft.value)

    def open_editor(self, draft: MeetingDraft) -> MeetingEditor:
        """Show `draft` in a new editor window; the list refreshes whenever it saves."""
        editor = MeetingEditor(self._session, draft, self, self._paths)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self._on_saved)
        self.editor = editor
        editor.open()
        return editor

    def _on_saved(self, meeting_id: str) -> None:
        """The editor saved: the list is read again with the saved meeting selected (a new one too).

        A meeting the type or year filter hides (a 村民会议 saved while the list shows 村民代表会议)
        widens the filters rather than vanish from the list it was made in.
        """
        self.refresh()
        if meeting_id:
            self.show_meeting(meeting_id)

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_selected()

    def ask_delete(self) -> QMessageBox | None:
        """放弃草稿: ask (naming the meeting) before moving the selected draft to the 回收站.

        Approved minutes are not asked about: the service's reason is shown (Delete on one).
        """
        meeting_id = self.selected_id()
        if meeting_id is None:
            return None
        row = self.model.row_at(self.table.selectionModel().selectedRows()[0].row())
        if row.status == "approved":
            run_op(self, lambda: meetings_service.delete_draft(self._session, meeting_id),
                   on_failure=self.message.show_failure)
            return None
        self.pending_box = ask_abandon(
            self, self.tr("{on} {title}").format(title=row.title, on=row.held_on),
            lambda: self._delete(meeting_id), on_answer=self._forget_box)
        return self.pending_box

    def _forget_box(self) -> None:
        self.pending_box = None

    def _delete(self, meeting_id: str) -> None:
        self.pending_box = None
        rows = self.table.selectionModel().selectedRows()
        where = rows[0].row() if rows else -1
        if not run_op(self, lambda: meetings_service.delete_draft(self._session, meeting_id)):
            return
        self.refresh()
        if where >= 0 and self.model.rowCount():  # the next meeting takes the removed one's place
            self.select_row(min(where, self.model.rowCount() - 1))
        self.message.show_ok(self.tr("草稿已放弃,可在“文件 → 回收站”恢复。"))
        self._abandoned = meeting_id

    def _print(self, kind: str) -> None:
        meeting_id = self.selected_id()
        if meeting_id:
            printing.print_document(self, meeting_id, kind)

    def _ask_export(self, kind: str) -> None:
        meeting_id = self.selected_id()
        if meeting_id:
            row = self.model.row_at(self.table.selectionModel().selectedRows()[0].row())
            name = f"{row.held_on} {row.title}{printing.document_name(kind)}.pdf"
            self.exporter.ask_and_export(self, meeting_id, kind, name)

    def export_selected(self, kind: str, path: Path) -> bool:
        """Export the selected meeting's document to `path` (what the file dialog calls)."""
        meeting_id = self.selected_id()
        if meeting_id is None:
            return False
        self.exporter.export_pdf(meeting_id, kind, path)
        return True

    def _on_export_busy(self, busy: bool) -> None:
        if busy:
            self.message.show_hint(self.tr("正在导出 PDF……"))
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()
        self._update_buttons()


def _gone(_exc: BaseException) -> None:
    """A kept draft's meeting is gone: the main window says the draft cannot be restored."""


class MeetingsPage(QWidget):
    """Two tabs: 会议记录 and 四议两公开."""

    def __init__(self, session: Session, parent: QWidget | None = None,
                 paths: AppPaths | None = None):
        super().__init__(parent)
        from ui.meetings.four_two_view import FourTwoView

        self.list_view = MeetingListView(session, paths=paths)
        self.four_two_view = FourTwoView(session)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.list_view, self.tr("会议记录"))
        self.tabs.addTab(self.four_two_view, self.tr("四议两公开"))
        scale_font(self.tabs.tabBar(), 1.1)
        self.tabs.currentChanged.connect(self._on_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(ScaledLabel(self.tr("会议与表决"), 1.5, bold=True))
        layout.addWidget(self.tabs, 1)

    def open_record(self, _tab: str, meeting_id: str) -> MeetingEditor | None:
        """A to-do line about one meeting record (a draft to 审定): select it in the list and open it."""
        self.tabs.setCurrentWidget(self.list_view)
        self.list_view.show_meeting(meeting_id)
        return self.open_for_draft(f"meeting:{meeting_id}")

    def open_for_draft(self, key: str) -> MeetingEditor | None:
        """恢复未保存的内容: the editor of a kept draft's meeting ("meeting:<id>" or "meeting:new:<type>").

        None when that meeting is gone or the key is not a meeting's (the caller says so).
        """
        kind, _, rest = key.partition(":")
        if kind != "meeting" or not rest:
            return None
        self.tabs.setCurrentWidget(self.list_view)
        if rest.startswith("new:"):
            type_code = rest.removeprefix("new:")
            if type_code not in mt.TYPES:
                return None
            return self.list_view.new_meeting(type_code)
        draft = run_query(self, lambda: meetings_service.load(rest), on_failure=_gone)
        return self.list_view.open_editor(draft.value) if draft else None

    def refresh(self) -> None:
        """Records changed elsewhere (a package, the 村务监督 page): re-read both tabs."""
        self.list_view.refresh()
        self.four_two_view.refresh()

    def on_settings_changed(self) -> None:
        """The province profile changed: re-run the checks this page shows."""
        from shiboken6 import isValid

        self.list_view.refresh()
        self.four_two_view.refresh()
        editor = self.list_view.editor
        if editor is not None and isValid(editor) and editor.isVisible():
            editor.refresh_verdict()

    def _on_tab(self, index: int) -> None:
        # Meetings saved in the meantime may now be linkable to a step.
        if self.tabs.widget(index) is self.four_two_view:
            self.four_two_view.refresh()
