"""`cunwu users …` driven as a script would: real processes, a real data folder."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop.paths import AppPaths
from tests.unit.test_cli import ROOT, as_json, cunwu


@pytest.fixture
def folder(tmp_path):
    """A village data folder with two 王芳 and one 李强 on the register (no accounts yet)."""
    data = tmp_path / "data"
    out = cunwu("init", "village", "--name", "青山村", "--code", "330106001001", data_dir=data)
    assert out.returncode == 0, out.stderr
    from desktop.services import people_service
    from desktop.services.session import cli_session
    from desktop.storage import open_store
    from models.db import close_database

    open_store(AppPaths(data))
    session = cli_session("village")
    ids = {"一组": people_service.add_person(session, "王芳", "女", village_group="一组").id,
           "三组": people_service.add_person(session, "王芳", "女", village_group="三组").id,
           "李强": people_service.add_person(session, "李强", "男").id}
    close_database()
    return data, ids


def run(data, *args, password: str | None = None):
    """`cunwu --data-dir data args…`, with `password` as the one line of standard input when given."""
    if password is None:
        return cunwu(*args, data_dir=data)
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
                          input=password + "\n", capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_add_reset_unlock_and_list(folder):
    data, ids = folder
    out = run(data, "users", "add", "--login", "liqiang", "--person", "李强", "--role", "secretary",
              "--password-stdin", "--json", password="Wenshu-123")  # --json after the sub-command
    assert out.returncode == 0, out.stderr
    assert as_json(out) == {"login": "liqiang", "person_id": ids["李强"], "name": "李强", "role": "secretary"}

    out = run(data, "--json", "users", "reset-password", "liqiang")
    assert out.returncode == 0, out.stderr
    word = as_json(out)["temporary_password"]
    assert len(word) == 10

    out = run(data, "users", "reset-password", "LiQiang", "--password-stdin", password="Linshi-888")
    assert out.returncode == 0, out.stderr
    assert "已重设 liqiang 的密码" in out.stdout and "Linshi-888" not in out.stdout

    out = run(data, "users", "list", "--json")
    rows = {u["login"]: u for u in as_json(out)["users"]}
    assert rows["liqiang"]["must_change_password"] and rows["liqiang"]["name"] == "李强"
    assert run(data, "users", "unlock", "liqiang").returncode == 0


def test_a_shared_name_is_refused_with_both_listed(folder):
    data, ids = folder
    out = run(data, "--json", "users", "add", "--login", "wangfang", "--person", "王芳", "--role", "viewer",
              "--password-stdin", password="View-12345")
    assert out.returncode == 1
    assert "有 2 个“王芳”" in out.stderr and "--person-id" in out.stderr
    assert {c["person_id"] for c in as_json(out)["candidates"]} == {ids["一组"], ids["三组"]}
    out = run(data, "users", "add", "--login", "wangfang", "--person-id", ids["三组"], "--role", "监委会主任/委员",
              "--password-stdin", password="View-12345")
    assert out.returncode == 0, out.stderr
    assert "已新增账号 wangfang(王芳,监委会主任/委员)" in out.stdout


@pytest.mark.parametrize(("args", "fragment"), [
    (("--person", "赵六", "--role", "viewer"), "请先在人员名册登记此人"),
    (("--person", "李强", "--role", "boss"), "没有“boss”这个角色"),
])
def test_refusals_exit_1_with_the_reason(folder, args, fragment):
    data, _ = folder
    out = run(data, "users", "add", "--login", "someone", *args, "--password-stdin", password="View-12345")
    assert out.returncode == 1 and fragment in out.stderr


def test_without_a_terminal_the_password_must_come_from_stdin(folder):
    data, _ = folder
    out = run(data, "users", "add", "--login", "liqiang", "--person", "李强", "--role", "viewer")
    assert out.returncode == 1 and "--password-stdin" in out.stderr
    assert run(data, "users", "reset-password", "nobody").returncode == 1


def test_an_account_added_on_the_command_line_must_set_its_own_password(folder):
    """`users add`: the administrator knows the password, so its owner replaces it at the first login."""
    data, _ids = folder
    out = run(data, "users", "add", "--login", "liqiang", "--person", "李强", "--role", "secretary",
              "--password-stdin", password="Wenshu-123")
    assert out.returncode == 0, out.stderr
    assert "第一次登录时要换成自己的新密码" in out.stdout
    rows = {u["login"]: u for u in as_json(run(data, "users", "list", "--json"))["users"]}
    assert rows["liqiang"]["must_change_password"]


def test_the_village_committee_role_by_its_label(folder):
    """`--role 村委会成员` (or village_committee) gives a 村委会 member their account."""
    data, ids = folder
    out = run(data, "users", "add", "--login", "liqiang", "--person", "李强", "--role", "村委会成员",
              "--password-stdin", "--json", password="Cunwei-123")
    assert out.returncode == 0, out.stderr
    assert as_json(out)["role"] == "village_committee"
    out = run(data, "users", "add", "--login", "x2", "--person", "李强", "--role", "nosuch", "--password-stdin",
              password="Cunwei-123")
    assert out.returncode == 1 and "village_committee(村委会成员)" in out.stderr


def _typing_on_a_terminal(data, args: list[str], answers: dict[str, str]):
    """Run `cunwu` on its own terminal (a pty as controlling tty) and type each answer once its prompt shows.

    getpass reads /dev/tty with echo off and flushes what was typed before its
    prompt, so every answer waits for its prompt, as a person would.
    """
    import fcntl
    import os
    import select
    import termios
    import time

    primary, secondary = os.openpty()

    def own_terminal():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    proc = subprocess.Popen([sys.executable, "-m", "desktop", "--data-dir", str(data), *args], stdin=secondary,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, preexec_fn=own_terminal)
    os.close(secondary)
    screen, pending = "", list(answers.items())
    deadline = time.monotonic() + 60
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            ready, _, _ = select.select([primary], [], [], 0.2)
            if ready:
                try:
                    screen += os.read(primary, 1024).decode("utf-8", "replace")
                except OSError:
                    break
            if pending and pending[0][0] in screen:
                prompt, answer = pending.pop(0)
                screen = screen.replace(prompt, "", 1)
                os.write(primary, (answer + "\n").encode())
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(primary)
    return proc.returncode, out.decode("utf-8"), err.decode("utf-8"), screen


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
def test_on_a_terminal_the_password_is_asked_twice_without_echo(folder):
    """`users add` without --password-stdin on a terminal asks twice (DESIGN §5); two different answers refuse."""
    data, ids = folder
    args = ["users", "add", "--login", "liqiang", "--person", "李强", "--role", "secretary"]
    code, _out, err, screen = _typing_on_a_terminal(data, args, {"密码:": "Wenshu-123", "再输一次:": "Wenshu-999"})
    assert code == 1 and "两次输入的密码不一致" in err
    code, out, err, screen = _typing_on_a_terminal(data, args, {"密码:": "Wenshu-123", "再输一次:": "Wenshu-123"})
    assert code == 0, err
    assert "已新增账号 liqiang" in out and "Wenshu-123" not in screen  # never echoed
    from desktop.services import auth_service
    from desktop.storage import open_store
    from models.db import close_database

    open_store(AppPaths(data), backup_before_migration=False)
    try:
        session = auth_service.login("liqiang", "Wenshu-123")
        assert session.person_id == ids["李强"] and session.must_change_password
    finally:
        close_database()
