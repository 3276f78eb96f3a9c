"""设置 → 账号: the administrator's accounts — add, disable/enable, reset a password, unlock.

Each account of a village belongs to a person on the register (`user.person_id`),
so a sign-off can be traced to the person who gave it, and a role
(`models.roles`). Nobody can disable their own account or the last active
administrator: the installation must keep someone who can manage it. A reset
gives a temporary password that must be replaced at the next login.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from peewee import fn

from desktop.services import read_models, record_store, setup_service
from desktop.services.login_throttle import LOCK_AFTER
from desktop.services.read_models import snapshot
from desktop.services.session import Session
from models import passwords
from models.clock import local_display, parse_utc
from models.db import database
from models.entities import MODE_VILLAGE, Person, User
from models.errors import NotFound, ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg
from models.roles import ADMIN_ROLE, ROLES, Permission, role_label

_C = "accounts"

#: Letters and digits that cannot be misread on paper (no 0/O, 1/l/I).
_TEMP_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_TEMP_LENGTH = 10


def _invalid(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


@dataclass(frozen=True)
class AccountRow:
    """One line of the accounts table."""

    id: str
    login: str
    display_name: str
    role: str
    role_label: str
    person_id: str
    person_name: str  # "" when the login belongs to no one on the register (the first administrator)
    active: bool
    locked_until: str  # local time text while locked, else ""
    must_change_password: bool
    last_login: str  # local time text, "" when never


@dataclass(frozen=True)
class PersonChoice:
    """A person on the register an account can belong to."""

    id: str
    name: str
    detail: str  # group and birth month, to tell two people of one name apart
    has_account: str  # the login already bound to this person, else ""


def accounts(session: Session) -> list[AccountRow]:
    """Every account with its person, role and state (administrators only)."""
    session.require(Permission.MANAGE_USERS)
    users = list(User.select().order_by(User.created_at, User.login))
    ids = [u.person_id for u in users if u.person_id]
    names = {p.id: p.name for p in Person.select(Person.id, Person.name).where(Person.id.in_(ids))} if ids else {}
    now = datetime.now(UTC)
    return [AccountRow(
        id=u.id, login=u.login, display_name=u.display_name, role=u.role, role_label=role_label(u.role),
        person_id=u.person_id, person_name=names.get(u.person_id, ""), active=bool(u.active),
        locked_until=(_lock_end(u.locked_until)
                      if u.locked_until and u.failed_logins and parse_utc(u.locked_until) > now
                      and u.failed_logins >= LOCK_AFTER else ""),
        must_change_password=bool(u.must_change_password), last_login=local_display(u.last_login_at),
    ) for u in users]


def _lock_end(until_utc: str) -> str:
    """The lock's end rounded up to the minute, as the refused login says it (`lock_end_words`).

    The person was told "请在 20:18 以后再试" while this list said "到 20:17".
    """
    until = parse_utc(until_utc) + timedelta(seconds=59)
    return until.astimezone().strftime("%Y-%m-%d %H:%M")


def people_choices(search: str = "") -> list[PersonChoice]:
    """People on the register (not left, not deleted) an account can belong to, by name."""
    query = Person.select().where((Person.deleted == False) & (Person.left_on == ""))  # noqa: E712
    search = (search or "").strip()
    if search:
        query = query.where(fn.instr(Person.name, search) > 0)
    bound = {u.person_id: u.login for u in User.select(User.person_id, User.login).where(User.person_id != "")}
    return [PersonChoice(p.id, p.name, _detail(p), bound.get(p.id, ""))
            for p in query.order_by(Person.name, Person.id)]


def _detail(person: Person) -> str:
    """Group, sex and birth (`三组 男 1968.03`): enough to tell two 王芳 apart."""
    born = ""
    if person.birth_year:
        born = f"{person.birth_year}.{person.birth_month:02d}" if person.birth_month else str(person.birth_year)
    return " ".join(part for part in (person.village_group, person.gender, born) if part)


def people_named(name: str) -> list[PersonChoice]:
    """People on the register whose name is exactly `name` (the command line's `--person`)."""
    name = (name or "").strip()
    return [c for c in people_choices(name) if c.name == name]


def roles(session: Session) -> list[tuple[str, str]]:
    """(code, label) of the roles an account can have on this installation."""
    mode = _mode(session)
    return [(code, role_label(code)) for code, (_l, m, _p) in ROLES.items() if m == mode]


def _mode(session: Session) -> str:
    info = session.installation_info()
    return info.mode if info is not None else MODE_VILLAGE


def add_account(session: Session, login: str, person_id: str, role: str,
                password: str, repeat: str | None = None, display_name: str = "") -> read_models.UserView:
    """Add an account for a person on the register (a village) with `role`.

    On a township, which keeps no register of its staff, `display_name` names the
    person instead. The login name is unique ignoring case. The administrator
    typed the password, so its owner must choose their own at the first login
    (as after a reset): only then is a sign-off under this login theirs alone.
    """
    session.require(Permission.MANAGE_USERS)
    mode = _mode(session)
    login = setup_service.validate_login(login)
    if role not in ROLES or ROLES[role][1] != mode:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择这个账号的角色。"))
    person = None
    if person_id or mode == MODE_VILLAGE:
        person = Person.get_or_none((Person.id == (person_id or "")) & (Person.deleted == False))  # noqa: E712
        if person is None:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "请从人员名册选择这个账号属于谁(名册里没有的人,请先在人员名册登记)。"))
        if person.left_on:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "{name}已于 {date} 离开名册,不能再开账号。"),
                           name=person.name, date=person.left_on)
        other = User.get_or_none((User.person_id == person.id) & (User.active == True))  # noqa: E712
        if other is not None:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "{name}已经有账号“{login}”。一个人只用一个账号。"),
                           name=person.name, login=other.login)
        display_name = person.name
    display_name = (display_name or "").strip()
    if not display_name:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写使用这个账号的人的姓名。"))
    setup_service.validate_password(password, repeat)
    with database.atomic():
        taken = User.get_or_none(fn.LOWER(User.login) == login.lower())
        if taken is not None:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "登录名“{login}”已被使用(不区分大小写)。"), login=taken.login)
        return snapshot(record_store.create(
            session, User, login=login, display_name=display_name[:32], role=role,
            password_hash=passwords.hash_password(password), person_id=person.id if person else "",
            must_change_password=True))


