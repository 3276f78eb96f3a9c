"""`people_service.register_ids` / `register_rows`: the lazy register's two service calls.

Together, chunk by chunk, they must give exactly what reading every person
and every role gave before (the same people in the same name order, the same
current roles); `register()` is built on them for callers that want the whole list.
"""

from __future__ import annotations

from desktop.services import people_service
from tests.support.people import insert_people, register_read_row_by_row

OWNER = "330106001001"


def test_ids_and_rows_give_what_the_row_by_row_read_gives(village):
    insert_people(1000, OWNER)
    # The reference reads by name; the register's default is the roster's order (组, 户号, 户主 first).
    ids = people_service.register_ids(order="name")
    whole = register_read_row_by_row()
    assert people_service.register(order="name") == whole
    assert people_service.register("建", order="name") == register_read_row_by_row("建")
    assert sorted(people_service.register_ids()) == sorted(ids)
    assert len(ids) == len(whole) == 1000
    assert ids == [r.id for r in whole]  # equal names too keep register()'s order
    chunked = [row for start in range(0, len(ids), 200) for row in people_service.register_rows(ids[start:start + 200])]
    assert chunked == whole
    assert [r.id for r in people_service.register_rows(ids[::-97])] == ids[::-97]  # in the order asked for
    assert any(r.roles == ("representative", "party_member") for r in chunked)


def test_search_filters_ids_by_name(village):
    _, session = village
    for name in ("王建国", "李建华", "张秀英"):
        people_service.add_person(session, name, "男")
    found = people_service.register_ids("建")
    assert sorted(r.name for r in people_service.register_rows(found)) == ["李建华", "王建国"]
    assert people_service.register_ids(" 秀英 ") == [r.id for r in people_service.register("秀英")]


def test_rows_leave_out_deleted_people_and_ended_roles(village):
    from desktop.services import record_store
    from models.entities import Person

    _, session = village
    wang = people_service.add_person(session, "王建国", "男")
    li = people_service.add_person(session, "李秀英", "女")
    people_service.add_role(session, wang, "representative", "2020-01-01", "2022-12-31")
    people_service.add_role(session, wang, "vc_chair", "2023-01-01")
    ids = people_service.register_ids()
    record_store.soft_delete(session, Person.get_by_id(li.id))
    assert people_service.register_rows(ids) == [people_service.PersonRow(wang.id, "王建国", "男", "", ("vc_chair",))]
    assert people_service.register_rows([]) == []
