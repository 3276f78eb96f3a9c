"""Login: no user enumeration, a growing wait after wrong passwords, a 15-minute lock, hash upgrades."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.services import accounts_service, auth_service, login_throttle, people_service
from models import passwords
from models.entities import AuditEntry, User
from models.errors import AccountLocked, AuthenticationFailed, LoginDelayed
from tests.support.sites import ADMIN_PASSWORD

WRONG = "登录名或密码不对"


def next_local(hour: int, minute: int) -> datetime:
    """The next moment the local clock reads hour:minute, in UTC."""
    now = datetime.now().astimezone()
    at = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return (at if at > now else at + timedelta(days=1)).astimezone(UTC)


class Clock:
    """The login's clock, moved forward by the test instead of sleeping through the waits."""

    def __init__(self, monkeypatch):
        # The next local noon: a run near midnight must not see the lock's end printed with its date,
        # and the clock stays ahead of the real one, which the accounts list compares the lock with.
        self.now = next_local(12, 0)
        monkeypatch.setattr(auth_service, "_now", lambda: self.now)

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def scrypt_calls(monkeypatch):
    """How many times scrypt ran (the work a login does, counted instead of timed)."""
    calls = []
    real = passwords._scrypt

    def counting(*args, **kwargs):
        calls.append(args[2])  # the cost n
        return real(*args, **kwargs)

    monkeypatch.setattr(passwords, "_scrypt", counting)
    return calls


def _refusal(login: str, password: str) -> AuthenticationFailed:
    with pytest.raises(AuthenticationFailed) as err:
        auth_service.login(login, password)
    return err.value


def _disabled_user(admin) -> None:
    person = people_service.add_person(admin, "王芳", "女")
    user = accounts_service.add_account(admin, "wangfang", person.id, "viewer", "View-12345", "View-12345")
    accounts_service.set_active(admin, user.id, False)


def test_unknown_disabled_and_wrong_give_the_same_message_after_the_same_work(village, clock, scrypt_calls):
    _, admin = village
    _disabled_user(admin)
    scrypt_calls.clear()
    texts = []
    for login, password in (("admin", "wrong-pass"), ("nobody", ADMIN_PASSWORD), ("wangfang", "View-12345")):
        before = len(scrypt_calls)
        exc = _refusal(login, password)
        texts.append(str(exc))
        assert type(exc) is AuthenticationFailed
        assert scrypt_calls[before:] == [passwords._cost()]  # one scrypt at today's cost, whoever it is
    assert len(set(texts)) == 1 and WRONG in texts[0]


def test_the_wait_grows_and_is_the_same_for_unknown_logins(village, clock):
    for login in ("admin", "nobody"):
        waits = []
        for _ in range(9):
            exc = _refusal(login, "wrong-pass")
            waits.append(exc.wait_seconds)
            if exc.wait_seconds:
                early = _refusal(login, ADMIN_PASSWORD)  # even the right password waits
                assert isinstance(early, LoginDelayed)
                assert early.wait_seconds == exc.wait_seconds
                assert "秒再试" in str(early)
                clock.advance(exc.wait_seconds)
        assert waits == [0, 0, 1, 2, 4, 8, 16, 30, 30], login


def test_ten_wrong_in_a_row_lock_for_15_minutes_audited_then_the_right_password_works(village, clock):
    for _ in range(9):
        clock.advance(_refusal("admin", "wrong-pass").wait_seconds)
    locked = _refusal("admin", "wrong-pass")
    assert isinstance(locked, AccountLocked)
    end = (clock.now + timedelta(minutes=15, seconds=59)).astimezone()
    assert f"已锁定,请在 {end:%H:%M} 以后再试" in str(locked)
    assert locked.wait_seconds == 15 * 60
    entry = AuditEntry.select().where(AuditEntry.action == login_throttle.AUDIT_LOCKED).get()
    assert '"login":"admin"' in entry.new_values

    clock.advance(14 * 60)
    still = _refusal("admin", ADMIN_PASSWORD)  # the right password too, while locked
    assert isinstance(still, AccountLocked) and f"{end:%H:%M}" in str(still)

    clock.advance(61)
    assert auth_service.login("admin", ADMIN_PASSWORD).actor == "admin"
    user = User.get(User.login == "admin")
    assert (user.failed_logins, user.locked_until) == (0, "")


def test_a_lock_that_ends_after_midnight_names_the_day(village, clock):
    clock.now = next_local(23, 50)
    for _ in range(9):
        clock.advance(_refusal("admin", "wrong-pass").wait_seconds)
    locked = _refusal("admin", "wrong-pass")
    end = (clock.now + timedelta(minutes=15, seconds=59)).astimezone()
    assert end.date() != clock.now.astimezone().date()
    assert f"请在 {end.month}月{end.day}日 {end:%H:%M} 以后再试" in str(locked)


def test_an_unknown_login_locks_the_same_way(village, clock):
    for _ in range(9):
        clock.advance(_refusal("nobody", "wrong-pass").wait_seconds)
    locked = _refusal("nobody", "wrong-pass")
    assert isinstance(locked, AccountLocked) and "已锁定" in str(locked)
    assert AuditEntry.select().where(AuditEntry.action == login_throttle.AUDIT_LOCKED).count() == 1


