"""The two lists of 小组与户: the village's groups, and the households of the chosen group.

Both are `BatchedRowsModel`s over the plain rows of `households_service`;
the tab keeps the rows' order, so view row n is service row n.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.services.households_service import GroupRow, HouseholdRow
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.batched_model import BatchedRowsModel

#: The context the tab's texts were translated in before the models held them.
_C = "GroupsTab"


class GroupsModel(BatchedRowsModel):
    """Columns: 村民小组, 在册人数, 户数; the group's id under `ID_ROLE`."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "村民小组"), QT_TRANSLATE_NOOP(_C, "在册人数"), QT_TRANSLATE_NOOP(_C, "户数"))

    def display(self, row: GroupRow, column: int) -> str:
        """The group's name, then its counts."""
        return (row.name, str(row.people), str(row.households))[column]

    def sort_value(self, row: GroupRow, column: int):
        """Counts sort as numbers."""
        return (row.name, row.people, row.households)[column]

    def row_id(self, row: GroupRow) -> str:
        """The group's id."""
        return row.id


class HouseholdsModel(BatchedRowsModel):
    """Columns: 户号, 户主, 在册人数, 住址; the household's id under `ID_ROLE`."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "户号"), QT_TRANSLATE_NOOP(_C, "户主"),
               QT_TRANSLATE_NOOP(_C, "在册人数"), QT_TRANSLATE_NOOP(_C, "住址"))

    def display(self, row: HouseholdRow, column: int) -> str:
        """户号, 户主 (or that none is marked), members on the register, address."""
        head = row.head or QCoreApplication.translate(_C, "(未指定户主)")
        return (row.number, head, str(row.members), row.address)[column]

    def sort_value(self, row: HouseholdRow, column: int):
        """The member count sorts as a number."""
        return row.members if column == 2 else self.display(row, column)

    def row_id(self, row: HouseholdRow) -> str:
        """The household's id."""
        return row.id
