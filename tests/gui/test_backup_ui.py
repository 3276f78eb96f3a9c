"""文件 → 备份… and 文件 → 从备份恢复… from the main window's menu, on real files in tmp_path."""

from __future__ import annotations

import os
import stat
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import backup
from desktop.services import people_service
from tests.support.sites import ADMIN_PASSWORD
from ui.backup_dialog import BackupDialog
from ui.restore_dialog import RestoreDialog


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _names() -> list[str]:
    return [r.name for r in people_service.register()]


def _from_menu(window, action, kind):
    action.trigger()
    dialogs = [d for d in window.findChildren(kind) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def _back_up(qtbot, window, folder) -> BackupDialog:
    dialog = _from_menu(window, window.backup_action, BackupDialog)
    dialog.set_folder(folder)
    with qtbot.waitSignal(dialog.backed_up, timeout=20000):
        _click(qtbot, dialog.start_button)
    return dialog


def test_back_up_from_the_menu_with_progress_to_a_private_file(qtbot, main_window, village, tmp_path):
    paths, admin = village
    people_service.add_person(admin, "王建国", "男")
    progress = []
    dialog = _from_menu(main_window, main_window.backup_action, BackupDialog)
    assert dialog.folder() == paths.backups  # nothing remembered yet: the installation's backups folder
    dialog.runner.progress.connect(lambda done, total: progress.append((done, total)))
    dialog.set_folder(tmp_path / "U盘")
    with qtbot.waitSignal(dialog.backed_up, timeout=20000) as made:
        _click(qtbot, dialog.start_button)
        assert not dialog.start_button.isEnabled() and dialog.cancel_button.isEnabled()
    target = dialog.made
    assert made.args == [str(target)] and target.parent == tmp_path / "U盘"
    assert backup.summarize(target).counts["人员"] == 1
    assert progress and progress[-1][0] == progress[-1][1] > 0
    assert dialog.progress.value() == dialog.progress.maximum() and not dialog.progress.isVisible()
    assert "备份完成" in dialog.message.text() and str(target) in dialog.message.text()
    assert dialog.start_button.isEnabled() and not dialog.cancel_button.isEnabled()
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    # The folder is remembered, for the next backup and for 选择其他备份文件….
    _click(qtbot, dialog.close_button)
    again = _from_menu(main_window, main_window.backup_action, BackupDialog)
    assert again.folder() == tmp_path / "U盘"


def test_restore_from_the_menu_keeps_the_current_data_and_ends_the_session(
        qtbot, main_window, village, tmp_path):
    paths, admin = village
    people_service.add_person(admin, "王建国", "男")
    made = _back_up(qtbot, main_window, tmp_path / "bk").made
    people_service.add_person(admin, "后来加的人", "女")
    backup.auto_backup(paths.database, paths.backups, datetime(2026, 12, 4, 8, 30))

    dialog = _from_menu(main_window, main_window.restore_action, RestoreDialog)
    assert dialog.model.rowCount() == 1
    assert [dialog.model.index(0, c).data() for c in range(2)] == ["2026-12-04 08:30", "每日自动备份"]
    assert dialog.model.index(0, 2).data().endswith(("KB", "MB"))
    assert not dialog.restore_button.isEnabled()
    dialog.select_row(0)
    assert dialog.restore_button.isEnabled()
    dialog.pick_file(made)  # 选择其他备份文件… (the file dialog hands over the path)
    assert dialog.selected_file() == made and not dialog.table.selectionModel().selectedRows()
    _click(qtbot, dialog.restore_button)
    qtbot.waitUntil(lambda: dialog.pending_box is not None, timeout=20000)
    question = dialog.pending_box.text()
    assert question.startswith("用这个备份替换现在的全部数据吗?")
    assert "备份里的:青山村(330106001001)\n　　人员 1、账号 1," in question
    assert "现在的:青山村(330106001001)\n　　人员 2、账号 1," in question
    assert "另存一份备份" in question and "重新登录" in question
    assert dialog.pending_box.defaultButton() is dialog.pending_box.button(QMessageBox.StandardButton.Cancel)

    with qtbot.waitSignal(main_window.session_ended, timeout=20000) as ended:
        with qtbot.waitSignal(dialog.restored, timeout=20000):
            _click(qtbot, dialog.pending_box.button(QMessageBox.StandardButton.Yes))
        assert _names() == ["王建国"]  # the database was opened again, on the restored file
        box = main_window.restored_box
        assert "数据已经从备份恢复。请重新登录。" in box.text()
        _click(qtbot, box.button(QMessageBox.StandardButton.Ok))
    assert ended.args == ["restored"]
    safety = [b for b in backup.list_backups(paths.backups) if b.reason == "before-restore"]
    assert len(safety) == 1 and backup.summarize(safety[0].path).counts["人员"] == 2
    if os.name == "posix":
        assert stat.S_IMODE(safety[0].path.stat().st_mode) == 0o600


@pytest.mark.parametrize("content", [b"hello, not a backup", b""])
def test_restore_refuses_a_file_that_is_not_our_backup_and_changes_nothing(
        qtbot, main_window, village, tmp_path, content):
    paths, admin = village
    people_service.add_person(admin, "王建国", "男")
    bad = tmp_path / "照片.sqlite3"
    bad.write_bytes(content)
    dialog = _from_menu(main_window, main_window.restore_action, RestoreDialog)
    dialog.pick_file(bad)
    _click(qtbot, dialog.restore_button)
    qtbot.waitUntil(lambda: dialog.message.role() == "error", timeout=20000)
    assert "不是数据库文件" in dialog.message.text() or "不是村务台账的数据库" in dialog.message.text()
    assert dialog.pending_box is None
    assert _names() == ["王建国"]
    assert not list(paths.backups.glob("*before-restore*"))


def test_only_an_administrator_may_restore(qtbot, village, settings_store):
    from desktop.services import auth_service, setup_service
    from ui.main_window import MainWindow

    paths, admin = village
    setup_service.create_user(admin, "wenshu", "村文书", "secretary", "Pass-1234", "Pass-1234")
    secretary = auth_service.login("wenshu", "Pass-1234")
    window = MainWindow(setup_service.current(), secretary, paths, settings_store)
    qtbot.addWidget(window)
    assert window.backup_action.isEnabled() and not window.restore_action.isEnabled()
    assert "管理员" in window.restore_action.statusTip()


def test_nothing_is_restored_while_an_editor_keeps_its_typing(qtbot, village, settings_store, tmp_path):
    """The main window's editors are asked first (保存 / 不保存 / 取消); 取消 there restores nothing."""
    paths, admin = village
    people_service.add_person(admin, "王建国", "男")
    made = backup.create_backup(paths.database, tmp_path / "bk")
    people_service.add_person(admin, "后来加的人", "女")
    asked = []
    dialog = RestoreDialog(admin, paths, settings_store, before_restore=lambda then: (asked.append(1), then(False)))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.pick_file(made)
    _click(qtbot, dialog.restore_button)
    qtbot.waitUntil(lambda: dialog.pending_box is not None, timeout=20000)
    _click(qtbot, dialog.pending_box.button(QMessageBox.StandardButton.Yes))
    assert asked == [1] and not dialog.runner.is_busy()
    assert sorted(_names()) == sorted(["后来加的人", "王建国"])
    assert not list(paths.backups.glob("*before-restore*"))


def test_after_a_restore_the_login_comes_back_for_the_restored_data(qtbot, village, settings_store, tmp_path):
    """文件 → 从备份恢复… in the running program: the window closes and the login asks again (same process)."""
    from ui.session_keeper import SessionKeeper

    paths, admin = village
    made = backup.create_backup(paths.database, tmp_path / "bk")
    keeper = SessionKeeper(paths, settings_store, on_quit=lambda: None)
    window = keeper.open_window(admin)
    qtbot.waitExposed(window)
    dialog = _from_menu(window, window.restore_action, RestoreDialog)
    dialog.pick_file(made)
    _click(qtbot, dialog.restore_button)
    qtbot.waitUntil(lambda: dialog.pending_box is not None, timeout=20000)
    with qtbot.waitSignal(dialog.restored, timeout=20000):
        _click(qtbot, dialog.pending_box.button(QMessageBox.StandardButton.Yes))
    _click(qtbot, window.restored_box.button(QMessageBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: keeper.login_dialog is not None)
    assert not window.isVisible() and keeper.window is None
    login = keeper.login_dialog
    login.login_edit.setText("admin")
    login.password_edit.setText(ADMIN_PASSWORD)
    _click(qtbot, login.login_button)
    qtbot.waitUntil(lambda: keeper.window is not None and keeper.window.isVisible(), timeout=20000)
    keeper.window.close()
    keeper.window.deleteLater()


def test_cancel_stops_a_backup_and_leaves_no_file(qtbot, main_window, village, tmp_path):
    from tests.support.people import insert_people

    paths, _ = village
    insert_people(30_000, "330106001001")  # some megabytes: the copy takes several steps
    assert backup.page_count(paths.database) > 4 * 256
    dialog = _from_menu(main_window, main_window.backup_action, BackupDialog)
    dialog.set_folder(tmp_path / "U盘")
    with qtbot.waitSignal(dialog.runner.busy_changed, timeout=30000,
                          check_params_cb=lambda busy: not busy):
        _click(qtbot, dialog.start_button)
        _click(qtbot, dialog.cancel_button)
    assert dialog.made is None
    assert "已取消,没有留下任何文件" in dialog.message.text()
    assert list((tmp_path / "U盘").iterdir()) == []
    assert dialog.start_button.isEnabled() and dialog.close_button.isEnabled()


@pytest.mark.parametrize("role", ["committee", "viewer"])
def test_backup_is_greyed_for_logins_that_may_not_copy_the_register(qtbot, village, settings_store, role):
    """A 监委会 or 只读 login: 备份 and 从备份恢复 are greyed, saying who may; asked anyway, nothing opens."""
    from desktop.services import auth_service, setup_service
    from ui.main_window import MainWindow

    paths, admin = village
    setup_service.create_user(admin, "kanke", "看客", role, "Pass-1234", "Pass-1234")
    session = auth_service.login("kanke", "Pass-1234")
    window = MainWindow(setup_service.current(), session, paths, settings_store)
    qtbot.addWidget(window)
    assert not window.backup_action.isEnabled() and not window.restore_action.isEnabled()
    tip = window.backup_action.toolTip()
    assert tip == window.backup_action.statusTip() == "备份里有人员名册等个人信息,只有管理员、村文书/村支书可以备份。"
    assert window.open_backup() is None  # a to-do line or a shortcut reaching it: a box, no dialog
    (box,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert tip in box.text()
    box.close()
    assert not window.findChildren(BackupDialog)


def test_a_restore_dialog_of_a_secretary_replaces_nothing(qtbot, village, settings_store, tmp_path):
    """Restore stays the administrator's: even a dialog opened for a secretary refuses before closing the data."""
    from desktop.services.session import Session

    paths, admin = village
    people_service.add_person(admin, "王建国", "男")
    made = backup.create_backup(paths.database, tmp_path / "bk")
    people_service.add_person(admin, "后来加的人", "女")
    dialog = RestoreDialog(Session(actor="wenshu", role="secretary"), paths, settings_store)
    qtbot.addWidget(dialog)
    assert dialog.start_restore(made) is False
    assert dialog.message.role() == "error" and "只有管理员" in dialog.message.text()
    assert sorted(_names()) == sorted(["后来加的人", "王建国"])