def test_a_right_password_resets_the_count(village, clock):
    for _ in range(4):
        clock.advance(_refusal("admin", "wrong-pass").wait_seconds)
    auth_service.login("Admin", ADMIN_PASSWORD)  # login names ignore case
    assert _refusal("admin", "wrong-pass").wait_seconds == 0


def test_the_administrator_unlocks(village, clock):
    _, admin = village
    person = people_service.add_person(admin, "李强", "男")
    user = accounts_service.add_account(admin, "liqiang", person.id, "secretary", "Wenshu-123", "Wenshu-123")
    for _ in range(9):
        clock.advance(_refusal("liqiang", "wrong-pass").wait_seconds)
    assert isinstance(_refusal("liqiang", "wrong-pass"), AccountLocked)
    row = accounts_service.account_by_login(admin, "liqiang")
    assert row.locked_until
    accounts_service.unlock(admin, user.id)
    assert not accounts_service.account_by_login(admin, "liqiang").locked_until
    assert auth_service.login("liqiang", "Wenshu-123").role == "secretary"


@pytest.fixture
def strong_kdf(monkeypatch):
    """The program's own scrypt cost (the suite sets a cheap one for speed)."""
    monkeypatch.delenv(passwords.TEST_WEAK_KDF_ENV)


def test_a_real_hash_costs_at_least_2_17_and_an_old_one_is_upgraded_at_login(strong_kdf, village, monkeypatch):
    fresh = passwords.hash_password("Admin-1234")
    assert int(fresh.split("$")[1]) >= 2**17
    assert passwords.verify_password("Admin-1234", fresh)

    monkeypatch.setattr(passwords, "_N", 2**14)  # the cost before issue 15
    old = passwords.hash_password(ADMIN_PASSWORD)
    monkeypatch.undo()
    monkeypatch.delenv(passwords.TEST_WEAK_KDF_ENV)
    assert old.startswith("scrypt$16384$") and passwords.needs_rehash(old)
    User.update(password_hash=old).where(User.login == "admin").execute()

    auth_service.login("admin", ADMIN_PASSWORD)
    upgraded = User.get(User.login == "admin").password_hash
    assert upgraded.startswith("scrypt$131072$8$1$")
    assert passwords.verify_password(ADMIN_PASSWORD, upgraded)
    auth_service.login("admin", ADMIN_PASSWORD)
    assert User.get(User.login == "admin").password_hash == upgraded  # not re-made again



def test_a_wrong_password_for_an_old_hash_costs_no_less_than_an_unknown_login(strong_kdf, village, monkeypatch,
                                                                            scrypt_calls, clock):
    """Until its owner logs in again an account keeps its pre-issue-15 hash (n=2**14); a wrong password
    for it still does an unknown login's work, so a quick refusal does not tell that the login exists."""
    monkeypatch.setattr(passwords, "_N", 2**14)
    old = passwords.hash_password(ADMIN_PASSWORD)
    monkeypatch.setattr(passwords, "_N", 2**17)
    User.update(password_hash=old).where(User.login == "admin").execute()
    scrypt_calls.clear()
    _refusal("nobody", "wrong-pass")
    assert scrypt_calls == [2**17]
    scrypt_calls.clear()
    _refusal("admin", "wrong-pass")
    assert scrypt_calls == [2**14, 2**17]  # the old hash, then an unknown login's work
    assert User.get(User.login == "admin").password_hash == old  # upgraded only by the right password

def test_a_reset_password_must_be_changed_at_the_next_login(village):
    _, admin = village
    person = people_service.add_person(admin, "张伟", "男")
    user = accounts_service.add_account(admin, "zhangwei", person.id, "committee", "Jianwei-12", "Jianwei-12")
    temporary = accounts_service.reset_password(admin, user.id)
    session = auth_service.login("zhangwei", temporary)
    assert session.must_change_password
    assert session.person_id == person.id
    after = auth_service.set_new_password(session, "Mine-45678", "Mine-45678")
    assert not after.must_change_password
    assert not auth_service.login("zhangwei", "Mine-45678").must_change_password
    with pytest.raises(AuthenticationFailed):
        auth_service.login("zhangwei", temporary)


def test_the_accounts_list_gives_the_lock_end_the_refused_person_was_told(village, clock):
    """The refused login said "请在 20:18 以后再试" (rounded up) while 设置 → 账号 said "到 20:17"."""
    import re

    _, admin = village
    person = people_service.add_person(admin, "李强", "男")
    accounts_service.add_account(admin, "liqiang", person.id, "secretary", "Wenshu-123", "Wenshu-123")
    for _ in range(9):
        clock.advance(_refusal("liqiang", "wrong-pass").wait_seconds)
    told = re.search(r"请在 (.+?) 以后再试", str(_refusal("liqiang", "wrong-pass"))).group(1)
    listed = accounts_service.account_by_login(admin, "liqiang").locked_until
    assert listed.endswith(told.split(" ")[-1])
