"""The meeting editor: header, attendance ticking, agenda, votes, live verdict.

Works on a `MeetingDraft` held in memory; every change re-runs the engine
(`meetings_service.evaluate_draft`) so the 法定人数 line and each vote's
verdict follow the ticking. Saving, approving (审定) and correcting go
through `meetings_service`, which enforces permissions and refuses
impossible data with a reason. Approved minutes open read-only.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import AppPaths
from desktop.services import meetings_service
from desktop.services.meetings_service import AttendanceLine, MeetingDraft
from desktop.services.session import Session
from models.meetings import amendment_2025
from models.meetings import types as mt
from models.meetings.quorum import PRESENT
from ui.errors import show_error
from ui.meetings import draft_state, printing
from ui.meetings.add_people_dialog import AddPeopleDialog
from ui.meetings.agenda_editor import AgendaEditor
from ui.meetings.attendance_model import (
    STATUS,
    AttendanceModel,
    AttendanceView,
    NameFilterModel,
    StatusDelegate,
)
from ui.meetings.resolutions_editor import ResolutionsEditor
from ui.meetings.verdict_panel import VerdictPanel
from ui.operations import run_op, run_query
from ui.widgets.attachments_panel import AttachmentsPanel
from ui.widgets.date_field import DateField
from ui.widgets.dialogs import ask_confirm
from ui.widgets.field_message import FieldMessage
from ui.widgets.palette import BANNER_STYLE
from ui.widgets.primary_button import make_primary
from ui.widgets.record_labels import type_label
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.screen_fit import resize_within_screen, scroll_dialog_body
from ui.widgets.scroll import transparent_scroll
from ui.widgets.tables import keep_rows_visible
from ui.widgets.unsaved import EditGuard, ask_leave

#: A date field at this date shows "未填写" (the notice date is optional).
_NO_DATE = QDate(2000, 1, 1)


def _left_as_is(_exc: BaseException) -> None:
    """The record could not be read again (deleted meanwhile): the editor keeps what it shows."""


def _to_qdate(value: date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else _NO_DATE


def _from_qdate(value: QDate) -> date | None:
    return None if value == _NO_DATE else date(value.year(), value.month(), value.day())


class MeetingEditor(QDialog):
    """One meeting record. Open with `open()`; `saved(id)` after each write.

    An `ui.widgets.unsaved.UnsavedEditor`: closing with unsaved changes asks
    保存 / 不保存 / 取消, and the typing (header, attendance, agenda, votes) is
    kept as a draft a few seconds after each change until it is saved.
    """

    saved = Signal(str)

    def __init__(self, session: Session, draft: MeetingDraft, parent: QWidget | None = None,
                 paths: AppPaths | None = None):
        super().__init__(parent)
        self._session = session
        self._paths = paths
        self.draft = draft
        self._dirty = False
        self._loading = False
        self._force_close = False
        self.pending_box: QMessageBox | None = None
        self.exporter = printing.PdfExporter(self)
        self.guard = EditGuard(self, area="meetings")
        resize_within_screen(self, 1180, 760)

        self.banner = QLabel()
        self.banner.setObjectName("meetingBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("#meetingBanner { " + BANNER_STYLE + " }")
        self.heading = ScaledLabel("", 1.4, bold=True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_attendance_tab(), self.tr("基本信息与签到"))
        self.agenda_editor = AgendaEditor()
        self.tabs.addTab(transparent_scroll(self.agenda_editor), self.tr("议程与记录"))
        self.resolutions_editor = ResolutionsEditor()
        self.tabs.addTab(transparent_scroll(self.resolutions_editor), self.tr("表决"))
        self.attachments_panel = AttachmentsPanel(session, paths)
        self.attachments_panel.changed.connect(self._on_attachments_changed)
        self.tabs.addTab(self.attachments_panel, self.tr("附件"))
        self.verdict_panel = VerdictPanel()
        # 17 characters: with 22 (and still with 18, by 7 pixels) the editor was wider than a 1024×600
        # screen at 特大 and scrolled sideways (its text wraps).
        self.verdict_panel.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 17)

        self.message = FieldMessage()
        self.save_button = make_primary(QPushButton(self.tr("保存")))
        self.save_button.setToolTip(self.tr("保存 (Ctrl+S)"))
        self.approve_button = QPushButton(self.tr("审定"))
        self.correct_button = QPushButton(self.tr("更正"))
        self.print_button = QPushButton(self.tr("打印"))
        self.close_button = QPushButton(self.tr("关闭"))
        self._build_print_menu()
        self.save_button.clicked.connect(self.save)
        self.approve_button.clicked.connect(self.ask_approve)
        self.correct_button.clicked.connect(self.start_correction)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        body = QHBoxLayout()
        body.addWidget(self.tabs, 3)
        body.addWidget(self.verdict_panel, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        for button in (self.print_button, self.correct_button, self.approve_button,
                       self.save_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        scroll_dialog_body(self, buttons)  # a short screen scrolls the form; 保存/关闭 stay in reach

        self.agenda_editor.changed.connect(self._on_changed)
        self.resolutions_editor.changed.connect(self._on_changed)
        self.exporter.busy_changed.connect(self._on_export_busy)
        self.exporter.report_to(self.message)
        self.set_draft(draft)

    # ----- building -------------------------------------------------------------------------

    def _build_attendance_tab(self) -> QWidget:
        self.type_label = QLabel()
        self.title_edit = QLineEdit()
        self.date_edit = self._date_edit(optional=False)
        self.time_edit = QLineEdit()
        self.time_edit.setPlaceholderText(self.tr("例如 09:00"))
        self.place_edit = QLineEdit()
        self.convened_edit = QLineEdit()
        self.host_edit = QLineEdit()
        self.recorder_edit = QLineEdit()
        self.notice_edit = self._date_edit(optional=True)
        # 组织法 as amended 2025: important matters are first studied by the village Party organisation.
        self.party_study_edit = self._date_edit(optional=True)
        self.party_study_edit.setToolTip(self.tr(
            "村党组织对本次会议表决的重要事项进行研究讨论的日期。2026 年 1 月 1 日起施行的修改后的村民委员会组织法规定,"
            "需由村民会议或者村民代表会议决定的重要事项,应当先经村党组织研究讨论。"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        fields = ((self.tr("会议类型:"), self.type_label), (self.tr("名称:"), self.title_edit),
                  (self.tr("日期:"), self.date_edit), (self.tr("开始时间:"), self.time_edit),
                  (self.tr("地点:"), self.place_edit), (self.tr("召集人:"), self.convened_edit),
                  (self.tr("主持人:"), self.host_edit), (self.tr("记录人:"), self.recorder_edit),
                  (self.tr("通知日期:"), self.notice_edit),
                  (self.tr("党组织研究讨论:"), self.party_study_edit))
        for i, (caption, widget) in enumerate(fields):
            row, col = divmod(i, 2)
            label = QLabel(caption)
            label.setBuddy(widget)
            grid.addWidget(label, row, col * 2)
            grid.addWidget(widget, row, col * 2 + 1)
        self.party_study_caption = label  # the last caption: shown only for the bodies it concerns
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        for edit in (self.title_edit, self.time_edit, self.place_edit, self.convened_edit,
                     self.host_edit, self.recorder_edit):
            edit.textChanged.connect(self._on_changed)
        for edit in (self.date_edit, self.notice_edit, self.party_study_edit):
            edit.dateChanged.connect(self._on_changed)
        self.date_edit.dateChanged.connect(self._on_date_changed)
        self._seeded: frozenset[str] = frozenset()  # who the new draft's list was filled with

        # Roster types: the attendance list.
        self.attendance_model = AttendanceModel(self)
        self.attendance_proxy = NameFilterModel(self)
        self.attendance_proxy.setSourceModel(self.attendance_model)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("输入姓名查找,回车跳到名单"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 8)  # never a bare "…"
        self.search_edit.textChanged.connect(self.attendance_proxy.setFilterFixedString)
        self.search_edit.returnPressed.connect(self._focus_table)
        self.all_present_button = QPushButton(self.tr("全部到会"))
        self.all_present_button.clicked.connect(self.attendance_model.mark_all_present)
        self.add_people_button = QPushButton(self.tr("添加人员…"))
        self.add_people_button.setToolTip(self.tr("从人员名册添加名单以外的人,例如列席的监委会成员、乡镇干部"))
        self.add_people_button.clicked.connect(self.open_add_people)
        self.remove_people_button = QPushButton(self.tr("移出名单"))
        self.remove_people_button.setToolTip(self.tr("只能移出另外添加的人(身份为“名单外”);"
                                                     "组成人员没来请标“缺席”或“请假”"))
        self.remove_people_button.clicked.connect(self.remove_selected_people)
        self.add_people_dialog: AddPeopleDialog | None = None
        self.counts_label = ScaledLabel("", 1.05, bold=True)
        keys_hint = QLabel(self.tr("勾选“到会”;或选中人员后按 1 到会、2 缺席、3 请假、4 列席"))
        keys_hint.setProperty("role", "hint")
        keys_hint.setWordWrap(True)
        self.attendance_table = AttendanceView()
        self.attendance_table.setModel(self.attendance_proxy)
        self.attendance_table.setItemDelegateForColumn(STATUS, StatusDelegate(self.attendance_table))
        self.attendance_table.setSelectionBehavior(AttendanceView.SelectionBehavior.SelectRows)
        self.attendance_table.setAlternatingRowColors(True)
        self.attendance_table.verticalHeader().setVisible(False)
        self.attendance_table.setEditTriggers(AttendanceView.EditTrigger.DoubleClicked
                                              | AttendanceView.EditTrigger.EditKeyPressed)
        header = self.attendance_table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        em = self.fontMetrics().horizontalAdvance("国")
        for column, chars in enumerate((3, 6, 3, 6)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.attendance_table.setColumnWidth(column, em * chars + 28)
        self.attendance_model.dataChanged.connect(self._on_changed)
        self.attendance_model.rowsInserted.connect(self._on_changed)
        self.attendance_model.rowsRemoved.connect(self._on_changed)
        self.attendance_table.selectionModel().selectionChanged.connect(self._update_people_buttons)
        tools = QHBoxLayout()
        tools.addWidget(self.search_edit, 1)
        tools.addWidget(self.add_people_button)
        tools.addWidget(self.remove_people_button)
        tools.addWidget(self.all_present_button)
        # The counts on the hint's line: in one row with the search box and three buttons the
        # editor was wider than a 1024×600 screen at 大.
        counts_row = QHBoxLayout()
        counts_row.addWidget(keys_hint, 1)
        counts_row.addWidget(self.counts_label)
        self.roster_box = QWidget()
        roster_layout = QVBoxLayout(self.roster_box)
        roster_layout.setContentsMargins(0, 0, 0, 0)
        roster_layout.addLayout(tools)
        roster_layout.addLayout(counts_row)
        roster_layout.addWidget(self.attendance_table, 1)
        keep_rows_visible(self.attendance_table, 5)  # a short screen scrolls the tab, the list stays

        # Assembly types: typed totals from the sign-in sheets.
        self.expected_spin = QSpinBox()
        self.present_spin = QSpinBox()
        for spin in (self.expected_spin, self.present_spin):
            spin.setRange(0, 100000)
            # 0 shows as "未填" and is saved as not entered: the quorum is then "无法判断", never assumed.
            spin.setSpecialValueText(self.tr("未填"))
            spin.setMinimumWidth(em * 6)
            spin.valueChanged.connect(self._on_changed)
        self.assembly_box = QWidget()
        assembly = QGridLayout(self.assembly_box)
        assembly.setContentsMargins(0, 8, 0, 0)
        self.expected_caption = QLabel()
        self.present_caption = QLabel()
        assembly.addWidget(self.expected_caption, 0, 0)
        assembly.addWidget(self.expected_spin, 0, 1)
        assembly.addWidget(self.present_caption, 1, 0)
        assembly.addWidget(self.present_spin, 1, 1)
        hint = QLabel(self.tr("村民会议不逐人签到:应到按本村登记的总数预填,实到按签到表合计填写。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        assembly.addWidget(hint, 2, 0, 1, 3)
        assembly.setColumnStretch(2, 1)
        assembly.setRowStretch(3, 1)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 10, 8, 8)
        layout.addLayout(grid)
        layout.addSpacing(6)
        layout.addWidget(self.roster_box, 1)
        layout.addWidget(self.assembly_box, 1)
        return page

    def _focus_table(self) -> None:
        # Enter in the search box: jump to the first match, ready for 1–4 or Space.
        self.attendance_table.setFocus()
        if self.attendance_proxy.rowCount():
            self.attendance_table.selectRow(0)

    def open_add_people(self) -> AddPeopleDialog | None:
        """添加人员…: pick people from the register (non-blocking; returned for tests)."""
        if not self.editable():
            return None
        dialog = AddPeopleDialog({a.person_id for a in self.attendance_model.lines()}, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.add_people(dialog.lines()))
        self.add_people_dialog = dialog
        dialog.open()
        return dialog

    def add_people(self, lines: list[AttendanceLine]) -> int:
        """Put `lines` on the attendance list (people already listed are skipped)."""
        added = self.attendance_model.add_lines(lines)
        if added:
            self.attendance_proxy.invalidate()
            self.attendance_table.scrollToBottom()
            self.message.show_hint(self.tr("已添加 {n} 人到名单,保存后生效。").format(n=added))
        elif lines:
            self.message.show_hint(self.tr("选中的人已在名单上,没有重复添加。"))
        return added

    def _selected_attendance_rows(self) -> list[int]:
        rows = self.attendance_table.selectionModel().selectedRows()
        return sorted({self.attendance_proxy.mapToSource(i).row() for i in rows})

    def _update_people_buttons(self, *_args) -> None:
        rows = self._selected_attendance_rows()
        self.remove_people_button.setEnabled(
            self.editable() and bool(rows) and all(self.attendance_model.is_off_roster(r) for r in rows))

    def remove_selected_people(self) -> int:
        """移出名单: take the selected people added by hand off the list (roster members stay)."""
        rows = self._selected_attendance_rows()
        if not rows or not self.editable():
            return 0
        if not all(self.attendance_model.is_off_roster(r) for r in rows):
            self.message.show_error(self.tr("组成人员不能移出名单;没来开会的请标“缺席”或“请假”。"))
            return 0
        removed = self.attendance_model.remove_rows(rows)
        self.message.show_hint(self.tr("已把 {n} 人移出名单,保存后生效。").format(n=removed))
        self._update_people_buttons()
        return removed

    def _date_edit(self, optional: bool) -> DateField:
        edit = DateField()
        if optional:
            edit.setMinimumDate(_NO_DATE)
            edit.setSpecialValueText(self.tr("未填写"))
        else:
            edit.setMinimumDate(_NO_DATE.addDays(1))
        return edit

    def _build_print_menu(self) -> None:
        menu = QMenu(self)
        self.print_minutes_action = menu.addAction(self.tr("打印会议记录…"))
        self.print_sign_in_action = menu.addAction(self.tr("打印签到表…"))
        menu.addSeparator()
        self.export_minutes_action = menu.addAction(self.tr("会议记录导出为 PDF…"))
        self.export_sign_in_action = menu.addAction(self.tr("签到表导出为 PDF…"))
        self.print_minutes_action.triggered.connect(lambda: self._print(printing.MINUTES))
        self.print_sign_in_action.triggered.connect(lambda: self._print(printing.SIGN_IN))
        self.export_minutes_action.triggered.connect(lambda: self._ask_export(printing.MINUTES))
        self.export_sign_in_action.triggered.connect(lambda: self._ask_export(printing.SIGN_IN))
        self.print_button.setMenu(menu)

    # ----- loading and collecting -----------------------------------------------------------

    def editable(self) -> bool:
        """Whether this person may change this record now."""
        return self.draft.editable and self._may_write()

    def _may_write(self) -> bool:
        """The secretary writes meetings; the 监委会 also writes its own, the 村委会 not those (the service checks too)."""
        return meetings_service.why_not_write(self._session, self.draft.type_code) is None

    def set_draft(self, draft: MeetingDraft, dirty: bool = False) -> None:
        """Show `draft` in every field; read-only when approved or not permitted."""
        self.draft = draft
        kind = mt.meeting_type(draft.type_code)
        editable = self.editable()
        self._loading = True
        try:
            self.type_label.setText(type_label(draft.type_code))
            self.title_edit.setText(draft.title)
            self.date_edit.setDate(_to_qdate(draft.held_on))
            self.time_edit.setText(draft.start_time)
            self.place_edit.setText(draft.place)
            self.convened_edit.setText(draft.convened_by)
            self.host_edit.setText(draft.host)
            self.recorder_edit.setText(draft.recorder)
            self.notice_edit.setDate(_to_qdate(draft.notice_date))
            self.party_study_edit.setDate(_to_qdate(draft.party_study_on))
            deciding = draft.type_code in amendment_2025.DECIDING_BODIES
            self.party_study_caption.setVisible(deciding)
            self.party_study_edit.setVisible(deciding)
            self.roster_box.setVisible(kind.roster)
            self.assembly_box.setVisible(not kind.roster)
            self.attendance_model.set_lines(draft.attendance, editable, kind.is_representatives)
            self.attendance_model.set_roster_ids(
                frozenset(a.person_id for a in meetings_service.roster(draft.type_code, draft.held_on))
                if kind.roster else None)
            self.expected_caption.setText(self.tr("应到({unit}):").format(unit=kind.unit))
            self.present_caption.setText(self.tr("实到({unit}):").format(unit=kind.unit))
            self.expected_spin.setValue(draft.expected_count or 0)
            self.present_spin.setValue(draft.present_count or 0)
            self.agenda_editor.set_lines(draft.agenda, editable)
            self.resolutions_editor.set_lines(draft.resolutions, editable)
            for edit in (self.title_edit, self.time_edit, self.place_edit, self.convened_edit,
                         self.host_edit, self.recorder_edit):
                edit.setReadOnly(not editable)
            for spin in (self.date_edit, self.notice_edit, self.party_study_edit, self.expected_spin,
                         self.present_spin):
                spin.setReadOnly(not editable)
            self.all_present_button.setEnabled(editable)
            self.add_people_button.setEnabled(editable)
        finally:
            self._loading = False
        self.attachments_panel.set_meeting(draft.id, approved=not draft.editable)
        self._seeded = frozenset(a.person_id for a in draft.attendance) if draft.id is None else frozenset()
        self._update_people_buttons()
        self._dirty = dirty
        self._update_buttons()
        self.refresh_verdict()
        if dirty:
            self.guard.changed()

    def _collect(self) -> MeetingDraft:
        d = self.draft
        d.title = self.title_edit.text()
        d.held_on = _from_qdate(self.date_edit.date()) or d.held_on
        d.start_time = self.time_edit.text().strip()
        d.place = self.place_edit.text()
        d.convened_by = self.convened_edit.text()
        d.host = self.host_edit.text()
        d.recorder = self.recorder_edit.text()
        d.notice_date = _from_qdate(self.notice_edit.date())
        d.party_study_on = _from_qdate(self.party_study_edit.date())
        if not mt.meeting_type(d.type_code).roster:
            d.expected_count = self.expected_spin.value() or None
            d.present_count = self.present_spin.value() or None
        d.agenda = self.agenda_editor.lines()
        d.resolutions = self.resolutions_editor.lines()
        return d

    def _on_changed(self, *_args) -> None:
        if self._loading or not self.editable():
            return
        self._dirty = True
        self._update_buttons()
        self.refresh_verdict()
        self.guard.changed()

    def _on_date_changed(self, *_args) -> None:
        """The list follows who held office on the meeting's date (terms_service answers that).

        A new meeting's list, still as it was filled and nobody marked, is
        filled again for the new date; otherwise only the 不在名单 marks move.
        """
        kind = mt.meeting_type(self.draft.type_code)
        on = _from_qdate(self.date_edit.date())
        if self._loading or not self.editable() or not kind.roster or on is None:
            return
        roster = meetings_service.roster(self.draft.type_code, on)
        ids = frozenset(a.person_id for a in roster)
        lines = self.attendance_model.lines()
        if (self.draft.id is None and self._seeded and ids != self._seeded
                and frozenset(a.person_id for a in lines) == self._seeded
                and all(a.status == PRESENT for a in lines)):
            self.attendance_model.set_lines(roster, True, kind.is_representatives)
            self._seeded = ids
        self.attendance_model.set_roster_ids(ids)
        self._update_people_buttons()
        self.refresh_verdict()

    def refresh_verdict(self) -> None:
        """Re-run the engine on what is on screen and show the result."""
        draft = self._collect()
        verdict = meetings_service.evaluate_draft(draft)
        kind = mt.meeting_type(draft.type_code)
        self.verdict_panel.show_verdict(verdict, kind.unit)
        self.resolutions_editor.show_verdicts(verdict.resolutions, verdict.authority,
                                              verdict.meeting.findings)
        if kind.roster:
            expected, present = self.attendance_model.counts()
            self.counts_label.setText(self.tr("应到 {e} 人 · 实到 {p} 人").format(e=expected, p=present))
        heading = draft.title.strip() or type_label(draft.type_code)
        self.heading.setText(heading + (self.tr("(未保存)") if self._dirty else ""))
        self.setWindowTitle(heading)
        if not draft.editable:
            self.banner.setText(self.tr("已审定,如需更正请点“更正”。"))
        elif draft.corrects_id:
            self.banner.setText(self.tr("这是一份更正记录,保存并审定后替代原记录。"))
        self.banner.setVisible(not draft.editable or bool(draft.corrects_id))

    def _update_buttons(self) -> None:
        can_edit = self._may_write()
        editable = self.editable()
        self.save_button.setVisible(self.draft.editable)
        self.save_button.setEnabled(editable)
        self.approve_button.setVisible(self.draft.editable)
        self.approve_button.setEnabled(editable and self.draft.id is not None)
        self.correct_button.setVisible(not self.draft.editable)
        self.correct_button.setEnabled(can_edit)
        self.print_button.setEnabled(self.draft.id is not None and not self.exporter.is_busy())

    def _on_attachments_changed(self, count: int) -> None:
        index = self.tabs.indexOf(self.attachments_panel)
        self.tabs.setTabText(index, self.tr("附件({n})").format(n=count) if count else self.tr("附件"))

    def is_dirty(self) -> bool:
        """Whether there are unsaved changes."""
        return self._dirty and self.editable()

    # ----- unsaved work (ui.widgets.unsaved.UnsavedEditor) ----------------------------------

    def draft_key(self) -> str:
        """"meeting:<id>", or "meeting:new:<type>" before the first save."""
        return f"meeting:{self.draft.id}" if self.draft.id else f"meeting:new:{self.draft.type_code}"

    def draft_title(self) -> str:
        """The meeting in words: its title, or its type when it has none yet."""
        return self.tr("会议记录:{title}").format(title=self.title_edit.text().strip()
                                                  or type_label(self.draft.type_code))

    def draft_state(self) -> dict:
        """Everything typed: header, attendance, agenda and votes."""
        return draft_state.to_state(self._collect())

    def restore_draft(self, state: dict) -> None:
        """Put kept typing back into this (open) record; it is then unsaved."""
        if self.editable():
            self.set_draft(draft_state.apply_state(self.draft, state), dirty=True)
            self.message.show_hint(self.tr("已恢复上次没有保存的内容,请检查后保存。"))

    def discard(self) -> None:
        """不保存: forget the typing (the saved record is shown again) and its kept draft."""
        self._dirty = False
        self.guard.settled()
        if self.draft.id is not None:
            reread = run_query(self, lambda: meetings_service.load(self.draft.id), on_failure=_left_as_is)
            if reread:
                self.set_draft(reread.value)
                return
        self._update_buttons()
        self.refresh_verdict()

    # ----- actions --------------------------------------------------------------------------

    def save(self) -> bool:
        """Save the draft (Ctrl+S). Refusals show their reason; nothing is half-saved."""
        if not self.editable():
            return False
        draft = self._collect()
        saved = run_op(self, lambda: meetings_service.save(self._session, draft), on_failure=self._refused)
        if not saved:
            return False
        meeting_id = saved.value
        self._dirty = False
        self.guard.settled()  # the kept draft under "meeting:new:…" goes too
        self.attachments_panel.set_meeting(meeting_id, approved=False)
        self.message.show_ok(self.tr("已保存。"))
        self._update_buttons()
        self.refresh_verdict()
        self.saved.emit(meeting_id)
        return True

    def ask_approve(self) -> QMessageBox | None:
        """Ask before freezing the minutes (审定); returns the question box.

        An inquorate meeting may be approved (the minutes record what happened), so
        the question then says first that its decisions are void and that it does not
        count as the body's meeting; a meeting whose quorum cannot be judged is refused
        by the service with the reason.
        """
        if self._dirty and not self.save():
            return None
        question = self.tr("审定后不能再修改。如发现错误,只能新建一份更正记录。\n确定审定这份会议记录吗?")
        meeting = meetings_service.evaluate_draft(self._collect()).meeting
        if meeting.quorum_judged and not meeting.quorum_met:
            question = self.tr("这次会议未达到法定人数:审定只是如实记录会议经过,会议作出的决定无效,"
                               "也不算按期召开了会议。\n") + question
        self.pending_box = ask_confirm(
            self, self.windowTitle(), question, self.tr("审定"), self._approve, on_answer=self._forget_box)
        return self.pending_box

    def _forget_box(self) -> None:
        self.pending_box = None

    def _refused(self, exc: BaseException) -> None:
        """A refused save or approval: the reason under the form and in a box (the form may be scrolled)."""
        self.message.show_failure(exc)
        show_error(self, exc)

    def _approve(self) -> None:
        meeting_id = self.draft.id

        def approve_and_reload() -> MeetingDraft:
            meetings_service.approve(self._session, meeting_id)
            return meetings_service.load(meeting_id)

        approved = run_op(self, approve_and_reload, on_failure=self._refused)
        if not approved:
            return
        self.set_draft(approved.value)
        self.message.show_ok(self.tr("已审定。"))
        self.saved.emit(self.draft.id)

    def start_correction(self) -> None:
        """更正: a new draft linked to these approved minutes, editable at once."""
        correction = run_op(self, lambda: meetings_service.correct(self._session, self.draft.id))
        if not correction:
            return
        self.set_draft(correction.value, dirty=True)
        self.message.show_hint(self.tr("已新建更正记录,修改后请保存。原记录保持不变。"))

    def reject(self) -> None:
        """Close (also Esc and the window's ×): ask first when there are unsaved changes."""
        if self._force_close or not self.is_dirty():
            super().reject()
            return
        self.pending_box = ask_leave(self, self, self._on_unsaved_answer)

    def _on_unsaved_answer(self, may_leave: bool) -> None:
        self.pending_box = None
        if may_leave:
            self._force_close = True
            self.close()

    # ----- printing -------------------------------------------------------------------------

    def _ready_to_print(self) -> bool:
        if self.draft.id is None or self._dirty:
            self.message.show_error(self.tr("请先保存会议记录,再打印或导出。"))
            return False
        return True

    def _print(self, kind: str) -> None:
        if self._ready_to_print():
            printing.print_document(self, self.draft.id, kind)

    def _ask_export(self, kind: str) -> None:
        if self._ready_to_print():
            name = f"{self.draft.held_on.isoformat()} {self.draft.title}{printing.document_name(kind)}.pdf"
            self.exporter.ask_and_export(self, self.draft.id, kind, name)

    def export_pdf(self, kind: str, path) -> bool:
        """Export without the file dialog (the dialog wrapper calls this with its path)."""
        if not self._ready_to_print():
            return False
        self.exporter.export_pdf(self.draft.id, kind, path)
        return True

    def _on_export_busy(self, busy: bool) -> None:
        if busy:
            self.message.show_hint(self.tr("正在导出 PDF……"))
        self._update_buttons()
