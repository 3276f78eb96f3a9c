"""The main window: navigation switches pages, status bar, font size, about."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from desktop.services import people_service
from tests.support.typing import type_text
from ui.main_window import MainWindow
from ui.pages.home_page import HomePage
from ui.people.register_page import RegisterPage


def _click_area(qtbot, window, title: str) -> None:
    nav = window.navigation
    item = nav.findItems(title, Qt.MatchFlag.MatchExactly)[0]
    rect = nav.visualItemRect(item)
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_village_navigation_switches_pages(qtbot, main_window):
    titles = [main_window.navigation.item(i).text() for i in range(main_window.navigation.count())]
    assert titles == ["首页", "村规民约", "村务公开", "会议与表决", "民主选举", "村务监督", "人员名册", "数据交换"]
    assert isinstance(main_window.current_page(), HomePage)

    _click_area(qtbot, main_window, "数据交换")
    from ui.exchange.exchange_page import ExchangePage

    assert isinstance(main_window.current_page(), ExchangePage)

    _click_area(qtbot, main_window, "村务公开")
    from ui.disclosure.disclosure_page import DisclosurePage

    assert isinstance(main_window.current_page(), DisclosurePage)

    _click_area(qtbot, main_window, "村规民约")
    from ui.rules.rules_page import RulesPage

    assert isinstance(main_window.current_page(), RulesPage)

    _click_area(qtbot, main_window, "会议与表决")
    from ui.meetings.meetings_page import MeetingsPage

    page = main_window.current_page()
    assert isinstance(page, MeetingsPage)
    assert page.list_view.new_button.isEnabled()  # the admin's session reached the page

    _click_area(qtbot, main_window, "人员名册")
    assert isinstance(main_window.current_page(), RegisterPage)
    _click_area(qtbot, main_window, "首页")
    assert isinstance(main_window.current_page(), HomePage)


def test_status_bar_shows_user_folder_and_exchange(main_window, village):
    paths, _ = village
    status = main_window.status
    assert "管理员" in status.user_label.text()
    assert str(paths.data_dir) in status.data_label.text()
    assert status.exchange_label.text() == "尚未发送/接收数据包"


def test_township_has_township_areas(qtbot, township, settings_store):
    from desktop.services import setup_service

    paths, session = township
    window = MainWindow(setup_service.current(), session, paths, settings_store)
    qtbot.addWidget(window)
    window.show()
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == ["首页", "村庄", "审核备案", "合规看板", "换届选举", "报表"]
    assert "乡镇管理员" in window.status.user_label.text()


def test_register_lists_and_searches_people(qtbot, main_window, village):
    _, session = village
    wang = people_service.add_person(session, "王建国", "男", village_group="一组")
    people_service.add_role(session, wang, "representative", "2021-04-18")
    people_service.add_person(session, "李秀英", "女", village_group="二组")
    _click_area(qtbot, main_window, "人员名册")
    page = main_window.current_page()
    assert page.model.rowCount() == 2

    type_text(qtbot, page.search_edit, "王")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    index = page.model.index(0, 3)
    assert page.model.data(page.model.index(0, 0)) == "王建国"
    assert page.model.data(index) == "村民代表"
    assert page.count_label.text() == "共 1 人"


def test_register_model_passes_model_tester(qtmodeltester, village):
    from ui.people.register_model import RegisterModel

    _, session = village
    for name in ("王建国", "李秀英", "张明"):
        people_service.add_person(session, name, "男")
    model = RegisterModel()
    model.reload()
    qtmodeltester.check(model)


def test_font_size_setting_changes_app_font_and_is_saved(qtbot, main_window, village):
    paths, _ = village
    normal = QApplication.font().pointSize()
    assert normal == 11
    main_window.settings_menu.menuAction().trigger()
    main_window.font_size_menu.size_actions["xlarge"].trigger()
    assert QApplication.font().pointSize() == 16
    assert main_window.font_size_menu.size_actions["xlarge"].isChecked()
    assert json.loads(paths.settings_file.read_text("utf-8"))["font_size"] == "xlarge"
    # Scaled titles follow the new size without a restart.
    nav_font = main_window.navigation.font().pointSizeF()
    assert nav_font > 14


def test_about_dialog_shows_version_and_folder(qtbot, main_window, village):
    from desktop import __version__

    paths, _ = village
    dialog = main_window.open_about()
    qtbot.waitExposed(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert __version__ in texts
    assert str(paths.data_dir) in texts
    dialog.close()


def test_window_geometry_is_remembered(qtbot, village, settings_store):
    from desktop.services import setup_service

    paths, session = village
    window = MainWindow(setup_service.current(), session, paths, settings_store)
    qtbot.addWidget(window)
    window.show()
    window.resize(1000, 700)
    window.close()
    saved = json.loads(paths.settings_file.read_text("utf-8"))["window_geometry"]
    assert saved
    again = MainWindow(setup_service.current(), session, paths, settings_store)
    qtbot.addWidget(again)
    # The offscreen screen is 800x600, so Qt clamps the restored size; what
    # matters is that the saved geometry was used instead of the default.
    assert (again.width(), again.height()) != (1100, 720)


def test_the_daily_backup_runs_on_the_job_runner_after_start(qtbot, main_window, village, monkeypatch):
    """The automatic backup shares the one job runner; quitting waits for it instead of cutting it off."""
    from desktop import app, backup
    from ui.operations import wait_for_jobs

    paths, _session = village
    monkeypatch.setattr(app, "BACKUP_DELAY_MS", 0)
    app._schedule_auto_backup(paths, main_window)
    qtbot.waitUntil(lambda: any(b.reason == backup.DAILY for b in backup.list_backups(paths.backups)),
                    timeout=20_000)
    assert wait_for_jobs(10_000)


def test_the_first_window_takes_as_much_of_a_small_screen_as_1366_by_768(qtbot, village, settings_store):
    """At first start the window fills an old PC's screen (a 1100-pixel window made pages scroll sideways)."""
    from desktop.services import setup_service
    from ui.widgets.screen_fit import screen_room

    paths, session = village
    window = MainWindow(setup_service.current(), session, paths, settings_store)
    qtbot.addWidget(window)
    room = screen_room(window)
    assert (window.width(), window.height()) == (min(1366, room.width()), min(768, room.height()))


