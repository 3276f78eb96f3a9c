"""The households a 村民代表 represents: a searchable checklist (户号 and 户主), and its dialog.

`HouseholdsPicker` sits in the 任命 dialog; `HouseholdsDialog` changes the
list of a sitting representative (联系户…) and shows the representatives'
warnings (每五户至十五户推选一人, one representative per household) after saving.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import terms_service
from desktop.services.session import Session
from ui.operations import run_op, run_query
from ui.widgets.field_message import FieldMessage
from ui.widgets.findings import finding_lines_html
from ui.widgets.primary_button import make_primary
from ui.widgets.screen_fit import resize_within_screen
from ui.widgets.wrapping_list import wrapping_list

_ID = Qt.ItemDataRole.UserRole


class HouseholdsPicker(QWidget):
    """Search box, checklist of the village's households, and how many are ticked."""

    def __init__(self, checked: Iterable[str] = (), parent: QWidget | None = None):
        super().__init__(parent)
        em = self.fontMetrics().horizontalAdvance("国")
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("按户号或户主查找"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._filter)
        self.list = wrapping_list()
        self.list.setMinimumHeight(em * 6)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count_label)
        wanted = set(checked)
        found = run_query(self, terms_service.household_choices)
        for choice in found.value if found else []:
            item = QListWidgetItem(choice.label + (f"  {choice.village_group}" if choice.village_group else ""))
            item.setData(_ID, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if choice.id in wanted else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.itemChanged.connect(self._count)
        self._count()

    def _filter(self, text: str) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(text) and text not in item.text())

    def _count(self, *_args) -> None:
        if not self.list.count():
            self.count_label.setText(self.tr("还没有登记户(在“小组与户”里登记);可以先任命,以后再登记联系的户。"))
        else:
            self.count_label.setText(self.tr("已选 {n} 户").format(n=len(self.household_ids())))

    def household_ids(self) -> list[str]:
        """The ticked households."""
        return [self.list.item(i).data(_ID) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, ids: Iterable[str]) -> None:
        """Tick exactly `ids` (none: clear the ticks)."""
        wanted = set(ids)
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(_ID) in wanted else Qt.CheckState.Unchecked)


class HouseholdsDialog(QDialog):
    """联系户…: change the households a sitting 村民代表 represents."""

    def __init__(self, session: Session, office: terms_service.OfficeRow, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._office = office
        self.setWindowTitle(self.tr("{name}联系的户").format(name=office.name))
        em = self.fontMetrics().horizontalAdvance("国")
        resize_within_screen(self, em * 34, em * 30)
        self.picker = HouseholdsPicker(office.household_ids)
        self.findings_label = QLabel()
        self.findings_label.setWordWrap(True)
        self.findings_label.setTextFormat(Qt.TextFormat.RichText)
        self.message = FieldMessage()
        self.save_button = make_primary(QPushButton(self.tr("保存")))
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.accept)
        intro = QLabel(self.tr("勾选{name}联系的户。村民代表一般每五户至十五户推选一人,一户只由一名代表联系。").format(
            name=office.name))
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.picker, 1)
        layout.addWidget(self.findings_label)
        layout.addLayout(buttons)

    def save(self) -> bool:
        """Replace the list; show the representatives' warnings, or why not."""
        outcome = run_op(self, lambda: terms_service.set_households(
            self._session, self._office.id, self.picker.household_ids()), on_failure=self.message.show_failure)
        if not outcome:
            return False
        self.message.show_ok(self.tr("已保存,联系 {n} 户。").format(n=len(self.picker.household_ids())))
        self.findings_label.setText(finding_lines_html(list(outcome.value), self.tr("符合法律对人数和组成的要求。")))
        return True
