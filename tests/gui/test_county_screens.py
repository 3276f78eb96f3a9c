"""County mode's screens: its areas, the board across townships with its drill-down, the 备案 register."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from desktop.services import auth_service, setup_service
from tests.support.sites import ADMIN_PASSWORD
from tests.support.typing import type_text
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
    assert window.windowTitle() == "西湖区 - 村务台账(县级)"
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


def test_a_county_adds_a_staff_account_by_name(qtbot, store):
    """A county keeps no register of people: the account's owner is named, as at a township."""
    from ui.settings.add_account_dialog import AddAccountDialog

    session = _county(store)
    dialog = AddAccountDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name_edit.isVisible() and not dialog.person_combo.isVisible()
    assert [dialog.role_combo.itemData(i) for i in range(dialog.role_combo.count())] == [
        "county_admin", "county_staff", "county_viewer"]
    type_text(qtbot, dialog.name_edit, "李民政")
    dialog.role_combo.setCurrentIndex(1)
    qtbot.keyClicks(dialog.login_edit, "minzheng")
    qtbot.keyClicks(dialog.password.password_edit, "Minzheng-2026")
    qtbot.keyClicks(dialog.password.repeat_edit, "Minzheng-2026")
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.added is not None, timeout=20_000)
    assert (dialog.added.role, dialog.added.display_name) == ("county_staff", "李民政")


def test_the_home_page_says_in_words_that_a_townships_first_package_had_no_village(qtbot, store, tmp_path):
    """A township that enrolled no village yet sends a 汇总包 of 0 村: no "数据截至 无" (issue19-tester row 20)."""
    from tests.support.county import fill_synthetic
    from ui.county.home_page import CountyHomePage

    session = _county(store)
    fill_synthetic(session, store, tmp_path / "scratch", townships=1, villages=0, years=1)
    page = CountyHomePage(setup_service.current(), session, store)
    qtbot.addWidget(page)
    (line,) = [line for line in page.lines if line.startswith("最近导入")]
    assert line.endswith("导入,还没有村的数据。") and "数据截至" not in line
