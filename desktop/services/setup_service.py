"""Creating an installation (first-run wizard, `cunwu init`) and its users."""

from __future__ import annotations

import re

from peewee import fn

from desktop.services import installation, read_models, record_store
from desktop.services.installation import InstallationInfo
from desktop.services.read_models import snapshot
from desktop.services.session import SETUP, Session
from models import division_code, passwords
from models.db import database
from models.entities import (
    MODE_COUNTY,
    MODE_TOWNSHIP,
    MODE_VILLAGE,
    MODES,
    Installation,
    Township,
    User,
    Village,
)
from models.errors import ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg
from models.provinces import PROVINCES
from models.roles import ADMIN_ROLE, ROLES, Permission

_C = "setup"
_LOGIN = re.compile(r"^[A-Za-z0-9_.\-]{2,32}$")
# An installation's name travels in every package and 入网文件 and is printed on documents: no control,
# bidi-override or invisible characters (they make it show as another name) and no lone surrogates.
_UNPRINTABLE_NAME = re.compile("[\x00-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")


def _invalid(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def current() -> InstallationInfo | None:
    """This installation, or None before the first-run wizard has finished (read once, see `installation`)."""
    return installation.current()


def validate_name(name: str) -> str:
    """A village or township name: 2–32 characters, trimmed."""
    name = (name or "").strip()
    if not 2 <= len(name) <= 32:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "名称应为 2 到 32 个字,例如“青山村”或“城关镇”。"))
    if _UNPRINTABLE_NAME.search(name):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "名称里有不能显示的控制字符,请重新输入。"))
    return name


_KINDS = {MODE_VILLAGE: division_code.VILLAGE, MODE_TOWNSHIP: division_code.TOWNSHIP,
          MODE_COUNTY: division_code.COUNTY}


def validate_code(code: str, mode: str = MODE_VILLAGE, township_code: str | None = None,
                  county_code: str | None = None) -> str:
    """A 统计用区划代码 of the right structure: 12 digits for a village, 9 for a township, 6 for a county.

    See `models.division_code`.

    Args:
        code: as typed.
        mode: MODE_VILLAGE, MODE_TOWNSHIP or MODE_COUNTY: whose code it is.
        township_code: for a village, its township's code, which must be the prefix of the village's.
        county_code: for a township, its county's code, which must be the prefix of the township's.

    Raises:
        ValidationError: saying what is expected (a 10-digit village code: “应为 12 位数字”).
    """
    found = division_code.problem(code, _KINDS.get(mode, division_code.VILLAGE), township_code, county_code)
    if found is not None:
        raise ValidationError(found)
    return (code or "").strip()


def initialize(mode: str, name: str, code: str, province: str = "national",
               township_code: str | None = None) -> InstallationInfo:
    """Create the installation row and its own village or township record.

    A county has no record of its own: its townships and their villages arrive in
    their 县级汇总包 (`desktop.sync.county_import`).
    """
    if mode not in MODES:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "模式只能是“村”(village)、“乡镇”(township)或“县”(county)。"))
    name = validate_name(name)
    if township_code and mode == MODE_VILLAGE:
        validate_code(township_code, MODE_TOWNSHIP)
    code = validate_code(code, mode, township_code)
    if province not in PROVINCES:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "不认识的省份配置:{province}"), province=province)
    if current() is not None:
        info = current()
        raise _invalid(QT_TRANSLATE_NOOP(
            _C, "这个数据文件夹已经初始化为“{name}”({code}),不能重复初始化。"),
            name=info.name, code=info.code)
    with installation.changing(), database.atomic():
        Installation.create(id=1, mode=mode, code=code, name=name, province=province)
        if mode == MODE_VILLAGE:
            record_store.create(SETUP, Village, owner=code, code=code, name=name,
                                province=province, township_code=township_code)
        elif mode == MODE_TOWNSHIP:
            record_store.create(SETUP, Township, owner=code, code=code, name=name, province=province)
    return current()


