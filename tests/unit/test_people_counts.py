"""The home page's 人员概况 counts the 监委会 from its seats (issue 15 day-one walk: it said 0 人)."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.services import people_service, supervision_service


def test_a_committee_formed_under_supervision_is_counted(village):
    _paths, admin = village
    chair, first, second = (people_service.add_person(admin, name, gender)
                            for name, gender in (("赵志刚", "男"), ("孙桂兰", "女"), ("马德福", "男")))
    assert "sc_chair" not in people_service.counts()
    term = supervision_service.create_term(admin, "第一届", date.today() - timedelta(days=1))
    supervision_service.add_member(admin, term.id, chair.id, chair=True, finance_qualified=True)
    for person in (first, second):
        supervision_service.add_member(admin, term.id, person.id)
    counts = people_service.counts()
    assert (counts["sc_chair"], counts["sc_member"]) == (1, 2)
