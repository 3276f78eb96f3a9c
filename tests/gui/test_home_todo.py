"""首页 · 待办: a fresh village is sent to the register; each login's lines open their place."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop.services import disclosure_service as ds
from desktop.services import setup_service
from models.disclosure.financial_table import Line
from tests.support.committee import login_as, member_login


def _home(qtbot, window):
    page = window.current_page()
    qtbot.waitUntil(lambda: bool(page.data_cards))
    return page


def test_a_fresh_village_sees_the_way_to_the_register(qtbot, main_window):
    home = _home(qtbot, main_window)
    assert home.todo_lines[0].startswith("先登记人员名册")
    assert len(home.todo_lines) == 1
    # No red warning about quarters that cannot be judged yet: the register comes first.
    assert home.cadence_label.property("role") == "hint"
    qtbot.mouseClick(home.todo_buttons["register"], Qt.MouseButton.LeftButton)
    assert main_window.navigation.current_key() == "people"


def test_a_committee_member_opens_the_items_waiting_for_review(qtbot, village, settings_store):
    from ui.main_window import MainWindow

    paths, admin = village
    secretary = login_as(admin, "wenshu", "secretary")
    member = member_login(admin, "weiyuan", "周监委")
    item = ds.create_item(secretary, "finance_monthly", "2026-10", "2026年10月财务收支公开")
    ds.save_table(secretary, item.id, 0, 1000, [Line("2026-10-02", "1", "厂房租金", "租赁收入", 1000, 0)])
    ds.submit(secretary, item.id, date.today())
    window = MainWindow(setup_service.current(), member, paths, settings_store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    home = _home(qtbot, window)
    assert any(line.startswith("1 项公开内容等待监委会审核") for line in home.todo_lines)
    assert not any("草稿" in line for line in home.todo_lines)  # the secretary's work is not on their list
    qtbot.mouseClick(home.todo_buttons["review"], Qt.MouseButton.LeftButton)
    page = window.current_page()
    assert window.navigation.current_key() == "disclosure" and page.tabs.currentWidget() is page.list_tab
    # The line is about one item: that item is selected and its editor opened (not just the list).
    assert page.list_tab.current_id() == item.id
    assert page.editor is not None and page.editor.item_id == item.id
    page.editor.close()


def test_a_matter_awaiting_the_answer_opens_that_matter(qtbot, village, settings_store):
    """The one 监督事项 waiting for the 村委会's answer is selected on the board, whatever the filter."""
    from datetime import timedelta

    from desktop.services import supervision_service
    from models.supervision import matters as mm
    from ui.main_window import MainWindow

    paths, admin = village
    secretary = login_as(admin, "wenshu", "secretary")
    member = member_login(admin, "weiyuan", "周监委")
    today = date.today()
    matter = supervision_service.open_matter(member, "村务公开栏长期未更新", "subsidies", "complaint",
                                             today - timedelta(days=5))
    supervision_service.advance(member, matter.id, mm.NOTIFIED, today - timedelta(days=4), "请更新",
                                today + timedelta(days=20))
    window = MainWindow(setup_service.current(), secretary, paths, settings_store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    home = _home(qtbot, window)
    assert "answer" in home.todo_buttons
    qtbot.mouseClick(home.todo_buttons["answer"], Qt.MouseButton.LeftButton)
    page = window.current_page()
    assert window.navigation.current_key() == "supervision" and page.tabs.currentWidget() is page.matters_tab
    assert page.matters_tab.selected_id() == matter.id


def test_the_one_meeting_record_to_approve_opens_in_its_editor(qtbot, main_window):
    from desktop.services import meetings_service, people_service

    session = main_window.session()
    people_service.add_person(session, "张三", "男")
    mid = meetings_service.save(session, meetings_service.new_draft("two_committees", date.today()))
    home = main_window.current_page()
    qtbot.waitUntil(lambda: bool(home.data_cards))
    home.refresh()
    qtbot.mouseClick(home.todo_buttons["meetings"], Qt.MouseButton.LeftButton)
    page = main_window.current_page()
    assert main_window.navigation.current_key() == "meetings"
    assert page.list_view.selected_id() == mid
    editor = page.list_view.editor
    assert editor is not None and editor.draft.id == mid
    editor.close()


def test_the_admin_is_sent_to_the_committee_and_to_a_backup(qtbot, main_window):
    from desktop.services import people_service

    people_service.add_person(main_window.session(), "张三", "男")
    home = main_window.current_page()
    qtbot.waitUntil(lambda: bool(home.data_cards))
    home.refresh()
    assert any(line.startswith("还没有登记村务监督委员会成员") for line in home.todo_lines)
    assert any(line.startswith("还没有备份") for line in home.todo_lines)
    qtbot.mouseClick(home.todo_buttons["backup"], Qt.MouseButton.LeftButton)
    from ui.backup_dialog import BackupDialog

    qtbot.waitUntil(lambda: any(w.isVisible() for w in main_window.findChildren(BackupDialog)))
    for dialog in main_window.findChildren(BackupDialog):
        dialog.reject()
    qtbot.mouseClick(home.todo_buttons["committee"], Qt.MouseButton.LeftButton)
    page = main_window.current_page()
    assert main_window.navigation.current_key() == "supervision" and page.tabs.currentWidget() is page.members_tab


def test_the_meetings_list_does_not_blame_quarters_before_the_village_began(qtbot, village):
    """A village that began today sees no red 第 1/2/3 季度没有召开 on the meetings list (issue 15)."""
    from desktop.services import decisions_service, people_service
    from ui.meetings.meetings_page import MeetingsPage

    _, admin = village
    people_service.add_person(admin, "张三", "男")
    page = MeetingsPage(admin)
    qtbot.addWidget(page)
    page.refresh()
    assert decisions_service.records_began() == date.today()
    view = page.list_view
    assert not view.cadence_label.isVisibleTo(view) and "没有召开" not in view.cadence_label.text()


def test_the_quarter_under_way_reads_in_progress_not_missing(qtbot, main_window):
    """首页's meetings card: a village with people and no meeting yet reads 第 N 季度进行中, not in red (issue 15)."""
    from desktop.services import decisions_service, people_service

    people_service.add_person(main_window.session(), "张三", "男")
    home = main_window.current_page()
    qtbot.waitUntil(lambda: bool(home.data_cards))
    home.refresh()
    qtbot.waitUntil(lambda: home.cadence_label.property("role") != "hint")
    quarter = decisions_service.quarter_in_progress(date.today()).quarter
    text = home.cadence_label.text()
    assert f"第 {quarter} 季度进行中" in text and "季度结束前召开即可" in text
    assert home.cadence_label.property("role") == "ok"
    assert "没有召开村民代表会议" not in text.replace("还没有召开村民代表会议", "")
