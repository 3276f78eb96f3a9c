"""Issue 16's audit witness on screen: the import preview and the 村庄 page say so in red (1366×768)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from models.db import close_database
from tests.support.audit_tamper import rewrite_audit_log
from tests.support.screens import save, shown
from tests.support.sites import VILLAGE_CODE, export_to, import_into, make_pair
from ui.township import villages_model as vm
from ui.township.villages_page import VillagesPage


def test_a_rewritten_village_audit_is_red_in_the_preview_and_on_the_villages_page(qtbot, tmp_path):
    """"The township ... flags a village whose new chain does not extend the last head it saw (rows removed
    or rewritten after they were sent): the import preview and the 村庄 page say so in red"."""
    from desktop.services import record_store
    from models.entities import Person

    township, village, usb = make_pair(tmp_path, years=1)
    import_into(township, export_to(village, usb).path)
    rewrite_audit_log(village.paths.database, "edit")
    session = village.use()
    record_store.update(session, Person.select().order_by(Person.id).first(), name="改名后")
    close_database()
    second = export_to(village, usb).path

    session = township.use()
    page = shown(qtbot, VillagesPage(session, paths=township.paths), 1366, 768)
    assert not page.audit_banner.isVisible()
    page.import_files([second])
    qtbot.waitUntil(lambda: page.preview_dialog is not None and page.preview_dialog.isVisible(), timeout=30_000)
    dialog = page.preview_dialog
    flag = dialog.audit_label
    assert flag.isVisible() and flag.property("audit") == "broken"
    assert flag.text().startswith("审计日志异常:青山村审计日志的第 ") and "不一致" in flag.text()
    assert "#b3261e" in flag.styleSheet()  # the palette's RED
    assert flag.textFormat() == Qt.TextFormat.PlainText
    save(dialog, "attack-witness-preview")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # a broken chain does not refuse the import
    qtbot.waitUntil(lambda: page.last_import is not None, timeout=30_000)
    page.message_box.close()

    assert page.audit_banner.isVisible() and "#b3261e" in page.audit_banner.styleSheet()
    assert "青山村" in page.audit_banner.text() and "重新入网" in page.audit_banner.text()
    row = page.model.row_for_code(VILLAGE_CODE)
    status = page.proxy.mapFromSource(page.model.index(row, vm.STATUS))
    assert status.data().endswith("审计日志被改动")
    assert status.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "不一致" in status.data(Qt.ItemDataRole.ToolTipRole)
    save(page, "attack-witness-villages")
    page.refresh()  # still flagged after re-reading (kept until re-enrolment)
    assert page.audit_banner.isVisible()
