"""Terms of office: appointing and ending offices, who holds office on a date, the law's warnings."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import (
    meetings_service,
    people_service,
    record_store,
    setup_service,
    terms_service,
)
from desktop.services import supervision_service as sv
from models.db import database
from models.entities import Household, Person, PersonRole, VillageGroup
from models.errors import ValidationError
from models.terms import organic_law_on


@pytest.fixture
def admin(village):
    _, session = village
    return session


def _person(admin, name, gender="男", **details):
    return people_service.add_person(admin, name, gender, **details)


def _committee(admin, start=date(2021, 5, 6), women=1):
    chair = _person(admin, "王建国")
    vice = _person(admin, "李秀英", "女" if women else "男")
    member = _person(admin, "张明")
    terms_service.appoint(admin, chair.id, "vc_chair", start)
    terms_service.appoint(admin, vice.id, "vc_vice", start)
    answer = terms_service.appoint(admin, member.id, "vc_member", start)
    return chair, vice, member, answer


def _texts(findings):
    return [f.text() for f in findings]


def test_a_committee_of_three_with_a_woman_has_no_warnings(admin):
    *_, answer = _committee(admin)
    assert answer.warnings == ()
    body = next(b for b in terms_service.overview() if b.code == "village_committee")
    assert [r.role for r in body.holders] == ["vc_chair", "vc_vice", "vc_member"]


def test_no_woman_and_too_few_members_are_warnings_citing_the_text_in_force(admin):
    chair = _person(admin, "王建国")
    answer = terms_service.appoint(admin, chair.id, "vc_chair", date(2025, 3, 1))
    texts = _texts(answer.warnings)
    assert any("三至七人" in t and "(2018)第六条" in t for t in texts)
    assert any("应当有妇女成员" in t for t in texts)
    # the same committee judged on a date under the 2025 amendment cites that text
    later = _texts(terms_service.body_findings("village_committee", "2026-02-01"))
    assert any("应当有妇女成员" in t and "(2025)第八条" in t for t in later)


def test_eight_members_is_a_warning(admin):
    for n in range(8):
        _person(admin, f"委员{n}", "女" if n == 0 else "男")
    people = people_service.register()
    terms_service.appoint(admin, people[0].id, "vc_chair", date(2021, 5, 6))
    for p in people[1:]:
        answer = terms_service.appoint(admin, p.id, "vc_member", date(2021, 5, 6))
    assert any("现有 8 人" in t for t in _texts(answer.warnings))


def test_a_second_chair_at_the_same_time_is_refused_and_a_successor_is_not(admin):
    chair, vice, *_ = _committee(admin)
    with pytest.raises(ValidationError) as err:
        terms_service.appoint(admin, vice.id, "vc_chair", date(2023, 1, 1))
    assert "只有一名主任" in str(err.value) and "王建国" in str(err.value)
    office = terms_service.office_holders(["vc_chair"])[0]
    terms_service.end_office(admin, office.id, date(2023, 1, 1), "resigned", "身体原因")
    terms_service.appoint(admin, vice.id, "vc_chair", date(2023, 1, 1))
    assert [r.name for r in terms_service.office_holders(["vc_chair"])] == ["李秀英"]
    assert [r.name for r in terms_service.office_holders(["vc_chair"], date(2022, 12, 31))] == ["王建国"]


def test_ending_an_office_is_dated_with_a_reason_and_audited(admin):
    chair, *_ = _committee(admin)
    office = terms_service.office_holders(["vc_chair"])[0]
    with pytest.raises(ValidationError):
        terms_service.end_office(admin, office.id, date(2020, 1, 1), "resigned")  # before it began
    with pytest.raises(ValidationError):
        terms_service.end_office(admin, office.id, date(2024, 1, 1), "other")  # "其他" needs words
    with pytest.raises(ValidationError):
        terms_service.end_office(admin, office.id, date(2999, 1, 1), "resigned")  # not yet
    ended = terms_service.end_office(admin, office.id, date(2024, 1, 1), "recalled", "村民会议表决罢免")
    assert (ended.end_date, ended.end_reason) == ("2024-01-01", "罢免:村民会议表决罢免")
    with pytest.raises(ValidationError):
        terms_service.end_office(admin, office.id, date(2024, 2, 1), "resigned")  # already ended
    row = PersonRole.get_by_id(office.id)
    assert row.end_date == "2024-01-01" and row.deleted is False
    audited = database.execute_sql("SELECT new_values FROM audit_entry WHERE table_name = 'person_role'"
                                   " AND record_id = ? AND action = 'update'", [office.id]).fetchall()
    assert len(audited) == 1 and "罢免" in audited[0][0]


def test_someone_who_left_in_2025_is_on_a_2024_meeting_list_not_on_a_2026_one(admin):
    chair, vice, member, _ = _committee(admin)
    office = next(r for r in terms_service.office_holders(["vc_member"]))
    terms_service.end_office(admin, office.id, date(2025, 6, 30), "resigned")
    on_2026 = {a.name for a in meetings_service.new_draft("village_committee", date(2026, 3, 1)).attendance}
    on_2024 = {a.name for a in meetings_service.new_draft("village_committee", date(2024, 3, 1)).attendance}
    assert "张明" in on_2024 and "张明" not in on_2026
    assert {"王建国", "李秀英"} <= on_2026
    # before the committee took office nobody is on the list
    assert meetings_service.roster("village_committee", date(2020, 1, 1)) == []


def test_changeover_ends_the_whole_body_at_once(admin):
    _committee(admin)
    ended = terms_service.end_body(admin, "village_committee", date(2026, 5, 6), "term_over")
    assert len(ended) == 3 and {e.end_reason for e in ended} == {"届满"}
    assert terms_service.office_holders(terms_service.BODIES["village_committee"][1]) == []
    with pytest.raises(ValidationError):
        terms_service.end_body(admin, "village_committee", date(2026, 5, 7))


def test_group_leader_one_per_group_and_needs_a_group(admin):
    a, b, c = _person(admin, "甲"), _person(admin, "乙"), _person(admin, "丙")
    with pytest.raises(ValidationError):
        terms_service.appoint(admin, a.id, "group_leader", date(2021, 5, 6))
    terms_service.appoint(admin, a.id, "group_leader", date(2021, 5, 6), scope="第一组")
    with pytest.raises(ValidationError) as err:
        terms_service.appoint(admin, b.id, "group_leader", date(2022, 1, 1), scope="第一组")
    assert "第一组" in str(err.value)
    terms_service.appoint(admin, c.id, "group_leader", date(2021, 5, 6), scope="第二组")
    assert {r.scope for r in terms_service.office_holders(["group_leader"])} == {"第一组", "第二组"}
    record_store.create(admin, VillageGroup, name="第三组", position=3)
    texts = _texts(terms_service.body_findings("group_leaders", "2025-01-01"))
    assert texts == ["1 个村民小组还没有登记组长:第三组。(依据《村民委员会组织法》(2018)第二十八条)"]


def test_party_secretary_one_at_a_time_and_committee_members(admin):
    a, b, c = _person(admin, "甲"), _person(admin, "乙"), _person(admin, "丙")
    terms_service.appoint(admin, a.id, "party_secretary", date(2021, 5, 6))
    with pytest.raises(ValidationError):
        terms_service.appoint(admin, b.id, "party_secretary", date(2021, 5, 6))
    terms_service.appoint(admin, b.id, "party_committee", date(2021, 5, 6))
    terms_service.appoint(admin, c.id, "party_committee", date(2021, 5, 6))
    with pytest.raises(ValidationError) as err:
        terms_service.appoint(admin, c.id, "party_committee", date(2022, 5, 6))
    assert "不必重复登记" in str(err.value)


def _households(admin, n):
    return [record_store.create(admin, Household, number=f"{i + 1:03d}", village_group="第一组") for i in range(n)]


def test_representatives_households_rules_are_warnings(admin):
    setup_service.set_province(admin, "national")
    homes = _households(admin, 30)
    reps = [_person(admin, f"代表{n}", "女" if n < 2 else "男") for n in range(3)]
    terms_service.appoint(admin, reps[0].id, "representative", date(2021, 5, 6), household_ids=[h.id for h in homes[:3]])
    terms_service.appoint(admin, reps[1].id, "representative", date(2021, 5, 6),
                          household_ids=[h.id for h in homes[2:12]])
    answer = terms_service.appoint(admin, reps[2].id, "representative", date(2021, 5, 6))
    texts = _texts(answer.warnings)
    assert any("不在此范围:代表0(3 户)" in t and "每五户至十五户" in t and "第二十五条" in t for t in texts)
    assert any("1 名村民代表还没有登记联系的户:代表2" in t for t in texts)
    assert any("1 户同时由两名以上村民代表联系" in t and "003(代表0、代表1)" in t for t in texts)
    assert not any("三分之一" in t for t in texts)  # 2 women of 3 members
    rows = {r.name: len(r.household_ids) for r in terms_service.office_holders(["representative"])}
    assert rows == {"代表0": 3, "代表1": 10, "代表2": 0}
    # replacing the list clears the double
    role = next(r for r in terms_service.office_holders(["representative"]) if r.name == "代表0")
    after = _texts(terms_service.set_households(admin, role.id, [h.id for h in homes[12:20]]))
    assert not any("同时由" in t for t in after) and not any("代表0(" in t for t in after)


def test_too_few_women_representatives_is_a_warning(admin):
    setup_service.set_province(admin, "national")
    _committee(admin)
    for n in range(6):
        terms_service.appoint(admin, _person(admin, f"代表{n}", "女" if n == 0 else "男").id, "representative",
                              date(2021, 5, 6))
    texts = _texts(terms_service.body_findings("representatives", "2025-01-01"))
    assert any("妇女村民代表 1 人" in t and "组成人员 9 人" in t for t in texts)
    assert any("不足村民代表会议组成人员 9 人的五分之四" in t for t in texts)


def test_zhejiang_numbers_and_one_representative_per_household(admin):
    home = _households(admin, 1)[0]
    a = _person(admin, "父亲", household_entry=home.id, household_relation="户主")
    b = _person(admin, "儿子", household_entry=home.id, household_relation="子")
    terms_service.appoint(admin, a.id, "representative", date(2021, 5, 6))
    answer = terms_service.appoint(admin, b.id, "representative", date(2021, 5, 6))
    texts = _texts(answer.warnings)
    assert any("同户不得产生二名以上村民代表" in t and "001 父亲(儿子、父亲)" in t and "浙江" in t for t in texts)
    assert any("本省规定村民代表不少于 30 人" in t for t in texts)


def test_a_person_who_left_the_register_cannot_be_appointed(admin):
    p = _person(admin, "外迁者")
    record_store.update(admin, Person.get_by_id(p.id), left_on="2024-01-01", left_kind="moved_out", left_reason="迁出")
    with pytest.raises(ValidationError):
        terms_service.appoint(admin, p.id, "vc_member", date(2024, 5, 1))


def test_an_ineligible_committee_member_is_removed_with_the_reason(admin):
    setup_service.set_province(admin, "national")
    term = sv.create_term(admin, "第七届", date(2021, 5, 6))
    father = _person(admin, "赵父")
    son = _person(admin, "赵子")
    people_service.add_kinship(admin, father, son, "parent")
    seat = sv.add_member(admin, term.id, son.id, chair=True, finance_qualified=True)
    assert [s.name for s in terms_service.committee_members_on(date(2022, 1, 1))] == ["赵子"]
    # the father is elected to the 村委会 later: the son is no longer eligible
    terms_service.appoint(admin, father.id, "vc_member", date(2024, 5, 6))
    assert sv.check_person(son.id, date(2023, 1, 1)) == []
    assert any("近亲属" in f.text() for f in sv.seat_problems(seat.id))
    ended = sv.end_seat(admin, seat.id, date(2024, 6, 1), "ineligible")
    assert ended.left_on == "2024-06-01"
    assert ended.left_reason.startswith("不再符合任职条件:") and "近亲属" in ended.left_reason
    assert terms_service.committee_members_on(date(2024, 6, 1)) == []
    assert [s.name for s in terms_service.committee_members_on(date(2024, 5, 31))] == ["赵子"]
    row = next(m for m in sv.term_view(term.id).members if m.id == seat.id)
    assert row.left_reason == ended.left_reason
    with pytest.raises(ValidationError):
        sv.end_seat(admin, seat.id, date(2024, 7, 1), "resigned")


def test_ending_a_seat_checks_its_dates_and_reason(admin):
    term = sv.create_term(admin, "第七届", date(2021, 5, 6))
    member = _person(admin, "钱监督")
    seat = sv.add_member(admin, term.id, member.id, finance_qualified=True)
    with pytest.raises(ValidationError):
        sv.end_seat(admin, seat.id, date(2020, 1, 1), "resigned")
    with pytest.raises(ValidationError):
        sv.end_seat(admin, seat.id, date(2024, 1, 1), "ineligible")  # still eligible: say why
    with pytest.raises(ValidationError):
        sv.end_seat(admin, seat.id, date(2024, 1, 1), "nonsense")
    ended = sv.end_seat(admin, seat.id, date(2024, 1, 1), "died")
    assert ended.left_reason == "死亡"


def test_citation_follows_the_date():
    assert organic_law_on(25, "2025-12-31").cite() == "依据《村民委员会组织法》(2018)第二十五条"
    assert organic_law_on(6, "2026-01-01").cite() == "依据《村民委员会组织法》(2025)第八条"
    assert organic_law_on(25, "2026-01-01").cite() == "依据《村民委员会组织法》(2025)(原第二十五条)"


def test_a_person_who_left_the_register_holds_no_office_from_that_day(admin):
    chair, *_ = _committee(admin)
    term = sv.create_term(admin, "第七届", date(2021, 5, 6))
    member = _person(admin, "孙监督")
    sv.add_member(admin, term.id, member.id, finance_qualified=True)
    for p in (chair, member):
        record_store.update(admin, Person.get_by_id(p.id), left_on="2025-03-01", left_kind="died", left_reason="病故")
    assert "王建国" in {r.name for r in terms_service.office_holders(["vc_chair"], date(2025, 2, 28))}
    assert terms_service.office_holders(["vc_chair"], date(2025, 3, 1)) == []
    assert [s.name for s in terms_service.committee_members_on(date(2025, 2, 28))] == ["孙监督"]
    assert terms_service.committee_members_on(date(2025, 3, 1)) == []


def test_a_supervision_meeting_lists_the_seated_members_on_its_date(admin):
    term = sv.create_term(admin, "第七届", date(2021, 5, 6))
    a, b = _person(admin, "钱一"), _person(admin, "钱二")
    sv.add_member(admin, term.id, a.id, chair=True, finance_qualified=True)
    seat = sv.add_member(admin, term.id, b.id, joined_on=date(2023, 1, 1))
    sv.end_seat(admin, seat.id, date(2025, 1, 1), "resigned")
    names = lambda on: [line.name for line in meetings_service.roster("supervision", on)]  # noqa: E731
    assert names(date(2022, 6, 1)) == ["钱一"]
    assert sorted(names(date(2024, 6, 1))) == ["钱一", "钱二"]
    assert names(date(2026, 6, 1)) == ["钱一"]


def test_a_clerk_appointed_here_counts_for_the_committee_check(admin):
    clerk = _person(admin, "周文书")
    answer = terms_service.appoint(admin, clerk.id, "clerk", date(2021, 5, 6))
    assert answer.warnings == ()
    assert [r.name for r in next(b for b in terms_service.overview() if b.code == "staff").holders] == ["周文书"]
    assert any("本省规定" in f.text() for f in sv.check_person(clerk.id))  # 浙江: 村文书 may not sit


def test_a_group_leader_recorded_without_a_group_leads_his_own(admin):
    old, new = _person(admin, "老组长", village_group="第五组"), _person(admin, "新组长", village_group="第五组")
    people_service.add_role(admin, old, "group_leader", "2021-05-06")  # as records before groups were data
    assert [r.scope for r in terms_service.office_holders(["group_leader"])] == ["第五组"]
    with pytest.raises(ValidationError):
        terms_service.appoint(admin, new.id, "group_leader", date(2022, 1, 1), scope="第五组")


def test_a_term_lasts_five_years_by_default():
    """组织法: five years (the committee's term is the 村委会's); the day before the fifth anniversary."""
    from models import terms

    assert terms.default_term_last_day(date(2021, 5, 6)) == date(2026, 5, 5)
    assert terms.default_term_last_day(date(2028, 2, 29)) == date(2033, 2, 28)
    assert terms.default_term_last_day(date(2026, 1, 1)) == date(2030, 12, 31)
    assert terms.term_basis(date(2021, 5, 6)).cite() == "依据《村民委员会组织法》(2018)第十一条"
    assert terms.term_basis(date(2026, 12, 4)).version == "2025"


def test_a_committee_term_counts_its_last_day(admin):
    """新建届次 fills in the last day of the term; a member still signs on it, not the day after."""
    from desktop.services import supervision_service
    from models.supervision.records import CommitteeMember

    term = supervision_service.create_term(admin, "第九届", date(2040, 1, 1), date(2044, 12, 31))
    person = people_service.add_person(admin, "末日监", "男", birth_year=1970)
    record_store.create(admin, CommitteeMember, term=term.id, person=person.id, position="member",
                        joined_on="2040-01-01")
    assert "末日监" in [s.name for s in terms_service.committee_members_on(date(2044, 12, 31))]
    assert "末日监" not in [s.name for s in terms_service.committee_members_on(date(2045, 1, 1))]
