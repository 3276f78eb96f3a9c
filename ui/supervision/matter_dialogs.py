"""The dialogs where a 监督事项 is typed: 新建事项, and each step (整改建议, 村委会答复, 核实, 办结).

Both are `ui.widgets.unsaved.UnsavedEditor`s: what is typed is compared with
what the dialog opened with; 取消, Esc or × with a difference asks 保存 /
不保存 / 取消 (保存 registers the matter or the step, as the OK button does),
and the typing is kept as a draft a few seconds after each change until it is
registered, so that 恢复未保存的内容 after a crash can put it back
(`SupervisionPage.open_for_draft`). A step dialog is window-modal: the list
behind it cannot move away while it is open.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services import supervision_service
from desktop.services.session import Session
from models.supervision import matters as mm
from ui.operations import run_op
from ui.widgets.date_field import DateField
from ui.widgets.field_message import FieldMessage
from ui.widgets.forms import date_edit, to_date
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.supervision_labels import area_label, source_label
from ui.widgets.unsaved import EditGuard, ask_leave

#: The draft key of a matter not registered yet (no "<table>:<id>": it has no record to compare with).
NEW_MATTER_KEY = "supervision_matter:new:matter"


class _AskingDialog(QDialog):
    """A form dialog that asks before its typing is lost and keeps it as a draft (area 监督).

    Subclasses give `_typed()` (the fields as a dict) and `_register()` (the
    service call; False when refused, the reason shown under the form).
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._opened_with: dict = {}
        self._force_close = False
        self.pending_box: QMessageBox | None = None
        self.message = FieldMessage()
        self.guard = EditGuard(self, area="supervision")

    def _watch(self, *widgets: QWidget) -> None:
        """Remember the fields as opened and follow their changes."""
        self._opened_with = self._typed()
        for widget in widgets:
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self._on_typed)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self._on_typed)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._on_typed)
            elif isinstance(widget, DateField):
                widget.dateChanged.connect(self._on_typed)

    def _typed(self) -> dict:
        raise NotImplementedError

    def _register(self) -> bool:
        raise NotImplementedError

    def _on_typed(self, *_args) -> None:
        if self.is_dirty():
            self.guard.changed()

    # --- UnsavedEditor ---------------------------------------------------------------------

    def is_dirty(self) -> bool:
        """Something typed differs from what the dialog opened with."""
        return self._typed() != self._opened_with

    def save(self) -> bool:
        """保存: register what is typed (refused: the reason under the form, the dialog stays)."""
        if not self._register():
            return False
        self._opened_with = self._typed()
        self.guard.settled()
        return True

    def discard(self) -> None:
        """不保存: nothing is registered; the kept draft goes."""
        self._opened_with = self._typed()
        self.guard.settled()

    def draft_state(self) -> dict:
        """The fields as typed."""
        return self._typed()

    def restore_draft(self, state: dict) -> None:  # noqa: D102 - UnsavedEditor
        raise NotImplementedError

    # --- closing ---------------------------------------------------------------------------

    def accept(self) -> None:
        """The OK button: register, or show the refusal and stay open."""
        if self.save():
            self._force_close = True
            super().accept()

    def reject(self) -> None:
        """取消, Esc, ×: ask 保存 / 不保存 / 取消 when something typed would be lost."""
        if self._force_close or not self.is_dirty():
            super().reject()
            return
        self.pending_box = ask_leave(self, self, self._on_leave_answer)

    def _on_leave_answer(self, may_leave: bool) -> None:
        self.pending_box = None
        if not may_leave:
            return
        self._force_close = True
        if self._registered():  # 保存 registered it: closed as by the OK button (the lists refresh)
            super().accept()
        else:
            super().reject()

    def _registered(self) -> bool:
        """Whether what was typed has been registered."""
        return False


