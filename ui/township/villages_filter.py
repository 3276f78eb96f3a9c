"""The 村庄 register's search and “only those needing attention” filter, over `VillagesModel`."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from ui.township.villages_model import VillagesModel
from ui.widgets.batched_model import SORT_ROLE
from ui.widgets.sorting import NaturalSortProxy, is_empty, natural_key


class VillagesFilter(NaturalSortProxy):
    """Text search over code and name, and “only those needing attention”; sorts by the raw values.

    In natural order (`ui.widgets.sorting`): 第二村 before 第十村, names by pinyin, empty cells last.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = ""
        self.attention_only = False
        self.setSortRole(SORT_ROLE)
        #: Each value's natural key, made once: a sort of 200 villages compares about 1,700 times.
        self._keys: dict = {}

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,  # noqa: N802 - Qt override
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        """`NaturalSortProxy.lessThan` with each value's key made once (the same order)."""
        a, b = self._value(left), self._value(right)
        if is_empty(a) or is_empty(b):
            return super().lessThan(left, right)
        return self._key(a) < self._key(b)

    def _key(self, value) -> tuple:
        try:
            key = self._keys.get(value)
            if key is None:
                if len(self._keys) > 10_000:  # the register's values only; never grows without end
                    self._keys.clear()
                key = self._keys[value] = natural_key(value)
            return key
        except TypeError:  # an unhashable value
            return natural_key(value)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802 - Qt override
        """Rows matching the search and, if asked, needing attention."""
        model: VillagesModel = self.sourceModel()
        if source_row >= model.rowCount():
            return False
        row = model.row_at(source_row)
        if self.text and self.text not in row.code and self.text not in row.name:
            return False
        if self.attention_only:
            # a village whose audit log was rewritten after sending is red on the page: it needs attention too
            return row.overdue or bool(row.missing) or row.status == "pending" or row.audit == "broken"
        return True
