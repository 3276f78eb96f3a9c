from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop.services import meetings_service, recycle_service
from models.entities import VillageGroup
from models.sync.records import Peer
from tests.support.imported import imported
from ui.recycle_dialog import RecycleDialog
from ui.recycle_model import OWNER


def test_deleted_draft_comes_back_from_the_recycle_view(qtbot, qtmodeltester, main_window, village):
    _, admin = village
    mid = meetings_service.save(admin, meetings_service.new_draft("two_committees", date(2026, 9, 1)))
    meetings_service.delete_draft(admin, mid)
    assert [r.id for r in recycle_service.list_deleted()] == [mid]
    dialog = main_window.open_recycle()
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1 and "两委联席会议" in dialog.model.index(0, 1).data()
    qtmodeltester.check(dialog.model)
    assert dialog.table.isColumnHidden(OWNER)  # a village's recycle view holds only its own records
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0 and dialog.empty_label.isVisibleTo(dialog)
    assert "已恢复 1 条" in dialog.message.text()
    assert any(r.id == mid for r in meetings_service.list_meetings())


def test_the_townships_recycle_view_names_the_village_a_deleted_record_belongs_to(qtbot, qtmodeltester, township):
    """Issue 16: the township's 回收站 did not name the village a deleted record belongs to."""
    _, admin = township
    for code, name in (("330106001001", "青山村"), ("330106001002", "绿水村")):
        Peer.create(code=code, name=name, kind="village", status="active")
        imported(VillageGroup, owner=code, name="一组", deleted=True)  # as their packages bring them
    assert {r.owner_name for r in recycle_service.list_deleted()} == {"青山村", "绿水村"}
    dialog = RecycleDialog(admin)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert not dialog.table.isColumnHidden(OWNER)
    assert dialog.model.headerData(OWNER, Qt.Orientation.Horizontal) == "所属村"
    assert sorted(dialog.model.index(i, OWNER).data() for i in range(2)) == ["绿水村", "青山村"]
    assert [dialog.model.index(i, 1).data() for i in range(2)] == ["一组", "一组"]
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)  # only the village itself can
    assert "只能由它修改" in dialog.message.text() and dialog.model.rowCount() == 2
