"""A person's relatives: declared links read from this person's side, and the inferred ones marked 推断.

A link is entered from either side ("对方是本人的父母" or "本人是对方的子女"
say the same); the list shows it the way it reads for the person shown.
Siblings (a common parent), grandparents and grandchildren are inferred —
the 近亲属 checks count them — and can only go away with the links they
come from.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import people_service
from desktop.services.session import Session
from models.kinship import RELATIONS, inverse
from ui.operations import run_op, run_query
from ui.people.kinship_model import KinshipModel, relation_label
from ui.widgets.dialogs import ask_confirm
from ui.widgets.field_message import FieldMessage
from ui.widgets.name_order import pinyin_sorted
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.tables import read_only_view
from ui.widgets.wrapping_list import wrapping_list

_ID = Qt.ItemDataRole.UserRole


class KinshipPanel(QWidget):
    """The relatives of `person_id` in a table, with 添加亲属关系… and 删除这条."""

    changed = Signal()

    def __init__(self, session: Session, person_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.person_id = person_id
        self.model = KinshipModel(self)
        self.table = read_only_view(self.model, stretch=3)
        self.add_button = QPushButton(self.tr("添加亲属关系…"))
        self.remove_button = QPushButton(self.tr("删除这条"))
        self.remove_button.setEnabled(False)
        self.message = FieldMessage()
        hint = QLabel(self.tr("兄弟姐妹(有共同的父母)、祖父母和孙子女会自动推断,标为“推断”;"
                              "村务监督委员会的近亲属检查也算这些。"))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.open_add)
        self.remove_button.clicked.connect(self.ask_remove)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._box = None
        self.refresh()

    def refresh(self) -> None:
        """Read the relatives again."""
        found = run_query(self, lambda: people_service.relatives_of(self.person_id))
        self.model.set_rows(found.value if found else [])
        self._selection_changed()

    def _selected(self) -> people_service.RelativeRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        row = self._selected()
        self.remove_button.setEnabled(row is not None and not row.inferred)
        if row is not None and row.inferred:
            self.message.show_hint(self.tr("推断出的关系不能单独删除;删除它所依据的那条登记即可。"))
        else:
            self.message.clear_message()

    def open_add(self) -> AddKinshipDialog:
        """Open the dialog that declares a link from either side (non-blocking)."""
        dialog = AddKinshipDialog(self._session, self.person_id, parent=self)
        dialog.accepted.connect(self._after_change)
        dialog.open()
        return dialog

    def ask_remove(self):
        """Ask, then remove the selected declared link (it can come back from the 回收站)."""
        row = self._selected()
        if row is None or row.inferred:
            return None
        link_id = row.link_id

        def remove() -> None:
            if run_op(self, lambda: people_service.remove_kinship(self._session, link_id),
                      on_failure=self.message.show_failure):
                self._after_change()

        self._box = ask_confirm(self, self.tr("删除亲属关系"),
                                self.tr("删除与{name}的这条亲属关系?可以在回收站恢复。").format(name=row.name),
                                self.tr("删除"), remove)
        return self._box

    def _after_change(self) -> None:
        self.refresh()
        self.changed.emit()


class AddKinshipDialog(QDialog):
    """Pick the other person and say how they are related, from whichever side is easier to say."""

    def __init__(self, session: Session, person_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._person_id = person_id
        found = run_query(self, lambda: people_service.person(person_id))
        self._name = found.value.name if found else ""
        self.setWindowTitle(self.tr("添加亲属关系"))
        em = self.fontMetrics().horizontalAdvance("国")
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("输入姓名查找"))
        self.search_edit.setClearButtonEnabled(True)
        self.people_list = wrapping_list()
        self.people_list.setMinimumHeight(em * 8)
        self.direction_combo = QComboBox()
        self.direction_combo.addItem(self.tr("对方是{name}的").format(name=self._name), "other_is")
        self.direction_combo.addItem(self.tr("{name}是对方的").format(name=self._name), "self_is")
        self.relation_combo = QComboBox()
        for code, label in RELATIONS.items():
            self.relation_combo.addItem(QCoreApplication.translate("kinship", label), code)
        self.reading_label = QLabel()
        self.reading_label.setWordWrap(True)
        self.message = FieldMessage()
        sentence = QHBoxLayout()
        sentence.addWidget(self.direction_combo)
        sentence.addWidget(self.relation_combo)
        sentence.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.people_list, 1)
        layout.addLayout(sentence)
        layout.addWidget(self.reading_label)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("添加")))
        self.resize(em * 30, em * 26)
        self.search_edit.textChanged.connect(self.search)
        for signal in (self.people_list.currentItemChanged, self.direction_combo.currentIndexChanged,
                       self.relation_combo.currentIndexChanged):
            signal.connect(self._read_back)
        self.search("")

    def search(self, text: str) -> None:
        """List the people on the register whose names contain `text` (not this person)."""
        self.people_list.clear()
        for row in pinyin_sorted(people_service.register(text), lambda p: p.name):
            if row.id == self._person_id:
                continue
            item = QListWidgetItem(row.name + (f"  {row.village_group}" if row.village_group else ""))
            item.setData(_ID, row.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, row.name)
            self.people_list.addItem(item)
        if self.people_list.count():
            self.people_list.setCurrentRow(0)
        self._read_back()

    def select_person(self, person_id: str) -> None:
        """Highlight `person_id` in the list, as a click would."""
        for i in range(self.people_list.count()):
            if self.people_list.item(i).data(_ID) == person_id:
                self.people_list.setCurrentRow(i)

    def _link(self) -> tuple[str, str, str] | None:
        """(person, relative, relation) as the service stores it, for the current choice."""
        item = self.people_list.currentItem()
        if item is None:
            return None
        other = item.data(_ID)
        relation = self.relation_combo.currentData()
        if self.direction_combo.currentData() == "other_is":
            return other, self._person_id, relation
        return self._person_id, other, relation

    def _read_back(self) -> None:
        """Say the link both ways, so the person sees what they are about to record."""
        item = self.people_list.currentItem()
        if item is None:
            self.reading_label.setText(self.tr("名册里没有可选的人。"))
            return
        other = item.data(Qt.ItemDataRole.UserRole + 1)
        relation = self.relation_combo.currentData()
        if self.direction_combo.currentData() == "other_is":
            first, second = other, self._name
        else:
            first, second = self._name, other
        self.reading_label.setText(self.tr("{a} 是 {b} 的{rel};也就是 {b} 是 {a} 的{inv}。").format(
            a=first, b=second, rel=relation_label(relation), inv=relation_label(inverse(relation))))

    def accept(self) -> None:
        """Record the link; the dialog stays open with the reason when refused."""
        link = self._link()
        if link is None:
            self.message.show_error(self.tr("请先在名单里选中对方。"))
            return
        person, relative, relation = link
        outcome = run_op(self, lambda: people_service.add_kinship(
            self._session, people_service.person(person), people_service.person(relative), relation),
            on_failure=self.message.show_failure)
        if outcome:
            super().accept()
