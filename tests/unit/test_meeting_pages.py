"""The meeting list read in pages from SQL (issue 20): the same lines, in the same order, as the whole list.

A small village (137 meetings from the bench's set-based builder, some
deleted) is enough: what matters is the page boundaries, the second half
read from the far end, the filters and the position query.
"""

from __future__ import annotations

import pytest

from desktop.services import meetings_service
from models.db import database
from tests.support import big_lists

COUNT = 137


def _old_list(type_code=None, year=None) -> list[tuple]:
    """The list as `list_meetings` read it before issue 20 (every line at once; `substr` for the year)."""
    where, params = ["m.deleted = 0"], []
    if type_code:
        where.append("m.type_code = ?")
        params.append(type_code)
    if year:
        where.append("substr(m.held_on, 1, 4) = ?")
        params.append(f"{year:04d}")
    sql = f"""SELECT m.id,
        (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.deleted = 0
            AND a.status != 'observer'),
        (SELECT count(*) FROM resolution r WHERE r.meeting_id = m.id AND r.deleted = 0 AND r.passed = 1),
        (SELECT c.id FROM meeting c WHERE c.corrects_id = m.id AND c.deleted = 0 LIMIT 1)
        FROM meeting m WHERE {' AND '.join(where)} ORDER BY m.held_on DESC, m.start_time DESC, m.rowid DESC"""
    return list(database.execute_sql(sql, params))


@pytest.fixture
def meetings(village):
    big_lists.insert_people(database.connection(), 40)
    big_lists.insert_meetings(database.connection(), COUNT, people=40)
    database.execute_sql("UPDATE meeting SET deleted = 1 WHERE id IN ('m-00000005', 'm-00000100')")
    database.execute_sql("UPDATE meeting SET held_on = '2000-13-45' WHERE id = 'm-00000007'")  # an older import
    return COUNT - 2


def _lines(rows) -> list[tuple]:
    return [(r.id, r.expected if meetings_service.mt.TYPES[r.type_code].roster else None, r.passed,
             r.corrected_by) for r in rows]


def test_pages_cover_the_whole_list_in_order_from_either_end(meetings):
    whole = meetings_service.list_meetings()
    assert len(whole) == meetings == meetings_service.meeting_count()
    assert [r.id for r in whole] == [line[0] for line in _old_list()] == meetings_service.meeting_ids()
    old = {line[0]: line for line in _old_list()}
    for row in whole:  # the counts as the correlated query gave them
        line = old[row.id]
        if meetings_service.mt.TYPES[row.type_code].roster:
            assert row.expected == line[1]
        assert (row.passed, row.corrected_by) == (line[2], line[3])
    for size in (1, 10, 50, 200):
        paged = [row for start in range(0, meetings, size)
                 for row in meetings_service.meeting_page(None, None, start, size, meetings)]
        assert [r.id for r in paged] == [r.id for r in whole], size
    # The last, short page, read from the oldest end; a page past the end is empty.
    assert meetings_service.meeting_page(None, None, meetings - 3, 10, meetings) == whole[-3:]
    assert meetings_service.meeting_page(None, None, meetings, 10, meetings) == []
    assert meetings_service.meeting_rows([whole[9].id, "m-00000005", whole[2].id]) == [whole[9], whole[2]]


def test_filters_in_sql_match_the_old_filters(meetings):
    for type_code, year in [("representatives", None), (None, 2000), ("group", 1997), (None, 1999),
                            ("collective_members", 2001)]:
        expected = [line[0] for line in _old_list(type_code, year)]
        assert expected or type_code == "collective_members"
        assert meetings_service.meeting_ids(type_code, year) == expected
        assert meetings_service.meeting_count(type_code, year) == len(expected)
        assert [r.id for r in meetings_service.list_meetings(type_code, year)] == expected
        for position, meeting_id in enumerate(expected):
            assert meetings_service.meeting_position(meeting_id, type_code, year) == position


