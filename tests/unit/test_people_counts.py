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


def test_only_todays_seats_count_not_register_roles(village):
    _paths, admin = village
    today = date.today()
    old_chair, chair, member, gone, later = (
        people_service.add_person(admin, name, gender)
        for name, gender in (("钱立新", "男"), ("赵志刚", "男"), ("孙桂兰", "女"), ("马德福", "男"), ("周小燕", "女")))
    people_service.add_role(admin, old_chair, "sc_chair", (today - timedelta(days=900)).isoformat())
    assert "sc_chair" not in people_service.counts()  # a register role is not a seat

    past = supervision_service.create_term(admin, "第一届", today - timedelta(days=800), today - timedelta(days=10))
    supervision_service.add_member(admin, past.id, member.id, chair=True)
    counts = people_service.counts()
    assert "sc_chair" not in counts and "sc_member" not in counts  # that term is over

    term = supervision_service.create_term(admin, "第二届", today - timedelta(days=9))
    supervision_service.add_member(admin, term.id, chair.id, chair=True)
    supervision_service.add_member(admin, term.id, member.id)
    seat = supervision_service.add_member(admin, term.id, gone.id)
    supervision_service.end_seat(admin, seat.id, today - timedelta(days=1), "resigned", "本人辞职")
    supervision_service.add_member(admin, term.id, later.id, joined_on=today + timedelta(days=5))
    counts = people_service.counts()
    assert (counts["sc_chair"], counts["sc_member"]) == (1, 1)  # the departed and the not-yet-seated are not
