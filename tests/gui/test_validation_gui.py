"""Issue 15 — validation in the screens: a 23-digit amount, a date that is not one, never a traceback.

Before: typing 99999999999999999999999 as an amount and saving reached SQLite
and ended in “操作没有完成,出现了意外的问题” (OverflowError in the log).
"""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.services import disclosure_service as ds
from tests.gui.test_disclosure_editor import open_editor, type_cell, users
from tests.support.demo import demo_login, supervision_village
from tests.support.typing import type_text
from ui.disclosure.lines_model import DAY, INCOME

HUGE = "99999999999999999999999"


def _no_unexpected(caplog, editor) -> None:
    assert "意外" not in editor.message.text()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], [r.getMessage() for r in caplog.records]


def test_a_23_digit_amount_is_refused_in_chinese_and_nothing_is_saved(qtbot, village, caplog):
    _paths, admin = village
    secretary, _committee = users(admin)
    item = ds.create_item(secretary, "finance_monthly", "2026-10", "2026年10月财务收支公开")
    editor = open_editor(qtbot, secretary, item.id)
    te = editor.table_editor
    view = te.view
    view.start_typing(0, DAY)
    for text in ("3", "J-001", "集体鱼塘承包费", "发包收入", HUGE):
        type_cell(qtbot, view, text)
    view.commit_editor()
    index = te.model.index(0, INCOME)
    assert index.data(Qt.ItemDataRole.ForegroundRole).name() == "#b3261e"
    assert "整数部分最多 13 位" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert f"第 1 行收入“{HUGE}”太大" in te.check_text()
    assert "第 1 行没有金额" not in te.check_text()  # said once, as what it is
    assert not editor.submit_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "没有保存" in editor.message.text() and "13 位" in editor.message.text()
    _no_unexpected(caplog, editor)
    assert ds.table(item.id) == (0, 0, [])

    # The opening balance too.
    view.start_typing(0, INCOME)
    type_cell(qtbot, view, "100")
    view.commit_editor()
    type_text(qtbot, te.opening_edit, HUGE)
    assert "期初余额" in te.check_text() and "13 位" in te.check_text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "没有保存" in editor.message.text()
    _no_unexpected(caplog, editor)
    assert ds.table(item.id) == (0, 0, [])


def test_a_day_that_is_not_a_date_is_red_and_blocks_submission(qtbot, village):
    _paths, admin = village
    secretary, _committee = users(admin)
    item = ds.create_item(secretary, "finance_monthly", "2026-02", "2026年2月财务收支公开")
    editor = open_editor(qtbot, secretary, item.id)
    te = editor.table_editor
    view = te.view
    view.start_typing(0, DAY)
    for text in ("30", "J-001", "集体鱼塘承包费", "发包收入", "100"):
        type_cell(qtbot, view, text)
    view.commit_editor()
    te.closing_edit.setText("100")
    index = te.model.index(0, DAY)
    assert index.data() == "2026-02-30"
    assert index.data(Qt.ItemDataRole.ForegroundRole).name() == "#b3261e"
    assert "2026 年 2 月没有 30 日" in te.check_text()
    assert not editor.submit_button.isEnabled()
    # Typed forms of a date become yyyy-MM-dd; one outside the month is a warning.
    view.start_typing(0, DAY)
    type_cell(qtbot, view, "2026年3月2日")
    view.commit_editor()
    assert te.model.index(0, DAY).data() == "2026-03-02"
    assert "第 1 行日期 2026-03-02 不在本期(2026年2月)内" in te.check_text()
    view.start_typing(0, DAY)
    type_cell(qtbot, view, "2.27")
    view.commit_editor()
    assert te.model.index(0, DAY).data() == "2026-02-27"
    assert "账平" in te.check_text() and editor.submit_button.isEnabled()


@pytest.fixture
def vouchers(qtbot, store):
    from ui.meetings.meeting_editor import MeetingEditor
    from ui.supervision.supervision_page import SupervisionPage

    supervision_village()
    page = SupervisionPage(demo_login("jianwei"), MeetingEditor)  # the committee records 民主理财 as its chair
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitExposed(page)
    page.tabs.setCurrentWidget(page.vouchers_tab)
    return page


def test_voucher_review_total_and_questioned_amount_of_23_digits(qtbot, vouchers, caplog):
    tab = vouchers.vouchers_tab
    before = tab.list_model.rowCount()
    type_text(qtbot, tab.amount_edit, HUGE)
    assert tab.amount_message.role() == "error" and "13 位" in tab.amount_message.text()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.list_model.rowCount() == before
    tab.amount_edit.clear()
    type_text(qtbot, tab.amount_edit, "12,345.60")
    tab.count_spin.setValue(18)
    type_text(qtbot, tab.signed_edit, "王国生")
    qtbot.mouseClick(tab.add_row_button, Qt.MouseButton.LeftButton)
    tab.questioned.item(0, 0).setText("记-009")
    tab.questioned.item(0, 1).setText(HUGE)
    tab.questioned.item(0, 2).setText("发票抬头不符")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.message.role() == "error" and "太大" in tab.message.text()
    assert "意外" not in tab.message.text()
    assert tab.list_model.rowCount() == before
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_the_editor_shows_the_carried_opening_balance_and_warns_when_it_is_changed(qtbot, village):
    from tests.unit.test_validation_limits import _posted_month

    _paths, admin = village
    secretary, _committee = users(admin)
    _posted_month(secretary, "2026-09", 0, 1234500)
    item = ds.create_item(secretary, "finance_monthly", "2026-10", "2026年10月财务收支公开")
    editor = open_editor(qtbot, secretary, item.id)
    te = editor.table_editor
    assert te.opening_edit.text() == "12,345.00"
    assert "不一致" not in te.check_text()
    te.opening_edit.selectAll()
    type_text(qtbot, te.opening_edit, "12,000")
    assert "与上月期末余额 12,345.00 元不一致" in te.check_text()
    view = te.view
    view.start_typing(0, DAY)
    for text in ("3", "J-001", "集体鱼塘承包费", "发包收入", "100"):
        type_cell(qtbot, view, text)
    view.commit_editor()
    te.closing_edit.setText("12,100")
    assert "与上月期末余额 12,345.00 元不一致" in te.check_text()
    assert editor.submit_button.isEnabled()  # a warning, not a refusal: an adjustment can be right


