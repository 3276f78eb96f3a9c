"""乡镇 and 报表 at the county: enrol a township, import its 汇总包 (fingerprint by phone), report, 回执."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services import county_service
from desktop.services.session import cli_session
from desktop.sync import first_contact, keys
from tests.support.county import county_into_store, synthetic_body, write_aggregate
from tests.support.typing import type_text
from ui.county.reports_page import CountyReportsPage
from ui.county.townships_page import TownshipsPage


def test_enrol_a_township_then_import_its_first_package_with_the_fingerprint(qtbot, store, tmp_path):
    county_into_store(townships=1, villages=2, years=1)
    page = TownshipsPage(cli_session("county"), store)
    qtbot.addWidget(page)
    page.resize(1008, 520)
    page.show()
    assert page.model.rowCount() == 1 and "本机电脑指纹" in page.fingerprint_label.text()

    qtbot.mouseClick(page.enroll_button, Qt.MouseButton.LeftButton)
    dialog = page.enroll_dialog
    qtbot.keyClicks(dialog.code_edit, "330107001")  # another county's township: said under the field
    assert not dialog.check_code() and "不属于本县" in dialog.code_message.text()
    dialog.code_edit.clear()
    qtbot.keyClicks(dialog.code_edit, "330106005")
    type_text(qtbot, dialog.name_edit, "石门乡")
    dialog.target.set_folder(tmp_path)
    dialog.accept()
    assert dialog.written is not None and dialog.written.is_file()
    page.notifier.box.close()
    assert page.model.rowCount() == 2
    waiting = page.model.row_at(1)
    assert waiting.code == "330106005" and page.model.index(1, 2).data() == "等待第一个汇总包"

    key_dir = tmp_path / "石门乡的电脑"
    package = write_aggregate(key_dir, synthetic_body("330106005", "石门乡", 2, 1, seed=5), 1, tmp_path / "U盘")
    junk = tmp_path / "330106005_县级汇总_0009_20261205.cwpkg"
    junk.write_bytes(b"not a package")
    page.import_files([junk])  # refused, said; the next file is still taken (it was ignored: tester, issue 19)
    qtbot.waitUntil(lambda: "已拒绝" in page.message.text())
    page.import_files([package])
    qtbot.waitUntil(lambda: page.flow.preview_dialog is not None and page.flow.preview_dialog.isVisible())
    preview = page.flow.preview_dialog
    assert not preview.import_button.isEnabled()  # until the fingerprint heard on the phone is typed
    preview.fingerprint_edit.setText("ABCD-EFGH")
    assert not preview.import_button.isEnabled() and "不一致" in preview.fingerprint_status.text()
    preview.fingerprint_edit.setText(first_contact.spoken(keys.load_or_create(key_dir).fingerprint))
    assert preview.import_button.isEnabled()
    qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.flow.last_import is not None)
    page.notifier.box.close()
    row = county_service.township("330106005")
    assert row.last_number == 1 and row.confirmed and row.villages == 2
    assert page.model.index(1, 2).data() == "正常"

    # 停用… asks for a reason first; then no more of its packages, its data kept
    page.select_township("330106005")
    dialog = page.retire()
    dialog.accept()
    assert dialog.isVisible() and dialog.message.text()  # no reason: said, nothing done
    type_text(qtbot, dialog.reason_edit, "已撤并入城关镇")
    dialog.accept()
    assert not dialog.isVisible() and county_service.township("330106005").retired
    assert page.model.index(1, 2).data() == "已停用" and not page.retire_button.isEnabled()


def test_the_county_report_and_the_receipts_to_townships(qtbot, store, tmp_path):
    county_into_store(townships=2, villages=2, years=1)
    page = CountyReportsPage(cli_session("county"), store)
    qtbot.addWidget(page)
    page.show()
    assert page.period() and page.township_combo.count() == 3  # 全部乡镇 and the two imported from
    assert page.write_report(tmp_path / "县级合规报表.xlsx")
    qtbot.waitUntil(lambda: page.written is not None, timeout=20_000)
    assert page.written.is_file()

    page.receipt_target.set_folder(tmp_path)
    assert page.export_receipts()
    qtbot.waitUntil(lambda: len(page.receipts) == 2)
    assert all(r.path.is_file() and "_县级回执_" in r.path.name for r in page.receipts)
    assert "已写 2 份回执" in page.receipt_message.text()
