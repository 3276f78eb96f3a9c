"""A header click sorts a list in natural order, and the row picked after it is still the right record.

Three lists stand for the rest (they all use `ui.widgets.sorting`): the
人员名册 (lazy: sorted by the service's values of every match), the meetings
list (batched: every row, fetched or not) and the township's 村庄 (a proxy).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.paths import AppPaths
from desktop.services import households_service, meetings_service, people_service
from models.db import close_database
from tests.support.demo import demo_township, demo_village
from tests.support.screens import shown
from ui.township import villages_model as vm


def _click_header(qtbot, table, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def _click_row(qtbot, table, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_register_sorts_by_group_in_counting_order_and_opens_the_person_clicked(qtbot, village):
    from ui.people.register_page import RegisterPage

    _paths, session = village
    people = {}
    for number, (group, name) in enumerate((("十组", "赵十"), ("三组", "钱三"), ("二组", "孙二")), start=1):
        households_service.add_group(session, group)
        household = households_service.add_household(session, str(number), group)
        people[name] = people_service.add_person(session, name, "男", household_entry=household.id,
                                                 household_relation="户主").id
    page = shown(qtbot, RegisterPage(session), 1366, 768)
    table = page.table

    def groups() -> list[str]:
        return [page.model.index(r, 2).data() for r in range(page.model.rowCount())]

    roster = groups()
    _click_header(qtbot, table, 2)  # 村民小组: 二 < 三 < 十, not the code points' 三 < 二 < 十
    assert groups() == ["二组", "三组", "十组"]
    assert table.horizontalHeader().isSortIndicatorShown()
    _click_row(qtbot, table, 1)
    dialog = page.open_edit()
    assert dialog.form.person_id == people["钱三"]
    dialog.reject()
    _click_header(qtbot, table, 2)
    assert groups() == ["十组", "三组", "二组"]
    assert page.selected_id() == people["钱三"]  # the selection follows the person
    _click_header(qtbot, table, 2)  # the third click: the roster's order again
    assert groups() == roster and not table.horizontalHeader().isSortIndicatorShown()
    assert "原来的顺序" in page.model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)


def test_the_meetings_list_sorts_every_row_and_opens_the_meeting_clicked(qtbot, store):
    from ui.meetings.meeting_list_model import DATE, EXPECTED
    from ui.meetings.meetings_page import MeetingsPage

    session = demo_village(years=2)
    page = shown(qtbot, MeetingsPage(session), 1100, 700)
    view = page.list_view
    model, table = view.model, view.table
    model._chunk = 5  # paged: the sort must reach the rows not fetched from SQL yet
    view.refresh()
    everything = meetings_service.list_meetings()
    assert len(model._cache) * 5 < model.total() == len(everything) == model.rowCount()
    _click_header(qtbot, table, DATE)  # the list opens newest first; a click: oldest first
    dates = [model.row_at(r).held_on for r in range(model.total())]
    assert dates == sorted(m.held_on for m in everything)
    _click_header(qtbot, table, EXPECTED)
    expected = [model.row_at(r).expected for r in range(model.total())]
    assert expected == sorted(expected) and expected[0] < expected[-1]
    _click_header(qtbot, table, EXPECTED)
    _click_row(qtbot, table, 0)
    most = max(m.expected for m in everything)
    chosen = view.selected_id()
    assert next(m for m in everything if m.id == chosen).expected == most
    editor = view.open_selected()
    assert editor is not None and editor.draft.id == chosen
    editor.close()


@pytest.fixture
def township(tmp_path):
    paths = AppPaths(tmp_path / "乡镇")
    yield paths, demo_township(paths, villages=3, years=1)
    close_database()


def test_the_township_villages_sort_by_name_in_pinyin_and_select_the_village_clicked(qtbot, township):
    from ui.township.villages_page import VillagesPage
    from ui.widgets.name_order import pinyin_available

    paths, session = township
    page = shown(qtbot, VillagesPage(session, paths=paths), 1200, 700)
    table = page.table

    def names() -> list[str]:
        return [page.proxy.index(r, vm.NAME).data() for r in range(page.proxy.rowCount())]

    by_code = names()
    _click_header(qtbot, table, vm.NAME)
    expected = ["大坪村", "青山村", "溪口村"] if pinyin_available() else sorted(by_code)
    assert names() == expected
    _click_header(qtbot, table, vm.NAME)
    assert names() == expected[::-1]
    _click_row(qtbot, table, 0)
    code = next(page.proxy.index(r, vm.CODE).data() for r in range(3) if names()[r] == expected[-1])
    assert page.selected_code() == code and expected[-1] in page.history.title()
    _click_header(qtbot, table, vm.NAME)  # the third click: the register's own order (by code)
    assert names() == by_code


def test_a_table_widget_list_sorts_its_rows_whole_and_comes_back_to_its_own_order(qtbot):
    from ui.widgets.sorting import make_sortable, sorter_of
    from ui.widgets.tables import cell, read_only_table

    table = read_only_table(["编号", "日期"])
    rows = [("12", "2026年3月5日"), ("2", ""), ("100", "2025年12月1日")]
    table.setRowCount(len(rows))
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            table.setItem(r, c, cell(text))
    make_sortable(table)
    shown(qtbot, table, 500, 300)

    def column(c: int) -> list[str]:
        return [table.item(r, c).text() for r in range(table.rowCount())]

    _click_header(qtbot, table, 0)
    assert column(0) == ["2", "12", "100"]
    _click_header(qtbot, table, 1)
    assert column(1) == ["2025年12月1日", "2026年3月5日", ""]  # the empty date last
    _click_header(qtbot, table, 1)
    assert column(1) == ["2026年3月5日", "2025年12月1日", ""]  # last both ways
    assert column(0) == ["12", "100", "2"]  # rows moved whole
    _click_header(qtbot, table, 1)
    assert column(0) == ["12", "2", "100"]
    sorter_of(table).reapply()  # the list's own order: nothing to do
    assert column(0) == ["12", "2", "100"]


def test_a_batched_list_keeps_the_selected_record_when_the_sort_moves_it_past_the_rows_shown(qtbot):
    from dataclasses import dataclass

    from ui.widgets.batched_model import BatchedRowsModel
    from ui.widgets.sorting import SortRequest, sorter_of
    from ui.widgets.tables import read_only_view

    @dataclass
    class Line:
        id: str
        label: str

    class Lines(BatchedRowsModel):
        COLUMNS = ("名称",)

        def display(self, row: Line, column: int) -> str:
            return row.label

    model = Lines(batch=3)
    model.set_rows([Line(str(n), f"{n}号") for n in range(1, 11)])  # 1号 … 10号, three shown
    table = shown(qtbot, read_only_view(model), 300, 300)
    assert model.rowCount() == 3
    table.selectRow(0)  # 1号
    sorter_of(table).sort(SortRequest(0, Qt.SortOrder.DescendingOrder))  # 1号 is now the last of ten
    selected = table.selectionModel().selectedRows()
    assert [model.row_at(i.row()).label for i in selected] == ["1号"]
    assert [model.row_at(r).label for r in range(3)] == ["10号", "9号", "8号"]
    assert model.row_at(model.rowCount() - 1).label == "1号"


def test_service_rows_keep_the_services_order_whatever_the_header_sorted(qtbot):
    from ui.widgets.batched_model import BatchedRowsModel

    class Words(BatchedRowsModel):
        COLUMNS = ("词",)

        def display(self, row: str, column: int) -> str:
            return row

    model = Words()
    model.set_rows(["十组", "二组", "三组"])
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.all_rows() == ["二组", "三组", "十组"]
    assert model.service_rows() == ["十组", "二组", "三组"]
    model.set_rows(["五组", "一组"])  # read again: still sorted
    assert model.all_rows() == ["一组", "五组"] and model.service_rows() == ["五组", "一组"]
    model.sort(-1)
    assert model.all_rows() == ["五组", "一组"]


def test_a_header_click_shows_the_wait_cursor_while_the_model_sorts(qtbot):
    """Issue 20 tester: at 100,000 rows a header sort takes seconds; the window shows it is busy."""
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    from ui.widgets.sorting import make_sortable

    seen = []

    class Model(QStandardItemModel):
        def sort(self, column, order=Qt.SortOrder.AscendingOrder):
            cursor = QApplication.overrideCursor()
            seen.append(None if cursor is None else cursor.shape())

    model = Model(3, 2)
    table = QTableView()
    table.setModel(model)
    make_sortable(table)
    shown(qtbot, table, 400, 200)
    _click_header(qtbot, table, 1)
    assert seen == [Qt.CursorShape.WaitCursor]
    assert QApplication.overrideCursor() is None  # restored after the sort
