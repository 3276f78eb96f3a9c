"""罢免 → 补选 and 推选 through the services, on a real SQLite file."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import (
    people_service,
    recall_service,
    record_store,
    selection_service,
    terms_service,
)
from models.elections.records import (
    BODY_REPRESENTATIVES,
    KIND_BY_ELECTION,
    METHOD_GROUP,
    METHOD_HOUSEHOLDS,
    RECALL_BY_REPRESENTATIVES,
    RECALL_BY_VOTERS,
    SELECT_GROUP_LEADER,
    SELECT_REPRESENTATIVE,
    Election,
    Recall,
    Voter,
)
from models.entities import Household
from models.errors import NotFound, ValidationError

START = date(2021, 5, 6)


@pytest.fixture
def admin(village):
    _, session = village
    return session


@pytest.fixture
def committee(admin):
    """A 村委会 of three elected 2021-05-06, and a 选民名单 of 23 voters for that election."""
    people = {name: people_service.add_person(admin, name, gender)
              for name, gender in (("王建国", "男"), ("李秀英", "女"), ("张明", "男"))}
    offices = {}
    for (name, person), role in zip(people.items(), ("vc_chair", "vc_vice", "vc_member"), strict=True):
        offices[name] = terms_service.appoint(admin, person.id, role, START).office
    election = record_store.create(admin, Election, label="第十一届村民委员会换届选举", election_day="2021-05-06",
                                   seats="vc_chair=1,vc_vice=1,vc_member=1", announced_on="2021-05-06")
    voters = [people_service.add_person(admin, f"选民{n}", "男") for n in range(20)] + list(people.values())
    for p in voters:
        record_store.create(admin, Voter, election=election, person=p.id, registered_on="2021-04-01")
    return offices


def _texts(findings):
    return " ".join(f.text() for f in findings)


def test_a_recall_by_one_fifth_passes_ends_the_office_and_offers_a_by_election(admin, committee):
    member = committee["张明"]
    assert recall_service.latest_roll("2025-03-01") == ("第十一届村民委员会换届选举", 23)
    filed = recall_service.file_recall(admin, member.id, date(2025, 3, 1), RECALL_BY_VOTERS, 5, "长期不履职")
    assert filed.base_count == 23 and filed.needed == 5 and filed.request_met
    assert "可以提出罢免要求" in _texts(filed.findings)

    answered = recall_service.record_answer(admin, filed.id, "我因病请假,并非不履职", date(2025, 3, 5))
    assert answered.answer.startswith("我因病")
    result = recall_service.record_vote(admin, filed.id, date(2025, 3, 20), 23, 12, 7)
    assert result.verdict.passed and result.recall.outcome == "recalled"
    assert result.ended.end_date == "2025-03-20" and result.ended.end_reason.startswith("罢免")
    assert "张明" not in [r.name for r in terms_service.office_holders(("vc_member",), "2025-03-20")]
    assert "张明" in [r.name for r in terms_service.office_holders(("vc_member",), "2025-03-19")]

    [vacancy] = recall_service.vacancies("2025-03-21")
    assert vacancy.role_id == member.id and vacancy.term_end == "2026-05-05"
    started = recall_service.start_by_election(admin, member.id, BODY_REPRESENTATIVES, date(2025, 4, 10))
    election = started.election
    assert (election.kind, election.seats, election.body, election.term_end) == \
        (KIND_BY_ELECTION, "vc_member=1", BODY_REPRESENTATIVES, "2026-05-05")
    assert "2026-05-05" in _texts(started.findings)
    assert recall_service.vacancies("2025-03-21") == []
    with pytest.raises(ValidationError, match="已经为张明的出缺发起了补选"):
        recall_service.start_by_election(admin, member.id, BODY_REPRESENTATIVES)


def test_exactly_half_does_not_recall_and_the_office_stays(admin, committee):
    chair = committee["王建国"]
    filed = recall_service.file_recall(admin, chair.id, date(2025, 3, 1), RECALL_BY_VOTERS, 5, "理由")
    result = recall_service.record_vote(admin, filed.id, date(2025, 3, 20), 23, 12, 6)  # 6 of 12: exactly half
    assert not result.verdict.passed and result.ended is None
    assert result.recall.outcome == "not_recalled"
    assert "没有登记被提出罢免的成员的申辩意见" in _texts(result.recall.findings)
    assert terms_service.office_holders(("vc_chair",), "2025-04-01")[0].name == "王建国"
    with pytest.raises(ValidationError, match="已有结果"):
        recall_service.record_vote(admin, filed.id, date(2025, 3, 21), 23, 20, 20)


def test_short_requests_and_impossible_numbers_are_refused_without_a_change(admin, committee):
    vice = committee["李秀英"]
    short = recall_service.file_recall(admin, vice.id, date(2025, 3, 1), RECALL_BY_VOTERS, 4, "理由")
    assert not short.request_met and "罢免要求不成立" in _texts(short.findings)
    with pytest.raises(ValidationError, match="不能表决"):
        recall_service.record_vote(admin, short.id, date(2025, 3, 20), 23, 20, 20)
    with pytest.raises(ValidationError, match="待表决") as refused:
        recall_service.file_recall(admin, vice.id, date(2025, 3, 2), RECALL_BY_VOTERS, 10, "理由")
    assert "人数不足,不能表决" in str(refused.value) and "撤回" in str(refused.value)  # the way forward
    recall_service.withdraw(admin, short.id, "联名不足,撤回")
    again = recall_service.file_recall(admin, vice.id, date(2025, 3, 2), RECALL_BY_VOTERS, 10, "理由")
    for numbers, words in (((23, 24, 1), "投票人数多于"), ((23, 12, 13), "赞成罢免的票数多于"), ((0, 0, 0), "请填写")):
        with pytest.raises(ValidationError, match=words):
            recall_service.record_vote(admin, again.id, date(2025, 3, 20), *numbers)
    with pytest.raises(NotFound, match="找不到所选的会议"):
        recall_service.record_vote(admin, again.id, date(2025, 3, 20), 23, 12, 7, meeting_id="no-such-meeting")
    assert recall_service.assembly_meetings() == []
    assert Recall.get_by_id(again.id).outcome == ""
    with pytest.raises(ValidationError, match="多于总数"):
        recall_service.file_recall(admin, committee["王建国"].id, date(2025, 3, 1), RECALL_BY_VOTERS, 24, "x")
    with pytest.raises(ValidationError, match="不是村民委员会成员"):
        recall_service.file_recall(admin, vice.id, date(2020, 1, 1), RECALL_BY_VOTERS, 10, "x")


def test_a_recall_by_representatives_counts_those_in_office(admin, committee):
    reps = [people_service.add_person(admin, f"代表{n}", "女" if n % 2 else "男") for n in range(7)]
    for p in reps:
        terms_service.appoint(admin, p.id, "representative", START)
    assert recall_service.base_count(RECALL_BY_REPRESENTATIVES, "2025-03-01") == 7
    filed = recall_service.file_recall(admin, committee["张明"].id, date(2025, 3, 1), RECALL_BY_REPRESENTATIVES,
                                       3, "理由")
    assert filed.needed == 3 and filed.request_met  # ⅓ of 7 = 2.33 -> 3


def test_office_ended_by_law(admin, committee):
    ended = recall_service.end_by_law(admin, committee["张明"].id, date(2025, 6, 1), "sentenced")
    assert ended.end_date == "2025-06-01"
    assert "职务自行终止(被判处刑罚)" in ended.end_reason and "第十八条" in ended.end_reason
    assert [v.name for v in recall_service.vacancies("2025-06-02")] == ["张明"]


def test_selections_open_offices_with_the_law_as_findings(admin, committee):
    woman = people_service.add_person(admin, "陈桂兰", "女")
    households = [record_store.create(admin, Household, number=str(n), village_group="一组") for n in range(4)]
    done = selection_service.record_selection(admin, woman.id, SELECT_REPRESENTATIVE, date(2025, 3, 1),
                                              METHOD_HOUSEHOLDS, "一组", [h.id for h in households], electors=4,
                                              votes=4)
    text = _texts(done.findings)
    assert done.selection.households == 4 and "由 4 户推选" in text  # 4 households: outside 5–15
    assert "妇女村民代表 1 人,不足村民代表会议组成人员 4 人的三分之一(2 人)" in text  # 3 村委会 + 1 代表
    assert "到 2026-05-05 止" in text
    [office] = terms_service.office_holders(("representative",), "2025-03-01")
    assert office.name == "陈桂兰" and len(office.household_ids) == 4

    leader = people_service.add_person(admin, "赵一", "男")
    led = selection_service.record_selection(admin, leader.id, SELECT_GROUP_LEADER, date(2025, 3, 1), METHOD_GROUP,
                                             "一组", electors=20, votes=10, group_size=30)
    assert "未超过到会 20 人的半数" in _texts(led.findings)
    assert terms_service.office_holders(("group_leader",), "2025-03-02")[0].scope == "一组"
    assert {s.kind for s in selection_service.selections()} == {SELECT_GROUP_LEADER, SELECT_REPRESENTATIVE}
    other = people_service.add_person(admin, "钱二", "男")
    with pytest.raises(ValidationError, match="只有一名村民小组长"):
        selection_service.record_selection(admin, other.id, SELECT_GROUP_LEADER, date(2025, 4, 1), METHOD_GROUP, "一组")
    with pytest.raises(ValidationError, match="多于参加推选"):
        selection_service.record_selection(admin, other.id, SELECT_REPRESENTATIVE, date(2025, 4, 1), METHOD_GROUP,
                                           "一组", electors=5, votes=6)