class NewMatterDialog(_AskingDialog):
    """Title, area, source, date and findings of a new matter."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.matter_id: str | None = None
        self.setWindowTitle(self.tr("新建监督事项"))
        em = self.fontMetrics().horizontalAdvance("国")
        self.setMinimumWidth(em * 36)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("例如:村道硬化工程结算未公开"))
        self.area_combo = QComboBox()
        for code in mm.AREAS:
            self.area_combo.addItem(area_label(code), code)
        self.source_combo = QComboBox()
        for code in mm.SOURCES:
            self.source_combo.addItem(source_label(code), code)
        self.opened_edit = date_edit()
        self.findings_edit = QPlainTextEdit()
        self.findings_edit.setTabChangesFocus(True)  # Tab leaves the box (keyboard users were trapped in it)
        self.findings_edit.setPlaceholderText(self.tr("发现了什么问题,依据是什么"))
        form = QFormLayout()
        form.addRow(self.tr("事项:"), self.title_edit)
        form.addRow(self.tr("监督内容:"), self.area_combo)
        form.addRow(self.tr("来源:"), self.source_combo)
        form.addRow(self.tr("发现日期:"), self.opened_edit)
        form.addRow(self.tr("发现的问题:"), self.findings_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        self.buttons = ok_cancel(self, self.tr("登记"))
        layout.addWidget(self.buttons)
        self._watch(self.title_edit, self.area_combo, self.source_combo, self.opened_edit, self.findings_edit)

    def _typed(self) -> dict:
        return {"title": self.title_edit.text(), "area": self.area_combo.currentData(),
                "source": self.source_combo.currentData(), "opened_on": to_date(self.opened_edit).isoformat(),
                "findings": self.findings_edit.toPlainText()}

    def _register(self) -> bool:
        outcome = run_op(self, lambda: supervision_service.open_matter(
            self._session, self.title_edit.text(), self.area_combo.currentData(),
            self.source_combo.currentData(), to_date(self.opened_edit), self.findings_edit.toPlainText()),
            on_failure=self.message.show_failure)
        if not outcome:
            return False
        self.matter_id = outcome.value.id
        return True

    def _registered(self) -> bool:
        return self.matter_id is not None

    def draft_key(self) -> str:
        """A new matter has no record yet: one kept draft of a 新建事项."""
        return NEW_MATTER_KEY

    def draft_title(self) -> str:
        """The matter in words."""
        title = self.title_edit.text().strip()
        return self.tr("监督事项:{title}").format(title=title) if title else self.tr("新建监督事项")

    def restore_draft(self, state: dict) -> None:
        """Put a kept 新建事项 back; it is then unsaved."""
        self.title_edit.setText(str(state.get("title", "")))
        for combo, key in ((self.area_combo, "area"), (self.source_combo, "source")):
            index = combo.findData(state.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        try:
            self.opened_edit.set_value(date.fromisoformat(str(state.get("opened_on", ""))))
        except ValueError:
            pass  # a kept date that is not one: the field keeps today
        self.findings_edit.setPlainText(str(state.get("findings", "")))
        self.message.show_hint(self.tr("已恢复上次没有保存的内容,请检查后登记。"))


class StepDialog(_AskingDialog):
    """One step of a matter: its date, its text and (for the notice) the deadline."""

    def __init__(self, session: Session, matter_id: str, target: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._matter_id = matter_id
        self.target = target
        titles = {mm.NOTIFIED: self.tr("发出整改建议"), mm.ANSWERED: self.tr("登记村委会答复"),
                  mm.VERIFIED: self.tr("核实整改情况"), mm.CLOSED: self.tr("办结")}
        prompts = {mm.NOTIFIED: self.tr("整改建议:"), mm.ANSWERED: self.tr("村委会答复:"),
                   mm.VERIFIED: self.tr("核实情况:")}
        self._title = titles[target]
        self.setWindowTitle(titles[target])
        em = self.fontMetrics().horizontalAdvance("国")
        self.setMinimumWidth(em * 34)
        self.on_edit = date_edit()
        self.deadline_edit = date_edit(date.today() + timedelta(days=30))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)  # Tab leaves the box (keyboard users were trapped in it)
        self.text_edit.setMaximumHeight(em * 8)
        form = QFormLayout()
        form.addRow(self.tr("日期:"), self.on_edit)
        if target == mm.NOTIFIED:
            form.addRow(self.tr("整改期限:"), self.deadline_edit)
        if target in prompts:
            form.addRow(prompts[target], self.text_edit)
        else:
            self.text_edit.hide()
            note = QLabel(self.tr("整改已经核实,办结后事项归档,不能再修改。"))
            note.setProperty("role", "hint")
            form.addRow(note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        self.buttons = ok_cancel(self, titles[target])
        layout.addWidget(self.buttons)
        self._done = False
        self._watch(self.on_edit, self.deadline_edit, self.text_edit)

    def _typed(self) -> dict:
        return {"step": self.target, "on": to_date(self.on_edit).isoformat(),
                "deadline": to_date(self.deadline_edit).isoformat(), "text": self.text_edit.toPlainText()}

    def _register(self) -> bool:
        if not run_op(self, lambda: supervision_service.advance(
            self._session, self._matter_id, self.target, to_date(self.on_edit), self.text_edit.toPlainText(),
            to_date(self.deadline_edit) if self.target == mm.NOTIFIED else None),
            on_failure=self.message.show_failure):
            return False
        self._done = True
        return True

    def _registered(self) -> bool:
        return self._done

    def draft_key(self) -> str:
        """"supervision_matter:<id>": the matter's change stamp tells whether it moved on since."""
        return f"supervision_matter:{self._matter_id}"

    def draft_title(self) -> str:
        """The step in words."""
        return self.tr("监督事项:{step}").format(step=self._title)

    def restore_draft(self, state: dict) -> None:
        """Put a kept step back (only into the same step); it is then unsaved."""
        if state.get("step") != self.target:
            self.message.show_hint(self.tr("这个事项已经进入下一步,上次没有保存的内容没有恢复。"))
            return
        for field, key in ((self.on_edit, "on"), (self.deadline_edit, "deadline")):
            try:
                field.set_value(date.fromisoformat(str(state.get(key, ""))))
            except ValueError:
                pass  # a kept date that is not one: the field keeps its date
        self.text_edit.setPlainText(str(state.get("text", "")))
        self.message.show_hint(self.tr("已恢复上次没有保存的内容,请检查后登记。"))
