"""Logging in and changing passwords.

A refusal never says which part was wrong: an unknown login, a disabled
one and a wrong password get the same message, after the same work (one
scrypt at today's cost: a disabled or unknown login is checked against a
dummy hash) and the same growing wait (`login_throttle`). A login whose
password was reset by the administrator must choose a new one before its
session is used (`must_change_password`; the login dialog asks at once).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from peewee import fn

from desktop.services import installation, login_throttle, record_store, setup_service
from desktop.services.session import Session
from models import passwords
from models.clock import now_utc
from models.db import database
from models.entities import User
from models.errors import AuthenticationFailed, ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg

log = logging.getLogger(__name__)
_C = "auth"


def _now() -> datetime:
    """The current time (UTC); tests move it forward instead of sleeping through the waits."""
    return datetime.now(UTC)


def _find_login(login_name: str) -> User | None:
    """The account named `login_name`, ignoring case (login names are unique case-insensitively)."""
    name = (login_name or "").strip()
    if not name:
        return None
    return User.get_or_none(fn.LOWER(User.login) == name.lower())


def _wrong(wait_seconds: int) -> AuthenticationFailed:
    exc = AuthenticationFailed(msg(_C, QT_TRANSLATE_NOOP(
        _C, "登录名或密码不对,请再试一次。忘记密码请找本机管理员重设。")))
    exc.wait_seconds = wait_seconds
    return exc


def login(login_name: str, password: str) -> Session:
    """Check the password and return a session. The error never says which part was wrong.

    Raises `LoginDelayed` (try again in `wait_seconds`) or `AccountLocked`
    (the message says until when) before reading the password while the
    login must wait; `AuthenticationFailed` for a wrong password, with the
    wait before the next try in `wait_seconds`.
    """
    name = (login_name or "").strip()
    now = _now()
    user = _find_login(name)
    if user is not None and not user.active:
        user = None  # a disabled login is refused exactly like an unknown one
    attempts = login_throttle.of_user(user) if user else login_throttle.of_name(name)
    attempts = login_throttle.refuse_if_waiting(attempts, now)
    stored = user.password_hash if user else passwords.dummy_hash()
    right = passwords.verify_password(password or "", stored)
    if not right and user is not None and passwords.needs_rehash(stored):
        # A hash from before issue 15 (n=2**14) is checked in an eighth of an unknown login's time:
        # a wrong password for it would tell that the login exists. Never cheaper than an unknown one.
        passwords.verify_password(password or "", passwords.dummy_hash())
    if not right or user is None:
        log.info("failed login for %r", name)
        attempts = login_throttle.after_failure(attempts, now)
        if user is not None:
            login_throttle.store_for_user(user, attempts)
        else:
            login_throttle.store_for_name(name, attempts)
        if attempts.failed >= login_throttle.LOCK_AFTER:
            raise login_throttle.locked_exception(attempts, now)
        raise _wrong(login_throttle.delay_after(attempts.failed))
    changes = {User.last_login_at: now_utc(), User.failed_logins: 0, User.locked_until: ""}
    if passwords.needs_rehash(user.password_hash):  # an old, cheaper hash: re-made at today's cost
        changes[User.password_hash] = passwords.hash_password(password)
        log.info("password hash of %s upgraded", user.login)
    User.update(changes).where(User.id == user.id).execute()
    session = Session(actor=user.login, role=user.role, display_name=user.display_name,
                      user_id=user.id, installation=installation.current(), person_id=user.person_id,
                      must_change_password=bool(user.must_change_password))
    log.info("login %s (%s)", user.login, user.role)
    return session


def change_password(session: Session, old: str, new: str, repeat: str) -> None:
    """Change the session user's own password (the old one is required)."""
    user = User.get_by_id(session.user_id)
    if not passwords.verify_password(old, user.password_hash):
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "原密码不对。")))
    _set_own_password(session, user, new, repeat)


def set_new_password(session: Session, new: str, repeat: str) -> Session:
    """After a reset: the new password chosen at login (only while `must_change_password` is set).

    Returns the session to go on with (no longer marked as needing a change).
    """
    user = User.get_by_id(session.user_id)
    if not user.must_change_password:
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "这个账号不需要重设密码,请在“修改密码”里修改。")))
    _set_own_password(session, user, new, repeat)
    return Session(actor=session.actor, role=session.role, display_name=session.display_name,
                   user_id=session.user_id, installation=session.installation,
                   person_id=session.person_id)


def _set_own_password(session: Session, user: User, new: str, repeat: str) -> None:
    setup_service.validate_password(new, repeat)
    if passwords.verify_password(new, user.password_hash):
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "新密码不能和原来的一样。")))
    with database.atomic():
        record_store.update(session, user, password_hash=passwords.hash_password(new),
                            must_change_password=False)
