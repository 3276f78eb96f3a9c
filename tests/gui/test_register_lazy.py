"""The people register's lazy model: ids up front, rows fetched a chunk at a time.

A few thousand people in a real SQLite file; the model's service calls are
counted (the calls go through to the database) to show that a row far down
costs one chunk, not the whole register.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.services import people_service
from tests.support.people import insert_people
from ui.people.register_model import RegisterModel
from ui.widgets.batched_model import ID_ROLE
from ui.widgets.lazy_rows_model import CHUNK, LazyRowsModel

OWNER = "330106001001"
PEOPLE = 3000


class CountingRegisterModel(RegisterModel):
    """The register model, remembering the ids of each `register_rows` call."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.calls: list[list[str]] = []

    def fetch_rows(self, ids):
        self.calls.append(list(ids))
        return super().fetch_rows(ids)


@pytest.fixture
def crowd(village):
    """The village with PEOPLE people inserted directly."""
    insert_people(PEOPLE, OWNER)
    return village


def test_reload_counts_everyone_and_fetches_no_row(crowd):
    model = CountingRegisterModel()
    model.reload()
    assert model.rowCount() == model.total() == PEOPLE
    assert not model.canFetchMore()
    assert model.data(model.index(PEOPLE - 1, 0), ID_ROLE) == people_service.register_ids()[-1]
    assert model.calls == []  # the id needs no row


def test_a_row_far_down_fetches_only_its_chunk(crowd):
    model = CountingRegisterModel()
    model.reload()
    ids = model.ids()
    far = 2500
    name = model.data(model.index(far, 0))
    start = far // CHUNK * CHUNK
    assert model.calls == [ids[start:start + CHUNK]]
    assert name == people_service.register_rows([ids[far]])[0].name
    for row in (start, far + 1, start + CHUNK - 1):  # the same chunk: no new call
        model.data(model.index(row, 3))
    assert len(model.calls) == 1
    model.data(model.index(start + CHUNK, 0))
    assert model.calls[-1] == ids[start + CHUNK:start + 2 * CHUNK]


def test_rows_show_the_same_lines_as_the_whole_register(crowd):
    model = RegisterModel()
    model.reload()
    whole = {row.id: row for row in people_service.register()}
    for n in range(0, PEOPLE, 149):
        row = whole[model.data(model.index(n, 0), Qt.ItemDataRole.UserRole)]
        assert [model.data(model.index(n, c)) for c in range(3)] == [row.name, row.gender, row.village_group]
    both = next(n for n in range(PEOPLE) if len(whole[model.id_at(n)].roles) == 2)
    assert model.data(model.index(both, 3)) == "村民代表、党员"


class TwoChunkNames(LazyRowsModel):
    """A bare kit model over the same service calls that keeps only two chunks."""

    COLUMNS = ("姓名",)

    def __init__(self):
        super().__init__(chunk=100, cached_chunks=2)
        self.calls = 0

    def fetch_ids(self):
        return people_service.register_ids()

    def fetch_rows(self, ids):
        self.calls += 1
        return people_service.register_rows(ids)

    def display(self, row, column):
        return row.name


def test_only_the_last_chunks_are_kept_and_set_rows_fills_the_cache(crowd):
    model = TwoChunkNames()
    model.reload()
    for row in (0, 150, 0, 250):  # chunks 0, 1, 0 (kept), 2 (drops 1)
        model.data(model.index(row, 0))
    assert model.calls == 3
    model.data(model.index(150, 0))
    assert model.calls == 4
    rows = people_service.register_rows(model.ids()[:250])
    model.set_rows(rows)
    assert model.rowCount() == 250
    assert model.data(model.index(249, 0)) == rows[-1].name
    assert model.data(model.index(249, 0), ID_ROLE) == rows[-1].id
    assert model.calls == 4


def test_search_filters_by_name(crowd):
    model = CountingRegisterModel()
    model.reload("建")
    names = [model.data(model.index(n, 0)) for n in range(model.rowCount())]
    assert names and all("建" in name for name in names)
    assert len(names) == len(people_service.register("建"))
    model.reload("")
    assert model.rowCount() == PEOPLE


def test_register_model_passes_model_tester_at_size(qtmodeltester, crowd):
    model = RegisterModel()
    model.reload()
    qtmodeltester.check(model)


def test_page_opens_and_jumps_to_the_end_fetching_few_chunks(qtbot, crowd):
    from ui.people.register_page import RegisterPage

    page = RegisterPage()
    qtbot.addWidget(page)
    counting = CountingRegisterModel(page)
    page.model = counting
    page.table.setModel(counting)
    page.apply_search()
    page.resize(900, 600)
    page.show()
    qtbot.waitExposed(page)
    assert page.count_label.text() == f"共 {PEOPLE} 人"
    page.table.scrollToBottom()
    qtbot.wait(50)
    last = page.table.rowAt(page.table.viewport().height() - 2)
    assert last == PEOPLE - 1
    assert page.table.model().data(page.table.model().index(last, 0))
    assert len(counting.calls) <= 4  # the first screen and the last one, not 15 chunks
