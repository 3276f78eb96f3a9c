"""The people register read in pages from SQL (issue 20): pages and positions agree with the id list.

`register_ids` is the order the register always had (tests/unit/test_register_ids.py);
here the pages (`register_page`, the second half read from the far end)
and the position of a person (`register_position`, one count) must give
the same order for every order, search and 含已迁出 choice.
"""

from __future__ import annotations

import pytest

from desktop.services import people_service
from models.db import database
from tests.support import big_lists

PEOPLE = 300


@pytest.fixture
def register(village):
    big_lists.insert_people(database.connection(), PEOPLE)
    database.execute_sql("UPDATE person SET village_group = '外村组' WHERE id = 'p-00000040'")  # not a group
    database.execute_sql("UPDATE person SET deleted = 1 WHERE id = 'p-00000041'")
    return village


@pytest.mark.parametrize("order", people_service.ORDERS)
def test_pages_and_positions_follow_the_id_order(register, order):
    for search, include_left in [("", False), ("", True), ("建", False), ("严", True)]:
        _check_pages(order, search, include_left)


def _check_pages(order: str, search: str, include_left: bool) -> None:
    ids = people_service.register_ids(search, include_left, order)
    total = people_service.register_count(search, include_left)
    assert total == len(ids) and (total > 5 or search)
    for size in (7, 200):
        pages = [row.id for start in range(0, total, size)
                 for row in people_service.register_page(search, include_left, order, start, size, total)]
        assert pages == ids, size
    assert [people_service.register_position(pid, search, include_left, order) for pid in ids] == \
        list(range(total))


def test_people_outside_the_register_have_no_position(register):
    departed = next(pid for pid in people_service.register_ids(include_left=True)
                    if pid not in people_service.register_ids())
    assert people_service.register_position(departed) is None
    assert people_service.register_position(departed, include_left=True) is not None
    assert people_service.register_position("p-00000041", include_left=True) is None  # deleted
    assert people_service.register_page("", False, "roster", PEOPLE * 2, 10, PEOPLE) == []


def test_the_paged_register_opens_without_the_id_list_and_follows_a_person_through_reloads(qapp, register):
    from ui.people.register_model import RegisterModel

    ids = people_service.register_ids()
    model = RegisterModel()
    model._chunk = 20
    model.reload()
    assert model.paged() and model.total() == len(ids)
    assert model.id_at(len(ids) - 1) == ids[-1] and model.id_at(25) == ids[25]
    model.reload()  # an edit elsewhere: the person is found where it was (its page), then by one count
    assert model.row_of(ids[25]) == 25 and model.row_of(ids[150]) == 150 and model.paged()
    model.set_order("name_desc")
    assert [model.id_at(r) for r in range(model.total())] == people_service.register_ids(order="name_desc")