def _ctrl_q_in(qtbot, editor) -> None:
    """Focus in `editor`'s title (a window of its own) and press Ctrl+Q there."""
    editor.activateWindow()
    editor.title_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor and QApplication.focusWidget() is editor.title_edit)
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_q_in_an_editor_window_asks_and_cancel_keeps_everything(qtbot, village_demo, settings_store):
    """Ctrl+Q from the meeting editor (a window-modal window of its own) goes through the main
    window's close: 保存/不保存/取消 for the unsaved meeting; 取消 keeps the windows and the typing."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.services import setup_service
    from tests.gui.test_unsaved_meetings import answer, new_editor, open_boxes

    paths, session = village_demo
    window = MainWindow(setup_service.current(), session, paths, settings_store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_area("meetings")
    editor = new_editor(qtbot, window)
    _ctrl_q_in(qtbot, editor)
    qtbot.waitUntil(lambda: bool(open_boxes()))
    (box,) = open_boxes()
    assert [box.button(b).text() for b in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard,
                                           QMessageBox.StandardButton.Cancel)] == ["保存", "不保存", "取消"]
    answer(qtbot, QMessageBox.StandardButton.Cancel)
    assert window.isVisible() and editor.isVisible() and editor.is_dirty()
    assert editor.title_edit.text() == "十一月村民代表会议"

    _ctrl_q_in(qtbot, editor)
    qtbot.waitUntil(lambda: bool(open_boxes()))
    answer(qtbot, QMessageBox.StandardButton.Discard)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_ctrl_q_after_switching_user_belongs_to_the_new_window_only(qtbot, village_demo, settings_store):
    """After 切换用户 the old window (and the 退出 it lent its editor) is gone: Ctrl+Q in the new
    window's editor is not ambiguous (Qt would then do nothing), it asks once and quits through it."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QMessageBox

    from tests.gui.test_unsaved_meetings import answer, new_editor, open_boxes
    from tests.support.sites import ADMIN_PASSWORD
    from ui.session_keeper import SessionKeeper

    paths, admin = village_demo
    keeper = SessionKeeper(paths, settings_store, on_quit=lambda: None)
    first = keeper.open_window(admin)
    qtbot.waitExposed(first)
    first.show_area("meetings")
    old_editor = new_editor(qtbot, first)
    old_editor.activateWindow()
    old_editor.title_edit.setFocus()
    qtbot.waitUntil(lambda: first.quit_action in old_editor.actions())  # lent on focus
    try:
        first.switch_action.trigger()
        answer(qtbot, QMessageBox.StandardButton.Discard)
        qtbot.waitUntil(lambda: keeper.login_dialog is not None)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        dialog = keeper.login_dialog
        dialog.login_edit.setText("admin")
        dialog.password_edit.setText(ADMIN_PASSWORD)
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: keeper.window is not None and keeper.window.isVisible(), timeout=10_000)
        second = keeper.window
        second.show_area("meetings")
        editor = new_editor(qtbot, second)
        _ctrl_q_in(qtbot, editor)
        qtbot.waitUntil(lambda: bool(open_boxes()))
        assert len(open_boxes()) == 1
        answer(qtbot, QMessageBox.StandardButton.Discard)
        qtbot.waitUntil(lambda: not second.isVisible())
    finally:
        for widget in (keeper.window, keeper.login_dialog):
            if widget is not None:
                widget.close()
