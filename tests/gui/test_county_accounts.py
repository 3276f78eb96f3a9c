"""A county adds a login for its staff by name (it keeps no register), with the county's roles (issue 19)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from models.entities import User
from tests.support.county import county_into_store
from ui.settings.add_account_dialog import AddAccountDialog


def test_a_county_account_is_named_not_picked_from_a_register(qtbot, store):
    session = county_into_store(townships=1, villages=1)
    dialog = AddAccountDialog(session)
    qtbot.addWidget(dialog)
    roles = [dialog.role_combo.itemData(i) for i in range(dialog.role_combo.count())]
    assert roles == ["county_admin", "county_staff", "county_viewer"]
    dialog.name_edit.setText("王芳")  # keyClicks types ASCII only
    dialog.role_combo.setCurrentIndex(1)
    qtbot.keyClicks(dialog.login_edit, "wangfang")
    qtbot.keyClicks(dialog.password.password_edit, "Minzheng-12")
    qtbot.keyClicks(dialog.password.repeat_edit, "Minzheng-12")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.added is not None, timeout=10_000)
    user = User.get(User.login == "wangfang")
    assert (user.display_name, user.role) == ("王芳", "county_staff")
