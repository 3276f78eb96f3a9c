"""The 数据交换 page with two real installations exchanging real packages on disk."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QRunnable, Qt, QThreadPool
from PySide6.QtWidgets import QDialog, QWizard

from desktop.services import (
    auth_service,
    exchange_service,
    people_service,
    setup_service,
)
from models.entities import Person
from tests.support.first_contact import confirm_fingerprint, genuine
from tests.support.sites import (
    PASSWORD,
    TOWNSHIP_NAME,
    VILLAGE_CODE,
    VILLAGE_NAME,
    add_people,
    make_login_pair,
    same_owner_conflict,
    village_package,
)
from tests.support.typing import type_text
from ui.exchange.exchange_page import ExchangePage
from ui.township import villages_model as vm
from ui.township.villages_page import VillagesPage
from ui.widgets import target_chooser


def _page(qtbot, session, paths) -> ExchangePage:
    page = ExchangePage(session, paths=paths)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


def _township_page(qtbot, session, paths) -> VillagesPage:
    """The township's side of the exchange: its 村庄 page (the same export box, import flow and history)."""
    page = VillagesPage(session, paths=paths)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


def _village_cell(page: VillagesPage, code: str, col: int) -> str:
    return page.model.index(page.model.row_for_code(code), col).data()


def _idle(qtbot, page):
    qtbot.waitUntil(lambda: not page.jobs.is_busy(), timeout=20_000)


def _preview(qtbot, page):
    qtbot.waitUntil(lambda: page.preview_dialog is not None and page.preview_dialog.isVisible(), timeout=20_000)
    return page.preview_dialog


def _history(page) -> list[list[str]]:
    t = page.history_table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def _dump(db: Path) -> list[str]:
    with sqlite3.connect(db) as con:
        return list(con.iterdump())


def _close_box(page):
    box = page.message_box
    page.message_box = None
    box.done(0)


def test_village_exports_to_a_folder_and_says_the_stick_can_be_pulled(qtbot, pair, tmp_path):
    add_people(pair.village_session, "张三", "李四")
    page = _page(qtbot, pair.village_session, pair.village)
    assert "本机电脑指纹" in page.fingerprint_label.text()
    assert TOWNSHIP_NAME in page.peer_label.text()
    assert page.sent_label.text() == "还没有"
    out = tmp_path / "stick"
    out.mkdir()
    page.target.set_folder(out)
    assert page.target.folder() == out
    with qtbot.waitSignal(page.exchanged, timeout=20_000):
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, page)
    written = list(out.glob("*.cwpkg"))
    assert [p.name for p in written] == [page.export_result.path.name]
    assert written[0].name.startswith(f"{VILLAGE_CODE}_0001_")
    assert "可以安全拔出U盘" in page.export_message.text()
    assert "共 2 条记录" in page.export_message.text()
    assert "可以安全拔出U盘" in page.message_box.informativeText()
    assert written[0].name in page.message_box.informativeText()
    assert "下一步:把U盘交给乡镇" in page.message_box.informativeText()  # and what comes back, and where
    _close_box(page)
    assert "第 1 号" in page.sent_label.text() and "乡镇还没有确认收到" in page.sent_label.text()
    rows = _history(page)
    assert rows[0][0] == "发出" and rows[0][2] == "1" and rows[0][4] == "已发出"
    assert rows[0][5] == "2" and rows[0][6] == "人员 2"


def test_a_long_save_to_path_keeps_the_folders_name_in_sight(qtbot, pair, tmp_path):
    """保存到 shortens a long path in the middle (Qt cut its end: the folder's own name), whole in the tooltip."""
    page = _page(qtbot, pair.village_session, pair.village)
    out = tmp_path.joinpath(*["很长的上级文件夹"] * 8, "发给乡镇的数据包")
    out.mkdir(parents=True)
    page.target.set_folder(out)
    page.resize(1024, 600)
    qtbot.wait(10)
    combo = page.target.combo
    shown = combo.shown_text()
    assert "…" in shown and shown.endswith("发给乡镇的数据包") and shown.startswith(str(out)[:3])
    assert combo.toolTip() == str(out)
    assert combo.fontMetrics().horizontalAdvance(shown) <= combo.width()


