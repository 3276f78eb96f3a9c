"""The left column of the dialogs that seat someone (任命, 监委会 添加成员): pick a person.

A name search over the register and the people found, one wrapping line
each (`person_line`), in pinyin order. The dialog decides what to list
(`fill`) and what the card on the right shows for the highlighted person;
the picker keeps the id, name and group of each line, so nothing has to be
read back out of the displayed text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.people_service import PersonRow
from ui.widgets.name_order import pinyin_sorted
from ui.widgets.person_line import person_line
from ui.widgets.screen_fit import scroll_dialog_body
from ui.widgets.wrapping_list import wrapping_list

_ID = Qt.ItemDataRole.UserRole
_GROUP = Qt.ItemDataRole.UserRole + 1
_NAME = Qt.ItemDataRole.UserRole + 2


class RegisterPicker(QWidget):
    """A search box over a list of register people; `people_list.currentItemChanged` tells the dialog."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("输入姓名查找"))
        self.search_edit.setClearButtonEnabled(True)
        self.people_list = wrapping_list()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.people_list, 1)

    def fill(self, rows: Iterable[PersonRow], line: Callable[[PersonRow, str], str] | None = None) -> None:
        """List `rows` in pinyin order, `line(row, person_line(row))` as the text; highlight the first."""
        self.people_list.clear()
        for row in pinyin_sorted(list(rows), lambda p: p.name):
            text = person_line(row)
            item = QListWidgetItem(line(row, text) if line is not None else text)
            item.setData(_ID, row.id)
            item.setData(_GROUP, row.village_group)
            item.setData(_NAME, row.name)
            self.people_list.addItem(item)
        if self.people_list.count():
            self.people_list.setCurrentRow(0)

    def select_person(self, person_id: str) -> bool:
        """Highlight `person_id` in the list (as a click would); False when it is not listed."""
        for i in range(self.people_list.count()):
            if self.people_list.item(i).data(_ID) == person_id:
                self.people_list.setCurrentRow(i)
                return True
        return False

    def person_id(self) -> str | None:
        """The highlighted person."""
        item = self.people_list.currentItem()
        return item.data(_ID) if item is not None else None

    def name(self) -> str:
        """The highlighted person's name ("" when nobody is highlighted)."""
        item = self.people_list.currentItem()
        return item.data(_NAME) if item is not None else ""

    @staticmethod
    def group_of(item: QListWidgetItem | None) -> str:
        """The 村民小组 of a listed person ("" for none)."""
        return (item.data(_GROUP) or "") if item is not None else ""


def lay_out_picker_dialog(dialog: QWidget, intro: str, picker: RegisterPicker, card: QWidget,
                          buttons: QLayout) -> None:
    """The picker dialogs' one layout: a hint, the picker beside the card (2:3), the button row."""
    body = QHBoxLayout()
    body.addWidget(picker, 2)
    body.addWidget(card, 3)
    hint = QLabel(intro)
    hint.setWordWrap(True)
    hint.setProperty("role", "hint")
    layout = QVBoxLayout(dialog)
    layout.addWidget(hint)
    layout.addLayout(body, 1)
    layout.addLayout(buttons)
    scroll_dialog_body(dialog, buttons)
