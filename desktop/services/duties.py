"""Separation of duties: who may sign for the 监委会, and who may answer it for the 村委会.

The 村务监督委员会 supervises the 村委会 and the secretary (组织法 第三十二、三十三条);
its sign-offs (the review of a 村务公开 item, a 民主理财 voucher review, the
steps of a supervision matter, a 民主评议) are worth something only when they
come from a member, in person. So a sign-off is recorded only from the own
login of a person who holds a seat on the committee on the day of the
sign-off: a login with the committee's role (`Permission.COMMITTEE_REVIEW`; the
administrator and the command line do not carry it), bound to a person in the
register (`Session.person_id`), whose seat covers that day (joined on or
before it, not yet left, in a term that covers it).

The 村委会's answer to a matter comes from the other side: a login with the
村委会成员 role whose person holds a 村委会 office (主任, 副主任, 委员) on
that day, or the secretary's login (村文书 keeps the 村委会's records and
writes its answers), and never from the login of a committee member: the
committee does not answer itself. A 只读 login records nothing, whatever
office its person holds.

Each question has one function answering "why not" (a `Message`, None when
allowed), used by the services (which refuse with `PermissionDenied`) and by
the screens (which disable the button and say why); a hidden button is a
convenience, never the protection.
"""

from __future__ import annotations

from datetime import date

from desktop.services import terms_service
from desktop.services.session import Session
from models.entities import Person, User
from models.errors import PermissionDenied
from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.roles import Permission, role_label
from models.supervision.records import CommitteeMember, CommitteeTerm

_C = "duties"
#: 村委会 offices (`PersonRole.role`) whose holders may answer the committee for the 村委会.
VILLAGE_COMMITTEE_OFFICES = ("vc_chair", "vc_vice", "vc_member")
#: Login roles that answer for the 村委会 without holding an office themselves.
ANSWERING_ROLES = ("secretary",)
#: The login role of 村委会 members: it answers only while its person holds a 村委会 office.
VILLAGE_COMMITTEE_ROLE = "village_committee"


def committee_formed() -> bool:
    """Whether the register has any 监委会 seat at all (a village may not have entered its committee yet)."""
    return CommitteeMember.live().join(CommitteeTerm).where(CommitteeTerm.deleted == False).exists()  # noqa: E712


def seat_on(person_id: str, on: date) -> terms_service.SeatRow | None:
    """The seat `person_id` holds on the committee on `on`, or None.

    "Holds a seat on D" is decided in one place, `terms_service.committee_members_on`:
    taken on or before D, not yet left (`left_on` is the first day without
    it), in a term that began on or before D and was not over.
    """
    if not person_id:
        return None
    return next((s for s in terms_service.committee_members_on(on) if s.person_id == person_id), None)


def members_on(on: date) -> list[str]:
    """Person ids of everyone who holds a seat on `on` (for to-do lists and demos)."""
    out: list[str] = []
    for seat in terms_service.committee_members_on(on):
        if seat.person_id not in out:
            out.append(seat.person_id)
    return out


def _person_name(person_id: str) -> str:
    person = Person.get_or_none(Person.id == person_id)
    return person.name if person else ""


def why_not_sign(session: Session, on: date) -> Message | None:
    """Why `session` may not sign for the 监委会 on `on` (None when it may).

    The reasons, in the order a person can act on them: the village has no
    committee in the register yet; the login's role is not the committee's
    (the administrator, the secretary, the command line); the login is not
    bound to a person of the register; that person holds no seat on `on`.
    """
    if not committee_formed():
        return msg(_C, QT_TRANSLATE_NOOP(
            _C, "本村还没有登记村务监督委员会成员:请先在 村务监督 → 成员 中登记,并为委员建立自己的登录账号。"))
    if not session.can(Permission.COMMITTEE_REVIEW):
        return msg(_C, QT_TRANSLATE_NOOP(
            _C, "“{role}”账号不能代表监委会签署:监委会的审核只能由监委会成员用自己的账号登录后完成。"),
            role=role_label(session.role))
    if not session.person_id:
        return msg(_C, QT_TRANSLATE_NOOP(
            _C, "这个账号还没有对应到人员名册中的人,不能代表监委会签署:请管理员在 设置 → 账号 中把它对应到本人。"))
    if seat_on(session.person_id, on) is None:
        return msg(_C, QT_TRANSLATE_NOOP(_C, "{name}在 {day} 不是村务监督委员会成员,不能代表监委会签署。"),
                   name=_person_name(session.person_id) or session.display_name or session.actor,
                   day=on.isoformat())
    return None