def test_cancelled_export_leaves_nothing(qtbot, pair, tmp_path):
    add_people(pair.village_session, "张三")
    page = _page(qtbot, pair.village_session, pair.village)
    out = tmp_path / "stick"
    out.mkdir()
    page.target.set_folder(out)
    # A one-thread pool held by a blocker: the export waits in the queue while 取消 is pressed.
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    page.jobs._pool = pool
    release = threading.Event()

    class Blocker(QRunnable):
        def run(self):
            release.wait(10)

    pool.start(Blocker())
    assert page.start_export()
    assert page.cancel_button.isEnabled()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    _idle(qtbot, page)
    pool.waitForDone()
    assert "已取消" in page.export_message.text()
    assert list(out.iterdir()) == []
    assert _history(page) == []


def test_export_without_a_target_says_what_to_do(qtbot, pair, tmp_path):
    page = _page(qtbot, pair.village_session, pair.village)
    page.target.combo.clear()
    # No U盘 and no folder: 导出 is off, and the page says what to do instead.
    assert not page.export_button.isEnabled()
    assert page.target_hint.isVisible() and "选择文件夹" in page.target_hint.text()
    assert "选择文件夹" in page.export_button.toolTip()
    assert not page.start_export()
    assert "选择文件夹" in page.export_message.text()
    page.target.set_folder(tmp_path)
    assert page.export_button.isEnabled() and not page.target_hint.isVisible()


def test_a_stick_plugged_in_while_the_page_is_open_appears_by_itself(qtbot, pair, tmp_path, monkeypatch):
    drives: list[exchange_service.Drive] = []
    monkeypatch.setattr(exchange_service, "removable_drives", lambda: list(drives))
    monkeypatch.setattr(target_chooser, "POLL_MS", 50)
    page = _page(qtbot, pair.village_session, pair.village)
    assert page.target.folder() is None and not page.export_button.isEnabled()
    stick = tmp_path / "stick"
    stick.mkdir()
    drives.append(exchange_service.Drive(stick, "KINGSTON"))
    with qtbot.waitSignal(page.target.changed, timeout=10_000):  # the periodic check, no click needed
        pass
    assert page.target.folder() == stick and page.target.combo.currentText() == "U盘:KINGSTON"
    assert page.export_button.isEnabled()
    # An unchanged list is not rebuilt (an open list or a choice is not disturbed).
    page.target.set_folder(tmp_path)
    page.target.refresh_drives()
    assert page.target.folder() == tmp_path


def test_a_file_gone_from_the_stick_is_explained_in_chinese(qtbot, pair, tmp_path):
    page = _page(qtbot, pair.village_session, pair.village)
    page.import_files([tmp_path / "330106001_乡镇回执_0001_20261130.cwpkg"])
    assert "U盘是否已经拔出" in page.import_message.text()
    assert "U盘是否已经拔出" in page.message_box.informativeText()
    assert "No such file" not in page.message_box.informativeText()
    _close_box(page)
    assert page.preview_dialog is None


def test_township_previews_then_imports_and_lists_history(qtbot, pair):
    package = village_package(pair, "张三", "李四")
    pair.use("t")
    page = _township_page(qtbot, pair.township_session, pair.township)
    page.target.set_folder(pair.usb)
    assert page.model.rowCount() == 1
    assert _village_cell(page, VILLAGE_CODE, vm.STATUS) == "等待第一个数据包"
    assert not page.export_button.isEnabled()  # no key of the village yet: no 回执
    page.import_files([package])
    dialog = _preview(qtbot, page)
    assert dialog.table.item(0, 0).text() == "人员"
    rows_height = sum(dialog.table.rowHeight(r) for r in range(dialog.table.rowCount()))
    assert dialog.table.height() <= dialog.table.horizontalHeader().height() + rows_height + 8  # no blank band
    assert dialog.table.item(0, 1).text() == "2"
    assert dialog.table.horizontalHeaderItem(3).text() == "其中删除" and dialog.table.item(0, 3).text() == "–"
    assert "新增 2 条" in dialog.summary_label.text()
    assert "第一个数据包" in dialog.warnings_text() and "指纹" in dialog.warnings_text()
    confirm_fingerprint(dialog)  # the village read it out on the phone
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_import is not None, timeout=20_000)
    assert "新增 2 条" in page.import_message.text()
    assert "导入完成" in page.message_box.text()
    _close_box(page)
    assert sorted(p.name for p in people_service.register()) == ["张三", "李四"]
    rows = _history(page)
    assert rows[0][:5] == ["收到", f"{VILLAGE_NAME}({VILLAGE_CODE})", "1", rows[0][3], "已导入"]
    assert _village_cell(page, VILLAGE_CODE, vm.STATUS) == "正常"
    assert _village_cell(page, VILLAGE_CODE, vm.FINGERPRINT) != "(还没有)"  # the fingerprint is pinned and shown
    assert page.export_button.isEnabled()

    # The same package again: the preview says so and offers nothing to import.
    page.import_files([package])
    again = _preview(qtbot, page)
    assert again is not dialog
    assert "已经导入过" in again.summary_label.text()
    assert again.import_button.isHidden()
    assert again.height() < 400  # no blank band where the table would be
    again.reject()
    assert len(_history(page)) == 1


