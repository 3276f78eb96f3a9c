"""County mode's screens: its areas, the board across townships with its drill-down, the 备案 register."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from desktop.services import auth_service, setup_service
from tests.support.sites import ADMIN_PASSWORD
from ui.main_window import MainWindow


def _county(store):
    setup_service.initialize("county", "西湖区", "330106", "zhejiang")
    setup_service.create_user(None, "admin", "县管理员", "county_admin", ADMIN_PASSWORD, ADMIN_PASSWORD)
    return auth_service.login("admin", ADMIN_PASSWORD)


def test_a_county_window_shows_its_own_areas_and_says_what_waits(qtbot, store, settings_store):
    session = _county(store)
    window = MainWindow(setup_service.current(), session, store, settings_store)
    qtbot.addWidget(window)
    window.resize(1024, 530)
    window.show()
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == ["首页", "乡镇", "合规看板", "备案登记", "报表"]
    home = window.current_page()
    assert any("县级" in label.text() for label in home.findChildren(QLabel))
    assert any("还没有登记任何乡镇" in line for line in home.lines)

    window.navigation.select_area("compliance")
    board = window.current_page()
    qtbot.waitUntil(lambda: not board.is_busy())
    assert board.stack.currentWidget() is board.empty_label  # nothing imported: says what to do, no empty grid
    window.navigation.select_area("filings")
    filings = window.current_page()
    assert filings.model.rowCount() == 0 and "还没有备案记录" in filings.summary.text()
