"""The 村务公开 page: the calendar grid, the list with 新建, feedback, the ledger import, the year's .xlsx."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.services import disclosure_service as ds
from desktop.services.session import Session
from models.disclosure.financial_table import Line
from tests.support.committee import reviewer
from tests.support.ledgers import messy_cash_journal
from tests.support.typing import type_text


@pytest.fixture
def page(qtbot, village):
    from ui.disclosure.disclosure_page import DisclosurePage

    _paths, admin = village
    page = DisclosurePage(admin)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    qtbot.waitExposed(page)
    return page


def _posted(session: Session, period: str, posted: date) -> str:
    item = ds.create_item(session, "finance_monthly", period, f"{period} 财务收支公开")
    ds.save_table(session, item.id, 0, 1000, [Line(f"{period}-02", "1", "厂房租金", "租赁收入", 1000, 0)])
    ds.submit(session, item.id, posted - timedelta(days=2))
    ds.review(reviewer(session), item.id, posted - timedelta(days=1), True)
    ds.post(session, item.id, posted, ["村务公开栏"])
    return item.id


def test_new_item_from_the_list_opens_the_editor(qtbot, page):
    tab = page.list_tab
    page.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = page.new_dialog
    qtbot.waitExposed(dialog)
    # A 随时 subject asks for the date of the event instead of a month.
    dialog.set_subject("projects")
    assert dialog.kind() == "ad_hoc" and dialog.period_stack.currentWidget() is dialog.event_edit
    dialog.set_subject("finance_monthly")
    assert dialog.kind() == "month" and dialog.part_combo.isVisible()
    dialog.year_spin.setValue(2026)
    dialog.part_combo.setCurrentIndex(9)
    assert dialog.period() == "2026-10"
    assert dialog.title_edit.text() == "2026年10月财务收支公开"
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.editor is not None)
    assert page.editor.detail.period == "2026-10"
    assert page.editor.table_editor.isVisible()
    assert tab.model.rowCount() == 1
    assert tab.current_id() == page.editor.item_id


def test_new_item_refuses_an_empty_title(qtbot, page):
    dialog = page.new_item()
    dialog.set_subject("relief")
    assert dialog.kind() == "quarter"
    dialog.title_edit.clear()
    dialog.title_edit.textEdited.emit("")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert "请填写标题" in dialog.message.text()
    assert dialog.isVisible() and ds.list_items() == []


def test_list_filters_by_category(qtbot, page, village):
    _paths, admin = village
    ds.create_item(admin, "finance_monthly", "2026-01", "一月财务")
    ds.create_item(admin, "village_affairs", "2026Q1", "一季度村务", content="一、……")
    tab = page.list_tab
    tab.reload_years()
    tab.set_filters(2026)
    assert tab.model.rowCount() == 2
    tab.set_filters(2026, "finance")
    assert tab.model.rowCount() == 1 and tab.model.row_at(0).title == "一月财务"
    tab.set_filters(2025)
    assert tab.model.rowCount() == 0


def test_calendar_grid_colours_and_opens(qtbot, village):
    from ui.disclosure.calendar_tab import CalendarTab

    _paths, admin = village
    on_time = _posted(admin, "2026-01", date(2026, 2, 20))  # national profile: due 2026-02-28
    _posted(admin, "2026-02", date(2026, 4, 10))  # late
    tab = CalendarTab(today=date(2026, 5, 20))
    qtbot.addWidget(tab)
    tab.set_year(2026)
    tab.show()
    qtbot.waitExposed(tab)
    january = tab.obligation_at(*tab.cell_of("2026-01"))
    assert january.status == "on_time" and january.item_id == on_time
    assert tab.obligation_at(*tab.cell_of("2026-02")).status == "late"
    assert tab.obligation_at(*tab.cell_of("2026-03")).status == "overdue"
    row, column = tab.cell_of("2026-03")
    assert tab.grid.item(row, column).foreground().color().name() == "#b3261e"
    assert tab.grid.item(*tab.cell_of("2026-01")).foreground().color().name() == "#2e7d32"
    assert tab.grid.item(*tab.cell_of("2026-02")).foreground().color().name() == "#8a5a00"
    assert "逾期未公开" in tab.summary_label.text()
    # A 浙江 village: its quarterly "20th" is a county catalogue's practice, and the tab says so.
    assert tab.practice_note.isVisible() and "惯例" in tab.practice_note.text()

    with qtbot.waitSignal(tab.open_requested) as opened:
        rect = tab.grid.visualItemRect(tab.grid.item(*tab.cell_of("2026-01")))
        qtbot.mouseClick(tab.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [on_time]
    with qtbot.waitSignal(tab.new_requested) as new:
        rect = tab.grid.visualItemRect(tab.grid.item(row, column))
        qtbot.mouseClick(tab.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert new.args == ["finance_monthly", "month", "2026-03"]


def test_feedback_add_and_answer(qtbot, qtmodeltester, page):
    tab = page.feedback_tab
    page.tabs.setCurrentWidget(tab)
    tab.received_edit.setDate(date.today() - timedelta(days=20))
    type_text(qtbot, tab.content_edit, "路灯电费为什么比上月多?")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, 1).data() == "匿名"
    assert "逾期未答复" in tab.model.index(0, 4).data()  # 20 days > the national 10
    assert tab.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).name() == "#b3261e"
    assert "1 条已超过" in tab.summary_label.text()
    tab.table.selectRow(0)
    assert tab.answer_button.isEnabled()
    type_text(qtbot, tab.answer_edit, "冬季亮灯时间延长")
    qtbot.mouseClick(tab.answer_button, Qt.MouseButton.LeftButton)
    assert "已答复" in tab.model.index(0, 4).data()
    assert "0 条已超过" in tab.summary_label.text()
    qtmodeltester.check(tab.model)





def test_ledger_import_shows_skipped_rows(qtbot, village, tmp_path):
    from ui.disclosure.item_editor import ItemEditor
    from ui.disclosure.ledger_import_dialog import LedgerImportDialog

    _paths, admin = village
    item = ds.create_item(admin, "finance_monthly", "2026-10", "2026年10月财务收支公开")
    editor = ItemEditor(admin, item.id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    qtbot.mouseClick(editor.table_editor.import_button, Qt.MouseButton.LeftButton)
    dialog = editor.import_dialog
    assert isinstance(dialog, LedgerImportDialog)

    not_excel = tmp_path / "台账.xlsx"
    not_excel.write_text("这不是表格", "utf-8")
    assert not dialog.load_file(not_excel)
    assert "不是 Excel" in dialog.message.text()
    assert not dialog.ok_button.isEnabled()

    book = tmp_path / "现金日记账.xlsx"
    messy_cash_journal(book)
    assert dialog.load_file(book)
    assert [dialog.sheet_combo.itemText(i) for i in range(dialog.sheet_combo.count())] == ["10月", "说明"]
    assert dialog.lines_table.rowCount() == 2
    reasons = dialog.skipped_reasons()
    assert any("三百元" in r and "不是数字" in r for r in reasons)
    assert any("合计" in r for r in reasons)
    assert any("合并单元格" in r or "没有摘要" in r for r in reasons)
    assert "没有导入的行(3 行" in dialog.skipped_title.text()
    assert "期初余额 15,000.00 元" in dialog.summary_label.text()

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    te = editor.table_editor
    assert [(x.summary, x.income_fen, x.expense_fen) for x in te.lines()] == [
        ("厂房租金", 120000, 0), ("路灯电费", 0, 35680)]
    assert te.opening_fen() == 1500000
    assert "已导入 2 笔明细" in editor.message.text()


def test_year_xlsx_export_runs_in_the_background(qtbot, page, village, tmp_path):
    _paths, admin = village
    _posted(admin, "2026-01", date(2026, 2, 20))
    tab = page.list_tab
    tab.reload_years()
    tab.set_filters(2026)
    out = tmp_path / "2026.xlsx"
    with qtbot.waitSignal(tab.exporter.finished, timeout=20000):
        assert tab.export_year(2026, out)
    from openpyxl import load_workbook

    wb = load_workbook(out)
    assert "公开事项" in wb.sheetnames
    assert "已导出" in tab.message.text()


def test_unanswered_feedback_is_reported_to_the_township(qtbot, village):
    from datetime import date

    from PySide6.QtCore import Qt

    from desktop.services import disclosure_service as ds_mod
    from ui.disclosure.feedback_tab import FeedbackTab

    _, admin = village
    fb = ds_mod.add_feedback(admin, date(2026, 10, 1), "路灯账目不清")
    tab = FeedbackTab(admin, today=date(2026, 11, 1))
    qtbot.addWidget(tab)
    tab.select(fb.id)
    assert tab.escalate_button.isEnabled()
    qtbot.mouseClick(tab.escalate_button, Qt.MouseButton.LeftButton)
    assert "已报告乡镇" in tab.answer_message.text()
    assert not tab.escalate_button.isEnabled()


def test_catalogue_dialog_adds_renames_and_stops_own_subjects(qtbot, qtmodeltester, page, village):
    _paths, admin = village
    qtbot.mouseClick(page.catalogue_button, Qt.MouseButton.LeftButton)
    dialog = page.catalogue_dialog
    qtbot.waitExposed(dialog)
    # Built-ins (the law's and 浙江's) are marked and cannot be changed.
    row = dialog.row_of("projects")
    assert dialog.model.index(row, 3).data() == "内置"
    assert dialog.model.index(dialog.row_of("major_matters"), 3).data() == "内置(本省规定)"
    dialog.table.selectRow(row)
    assert not dialog.edit_button.isEnabled() and not dialog.toggle_button.isEnabled()
    assert "不能修改" in dialog.edit_button.toolTip()

    add = dialog.add()
    qtbot.waitExposed(add)
    type_text(qtbot, add.label_edit, "工程项目")
    qtbot.mouseClick(add.buttons.button(add.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert "内置的“工程项目”" in add.message.text() and add.isVisible()
    add.label_edit.clear()
    type_text(qtbot, add.label_edit, "美丽乡村建设项目")
    qtbot.mouseClick(add.buttons.button(add.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not add.isVisible())
    own = dialog.current()
    assert own is not None and own.label == "美丽乡村建设项目" and own.period_kind == "ad_hoc"
    assert dialog.model.index(dialog.row_of(own.code), 3).data() == "本村新增"
    assert dialog.edit_button.isEnabled() and dialog.toggle_button.text() == "停用"

    # The new subject is offered when creating an item, and the item shows its label in the list.
    new = page.new_item()
    new.set_subject(own.code)
    assert new.kind() == "ad_hoc" and new.title_edit.text() == "美丽乡村建设项目公开"
    new.reject()
    item = ds.create_item(admin, own.code, "", "村口道路硬化", event_date=date(2026, 5, 3))

    edit = dialog.edit()
    qtbot.waitExposed(edit)
    edit.label_edit.selectAll()
    type_text(qtbot, edit.label_edit, "美丽乡村建设")
    qtbot.mouseClick(edit.buttons.button(edit.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not edit.isVisible())
    page.list_tab.set_filters(2026)
    assert page.list_tab.model.row_at(0).id == item.id
    assert page.list_tab.model.index(0, 2).data() == "美丽乡村建设"

    qtbot.mouseClick(dialog.toggle_button, Qt.MouseButton.LeftButton)
    assert dialog.model.index(dialog.row_of(own.code), 4).data() == "已停用"
    qtmodeltester.check(dialog.model)
    assert dialog.toggle_button.text() == "启用"
    new = page.new_item()
    assert new.subject_combo.findData(own.code) < 0  # a stopped subject takes no new items
    new.reject()
    assert page.list_tab.model.index(0, 2).data() == "美丽乡村建设"  # the old item keeps it


def test_catalogue_is_read_only_for_the_committee(qtbot, village):
    from desktop.services import auth_service, setup_service
    from ui.disclosure.catalogue_dialog import CatalogueDialog

    _paths, admin = village
    own = ds.add_subject(admin, "集体经济分红", "finance", "year")
    setup_service.create_user(admin, "jianwei", "监委会主任", "committee", "Pass-1234")
    dialog = CatalogueDialog(auth_service.login("jianwei", "Pass-1234"))
    qtbot.addWidget(dialog)
    dialog.select(own.code)
    assert not dialog.add_button.isEnabled() and not dialog.edit_button.isEnabled()
    assert not dialog.toggle_button.isEnabled() and "只能查看" in dialog.toggle_button.toolTip()


def test_calendar_lists_ad_hoc_items_with_their_state(qtbot, qtmodeltester, village):
    from ui.disclosure.ad_hoc_model import STATE
    from ui.disclosure.calendar_tab import CalendarTab

    _paths, admin = village
    late = ds.create_item(admin, "projects", "", "村道硬化工程", event_date=date(2026, 3, 2)).id
    ds.submit(admin, late, date(2026, 3, 20))
    ds.review(reviewer(admin), late, date(2026, 3, 20), True)
    ds.post(admin, late, date(2026, 3, 20), ["村务公开栏"])  # due 3月12日 (10 days): late
    overdue = ds.create_item(admin, "four_two", "", "光伏项目决议", event_date=date(2026, 5, 1)).id
    tab = CalendarTab(today=date(2026, 5, 20))
    qtbot.addWidget(tab)
    tab.set_year(2026)
    tab.show()
    qtbot.waitExposed(tab)
    assert tab.ad_hoc_model.rowCount() == 2 and tab.ad_hoc_table.isVisible()
    qtmodeltester.check(tab.ad_hoc_model)
    assert [tab.ad_hoc_at(r).status for r in range(2)] == ["late", "overdue"]
    assert tab.ad_hoc_model.index(0, 3).data() == "3月12日前"
    assert tab.ad_hoc_model.index(0, 1).data() == "工程项目"
    assert tab.ad_hoc_model.index(1, STATE).data() == "逾期未公开"
    assert tab.ad_hoc_model.index(1, STATE).data(Qt.ItemDataRole.ForegroundRole).name() == "#b3261e"  # as in the grid
    assert "随时公开 2 项" in tab.summary_label.text()
    assert "通行做法" in tab.ad_hoc_rule.text()  # 浙江 sets no number of days
    with qtbot.waitSignal(tab.open_requested) as opened:
        rect = tab.ad_hoc_table.visualRect(tab.ad_hoc_model.index(1, 2))
        qtbot.mouseClick(tab.ad_hoc_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [overdue]
    tab.set_year(2025)
    assert not tab.ad_hoc_table.isVisible() and tab.ad_hoc_empty.isVisible()


def test_item_list_model_passes_the_model_tester_and_sorts_by_the_raw_period(qtmodeltester, store):
    from tests.support.demo import demo_village
    from ui.disclosure.list_tab import PERIOD, ItemListModel
    from ui.widgets.batched_model import SORT_ROLE

    demo_village()
    model = ItemListModel()
    model.load(None, None)
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    assert model.index(0, PERIOD).data(SORT_ROLE) == model.row_at(0).period


def test_open_is_offered_only_with_an_item_chosen(qtbot, page, village):
    """An empty list offered 打开, then said 请先在列表里选中一项."""
    _paths, admin = village
    tab = page.list_tab
    page.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() == 0 and not tab.open_button.isEnabled()
    ds.create_item(admin, "finance_monthly", "2026-01", "一月财务")
    tab.reload_years()
    tab.set_filters(2026)
    tab.refresh()
    assert not tab.open_button.isEnabled()
    rect = tab.table.visualRect(tab.table.model().index(0, 0))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.open_button.isEnabled()


def test_the_list_keeps_the_selection_through_a_save_and_moves_on_after_abandon(qtbot, page):
    """Issue 20 tester: the paged list is read again on every save (a model reset); the item being
    edited stays selected, and after 放弃草稿 the next item takes the removed one's place."""
    from PySide6.QtWidgets import QMessageBox

    tab = page.list_tab
    page.tabs.setCurrentWidget(tab)
    made = []
    for subject, month in (("finance_monthly", 3), ("village_affairs", None)):
        dialog = page.new_item()
        dialog.set_subject(subject)
        dialog.year_spin.setValue(2026)
        if month is not None:
            dialog.part_combo.setCurrentIndex(month - 1)
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible())
        made.append(page.editor.item_id)
    editor = page.editor
    assert tab.current_id() == made[1]
    editor.content_view.setPlainText("一、村道硬化")
    assert editor.save()
    assert tab.current_id() == made[1]  # the list was read again; the edited item is still the one selected
    editor.close()
    tab.ask_abandon()
    qtbot.mouseClick(tab.pending_box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.count_label.text() == "共 1 项")
    assert tab.current_id() == made[0]


def test_enter_opens_the_selected_item(qtbot, page, village):
    """Issue 20 tester: Enter on a row of the 公开清单 did nothing (only a double-click opened it)."""
    _paths, admin = village
    item = ds.create_item(admin, "finance_monthly", "2026-01", "一月财务")
    tab = page.list_tab
    page.tabs.setCurrentWidget(tab)
    tab.reload_years()
    tab.select_item(item.id)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible())
    assert page.editor.item_id == item.id


def test_a_new_item_of_another_year_is_shown_selected(qtbot, page, village):
    """Issue 20 tester: 新建 while the 公开清单 showed 2025: the 2026 item opened in its editor but the
    list stayed on 2025 without it."""
    _paths, admin = village
    ds.create_item(admin, "finance_monthly", "2025-12", "2025年12月财务")
    tab = page.list_tab
    page.tabs.setCurrentWidget(tab)
    tab.reload_years()
    tab.set_filters(2025)
    dialog = page.new_item()
    dialog.set_subject("finance_monthly")
    dialog.year_spin.setValue(2026)
    dialog.part_combo.setCurrentIndex(0)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible())
    assert tab.year() is None and tab.current_id() == page.editor.item_id
