"""Township data for the 换届 board's tests: villages enrolled and their election records as packages bring them.

The records are written the way the importer writes them (`tests.support.imported`),
owned by the village's code, so the board reads exactly what a township holds.
"""

from __future__ import annotations

from models.elections.records import ElectedMember, Election, ElectionRound, Voter
from models.entities import Person, PersonRole
from models.sync.records import PackageLog, Peer
from tests.support.imported import imported


def enrol(code: str, name: str, sent: bool = True) -> None:
    """An enrolled village; `sent`: one package of it imported (2026-08-20)."""
    Peer.create(code=code, name=name, kind="village", status="active")
    if sent:
        PackageLog.create(direction="in", peer_code=code, number=1, created_at="2026-08-20T08:00:00Z",
                          status="imported")


def person(owner: str, name: str, gender: str, **values) -> Person:
    """A person of the village's register."""
    return imported(Person, owner=owner, name=name, gender=gender, **values)


def held_election(owner: str, cast: int, women: bool = True, voters: int = 10, **dates) -> Election:
    """A 换届 voted on 2026-05-10 with `voters` on the list (one more taken off it) and two members elected.

    `dates` override the election's step dates (e.g. handover_on="").
    """
    values = dict(election_day="2026-05-10", seats="vc_chair=1,vc_member=1", committee_chosen_on="2026-03-20",
                  roll_published_on="2026-04-20", candidates_published_on="2026-05-01",
                  announced_on="2026-05-10", handover_on="2026-05-15", audit_published_on="2026-05-01")
    values.update(dates)
    e = imported(Election, owner=owner, kind="general", label="第十二届村民委员会换届选举", **values)
    people = [person(owner, f"{owner[-2:]}选民{i}", "男") for i in range(voters + 1)]
    for i, p in enumerate(people):
        imported(Voter, owner=owner, election=e, person=p, removed_on="2026-05-01" if i == voters else "")
    r = imported(ElectionRound, owner=owner, election=e, number=1, kind="main", held_on=values["election_day"],
                 ballots_issued=cast, ballots_cast=cast)
    chair = person(owner, f"{owner[-2:]}主任", "男", birth_year=1975, political_status="中共党员", education="大专")
    member = person(owner, f"{owner[-2:]}委员", "女" if women else "男", birth_year=1990)
    for p, post in ((chair, "vc_chair"), (member, "vc_member")):
        role = imported(PersonRole, owner=owner, person=p, role=post, start_date=values["election_day"])
        imported(ElectedMember, owner=owner, election=e, round=r, person=p, post=post, votes=cast, role=role)
    imported(PersonRole, owner=owner, person=chair, role="party_secretary", start_date="2021-03-01")
    return e


def planned_election(owner: str, **dates) -> Election:
    """A 换届 under way: only the dates given."""
    return imported(Election, owner=owner, kind="general", label="第十二届村民委员会换届选举", **dates)
