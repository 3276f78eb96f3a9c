"""Real 监委会 members with their own logins, for tests of the committee's sign-offs.

The committee signs only from the own login of a person who holds a seat on
the day of the sign-off (`desktop.services.duties`). Tests that need a
signature build exactly that: a person in the register, a term, a seat, and a
login bound to the person, then log in as it. A seat can be given an end
(`left_on`), as a member who resigned or was removed.
"""

from __future__ import annotations

from datetime import date

from desktop.services import auth_service, people_service, record_store, setup_service
from desktop.services import supervision_service as sv
from desktop.services.session import Session
from tests.support.sites import ADMIN_PASSWORD

PASSWORD = ADMIN_PASSWORD


def _term(admin: Session, start: date) -> str:
    """An open term that began on or before `start` (made when there is none)."""
    for term in sv.list_terms():
        if term.start_date <= start.isoformat() and (not term.end_date or term.end_date >= start.isoformat()):
            return term.id
    return sv.create_term(admin, "第七届", start).id


def bind(admin: Session, login: str, person_id: str) -> None:
    """Bind the login `login` to the register's `person_id` (what 设置 → 账号 does)."""
    from models.entities import User

    record_store.update(admin, User.get(User.login == login), person_id=person_id)


def login_as(admin: Session, login: str, role: str, person_id: str = "", name: str = "") -> Session:
    """A login of `role`, bound to `person_id` when given, logged in (its session carries the person)."""
    setup_service.create_user(admin, login, name or login, role, PASSWORD)
    if person_id:
        bind(admin, login, person_id)
    return auth_service.login(login, PASSWORD)


def member_login(admin: Session, login: str = "weiyuan", name: str = "周监委", *, start: date = date(2021, 5, 6),
                 joined_on: date | None = None, left_on: date | None = None, chair: bool = False) -> Session:
    """A new villager seated on the committee (from `joined_on`, default the term's start), logged in.

    `left_on` ends the seat on that day (the first day without it).
    """
    from models.supervision.records import CommitteeMember

    person = people_service.add_person(admin, name, "男")
    seat = sv.add_member(admin, _term(admin, start), person.id, chair=chair, joined_on=joined_on or start)
    if left_on is not None:
        record_store.update(admin, CommitteeMember.get_by_id(seat.id), left_on=left_on.isoformat(),
                            left_reason="辞职")
    return login_as(admin, login, "committee", person.id, name)


def village_committee_login(admin: Session, login: str = "zhuren", name: str = "钱主任",
                            start: date = date(2021, 4, 18)) -> Session:
    """A new villager holding the 村委会主任 office from `start`, with their own 村委会成员 login."""
    person = people_service.add_person(admin, name, "男")
    people_service.add_role(admin, person_record(person.id), "vc_chair", start.isoformat())
    return login_as(admin, login, "village_committee", person.id, name)


def person_record(person_id: str):
    """The Person record (the role service takes records)."""
    from models.entities import Person

    return Person.get_by_id(person_id)


REVIEWER_LOGIN = "shenhe_jw"


def reviewer(admin: Session) -> Session:
    """A committee member seated since 2000 with their own login, made once per data folder.

    For tests that need items reviewed on any day and care about what comes
    after the review, not about who signed.
    """
    from models.entities import User

    if not User.select().where(User.login == REVIEWER_LOGIN).exists():
        return member_login(admin, REVIEWER_LOGIN, "郑监委", start=date(2000, 1, 1))
    return auth_service.login(REVIEWER_LOGIN, PASSWORD)
