"""乡镇通知 on screen: the township writes one, the village reads it on its home page."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel

from desktop.services import exchange_service, notice_service, setup_service
from tests.support import screens
from tests.support.first_contact import genuine
from tests.support.sites import VILLAGE_CODE, VILLAGE_NAME, village_package
from tests.support.typing import type_text
from ui.exchange.notices import NoticesDialog
from ui.pages.home_page import HomePage
from ui.township.notice_dialog import SendNoticeDialog


def _township_writes_a_notice(qtbot, pair) -> SendNoticeDialog:
    package = village_package(pair, "张三")
    pair.use("t")
    exchange_service.import_package(pair.township_session, pair.township, package, fingerprint=genuine(pair.village))
    dialog = SendNoticeDialog(pair.township_session, [(VILLAGE_CODE, VILLAGE_NAME)], preselect=VILLAGE_CODE)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_an_empty_notice_is_explained_and_a_full_one_is_saved(qtbot, pair):
    dialog = _township_writes_a_notice(qtbot, pair)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "标题" in dialog.message.text()
    type_text(qtbot, dialog.title_edit, "关于报送第四季度村务公开材料的通知")
    type_text(qtbot, dialog.text_edit, "请各村于1月15日前报送。")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.sent == 1
    assert [n.title for n in notice_service.notices()] == ["关于报送第四季度村务公开材料的通知"]


@pytest.mark.screenshots
def test_the_village_reads_the_notice_from_its_home_page(qtbot, pair):
    pair.use("t")
    dialog = _township_writes_a_notice(qtbot, pair)
    type_text(qtbot, dialog.title_edit, "关于报送第四季度村务公开材料的通知")
    type_text(qtbot, dialog.text_edit, "请各村于1月15日前报送第四季度的村务公开照片和财务公开表。")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    back = exchange_service.export_package(pair.township_session, pair.township, pair.usb,
                                             recipient_code=VILLAGE_CODE)
    pair.use("v")
    exchange_service.import_package(pair.village_session, pair.village, back.path)

    home = HomePage(setup_service.current(), session=pair.village_session)
    screens.shown(qtbot, home, 1000, 720)
    assert home.notice_lines[0].startswith("【未读】")
    screens.save(home, "bx_06_village_home_notice")
    assert "1 条未读" in home.notices_button.text()

    seen = {}

    def read_it():
        box = next(w for w in home.findChildren(NoticesDialog))
        qtbot.waitExposed(box)
        seen["body"] = box.body.toPlainText()
        screens.save(box, "bx_07_village_notice")
        box.reject()

    QTimer.singleShot(200, read_it)
    qtbot.mouseClick(home.notices_button, Qt.MouseButton.LeftButton)
    assert "1月15日前报送" in seen["body"]
    assert notice_service.unread_count() == 0 and home.notices_button.text() == "查看全部通知…"
    assert not home.notice_lines[0].startswith("【未读】")


def test_the_villages_page_writes_a_notice_to_the_selected_village(qtbot, pair):
    from ui.township.villages_page import VillagesPage

    package = village_package(pair, "张三")
    pair.use("t")
    exchange_service.import_package(pair.township_session, pair.township, package, fingerprint=genuine(pair.village))
    page = screens.shown(qtbot, VillagesPage(pair.township_session, paths=pair.township), 1200, 760)
    assert page.notice_button.isEnabled()
    dialog = page.write_notice()
    qtbot.waitExposed(dialog)
    assert dialog.to_combo.currentData() == VILLAGE_CODE
    type_text(qtbot, dialog.title_edit, "通知")
    type_text(qtbot, dialog.text_edit, "内容")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "1 个村" in page.message.text()
    assert [n.village_code for n in notice_service.notices()] == [VILLAGE_CODE]


def test_notices_imported_while_the_home_page_was_open_appear_when_it_is_shown_again(qtbot, pair):
    """The home page is built once; coming back to it after importing a 回执 shows the new notices."""
    pair.use("v")
    home = HomePage(setup_service.current(), session=pair.village_session)
    screens.shown(qtbot, home, 1000, 720)
    assert not hasattr(home, "notice_lines")  # nothing from the township yet
    package = village_package(pair, "张三")
    pair.use("t")
    exchange_service.import_package(pair.township_session, pair.township, package, fingerprint=genuine(pair.village))
    notice_service.send_notice(pair.township_session, "冬季防火安全提醒", "请检查消防器材。", date(2026, 11, 28))
    back = exchange_service.export_package(pair.township_session, pair.township, pair.usb,
                                             recipient_code=VILLAGE_CODE)
    pair.use("v")
    exchange_service.import_package(pair.village_session, pair.village, back.path)
    home.hide()
    home.show()
    qtbot.waitExposed(home)
    assert home.notice_lines == ["【未读】2026-11-28  冬季防火安全提醒"]
    assert "1 条未读" in home.notices_button.text()
    home.hide()
    home.show()  # shown again: rebuilt in place, not added twice

    def headings() -> list[QLabel]:
        return [w for w in home.findChildren(QLabel) if w.text() == "乡镇通知" and w.isVisible()]

    qtbot.waitUntil(lambda: len(headings()) == 1)
    qtbot.wait(50)
    assert len(headings()) == 1


def test_the_notices_are_read_with_the_arrow_keys(qtbot, pair):
    pair.use("t")
    package = village_package(pair, "张三")
    pair.use("t")
    exchange_service.import_package(pair.township_session, pair.township, package, fingerprint=genuine(pair.village))
    for day, title in ((26, "报送材料的通知"), (28, "冬季防火安全提醒")):
        notice_service.send_notice(pair.township_session, title, f"{title}的内容。", date(2026, 11, day))
    back = exchange_service.export_package(pair.township_session, pair.township, pair.usb,
                                             recipient_code=VILLAGE_CODE)
    pair.use("v")
    exchange_service.import_package(pair.village_session, pair.village, back.path)
    dialog = screens.shown(qtbot, NoticesDialog(pair.village_session), 820, 520)
    assert dialog.focusWidget() is dialog.list
    assert "冬季防火安全提醒的内容" in dialog.body.toPlainText()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    assert "报送材料的通知的内容" in dialog.body.toPlainText()
    assert notice_service.unread_count() == 0
