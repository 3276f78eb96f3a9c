"""Meeting editor: attachments (附件) and people added to the list from the register (添加人员…)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.services import attachments_service, meetings_service, people_service
from desktop.services.session import Session
from tests.support.demo import demo_village
from tests.support.meetings import click_name, click_tick
from tests.support.typing import type_text
from ui.meetings.attendance_model import NAME, SEAT, STATUS
from ui.widgets.attachments_model import human_size


@pytest.fixture
def page(qtbot, store):
    from ui.meetings.meetings_page import MeetingsPage

    session = demo_village(years=1)
    page = MeetingsPage(session, paths=store)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def _editor(qtbot, page):
    editor = page.list_view.new_meeting("representatives")
    qtbot.waitExposed(editor)
    return editor


def _files(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    sheet = src / "签到表.jpg"
    sheet.write_bytes(bytes(range(256)) * 6)  # 1536 bytes
    photo = src / "会场照片.png"
    photo.write_bytes(b"\x89PNG" + b"x" * (3 * 1024 * 1024))
    return sheet, photo


def test_attach_list_export_open_and_delete(qtbot, qtmodeltester, page, store, tmp_path):
    editor = _editor(qtbot, page)
    panel = editor.attachments_panel
    sheet, photo = _files(tmp_path)
    editor.tabs.setCurrentWidget(panel)
    assert editor.tabs.tabText(editor.tabs.currentIndex()) == "附件"

    # Not saved yet: nothing can be attached, and the panel says why.
    assert "请先保存会议记录,再添加附件" in panel.hint.text()
    assert not panel.add_button.isEnabled()
    assert panel.add_files([sheet], "sign_in") == 0
    assert panel.message.role() == "error" and "请先保存会议记录,再添加附件" in panel.message.text()

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    meeting_id = editor.draft.id
    assert meeting_id and panel.add_button.isEnabled()
    assert [panel.kind_combo.itemText(i) for i in range(panel.kind_combo.count())] == \
        ["签到表", "照片", "表决票", "文件"]

    assert panel.add_files([sheet], "sign_in") == 1
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("photo"))
    assert panel.add_files([photo]) == 1  # the kind chosen in the combo
    assert panel.message.role() == "ok" and "已添加 1 个附件(照片)" in panel.message.text()
    table = panel.table
    shown = [[panel.model.index(r, c).data() for c in range(3)] for r in range(panel.model.rowCount())]
    assert shown == [["签到表.jpg", "签到表", "1.5 KB"], ["会场照片.png", "照片", "3.0 MB"]]
    assert editor.tabs.tabText(editor.tabs.currentIndex()) == "附件(2)"
    assert [r.filename for r in attachments_service.list_for("meeting", meeting_id)] == \
        ["签到表.jpg", "会场照片.png"]

    # 另存为: the bytes come back unchanged, under the original name.
    panel.select_row(0)
    out = tmp_path / "out"
    written = panel.export_selected(out)
    assert written == [out / "签到表.jpg"]
    assert written[0].read_bytes() == sheet.read_bytes()
    assert "已另存到" in panel.message.text()

    # 打开: a copy under the data folder goes to the system viewer; opening twice reuses it.
    opened = []
    panel.open_url = lambda url: opened.append(url.toLocalFile()) or True
    where = table.visualRect(table.model().index(1, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert len(opened) == 1
    assert opened[0].startswith(str(store.data_dir / "tmp-open"))
    assert opened[0].endswith("会场照片.png")
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 3 and opened[1] == opened[2] == opened[0]

    # 删除 asks first; 取消 keeps it, 删除 removes it.
    click_name(qtbot, table, 1)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    box = panel.pending_box
    assert box is not None and "删除附件“会场照片.png”吗" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert len(attachments_service.list_for("meeting", meeting_id)) == 2
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.pending_box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert [r.filename for r in attachments_service.list_for("meeting", meeting_id)] == ["签到表.jpg"]
    assert panel.model.rowCount() == 1 and editor.tabs.tabText(editor.tabs.currentIndex()) == "附件(1)"
    qtmodeltester.check(panel.model)


def test_empty_file_is_refused_with_the_reason(qtbot, page, tmp_path):
    editor = _editor(qtbot, page)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    panel = editor.attachments_panel
    empty = tmp_path / "空白.pdf"
    empty.write_bytes(b"")
    good, _photo = _files(tmp_path)
    assert panel.add_files([empty, good], "document") == 1  # the good one still goes in
    assert panel.message.role() == "error"
    assert "“空白.pdf”是空文件,没有附上。" in panel.message.text()
    assert [r.filename for r in panel.rows()] == ["签到表.jpg"]


def test_a_file_error_on_save_as_is_explained_under_the_list(qtbot, page, tmp_path):
    """A folder that cannot be made (a file is in the way): the reason inline, no box, nothing written."""
    from PySide6.QtWidgets import QApplication

    editor = _editor(qtbot, page)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    panel = editor.attachments_panel
    sheet, _photo = _files(tmp_path)
    assert panel.add_files([sheet], "sign_in") == 1
    panel.select_row(0)
    in_the_way = tmp_path / "不是文件夹"
    in_the_way.write_text("x")
    assert panel.export_selected(in_the_way / "out") == []
    assert panel.message.role() == "error"
    assert panel.message.text().startswith("没有另存成功:")
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_approved_meeting_takes_attachments_but_keeps_them(qtbot, page, tmp_path):
    editor = _editor(qtbot, page)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    panel = editor.attachments_panel
    sheet, photo = _files(tmp_path)
    panel.add_files([photo], "photo")
    qtbot.mouseClick(editor.approve_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.pending_box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert meetings_service.load(editor.draft.id).status == "approved"

    # The signed sheet arrives after approval: it can still be attached …
    assert "已审定" in panel.hint.text() and panel.add_button.isEnabled()
    assert panel.add_files([sheet], "sign_in") == 1
    assert len(panel.rows()) == 2
    # … but nothing can be removed from approved minutes.
    panel.select_row(0)
    assert not panel.delete_button.isEnabled()
    assert panel.ask_delete() is None
    assert "已审定的会议记录不能删除附件" in panel.message.text()
    assert len(attachments_service.list_for("meeting", editor.draft.id)) == 2


def test_read_only_role_can_only_look(qtbot, store, tmp_path):
    from ui.meetings.meetings_page import MeetingsPage

    session = demo_village(years=1)
    meeting_id = meetings_service.list_meetings()[0].id
    sheet, _photo = _files(tmp_path)
    attachments_service.add(session, store.attachments, "meeting", meeting_id, sheet, "sign_in")
    page = MeetingsPage(Session(actor="jianwei", role="viewer"), paths=store)
    qtbot.addWidget(page)
    page.show()
    page.list_view.select_row(0)
    editor = page.list_view.open_selected()
    panel = editor.attachments_panel
    assert [r.filename for r in panel.rows()] == ["签到表.jpg"]
    assert not panel.add_button.isEnabled()
    panel.select_row(0)
    assert panel.export_button.isEnabled() and not panel.delete_button.isEnabled()
    assert panel.export_selected(tmp_path / "out")[0].read_bytes() == sheet.read_bytes()


def test_human_size():
    assert human_size(820) == "820 字节"
    assert human_size(1536) == "1.5 KB"
    assert human_size(5 * 1024 * 1024 + 1) == "5.0 MB"


# ----- 添加人员… ---------------------------------------------------------------------------------


def _supervisor():
    """A 监委会 member: on the register, not on the 村民代表会议's roster."""
    return next(p for p in people_service.register() if "sc_member" in p.roles)


