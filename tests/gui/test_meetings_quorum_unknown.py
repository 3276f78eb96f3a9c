"""The tester's path: 新建会议 → 村民代表会议 with nobody on the list → 保存 → the list, 审定, the cadence.

The list must say 无法判断 (amber) as the editor does, never 有效; 审定 is refused
with the reason; the quarter's cadence warning stays. An inquorate meeting may be
approved, after a question that says its decisions are void.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.services import meetings_service
from models.meetings.cadence import quarter_of
from models.meetings.quorum import ABSENT
from tests.support.demo import demo_village
from tests.support.screens import shown
from ui.meetings.meeting_list_model import QUORUM
from ui.widgets.palette import AMBER


def _page(qtbot, session):
    from ui.meetings.meetings_page import MeetingsPage

    return shown(qtbot, MeetingsPage(session), 1100, 700)


def _yes(qtbot, editor) -> None:
    box = editor.pending_box
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)


def test_a_meeting_with_nobody_on_the_list_is_not_shown_as_valid(qtbot, village):
    _paths, session = village
    page = _page(qtbot, session)
    view = page.list_view
    editor = view.new_meeting("representatives")
    qtbot.waitExposed(editor)
    assert editor.attendance_model.counts() == (0, 0)  # a new village: nobody on the roster
    assert editor.verdict_panel.quorum_text() == "法定人数:无法判断"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    meeting_id = editor.draft.id
    assert meeting_id

    row = next(r for r in range(view.model.rowCount()) if view.model.row_at(r).id == meeting_id)
    cell = view.model.index(row, QUORUM)
    assert cell.data() == "无法判断" != "有效"
    assert cell.data(Qt.ItemDataRole.ForegroundRole) == AMBER

    qtbot.mouseClick(editor.approve_button, Qt.MouseButton.LeftButton)
    _yes(qtbot, editor)
    assert meetings_service.load(meeting_id).status == "draft"  # refused, nothing changed
    assert "不能审定:还没有登记应到人员" in editor.message.text()
    for box in editor.findChildren(QMessageBox):
        box.close()

    year, quarter = quarter_of(date.today())
    assert f"{year} 年第 {quarter} 季度的村民代表会议记录还没有审定" in view.cadence_label.text()
    editor.close()


def test_approving_an_inquorate_meeting_warns_that_its_decisions_are_void(qtbot, store):
    page = _page(qtbot, demo_village(years=1))
    editor = page.list_view.new_meeting("representatives")
    qtbot.waitExposed(editor)
    for line in editor.draft.attendance:
        line.status = ABSENT
    editor.set_draft(editor.draft)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.verdict_panel.quorum_text().startswith("法定人数:未达到")
    qtbot.mouseClick(editor.approve_button, Qt.MouseButton.LeftButton)
    assert "未达到法定人数" in editor.pending_box.text() and "决定无效" in editor.pending_box.text()
    assert "审定后不能再修改" in editor.pending_box.text()
    _yes(qtbot, editor)
    row = next(r for r in meetings_service.list_meetings() if r.id == editor.draft.id)
    assert row.status == "approved" and row.quorum_met is False
    editor.close()


def test_an_assembly_whose_attendance_is_not_entered_cannot_be_judged(qtbot, store):
    from tests.support.typing import type_text

    page = _page(qtbot, demo_village(years=1))
    editor = page.list_view.new_meeting("assembly_households")
    qtbot.waitExposed(editor)
    assert editor.expected_spin.value() > 0  # 应到 prefilled from the village's households
    assert editor.present_spin.text() == "未填"
    assert editor.verdict_panel.quorum_text() == "法定人数:无法判断"
    assert "还没有登记实到人数" in editor.verdict_panel.findings_label.text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    row = next(r for r in meetings_service.list_meetings() if r.id == editor.draft.id)
    assert (row.quorum_met, row.quorum_judged) == (False, False)

    editor.present_spin.selectAll()
    type_text(qtbot, editor.present_spin.lineEdit(), str(editor.expected_spin.value()))
    assert editor.verdict_panel.quorum_text() == "法定人数:有效"
    editor.close()
