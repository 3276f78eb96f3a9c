"""The township's 村庄 register on a small demo township (villages imported through the real path)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel

from desktop.paths import AppPaths
from desktop.services import setup_service
from models.db import close_database
from tests.support.demo import demo_township
from tests.support.first_contact import confirm_fingerprint
from tests.support.screens import save, shown
from tests.support.typing import type_text
from ui.township import villages_model as vm
from ui.township.villages_page import VillagesPage

TOWNSHIP = "330106001"


@pytest.fixture
def demo(tmp_path):
    """An open copy of the 3-village, 1-year demo township (built once); yields (paths, admin session)."""
    paths = AppPaths(tmp_path / "乡镇")
    yield paths, demo_township(paths, villages=3, years=1)
    close_database()


def _page(qtbot, demo) -> VillagesPage:
    paths, session = demo
    return shown(qtbot, VillagesPage(session, paths=paths), 1200, 700)


def _cell(page: VillagesPage, row: int, col: int) -> str:
    return page.proxy.index(row, col).data()


def test_register_lists_the_villages_with_their_exchange_state(qtbot, demo):
    page = _page(qtbot, demo)
    assert page.proxy.rowCount() == 3
    assert [_cell(page, r, vm.NAME) for r in range(3)] == ["青山村", "溪口村", "大坪村"]
    assert [_cell(page, r, vm.CODE) for r in range(3)] == [f"{TOWNSHIP}00{i}" for i in (1, 2, 3)]
    fingerprint = _cell(page, 0, vm.FINGERPRINT)
    assert all(len(group) == 4 for group in fingerprint.split(" ")) and len(fingerprint.split(" ")) == 6
    assert _cell(page, 0, vm.PROVINCE) == "浙江省"
    assert _cell(page, 0, vm.RECEIVED).startswith("第 1 号(")
    assert _cell(page, 0, vm.RETURNED).startswith("第 1 号(") and _cell(page, 0, vm.RETURNED).endswith(",未确认")
    assert _cell(page, 2, vm.RETURNED) == "还没有"
    assert {_cell(page, r, vm.GAPS) for r in range(3)} == {"不缺"}
    assert {_cell(page, r, vm.STATUS) for r in range(3)} == {"正常"}
    # the silent village is flagged in red, the diligent one is not
    silent = page.proxy.index(2, vm.SILENCE)
    assert silent.data().startswith("没有消息 ") and int(silent.data().split()[1]) > 45
    assert silent.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert page.proxy.index(0, vm.SILENCE).data(Qt.ItemDataRole.ForegroundRole) is None
    assert page.proxy.index(0, vm.SILENCE).data().endswith("天前收到")  # recent: no alarm in the words
    overdue = sum(r.overdue for r in page.register.rows)
    assert overdue >= 1 and f"{overdue} 个村超过 45 天没有消息" in page.summary.text()
    assert page.fingerprint_label.text().startswith("本机电脑指纹:")

    # the history of the selected village is shown below
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.table.visualRect(page.proxy.index(1, vm.NAME)).center())
    assert page.selected_code() == f"{TOWNSHIP}002"
    assert "溪口村" in page.history.title()
    directions = {page.history.table.item(r, 0).text() for r in range(page.history.table.rowCount())}
    assert directions == {"收到", "发出"}


def test_search_attention_filter_and_sorting(qtbot, demo):
    page = _page(qtbot, demo)
    type_text(qtbot, page.search, "溪口")
    assert page.proxy.rowCount() == 1 and _cell(page, 0, vm.NAME) == "溪口村"
    page.search.clear()
    page.attention_check.click()
    shown_names = [_cell(page, r, vm.NAME) for r in range(page.proxy.rowCount())]
    assert "大坪村" in shown_names and "青山村" not in shown_names
    page.attention_check.click()
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(vm.SILENCE) + header.sectionSize(vm.SILENCE) // 2
    for _ in range(2):  # the first click sorts ascending, the second descending
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert header.sortIndicatorSection() == vm.SILENCE
    days = [page.proxy.index(r, vm.SILENCE).data(vm.SORT_ROLE) for r in range(page.proxy.rowCount())]
    assert days == sorted(days, reverse=True) and _cell(page, 0, vm.NAME) == "大坪村"


def test_send_receipt_from_the_export_box(qtbot, demo, tmp_path):
    page = _page(qtbot, demo)
    usb = tmp_path / "U盘"
    usb.mkdir()
    page.target.set_folder(usb)
    page.select_village(f"{TOWNSHIP}001")
    assert page.export_button.isEnabled()
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.export_result is not None, timeout=10000)
    qtbot.waitUntil(lambda: not page.jobs.is_busy())
    assert page.export_result.number == 2
    assert list(usb.glob(f"{TOWNSHIP}001_乡镇回执_0002_*.cwpkg"))
    qtbot.waitUntil(lambda: _cell(page, 0, vm.RETURNED).startswith("第 2 号"))
    page.message_box.close()
    # the silent village has never had its key refused; a pending one cannot get a 回执
    page.select_village(f"{TOWNSHIP}003")
    assert page.export_button.isEnabled()


def test_enrol_and_import_use_the_exchange_dialogs(qtbot, demo, tmp_path, monkeypatch):
    page = _page(qtbot, demo)
    usb = tmp_path / "U盘"
    usb.mkdir()
    page.target.set_folder(usb)
    qtbot.mouseClick(page.enroll_button, Qt.MouseButton.LeftButton)
    dialog = page.enroll_dialog
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.code_edit, f"{TOWNSHIP}009")
    type_text(qtbot, dialog.name_edit, "新村")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert page.proxy.rowCount() == 4
    new_row = [r for r in range(4) if _cell(page, r, vm.NAME) == "新村"][0]
    assert _cell(page, new_row, vm.STATUS) == "等待第一个数据包"
    assert _cell(page, new_row, vm.FINGERPRINT) == "(还没有)"
    assert "等待第一个数据包 1" in page.summary.text()
    page.message_box.close()
    page.select_village(f"{TOWNSHIP}009")
    assert not page.export_button.isEnabled()

    # 选择文件…: the file chosen is previewed by the import flow; a setup file is refused there
    setup_file = next(usb.glob("*_入网文件_*.cwpkg"))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(setup_file)], ""))
    qtbot.mouseClick(page.import_box.choose_files_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message_box is not None and page.message_box.isVisible())
    assert "入网文件" in page.import_message.text()
    page.message_box.close()


def test_factory_gives_the_township_its_villages_page(qtbot, demo):
    from ui.navigation import areas_for_mode
    from ui.pages.factory import build_page

    paths, session = demo
    area = next(a for a in areas_for_mode("township") if a.key == "villages")
    page = build_page(area, setup_service.current(), session, paths)
    qtbot.addWidget(page)
    assert isinstance(page, VillagesPage)


def test_model_passes_the_model_tester(qtmodeltester, demo):
    from desktop.services import villages_service

    model = vm.VillagesModel()
    model.set_rows(list(villages_service.register(demo[0]).rows))
    qtmodeltester.check(model)


@pytest.mark.screenshots
def test_township_demo_screens(qtbot, demo, settings_store):
    """The demo township's home and 村庄 register as a person sees them.

    The session's 3-village, 1-year demo (one diligent, one late, one silent village: every state
    the register shows) rather than a 12-village, 2-year one built here: that build alone took
    20-30 s of the suite.
    """
    from ui.main_window import MainWindow

    paths, session = demo
    window = shown(qtbot, MainWindow(setup_service.current(), session, paths, settings_store), 1280, 760)
    from ui.pages.home_page import HomePage

    home = window.findChild(HomePage)
    qtbot.waitUntil(lambda: hasattr(home, "township_lines"), timeout=20_000)
    assert any("按时率" in line for line in home.township_lines)
    save(window, "c0_township_demo_home")
    window.navigation.select_area("villages")
    page = window.findChild(VillagesPage)
    page.select_village(f"{TOWNSHIP}003")
    save(window, "c1_villages_register")


def test_a_search_or_filter_that_hides_every_village_says_so(qtbot, demo):
    page = _page(qtbot, demo)
    assert page.table_stack.currentWidget() is page.table
    type_text(qtbot, page.search, "不存在")
    assert page.proxy.rowCount() == 0 and page.table_stack.currentWidget() is page.no_match
    assert "不存在" in page.no_match.text()
    page.search.clear()
    assert page.table_stack.currentWidget() is page.table and page.proxy.rowCount() == 3


def test_the_first_showing_reads_the_register_once_and_the_fingerprint_is_not_shown_twice(qtbot, demo,
                                                                                          monkeypatch):
    """Building the page reads the register; showing it right after must not read it again (a second
    pass over every village's exchange history on the UI thread); showing it later does."""
    from desktop.services import villages_service

    reads = []
    real = villages_service.register
    monkeypatch.setattr(villages_service, "register", lambda *a, **k: reads.append(1) or real(*a, **k))
    page = _page(qtbot, demo)
    assert len(reads) == 1
    page.hide()
    page.show()
    assert len(reads) == 2  # coming back re-reads: days of silence change
    # One table of villages and one fingerprint on the page, whatever tab is shown below.
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        shown_fingerprints = [w for w in page.findChildren(QLabel)
                              if w.isVisible() and w.text().startswith("本机电脑指纹")]
        assert shown_fingerprints == [page.fingerprint_label]
    assert page.fingerprint_label.isVisible()
    from PySide6.QtWidgets import QTableView

    def lists_villages(view: QTableView) -> bool:
        model = view.model()
        titles = {model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())}
        return bool(titles & {"村代码", "村(代码)"})

    assert [w for w in page.findChildren(QTableView) if lists_villages(w)] == [page.table]


