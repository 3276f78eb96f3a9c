from __future__ import annotations

import pytest

from desktop import demo
from desktop.services import auth_service, people_service, setup_service
from models.entities import Person, Village
from models.errors import ValidationError


def test_demo_village_is_believable_and_lawful(village):
    _, admin = village
    result = demo.fill_village(admin, years=2)
    counts = people_service.counts()
    assert counts["vc_chair"] == 1 and counts["vc_vice"] == 1 and counts["vc_member"] == 3
    assert counts["representative"] >= 30
    assert counts["sc_chair"] == 1 and counts["sc_member"] == 2
    v = Village.get(Village.code == "330106001001")
    assert v.households == 300 and v.adult_population > v.households
    # 村民代表会议 composition (组织法 25): reps ≥ 4/5 of members, women ≥ 1/3.
    rows = people_service.register()
    members = [r for r in rows if {"vc_chair", "vc_vice", "vc_member", "representative"} & set(r.roles)]
    reps = [r for r in members if "representative" in r.roles]
    women = [r for r in members if r.gender == "女"]
    assert len(reps) * 5 >= len(members) * 4
    assert len(women) * 3 >= len(members)
    # names are unique and Chinese
    names = [p.name for p in Person.select()]
    assert len(names) == len(set(names)) == result.people
    assert all(2 <= len(n) <= 3 for n in names)
    # demo logins work, and the 监委会 has no 近亲属 of the 村委会
    assert auth_service.login("wenshu", demo.DEMO_PASSWORD).role == "secretary"
    # A login bound to a person is called by that person's name (the chair, not “监委会主任”).
    for login in ("jianwei", "wenshu"):
        session = auth_service.login(login, demo.DEMO_PASSWORD)
        assert session.person_id and session.display_name == Person.get_by_id(session.person_id).name
    assert setup_service.current().is_demo
    committee = {r.id for r in rows if {"vc_chair", "vc_vice", "vc_member"} & set(r.roles)}
    supervisors = [r.id for r in rows if {"sc_chair", "sc_member"} & set(r.roles)]
    conflicted = [s for s in supervisors if people_service.close_relatives(s) & committee]
    assert all(s not in committee for s in supervisors)
    assert len(conflicted) == 1  # the demo's deliberate conflict, which the committee check flags
    from desktop.services import supervision_service

    assert any("近亲属" in f.text() for f in supervision_service.check_person(conflicted[0]))


def test_demo_refuses_a_database_with_real_people(village):
    _, admin = village
    people_service.add_person(admin, "真实村民", "男")
    with pytest.raises(ValidationError) as err:
        demo.fill_village(admin)
    assert "新建的数据库" in str(err.value)