def test_the_wizard_refuses_a_10_digit_village_code_and_says_what_is_expected(qtbot, store):
    from tests.gui.test_setup_wizard import NEXT, _click, _wizard

    wizard = _wizard(qtbot)
    _click(qtbot, wizard, NEXT)
    page = wizard.identity_page
    type_text(qtbot, page.name_edit, "青山村")
    qtbot.keyClicks(page.code_edit, "3301060010")
    assert page.code_message.role() == "error"
    assert "村代码应为 12 位数字" in page.code_message.text() and "330106001001" in page.code_message.text()
    assert not wizard.button(NEXT).isEnabled()
    qtbot.keyClicks(page.code_edit, "01")
    assert page.code_message.role() != "error" and wizard.button(NEXT).isEnabled()
    # A township's code is its 9 digits: going back and choosing 乡镇 checks the code again.
    wizard.back()
    radio = wizard.mode_page.township_radio
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(12, radio.height() // 2))
    assert wizard.mode_page.mode() == "township"
    _click(qtbot, wizard, NEXT)
    assert "乡镇代码应为 9 位数字" in page.code_message.text()
    assert not wizard.button(NEXT).isEnabled()
    page.code_edit.clear()
    qtbot.keyClicks(page.code_edit, "990106001")
    assert "不是省级代码" in page.code_message.text()
    page.code_edit.clear()
    qtbot.keyClicks(page.code_edit, "330106001")
    assert page.code_message.role() != "error" and wizard.button(NEXT).isEnabled()


def test_the_township_enrol_dialog_checks_the_code_as_it_is_typed(qtbot, township, tmp_path):
    from PySide6.QtWidgets import QDialog

    from ui.township.enrol_dialogs import EnrollDialog

    paths, session = township
    dialog = EnrollDialog(session, paths)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    usb = tmp_path / "U盘"
    usb.mkdir()
    dialog.target.set_folder(usb)
    qtbot.keyClicks(dialog.code_edit, "3301060010")
    assert dialog.code_message.role() == "error" and "村代码应为 12 位数字" in dialog.code_message.text()
    type_text(qtbot, dialog.name_edit, "新村")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "村代码应为 12 位数字" in dialog.message.text()
    assert not list(usb.iterdir())  # nothing written
    dialog.code_edit.clear()
    qtbot.keyClicks(dialog.code_edit, "330106002001")
    assert "都以 330106001 开头" in dialog.code_message.text()
    dialog.code_edit.clear()
    qtbot.keyClicks(dialog.code_edit, "330106001009")
    assert dialog.code_message.role() != "error"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_posting_date_of_an_item_takes_typed_dates(qtbot, village):
    from datetime import date

    from ui.disclosure.review_panel import PostingSection

    _paths, admin = village
    section = PostingSection(admin)
    qtbot.addWidget(section)
    section.show()
    qtbot.waitExposed(section)
    field = section.posted_edit
    for text, expected in (("11.28", date(date.today().year, 11, 28)), ("2026年11月28日", date(2026, 11, 28)),
                           ("20261128", date(2026, 11, 28))):
        field.lineEdit().selectAll()
        type_text(qtbot, field.lineEdit(), text)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert field.value() == expected, text
    refusals = []
    field.refused.connect(refusals.append)
    field.lineEdit().selectAll()
    type_text(qtbot, field.lineEdit(), "2026-02-30")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.value() == date(2026, 11, 28) and "2026 年 2 月没有 30 日" in refusals[-1]


def test_imported_ledger_dates_are_written_as_typed_ones(qtbot):
    from models.disclosure.financial_table import Line
    from ui.disclosure.table_editor import FinancialTableEditor

    te = FinancialTableEditor()
    qtbot.addWidget(te)
    te.model.set_month("2026-10")
    te.import_lines([Line("10月3日", "记-1", "收到租金", "租赁收入", 100, 0),
                     Line("2026/10/09", "记-2", "购买灯泡", "办公费", 0, 50),
                     Line("10月32日", "记-3", "误录", "办公费", 0, 50)], None)
    assert [x.day for x in te.lines()] == ["2026-10-03", "2026-10-09", "10月32日"]
    assert "第 3 行日期“10月32日”2026 年 10 月没有 32 日" in te.check_text()