def test_the_township_home_shows_fresh_counts_when_the_clerk_comes_back(qtbot, demo):
    from datetime import date

    from desktop.services import review_service
    from ui.pages.home_page import HomePage

    paths, session = demo
    home = shown(qtbot, HomePage(setup_service.current(), session=session, paths=paths), 1100, 700)
    before = home.township_figures.escalations_waiting
    assert before == sum(1 for e in review_service.escalations() if not e.answer) > 0
    e = next(e for e in review_service.escalations() if not e.answer)
    review_service.answer(session, e.kind, e.id, date.today(), "镇民政办", "已督促整改。")
    home.hide()
    home.show()
    assert home.township_figures.escalations_waiting == before - 1
    assert str(before - 1) in [w.text() for w in home.township_card.findChildren(QLabel)]


def test_retiring_a_village_needs_a_reason_and_keeps_its_records(qtbot, demo):
    from PySide6.QtCore import Qt as _Qt

    from desktop.services import exchange_service
    from models.sync.records import Peer
    from tests.support.typing import type_text

    page = _page(qtbot, demo)
    code = f"{TOWNSHIP}002"
    assert page.select_village(code) and page.retire_button.isEnabled()
    dialog = page.retire()
    qtbot.waitExposed(dialog)
    assert dialog.cancel_button.isDefault(), "取消 is what Enter does"
    qtbot.mouseClick(dialog.ok_button, _Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "原因" in dialog.message.text()
    type_text(qtbot, dialog.reason_edit, "已并入石桥村")
    save(dialog, "c8_retire_village")
    qtbot.mouseClick(dialog.ok_button, _Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and "已停用" in page.message.text()
    assert Peer.get_by_id(code).status == "retired"
    page.select_village(code)
    assert _cell(page, page.proxy.mapFromSource(page.model.index(page.model.row_for_code(code), 0)).row(),
                 vm.STATUS) == "已停用"
    assert not page.retire_button.isEnabled() and not page.export_button.isEnabled()
    from models.entities import Person

    assert Person.select().where(Person.owner == code).count() > 0, "its records stay"
    assert exchange_service.history(demo[0], code), "and so does its package history"


def test_after_an_import_the_village_heard_from_is_selected_for_its_receipt(qtbot, pair):
    """A clerk imports 青山村's package with another row (or none) selected: the 回执 goes to 青山村 next."""
    from desktop.services import exchange_service
    from desktop.sync import enrollment
    from tests.support.sites import VILLAGE_CODE

    pair.use("v")
    package = exchange_service.export_package(pair.village_session, pair.village, pair.usb).path
    pair.use("t")
    other = f"{TOWNSHIP}777"
    enrollment.enroll_village(pair.township_session, pair.township, other, "柳林村", pair.usb)
    page = shown(qtbot, VillagesPage(pair.township_session, paths=pair.township), 1200, 700)
    assert page.select_village(other)
    page.import_box.flow.import_files([package])
    qtbot.waitUntil(lambda: page.preview_dialog is not None and page.preview_dialog.isVisible(), timeout=20_000)
    confirm_fingerprint(page.preview_dialog)  # the village read it out on the phone
    qtbot.keyClick(page.preview_dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.last_import is not None, timeout=20_000)
    page.message_box.close()
    assert page.selected_code() == VILLAGE_CODE
    assert page.export_box.recipient().code == VILLAGE_CODE
