"""Wrong passwords in a row: a growing wait before the next try, then a 15-minute lock.

Each login name has a count of wrong passwords and a time before which the
next try is refused unread. A login that exists keeps them on its `user`
row (`failed_logins`, `locked_until`); a name that does not exist, or a
disabled account, keeps them in one `app_meta` entry keyed by a hash of the
name. Both follow the same rules, write once per wrong password and give the
same messages, so a stranger cannot tell a real login from an invented one by
how it is refused.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from models import audit
from models.clock import parse_utc
from models.db import database
from models.entities import AppMeta, User
from models.errors import AccountLocked, LoginDelayed
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "auth"

#: The tenth wrong password in a row locks the login for `LOCK_MINUTES`.
LOCK_AFTER = 10
LOCK_MINUTES = 15
#: The longest wait between two tries before the lock.
MAX_DELAY_SECONDS = 30
#: The audit action of a lock (an administrator reads it in the audit log).
AUDIT_LOCKED = "账号锁定"
#: Who the audit row names: nobody has logged in yet when a lock happens.
AUDIT_ACTOR = "登录窗口"

_UNKNOWN_KEY = "login_attempts"
_UNKNOWN_LIMIT = 500  # names kept; a flood of invented names cannot grow the file without end


@dataclass(frozen=True)
class Attempts:
    """Wrong passwords in a row and the UTC time (ISO text, "" for none) before which no try is read."""

    failed: int = 0
    until: str = ""


def delay_after(failed: int) -> int:
    """Seconds to wait after `failed` wrong passwords in a row: 0, 0, 1, 2, 4, 8, 16, 30, 30."""
    if failed < 3:
        return 0
    return min(2 ** (failed - 3), MAX_DELAY_SECONDS)


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def lock_end_words(until: datetime, now: datetime) -> str:
    """The lock's end as a person reads it: `14:35` (local time, rounded up), with the day if not today."""
    local = (until + timedelta(seconds=59)).replace(second=0, microsecond=0).astimezone()
    if local.date() != now.astimezone().date():
        return f"{local.month}月{local.day}日 {local:%H:%M}"
    return f"{local:%H:%M}"


def _locked(until: datetime, now: datetime) -> AccountLocked:
    exc = AccountLocked(msg(_C, QT_TRANSLATE_NOOP(
        _C, "密码连续输错 {count} 次,已锁定,请在 {time} 以后再试。急用请找本机管理员解锁。"),
        count=LOCK_AFTER, time=lock_end_words(until, now)))
    exc.wait_seconds = max(1, math.ceil((until - now).total_seconds()))
    return exc


def refuse_if_waiting(attempts: Attempts, now: datetime) -> Attempts:
    """Raise `AccountLocked` / `LoginDelayed` while `attempts` says wait; else the attempts to go on from.

    A lock that has run out starts the count again from zero.
    """
    if not attempts.until:
        return attempts
    until = parse_utc(attempts.until)
    if until <= now:
        return Attempts() if attempts.failed >= LOCK_AFTER else Attempts(attempts.failed)
    if attempts.failed >= LOCK_AFTER:
        raise _locked(until, now)
    seconds = max(1, math.ceil((until - now).total_seconds()))
    exc = LoginDelayed(msg(_C, QT_TRANSLATE_NOOP(_C, "密码输错了几次,请等 {seconds} 秒再试。"),
                           seconds=seconds))
    exc.wait_seconds = seconds
    raise exc


def after_failure(attempts: Attempts, now: datetime) -> Attempts:
    """The attempts after one more wrong password (the wait, or the lock on the tenth)."""
    failed = attempts.failed + 1
    if failed >= LOCK_AFTER:
        return Attempts(failed, _iso(now + timedelta(minutes=LOCK_MINUTES)))
    delay = delay_after(failed)
    return Attempts(failed, _iso(now + timedelta(seconds=delay)) if delay else "")


def locked_exception(attempts: Attempts, now: datetime) -> AccountLocked:
    """The refusal that tells a just-locked login when it may try again."""
    return _locked(parse_utc(attempts.until), now)


# --- where the attempts are kept -----------------------------------------------------------------


def of_user(user: User) -> Attempts:
    """The attempts kept on an active login's row."""
    return Attempts(user.failed_logins or 0, user.locked_until or "")


def of_name(name: str) -> Attempts:
    """The attempts of a name that is no active login (kept in `app_meta`)."""
    failed, until = _unknown().get(_name_key(name), (0, ""))
    return Attempts(int(failed), str(until))


def store_for_user(user: User, attempts: Attempts) -> None:
    """Write `attempts` to the login's row; a new lock is audited in the same transaction."""
    with database.atomic():
        User.update(failed_logins=attempts.failed, locked_until=attempts.until).where(
            User.id == user.id).execute()
        if attempts.failed == LOCK_AFTER:
            audit.append(AUDIT_ACTOR, AUDIT_LOCKED, "user", str(user.id), None,
                         {"login": user.login, "locked_until": attempts.until})


def store_for_name(name: str, attempts: Attempts) -> None:
    """Write `attempts` for a name that is no active login; a new lock is audited as for a real one."""
    with database.atomic():
        table = _unknown()
        key = _name_key(name)
        if attempts.failed:
            table[key] = (attempts.failed, attempts.until)
        else:
            table.pop(key, None)
        if len(table) > _UNKNOWN_LIMIT:  # keep the latest waits
            table = dict(sorted(table.items(), key=lambda kv: kv[1][1])[-_UNKNOWN_LIMIT:])
        AppMeta.insert(key=_UNKNOWN_KEY, value=json.dumps(table)).on_conflict(
            conflict_target=[AppMeta.key], update={AppMeta.value: json.dumps(table)}).execute()
        if attempts.failed == LOCK_AFTER:
            audit.append(AUDIT_ACTOR, AUDIT_LOCKED, "user", "", None,
                         {"login": name[:32], "locked_until": attempts.until})


def _name_key(name: str) -> str:
    return hashlib.sha256(name.strip().lower().encode("utf-8")).hexdigest()[:24]


def _unknown() -> dict[str, tuple[int, str]]:
    row = AppMeta.get_or_none(AppMeta.key == _UNKNOWN_KEY)
    try:
        data = json.loads(row.value) if row is not None and row.value else {}
    except ValueError:
        data = {}
    return {k: (v[0], v[1]) for k, v in data.items() if isinstance(v, list) and len(v) == 2}