def _account(user_id: str) -> User:
    user = User.get_or_none(User.id == user_id)
    if user is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "这个账号已不存在。")))
    return user


def set_active(session: Session, user_id: str, active: bool) -> read_models.UserView:
    """Disable (`active=False`) or enable an account; never oneself, never the last administrator."""
    session.require(Permission.MANAGE_USERS)
    with database.atomic():
        user = _account(user_id)
        if not active:
            if user.id == session.user_id:
                raise _invalid(QT_TRANSLATE_NOOP(_C, "不能停用自己正在使用的账号。"))
            admin = ADMIN_ROLE.get(_mode(session), "admin")
            if user.role == admin and user.active:
                others = User.select().where((User.role == admin) & (User.active == True)  # noqa: E712
                                             & (User.id != user.id)).count()
                if others == 0:
                    raise _invalid(QT_TRANSLATE_NOOP(
                        _C, "“{login}”是最后一个在用的管理员账号,停用后就没有人能管理账号了。请先给另一个人开管理员账号。"),
                        login=user.login)
        return snapshot(record_store.update(session, user, active=bool(active)))


def temporary_password() -> str:
    """A random password to hand over on paper (10 unambiguous letters and digits)."""
    while True:
        word = "".join(secrets.choice(_TEMP_ALPHABET) for _ in range(_TEMP_LENGTH))
        if any(c.isdigit() for c in word) and any(c.isalpha() for c in word):
            return word


def reset_password(session: Session, user_id: str, temporary: str | None = None) -> str:
    """Give the account a temporary password (made up when not given) and return it.

    Its owner must choose a new password at the next login; a lock is lifted.
    """
    session.require(Permission.MANAGE_USERS)
    word = temporary if temporary is not None else temporary_password()
    setup_service.validate_password(word)
    with database.atomic():
        user = _account(user_id)
        record_store.update(session, user, password_hash=passwords.hash_password(word),
                            must_change_password=True, failed_logins=0, locked_until="")
    return word


def unlock(session: Session, user_id: str) -> read_models.UserView:
    """Lift a lock (or the wait after wrong passwords) before it runs out."""
    session.require(Permission.MANAGE_USERS)
    with database.atomic():
        return snapshot(record_store.update(session, _account(user_id), failed_logins=0, locked_until=""))


def account_by_login(session: Session, login: str) -> AccountRow:
    """The account named `login` (ignoring case), for the command line."""
    wanted = (login or "").strip().lower()
    for row in accounts(session):
        if row.login.lower() == wanted:
            return row
    raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "没有登录名为“{login}”的账号。"), login=login))
