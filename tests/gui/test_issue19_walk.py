"""Issue 19's "Done when" through the screens, as the closing note shows it (docs/issue19/).

The secretary of the demo village finds the article about 土地 and the
meeting that decided the road, one Ctrl+F each, and opens each with Enter;
the township finds every village whose records say 土地承包 from its 村庄
filter and opens one village's file at the article; a county built by the
county demo (`desktop.demo_county.fill_county`, what `cunwu demo` runs at a
county) shows its board, a township, a village's cells, the 备案登记 with a
filed rule's text, its 乡镇 and its 首页.

State is made only by typing and pressing keys in real widgets on real SQLite
files (copies of the demo village and township; the county built afresh);
services are not called except to build the demos.

Each step saves a screenshot to the folder `CUNWU_ISSUE19_SHOTS`;
the walk at 1366×768, the county at 1366×768 and 1024×600. Run alone:
`CUNWU_ISSUE19_SHOTS=docs/issue19 pytest -m issue19walk -s tests/gui/test_issue19_walk.py`
(then `convert F -colors 256 PNG8:F` each). Skipped unless `CUNWU_ISSUE19_SHOTS` is set:
the county demo alone builds three townships (about a minute), too slow for the suite.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.services import setup_service
from tests.support.demo import demo_login, demo_township, demo_village
from tests.support.screens import shown
from tests.support.typing import type_text
from tests.support.walk import Steps
from ui.main_window import MainWindow
from ui.search.search_dialog import TARGET_ROLE, SearchDialog

pytestmark = [
    pytest.mark.issue19walk,
    pytest.mark.skipif(not os.environ.get("CUNWU_ISSUE19_SHOTS"),
                       reason="the issue-19 screenshots walk: set CUNWU_ISSUE19_SHOTS to a folder"),
]

WALK_SIZE = (1366, 768)
COUNTY_SIZES = ((1366, 768), (1024, 600))


@pytest.fixture
def shots() -> Steps:
    return Steps(Path(os.environ["CUNWU_ISSUE19_SHOTS"]))


def _window(qtbot, session, paths, settings_store, size=WALK_SIZE) -> MainWindow:
    return shown(qtbot, MainWindow(setup_service.current(), session, paths, settings_store), *size)


def _answered(qtbot, dialog: SearchDialog, text: str) -> None:
    qtbot.waitUntil(lambda: dialog.shown_request is not None and dialog.shown_request.query == text
                    and not dialog.live.is_busy(), timeout=10_000)


def _ctrl_f(qtbot, window: MainWindow) -> SearchDialog:
    window.activateWindow()
    window.navigation.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.navigation, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _type(qtbot, dialog: SearchDialog, text: str) -> None:
    dialog.query_edit.setFocus()
    dialog.query_edit.selectAll()
    type_text(qtbot, dialog.query_edit, text)
    _answered(qtbot, dialog, text)


def test_the_secretary_finds_the_land_article_and_the_road_meeting(qtbot, store, settings_store, shots):
    demo_village(years=1)
    secretary = demo_login("wenshu")
    window = _window(qtbot, secretary, store, settings_store)
    dialog = _ctrl_f(qtbot, window)
    _type(qtbot, dialog, "土地")
    assert dialog.tree.topLevelItem(0).text(0).startswith("村规民约")
    shots.shot("done_land_hits", window, dialog)
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return)  # the first hit: the newest version's article
    qtbot.waitUntil(lambda: not dialog.isVisible())
    page = window.current_page()
    assert page is window._pages["rules"] and "土地" in page.panel.article_editor.text_edit.toPlainText()
    shots.shot("done_land_article", window)
    shots.done("土地 → 村规民约")

    dialog = _ctrl_f(qtbot, window)
    _type(qtbot, dialog, "道路")
    first = dialog.tree.topLevelItem(0)
    assert first.text(0).startswith("会议"), first.text(0)
    shots.shot("done_road_hits", window, dialog)
    wanted = first.child(0).data(0, TARGET_ROLE).removeprefix("meetings:@")
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    editor = window._pages["meetings"].list_view.editor
    qtbot.waitUntil(lambda: editor is not None and editor.isVisible())
    assert editor.draft.id == wanted
    shots.shot("done_road_meeting", window, editor)
    editor.close()
    shots.done("道路 → 会议")
    print("\n" + shots.table())


def test_the_township_finds_the_villages_whose_records_say_land_contracting(qtbot, tmp_path, settings_store,
                                                                          shots):
    from desktop.paths import AppPaths

    paths = AppPaths(tmp_path / "乡镇")
    admin = demo_township(paths, villages=3, years=1)
    window = _window(qtbot, admin, paths, settings_store)
    window.show_area("villages")
    page = window.current_page()
    type_text(qtbot, page.search, "土地承包")
    assert page.no_match.isVisible() and "在各村记录中搜索" in page.no_match.text()
    shots.shot("done_township_filter", window)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    dialog = window.search_dialog
    _answered(qtbot, dialog, "土地承包")
    assert "3 个村" in dialog.tree.topLevelItem(0).text(0)
    shots.shot("done_township_hits", window, dialog)
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Down)
    code = dialog.tree.currentItem().data(0, TARGET_ROLE).split(":")[1]
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    file = page.village_file
    assert not dialog.isVisible() and page.village_file_shown() and file.code == code
    assert "土地承包" in file.rules_tab.selected_article()
    shots.shot("done_township_village_file", window)
    shots.done("土地承包 → 村档案")
    print("\n" + shots.table())


def test_the_county_demo_shows_its_board(qtbot, store, settings_store, shots):
    from desktop.demo import DEMO_PASSWORD
    from desktop.demo_county import fill_county
    from desktop.services import auth_service
    from desktop.services.session import cli_session

    setup_service.initialize("county", "西湖区", "330106", "zhejiang")
    fill_county(cli_session("county"), store)
    admin = auth_service.login("admin", DEMO_PASSWORD)
    shots.done("县级演示")
    window = _window(qtbot, admin, store, settings_store)
    for width, height in COUNTY_SIZES:
        window.resize(width, height)
        size = f"{width}x{height}"

        def settled(key: str):
            window.show_area(key)
            page = window.current_page()
            qtbot.waitUntil(lambda: not getattr(page, "is_busy", lambda: False)(), timeout=20_000)
            QApplication.processEvents()
            return page

        settled("home")
        shots.shot(f"county_home_{size}", window)
        settled("townships")
        shots.shot(f"county_townships_{size}", window)
        board = settled("compliance")
        shots.shot(f"county_board_{size}", window)
        assert board.open_current_township(0)
        shots.shot(f"county_board_township_{size}", window)
        assert board.open_current_village(0)
        shots.shot(f"county_board_village_{size}", window)
        board.go_up()
        board.go_up()
        filings = settled("filings")
        shots.shot(f"county_filings_{size}", window)
        text = filings.open_row(0)
        qtbot.waitExposed(text)
        shots.shot(f"county_filing_text_{size}", window, text)
        text.close()
        shots.done(f"县 {size}")
    print("\n" + shots.table())
