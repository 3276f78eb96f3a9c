"""设置 → 账号's service: accounts bound to a person on the register, the last administrator kept."""

from __future__ import annotations

import pytest

from desktop.services import accounts_service, auth_service, people_service, setup_service
from models.entities import Person, User
from models.errors import PermissionDenied, ValidationError


def _person(admin, name="王芳", **details):
    return people_service.add_person(admin, name, "女", **details)


def test_an_account_belongs_to_a_person_on_the_register_and_has_a_role(village):
    _, admin = village
    person = _person(admin, village_group="三组", birth_year=1968, birth_month=3)
    choice = [c for c in accounts_service.people_choices() if c.id == person.id][0]
    assert choice.detail == "三组 女 1968.03" and choice.has_account == ""

    user = accounts_service.add_account(admin, "wangfang", person.id, "secretary", "Wenshu-123", "Wenshu-123")
    assert (user.display_name, user.person_id, user.role) == ("王芳", person.id, "secretary")
    rows = {r.login: r for r in accounts_service.accounts(admin)}
    assert rows["wangfang"].person_name == "王芳" and rows["wangfang"].role_label == "村文书/村支书"
    assert rows["wangfang"].active and rows["wangfang"].last_login == ""
    assert auth_service.login("wangfang", "Wenshu-123").person_id == person.id


@pytest.mark.parametrize(("login", "fragment"), [
    ("x", "2 到 32 位"), ("王芳", "2 到 32 位"), ("a" * 33, "2 到 32 位"), ("ADMIN", "已被使用"),
])
def test_bad_or_taken_login_names_are_refused(village, login, fragment):
    _, admin = village
    person = _person(admin)
    with pytest.raises(ValidationError) as err:
        accounts_service.add_account(admin, login, person.id, "viewer", "View-12345", "View-12345")
    assert fragment in str(err.value)
    assert User.select().count() == 1


def test_a_person_not_on_the_register_or_gone_gets_no_account(village):
    _, admin = village
    with pytest.raises(ValidationError) as err:
        accounts_service.add_account(admin, "nobody", "", "viewer", "View-12345", "View-12345")
    assert "请先在人员名册登记" in str(err.value)
    gone = _person(admin, "赵六")
    Person.update(left_on="2026-10-01", left_kind="迁出").where(Person.id == gone.id).execute()
    assert gone.id not in {c.id for c in accounts_service.people_choices()}
    with pytest.raises(ValidationError) as err:
        accounts_service.add_account(admin, "zhaoliu", gone.id, "viewer", "View-12345", "View-12345")
    assert "离开名册" in str(err.value)


def test_one_account_per_person(village):
    _, admin = village
    person = _person(admin)
    accounts_service.add_account(admin, "wangfang", person.id, "viewer", "View-12345", "View-12345")
    with pytest.raises(ValidationError) as err:
        accounts_service.add_account(admin, "wangfang2", person.id, "viewer", "View-12345", "View-12345")
    assert "已经有账号“wangfang”" in str(err.value)


def test_the_last_administrator_and_oneself_cannot_be_disabled(village):
    _, admin = village
    with pytest.raises(ValidationError) as err:
        accounts_service.set_active(admin, admin.user_id, False)
    assert "自己" in str(err.value)
    person = _person(admin)
    second = accounts_service.add_account(admin, "admin2", person.id, "admin", "Guanli-123", "Guanli-123")
    other = auth_service.login("admin2", "Guanli-123")
    accounts_service.set_active(other, admin.user_id, False)  # two administrators: one may go
    with pytest.raises(ValidationError) as err:
        accounts_service.set_active(auth_service.login("admin2", "Guanli-123"), second.id, False)
    assert "自己" in str(err.value)
    accounts_service.set_active(other, admin.user_id, True)
    accounts_service.set_active(admin, second.id, False)
    with pytest.raises(ValidationError) as err:  # admin is now the last active administrator
        accounts_service.set_active(other, admin.user_id, False)
    assert "最后一个在用的管理员" in str(err.value)
    assert User.get_by_id(admin.user_id).active


def test_only_the_administrator_manages_accounts(village):
    _, admin = village
    person = _person(admin)
    setup_service.create_user(admin, "kan", "只读", "viewer", "View-12345")
    viewer = auth_service.login("kan", "View-12345")
    with pytest.raises(PermissionDenied):
        accounts_service.add_account(viewer, "x2", person.id, "viewer", "View-12345", "View-12345")
    with pytest.raises(PermissionDenied):
        accounts_service.reset_password(viewer, admin.user_id)
    with pytest.raises(PermissionDenied):
        accounts_service.accounts(viewer)


def test_reset_gives_a_temporary_password_and_lifts_a_lock(village):
    _, admin = village
    person = _person(admin)
    user = accounts_service.add_account(admin, "wangfang", person.id, "viewer", "View-12345", "View-12345")
    User.update(failed_logins=10, locked_until="2999-01-01T00:00:00.000000Z").where(User.id == user.id).execute()
    word = accounts_service.reset_password(admin, user.id)
    assert len(word) == 10
    row = accounts_service.account_by_login(admin, "wangfang")
    assert row.must_change_password and not row.locked_until
    assert auth_service.login("wangfang", word).must_change_password


def test_a_township_account_names_its_person_without_a_register(store):
    setup_service.initialize("township", "青山镇", "330106001", "zhejiang")
    setup_service.create_user(None, "admin", "管理员", "township_admin", "Admin-1234", "Admin-1234")
    admin = auth_service.login("admin", "Admin-1234")
    assert [code for code, _ in accounts_service.roles(admin)] == ["township_admin", "reviewer", "township_viewer"]
    with pytest.raises(ValidationError) as err:
        accounts_service.add_account(admin, "shenhe", "", "reviewer", "Shenhe-123", "Shenhe-123")
    assert "姓名" in str(err.value)
    with pytest.raises(ValidationError):  # a village's role is not offered here
        accounts_service.add_account(admin, "shenhe", "", "secretary", "Shenhe-123", "Shenhe-123", display_name="赵敏")
    user = accounts_service.add_account(admin, "shenhe", "", "reviewer", "Shenhe-123", "Shenhe-123",
                                        display_name="赵敏")
    assert (user.display_name, user.person_id) == ("赵敏", "")


def test_a_new_account_must_set_its_own_password_at_the_first_login(village):
    """The administrator typed the password: a sign-off under it is the owner's only after a change (issue 15)."""
    _, admin = village
    person = _person(admin)
    accounts_service.add_account(admin, "wangfang", person.id, "committee", "Jianwei-12", "Jianwei-12")
    assert {r.login: r for r in accounts_service.accounts(admin)}["wangfang"].must_change_password
    first = auth_service.login("wangfang", "Jianwei-12")
    assert first.must_change_password
    again = auth_service.set_new_password(first, "Wangfang-34", "Wangfang-34")
    assert not again.must_change_password
    assert not auth_service.login("wangfang", "Wangfang-34").must_change_password


def test_a_village_committee_member_gets_the_village_committee_role(village):
    """设置 → 账号 offers 村委会成员 (records and the 村委会's answers), between the secretary and the 监委会."""
    _, admin = village
    assert [code for code, _ in accounts_service.roles(admin)] == [
        "admin", "secretary", "village_committee", "committee", "viewer"]
    person = _person(admin, "钱主任")
    accounts_service.add_account(admin, "qianzr", person.id, "village_committee", "Cunwei-123", "Cunwei-123")
    assert {r.login: r for r in accounts_service.accounts(admin)}["qianzr"].role_label == "村委会成员"
