"""新增人员 / 修改人员: the person form, and (once the person is saved) their relatives.

Closing with unsaved changes asks 保存 / 不保存 / 取消, and typing is kept as a
draft every few seconds (`ui.widgets.unsaved`): the dialog is an `UnsavedEditor`.

Enter moves to the next field, as office software here does (a half-typed
person was saved by Enter on 性别); Ctrl+Enter or the 保存 button saves. A new
person can be saved with 保存并新增下一个, which empties the form for the next
one (keeping 村民小组 and 户): a secretary typing 20 people from paper does not
reopen the form each time. Each save says which person was saved, beside the
buttons where it stays in sight.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.session import Session
from ui.people.kinship_panel import KinshipPanel
from ui.people.person_form import PersonForm
from ui.widgets.primary_button import make_primary
from ui.widgets.screen_fit import resize_within_screen, scroll_dialog_body
from ui.widgets.unsaved import EditGuard, ask_leave

#: The draft key of a person not yet saved (two colons: it names no stored record).
NEW_KEY = "person:new:register"


class PersonDialog(QDialog):
    """The register entry of one person (`person_id` "" for a new one). `saved(person_id)` after each save."""

    saved = Signal(str)

    def __init__(self, session: Session, person_id: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.setWindowTitle(self.tr("修改人员") if person_id else self.tr("新增人员"))
        em = self.fontMetrics().horizontalAdvance("国")
        resize_within_screen(self, em * 40, em * 37)  # 37: room for 民族/文化程度 and 政治面貌
        self.form = PersonForm(session, person_id)
        self.kinship: KinshipPanel | None = None
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form, self.tr("基本信息"))
        self._kin_holder = QWidget()
        QVBoxLayout(self._kin_holder).setContentsMargins(0, 6, 0, 0)
        self.tabs.addTab(self._kin_holder, self.tr("亲属关系"))
        self.save_button = make_primary(QPushButton(self.tr("保存")))
        self.save_button.setToolTip(self.tr("保存(Ctrl+Enter)"))
        self.save_next_button = QPushButton(self.tr("保存并新增下一个"))
        self.save_next_button.setToolTip(self.tr("保存这个人,然后清空表格录入下一个人(保留村民小组和户)"))
        self.save_next_button.setVisible(not person_id)
        self.close_button = QPushButton(self.tr("关闭"))
        for button in (self.save_button, self.save_next_button, self.close_button):
            button.setAutoDefault(False)  # Enter moves between fields; it never presses a button unasked
        self.saved_label = QLabel()
        self.saved_label.setProperty("role", "ok")
        self.saved_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.save_next_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.save_next_button.clicked.connect(self.save_and_next)
        self.close_button.clicked.connect(self.reject)
        self.form.saved.connect(self._on_saved)
        self.guard = EditGuard(self, area="people", changed=self.form.edited)
        self._asking: QMessageBox | None = None
        self._closing_ok = False
        self._show_kinship()
        scroll_dialog_body(self, buttons)

    def _show_kinship(self) -> None:
        holder = self._kin_holder.layout()
        if self.form.person_id and self.kinship is None:
            self.kinship = KinshipPanel(self._session, self.form.person_id)
            holder.addWidget(self.kinship)
            self.kinship.changed.connect(lambda: self.saved.emit(self.form.person_id))
        self.tabs.setTabEnabled(1, bool(self.form.person_id))
        self.tabs.setTabToolTip(1, "" if self.form.person_id else self.tr("先保存这个人,再登记亲属关系。"))

    def _on_saved(self, person_id: str) -> None:
        self.guard.settled()
        self.setWindowTitle(self.tr("修改人员"))
        self.save_next_button.hide()
        self._show_kinship()
        self.saved.emit(person_id)

    def save(self) -> bool:
        """Save the form (the reason stays under the fields when refused)."""
        name = self.form.name_edit.text().strip()
        if not self.form.save():
            self.saved_label.clear()
            return False
        self.saved_label.setText(self.tr("已保存 {name}。").format(name=name))
        return True

    def save_and_next(self) -> bool:
        """保存并新增下一个: save this new person, then an empty form for the next (False when refused)."""
        if not self.save():
            return False
        if self.kinship is not None:  # the saved person's relatives: not the next person's
            self.kinship.setParent(None)
            self.kinship.deleteLater()
            self.kinship = None
        self.form.start_next()
        self.guard.settled()
        self.setWindowTitle(self.tr("新增人员"))
        self.save_next_button.show()
        self.tabs.setCurrentIndex(0)
        self._show_kinship()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter: the next field (a button with focus is pressed); Ctrl+Enter: 保存."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.save()
                return
            focused = self.focusWidget()
            if isinstance(focused, QAbstractButton):
                focused.click()
                return
            for _ in range(16):  # past 新建小组… / 新建户… and the tab bar: Enter, Enter must not open a dialog
                self.focusNextChild()
                if not isinstance(self.focusWidget(), (QAbstractButton, QTabBar)):
                    break
            return
        super().keyPressEvent(event)

    # ----- never lose typed work (ui.widgets.unsaved) -----------------------------------------------

    def is_dirty(self) -> bool:
        """Whether the form has unsaved changes."""
        return self.form.is_dirty()

    def discard(self) -> None:
        """Drop the typed changes; the kept draft goes."""
        self.form.discard()
        self.guard.settled()

    def draft_key(self) -> str:
        """"person:<id>" for a saved person (its stamp is compared), NEW_KEY for a new one.

        A new person's key must not read as "<table>:<id>" (no record has the id "new").
        """
        return f"person:{self.form.person_id}" if self.form.person_id else NEW_KEY

    def draft_title(self) -> str:
        """人员:<name>, for the question and the restore list."""
        name = self.form.name_edit.text().strip()
        return self.tr("人员:{name}").format(name=name) if name else self.tr("新增人员")

    def draft_state(self) -> dict:
        """The form's typed state (JSON-able)."""
        return self.form.draft_state()

    def restore_draft(self, state: dict) -> None:
        """Put a kept state back (the dialog is then dirty)."""
        self.form.restore_draft(state)
        self._show_kinship()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """The window's ✕: ask 保存 / 不保存 / 取消 when something typed is not saved."""
        if self._must_ask():
            event.ignore()
            self._ask()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        """关闭 and Esc: the same question first, when something typed is not saved."""
        if self._must_ask():
            self._ask()
            return
        super().reject()

    def _must_ask(self) -> bool:
        return not self._closing_ok and self.form.is_dirty()

    def _ask(self) -> None:
        if self._asking is None:
            self._asking = ask_leave(self, self, self._answered)

    def _answered(self, may_leave: bool) -> None:
        self._asking = None
        if may_leave:
            self._closing_ok = True
            super().reject()