def mark_demo() -> None:
    """Flag the installation as holding demo data (the login screen says so)."""
    with installation.changing():
        Installation.update(is_demo=True).where(Installation.id == 1).execute()


def has_users() -> bool:
    """Whether any active login exists (else the GUI asks for an administrator)."""
    return User.select().where(User.active == True).exists()  # noqa: E712


def validate_login(login: str) -> str:
    """Login names: 2–32 letters, digits, `_ . -` (easy to type on any keyboard)."""
    login = (login or "").strip()
    if not _LOGIN.match(login):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "登录名应为 2 到 32 位字母、数字或 _ . -,例如 admin、wenshu。"))
    return login


def validate_password(password: str, repeat: str | None = None) -> str:
    """Refuse weak passwords and mismatched repeats, with the reason."""
    score, hint = passwords.strength(password or "")
    if score == 0:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "密码不能使用:{hint}"), hint=hint)
    if repeat is not None and repeat != password:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "两次输入的密码不一致。"))
    return password


def create_user(session: Session | None, login: str, display_name: str, role: str,
                password: str, repeat: str | None = None) -> read_models.UserView:
    """Add a login. The first administrator may be created without a session."""
    info = current()
    if info is None:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请先完成初始化,再创建账号。"))
    if session is None:
        if has_users():
            raise _invalid(QT_TRANSLATE_NOOP(_C, "已经有管理员账号,请登录后再添加账号。"))
        session = SETUP
        if role != ADMIN_ROLE[info.mode]:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "第一个账号必须是管理员。"))
    else:
        session.require(Permission.MANAGE_USERS)
    login = validate_login(login)
    display_name = (display_name or "").strip() or login
    if role not in ROLES or ROLES[role][1] != info.mode:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这个角色不适用于本机的模式。"))
    validate_password(password, repeat)
    if User.select().where(fn.LOWER(User.login) == login.lower()).exists():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "登录名“{login}”已被使用。"), login=login)
    return snapshot(record_store.create(
        session, User, login=login, display_name=display_name, role=role,
        password_hash=passwords.hash_password(password),
    ))


def is_township() -> bool:
    """Whether this installation runs in township mode."""
    info = current()
    return info is not None and info.mode == MODE_TOWNSHIP


def is_county() -> bool:
    """Whether this installation runs in county mode."""
    info = current()
    return info is not None and info.mode == MODE_COUNTY


def initialize_with_admin(mode: str, name: str, code: str, province: str, login: str,
                          display_name: str, password: str, repeat: str) -> read_models.UserView:
    """Create the installation and its first administrator, or nothing at all.

    The first-run wizard uses this: done as two calls, a refused administrator
    would leave an installation without a login that the wizard could never
    finish again ("已经初始化"). One transaction lets the person correct the
    field and press 完成 again.

    Raises:
        ValidationError: any rule of `initialize` or `create_user` is broken;
            nothing is written.
    """
    # Validate before the slow scrypt hash runs inside the write lock.
    validate_password(password, repeat)
    with installation.changing(), database.atomic():
        initialize(mode, name, code, province)
        return create_user(None, login, display_name, ADMIN_ROLE[mode], password, repeat)


def set_province(session: Session, province: str) -> InstallationInfo:
    """Change the province profile (an administrator's decision; audited)."""
    session.require(Permission.MANAGE_USERS)
    if province not in PROVINCES:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "不认识的省份配置:{province}"), province=province)
    info = current()
    if info is None:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请先完成初始化。"))
    with installation.changing(), database.atomic():
        inst = Installation.get_by_id(1)
        record_store.update(session, inst, province=province)
        own = (Village if info.mode == MODE_VILLAGE else Township)
        row = own.get_or_none(own.code == info.code)
        if row is not None:
            record_store.update(session, row, province=province)
    return current()