def test_a_meeting_outside_the_list_has_no_position(meetings):
    assert meetings_service.meeting_position("m-00000005") is None  # deleted
    assert meetings_service.meeting_position("m-00000002", year=1990) is None
    assert meetings_service.meeting_position("nothing") is None


def test_the_model_pages_sorts_every_row_and_finds_a_meeting_anywhere(qapp, meetings):
    from PySide6.QtCore import QPersistentModelIndex, Qt

    from ui.meetings.meeting_list_model import TITLE, MeetingListModel
    from ui.widgets.sorting import sorted_positions

    whole = meetings_service.list_meetings()
    model = MeetingListModel()
    model._chunk = 7
    model.reload()
    assert model.paged() and model.rowCount() == model.total() == meetings and not model._cache
    assert model.row_at(meetings - 1) == whole[-1] and model.row_at(8) == whole[8]
    assert len(model._cache) == 2  # the last page and the second: nothing else was read
    assert model.row_of(whole[60].id) == 60 and model.row_of("m-00000005") == -1  # by its position in SQL
    kept = QPersistentModelIndex(model.index(8, TITLE))
    model.sort(TITLE, Qt.SortOrder.DescendingOrder)  # every id, ordered as the whole list would be
    titles = [model.display(r, TITLE) for r in whole]
    expected = [whole[i].id for i in sorted_positions(titles, Qt.SortOrder.DescendingOrder)]
    assert not model.paged() and model.ids() == expected
    assert model.index(kept.row(), 0).data(Qt.ItemDataRole.UserRole) == whole[8].id  # the selection follows
    model.sort(-1)
    assert model.ids() == [r.id for r in whole]
    model.reload()  # the service's order: paged again
    assert model.paged() and [model.id_at(r) for r in range(meetings)] == [r.id for r in whole]


def test_a_header_sort_from_one_column_equals_the_sort_of_the_whole_lines(qapp, meetings):
    from PySide6.QtCore import Qt

    from ui.meetings.meeting_list_model import DATE, STATUS, TITLE, TYPE, MeetingListModel
    from ui.widgets.sorting import sorted_positions

    whole = meetings_service.list_meetings()
    model = MeetingListModel()
    model.reload()
    for column in (DATE, TYPE, TITLE, STATUS):
        for many in (1, 20):  # over 2,000 ids: the scan a large list takes
            lean = model.fetch_sort_values([r.id for r in whole] * many, column)
            assert lean == {r.id: model.sort_value(r, column) for r in whole}, column
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(column, order)
            values = [model.sort_value(r, column) for r in whole]
            assert model.ids() == [whole[i].id for i in sorted_positions(values, order)]


def test_the_pages_read_the_list_indexes_of_migration_0018(meetings):
    """Without statistics (a fresh file) the page, count and group queries use `meeting_list` / `person_roster`."""
    from desktop.services import people_service

    if database.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
        database.execute_sql("DELETE FROM sqlite_stat1")
        database.execute_sql("ANALYZE sqlite_master")  # the planner reads the (now empty) statistics again
    connection = database.connection()
    checks = [
        (lambda: meetings_service.meeting_page(None, None, 50, 20, meetings), "meeting_list"),
        (lambda: meetings_service.meeting_page(None, 2000, 0, 20), "meeting_list"),
        (lambda: meetings_service.meeting_count(), "meeting_list"),
        (lambda: people_service.register_count(), "person_roster"),
        (lambda: people_service.register_page("", False, "roster", 10, 20, 40), "person_roster"),
    ]
    for call, index in checks:
        seen: list[str] = []
        connection.set_trace_callback(seen.append)
        try:
            call()
        finally:
            connection.set_trace_callback(None)
        plans = [" / ".join(d for *_, d in connection.execute("EXPLAIN QUERY PLAN " + sql))
                 for sql in seen if sql.lstrip().upper().startswith("SELECT")]
        assert any(f"INDEX {index}" in plan for plan in plans), plans
