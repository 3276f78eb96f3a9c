"""An election written through record_store for the tests of the printed papers (issue 18)."""

from __future__ import annotations

from desktop.services import people_service, record_store
from models.elections.records import (
    Candidate,
    ElectedMember,
    Election,
    ElectionRound,
    ElectionTally,
    ProxyVote,
    Voter,
)

# (name, gender, group, category)
_PEOPLE = [
    ("王建国", "男", "第一组", "resident"), ("李秀英", "女", "第一组", "resident"),
    ("陈<b>明</b>", "男", "第一组", "away"), ("张伟", "男", "第二组", "resident"),
    ("刘芳", "女", "第二组", "incomer"), ("赵强", "男", "第二组", "resident"),
    ("周丽", "女", "第二组", "resident"), ("丁一", "男", "第一组", "resident"),
]



def write_election(admin) -> str:
    """A 2026 election: 8 voters (one taken off), chair 1 seat (2 candidates), members 2 seats, two rounds.

    Returns its id. Names carry HTML (陈<b>明</b>) to prove the papers escape them.
    """
    people = {name: people_service.add_person(admin, name, gender, village_group=group)
              for name, gender, group, _ in _PEOPLE}
    extra = people_service.add_person(admin, "孙离", "男", village_group="第一组")
    e = record_store.create(admin, Election, label="第十二届村民委员会换届选举", election_day="2026-05-20",
                            seats="vc_chair=1,vc_member=2", roll_published_on="2026-04-28",
                            candidates_published_on="2026-05-10", proxies_published_on="2026-05-15",
                            announced_on="2026-05-20", handover_on="2026-05-28",
                            handover_presided_by="村民选举委员会 王某", handover_supervised_by="城关镇 李干部",
                            handover_items="村委会公章 1 枚\n财务账册 <2020-2025>\n")
    voters = {name: record_store.create(admin, Voter, election=e.id, person=people[name].id, category=cat,
                                        village_group=group)
              for name, _, group, cat in _PEOPLE}
    record_store.create(admin, Voter, election=e.id, person=extra.id, village_group="第一组", removed_on="2026-05-01")
    cands = {(name, post): record_store.create(admin, Candidate, election=e.id, person=people[name].id, post=post)
             for name, post in [("王建国", "vc_chair"), ("陈<b>明</b>", "vc_chair"), ("张伟", "vc_member"),
                                ("李秀英", "vc_member"), ("丁一", "vc_member")]}
    record_store.create(admin, ProxyVote, election=e.id, voter=voters["陈<b>明</b>"].id,
                        proxy=voters["王建国"].id, relation="sibling", granted_on="2026-05-12")
    main = record_store.create(admin, ElectionRound, election=e.id, number=1, kind="main", held_on="2026-05-20",
                               ballots_issued=6, ballots_cast=5, invalid_ballots=0)
    for (name, post), votes in {("王建国", "vc_chair"): 3, ("陈<b>明</b>", "vc_chair"): 2, ("张伟", "vc_member"): 4,
                                ("李秀英", "vc_member"): 2, ("丁一", "vc_member"): 1}.items():
        record_store.create(admin, ElectionTally, round=main.id, post=post, candidate=cands[(name, post)].id,
                            votes=votes)
    runoff = record_store.create(admin, ElectionRound, election=e.id, number=2, kind="runoff",
                                 held_on="2026-05-20", ballots_issued=6, ballots_cast=6, invalid_ballots=1)
    record_store.create(admin, ElectionTally, round=runoff.id, post="vc_member",
                        candidate=cands[("李秀英", "vc_member")].id, votes=2)
    record_store.create(admin, ElectionTally, round=runoff.id, post="vc_member", write_in="周丽", votes=1)
    for name, post, rnd, votes in [("王建国", "vc_chair", main, 3), ("张伟", "vc_member", main, 4),
                                   ("李秀英", "vc_member", runoff, 2)]:
        record_store.create(admin, ElectedMember, election=e.id, round=rnd.id, person=people[name].id, post=post,
                            votes=votes)
    return e.id