def test_refused_package_shows_the_reason_and_changes_nothing(qtbot, pair, tmp_path):
    package = village_package(pair, "张三")
    broken = tmp_path / package.name
    data = bytearray(package.read_bytes())
    broken.write_bytes(bytes(data[: len(data) // 2]))  # pulled out mid-copy
    pair.use("t")
    page = _township_page(qtbot, pair.township_session, pair.township)
    before = _dump(pair.township.database)
    page.import_files([broken])
    qtbot.waitUntil(lambda: page.message_box is not None and page.message_box.isVisible(), timeout=20_000)
    reason = page.message_box.text()
    assert "拒绝" in page.import_message.text() or "损坏" in reason
    assert reason and "意外" not in reason
    assert page.preview_dialog is None
    _close_box(page)
    assert _dump(pair.township.database) == before
    rows = _history(page)
    assert rows[0][0] == "收到" and rows[0][4] == "已拒绝"
    assert rows[0][7]  # the reason
    assert page.history_table.item(0, 4).foreground().color().name() == "#b3261e"


def test_village_joins_its_township_with_the_setup_file(qtbot, tmp_path):
    pair = make_login_pair(tmp_path / "p", enroll=False)
    page = _page(qtbot, pair.village_session, pair.village)
    assert "还没有加入乡镇" in page.peer_label.text()
    page.target.set_folder(tmp_path)
    # Nobody to send a package to yet: 导出 is off and says why.
    assert not page.export_button.isEnabled() and "入网文件" in page.export_button.toolTip()
    page.import_files([pair.setup_file])
    qtbot.waitUntil(lambda: page.setup_dialog is not None and page.setup_dialog.isVisible())
    dialog = page.setup_dialog
    township_fp = dialog.setup.fingerprint
    assert dialog.fingerprint.text() == township_fp and len(township_fp.split()) >= 4
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "已加入" in page.import_message.text()
    _close_box(page)
    assert TOWNSHIP_NAME in page.peer_label.text()
    assert page.peer_fingerprint_label.text() == township_fp
    assert page.export_button.isEnabled()


def test_setup_file_for_another_village_is_refused(qtbot, tmp_path):
    pair = make_login_pair(tmp_path / "p", enroll=False)
    pair.use("t")
    other = exchange_service.enroll_village(pair.township_session, pair.township, "330106001002", "白云村",
                                            pair.usb)
    pair.use("v")
    page = _page(qtbot, pair.village_session, pair.village)
    page.import_files([other])
    qtbot.waitUntil(lambda: page.setup_dialog is not None)
    page.setup_dialog.accept()
    qtbot.waitUntil(lambda: page.message_box is not None and page.message_box.isVisible())
    assert "白云村" in page.message_box.text()
    _close_box(page)
    assert "还没有加入乡镇" in page.peer_label.text()


def test_return_package_round_trip_marks_the_village_package_acknowledged(qtbot, pair, tmp_path):
    package = village_package(pair, "张三")
    pair.use("t")
    exchange_service.import_package(pair.township_session, pair.township, package, fingerprint=genuine(pair.village))
    page = _township_page(qtbot, pair.township_session, pair.township)
    page.select_village(VILLAGE_CODE)
    assert VILLAGE_NAME in page.export_box.recipient_label.text()
    page.target.set_folder(pair.usb)
    with qtbot.waitSignal(page.exchanged, timeout=20_000):
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, page)
    receipt = page.export_result.path
    assert "乡镇回执" in receipt.name and receipt.exists()
    _close_box(page)
    # The one table of villages says it in its own words: “第 N 号(日期),未确认”.
    assert _village_cell(page, VILLAGE_CODE, vm.RETURNED).endswith(",未确认")
    page.close()

    pair.use("v")
    village_page = _page(qtbot, pair.village_session, pair.village)
    village_page.import_files([receipt])
    dialog = _preview(qtbot, village_page)
    assert "没有新的修改" in dialog.summary_label.text()
    dialog.accept()
    qtbot.waitUntil(lambda: village_page.last_import is not None, timeout=20_000)
    _close_box(village_page)
    assert "乡镇已确认收到" in village_page.sent_label.text()
    rows = _history(village_page)
    assert {(r[0], r[4]) for r in rows} == {("收到", "已导入"), ("发出", "对方已收到")}


def test_conflict_is_shown_side_by_side_and_resolved(qtbot, pair, tmp_path):
    person_id = same_owner_conflict(pair, tmp_path)
    page = _township_page(qtbot, pair.township_session, pair.township)
    index = page.tabs.indexOf(page.conflicts_panel)
    assert page.tabs.isTabVisible(index) and page.tabs.tabText(index) == "冲突(1)"
    page.tabs.setCurrentIndex(index)
    panel = page.conflicts_panel
    assert panel.count() == 1
    headers = [panel.table.horizontalHeaderItem(c).text() for c in range(3)]
    assert headers == ["项目", "本机的版本", "数据包中的版本"]
    assert [panel.table.item(0, c).text() for c in range(3)] == ["姓名", "张三丰", "张小三"]
    qtbot.mouseClick(panel.take_incoming_button, Qt.MouseButton.LeftButton)
    assert Person.get_by_id(person_id).name == "张小三"
    assert exchange_service.conflicts() == []
    assert not page.tabs.isTabVisible(index)


def test_keeping_the_local_version_leaves_the_record(qtbot, pair, tmp_path):
    person_id = same_owner_conflict(pair, tmp_path)
    page = _township_page(qtbot, pair.township_session, pair.township)
    qtbot.mouseClick(page.conflicts_panel.keep_local_button, Qt.MouseButton.LeftButton)
    assert Person.get_by_id(person_id).name == "张三丰"
    assert exchange_service.conflicts(open_only=False)[0].resolution == "local"


def test_township_enrolls_a_village_and_reads_out_its_fingerprint(qtbot, pair, tmp_path):
    pair.use("t")
    page = _township_page(qtbot, pair.township_session, pair.township)
    out = tmp_path / "enroll"
    out.mkdir()
    page.target.set_folder(out)
    dialog = page.enroll()
    qtbot.waitExposed(dialog)
    assert dialog.target.folder() == out
    qtbot.keyClicks(dialog.code_edit, "330106001002")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "名称" in dialog.message.text()  # the name is missing
    type_text(qtbot, dialog.name_edit, "白云村")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.written.exists() and "入网文件" in dialog.written.name
    assert page.register.fingerprint in page.message_box.informativeText()
    _close_box(page)
    names = [(page.model.index(r, vm.NAME).data(), page.model.index(r, vm.CODE).data())
             for r in range(page.model.rowCount())]
    assert ("白云村", "330106001002") in names

    page.select_village(VILLAGE_CODE)
    again = page.reenroll()
    qtbot.mouseClick(again.ok_button, Qt.MouseButton.LeftButton)
    assert again.isVisible() and "原因" in again.message.text()
    type_text(qtbot, again.reason_edit, "村里换了电脑")
    qtbot.mouseClick(again.ok_button, Qt.MouseButton.LeftButton)
    assert again.result() == QDialog.DialogCode.Accepted and again.written.exists()
    _close_box(page)


def test_without_the_exchange_permission_nothing_can_be_sent(qtbot, pair):
    setup_service.create_user(pair.village_session, "guest", "访客", "viewer", PASSWORD, PASSWORD)
    viewer = auth_service.login("guest", PASSWORD)
    page = _page(qtbot, viewer, pair.village)
    for button in (page.export_button, page.choose_files_button, page.scan_button):
        assert not button.isEnabled()
    pair.use("t")
    setup_service.create_user(pair.township_session, "guest", "访客", "township_viewer", PASSWORD, PASSWORD)
    township_page = _township_page(qtbot, auth_service.login("guest", PASSWORD), pair.township)
    assert not township_page.enroll_button.isEnabled()


def test_scan_offers_the_packages_found_unticking_our_own(qtbot, pair):
    package = village_package(pair, "张三")
    pair.use("t")
    receipt_dir = pair.usb
    exchange_service.import_package(pair.township_session, pair.township, package, fingerprint=genuine(pair.village))
    receipt = exchange_service.export_package(pair.township_session, pair.township, receipt_dir,
                                                recipient_code=VILLAGE_CODE).path
    page = _township_page(qtbot, pair.township_session, pair.township)
    dialog = page.pick_packages(exchange_service.scan_for_packages(pair.usb))
    names = {dialog.list.item(i).text(): dialog.list.item(i).checkState() for i in range(dialog.list.count())}
    assert names[package.name] == Qt.CheckState.Checked
    assert names[receipt.name] == Qt.CheckState.Unchecked
    assert names[pair.setup_file.name] == Qt.CheckState.Unchecked
    dialog.accept()
    again = _preview(qtbot, page)
    assert again.plan.already_imported
    again.reject()


def test_main_window_opens_a_double_clicked_package(qtbot, pair, settings_store):
    from ui.main_window import MainWindow

    package = village_package(pair, "张三")
    pair.use("t")
    window = MainWindow(setup_service.current(), pair.township_session, pair.township,
                        settings_store, open_package=package)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.navigation.current_key() == "villages")
    page = window.current_page()  # the 村庄 page reads the township's packages
    assert isinstance(page, VillagesPage)
    dialog = _preview(qtbot, page)
    assert dialog.plan.path == package
    confirm_fingerprint(dialog)  # the village read it out on the phone
    dialog.accept()
    qtbot.waitUntil(lambda: page.last_import is not None, timeout=20_000)
    _close_box(page)
    assert "第 1 号" in window.status.exchange_label.text()


def test_cli_hands_a_package_argument_to_the_gui(monkeypatch, tmp_path):
    from desktop import app, cli

    seen = {}
    monkeypatch.setattr(app, "run_gui", lambda paths, verbose=False, open_package=None:
                        seen.update(paths=paths, open_package=open_package) or 0)
    monkeypatch.setenv("CUNWU_DATA_DIR", str(tmp_path / "data"))
    package = tmp_path / "330106001001_0001_20261122.CWPKG"
    assert cli.main([str(package)]) == 0
    assert seen["open_package"] == package
    assert seen["paths"].data_dir == (tmp_path / "data").resolve()


def test_wizard_fills_the_village_from_the_setup_file_and_pins_the_township(qtbot, tmp_path, store):
    from ui.setup.setup_wizard import SetupWizard

    source = make_login_pair(tmp_path / "p", enroll=False)
    setup_file = source.setup_file
    from desktop.storage import open_store
    from models.db import close_database

    close_database()
    open_store(store, backup_before_migration=False)
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    identity = wizard.identity_page
    assert identity.setup_button.isVisible()
    assert identity.load_setup_file(setup_file)
    assert identity.name() == VILLAGE_NAME and identity.code() == VILLAGE_CODE
    assert identity.province() == "zhejiang"
    assert identity.name_edit.isReadOnly() and not identity.province_combo.isEnabled()
    assert TOWNSHIP_NAME in identity.setup_message.text()
    assert setup_file.exists()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    admin = wizard.admin_page
    qtbot.keyClicks(admin.password_edit, "Qingshan-2026")
    qtbot.keyClicks(admin.repeat_edit, "Qingshan-2026")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    setup_file.unlink()  # the stick is gone by now: the file was verified and kept when it was read
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=30_000)  # saved on a worker
    assert wizard.result() == QWizard.DialogCode.Accepted
    info = setup_service.current()
    assert (info.mode, info.code, info.name) == ("village", VILLAGE_CODE, VILLAGE_NAME)
    township = [p for p in exchange_service.overview(store).peers if p.kind == "township"]
    assert [p.name for p in township] == [TOWNSHIP_NAME]


