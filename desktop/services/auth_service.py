"""Logging in and changing passwords."""

from __future__ import annotations

import logging

from desktop.services import installation, record_store, setup_service
from desktop.services.session import Session
from models import passwords
from models.clock import now_utc
from models.entities import User
from models.errors import AuthenticationFailed, ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg

log = logging.getLogger(__name__)
_C = "auth"


def login(login_name: str, password: str) -> Session:
    """Check the password and return a session. The error never says which part was wrong."""
    user = User.get_or_none((User.login == (login_name or "").strip()) & (User.active == True))  # noqa: E712
    if user is None or not passwords.verify_password(password or "", user.password_hash):
        log.info("failed login for %r", login_name)
        raise AuthenticationFailed(msg(_C, QT_TRANSLATE_NOOP(
            _C, "登录名或密码不对,请再试一次。忘记密码请找本机管理员重设。")))
    session = Session(actor=user.login, role=user.role, display_name=user.display_name,
                      user_id=user.id, installation=installation.current(), person_id=user.person_id)
    User.update(last_login_at=now_utc()).where(User.id == user.id).execute()
    log.info("login %s (%s)", user.login, user.role)
    return session


def change_password(session: Session, old: str, new: str, repeat: str) -> None:
    """Change the session user's own password (the old one is required)."""
    user = User.get_by_id(session.user_id)
    if not passwords.verify_password(old, user.password_hash):
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "原密码不对。")))
    setup_service.validate_password(new, repeat)
    record_store.update(session, user, password_hash=passwords.hash_password(new))
