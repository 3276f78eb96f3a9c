"""The households a 村民代表 represents: a checklist (户号, 户主, 组, 现联系代表), and its dialog.

`HouseholdsPicker` sits in the 任命 dialog; `HouseholdsDialog` changes the
list of a sitting representative (联系户…) and shows the representatives'
warnings (每五户至十五户推选一人, one representative per household) after saving.

A village of 185 households and 30 representatives ticks six households
thirty times: the list shows who already represents each household, narrows
to one 村民小组, and "选本组未联系的户" ticks that group's households nobody
represents yet. Space ticks and unticks the highlighted household.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import terms_service
from desktop.services.session import Session
from ui.operations import run_op, run_query
from ui.widgets.field_message import FieldMessage
from ui.widgets.findings import finding_lines_html
from ui.widgets.households_model import HouseholdChoicesModel
from ui.widgets.primary_button import make_primary
from ui.widgets.screen_fit import resize_within_screen
from ui.widgets.tables import read_only_view

#: Every group in the filter (its data).
ALL_GROUPS = ""


class HouseholdsPicker(QWidget):
    """Search and group filter, the households' checklist, 选本组未联系的户, and how many are ticked.

    `office_id` is the representative being edited (联系户…): his own
    households do not count as "represented by someone else".
    """

    def __init__(self, checked: Iterable[str] = (), parent: QWidget | None = None, office_id: str = ""):
        super().__init__(parent)
        self._office_id = office_id
        em = self.fontMetrics().horizontalAdvance("国")
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("按户号或户主查找"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._filter)
        self.group_combo = QComboBox()
        self.group_combo.addItem(self.tr("全部小组"), ALL_GROUPS)
        self.group_combo.currentIndexChanged.connect(self._filter)
        self.group_combo.currentIndexChanged.connect(self._update_quick)
        #: The person chose the group himself (the 任命 dialog then stops following the highlighted person's).
        self.group_chosen = False
        self.group_combo.activated.connect(lambda _i: setattr(self, "group_chosen", True))
        self.unrepresented_button = QPushButton(self.tr("选本组未联系的户"))
        self.unrepresented_button.clicked.connect(self.tick_unrepresented)
        self.model = HouseholdChoicesModel(self, office_id)
        self.table = read_only_view(self.model, word_wrap=False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMinimumHeight(em * 6)
        self.table.installEventFilter(self)
        self.model.layoutChanged.connect(self._filter)  # a header sorted: hide the rows by what they now hold
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        self.free_label = QLabel()
        self.free_label.setProperty("role", "hint")
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.group_combo)
        top.addWidget(self.unrepresented_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        counts = QHBoxLayout()
        counts.addWidget(self.count_label)
        counts.addStretch(1)
        counts.addWidget(self.free_label)
        layout.addLayout(counts)
        self.choices: list[terms_service.HouseholdChoice] = []
        self.model.dataChanged.connect(self._count)
        self.reload(checked)

    def reload(self, checked: Iterable[str] = ()) -> None:
        """Read the households and who represents them again (after an appointment), ticking `checked`.

        The group filter and the search stay as they were.
        """
        found = run_query(self, terms_service.household_choices)
        self.choices = list(found.value) if found else []
        self.model.set_choices(self.choices, checked)
        groups: list[str] = []
        for choice in self.choices:
            if choice.village_group and choice.village_group not in groups:
                groups.append(choice.village_group)
        shown = self.group()
        self.group_combo.blockSignals(True)
        while self.group_combo.count() > 1:
            self.group_combo.removeItem(1)
        for group in groups:
            self.group_combo.addItem(group, group)
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(shown or ALL_GROUPS)))
        self.group_combo.blockSignals(False)
        self._filter()
        self._count()
        self._update_quick()

    # ----- filters ------------------------------------------------------------------------------

    def group(self) -> str:
        """The group the list is narrowed to ("" for every group)."""
        return self.group_combo.currentData() or ALL_GROUPS

    def set_group(self, group: str) -> bool:
        """Narrow the list to `group` ("" for all); False when the village has no such group."""
        index = self.group_combo.findData(group or ALL_GROUPS)
        if index < 0:
            return False
        self.group_combo.setCurrentIndex(index)
        return True

    def _filter(self, *_args) -> None:
        text = self.search_edit.text().strip()
        group = self.group()
        for r, choice in enumerate(self.model.all_rows()):  # view rows (a header may sort)
            hidden = (bool(group) and choice.village_group != group) or (
                bool(text) and text not in choice.label and text not in choice.head)
            self.table.setRowHidden(r, hidden)

    def _update_quick(self, *_args) -> None:
        group = self.group()
        self.unrepresented_button.setEnabled(bool(group))
        self.unrepresented_button.setToolTip(
            self.tr("勾选{group}里还没有代表联系的户").format(group=group) if group
            else self.tr("先在旁边选一个村民小组"))

    def tick_unrepresented(self) -> int:
        """Tick the chosen group's households no other sitting representative represents; how many were added."""
        group = self.group()
        if not group:
            return 0
        added = 0
        for r, choice in enumerate(self.model.all_rows()):  # view rows (a header may sort)
            if (choice.village_group == group and not choice.represented_by_others(self._office_id)
                    and not self.model.is_checked(r)):
                self.model.set_checked(r, True)
                added += 1
        return added

    # ----- ticks --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Space ticks or unticks the highlighted household, whichever column has the focus."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress and \
                event.key() == Qt.Key.Key_Space and self.table.currentIndex().row() >= 0:
            self.toggle(self.table.currentIndex().row())
            return True
        return super().eventFilter(watched, event)

    def toggle(self, row: int) -> None:
        """Tick the household on `row`, or untick it."""
        self.model.set_checked(row, not self.model.is_checked(row))

    def _count(self, *_args) -> None:
        if not self.choices:
            self.count_label.setText(self.tr("还没有登记户(在“小组与户”里登记);可以先任命,以后再登记联系的户。"))
            return
        self.count_label.setText(self.tr("已选 {n} 户").format(n=len(self.household_ids())))
        # Nobody else represents it and it is not ticked here: what is left for the next representatives.
        ticked = set(self.household_ids())
        free = sum(not c.represented_by_others(self._office_id) and c.id not in ticked for c in self.choices)
        self.free_label.setText(self.tr("全村 {all} 户,{free} 户还没有代表联系").format(all=len(self.choices), free=free))

    def household_ids(self) -> list[str]:
        """The ticked households."""
        return self.model.checked_ids()

    def set_checked(self, ids: Iterable[str]) -> None:
        """Tick exactly `ids` (none: clear the ticks)."""
        self.model.check_exactly(ids)


class HouseholdsDialog(QDialog):
    """联系户…: change the households a sitting 村民代表 represents."""

    def __init__(self, session: Session, office: terms_service.OfficeRow, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._office = office
        self.setWindowTitle(self.tr("{name}联系的户").format(name=office.name))
        em = self.fontMetrics().horizontalAdvance("国")
        resize_within_screen(self, em * 34, em * 30)
        self.picker = HouseholdsPicker(office.household_ids, office_id=office.id)
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
        self.picker.reload(self.picker.household_ids())  # the counts of households nobody represents follow
        self.message.show_ok(self.tr("已保存,联系 {n} 户。").format(n=len(self.picker.household_ids())))
        self.findings_label.setText(finding_lines_html(list(outcome.value), self.tr("符合法律对人数和组成的要求。")))
        return True
