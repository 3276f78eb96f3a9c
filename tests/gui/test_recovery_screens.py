"""恢复包 on screen: the township's 生成恢复包… on the 村庄 page, the village's new PC importing it.

Two real installations and real packages: the village sent its records, its
PC died (the data folder deleted), the township re-enrolled it and imported
the new PC's first package; then the screens are driven the way a person
does. Screenshots at 1366×768 go to build/screenshots/.
"""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.paths import AppPaths
from desktop.services import auth_service, exchange_service, setup_service
from desktop.storage import open_store
from desktop.sync import enrollment, importer
from models.db import close_database
from tests.support.first_contact import confirmed_by
from tests.support.screens import save, shown
from tests.support.sites import PASSWORD, VILLAGE_CODE, add_people, canonical_dump, make_login_pair
from ui.exchange.exchange_page import ExchangePage
from ui.township.villages_page import VillagesPage


@pytest.fixture
def dead_village(tmp_path):
    """The village sent two people; its folder is gone; re-enrolled; its new PC's first package imported."""
    pair = make_login_pair(tmp_path)
    pair.use("v")
    add_people(pair.village_session, "王建国", "李秀英")
    first = exchange_service.export_package(pair.village_session, pair.village, pair.usb).path
    pair.use("t")
    importer.apply_import(pair.township_session, first, pair.township, backup=False, confirm=confirmed_by(pair.village))
    original = canonical_dump(pair.township.database, VILLAGE_CODE)
    close_database()
    shutil.rmtree(pair.village.data_dir)
    pair.use("t")
    setup = enrollment.reenroll_village(pair.township_session, pair.township, VILLAGE_CODE, "硬盘坏了", pair.usb)
    close_database()
    new_pc = AppPaths(tmp_path / "新电脑")
    open_store(new_pc, backup_before_migration=False)
    enrollment.initialize_from_setup(setup)
    setup_service.create_user(None, "admin", "管理员", "admin", PASSWORD, PASSWORD)
    session = auth_service.login("admin", PASSWORD)
    hello = exchange_service.export_package(session, new_pc, pair.usb).path
    pair.use("t")
    importer.apply_import(pair.township_session, hello, pair.township, backup=False, confirm=confirmed_by(new_pc))
    return pair, new_pc, session, original


def _township_page(qtbot, pair) -> VillagesPage:
    page = shown(qtbot, VillagesPage(pair.township_session, paths=pair.township), 1366, 768)
    page.target.set_folder(pair.usb)
    assert page.select_village(VILLAGE_CODE)
    return page


def test_the_township_writes_a_recovery_and_the_new_pc_imports_it(qtbot, dead_village):
    """"the township writes a 恢复包 … the new PC imports it": 村庄 → 生成恢复包…, then 数据交换 at the village."""
    pair, new_pc, village_session, original = dead_village
    page = _township_page(qtbot, pair)
    assert page.recovery_button.isEnabled()
    qtbot.mouseClick(page.recovery_button, Qt.MouseButton.LeftButton)
    dialog = page.recovery_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert "没有备份时使用" in dialog.when.text() and "(2 条)" in dialog.when.text()
    assert "账号和密码" in dialog.not_included.text()
    assert dialog.cancel_button.isDefault()
    save(page.window(), "recovery-township-dialog-page")
    save(dialog, "recovery-township-dialog")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20_000)
    assert dialog.written.records == 2
    qtbot.waitUntil(lambda: page.message_box is not None and page.message_box.isVisible())
    assert "恢复包已生成" in page.message_box.text()
    written = dialog.written.path
    page.message_box.close()
    close_database()

    open_store(new_pc, backup_before_migration=False)
    village = shown(qtbot, ExchangePage(village_session, paths=new_pc), 1366, 768)
    village.import_files([written])
    flow = village.import_box.flow
    qtbot.waitUntil(lambda: flow.recovery_step is not None and flow.recovery_step.preview_dialog is not None
                    and flow.recovery_step.preview_dialog.isVisible(), timeout=20_000)
    preview = flow.recovery_step.preview_dialog
    assert "为本村生成的恢复包" in preview.summary_label.text() and "包含 2 条记录" in preview.summary_label.text()
    assert preview.table.item(0, 0).text() == "人员" and preview.table.item(0, 1).text() == "2"
    save(preview, "recovery-village-preview")
    qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: village.message_box is not None and village.message_box.isVisible(), timeout=20_000)
    assert "恢复完成" in village.message_box.text()
    village.message_box.close()
    assert any("恢复包" in village.history_table.item(r, c).text()
               for r in range(village.history_table.rowCount()) for c in range(village.history_table.columnCount()))
    save(village, "recovery-village-after")
    close_database()
    assert canonical_dump(new_pc.database, VILLAGE_CODE) == original


def test_the_button_explains_why_not_before_the_new_pc_sent_its_key(qtbot, tmp_path):
    """Re-enrolled, no package from the new PC yet: the dialog says what to do first and cannot write."""
    pair = make_login_pair(tmp_path)
    pair.use("v")
    add_people(pair.village_session, "王建国")
    first = exchange_service.export_package(pair.village_session, pair.village, pair.usb).path
    pair.use("t")
    importer.apply_import(pair.township_session, first, pair.township, backup=False, confirm=confirmed_by(pair.village))
    enrollment.reenroll_village(pair.township_session, pair.township, VILLAGE_CODE, "换电脑", pair.usb)
    page = _township_page(qtbot, pair)
    dialog = page.write_recovery()
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.ok_button.isEnabled()
    assert "还没有收到" in dialog.message.text() and "重新入网" in dialog.message.text()
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    close_database()


def test_a_recovery_on_the_townships_stick_is_its_own():
    """The township wrote the 恢复包: scanning a U盘 at the township offers it unticked (it is for the village)."""
    from ui.widgets.exchange.import_flow import SIDE_TOWNSHIP, SIDE_VILLAGE, is_own_package

    name = f"{VILLAGE_CODE}_恢复包_20261204.cwpkg"
    assert is_own_package(SIDE_TOWNSHIP, "330106001", name)
    assert not is_own_package(SIDE_VILLAGE, VILLAGE_CODE, name)