def test_wizard_refuses_a_file_that_is_not_a_setup_file(qtbot, tmp_path, store):
    from ui.setup.setup_wizard import SetupWizard

    bogus = tmp_path / "x_入网文件_1.cwpkg"
    bogus.write_bytes(b"not a zip")
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    identity = wizard.identity_page
    assert not identity.load_setup_file(bogus)
    assert identity.setup_message.role() == "error"
    assert identity.setup_info is None and not identity.name_edit.isReadOnly()


def test_export_to_a_stick_that_went_away_says_so(qtbot, pair, tmp_path):
    page = _page(qtbot, pair.village_session, pair.village)
    page.target.set_folder(tmp_path / "gone")
    page.start_export()
    _idle(qtbot, page)
    assert "找不到目标文件夹" in page.export_message.text()
    assert page.export_message.role() == "error"
    assert "U盘是否已经插好" in page.message_box.text()
    _close_box(page)
    assert _history(page) == []


def test_a_partly_acknowledged_village_is_told_the_rest_travels_with_the_next_package(qtbot, pair, tmp_path):
    first = village_package(pair, "张三")
    add_people(pair.village_session, "李四")
    exchange_service.export_package(pair.village_session, pair.village, tmp_path)  # not yet at the township
    pair.use("t")
    exchange_service.import_package(pair.township_session, pair.township, first, fingerprint=genuine(pair.village))
    receipt = exchange_service.export_package(pair.township_session, pair.township, pair.usb,
                                                recipient_code=VILLAGE_CODE).path
    pair.use("v")
    exchange_service.import_package(pair.village_session, pair.village, receipt)
    page = _page(qtbot, pair.village_session, pair.village)
    text = page.sent_label.text()
    assert "第 2 号" in text and "乡镇已确认收到第 1 号及以前的" in text and "不用重发" in text


