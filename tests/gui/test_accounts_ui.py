"""设置 → 账号, 设置 → 修改密码, 文件 → 注销 / 切换用户: driven as a person does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desktop.services import accounts_service, auth_service, people_service
from models.entities import User
from tests.support.sites import ADMIN_PASSWORD
from ui.session_keeper import SessionKeeper


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _answer(qtbot, button: QMessageBox.StandardButton) -> None:
    """Click `button` on the message box that is open."""
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()))
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    text = box.text()
    _click(qtbot, box.button(button))
    return text


def test_the_administrator_adds_disables_resets_and_unlocks(qtbot, qtmodeltester, main_window):
    admin = main_window.session()
    person = people_service.add_person(admin, "王芳", "女", village_group="三组")
    dialog = main_window.open_accounts()
    qtbot.waitExposed(dialog)
    assert dialog.table.model().rowCount() == 1 and dialog.table.model().index(0, 0).data() == "admin"

    add = dialog.open_add()
    qtbot.waitExposed(add)
    assert add.empty_register is None
    add.choose_person(person.id)
    add.choose_role("committee")
    qtbot.keyClicks(add.login_edit, "wangfang")
    qtbot.keyClicks(add.password.password_edit, "Jianwei-12")
    qtbot.keyClicks(add.password.repeat_edit, "Jianwei-12")
    _click(qtbot, add.ok_button)
    qtbot.waitUntil(lambda: not add.isVisible())
    assert dialog.table.model().rowCount() == 2
    assert dialog.selected_id() == add.added.id
    # The administrator typed the password: its owner sets their own at the first login (issue 15).
    assert [dialog.table.model().index(1, c).data() for c in (1, 2, 3)] == ["王芳", "监委会主任/委员",
                                                                            "在用 · 待本人设新密码"]
    first = auth_service.login("wangfang", "Jianwei-12")
    assert first.must_change_password
    auth_service.set_new_password(first, "Wangfang-34", "Wangfang-34")
    dialog.refresh()
    dialog.select_login("wangfang")
    assert dialog.table.model().index(1, 3).data() == "在用"

    _click(qtbot, dialog.active_button)  # 停用, asked first
    assert "停用“wangfang”" in _answer(qtbot, QMessageBox.StandardButton.Yes)
    assert dialog.table.model().index(1, 3).data() == "已停用" and dialog.active_button.text() == "启用"
    _click(qtbot, dialog.active_button)
    assert dialog.table.model().index(1, 3).data() == "在用"

    _click(qtbot, dialog.reset_button)
    _answer(qtbot, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: getattr(dialog, "temporary_box", None) is not None)
    word = dialog.temporary_box.text().rpartition(":")[2]
    _click(qtbot, dialog.temporary_box.button(QMessageBox.StandardButton.Ok))  # 知道了
    assert dialog.table.model().index(1, 3).data() == "在用 · 待本人设新密码"
    assert auth_service.login("wangfang", word).must_change_password

    User.update(failed_logins=10, locked_until="2999-01-01T00:00:00.000000Z").where(
        User.login == "wangfang").execute()
    dialog.refresh()
    dialog.select_login("wangfang")
    assert dialog.table.model().index(1, 3).data().startswith("已锁定") and dialog.unlock_button.isEnabled()
    _click(qtbot, dialog.unlock_button)
    assert "已解锁" in dialog.message.text() and not dialog.unlock_button.isEnabled()

    dialog.select_login("admin")  # oneself: refused, with the reason under the table
    _click(qtbot, dialog.active_button)
    _answer(qtbot, QMessageBox.StandardButton.Yes)
    assert "不能停用自己" in dialog.message.text()
    qtmodeltester.check(dialog.model)


def test_an_empty_register_says_where_people_are_added(qtbot, main_window):
    dialog = main_window.open_accounts()
    add = dialog.open_add()
    qtbot.waitExposed(add)
    assert add.empty_register is not None and not add.person_combo.isEnabled()
    assert any("请先在人员名册登记此人" in label.text() for label in add.empty_register.findChildren(QLabel))
    _click(qtbot, add.register_button)
    assert not add.isVisible() and not dialog.isVisible()
    assert main_window.navigation.current_key() == "people"


def test_everyone_changes_their_own_password(qtbot, main_window):
    dialog = main_window.open_change_password()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.old_edit, "wrong-old")
    qtbot.keyClicks(dialog.new_password.password_edit, "Neue-Pass-77")
    qtbot.keyClicks(dialog.new_password.repeat_edit, "Neue-Pass-77")
    assert dialog.new_password.hint.role() == "ok"
    _click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.is_busy())
    assert "原密码不对" in dialog.message.text() and dialog.isVisible()
    dialog.old_edit.setText(ADMIN_PASSWORD)
    qtbot.keyClicks(dialog.new_password.password_edit, "Neue-Pass-77")
    qtbot.keyClicks(dialog.new_password.repeat_edit, "Neue-Pass-77")
    _click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _answer(qtbot, QMessageBox.StandardButton.Ok) == "密码已修改,下次登录请用新密码。"
    assert auth_service.login("admin", "Neue-Pass-77").actor == "admin"


@pytest.fixture
def keeper(qtbot, village, settings_store):
    """A `SessionKeeper` with the administrator's window open; `keeper.quits` counts 退出."""
    paths, admin = village
    quits = []
    keeper = SessionKeeper(paths, settings_store, on_quit=lambda: quits.append(True))
    keeper.quits = quits
    qtbot.waitExposed(keeper.open_window(admin))
    yield keeper
    for widget in (keeper.window, keeper.login_dialog):  # the keeper deletes the windows it replaced
        if widget is not None:
            widget.close()
            widget.deleteLater()


