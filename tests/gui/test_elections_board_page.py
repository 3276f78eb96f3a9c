"""换届选举 (township): the board of a real township database, filters, sort, the detail, the export, the empty state."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tests.support import election_boards as data

TODAY = date(2026, 9, 1)


def _page(qtbot, session, width=1280, height=720):
    from ui.township.elections_board_page import ElectionsBoardPage

    page = ElectionsBoardPage(session, today=TODAY)
    qtbot.addWidget(page)
    page.resize(width, height)
    page.show()
    qtbot.waitUntil(lambda: page.board is not None and not page.is_busy(), timeout=10000)
    return page


def _names(page) -> list[str]:
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def test_the_board_shows_each_village_its_problems_in_words_and_red_and_the_detail(qtbot, township, tmp_path,
                                                                                   monkeypatch):
    from ui.township import elections_board_page as module
    from ui.township.elections_board_model import PROBLEMS, STAGE, TURNOUT
    from ui.widgets.palette import RED

    _paths, session = township
    data.enrol("33010600101", "一村")
    data.held_election("33010600101", cast=6)
    data.enrol("33010600102", "二村")
    data.held_election("33010600102", cast=5, women=False)  # exactly half: invalid
    data.enrol("33010600103", "三村")  # no election yet
    data.enrol("33010600104", "四村", sent=False)
    page = _page(qtbot, session)

    assert _names(page) == ["一村", "二村", "三村"]  # 四村 sent nothing: listed apart
    assert page.silent_label.isVisible() and "四村" in page.silent_label.text()
    assert page.model.index(0, STAGE).data() == "完成" and page.model.index(0, PROBLEMS).data() == "—"
    assert page.model.index(0, TURNOUT).data() == "60.0%"
    problems = page.model.index(1, PROBLEMS)
    assert "投票未过半(选举无效)" in problems.data() and "无妇女成员" in problems.data()
    assert problems.data(Qt.ItemDataRole.ForegroundRole) == RED
    assert page.model.index(2, STAGE).data() == "未启动"

    page.select_village("33010600102")
    html = page.detail.toPlainText()
    assert "选举无效" in html and "依据《村民委员会组织法》(2025)" in html and "正式选举(2026-05-10)" in html

    assert page.filter_combo.itemText(1) == "有问题的(1)"
    page.set_filter("problems")
    assert _names(page) == ["二村"] and "选举无效" in page.detail.toPlainText()  # the selection stays
    page.set_filter("not_started")
    assert _names(page) == ["三村"]
    page.set_filter("all")

    header = page.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + _section_centre(header, TURNOUT))
    assert _names(page) == ["三村", "二村", "一村"]  # no vote, 50 %, 60 %
    assert page.model.headerData(TURNOUT, Qt.Orientation.Horizontal).endswith("▲")

    target = tmp_path / "统计表.xlsx"
    monkeypatch.setattr(module, "ask_save_path", lambda *_args: target)
    assert page.export_stats()
    qtbot.waitUntil(lambda: page.written is not None, timeout=10000)
    assert target.exists() and "统计表已保存" in page.message.text()


def _section_centre(header, column):
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)


def test_empty_state_until_a_village_sends_an_election(qtbot, township):
    _paths, session = township
    data.enrol("33010600101", "一村")
    page = _page(qtbot, session)
    assert page.stack.currentWidget() is page.empty_label
    assert not page.export_button.isEnabled()


def test_the_township_navigation_opens_the_board(qtbot, township):
    from desktop.services import setup_service
    from ui.navigation import areas_for_mode
    from ui.pages.factory import build_page
    from ui.township.elections_board_page import ElectionsBoardPage

    paths, session = township
    area = next(a for a in areas_for_mode("township") if a.key == "elections")
    assert area.title == "换届选举"
    page = build_page(area, setup_service.current(), session, paths)
    qtbot.addWidget(page)
    assert isinstance(page, ElectionsBoardPage)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)


def test_on_a_1024_screen_the_table_keeps_most_of_the_height(qtbot, township):
    _paths, session = township
    data.enrol("33010600101", "一村")
    data.held_election("33010600101", cast=6)
    page = _page(qtbot, session)
    page.resize(870, 540)  # a 1024×600 screen less the navigation and the title bar
    qtbot.waitUntil(lambda: page.splitter.orientation() == Qt.Orientation.Vertical)
    table, detail = page.splitter.sizes()
    assert table >= 2 * detail - 2  # the villages' rows first; the detail was given half
