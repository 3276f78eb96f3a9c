"""回收站: deleted records, with 恢复. Deleting never destroys anything."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import recycle_service
from desktop.services.session import Session
from models.errors import DuplicateRecord
from models.roles import Permission
from ui.errors import error_text
from ui.operations import run_op
from ui.recycle_model import DESCRIPTION, OWNER, RecycleModel
from ui.widgets.dialogs import ask_confirm
from ui.widgets.field_message import FieldMessage
from ui.widgets.tables import read_only_view


class RecycleDialog(QDialog):
    """Lists deleted records; 恢复 puts the selected ones back."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.restored = 0
        #: The open 仍然恢复 question about a posting whose period has another one (None when none is open).
        self.duplicate_box = None
        self.setWindowTitle(self.tr("回收站"))
        self.resize(720, 440)
        hint = QLabel(self.tr("删除的记录都在这里,选中后点“恢复”即可放回原处。"))
        hint.setProperty("role", "hint")
        self.model = RecycleModel(self)
        self.table = read_only_view(self.model, DESCRIPTION)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # restore several at once
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty_label = QLabel(self.tr("回收站是空的。"))
        self.empty_label.setProperty("role", "hint")
        self.message = FieldMessage()
        self.restore_button = QPushButton(self.tr("恢复"))
        self.restore_button.clicked.connect(self.restore_selected)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Reload the deleted records."""
        self.model.set_rows(recycle_service.list_deleted())
        self.table.setColumnHidden(OWNER, not self.model.has_owners())  # a village's own view: all its own
        self.empty_label.setVisible(not self.model.total())
        self._update_buttons()

    def restore_selected(self) -> None:
        """Restore every selected record; report how many came back.

        A posting whose period has another one since asks first (仍然恢复 /
        取消, `duplicate_box`); the records after it wait for the answer.
        """
        indexes = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        self._restore([self.model.row_at(index) for index in indexes], 0, allow_first=False)

    def _restore(self, rows: list, done: int, allow_first: bool) -> None:
        pending = list(rows)
        count = done
        question: DuplicateRecord | None = None

        def restore_each() -> None:
            nonlocal count, question
            allow = allow_first
            while pending:
                row = pending[0]
                try:
                    recycle_service.restore(self._session, row.table, row.id, allow_duplicate=allow)
                except DuplicateRecord as exc:
                    question = exc
                    return
                pending.pop(0)
                count += 1
                allow = False

        run_op(self, restore_each, on_failure=lambda exc: self.message.show_error(error_text(exc)))
        if question is not None:
            self.restored = self.restored + count - done
            self.duplicate_box = ask_confirm(
                self, self.tr("回收站"), error_text(question), self.tr("仍然恢复"),
                lambda: self._restore(pending, count, allow_first=True),
                on_answer=lambda: setattr(self, "duplicate_box", None))
            self.refresh()
            return
        self.restored = self.restored + count - done
        if count:
            self.message.show_ok(self.tr("已恢复 {n} 条。").format(n=count))
        self.refresh()

    def _update_buttons(self) -> None:
        can = self._session.can(Permission.EDIT_RECORDS) or self._session.can(Permission.EDIT_REGISTER)
        self.restore_button.setEnabled(can and bool(self.table.selectionModel().selectedRows()))