def _log_in(qtbot, dialog, login: str, password: str) -> None:
    qtbot.waitExposed(dialog)
    dialog.login_edit.setText(login)
    dialog.password_edit.setText(password)
    _click(qtbot, dialog.login_button)


def _set_own_password(qtbot, dialog, word: str) -> None:
    """The forced 新密码 screen of a first login: type `word` twice and go on."""
    qtbot.waitUntil(lambda: getattr(dialog, "new_password_page", None) is not None, timeout=10_000)
    qtbot.keyClicks(dialog.new_password.password_edit, word)
    qtbot.keyClicks(dialog.new_password.repeat_edit, word)
    _click(qtbot, dialog.save_password_button)


def test_switch_user_opens_a_new_window_for_the_other_login(qtbot, village, keeper):
    _, admin = village
    person = people_service.add_person(admin, "李强", "男")
    accounts_service.add_account(admin, "liqiang", person.id, "secretary", "Wenshu-123", "Wenshu-123")
    first = keeper.window
    first.switch_action.trigger()
    assert not first.isVisible()
    dialog = keeper.login_dialog
    assert dialog is not None and dialog.login_edit.text() == ""  # another person types their own
    _log_in(qtbot, dialog, "liqiang", "Wenshu-123")
    _set_own_password(qtbot, dialog, "Liqiang-456")  # a new account: the password the admin typed is replaced
    qtbot.waitUntil(lambda: keeper.window is not None and keeper.window.isVisible())
    second = keeper.window
    assert second is not first
    assert second.session().actor == "liqiang" and second.session().person_id == person.id
    assert not second.accounts_action.isEnabled()  # a secretary manages no accounts
    assert second.status.user_label.text() == "当前用户:李强(村文书/村支书)"
    assert not keeper.quits


def test_log_out_then_leave_ends_the_program_and_log_in_again_works(qtbot, keeper):
    first = keeper.window
    first.logout_action.trigger()
    dialog = keeper.login_dialog
    assert dialog.login_edit.text() == "admin"  # 注销: the same person may come back
    _log_in(qtbot, dialog, "admin", ADMIN_PASSWORD)
    qtbot.waitUntil(lambda: keeper.window is not None)
    assert keeper.window is not first and keeper.window.session().actor == "admin"

    keeper.window.logout_action.trigger()
    keeper.login_dialog.reject()  # 退出 on the login dialog
    assert keeper.quits == [True]


