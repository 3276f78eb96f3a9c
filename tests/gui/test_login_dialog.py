"""The login dialog: a wrong password is explained inline, the right one logs in."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.services import setup_service
from tests.support.sites import ADMIN_PASSWORD
from ui.login_dialog import LoginDialog


def _dialog(qtbot, settings_store) -> LoginDialog:
    dialog = LoginDialog(setup_service.current(), settings_store)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def test_wrong_then_right_password(qtbot, village, settings_store):
    paths, _ = village
    dialog = _dialog(qtbot, settings_store)
    assert "青山村" in dialog.windowTitle()
    qtbot.keyClicks(dialog.login_edit, "admin")
    qtbot.keyClicks(dialog.password_edit, "wrong-password")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_busy())  # the check runs on a worker

    assert dialog.isVisible()
    assert "登录名或密码不对" in dialog.message.text()
    assert dialog.password_edit.text() == ""
    assert dialog.focusWidget() is dialog.password_edit
    assert not [w for w in qtbot_top_level_boxes()]  # no dialog spam

    qtbot.keyClicks(dialog.password_edit, ADMIN_PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.is_busy())
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.session.actor == "admin"
    assert json.loads(paths.settings_file.read_text("utf-8"))["last_login"] == "admin"


def test_last_login_is_prefilled_and_demo_hint_shown(qtbot, village, settings_store):
    setup_service.mark_demo()
    settings_store.values.last_login = "admin"
    dialog = _dialog(qtbot, settings_store)
    assert dialog.login_edit.text() == "admin"
    assert dialog.focusWidget() is dialog.password_edit
    assert "demo1234" in dialog.demo_hint.text()


def qtbot_top_level_boxes():
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def _log_in(qtbot, dialog, login, password) -> None:
    dialog.login_edit.setText(login)
    dialog.password_edit.setText(password)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_busy())


def test_the_button_counts_down_the_wait_and_a_lock_says_until_when(qtbot, village, settings_store, monkeypatch):
    from datetime import UTC, datetime, timedelta

    from desktop.services import auth_service

    clock = [datetime.now(UTC)]
    monkeypatch.setattr(auth_service, "_now", lambda: clock[0])
    dialog = _dialog(qtbot, settings_store)
    for _ in range(3):
        _log_in(qtbot, dialog, "nobody", "wrong-pass")
    assert "登录名或密码不对" in dialog.message.text()
    assert not dialog.login_button.isEnabled() and dialog.login_button.text() == "请等 1 秒"
    qtbot.waitUntil(dialog.login_button.isEnabled, timeout=3000)  # counted down by a timer, not a sleep
    assert dialog.login_button.text() == "登录"
    for _ in range(7):  # the tenth wrong password in a row locks
        clock[0] += timedelta(seconds=60)
        dialog._tick.stop()
        dialog._wait_left = 0
        dialog._ready()
        _log_in(qtbot, dialog, "nobody", "wrong-pass")
    assert "已锁定,请在" in dialog.message.text() and "以后再试" in dialog.message.text()
    assert dialog.login_button.text() == "已锁定" and not dialog.login_button.isEnabled()
    qtbot.keyClicks(dialog.login_edit, "x")  # another login name: its own count applies
    assert dialog.login_button.isEnabled()


def test_a_reset_password_asks_for_a_new_one_before_the_session(qtbot, village, settings_store):
    from desktop.services import accounts_service, auth_service, people_service

    _, admin = village
    person = people_service.add_person(admin, "张伟", "男")
    user = accounts_service.add_account(admin, "zhangwei", person.id, "committee", "Jianwei-12", "Jianwei-12")
    temporary = accounts_service.reset_password(admin, user.id)
    dialog = _dialog(qtbot, settings_store)
    _log_in(qtbot, dialog, "zhangwei", temporary)
    assert dialog.isVisible() and dialog.session is None
    assert dialog.new_password_page.isVisible() and not dialog.login_form.isVisible()
    qtbot.keyClicks(dialog.new_password.password_edit, "123")
    assert dialog.new_password.hint.role() == "error"
    dialog.new_password.password_edit.clear()
    qtbot.keyClicks(dialog.new_password.password_edit, "Mine-45678")
    qtbot.keyClicks(dialog.new_password.repeat_edit, "Mine-45678")
    qtbot.mouseClick(dialog.save_password_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert dialog.session.actor == "zhangwei" and not dialog.session.must_change_password
    assert auth_service.login("zhangwei", "Mine-45678").person_id == person.id


def test_the_admin_way_out_is_said_only_after_a_failed_try_and_esc_does_not_quit(qtbot, village, settings_store):
    """"忘记密码请找本机管理员" is no help to the administrator; Esc quit silently (issue 15 walk)."""
    dialog = _dialog(qtbot, settings_store)
    assert not dialog.forgot_hint.isVisible()  # nothing before a try
    rejected: list[bool] = []
    dialog.rejected.connect(lambda: rejected.append(True))
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Escape)
    assert dialog.isVisible() and not rejected
    qtbot.keyClicks(dialog.login_edit, "admin")
    qtbot.keyClicks(dialog.password_edit, "wrong-password")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_busy())
    assert dialog.forgot_hint.isVisible()
    assert dialog.forgot_hint.text().replace("\n", " ") == "管理员忘记密码:在本机命令行运行 cunwu users reset-password 登录名"
    dialog.grab().save("/work/screens/fixd/login_forgot_hint.png")
    qtbot.keyClicks(dialog.login_edit, "x")  # another login: its own story
    dialog.close()  # the window's ✕ still quits
    assert rejected and dialog.result() == QDialog.DialogCode.Rejected
