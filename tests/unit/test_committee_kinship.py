"""监委会 eligibility through the kinship graph (issue 17: "近亲属 inferred through the kinship graph").

A small family where only parent links are recorded:

    王老太 ──parent──▶ 王父 ──parent──▶ 王二 (candidate)
       │                  └──parent──▶ 王姐
       └──parent──▶ 王叔 ──parent──▶ 王堂弟
                           王二 ──parent──▶ 王子 ──parent──▶ 王孙

民法典 第一千零四十五条: 配偶、父母、子女、兄弟姐妹、祖父母、外祖父母、孙子女、外孙子女. A 村委会
member among 王姐 (sister), 王老太 (grandmother) or 王孙 (grandchild) bars 王二; 王叔 (uncle) and
王堂弟 (cousin) do not.
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import people_service as ps
from desktop.services import supervision_service as sv
from models.errors import ValidationError


@pytest.fixture
def family(village):
    _, admin = village
    names = ("王老太", "王父", "王二", "王姐", "王叔", "王堂弟", "王子", "王孙")
    people = {n: ps.add_person(admin, n, "男", village_group="一组") for n in names}
    for parent, child in (("王老太", "王父"), ("王父", "王二"), ("王父", "王姐"), ("王老太", "王叔"),
                          ("王叔", "王堂弟"), ("王二", "王子"), ("王子", "王孙")):
        ps.add_kinship(admin, people[parent], people[child], "parent")
    return admin, people


def _refusals(person_id: str) -> list[str]:
    return [f.text() for f in sv.check_person(person_id, date(2025, 6, 1)) if f.severity == "error"]


@pytest.mark.parametrize(("member", "relation"), [
    ("王姐", "兄弟姐妹"),            # a common parent (王父)
    ("王老太", "孙子女、外孙子女"),  # a parent's parent: 王二 is her grandchild
    ("王孙", "祖父母、外祖父母"),    # a child's child: 王二 is his grandparent
    ("王父", "子女"),                # declared
])
def test_a_village_committee_members_close_relative_found_through_parent_links(family, member, relation):
    admin, people = family
    ps.add_role(admin, people[member], "vc_member", "2021-04-18")
    refusals = _refusals(people["王二"].id)
    assert len(refusals) == 1
    assert f"王二是村委会委员{member}的近亲属({relation})" in refusals[0] and "第三十二条" in refusals[0]
    term = sv.create_term(admin, "第七届", date(2021, 5, 6))
    with pytest.raises(ValidationError) as err:
        sv.add_member(admin, term.id, people["王二"].id)
    assert "近亲属" in str(err.value)


@pytest.mark.parametrize("member", ["王叔", "王堂弟"])
def test_uncles_and_cousins_are_not_close_relatives(family, member):
    admin, people = family
    ps.add_role(admin, people[member], "vc_member", "2021-04-18")
    assert _refusals(people["王二"].id) == []


def test_a_spouse_is_a_close_relative(family):
    admin, people = family
    wife = ps.add_person(admin, "李妻", "女", village_group="一组")
    ps.add_kinship(admin, wife, people["王二"], "spouse")
    ps.add_role(admin, wife, "vc_chair", "2021-04-18")
    assert "近亲属(配偶)" in _refusals(people["王二"].id)[0]