def test_packages_chosen_together_are_backed_up_once(qtbot, pair, tmp_path):
    """Two packages previewed and imported one after the other share the batch's one backup."""
    first = village_package(pair, "张三")
    add_people(pair.village_session, "李四")
    second = exchange_service.export_package(pair.village_session, pair.village, tmp_path).path
    pair.use("t")
    page = _township_page(qtbot, pair.township_session, pair.township)
    before = set(pair.township.backups.glob("*before-import*"))
    page.import_files([first, second])
    for number in (1, 2):
        dialog = _preview(qtbot, page)
        assert dialog.plan.number == number
        confirm_fingerprint(dialog)  # the first: the village read it out on the phone
        dialog.accept()
        qtbot.waitUntil(lambda n=number: page.last_import is not None and page.last_import.number == n,
                        timeout=20_000)
        _close_box(page)
    assert sorted(p.name for p in people_service.register()) == ["张三", "李四"]
    assert len(set(pair.township.backups.glob("*before-import*")) - before) == 1
    # The next file chosen is a batch of its own.
    page.import_files([first])
    again = _preview(qtbot, page)
    assert again.plan.already_imported
    again.reject()


def test_a_village_not_yet_joined_says_who_can_open_the_enrolment_file(qtbot, village):
    """A 监委会 login sees the 选择文件… it is told to use greyed out: it is told who can do it instead."""
    paths, admin = village
    setup_service.create_user(admin, "wenshu", "王文书", "secretary", PASSWORD, PASSWORD)
    setup_service.create_user(admin, "kanxi", "李看", "viewer", PASSWORD, PASSWORD)
    secretary_page = _page(qtbot, auth_service.login("wenshu", PASSWORD), paths)
    assert "请用右边的“选择文件…”" in secretary_page.peer_label.text()
    assert secretary_page.choose_files_button.isEnabled()
    viewer_page = _page(qtbot, auth_service.login("kanxi", PASSWORD), paths)
    assert not viewer_page.choose_files_button.isEnabled()
    assert "要由管理员或村文书用自己的账号登录" in viewer_page.peer_label.text()
