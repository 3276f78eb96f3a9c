"""`cunwu users …`: the accounts of 设置 → 账号 from the command line (DESIGN §5).

    cunwu users add --login L (--person NAME | --person-id ID) --role ROLE [--password-stdin]
    cunwu users reset-password L [--password-stdin]
    cunwu users unlock L
    cunwu users list

A password is asked twice on a terminal (never echoed) or read as one line
from standard input with `--password-stdin` (scripts); it never appears on
the command line, where other users of the PC could read it. The command
line acts as the administrator (`session.cli_session`). A name that two
people on the register share is refused with both listed, so the right one
is named with `--person-id`.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from models.errors import ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "cli"


def add_parser(sub: argparse._SubParsersAction, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add `users` and its sub-commands to the `cunwu` parser."""
    users = sub.add_parser("users", help="账号:新增、重设密码、解锁、列出")
    users_sub = users.add_subparsers(dest="users_command", required=True, parser_class=parser_class)
    add = users_sub.add_parser("add", help="为人员名册里的一个人开账号")
    add.add_argument("--login", required=True, help="登录名(2–32 位字母、数字或 _ . -)")
    who = add.add_mutually_exclusive_group(required=True)
    who.add_argument("--person", help="人员名册里的姓名")
    who.add_argument("--person-id", help="人员名册里的人员编号(同名时用)")
    add.add_argument("--role", required=True, help="角色:admin、secretary、committee、viewer(或中文名称)")
    add.add_argument("--password-stdin", action="store_true", help="从标准输入读一行作为密码")
    reset = users_sub.add_parser("reset-password", help="重设密码:给一个临时密码,本人下次登录时改掉")
    reset.add_argument("login", help="登录名")
    reset.add_argument("--password-stdin", action="store_true", help="从标准输入读一行作为临时密码(默认随机生成)")
    unlock = users_sub.add_parser("unlock", help="解除连续输错密码造成的锁定")
    unlock.add_argument("login", help="登录名")
    users_sub.add_parser("list", help="列出账号")
    for command in (add, reset, unlock, users_sub.choices["list"]):
        command.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                             help="以一个 JSON 对象输出结果(同全局 --json)")


def cmd_users(args, paths) -> dict[str, Any]:
    """Run `cunwu users <command>` on the data folder `paths`."""
    from desktop.cli import _open, _require_installation
    from desktop.services.session import cli_session

    _open(paths)
    info = _require_installation()
    session = cli_session(info.mode)
    handler = {"add": _add, "reset-password": _reset, "unlock": _unlock, "list": _list}[args.users_command]
    return handler(args, session)


def _refuse(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def _read_password(from_stdin: bool, twice: bool = True) -> str:
    """One line of standard input, or asked (twice) on the terminal without echo."""
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise _refuse(QT_TRANSLATE_NOOP(_C, "标准输入里没有密码(--password-stdin 读一行)。"))
        return line.rstrip("\r\n")
    if not sys.stdin or not sys.stdin.isatty():
        raise _refuse(QT_TRANSLATE_NOOP(_C, "不在终端上运行时,请用 --password-stdin 从标准输入给出密码。"))
    first = getpass.getpass("密码:")
    if twice and getpass.getpass("再输一次:") != first:
        raise _refuse(QT_TRANSLATE_NOOP(_C, "两次输入的密码不一致。"))
    return first


def _role(session, given: str) -> str:
    from desktop.services import accounts_service

    choices = accounts_service.roles(session)
    for code, label in choices:
        if given in (code, label):
            return code
    raise _refuse(QT_TRANSLATE_NOOP(_C, "没有“{role}”这个角色。可选:{choices}"), role=given,
                  choices=",".join(f"{code}({label})" for code, label in choices))


def _add(args, session) -> dict[str, Any]:
    from desktop.services import accounts_service

    role = _role(session, args.role)
    person_id = args.person_id or ""
    if args.person is not None:
        found = accounts_service.people_named(args.person)
        if not found:
            raise _refuse(QT_TRANSLATE_NOOP(
                _C, "人员名册里没有“{name}”(已离开名册的人不能开账号)。请先在人员名册登记此人。"), name=args.person)
        if len(found) > 1:
            lines = [f"  {c.id}  {c.name} {c.detail}".rstrip() for c in found]
            text = str(msg(_C, QT_TRANSLATE_NOOP(
                _C, "人员名册里有 {count} 个“{name}”,请用 --person-id 指明是哪一个:"),
                count=len(found), name=args.person)) + "\n" + "\n".join(lines)
            sys.stderr.write(text + "\n")
            return {"ok": False, "error": text,
                    "candidates": [{"person_id": c.id, "name": c.name, "detail": c.detail} for c in found]}
        person_id = found[0].id
    password = _read_password(args.password_stdin)
    user = accounts_service.add_account(session, args.login, person_id, role, password, password)
    return {"login": user.login, "person_id": user.person_id, "name": user.display_name, "role": user.role,
            "_lines": [f"已新增账号 {user.login}({user.display_name},{_label(role)})",
                       "本人第一次登录时要换成自己的新密码。"]}


def _label(role: str) -> str:
    from models.roles import role_label

    return role_label(role)


def _reset(args, session) -> dict[str, Any]:
    from desktop.services import accounts_service

    row = accounts_service.account_by_login(session, args.login)
    given = _read_password(True) if args.password_stdin else None
    word = accounts_service.reset_password(session, row.id, given)
    lines = [f"已重设 {row.login} 的密码。本人下次登录时要换成自己的新密码。"]
    if given is None:
        lines.insert(0, f"临时密码:{word}")
    return {"login": row.login, "temporary_password": word if given is None else "", "_lines": lines}


def _unlock(args, session) -> dict[str, Any]:
    from desktop.services import accounts_service

    row = accounts_service.account_by_login(session, args.login)
    accounts_service.unlock(session, row.id)
    return {"login": row.login, "_lines": [f"已解锁 {row.login}。"]}


def _list(args, session) -> dict[str, Any]:
    from desktop.services import accounts_service

    rows = accounts_service.accounts(session)
    users = [{"login": r.login, "name": r.person_name or r.display_name, "person_id": r.person_id,
              "role": r.role, "active": r.active, "locked_until": r.locked_until,
              "must_change_password": r.must_change_password, "last_login": r.last_login} for r in rows]
    lines = [f"{r.login}\t{r.person_name or r.display_name}\t{_label(r.role)}\t"
             f"{'在用' if r.active else '已停用'}{'(已锁定)' if r.locked_until else ''}\t{r.last_login or '从未登录'}"
             for r in rows]
    return {"users": users, "_lines": lines}

