from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.services import auth_service, people_service, setup_service
from models import passwords
from models.entities import User
from models.errors import AuthenticationFailed, PermissionDenied, ValidationError


def test_initialize_village_creates_its_own_village_record(store):
    info = setup_service.initialize("village", " 青山村 ", "330106001001", "zhejiang")
    assert (info.mode, info.name, info.code, info.province) == ("village", "青山村", "330106001001", "zhejiang")
    from models.entities import Village

    assert Village.get(Village.code == "330106001001").owner == "330106001001"


@pytest.mark.parametrize(
    ("mode", "name", "code", "fragment"),
    [
        ("village", "村", "330106001001", "名称应为"),
        ("village", "青山村", "33-01", "村代码应为 12 位数字"),  # issue 15: the 统计用区划代码 structure
        ("city", "青山村", "330106001001", "模式只能是"),
    ],
)
def test_initialize_refuses_bad_input_in_chinese(store, mode, name, code, fragment):
    with pytest.raises(ValidationError) as err:
        setup_service.initialize(mode, name, code)
    assert fragment in str(err.value)
    assert setup_service.current() is None


def test_initialize_twice_is_refused(store):
    setup_service.initialize("township", "城关镇", "330106001")
    with pytest.raises(ValidationError) as err:
        setup_service.initialize("village", "青山村", "330106001001")
    assert "不能重复初始化" in str(err.value)


def test_first_user_must_be_admin_and_later_users_need_a_session(store):
    setup_service.initialize("village", "青山村", "330106001001")
    with pytest.raises(ValidationError):
        setup_service.create_user(None, "wenshu", "村文书", "secretary", "Pass-1234")
    setup_service.create_user(None, "admin", "管理员", "admin", "Pass-1234", "Pass-1234")
    with pytest.raises(ValidationError):
        setup_service.create_user(None, "second", "第二", "admin", "Pass-1234")
    admin = auth_service.login("admin", "Pass-1234")
    setup_service.create_user(admin, "wenshu", "村文书", "secretary", "Pass-5678")
    with pytest.raises(ValidationError) as err:
        setup_service.create_user(admin, "reviewer1", "审核", "reviewer", "Pass-5678")
    assert "不适用于本机的模式" in str(err.value)


@pytest.mark.parametrize(("password", "repeat", "fragment"), [
    ("12345", "12345", "太短"),
    ("123456", "123456", "太容易猜到"),
    ("aaaaaaaa", "aaaaaaaa", "太容易猜到"),
    ("Good-Pass1", "Good-Pass2", "不一致"),
])
def test_weak_or_mismatched_passwords_are_refused(store, password, repeat, fragment):
    setup_service.initialize("village", "青山村", "330106001001")
    with pytest.raises(ValidationError) as err:
        setup_service.create_user(None, "admin", "管理员", "admin", password, repeat)
    assert fragment in str(err.value)
    assert not setup_service.has_users()


@pytest.fixture
def strong_kdf(monkeypatch):
    """The program's own scrypt cost (the suite sets a cheap one for speed); request it first."""
    monkeypatch.delenv(passwords.TEST_WEAK_KDF_ENV)


def test_passwords_are_stored_as_scrypt_hashes(strong_kdf, village):
    user = User.get(User.login == "admin")
    assert user.password_hash.startswith("scrypt$131072$8$1$")
    assert "Admin-1234" not in user.password_hash
    assert passwords.verify_password("Admin-1234", user.password_hash)
    assert not passwords.verify_password("admin-1234", user.password_hash)
    assert not passwords.verify_password("x", "garbage")


def test_the_program_hashes_with_the_strong_cost_and_only_the_suite_with_a_cheap_one():
    env = {k: v for k, v in os.environ.items() if k != passwords.TEST_WEAK_KDF_ENV}
    code = "from models import passwords; print(passwords.hash_password('Admin-1234'))"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2]).stdout
    assert out.startswith("scrypt$131072$8$1$")
    assert passwords.hash_password("Admin-1234").startswith("scrypt$16$8$1$")  # this suite only
    assert passwords.verify_password("Admin-1234", out.strip())


def test_an_installed_build_ignores_the_suites_cheap_cost(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # what PyInstaller sets (Windows and .deb)
    assert passwords.hash_password("Admin-1234").startswith("scrypt$131072$8$1$")


def test_login_failure_does_not_say_which_part_was_wrong(village):
    for login, pw in (("admin", "wrong"), ("nobody", "Admin-1234")):
        with pytest.raises(AuthenticationFailed) as err:
            auth_service.login(login, pw)
        assert "登录名或密码不对" in str(err.value)


def test_change_password(village):
    _, admin = village
    with pytest.raises(ValidationError):
        auth_service.change_password(admin, "bad-old", "New-Pass-99", "New-Pass-99")
    auth_service.change_password(admin, "Admin-1234", "New-Pass-99", "New-Pass-99")
    auth_service.login("admin", "New-Pass-99")
    with pytest.raises(AuthenticationFailed):
        auth_service.login("admin", "Admin-1234")


def test_permissions_are_enforced_in_services(village):
    _, admin = village
    setup_service.create_user(admin, "kan", "只读用户", "viewer", "View-1234")
    setup_service.create_user(admin, "jw", "监委会", "committee", "View-1234")
    viewer = auth_service.login("kan", "View-1234")
    committee = auth_service.login("jw", "View-1234")
    with pytest.raises(PermissionDenied) as err:
        people_service.add_person(viewer, "王五", "男")
    assert "只读" in str(err.value)
    with pytest.raises(PermissionDenied):
        setup_service.create_user(committee, "x1", "x", "viewer", "View-1234")
    assert people_service.register() == []


def test_close_relatives_follow_declared_links_both_ways(village):
    _, admin = village
    father = people_service.add_person(admin, "王建国", "男")
    son = people_service.add_person(admin, "王小明", "男")
    inlaw = people_service.add_person(admin, "李翠花", "女")
    people_service.add_kinship(admin, father, son, "parent")
    people_service.add_kinship(admin, inlaw, son, "in_law")
    assert people_service.close_relatives(son.id) == {father.id}
    assert people_service.close_relatives(father.id) == {son.id}
    with pytest.raises(ValidationError):
        people_service.add_kinship(admin, son, son, "sibling")


def test_register_search_finds_two_character_chinese_substrings(village):
    _, admin = village
    for name in ("王建国", "李建华", "张秀英"):
        people_service.add_person(admin, name, "男")
    assert [r.name for r in people_service.register("建")] == ["李建华", "王建国"] or \
        sorted(r.name for r in people_service.register("建")) == ["李建华", "王建国"]
    assert [r.name for r in people_service.register("秀英")] == ["张秀英"]


def test_initialize_with_admin_is_all_or_nothing(store):
    with pytest.raises(ValidationError):
        setup_service.initialize_with_admin("village", "青山村", "330106001001", "national",
                                            "a b", "管理员", "Good-Pass-1", "Good-Pass-1")
    assert setup_service.current() is None and not setup_service.has_users()
    setup_service.initialize_with_admin("village", "青山村", "330106001001", "national",
                                        "admin", "管理员", "Good-Pass-1", "Good-Pass-1")
    assert setup_service.current().name == "青山村" and setup_service.has_users()
