"""The shared batched table model passes Qt's model checks and fetches in batches."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from ui.widgets.batched_model import BatchedRowsModel


class Numbers(BatchedRowsModel):
    COLUMNS = ("数",)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.DisplayRole:
            return str(self._rows[index.row()])
        return None


def test_batches_and_model_checks(qtmodeltester):
    model = Numbers(batch=10)
    model.set_rows(list(range(25)))
    assert (model.rowCount(), model.total(), model.columnCount()) == (10, 25, 1)
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 25 and model.row_at(24) == 24
    model.fetchMore(QModelIndex())  # nothing left: no empty insert
    assert model.rowCount() == 25
