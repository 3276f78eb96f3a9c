"""Never lose typed work in the meeting editor: kept drafts, the questions on close and quit, 恢复."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.services import meetings_service
from tests.support.typing import type_text


def open_boxes() -> list[QMessageBox]:
    """The message boxes on screen now."""
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def answer(qtbot, button: QMessageBox.StandardButton) -> None:
    (box,) = open_boxes()
    assert "有修改还没有保存" in box.text()
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)


@pytest.fixture
def window(qtbot, village_demo, settings_store):
    from desktop.services import setup_service
    from ui.main_window import MainWindow

    paths, session = village_demo
    window = MainWindow(setup_service.current(), session, paths, settings_store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_area("meetings")
    return window


def new_editor(qtbot, window, title: str = "十一月村民代表会议"):
    editor = window.current_page().list_view.new_meeting("representatives")
    qtbot.waitExposed(editor)
    editor.guard.timer.setInterval(30)  # the pause before a draft is kept (3 s in use)
    editor.title_edit.selectAll()
    type_text(qtbot, editor.title_edit, title)
    return editor


def test_typing_keeps_a_draft_that_saving_removes(qtbot, window):
    editor = new_editor(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.drafts.pending()))
    (draft,) = window.drafts.pending()
    assert draft.key == "meeting:new:representatives" and draft.area == "meetings"
    assert draft.title == "会议记录:十一月村民代表会议" and draft.state["title"] == "十一月村民代表会议"
    assert draft.record_stamp is None and draft.user == "admin"
    assert len(draft.state["attendance"]) == 36

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.draft.id and window.drafts.pending() == []
    type_text(qtbot, editor.place_edit, "村委会议室")  # an edit after saving: kept under the record's id
    qtbot.waitUntil(lambda: bool(window.drafts.pending()))
    (draft,) = window.drafts.pending()
    assert draft.key == f"meeting:{editor.draft.id}" and draft.record_stamp
    editor.close()
    answer(qtbot, QMessageBox.StandardButton.Discard)
    assert not editor.isVisible() and window.drafts.pending() == []
    assert meetings_service.load(draft.key.split(":")[1]).place != "村委会议室"


def test_quitting_asks_cancel_stays_discard_quits(qtbot, window):
    before = len(meetings_service.list_meetings())
    editor = new_editor(qtbot, window)
    window.close()
    answer(qtbot, QMessageBox.StandardButton.Cancel)
    assert window.isVisible() and editor.isVisible() and editor.is_dirty()

    window.close()
    answer(qtbot, QMessageBox.StandardButton.Discard)
    assert not window.isVisible()
    assert len(meetings_service.list_meetings()) == before


def test_quitting_with_save_saves_first(qtbot, window):
    before = len(meetings_service.list_meetings())
    new_editor(qtbot, window, "保存后退出")
    window.close()
    answer(qtbot, QMessageBox.StandardButton.Save)
    assert not window.isVisible()
    assert len(meetings_service.list_meetings()) == before + 1
    assert window.drafts.pending() == []


def test_a_refused_save_keeps_the_window_open(qtbot, window):
    editor = new_editor(qtbot, window, "")  # no title: the service refuses
    type_text(qtbot, editor.place_edit, "村委会")
    editor.title_edit.clear()
    window.close()
    answer(qtbot, QMessageBox.StandardButton.Save)
    for box in open_boxes():  # the refusal is also shown in a box
        box.close()
    assert window.isVisible() and editor.isVisible() and editor.is_dirty()


def test_confirm_leave_all_blocks_until_answered(qtbot, window):
    editor = new_editor(qtbot, window)
    QTimer.singleShot(50, lambda: answer(qtbot, QMessageBox.StandardButton.Cancel))
    assert window.confirm_leave_all() is False
    assert editor.is_dirty()
    QTimer.singleShot(50, lambda: answer(qtbot, QMessageBox.StandardButton.Discard))
    assert window.confirm_leave_all() is True
    assert not editor.is_dirty()
    assert window.confirm_leave_all() is True  # nothing left to ask: no box


def test_restore_dialog_puts_the_typing_back(qtbot, qtmodeltester, window, settings_store, village_demo):
    from desktop.services import setup_service
    from ui.main_window import MainWindow

    editor = new_editor(qtbot, window, "停电前的会议")
    type_text(qtbot, editor.place_edit, "文化礼堂")
    qtbot.waitUntil(lambda: bool(window.drafts.pending()))
    editor.guard.timer.stop()
    editor._force_close = True  # as a power cut would: nothing asked, the file stays
    editor.close()

    paths, session = village_demo
    again = MainWindow(setup_service.current(), session, paths, settings_store)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.restore_dialog is not None and again.restore_dialog.isVisible())
    dialog = again.restore_dialog
    assert dialog.table.model().rowCount() == 1
    assert dialog.table.model().index(0, 0).data() == "会议记录:停电前的会议"
    assert dialog.table.model().index(0, 2).data() == ""  # a new record: nothing changed since
    qtmodeltester.check(dialog.model)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    restored = again.current_page().list_view.editor
    assert restored.isVisible() and restored.is_dirty()
    assert restored.title_edit.text() == "停电前的会议" and restored.place_edit.text() == "文化礼堂"
    assert len(restored.attendance_model.lines()) == 36
    qtbot.mouseClick(restored.save_button, Qt.MouseButton.LeftButton)
    assert again.drafts.pending() == []
    assert meetings_service.load(restored.draft.id).place == "文化礼堂"


def test_a_draft_whose_record_changed_since_says_so_and_can_be_discarded(qtbot, window, settings_store,
                                                                        village_demo):
    from desktop.services import setup_service
    from ui.main_window import MainWindow

    paths, session = village_demo
    row = next(m for m in meetings_service.list_meetings() if m.status != "approved")
    view = window.current_page().list_view
    view.select_row(next(r for r in range(view.model.rowCount()) if view.model.row_at(r).id == row.id))
    editor = view.open_selected()
    editor.guard.timer.setInterval(30)
    type_text(qtbot, editor.place_edit, "(草稿)")
    qtbot.waitUntil(lambda: bool(window.drafts.pending()))
    editor.guard.timer.stop()
    editor._force_close = True
    editor.close()
    changed = meetings_service.load(row.id)  # someone else saves the record meanwhile
    changed.host = "另一个人"
    meetings_service.save(session, changed)

    again = MainWindow(setup_service.current(), session, paths, settings_store)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.restore_dialog is not None and again.restore_dialog.isVisible())
    dialog = again.restore_dialog
    assert "又被修改过" in dialog.table.model().index(0, 2).data()
    assert dialog.restore_button.isEnabled()
    box = dialog.ask_discard()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert again.drafts.pending() == [] and not dialog.isVisible()


def test_closing_the_editor_with_save_saves_and_closes(qtbot, window):
    before = len(meetings_service.list_meetings())
    editor = new_editor(qtbot, window, "关闭时保存")
    qtbot.waitUntil(lambda: bool(window.drafts.pending()))
    editor.close()
    answer(qtbot, QMessageBox.StandardButton.Save)
    assert not editor.isVisible()
    assert len(meetings_service.list_meetings()) == before + 1 and window.drafts.pending() == []


def test_a_draft_of_a_deleted_record_cannot_be_restored(qtbot, window, settings_store, village_demo):
    from desktop.services import setup_service
    from ui.main_window import MainWindow

    paths, session = village_demo
    row = next(m for m in meetings_service.list_meetings() if m.status != "approved")
    window.drafts.write(f"meeting:{row.id}", "会议记录:已删除的会议", "meetings", {"title": "x"}, record_stamp="1")
    meetings_service.delete_draft(session, row.id)
    again = MainWindow(setup_service.current(), session, paths, settings_store)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.restore_dialog is not None and again.restore_dialog.isVisible())
    assert again.restore_dialog.table.model().index(0, 2).data() == "原记录已经删除,不能恢复。"
    assert not again.restore_dialog.restore_button.isEnabled()
    assert again.restore_dialog.discard_button.isEnabled()


def test_a_draft_of_minutes_approved_since_is_not_put_back(qtbot, window, village_demo):
    row = next(m for m in meetings_service.list_meetings() if m.status == "approved")
    window.drafts.write(f"meeting:{row.id}", "会议记录:审定前的草稿", "meetings", {"title": "审定前改的名称"},
                        record_stamp="1")
    (draft,) = window.drafts.pending()
    editor = window.restore_draft(draft)
    assert editor is not None and not editor.is_dirty()
    assert editor.title_edit.text() != "审定前改的名称"
    (told,) = open_boxes()
    assert "不能修改" in told.text()
    told.close()
    assert window.drafts.pending() == [draft]  # kept: the person discards it from the list
