"""The meeting editor driven by mouse and keyboard: attendance, live quorum, votes, approval."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.services import meetings_service
from desktop.services.session import Session
from tests.support.demo import demo_village
from tests.support.meetings import click_name, click_tick
from tests.support.typing import type_text
from ui.meetings.attendance_model import NAME, TICK


@pytest.fixture
def page(qtbot, store):
    from ui.meetings.meetings_page import MeetingsPage

    session = demo_village(years=1)
    page = MeetingsPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def _new_representatives_meeting(qtbot, page):
    editor = page.list_view.new_meeting("representatives")
    qtbot.waitExposed(editor)
    return editor


def test_unticking_attendance_flips_the_quorum(qtbot, page):
    editor = _new_representatives_meeting(qtbot, page)
    table = editor.attendance_table
    # Everyone starts unmarked in real life: mark one absent, then 全部到会 resets it.
    click_tick(qtbot, table, 0)
    assert editor.attendance_model.counts()[1] == editor.attendance_model.counts()[0] - 1
    qtbot.mouseClick(editor.all_present_button, Qt.MouseButton.LeftButton)
    expected, present = editor.attendance_model.counts()
    assert expected == present == 36
    assert editor.verdict_panel.quorum_text() == "法定人数:有效"
    assert "应到 36 人 · 实到 36 人" in editor.counts_label.text()

    # Untick people one by one: mouse on the check box for some, key 2 (缺席) for others.
    unticked = 0
    while editor.verdict_panel.quorum_text() == "法定人数:有效":
        if unticked % 2 == 0:
            click_tick(qtbot, table, unticked)
        else:
            click_name(qtbot, table, unticked)
            qtbot.keyClick(table, Qt.Key.Key_2)
        unticked += 1
        assert unticked <= 36
    # 36 members need 24 (三分之二以上): the 13th absence is the one that breaks it.
    assert unticked == 13
    assert editor.verdict_panel.quorum_text() == "法定人数:未达到(还差 1 人)"
    assert "实到 23 人,不足应到 36 人的三分之二以上(24 人)" in editor.verdict_panel.findings_label.text()
    # A meeting dated today (after 2026-01-01) cites the amended 组织法, not the 2018 第二十六条.
    assert "《村民委员会组织法》(2025)" in editor.verdict_panel.findings_label.text()
    assert "应到 36 人 · 实到 23 人" in editor.counts_label.text()

    # Key 1 on the last one puts them back: valid again.
    click_name(qtbot, table, unticked - 1)
    qtbot.keyClick(table, Qt.Key.Key_1)
    assert editor.verdict_panel.quorum_text() == "法定人数:有效"


def test_search_box_filters_the_list_by_name(qtbot, page):
    editor = _new_representatives_meeting(qtbot, page)
    first = editor.draft.attendance[0].name
    type_text(qtbot, editor.search_edit, first[0])
    shown = editor.attendance_proxy.rowCount()
    assert 0 < shown < 36
    assert all(first[0] in editor.attendance_proxy.index(r, NAME).data() for r in range(shown))
    qtbot.keyClick(editor.search_edit, Qt.Key.Key_Return)
    qtbot.keyClick(editor.attendance_table, Qt.Key.Key_3)  # 请假
    assert editor.attendance_model.counts() == (36, 35)


def test_more_ballots_than_present_is_refused_and_nothing_saved(qtbot, page):
    before = len(meetings_service.list_meetings())
    editor = _new_representatives_meeting(qtbot, page)
    table = editor.attendance_table
    # Select ten people (click, shift-click) and mark them 缺席 with one key.
    click_name(qtbot, table, 0)
    click_name(qtbot, table, 9, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(table, Qt.Key.Key_2)
    assert editor.attendance_model.counts() == (36, 26)

    editor.tabs.setCurrentIndex(2)
    qtbot.mouseClick(editor.resolutions_editor.add_button, Qt.MouseButton.LeftButton)
    row = editor.resolutions_editor.rows[0]
    type_text(qtbot, row.text_edit, "同意实施村道硬化工程")
    row.yes_spin.lineEdit().selectAll()
    qtbot.keyClicks(row.yes_spin.lineEdit(), "25")
    row.no_spin.lineEdit().selectAll()
    qtbot.keyClicks(row.no_spin.lineEdit(), "3")
    assert "赞成、反对、弃权共 28 票,多于实到 26 人" in row.reasons_text()
    assert row.result_label.text() == "未通过"

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.message.role() == "error"
    assert "不能保存" in editor.message.text() and "多于实到 26 人" in editor.message.text()
    boxes = [b for b in editor.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "多于实到 26 人" in boxes[0].text()
    boxes[0].close()
    assert len(meetings_service.list_meetings()) == before
    assert editor.draft.id is None

    # Fix the count: the vote passes and saving works.
    row.no_spin.lineEdit().selectAll()
    qtbot.keyClicks(row.no_spin.lineEdit(), "1")
    assert row.result_label.text() == "通过"
    assert "多于实到" not in row.reasons_text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.draft.id and len(meetings_service.list_meetings()) == before + 1


def test_save_approve_reopen_read_only_and_correct(qtbot, page):
    editor = _new_representatives_meeting(qtbot, page)
    editor.title_edit.selectAll()
    type_text(qtbot, editor.title_edit, "第四季度村民代表会议")
    type_text(qtbot, editor.place_edit, "村委会议室")
    assert editor.is_dirty()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    qtbot.keyClick(editor.place_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.is_dirty() and editor.draft.id
    meeting_id = editor.draft.id
    assert meetings_service.load(meeting_id).title == "第四季度村民代表会议"
    assert page.list_view.model.row_at(0).id == meeting_id  # the list refreshed

    qtbot.mouseClick(editor.approve_button, Qt.MouseButton.LeftButton)
    box = editor.pending_box
    assert box is not None and "审定后不能再修改" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert meetings_service.load(meeting_id).status == "approved"
    assert editor.banner.isVisible() and "已审定,如需更正请点“更正”" in editor.banner.text()
    editor.close()

    view = page.list_view
    view.select_row(0)
    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    reopened = view.editor
    qtbot.waitExposed(reopened)
    assert reopened.draft.id == meeting_id
    assert reopened.title_edit.isReadOnly()
    assert not reopened.save_button.isVisible() and reopened.correct_button.isVisible()
    assert not (reopened.attendance_model.flags(reopened.attendance_model.index(0, TICK))
                & Qt.ItemFlag.ItemIsUserCheckable)
    qtbot.keyClick(reopened.attendance_table, Qt.Key.Key_2)  # nothing changes
    assert reopened.attendance_model.counts() == (36, 36)
    assert not view.delete_button.isEnabled()  # approved minutes cannot be deleted

    qtbot.mouseClick(reopened.correct_button, Qt.MouseButton.LeftButton)
    assert reopened.draft.corrects_id == meeting_id and reopened.draft.id is None
    assert not reopened.title_edit.isReadOnly() and reopened.save_button.isVisible()
    click_name(qtbot, reopened.attendance_table, 0)
    qtbot.keyClick(reopened.attendance_table, Qt.Key.Key_3)
    qtbot.mouseClick(reopened.save_button, Qt.MouseButton.LeftButton)
    correction_id = reopened.draft.id
    assert correction_id and correction_id != meeting_id
    rows = {r.id: r for r in meetings_service.list_meetings("representatives")}
    assert rows[meeting_id].corrected_by == correction_id
    assert meetings_service.load(meeting_id).attendance[0].status == "present"  # original frozen
    statuses = {view.model.row_at(r).id: view.model.index(r, 7).data() for r in range(view.model.rowCount())}
    assert statuses[meeting_id] == "已更正" and statuses[correction_id] == "草稿"


def test_closing_with_unsaved_changes_asks_first(qtbot, page):
    before = len(meetings_service.list_meetings())
    editor = _new_representatives_meeting(qtbot, page)
    type_text(qtbot, editor.place_edit, "村委会")
    editor.close()
    box = editor.pending_box
    assert box is not None and editor.isVisible()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    editor.close()
    qtbot.mouseClick(editor.pending_box.button(QMessageBox.StandardButton.Discard),
                     Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    assert len(meetings_service.list_meetings()) == before  # nothing was written


def test_read_only_role_cannot_edit(qtbot, store):
    from ui.meetings.meetings_page import MeetingsPage

    demo_village(years=1)
    page = MeetingsPage(Session(actor="jianwei", role="viewer"))
    qtbot.addWidget(page)
    page.show()
    assert not page.list_view.new_button.isEnabled()
    page.list_view.select_row(0)
    editor = page.list_view.open_selected()
    assert not editor.save_button.isEnabled() and editor.title_edit.isReadOnly()
