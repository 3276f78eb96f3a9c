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

    assert dialog.isVisible()
    assert "登录名或密码不对" in dialog.message.text()
    assert dialog.password_edit.text() == ""
    assert dialog.focusWidget() is dialog.password_edit
    assert not [w for w in qtbot_top_level_boxes()]  # no dialog spam

    qtbot.keyClicks(dialog.password_edit, ADMIN_PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
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
