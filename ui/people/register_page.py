"""人员名册: the register (add, change, end a stay; search; export) and 小组与户, as tabs.

The page is a `QTabWidget` (`self.tabs`) so other parts of the register (任职)
can add a tab. The 名册 tab's list is lazy (ids up front, rows a chunk at a
time), so a register of 100,000 opens at once. A fresh village sees an empty
state with the two ways in: 新增 and 导入花名册 (the import dialog is
connected from outside: `set_import_handler` or the `import_requested` signal).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMetaMethod, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services import people_service
from desktop.services.session import Session
from models.roles import Permission
from ui.fonts import font_notifier
from ui.operations import run_op, run_query
from ui.people.end_stay_dialog import EndStayDialog
from ui.people.groups_tab import GroupsTab
from ui.people.person_dialog import NEW_KEY, PersonDialog
from ui.people.register_model import RegisterModel
from ui.people.terms_tab import TermsTab
from ui.widgets.background import FileExporter
from ui.widgets.batched_model import ID_ROLE
from ui.widgets.dialogs import ask_confirm
from ui.widgets.field_message import FieldMessage
from ui.widgets.primary_button import make_primary
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.sorting import make_sortable


class RegisterPage(QWidget):
    """The register for `session` (read-only without a session or without the 名册 permission)."""

    #: The person asked to import a 花名册 (when no handler was set with `set_import_handler`).
    import_requested = Signal()
    #: A place elsewhere to open ("area:tab"), passed on from the 任职 tab.
    go_to = Signal(str)

    def __init__(self, session: Session | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._can_edit = session is not None and session.can(Permission.EDIT_REGISTER)
        self._import_handler: Callable[[], object] | None = None
        self._open = None  # the dialog on screen (kept so tests and callers can reach it)
        self.model = RegisterModel(self)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("按姓名查找,例如:王"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 12)
        self.include_left_box = QCheckBox(self.tr("含已迁出/死亡"))
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        self.add_button = make_primary(QPushButton(self.tr("新增")))
        self.add_button.setToolTip(self.tr("新增一个人(Insert 键)"))
        self.edit_button = QPushButton(self.tr("修改"))
        self.edit_button.setToolTip(self.tr("修改选中的人(回车键或双击)"))
        self.end_button = QPushButton(self.tr("迁出或注销"))
        self.import_button = QPushButton(self.tr("导入花名册"))
        self.export_button = QPushButton(self.tr("导出 Excel"))
        self.message = FieldMessage()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        # The roster's order by default (组, 户号, 户主 first); a header sorts by its column, then back.
        make_sortable(self.table)
        # Widths in characters, so they grow with the font-size setting.
        # 姓名, 性别, 村民小组, 现任职务, 出生年月, 户号, 与户主关系, 状态, 电话, 民族, 文化程度 (政治面貌 takes the rest).
        self._column_chars = (5, 3, 5, 8, 5, 5, 5, 4, 8, 4, 5)
        for column in range(len(self._column_chars)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._size_columns()
        font_notifier().changed.connect(self._size_columns)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self._empty_state())

        # Typing "王建" should not query twice; wait for a short pause.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.apply_search)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.include_left_box.toggled.connect(self.apply_search)

        self.exporter = FileExporter(self)
        self.exporter.report_to(self.message)
        self._exporting = False
        self._nothing_to_export = True
        self._export_tip = ""
        self.exporter.busy_changed.connect(self._export_busy)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._register_tab(), self.tr("名册"))
        self.groups_tab = GroupsTab(session)
        self.tabs.addTab(self.groups_tab, self.tr("小组与户"))
        self.terms_tab = TermsTab(session) if session is not None else None
        if self.terms_tab is not None:
            self.tabs.addTab(self.terms_tab, self.tr("任职"))
            self.terms_tab.go_to.connect(self.go_to)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(8)
        layout.addWidget(ScaledLabel(self.tr("人员名册"), 1.5, bold=True))
        layout.addWidget(self.tabs, 1)

        self.add_button.clicked.connect(self.open_add)
        self.edit_button.clicked.connect(self.open_edit)
        self.end_button.clicked.connect(self.open_end)
        self.import_button.clicked.connect(self.request_import)
        self.export_button.clicked.connect(self.ask_export)
        self.table.doubleClicked.connect(self.open_edit)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        # Insert adds, Enter changes; there is no Delete: people leave by 迁出或注销.
        QShortcut(QKeySequence(Qt.Key.Key_Insert), self, self.open_add,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.table, self.open_edit, context=Qt.ShortcutContext.WidgetShortcut)
        self.apply_search()

    # ----- layout -------------------------------------------------------------------------------

    def _register_tab(self) -> QWidget:
        # 共 N 人 sits under the list, not in the top row: with the 特大 font the top row
        # (three buttons, 含已迁出/死亡, the search) already takes most of a 1024×600 screen.
        top = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.end_button):
            top.addWidget(button)
        top.addStretch(1)
        top.addWidget(self.include_left_box)
        top.addWidget(self.search_edit)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.export_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)
        return tab

    def _empty_state(self) -> QWidget:
        self.empty_add_button = make_primary(QPushButton(self.tr("新增人员")))
        self.empty_import_button = QPushButton(self.tr("从花名册导入"))
        self.empty_add_button.clicked.connect(self.open_add)
        self.empty_import_button.clicked.connect(self.request_import)
        text = ScaledLabel(self.tr("还没有登记人员。先新增,或从花名册导入。"), 1.2)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        hint = QLabel(self.tr("村民会议、村民代表会议的法定人数,监委会成员的资格审查,都要用到名册。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.empty_add_button)
        buttons.addWidget(self.empty_import_button)
        buttons.addStretch(1)
        empty = QWidget()
        layout = QVBoxLayout(empty)
        layout.addStretch(1)
        layout.addWidget(text)
        layout.addWidget(hint)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(2)
        return empty

    def _size_columns(self) -> None:
        em = self.table.fontMetrics().horizontalAdvance("国")
        for column, chars in enumerate(self._column_chars):
            self.table.setColumnWidth(column, em * chars + 24)

    # ----- reading ------------------------------------------------------------------------------

    def apply_search(self) -> None:
        """Reload the table for the text in the search box and the 含已迁出/死亡 choice."""
        selected = self.selected_id()
        self.model.reload(self.search_edit.text(), self.include_left_box.isChecked())
        self.count_label.setText(self.tr("共 {n} 人").format(n=self.model.total()))
        searching = bool(self.search_edit.text().strip())
        # The export writes the whole register (not the search): nothing to write when the unfiltered list is empty.
        self._nothing_to_export = self.model.total() == 0 and not searching
        fresh = self.model.total() == 0 and not searching and not people_service.has_anyone()
        if not self._nothing_to_export:
            self._export_tip = self.tr("把名册导出为 Excel 表格(.xlsx)")
        elif fresh:
            self._export_tip = self.tr("名册里还没有人,没有可导出的内容。先新增人员或导入花名册。")
        else:
            self._export_tip = self.tr("没有在册的人可导出。勾选“含已迁出/死亡”可导出已离开的人。")
        self.stack.setCurrentIndex(1 if fresh else 0)
        if selected:
            self.select_person(selected)
        self._update_buttons()

    def refresh(self) -> None:
        """Re-read the register and the groups (records changed elsewhere), keeping the search."""
        self.apply_search()
        self.groups_tab.mark_stale()
        if self.terms_tab is not None:
            self.terms_tab.refresh()

    def selected_id(self) -> str:
        """The id of the highlighted person, "" when none."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.data(rows[0], ID_ROLE) if rows else ""

    def select_person(self, person_id: str) -> bool:
        """Highlight `person_id` when it is in the list."""
        row = self.model.row_of(person_id)  # its page, or one count in SQL: not every id
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def open_record(self, _tab: str, person_id: str) -> bool:
        """A search hit: the person highlighted in 名册 (the name search cleared, 含已迁出/死亡 ticked if needed).

        Enter (or 修改) then opens the person's form, as for any highlighted
        row. False (and a sentence) when the person is no longer in the register.
        """
        self.tabs.setCurrentIndex(0)
        if not self.select_person(person_id):
            self._search_timer.stop()
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
            self.apply_search()
            if not self.select_person(person_id) and not self.include_left_box.isChecked():
                self.include_left_box.setChecked(True)  # reloads (`apply_search`)
            if not self.select_person(person_id):
                self.message.show_error(self.tr("要找的人不在名册里了(可能已删除,在回收站里)。"))
                return False
        self.table.setFocus()
        return True

    def _selected_row(self) -> people_service.PersonRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _export_busy(self, busy: bool) -> None:
        self._exporting = busy
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        row = self._selected_row()
        self.export_button.setEnabled(not self._exporting and not self._nothing_to_export)
        self.export_button.setToolTip(self._export_tip)
        for button in (self.add_button, self.import_button, self.empty_add_button, self.empty_import_button):
            button.setEnabled(self._can_edit)
        self.edit_button.setEnabled(self._can_edit and row is not None)
        self.end_button.setEnabled(self._can_edit and row is not None)
        self.end_button.setText(self.tr("恢复在册") if row is not None and not row.on_register()
                                else self.tr("迁出或注销"))

    # ----- actions ------------------------------------------------------------------------------

    def open_add(self) -> PersonDialog | None:
        """新增: an empty person form (Insert)."""
        if not self._can_edit:
            return None
        return self._open_person("")

    def open_edit(self, *_args) -> PersonDialog | None:
        """修改: the highlighted person's form (Enter, double-click)."""
        person_id = self.selected_id()
        if not person_id or not self._can_edit:
            return None
        return self._open_person(person_id)

    def _open_person(self, person_id: str) -> PersonDialog:
        dialog = PersonDialog(self._session, person_id, parent=self)
        # Gone when closed: a closed form must not be asked about (or autosave) again.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._person_saved)
        self._open = dialog
        dialog.open()
        return dialog

    def open_for_draft(self, key: str) -> PersonDialog | None:
        """恢复未保存的内容: the form of a kept draft ("person:<id>" or `NEW_KEY`); None when gone."""
        kind, _, rest = key.partition(":")
        if kind != "person" or not rest or not self._can_edit:
            return None
        self.tabs.setCurrentIndex(0)
        if key == NEW_KEY:
            return self._open_person("")
        if not run_query(self, lambda: people_service.person(rest), on_failure=lambda _exc: None):
            return None
        return self._open_person(rest)

    def _person_saved(self, person_id: str) -> None:
        self.refresh()
        self.select_person(person_id)

    def open_end(self):
        """迁出或注销 the highlighted person; for someone who left, ask to put them back (恢复在册)."""
        row = self._selected_row()
        if row is None or not self._can_edit:
            return None
        if not row.on_register():
            def resume() -> None:
                if run_op(self, lambda: people_service.resume_stay(self._session, row.id),
                          on_failure=self.message.show_failure):
                    self.refresh()
            self._open = ask_confirm(self, self.tr("恢复在册"),
                                     self.tr("把{name}恢复到名册上?离开名册的记录会被清除。").format(name=row.name),
                                     self.tr("恢复在册"), resume)
            return self._open
        roles = "、".join(QCoreApplication.translate("people", people_service.PERSON_ROLES.get(r, r))
                          for r in row.roles)
        dialog = EndStayDialog(self._session, row.id, row.name, roles, parent=self)
        dialog.accepted.connect(self.refresh)
        self._open = dialog
        dialog.open()
        return dialog

    def set_import_handler(self, handler: Callable[[], object] | None) -> None:
        """What 导入花名册 does (the 花名册 import dialog); without one, `import_requested` is emitted."""
        self._import_handler = handler

    def request_import(self) -> object:
        """导入花名册: the handler's result, or None after emitting `import_requested`."""
        if self._import_handler is not None:
            return self._import_handler()
        self.import_requested.emit()
        if not self.isSignalConnected(QMetaMethod.fromSignal(self.import_requested)):
            self.message.show_hint(self.tr("花名册导入还没有接上;请先用“新增”逐个登记。"))
        return None

    def ask_export(self) -> bool:
        """导出 Excel: ask where, then write the register (with the departed when they are shown)."""
        suggested = self.tr("人员名册.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出人员名册"), suggested,
                                              QCoreApplication.translate("RegisterPage", "Excel 文件 (*.xlsx)"))
        if not path:
            return False
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        return self.export_to(Path(path))

    def export_to(self, path: Path) -> bool:
        """Write the register to `path` in the background (the result shows under the list)."""
        from desktop.reports.register_xlsx import write_register_xlsx

        include_left = self.include_left_box.isChecked()
        return self.exporter.write(lambda: write_register_xlsx(Path(path), include_left=include_left))
