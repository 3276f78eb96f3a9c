"""The households a 村民代表 may represent, as a checklist: 户号 (ticked or not), 户主, 组, 现联系代表.

The ticks are the model's (`CheckStateRole` on the 户号 column), so the
picker's search and group filter only hide rows and never lose a tick.
Every household is laid out at once: a village has hundreds, and the
filters hide rows the view must already have.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from desktop.services.terms_service import HouseholdChoice
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.batched_model import BatchedRowsModel, ModelIndex
from ui.widgets.palette import GREY

#: The context the picker's texts were translated in before the model held them.
_C = "HouseholdsPicker"
NUMBER, HEAD, GROUP, REPRESENTATIVES = range(4)


class HouseholdChoicesModel(BatchedRowsModel):
    """Columns: 户号 (checkable), 户主, 村民小组, 现联系代表; the household's id under `ID_ROLE`.

    `office_id` is the representative being edited: he is left out of 现联系代表.
    """

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "户号"), QT_TRANSLATE_NOOP(_C, "户主"),
               QT_TRANSLATE_NOOP(_C, "村民小组"), QT_TRANSLATE_NOOP(_C, "现联系代表"))

    def __init__(self, parent=None, office_id: str = ""):
        super().__init__(parent, batch=1_000_000)
        self._office_id = office_id
        self._checked: set[str] = set()

    def set_choices(self, choices: list[HouseholdChoice], checked: Iterable[str] = ()) -> None:
        """Show `choices` (a model reset) with `checked` ticked."""
        self._checked = set(checked)
        self.set_rows(choices)

    def _others(self, row: HouseholdChoice) -> list[str]:
        return [name for oid, name in row.representatives if oid != self._office_id]

    def display(self, row: HouseholdChoice, column: int) -> str:
        """户号 (the label when it has none), 户主, group, the other representatives or (无)."""
        if column == NUMBER:
            return row.number or row.label
        if column == HEAD:
            return row.head
        if column == GROUP:
            return row.village_group
        others = self._others(row)
        return "、".join(others) if others else QCoreApplication.translate(_C, "(无)")

    def foreground(self, row: HouseholdChoice, column: int) -> QColor | None:
        """(无) is grey."""
        return GREY if column == REPRESENTATIVES and not self._others(row) else None

    def row_id(self, row: HouseholdChoice) -> str:
        """The household's id."""
        return row.id

    # ----- the ticks ------------------------------------------------------------------------------

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Selectable rows; the 户号 cell carries the check box."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == NUMBER:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The hooks' roles, and the tick on the 户号 column."""
        if role == Qt.ItemDataRole.CheckStateRole:
            if not index.isValid() or index.column() != NUMBER or index.row() >= self.rowCount():
                return None
            checked = self.row_at(index.row()).id in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Tick or untick a household (a click on its check box, Space, 选本组未联系的户)."""
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != NUMBER:
            return False
        household = self.row_at(index.row()).id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(household)
        else:
            self._checked.discard(household)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def is_checked(self, row: int) -> bool:
        """Whether the household on `row` is ticked."""
        return self.row_at(row).id in self._checked

    def set_checked(self, row: int, checked: bool) -> None:
        """Tick (or untick) the household on `row`, as a click would."""
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.setData(self.index(row, NUMBER), state, Qt.ItemDataRole.CheckStateRole)

    def checked_ids(self) -> list[str]:
        """The ticked households, in the list's own order (not the order a header sorted them in)."""
        return [row.id for row in self.service_rows() if row.id in self._checked]

    def check_exactly(self, ids: Iterable[str]) -> None:
        """Tick exactly `ids` (none: clear the ticks)."""
        self._checked = set(ids)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, NUMBER), self.index(self.rowCount() - 1, NUMBER),
                                  [Qt.ItemDataRole.CheckStateRole])
