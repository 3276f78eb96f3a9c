"""添加人员…: put people from the Person register on a meeting's attendance list.

For people who are not on the body's roster: 监委会 members or a township
official sitting in (列席), a representative elected since the roster was
drawn. Type to search the register, tick one or more people, choose the
status they get (列席 by default: they do not count toward 应到). People
already on the list are shown greyed and cannot be ticked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import people_service
from desktop.services.meetings_service import AttendanceLine
from desktop.services.people_service import VILLAGE_COMMITTEE_ROLES, PersonRow
from models.meetings.quorum import OBSERVER
from ui.meetings.labels import STATUS_ORDER, status_label
from ui.widgets.field_message import FieldMessage
from ui.widgets.name_order import pinyin_sorted
from ui.widgets.ok_cancel import ok_cancel
from ui.widgets.palette import GREY
from ui.widgets.record_labels import roles_text
from ui.widgets.screen_fit import resize_within_screen

NAME, GENDER, GROUP, ROLES, NOTE = range(5)
_ID_ROLE = Qt.ItemDataRole.UserRole


class AddPeopleDialog(QDialog):
    """Search the register, tick people, pick their status; `lines()` after 添加."""

    def __init__(self, listed_ids: set[str], parent: QWidget | None = None):
        super().__init__(parent)
        self._listed = set(listed_ids)
        self._chosen: dict[str, PersonRow] = {}
        self._shown: list[PersonRow] = []
        self.setWindowTitle(self.tr("添加人员"))
        em = self.fontMetrics().horizontalAdvance("国")
        resize_within_screen(self, em * 40, em * 30)

        intro = QLabel(self.tr("把不在本会议组成人员名单上的人加到签到名单,例如列席的监委会成员、"
                               "乡镇干部,或新当选的村民代表。名册里找不到的人,请先在“人员名册”登记。"))
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("输入姓名查找"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.search)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("姓名"), self.tr("性别"), self.tr("村民小组"),
                                              self.tr("职务"), self.tr("备注")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, chars in ((NAME, 6), (GENDER, 3), (GROUP, 5), (NOTE, 5)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, em * chars + 28)
        header.setSectionResizeMode(ROLES, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.itemActivated.connect(self._toggle)  # Enter / double-click ticks too

        self.status_combo = QComboBox()
        for status in STATUS_ORDER:
            self.status_combo.addItem(status_label(status), status)
        self.status_combo.setCurrentIndex(self.status_combo.findData(OBSERVER))
        status_caption = QLabel(self.tr("出席情况:"))
        status_caption.setBuddy(self.status_combo)
        status_hint = QLabel(self.tr("列席人员不计入应到、实到人数。"))
        status_hint.setProperty("role", "hint")
        self.message = FieldMessage()

        self.buttons = ok_cancel(self, self.tr("添加"))
        self.add_button = self.ok_button

        status_row = QHBoxLayout()
        status_row.addWidget(status_caption)
        status_row.addWidget(self.status_combo)
        status_row.addWidget(status_hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(intro)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.table, 1)
        layout.addLayout(status_row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.search("")
        self._show_count()

    # ----- the list -------------------------------------------------------------------------

    def search(self, text: str) -> None:
        """Show the register people whose name contains `text` (ticks are kept)."""
        # People who can still be added first; those already on the list after them.
        self._shown = sorted(pinyin_sorted(people_service.register(text.strip()), lambda p: p.name), key=lambda p: p.id in self._listed)
        self.table.blockSignals(True)
        try:
            self.table.setRowCount(len(self._shown))
            for r, person in enumerate(self._shown):
                listed = person.id in self._listed
                name = QTableWidgetItem(person.name)
                name.setData(_ID_ROLE, person.id)
                items = [name, QTableWidgetItem(person.gender), QTableWidgetItem(person.village_group),
                         QTableWidgetItem(roles_text(person.roles)),
                         QTableWidgetItem(self.tr("已在名单上") if listed else "")]
                if listed:
                    for item in items:
                        item.setFlags(Qt.ItemFlag.ItemIsSelectable)  # greyed, not tickable
                        item.setForeground(GREY)
                    name.setToolTip(self.tr("已在签到名单上,不会重复添加。"))
                else:
                    name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                                  | Qt.ItemFlag.ItemIsUserCheckable)
                    name.setCheckState(Qt.CheckState.Checked if person.id in self._chosen
                                       else Qt.CheckState.Unchecked)
                for column, item in enumerate(items):
                    self.table.setItem(r, column, item)
        finally:
            self.table.blockSignals(False)
        if not self._shown:
            self.message.show_hint(self.tr("名册里没有姓名含“{text}”的人。").format(text=text.strip())
                                   if text.strip() else self.tr("名册里还没有人员。"))
        else:
            self._show_count()

    def shown_names(self) -> list[str]:
        """Names in the list as shown (for tests)."""
        return [p.name for p in self._shown]

    def row_of(self, name: str) -> int:
        """The row of the first person called `name` (-1 when not shown)."""
        return next((r for r, p in enumerate(self._shown) if p.name == name), -1)

    def is_listed(self, row: int) -> bool:
        """Whether the person on `row` is already on the attendance list."""
        return self._shown[row].id in self._listed

    def set_checked(self, row: int, checked: bool = True) -> None:
        """Tick (or untick) the person on `row`, as a click on the box would."""
        item = self.table.item(row, NAME)
        if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _toggle(self, item: QTableWidgetItem) -> None:
        name = self.table.item(item.row(), NAME)
        if name is not None and name.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            self.set_checked(item.row(), name.checkState() != Qt.CheckState.Checked)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != NAME or item.row() >= len(self._shown):
            return
        person = self._shown[item.row()]
        if item.checkState() == Qt.CheckState.Checked:
            self._chosen[person.id] = person
        else:
            self._chosen.pop(person.id, None)
        self._show_count()

    def _show_count(self) -> None:
        n = len(self._chosen)
        self.add_button.setEnabled(n > 0)
        if n:
            names = "、".join(p.name for p in self._chosen.values())
            self.message.show_ok(self.tr("已选 {n} 人:{names}").format(n=n, names=names))
        else:
            self.message.show_hint(self.tr("勾选要添加的人,可以多选。"))

    # ----- result ---------------------------------------------------------------------------

    def status(self) -> str:
        """The status the chosen people get."""
        return self.status_combo.currentData()

    def set_status(self, status: str) -> None:
        """Choose the status the people get."""
        self.status_combo.setCurrentIndex(self.status_combo.findData(status))

    def lines(self) -> list[AttendanceLine]:
        """The chosen people as attendance lines (never someone already listed)."""
        out = []
        for person in self._chosen.values():
            if person.id in self._listed:
                continue
            roles = set(person.roles)
            # Sits as a representative only if not also on the 村委会 (as the roster does it).
            is_rep = "representative" in roles and not roles & VILLAGE_COMMITTEE_ROLES
            out.append(AttendanceLine(person.id, person.name, person.gender, self.status(), is_rep))
        return out