def require_committee_signature(session: Session, on: date) -> None:
    """Raise `PermissionDenied` (with the reason) unless `session` may sign for the 监委会 on `on`."""
    reason = why_not_sign(session, on)
    if reason is not None:
        raise PermissionDenied(reason)


def _persons_of_login(login: str) -> str:
    user = User.get_or_none(User.login == login) if login else None
    return user.person_id if user else ""


def why_not_approve_own(session: Session, submitted_by: str) -> Message | None:
    """Why `session` may not approve what `submitted_by` (a login) submitted: it is the same login or person."""
    if not submitted_by:
        return None
    if submitted_by == session.actor or (session.person_id and _persons_of_login(submitted_by) == session.person_id):
        return msg(_C, QT_TRANSLATE_NOOP(_C, "提交这项内容的人不能再审核它:请由另一位监委会成员审核。"))
    return None


def why_not_review(session: Session, on: date, submitted_by: str) -> Message | None:
    """Why `session` may not sign the review of an item `submitted_by` submitted, on `on` (None when it may)."""
    return why_not_sign(session, on) or why_not_approve_own(session, submitted_by)


def holds_village_office(person_id: str, on: date) -> bool:
    """Whether `person_id` holds a 村委会 office (主任, 副主任, 委员) on `on` (`terms_service.office_holders`)."""
    if not person_id:
        return False
    return any(r.person_id == person_id for r in terms_service.office_holders(VILLAGE_COMMITTEE_OFFICES, on))


def why_not_answer(session: Session, on: date) -> Message | None:
    """Why `session` may not record the 村委会's answer to a supervision matter on `on` (None when it may).

    Allowed: a 村委会成员 login whose person holds a 村委会 office on `on`,
    or the secretary's login; refused for a committee member's login (the
    committee does not answer itself), and for every other login (the
    administrator, the command line, a viewer).
    """
    if session.person_id and seat_on(session.person_id, on) is not None:
        return msg(_C, QT_TRANSLATE_NOOP(
            _C, "监委会成员的账号不能登记村委会的答复:请由村委会成员或村文书用自己的账号登记。"))
    if session.role in ANSWERING_ROLES:
        return None
    if session.role == VILLAGE_COMMITTEE_ROLE:
        if holds_village_office(session.person_id, on):
            return None
        if not session.person_id:
            return msg(_C, QT_TRANSLATE_NOOP(
                _C, "这个账号还没有对应到人员名册中的人,不能登记村委会的答复:请管理员在 设置 → 账号 中把它对应到本人。"))
        return msg(_C, QT_TRANSLATE_NOOP(
            _C, "{name}在 {day} 不担任村委会主任、副主任或委员,不能登记村委会的答复。"),
            name=_person_name(session.person_id) or session.display_name or session.actor, day=on.isoformat())
    return msg(_C, QT_TRANSLATE_NOOP(
        _C, "村委会的答复应由村委会成员或村文书用自己的账号登记,“{role}”账号不能代为登记。"),
        role=role_label(session.role))


def why_not_keep_committee_minutes(session: Session) -> Message | None:
    """Why `session` may not write or 审定 the 监委会's own meetings (None when it may).

    The committee records its meetings itself, or the secretary (the
    administrator) keeps them in the books for it; a 村委会成员 login, whose
    office the committee supervises, does not write the supervisor's minutes
    (nor abandon or correct them), whatever `EDIT_RECORDS` lets it do with
    the village's other meetings.
    """
    if session.role == VILLAGE_COMMITTEE_ROLE and not session.can(Permission.COMMITTEE_REVIEW):
        return msg(_C, QT_TRANSLATE_NOOP(
            _C, "村委会成员的账号不能记录监委会的会议:监委会会议由监委会成员或村文书记录。"))
    return None


def require_village_committee(session: Session, on: date) -> None:
    """Raise `PermissionDenied` unless `session` may answer for the 村委会 on `on`."""
    reason = why_not_answer(session, on)
    if reason is not None:
        raise PermissionDenied(reason)
