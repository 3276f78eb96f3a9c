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