def _row_of(model, person_id: str) -> int:
    return next(r for r, a in enumerate(model.lines()) if a.person_id == person_id)


def test_add_an_observer_from_the_register(qtbot, page):
    editor = _editor(qtbot, page)
    model = editor.attendance_model
    assert model.counts() == (36, 36)
    supervisor = _supervisor()
    first_listed = model.lines()[0]

    qtbot.mouseClick(editor.add_people_button, Qt.MouseButton.LeftButton)
    dialog = editor.add_people_dialog
    qtbot.waitExposed(dialog)
    assert dialog.status_combo.currentText() == "列席"  # the default

    # Someone already on the list is marked and cannot be ticked.
    type_text(qtbot, dialog.search_edit, first_listed.name)
    row = dialog.row_of(first_listed.name)
    assert row >= 0 and dialog.is_listed(row)
    assert dialog.table.item(row, 4).text() == "已在名单上"
    click_tick(qtbot, dialog.table, row)
    assert not dialog.add_button.isEnabled()

    # Type-to-search over the register, tick the 监委会 member.
    dialog.search_edit.clear()
    type_text(qtbot, dialog.search_edit, supervisor.name)
    assert supervisor.name in dialog.shown_names()
    row = dialog.row_of(supervisor.name)
    assert not dialog.is_listed(row)
    assert "监委会委员" in dialog.table.item(row, 3).text()
    click_tick(qtbot, dialog.table, row)
    assert dialog.add_button.isEnabled()
    assert f"已选 1 人:{supervisor.name}" in dialog.message.text()
    dialog.search_edit.clear()  # the tick survives a new search
    assert supervisor.id in {line.person_id for line in dialog.lines()}
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    # 应到 unchanged; the person is listed as 列席 and marked 名单外.
    assert model.counts() == (36, 36)
    assert "应到 36 人 · 实到 36 人" in editor.counts_label.text()
    r = _row_of(model, supervisor.id)
    assert model.index(r, NAME).data() == supervisor.name
    assert model.index(r, STATUS).data() == "列席"
    assert model.index(r, SEAT).data() == "名单外"
    assert editor.is_dirty()
    assert editor.verdict_panel.quorum_text() == "法定人数:有效"

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    saved = {a.person_id: a.status for a in meetings_service.load(editor.draft.id).attendance}
    assert saved[supervisor.id] == "observer"
    assert meetings_service.list_meetings()[0].expected == 36

    # Asked again: now marked as listed, never added twice.
    dialog = editor.open_add_people()
    type_text(qtbot, dialog.search_edit, supervisor.name)
    assert dialog.is_listed(dialog.row_of(supervisor.name))
    dialog.reject()
    assert editor.add_people([model.lines()[r]]) == 0
    assert len(model.lines()) == 37


