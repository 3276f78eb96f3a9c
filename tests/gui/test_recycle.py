from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop.services import meetings_service, recycle_service


def test_deleted_draft_comes_back_from_the_recycle_view(qtbot, qtmodeltester, main_window, village):
    _, admin = village
    mid = meetings_service.save(admin, meetings_service.new_draft("two_committees", date(2026, 9, 1)))
    meetings_service.delete_draft(admin, mid)
    assert [r.id for r in recycle_service.list_deleted()] == [mid]
    dialog = main_window.open_recycle()
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1 and "两委联席会议" in dialog.model.index(0, 1).data()
    qtmodeltester.check(dialog.model)
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0 and dialog.empty_label.isVisibleTo(dialog)
    assert "已恢复 1 条" in dialog.message.text()
    assert any(r.id == mid for r in meetings_service.list_meetings())
