"""The meeting list: filters, empty state, delete, PDF export; the 四议两公开 timeline; home."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop.services import decisions_service, meetings_service
from tests.support.demo import demo_village
from tests.support.meetings import failed_resolution_register
from tests.support.screens import shown
from tests.support.typing import type_text
from ui.meetings import printing


def _page(qtbot, session):
    from ui.meetings.meetings_page import MeetingsPage

    return shown(qtbot, MeetingsPage(session), 1100, 700)


@pytest.fixture
def page(qtbot, store):
    return _page(qtbot, demo_village(years=2))


def test_list_filters_by_type_and_year(qtbot, page):
    view = page.list_view
    total = view.model.total()
    assert total == len(meetings_service.list_meetings()) > 10
    years = [view.year_combo.itemText(i) for i in range(view.year_combo.count())]
    assert years[:3] == ["全部年份", f"{date.today().year} 年", f"{date.today().year - 1} 年"]
    assert years == ["全部年份"] + [f"{y} 年" for y in meetings_service.years_with_meetings()]
    view.type_combo.setCurrentIndex(view.type_combo.findData("representatives"))
    rows = [view.model.row_at(r) for r in range(view.model.rowCount())]
    assert rows and all(r.type_code == "representatives" for r in rows)
    assert all(view.model.index(r, 1).data() == "村民代表会议" for r in range(len(rows)))
    view.year_combo.setCurrentIndex(view.year_combo.findData(date.today().year - 1))
    rows = [view.model.row_at(r) for r in range(view.model.rowCount())]
    assert rows and all(r.held_on.startswith(str(date.today().year - 1)) for r in rows)
    assert view.count_label.text() == f"共 {len(rows)} 次"
    view.type_combo.setCurrentIndex(view.type_combo.findData("collective_members"))  # none in the demo
    assert view.stack.currentWidget() is view.empty_label
    assert "没有符合条件的会议" in view.empty_label.text()
    view.type_combo.setCurrentIndex(0)
    view.year_combo.setCurrentIndex(0)
    assert view.model.total() == total


def test_empty_village_shows_a_friendly_page_without_warnings_for_before_it_began(qtbot, village):
    """Issue 15: a village that starts using cunwu today is not told in red that the quarters
    before it began had no 村民代表会议 (it used to see 第 1 季度没有召开… on its first day)."""
    _paths, session = village
    page = _page(qtbot, session)
    view = page.list_view
    assert view.stack.currentWidget() is view.empty_label
    assert "还没有会议记录" in view.empty_label.text()
    assert "没有召开村民代表会议" not in view.cadence_label.text()


def test_delete_draft_asks_first(qtbot, page):
    view = page.list_view
    drafts = [r for r in range(view.model.rowCount()) if view.model.row_at(r).status == "draft"]
    view.select_row(drafts[0])
    doomed = view.selected_id()
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert "回收站" in view.pending_box.text()
    qtbot.mouseClick(view.pending_box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert doomed in {r.id for r in meetings_service.list_meetings()}
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.pending_box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: doomed not in {view.model.row_at(r).id for r in range(view.model.rowCount())})
    assert doomed not in {r.id for r in meetings_service.list_meetings()}
    assert doomed not in {view.model.row_at(r).id for r in range(view.model.rowCount())}


def test_export_minutes_pdf_in_the_background(qtbot, page, tmp_path):
    view = page.list_view
    view.select_row(0)
    assert view.export_button.isEnabled()
    target = tmp_path / "会议记录.pdf"
    with qtbot.waitSignal(view.exporter.finished, timeout=20000) as done:
        assert view.export_selected(printing.MINUTES, target)
        assert not view.export_button.isEnabled()  # busy
    assert done.args == [str(target)]
    qtbot.waitUntil(lambda: view.export_button.isEnabled())
    assert target.read_bytes().startswith(b"%PDF")
    assert "已导出" in view.message.text()

    editor = view.open_selected()
    sheet = tmp_path / "签到表.pdf"
    assert editor.export_pdf(printing.SIGN_IN, sheet)
    qtbot.waitUntil(lambda: sheet.exists() and not editor.exporter.is_busy(), timeout=20000)
    assert sheet.read_bytes().startswith(b"%PDF")


def test_register_timeline_shows_next_step_and_why_blocked(qtbot, store):
    session = demo_village(years=1)
    blocked_id = failed_resolution_register(session)
    page = _page(qtbot, session)
    page.tabs.setCurrentIndex(1)
    view = page.four_two_view
    # The demo register: five steps done, ⑥ next and possible.
    titles = [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    demo_row = next(r for r, t in enumerate(titles) if t != "集体鱼塘对外租赁")
    view.table.selectRow(demo_row)
    text = view.timeline_text()
    assert "⑤ 决议公开" in text and "监委会意见:经审核" in text
    assert "⑥ 实施结果公开" in text and "下一步,可以登记" in text
    assert view.record_button.isEnabled()

    view.table.selectRow(titles.index("集体鱼塘对外租赁"))
    assert view.current.id == blocked_id
    text = view.timeline_text()
    assert "下一步,但现在还不能登记" in text
    assert "决议没有有效通过,不能进入公开和实施" in text
    assert "表决未通过" in text  # the register's own findings
    assert not view.record_button.isEnabled()
    assert view.table.item(titles.index("集体鱼塘对外租赁"), 2).text() == "⑤ 决议公开"


def test_new_register_and_record_a_step(qtbot, store):
    session = demo_village(years=1)
    page = _page(qtbot, session)
    page.tabs.setCurrentIndex(1)
    view = page.four_two_view
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.title_edit, "村道亮化工程")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert view.current.title == "村道亮化工程"
    assert "① 村党组织提议" in view.timeline_text()
    qtbot.mouseClick(view.record_button, Qt.MouseButton.LeftButton)
    step = view.dialog
    qtbot.waitExposed(step)
    assert step.meeting_combo.count() >= 1  # only 村党组织委员会会议 are offered
    assert all("村党组织委员会会议" in step.meeting_combo.itemText(i) for i in range(step.meeting_combo.count()))
    qtbot.mouseClick(step.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert view.current.steps[0].done_on
    assert view.current.next_step == "discuss"


def test_home_page_shows_meeting_facts(qtbot, store):
    from desktop.services import setup_service
    from ui.pages.home_page import HomePage

    demo_village(years=1)
    home = HomePage(setup_service.current())
    qtbot.addWidget(home)
    counts = decisions_service.counts()
    assert home.meeting_labels["meetings"].text() == f"{counts['meetings']} 次"
    assert home.meeting_labels["registers"].text() == f"{counts['registers']} 项"
    assert home.cadence_label.text()


def test_main_window_opens_the_meetings_area(qtbot, main_window):
    main_window.navigation.select_area("meetings")
    from ui.meetings.meetings_page import MeetingsPage

    assert isinstance(main_window.current_page(), MeetingsPage)


def test_meeting_list_model_passes_the_model_tester_and_sorts_counts_as_numbers(qtmodeltester, store):
    from ui.meetings.meeting_list_model import EXPECTED, MeetingListModel
    from ui.widgets.batched_model import SORT_ROLE

    demo_village()
    model = MeetingListModel()
    model.reload()
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    assert model.index(0, EXPECTED).data(SORT_ROLE) == model.row_at(0).expected


def _saved_meeting(qtbot, view, type_code: str, title: str, held_on: str) -> str:
    """新建会议 → a type from the menu, a date and a name typed, 保存, the editor closed: the new id."""
    action = next(a for a in view.new_menu.actions() if a.data() == type_code)
    action.trigger()
    editor = view.editor
    qtbot.waitExposed(editor)
    editor.date_edit.set_value(date.fromisoformat(held_on))
    editor.title_edit.selectAll()
    type_text(qtbot, editor.title_edit, title)
    assert editor.save()
    editor.close()
    return editor.draft.id


def test_a_saved_meeting_is_selected_and_the_selection_follows_edits_and_deletes(qtbot, village):
    """Issue 20 tester: the list is read again after each save (a model reset); the meeting saved is
    the one selected, an edit keeps it selected, and after 放弃草稿 the next meeting takes its place."""
    _paths, session = village
    page = _page(qtbot, session)
    view = page.list_view
    first = _saved_meeting(qtbot, view, "representatives", "第一次代表会议", "2026-03-05")
    assert view.selected_id() == first
    road = _saved_meeting(qtbot, view, "assembly", "村民会议 修路", "2025-11-20")
    assert view.selected_id() == road and view.table.selectionModel().selectedRows()[0].row() == 1
    second = _saved_meeting(qtbot, view, "representatives", "第二次代表会议", "2026-06-10")
    assert view.selected_id() == second and view.count_label.text() == "共 3 次"

    view.select_meeting(first)
    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    editor = view.editor
    editor.title_edit.selectAll()
    type_text(qtbot, editor.title_edit, "第一次代表会议(改)")
    assert editor.save()
    editor.close()
    assert view.selected_id() == first and view.model.index(1, 2).data() == "第一次代表会议(改)"

    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.pending_box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.count_label.text() == "共 2 次")
    assert view.selected_id() == road  # the row below moved up into the removed one's place

    view.type_combo.setCurrentIndex(view.type_combo.findData("representatives"))
    other = _saved_meeting(qtbot, view, "assembly", "村民会议 选址", "2026-07-01")  # a type the filter hides
    assert view.type_combo.currentData() is None and view.selected_id() == other


def test_a_meeting_opened_from_search_is_selected_even_when_the_filters_hid_it(qtbot, page):
    """Issue 20 tester: Ctrl+F → Enter on a meeting (MainWindow.go_to → open_record) while the list
    showed another year: the editor opened, but the list kept its year and selected nothing."""
    view = page.list_view
    last_year = date.today().year - 1
    view.year_combo.setCurrentIndex(view.year_combo.findData(last_year))
    wanted = next(r for r in meetings_service.list_meetings() if r.held_on.startswith(str(date.today().year)))
    assert view.model.row_of(wanted.id) < 0
    editor = page.open_record("", wanted.id)
    assert editor is not None and editor.draft.id == wanted.id
    assert view.year_combo.currentData() is None and view.type_combo.currentData() is None
    assert view.selected_id() == wanted.id
    editor.close()