def test_remove_only_people_added_by_hand(qtbot, page):
    editor = _editor(qtbot, page)
    model, table = editor.attendance_model, editor.attendance_table
    supervisor = _supervisor()
    dialog = editor.open_add_people()
    type_text(qtbot, dialog.search_edit, supervisor.name)
    dialog.set_checked(dialog.row_of(supervisor.name))
    dialog.set_status("present")  # wrongly added as 到会: counted in 应到
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert model.counts() == (37, 37)

    # A roster member cannot be taken off the list (that would shrink 应到).
    click_name(qtbot, table, 0)
    assert not editor.remove_people_button.isEnabled()
    assert editor.remove_selected_people() == 0
    assert "组成人员不能移出名单" in editor.message.text()

    click_name(qtbot, table, _row_of(model, supervisor.id))
    assert editor.remove_people_button.isEnabled()
    qtbot.mouseClick(editor.remove_people_button, Qt.MouseButton.LeftButton)
    assert model.counts() == (36, 36)
    assert supervisor.id not in {a.person_id for a in editor.draft.attendance}


def test_approved_minutes_take_no_new_people(qtbot, page):
    editor = _editor(qtbot, page)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.approve_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.pending_box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert not editor.add_people_button.isEnabled()
    assert editor.open_add_people() is None
