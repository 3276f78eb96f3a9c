"""Drafts and duplicates on screen: 放弃草稿 (button and Delete), the calendar opening the draft, 打开已有的 / 仍然新建."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.services import disclosure_service as ds
from desktop.services import meetings_service, record_store, recycle_service, rules_service
from desktop.services import supervision_service as sv
from desktop.services.session import Session
from models.disclosure.records import DisclosureItem
from tests.support.committee import reviewer
from tests.support.rules import adopt, import_draft, shown_rules_page

YES, CANCEL = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel


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


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _abandon(qtbot, box, record_id: str) -> None:
    """Answer 放弃草稿 and wait until the draft is in the 回收站 (it goes once the box has closed)."""
    _click(qtbot, box.button(YES))
    qtbot.waitUntil(lambda: record_id in {r.id for r in recycle_service.list_deleted()})
    qtbot.wait(10)  # the list's own refresh after the write


def _click_cell(qtbot, tab, period: str) -> None:
    rect = tab.grid.visualItemRect(tab.grid.item(*tab.cell_of(period)))
    qtbot.mouseClick(tab.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _focus(qtbot, view) -> None:
    """Give `view` the keyboard focus in an active window (where Delete reaches it)."""
    view.window().activateWindow()
    qtbot.waitUntil(view.window().isActiveWindow)
    view.setFocus()


def _select(qtbot, tab, item_id: str) -> None:
    assert tab.select_item(item_id)
    _focus(qtbot, tab.table)


# --- 村务公开 -------------------------------------------------------------------------------------

def test_the_calendar_opens_the_draft_of_its_period_instead_of_a_second_one(qtbot, page):
    tab = page.calendar_tab
    tab.set_year(2026)
    _click_cell(qtbot, tab, "2026Q1")  # a fresh village is held to the quarterly row
    dialog = page.new_dialog
    qtbot.waitExposed(dialog)
    assert dialog.period() == "2026Q1"
    _click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: page.editor is not None)
    first = page.editor.item_id
    page.editor.close()
    page.new_dialog = page.editor = None
    tab.set_year(2026)
    cell = tab.grid.item(*tab.cell_of("2026Q1"))
    assert "点击打开草稿" in cell.text()
    _click_cell(qtbot, tab, "2026Q1")
    assert page.new_dialog is None  # no 新建 dialog: the draft opened
    assert page.editor is not None and page.editor.item_id == first
    assert [r.id for r in ds.list_items()] == [first]


def test_a_second_posting_asks_open_existing_create_anyway_or_cancel(qtbot, page, village):
    _, admin = village
    first = ds.create_item(admin, "finance_monthly", "2026-11", "2026年11月财务收支公开").id
    page.refresh()
    tab = page.list_tab
    page.tabs.setCurrentWidget(tab)

    def ask():
        _click(qtbot, tab.new_button)
        dialog = page.new_dialog
        qtbot.waitExposed(dialog)
        dialog.preset("finance_monthly", "month", "2026-11")
        _click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
        box = dialog.duplicate_box
        assert box is not None and box.isVisible()
        assert box.text() == "2026年11月财务收支公开 已有一份草稿,仍要再建一份吗?"
        assert box.defaultButton() is box.cancel_button
        return dialog, box

    dialog, box = ask()
    _click(qtbot, box.cancel_button)  # 取消: the dialog stays open as typed, nothing made
    assert dialog.isVisible() and len(ds.list_items()) == 1
    dialog.reject()

    dialog, box = ask()
    _click(qtbot, box.open_button)  # 打开已有的: the existing draft opens
    qtbot.waitUntil(lambda: page.editor is not None)
    assert page.editor.item_id == first and len(ds.list_items()) == 1
    page.editor.close()
    page.editor = None

    dialog, box = ask()
    _click(qtbot, box.create_button)  # 仍然新建
    qtbot.waitUntil(lambda: page.editor is not None)
    assert page.editor.item_id != first and len(ds.list_items()) == 2


def test_abandon_a_disclosure_draft_from_the_list_and_restore_it(qtbot, page, village):
    from ui.recycle_dialog import RecycleDialog

    _, admin = village
    draft = ds.create_item(admin, "finance_monthly", "2026-11", "2026年11月财务收支公开").id
    posted = ds.create_item(admin, "finance_monthly", "2026-10", "2026年10月财务收支公开").id
    record_store.update(admin, DisclosureItem.get_by_id(posted), submitted_on="2026-11-01")
    # the review is the 监委会's column (`column_rights`), the posting the secretary's
    record_store.update(Session(actor="监委会", role="committee", installation=admin.installation_info()),
                        DisclosureItem.get_by_id(posted), reviewed_on="2026-11-02", review_result="approved")
    record_store.update(admin, DisclosureItem.get_by_id(posted), posted_on="2026-11-03")
    tab = page.list_tab
    page.tabs.setCurrentWidget(tab)
    tab.refresh()

    _select(qtbot, tab, posted)
    assert not tab.abandon_button.isEnabled()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)  # nothing asked: the reason, nothing changed
    assert tab.pending_box is None
    assert "已经公开,不能放弃" in tab.message.text()

    _select(qtbot, tab, draft)
    assert tab.abandon_button.isEnabled()
    _click(qtbot, tab.abandon_button)
    assert "放弃草稿“2026年11月财务收支公开”吗?" in tab.pending_box.text()
    assert "回收站" in tab.pending_box.text()
    _click(qtbot, tab.pending_box.button(CANCEL))
    assert draft in {r.id for r in ds.list_items()}
    _select(qtbot, tab, draft)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    _abandon(qtbot, tab.pending_box, draft)
    assert draft not in {r.id for r in ds.list_items()}
    assert draft not in {tab.model.row_at(r).id for r in range(tab.model.rowCount())}
    assert "回收站" in tab.message.text()

    recycle = RecycleDialog(admin)
    qtbot.addWidget(recycle)
    recycle.show()
    assert recycle.model.row_at(0).id == draft and "2026年11月财务收支公开" in recycle.model.index(0, 1).data()
    recycle.table.selectRow(0)
    _click(qtbot, recycle.restore_button)
    assert draft in {r.id for r in ds.list_items()}



def test_the_recycle_view_asks_before_a_second_posting_of_a_period_comes_back(qtbot, village):
    """恢复 of an abandoned draft whose month got a new posting meanwhile: 仍然恢复 / 取消 (issue 15)."""
    from ui.recycle_dialog import RecycleDialog

    _, admin = village
    old = ds.create_item(admin, "finance_monthly", "2026-11", "2026年11月财务收支公开").id
    ds.abandon_draft(admin, old)
    ds.create_item(admin, "finance_monthly", "2026-11", "2026年11月财务收支公开(重做)")
    recycle = RecycleDialog(admin)
    qtbot.addWidget(recycle)
    recycle.show()
    recycle.table.selectRow(0)
    _click(qtbot, recycle.restore_button)
    box = recycle.duplicate_box
    assert box is not None and "恢复后同一期会有两份,仍要恢复吗?" in box.text()
    assert box.defaultButton() is box.button(CANCEL)
    _click(qtbot, box.button(CANCEL))
    assert recycle.duplicate_box is None and old in {r.id for r in recycle_service.list_deleted()}

    recycle.table.selectRow(0)
    _click(qtbot, recycle.restore_button)
    assert recycle.duplicate_box.button(YES).text() == "仍然恢复"
    _click(qtbot, recycle.duplicate_box.button(YES))
    qtbot.waitUntil(lambda: old not in {r.id for r in recycle_service.list_deleted()})
    assert len(ds.existing_items("finance_monthly", "2026-11")) == 2
    assert recycle.restored == 1 and "已恢复 1 条" in recycle.message.text()

def test_abandon_from_the_calendar_menu(qtbot, page, village):
    _, admin = village
    draft = ds.create_item(admin, "village_affairs", "2026Q1", "2026年第1季度村务公开").id
    page.refresh()
    tab = page.calendar_tab
    tab.set_year(2026)
    rect = tab.grid.visualItemRect(tab.grid.item(*tab.cell_of("2026Q1")))
    tab.grid.customContextMenuRequested.emit(rect.center())  # a right click on the cell
    actions = [a.text() for a in tab.menu.actions()]
    assert actions == ["打开草稿", "放弃草稿…"]
    tab.menu.actions()[1].trigger()
    assert "2026年第1季度村务公开" in page.pending_box.text()
    _abandon(qtbot, page.pending_box, draft)
    assert "点击新建" in tab.grid.item(*tab.cell_of("2026Q1")).text()


# --- 村规民约 -------------------------------------------------------------------------------------

def test_abandon_a_rule_draft_and_not_an_adopted_version(qtbot, village):
    _, admin = village
    adopted = import_draft(admin)
    adopt(admin, adopted)
    draft = rules_service.revise(admin, adopted, "other").id
    page = shown_rules_page(qtbot, admin)
    page.select_version(adopted)
    assert not page.abandon_button.isEnabled()
    _focus(qtbot, page.tree)
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    assert page.pending_box is None and "已经表决通过" in page.message.text()

    page.select_version(draft)
    assert page.abandon_button.isEnabled()
    _click(qtbot, page.abandon_button)
    assert "放弃草稿“青山村村规民约 第2版”吗?" in page.pending_box.text()
    _abandon(qtbot, page.pending_box, draft)
    versions = [v.id for rs in page.rule_sets for v in rs.versions]
    assert versions == [adopted]
    assert draft in {r.id for r in recycle_service.list_deleted()}
    assert "回收站" in page.message.text()


# --- 会议 ------------------------------------------------------------------------------------------

def test_delete_key_abandons_a_meeting_draft(qtbot, village):
    from ui.meetings.meetings_page import MeetingsPage

    _, admin = village
    draft = meetings_service.new_draft("village_committee", date(2026, 11, 5))
    draft.title = "村委会例会"
    mid = meetings_service.save(admin, draft)
    page = MeetingsPage(admin)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    view = page.list_view
    view.select_row(0)
    _focus(qtbot, view.table)
    assert view.delete_button.text() == "放弃草稿"
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert "放弃草稿“2026-11-05 村委会例会”吗?" in view.pending_box.text()
    _abandon(qtbot, view.pending_box, mid)
    assert mid in {r.id for r in recycle_service.list_deleted()}


# --- 民主理财 --------------------------------------------------------------------------------------

def test_a_second_voucher_review_of_a_month_asks(qtbot, village):
    from ui.supervision.vouchers_tab import VouchersTab

    _, admin = village
    member = reviewer(admin)  # the committee records 民主理财 through a member's own login
    first = sv.add_voucher_review(member, "2026-03", date(2026, 4, 3), 42, 5832040, "张监委").id
    tab = VouchersTab(member)
    qtbot.addWidget(tab)
    tab.resize(1100, 640)
    tab.show()
    tab.period_edit.setText("2026-03")
    tab.amount_edit.setText("100")
    tab.count_spin.setValue(3)
    tab.signed_edit.setText("张监委")
    _click(qtbot, tab.save_button)
    box = tab.duplicate_box
    assert box.text().startswith("2026-03 的民主理财已经登记过一次")
    _click(qtbot, box.open_button)
    assert tab.list_model.row_at(tab.list_table.currentIndex().row()).id == first
    assert tab.amount_edit.text() == "100"  # the form is kept as typed
    _click(qtbot, tab.save_button)
    _click(qtbot, tab.duplicate_box.create_button)
    assert tab.list_model.total() == 2
    assert "已登记 2026-03 的民主理财" in tab.message.text()


# --- a draft open in its editor with unsaved typing ------------------------------------------------

def _open_boxes() -> list[QMessageBox]:
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_abandoning_the_posting_being_edited_says_its_typing_goes_too_and_closes_the_editor(qtbot, page, village):
    _, admin = village
    draft = ds.create_item(admin, "village_affairs", "2026Q3", "第三季度村务公开", period_kind="quarter").id
    page.refresh()
    editor = page.open_item(draft)
    qtbot.waitExposed(editor)
    editor.content_view.setPlainText("一、本季度修路。")
    assert editor.is_dirty()
    tab = page.list_tab
    page.tabs.setCurrentWidget(tab)
    _select(qtbot, tab, draft)
    _click(qtbot, tab.abandon_button)
    assert "还没有保存的修改不会保存" in tab.pending_box.text()
    _abandon(qtbot, tab.pending_box, draft)
    assert not editor.isVisible()  # closed without 保存 / 不保存: the typing went with the draft
    assert not any("保存" in box.text() for box in _open_boxes())
    assert draft in {r.id for r in recycle_service.list_deleted()}


def test_abandoning_the_rule_draft_being_edited_does_not_ask_to_save_it(qtbot, village):
    _, admin = village
    kept = import_draft(admin)
    adopt(admin, kept)
    draft = rules_service.revise(admin, kept, "other").id
    page = shown_rules_page(qtbot, admin)
    page.select_version(draft)
    editor = page.panel.article_editor
    assert editor.version_id == draft
    editor.add_article()
    assert editor.is_dirty()
    _click(qtbot, page.abandon_button)
    assert "还没有保存的修改不会保存" in page.pending_box.text()
    _abandon(qtbot, page.pending_box, draft)
    assert not _open_boxes()  # no 保存 / 不保存 / 取消 for a draft that is in the 回收站
    assert [v.id for rs in page.rule_sets for v in rs.versions] == [kept]
    assert editor.version_id == kept and not editor.is_dirty()


def test_a_meeting_draft_back_from_the_recycle_bin_clears_the_abandoned_message(qtbot, village):
    """After 回收站 → 恢复 the list showed the draft again beside "草稿已放弃,可在回收站恢复"."""
    from ui.meetings.meetings_page import MeetingsPage

    _, admin = village
    draft = meetings_service.new_draft("village_committee", date(2026, 11, 5))
    draft.title = "村委会例会"
    mid = meetings_service.save(admin, draft)
    page = MeetingsPage(admin)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    view = page.list_view
    view.select_row(0)
    _focus(qtbot, view.table)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    _abandon(qtbot, view.pending_box, mid)
    assert "草稿已放弃" in view.message.text()
    recycle_service.restore(admin, "meeting", mid)
    page.refresh()
    assert "草稿已放弃" not in view.message.text()
