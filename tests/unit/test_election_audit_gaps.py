"""Rows of the issue-18 audit (docs/issue18-audit.md) that had code but no test: 三至七人 at both ends,
the 工作移交's 主持 and 监督, and the new 村委会 read at once by the 监委会 eligibility."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import election_count_service as ec
from desktop.services import elections_service as es
from desktop.services import supervision_service
from models.errors import ValidationError
from models.meetings.quorum import ERROR
from tests.support.election_count_site import DAY, election_site


@pytest.mark.parametrize(("members", "ok"), [(1, False), (2, True), (6, True), (7, False)])
def test_a_general_election_fills_three_to_seven_seats_both_ends(village, members, ok):
    _paths, session = village
    seats = {"vc_chair": 1, "vc_member": members}  # 2, 3, 7, 8 in all
    if ok:
        assert es.create_election(session, "general", "第十二届村民委员会换届选举", date(2026, 6, 1), seats).id
    else:
        with pytest.raises(ValidationError, match=r"三至七人.*\(2025\)第八条"):  # the old 第六条
            es.create_election(session, "general", "第十二届村民委员会换届选举", date(2026, 6, 1), seats)


@pytest.fixture
def announced(store):
    admin, ids, election = election_site(store)
    base = ec.round_lines(election)
    votes = {"张一": 5, "李三": 4, "赵五": 5, "钱六": 4, "孙七": 4}
    lines = tuple(ec.Line(ln.post, ln.name, votes.get(ln.name, 0), ln.candidate_id, ln.write_in, ln.person_id,
                          ln.woman) for ln in base.lines)
    ec.save_round(admin, election, ec.RoundInput(base.kind, DAY.isoformat(), 8, 7, 0, lines))
    ec.announce(admin, election, DAY)
    return admin, ids, election


def test_a_handover_names_who_presided_and_who_supervised(announced):
    admin, _ids, election = announced
    bare = [f.text() for f in ec.record_handover(admin, election, date(2026, 11, 25), "", "", "公章")]
    assert any("工作移交由村民选举委员会主持" in t and "组织法》(2025)" in t for t in bare)
    assert any("工作移交由乡镇人民政府监督" in t for t in bare)
    named = [f.text() for f in ec.record_handover(admin, election, date(2026, 11, 25), "村民选举委员会",
                                                   "镇民政办 王干事", "公章")]
    assert not any("主持" in t or "监督" in t for t in named)


def test_a_member_elected_is_at_once_not_eligible_for_the_supervision_committee(announced):
    _admin, ids, _election = announced
    elected = supervision_service.check_person(ids["李三"], DAY)
    assert any(f.severity == ERROR and "李三是村委会副主任" in f.text() and "(2025)第三十七条" in f.text()
               for f in elected)  # 第三十二条 of the 2018 text
    assert not any(f.severity == ERROR for f in supervision_service.check_person(ids["王二"], DAY))  # not elected


def test_after_a_change_of_term_the_representatives_and_group_leaders_chosen_before_are_to_be_chosen_again(store):
    from desktop.services import terms_service

    admin, ids, election = election_site(store)
    terms_service.appoint(admin, ids["王二"], "representative", date(2021, 6, 1))
    terms_service.appoint(admin, ids["周四"], "representative", date(2021, 6, 1))
    terms_service.appoint(admin, ids["郑九"], "group_leader", date(2021, 6, 1), scope="第一组")
    terms_service.appoint(admin, ids["吴八"], "representative", DAY)  # chosen on the vote day: the new term's
    base = ec.round_lines(election)
    votes = {"张一": 5, "李三": 4, "赵五": 5, "钱六": 4, "孙七": 4}
    lines = tuple(ec.Line(ln.post, ln.name, votes.get(ln.name, 0), ln.candidate_id, ln.write_in, ln.person_id,
                          ln.woman) for ln in base.lines)
    ec.save_round(admin, election, ec.RoundInput(base.kind, DAY.isoformat(), 8, 7, 0, lines))
    texts = [w.text() for w in ec.announce(admin, election, DAY).warnings]
    assert any("仍在任的2名村民代表" in t and "应当重新推选" in t for t in texts)
    assert any("仍在任的1名村民小组长" in t for t in texts)
    assert len(terms_service.office_holders(("representative", "group_leader"), DAY)) == 4  # nobody's office ended


def test_more_votes_than_ballots_or_voters_is_refused_with_article_15(store):
    from models.elections.records import ElectionRound
    from models.elections.tally import Count, Entry, count_round

    res = count_round(Count(700, 400, {"vc_chair": 1}, (Entry("vc_chair", "甲", 401),), on="2025-05-10"))
    assert any("多于有效选票" in f.text() and "(2018)第十五条" in f.text() for f in res.errors)
    res = count_round(Count(300, 400, {"vc_chair": 1}, (), on="2025-05-10"))
    assert any("多于登记参加选举" in f.text() and "(2018)第十五条" in f.text() for f in res.errors)
    negative = count_round(Count(700, 400, {"vc_chair": 1}, (Entry("vc_chair", "甲", -1),), on="2025-05-10"))
    assert all(f.basis is None for f in negative.errors)  # plain arithmetic cites nothing

    admin, _ids, election = election_site(store)
    base = ec.round_lines(election)
    lines = tuple(ec.Line(ln.post, ln.name, 8 if ln.name == "张一" else 0, ln.candidate_id, ln.write_in,
                          ln.person_id) for ln in base.lines)
    with pytest.raises(ValidationError, match=r"多于有效选票.*组织法》\(2025\)"):
        ec.save_round(admin, election, ec.RoundInput(base.kind, DAY.isoformat(), 8, 7, 0, lines))
    assert ElectionRound.live().count() == 0