def test_log_out_asks_about_unsaved_work_first(qtbot, village_demo, settings_store):
    from tests.gui.test_unsaved_meetings import answer, new_editor

    paths, admin = village_demo
    keeper = SessionKeeper(paths, settings_store, on_quit=lambda: None)
    window = keeper.open_window(admin)
    qtbot.waitExposed(window)
    window.show_area("meetings")
    editor = new_editor(qtbot, window)
    try:
        window.logout_action.trigger()
        answer(qtbot, QMessageBox.StandardButton.Cancel)  # 取消: stay, typing kept, no login
        assert window.isVisible() and editor.is_dirty() and keeper.login_dialog is None
        window.logout_action.trigger()
        answer(qtbot, QMessageBox.StandardButton.Discard)
        assert not window.isVisible() and keeper.login_dialog is not None
    finally:
        for widget in (keeper.window, keeper.login_dialog):
            if widget is not None:
                widget.close()


def _add_with_typed_name(qtbot, add, name: str, login: str) -> None:
    add.person_combo.setEditText(name)  # typed, not picked from the list's "王秀兰(女 1968.03)" lines
    add.choose_role("secretary")
    for edit, text in ((add.login_edit, login), (add.password.password_edit, "Jianwei-12"),
                       (add.password.repeat_edit, "Jianwei-12")):
        edit.setText(text)
    _click(qtbot, add.ok_button)


def test_a_name_typed_without_picking_from_the_list_is_the_person_of_that_name(qtbot, main_window):
    """The list reads "王秀兰(女 1968.03)": typing 王秀兰 and going on used to give 请从人员名册选择."""
    admin = main_window.session()
    chen = people_service.add_person(admin, "陈明", "男", village_group="一组")
    wang = people_service.add_person(admin, "王秀兰", "女", village_group="一组")
    dialog = main_window.open_accounts()
    add = dialog.open_add()
    qtbot.waitExposed(add)
    add.choose_person(chen.id)  # chosen first, then a name typed over it: the name decides
    _add_with_typed_name(qtbot, add, "王秀兰", "wangxl")
    qtbot.waitUntil(lambda: add.added is not None)
    assert User.get(User.login == "wangxl").person_id == wang.id


def test_a_name_two_people_share_must_be_picked_from_the_list(qtbot, main_window):
    admin = main_window.session()
    people_service.add_person(admin, "李强", "男", village_group="一组", birth_year=1970)
    people_service.add_person(admin, "李强", "男", village_group="二组", birth_year=1985)
    dialog = main_window.open_accounts()
    add = dialog.open_add()
    qtbot.waitExposed(add)
    _add_with_typed_name(qtbot, add, "李强", "liqiang")
    assert add.isVisible() and "2 个“李强”" in add.message.text()
    assert not User.select().where(User.login == "liqiang").exists()
    _add_with_typed_name(qtbot, add, "赵无名", "liqiang")
    assert "名册里没有“赵无名”" in add.message.text()


def test_the_add_dialog_offers_the_village_committee_role(qtbot, main_window):
    """村委会成员 is among the roles of 设置 → 账号 → 新增 (issue 15)."""
    people_service.add_person(main_window.session(), "钱主任", "男")
    dialog = main_window.open_accounts()
    qtbot.waitExposed(dialog)
    add = dialog.open_add()
    qtbot.waitExposed(add)
    labels = [add.role_combo.itemText(i) for i in range(add.role_combo.count())]
    assert labels == ["管理员", "村文书/村支书", "村委会成员", "监委会主任/委员", "只读"]
    add.choose_role("village_committee")
    assert add.role_combo.currentText() == "村委会成员"
    add.close()
    dialog.close()
