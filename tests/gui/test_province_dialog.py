"""设置 → 省份配置…: the administrator changes the province profile; the home page follows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from desktop.services import setup_service
from desktop.services.session import Session
from ui.main_window import MainWindow
from ui.pages.home_page import HomePage
from ui.settings.province_dialog import ProvinceDialog


def _home_texts(window) -> set[str]:
    page = window.current_page()
    assert isinstance(page, HomePage)
    return {label.text() for label in page.findChildren(QLabel)}


def test_admin_changes_the_province(qtbot, main_window):
    assert setup_service.current().province == "zhejiang"
    assert "浙江省" in _home_texts(main_window)
    action = main_window.province_action
    assert action.isEnabled() and action.text() == "省份配置(&P)…"
    assert action in main_window.settings_menu.actions()

    dialog = main_window.open_province_dialog()
    qtbot.waitExposed(dialog)
    assert dialog.combo.currentText() == "浙江省"
    assert "影响会议通知期限、监委会成员回避范围等规则的提示" in \
        " ".join(label.text() for label in dialog.findChildren(QLabel))
    labels = [dialog.combo.itemText(i) for i in range(dialog.combo.count())]
    assert labels[0] == "全国通用(仅按国家法律)" and "河南省" in labels
    # In the order of the 统计用区划代码 province codes (11 北京 … 50 重庆), as every official table lists them.
    assert labels[1:] == ["北京市", "上海市", "浙江省", "山东省", "河南省", "重庆市", "陕西省"]

    dialog.choose("henan")
    assert "河南省" in dialog.message.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert setup_service.current().province == "henan"
    texts = _home_texts(main_window)
    assert "河南省" in texts and "浙江省" not in texts  # the home page was rebuilt


def test_cancel_changes_nothing(qtbot, main_window):
    dialog = main_window.open_province_dialog()
    qtbot.waitExposed(dialog)
    dialog.choose("shanghai")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert setup_service.current().province == "zhejiang"


def test_only_administrators(qtbot, village, settings_store):
    paths, _admin = village
    viewer = Session(actor="viewer", role="viewer")
    window = MainWindow(setup_service.current(), viewer, paths, settings_store)
    qtbot.addWidget(window)
    assert not window.province_action.isEnabled()

    # The service refuses too: the dialog stays open with the reason.
    dialog = ProvinceDialog(viewer)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.choose("henan")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.message.role() == "error" and "没有这项权限" in dialog.message.text()
    assert setup_service.current().province == "zhejiang"


def test_open_meetings_page_follows_the_change(qtbot, main_window):
    from ui.meetings.meetings_page import MeetingsPage

    main_window.show_area("meetings")
    page = main_window.current_page()
    assert isinstance(page, MeetingsPage)
    editor = page.list_view.new_meeting("representatives")
    qtbot.waitExposed(editor)
    dialog = main_window.open_province_dialog()
    dialog.choose("national")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert setup_service.current().province == "national"
    assert main_window.current_page() is page  # only the home page is rebuilt
    # The editor re-ran its checks: no more citation of the Zhejiang measures.
    assert "浙江" not in editor.verdict_panel.findings_label.text()
    main_window.show_area("home")
    assert "全国通用(仅按国家法律)" in _home_texts(main_window)
