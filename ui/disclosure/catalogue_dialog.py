"""公开目录: the village's catalogue of disclosure subjects, built-ins marked 内置, its own added, renamed, stopped.

Built-ins (the law's and the province's) are shown greyed and cannot be
changed. The village's own subjects take new items while 使用中; a stopped
one keeps its name on the items that already use it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import disclosure_service as ds
from desktop.services.session import Session
from models.disclosure import catalogue as cat
from models.roles import Permission
from ui.disclosure.catalogue_model import LABEL, CatalogueModel
from ui.operations import run_op
from ui.widgets.disclosure_labels import category_label, period_kind_label
from ui.widgets.field_message import FieldMessage
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.primary_button import make_primary
from ui.widgets.screen_fit import resize_within_screen
from ui.widgets.tables import read_only_view


class SubjectDialog(QDialog):
    """新增 or 修改 one of the village's own subjects; after `accept()`, `subject` is the saved entry."""

    def __init__(self, session: Session, subject: cat.Subject | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._original = subject
        self.subject: cat.Subject | None = None
        self.setWindowTitle(self.tr("修改公开事项") if subject else self.tr("新增公开事项"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 28)
        self.label_edit = QLineEdit(subject.label if subject else "")
        self.label_edit.setPlaceholderText(self.tr("例如:美丽乡村建设项目"))
        self.category_combo = QComboBox()
        for code in cat.CATEGORIES:
            self.category_combo.addItem(category_label(code), code)
        self.kind_combo = QComboBox()
        for code in cat.PERIODS:
            self.kind_combo.addItem(period_kind_label(code), code)
        self.category_combo.setCurrentIndex(self.category_combo.findData(subject.category if subject else cat.VILLAGE))
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(subject.period_kind if subject else cat.AD_HOC))
        self.message = FieldMessage()
        form = QFormLayout()
        form.addRow(self.tr("名称:"), self.label_edit)
        form.addRow(self.tr("类别:"), self.category_combo)
        form.addRow(self.tr("通常公开周期:"), self.kind_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if subject is not None:
            note = QLabel(self.tr("改名后,已有的公开内容也显示新名称。"))
            note.setProperty("role", "hint")
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self.message)
        self.buttons = ok_cancel(self, self.tr("保存") if subject else self.tr("新增"))
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        """Save through the service, or explain why not and stay open."""
        label = self.label_edit.text()
        category, kind = self.category_combo.currentData(), self.kind_combo.currentData()
        if self._original is None:
            saved = run_op(self, lambda: ds.add_subject(self._session, label, category, kind),
                           on_failure=self.message.show_failure)
        else:
            code = self._original.code
            saved = run_op(self, lambda: ds.update_subject(self._session, code, label, category, kind),
                           on_failure=self.message.show_failure)
        if not saved:
            return
        self.subject = saved.value
        super().accept()


class CatalogueDialog(QDialog):
    """The table of subjects and 新增 / 修改 / 停用 (启用) for the village's own. `changed` after each write."""

    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.subject_dialog: SubjectDialog | None = None
        self.setWindowTitle(self.tr("公开目录"))
        self.model = CatalogueModel(self)
        self.table = read_only_view(self.model, LABEL)
        self.table.setAlternatingRowColors(False)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit() if self.edit_button.isEnabled() else None)
        hint = QLabel(self.tr("标“内置”的事项来自法律和本省规定,不能修改。本村新增的事项可以改名或停用:"
                              "停用后不能再用它新建公开,已有的公开内容不受影响。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.add_button = make_primary(QPushButton(self.tr("新增…")))
        self.edit_button = QPushButton(self.tr("修改…"))
        self.toggle_button = QPushButton(self.tr("停用"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.message = FieldMessage()
        can_edit = session.can(Permission.EDIT_RECORDS)
        self.add_button.setEnabled(can_edit)
        if not can_edit:
            self.add_button.setToolTip(self.tr("您的账号只能查看。"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.toggle_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        em = self.fontMetrics().horizontalAdvance("国")
        resize_within_screen(self, em * 52, em * 42)
        self.refresh()

    # --- contents -----------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        """Re-read the catalogue (stopped subjects too); keep or move the selection to `select`."""
        current = self.current()
        select = select or (current.code if current else None)
        self.model.set_rows(ds.subject_catalogue(include_inactive=True))
        self.table.clearSelection()
        if select:
            self.select(select)
        self._update_buttons()

    @property
    def subjects(self) -> list[cat.Subject]:
        """Every subject listed (the model's rows)."""
        return self.model.all_rows()

    def row_of(self, code: str) -> int:
        """The table row of subject `code` (-1 when not listed)."""
        return next((row for row, s in enumerate(self.subjects) if s.code == code), -1)

    def select(self, code: str) -> None:
        """Select the row of `code`."""
        row = self.row_of(code)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, LABEL))

    def current(self) -> cat.Subject | None:
        """The selected subject."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.subjects[rows[0].row()] if rows and rows[0].row() < len(self.subjects) else None

    def _update_buttons(self) -> None:
        s = self.current()
        own = s is not None and not s.builtin and self._session.can(Permission.EDIT_RECORDS)
        self.edit_button.setEnabled(own)
        self.toggle_button.setEnabled(own)
        self.toggle_button.setText(self.tr("启用") if s is not None and not s.builtin and not s.active
                                   else self.tr("停用"))
        why = ""
        if s is not None and s.builtin:
            why = self.tr("内置事项,不能修改或停用。")
        elif s is not None and not self._session.can(Permission.EDIT_RECORDS):
            why = self.tr("您的账号只能查看。")
        self.edit_button.setToolTip(why)
        self.toggle_button.setToolTip(why)

    # --- actions ------------------------------------------------------------------

    def add(self) -> SubjectDialog:
        """The 新增 dialog (window-modal); the new subject is selected when saved."""
        return self._open_subject_dialog(None)

    def edit(self) -> SubjectDialog | None:
        """The 修改 dialog of the selected subject of the village's own."""
        s = self.current()
        if s is None or s.builtin:
            return None
        return self._open_subject_dialog(s)

    def _open_subject_dialog(self, subject: cat.Subject | None) -> SubjectDialog:
        self.message.clear_message()
        dialog = SubjectDialog(self._session, subject, self)
        dialog.finished.connect(self._on_subject_dialog_finished)
        self.subject_dialog = dialog
        dialog.open()
        return dialog

    def _on_subject_dialog_finished(self, result: int) -> None:
        dialog = self.subject_dialog
        if dialog is None or result != QDialog.DialogCode.Accepted or dialog.subject is None:
            return
        self.refresh(select=dialog.subject.code)
        self.message.show_ok(self.tr("已保存“{label}”。").format(label=dialog.subject.label))
        self.changed.emit()

    def toggle_active(self) -> None:
        """停用 the selected subject of the village's own, or 启用 it again."""
        s = self.current()
        if s is None or s.builtin:
            return
        outcome = run_op(self, lambda: ds.set_subject_active(self._session, s.code, not s.active),
                         on_failure=self.message.show_failure)
        if not outcome:
            return
        saved = outcome.value
        self.refresh(select=s.code)
        self.message.show_ok((self.tr("已重新启用“{label}”。") if saved.active
                              else self.tr("已停用“{label}”,已有的公开内容不受影响。")).format(label=saved.label))
        self.changed.emit()
