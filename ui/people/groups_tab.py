"""小组与户: the village's groups, the households of the chosen group, and the village's figures.

Groups are added, renamed, ordered and removed (only when empty); each
household shows its 户主 and members on the register; the village's 户数 /
18 岁以上人口 show the register's count beside the official (户籍) one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services import households_service, village_figures
from desktop.services.session import Session
from models.roles import Permission
from ui.operations import run_op, run_query
from ui.people.group_dialogs import GroupNameDialog, HouseholdDialog
from ui.people.groups_models import GroupsModel, HouseholdsModel
from ui.widgets.dialogs import ask_confirm
from ui.widgets.field_message import FieldMessage
from ui.widgets.forms import section
from ui.widgets.tables import read_only_view


class GroupsTab(QWidget):
    """Groups on the left, the chosen group's households on the right, the village's figures below."""

    def __init__(self, session: Session | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._can_edit = session is not None and session.can(Permission.EDIT_REGISTER)
        self.groups_model = GroupsModel(self)
        self.households_model = HouseholdsModel(self)
        self._open = None  # the dialog or question box on screen (kept for tests)

        self.groups_table = read_only_view(self.groups_model, stretch=0)
        self.add_group_button = QPushButton(self.tr("新增…"))
        self.rename_group_button = QPushButton(self.tr("改名…"))
        self.up_button = QPushButton(self.tr("上移"))
        self.down_button = QPushButton(self.tr("下移"))
        self.remove_group_button = QPushButton(self.tr("删除"))
        self.households_title = QLabel()
        self.households_table = read_only_view(self.households_model, stretch=3)
        self.add_household_button = QPushButton(self.tr("新增户…"))
        self.edit_household_button = QPushButton(self.tr("修改…"))
        self.remove_household_button = QPushButton(self.tr("删除"))
        self.message = FieldMessage()

        # Two rows of group buttons: five in one row made the page wider than a 1024×600 screen
        # with the 特大 font (the splitter's two panes and their buttons side by side).
        group_buttons = QHBoxLayout()
        for button in (self.add_group_button, self.rename_group_button, self.remove_group_button):
            group_buttons.addWidget(button)
        group_buttons.addStretch(1)
        order_buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button):
            order_buttons.addWidget(button)
        order_buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.groups_table, 1)
        left_layout.addLayout(group_buttons)
        left_layout.addLayout(order_buttons)
        household_buttons = QHBoxLayout()
        for button in (self.add_household_button, self.edit_household_button, self.remove_household_button):
            household_buttons.addWidget(button)
        household_buttons.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.households_title)
        right_layout.addWidget(self.households_table, 1)
        right_layout.addLayout(household_buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(self._figures_card())

        self.groups_table.selectionModel().selectionChanged.connect(self._group_chosen)
        self.households_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.households_table.doubleClicked.connect(self.open_edit_household)
        self.add_group_button.clicked.connect(self.open_add_group)
        self.rename_group_button.clicked.connect(self.open_rename_group)
        self.up_button.clicked.connect(lambda: self.move_group(-1))
        self.down_button.clicked.connect(lambda: self.move_group(1))
        self.remove_group_button.clicked.connect(self.ask_remove_group)
        self.add_household_button.clicked.connect(self.open_add_household)
        self.edit_household_button.clicked.connect(self.open_edit_household)
        self.remove_household_button.clicked.connect(self.ask_remove_household)
        self.use_register_button.clicked.connect(self.use_register_figures)
        self.save_official_button.clicked.connect(self.save_official_figures)
        # Read when first shown (the 名册 tab opens first; a register of 100,000 should not wait for this).
        self._stale = True
        self._update_buttons()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Read what changed while the tab was hidden."""
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def mark_stale(self) -> None:
        """Records changed: re-read now when on screen, else when next shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _figures_card(self) -> QWidget:
        card, layout = section(self.tr("户数和 18 岁以上人口(村民会议的法定人数按它们算)"))
        self.households_spin = QSpinBox()
        self.adults_spin = QSpinBox()
        for spin in (self.households_spin, self.adults_spin):
            spin.setRange(0, 999_999)
            spin.setGroupSeparatorShown(False)
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.register_label = QLabel()
        self.register_label.setWordWrap(True)
        self.register_label.setProperty("role", "hint")
        self.save_official_button = QPushButton(self.tr("保存为户籍数字"))
        self.use_register_button = QPushButton(self.tr("用名册数字"))
        # The figures on one row, their two buttons on the next: all six side by side were
        # wider than a 1024×600 screen with the 特大 font.
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("户数:")), 0, 0)
        grid.addWidget(self.households_spin, 0, 1)
        grid.addWidget(QLabel(self.tr("18 岁以上人口:")), 0, 2)
        grid.addWidget(self.adults_spin, 0, 3)
        grid.setColumnStretch(4, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_official_button)
        buttons.addWidget(self.use_register_button)
        buttons.addStretch(1)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addWidget(self.source_label)
        layout.addWidget(self.register_label)
        return card

    # ----- reading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read groups, households and figures again, keeping the chosen group."""
        self._stale = False
        chosen = self.chosen_group()
        found = run_query(self, households_service.list_groups)
        self.groups_model.set_rows(found.value if found else [])
        names = [g.name for g in self.groups_model.all_rows()]
        if names:  # the households are read once, below, not on each selection change
            selection = self.groups_table.selectionModel()
            selection.blockSignals(True)
            self.groups_table.selectRow(names.index(chosen.name) if chosen and chosen.name in names else 0)
            selection.blockSignals(False)
        self._group_chosen()
        self._refresh_figures()

    def chosen_group(self) -> households_service.GroupRow | None:
        """The group highlighted on the left."""
        rows = self.groups_table.selectionModel().selectedRows()
        return self.groups_model.row_at(rows[0].row()) if rows else None

    def chosen_household(self) -> households_service.HouseholdRow | None:
        """The household highlighted on the right."""
        rows = self.households_table.selectionModel().selectedRows()
        return self.households_model.row_at(rows[0].row()) if rows else None

    def _group_chosen(self) -> None:
        group = self.chosen_group()
        found = run_query(self, lambda: households_service.list_households(group.name if group else None))
        self.households_model.set_rows(found.value if found else [])
        self.households_title.setText(self.tr("{group}的户").format(group=group.name) if group
                                      else self.tr("全村的户"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        group, household = self.chosen_group(), self.chosen_household()
        edit = self._can_edit
        self.add_group_button.setEnabled(edit)
        for button in (self.rename_group_button, self.up_button, self.down_button, self.remove_group_button):
            button.setEnabled(edit and group is not None)
        self.add_household_button.setEnabled(edit)
        self.edit_household_button.setEnabled(edit and household is not None)
        self.remove_household_button.setEnabled(edit and household is not None)
        self.save_official_button.setEnabled(edit)
        self.use_register_button.setEnabled(edit)

    def _refresh_figures(self) -> None:
        found = run_query(self, village_figures.figures)
        if not found:
            return
        used = found.value
        counts = used.register
        self.households_spin.setValue(used.households)
        self.adults_spin.setValue(used.adult_population)
        if used.source == village_figures.SOURCE_REGISTER:
            self.source_label.setText(self.tr("现在跟随名册:名册一有变化,这两个数字就跟着变。"))
        elif not used.households and not used.adult_population:
            # A fresh village: nothing was typed, so "the typed 户籍 figures" in use would be two zeros.
            self.source_label.setText(self.tr(
                "还没有户数和人口:点“用名册数字”跟随名册,或填上派出所、乡镇提供的户籍数字后点“保存为户籍数字”。"))
        else:
            self.source_label.setText(self.tr("现在用的是填写的户籍数字(派出所或乡镇提供),名册变化不影响它们。"))
        text = self.tr("名册上:{households} 户有人在册,年满 18 岁 {adults} 人(按出生年月,算到今天)。").format(
            households=counts.households, adults=counts.adults)
        if counts.unknown_birth:
            text += self.tr("另有 {n} 人没有填出生年月,没算进去。").format(n=counts.unknown_birth)
        self.register_label.setText(text)

    # ----- groups -------------------------------------------------------------------------------

    def open_add_group(self) -> GroupNameDialog:
        """Ask for a new group's name (non-blocking)."""
        self._open = GroupNameDialog(self._session, parent=self)
        self._open.done_with.connect(lambda _name: self.refresh())
        self._open.open()
        return self._open

    def open_rename_group(self) -> GroupNameDialog | None:
        """Ask for the chosen group's new name."""
        group = self.chosen_group()
        if group is None:
            return None
        self._open = GroupNameDialog(self._session, group.id, group.name, parent=self)
        self._open.done_with.connect(lambda _name: self.refresh())
        self._open.open()
        return self._open

    def move_group(self, step: int) -> None:
        """Move the chosen group up (-1) or down (+1)."""
        group = self.chosen_group()
        if group is not None and run_op(self, lambda: households_service.move_group(self._session, group.id, step),
                                        on_failure=self.message.show_failure):
            self.refresh()

    def ask_remove_group(self):
        """Ask, then remove the chosen group (refused while people or households are in it)."""
        group = self.chosen_group()
        if group is None:
            return None

        def remove() -> None:
            if run_op(self, lambda: households_service.remove_group(self._session, group.id),
                      on_failure=self.message.show_failure):
                self.refresh()

        self._open = ask_confirm(self, self.tr("删除村民小组"),
                                 self.tr("删除“{name}”?只有没有人、没有户的小组才能删除;删除后可在回收站恢复。")
                                 .format(name=group.name), self.tr("删除"), remove)
        return self._open

    # ----- households ---------------------------------------------------------------------------

    def open_add_household(self) -> HouseholdDialog:
        """Ask for a new household in the chosen group."""
        group = self.chosen_group()
        self._open = HouseholdDialog(self._session, group=group.name if group else "", parent=self)
        self._open.done_with.connect(lambda _id: self.refresh())
        self._open.open()
        return self._open

    def open_edit_household(self, *_args) -> HouseholdDialog | None:
        """Change the chosen household's 户号, group or address."""
        household = self.chosen_household()
        if household is None or not self._can_edit:
            return None
        self._open = HouseholdDialog(self._session, household_id=household.id, parent=self)
        self._open.done_with.connect(lambda _id: self.refresh())
        self._open.open()
        return self._open

    def ask_remove_household(self):
        """Ask, then remove the chosen household (refused while anyone is in it)."""
        household = self.chosen_household()
        if household is None:
            return None

        def remove() -> None:
            if run_op(self, lambda: households_service.remove_household(self._session, household.id),
                      on_failure=self.message.show_failure):
                self.refresh()

        self._open = ask_confirm(self, self.tr("删除户"),
                                 self.tr("删除 {number} 户?只有没有登记任何人的户才能删除。").format(
                                     number=household.number), self.tr("删除"), remove)
        return self._open

    # ----- figures ------------------------------------------------------------------------------

    def use_register_figures(self) -> None:
        """用名册数字: the figures follow the register from now on."""
        if run_op(self, lambda: village_figures.use_register(self._session), on_failure=self.message.show_failure):
            self.message.show_ok(self.tr("已改为用名册数字。"))
            self._refresh_figures()

    def save_official_figures(self) -> None:
        """Keep the typed numbers as the official (户籍) figures."""
        households, adults = self.households_spin.value(), self.adults_spin.value()
        if run_op(self, lambda: village_figures.set_official(self._session, households, adults),
                  on_failure=self.message.show_failure):
            self.message.show_ok(self.tr("已保存户籍数字。"))
            self._refresh_figures()
