"""合规看板 page: the board of a real township database, the drill-down, the empty state, screenshots.

The township's data arrives the real way: each village installation is
filled (demo history for three, a few records for one, nothing for the last),
exports its package, and the township imports it.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt

from models.township import compliance as eng
from tests.support.screens import save, shown

VILLAGES = [("330106001001", "青山村", "demo", 7), ("330106001002", "绿水村", "demo", 11),
            ("330106001003", "桃源村", "demo", 23), ("330106001004", "石桥村", "sparse", 0),
            ("330106001005", "柳塘村", "silent", 0)]


def _fill(i: int, session) -> bool:
    """Demo history for three villages, a few records for one, nothing from the last."""
    from desktop import demo as demo_mod
    from desktop.services import record_store
    from models.disclosure.records import DisclosureItem
    from models.meetings.records import Meeting

    _code, _name, kind, seed = VILLAGES[i]
    year = date.today().year
    if kind == "silent":
        return False
    if kind == "demo":
        demo_mod.fill_village(session, years=2, seed=seed)
    else:
        record_store.create(session, Meeting, type_code="representatives", title=f"{year}年第一季度村民代表会议",
                            held_on=f"{year}-02-10", quorum_met=True, status="approved")
        record_store.create(session, DisclosureItem, category="village", subject="village_affairs",
                            period_kind="quarter", period=f"{year}Q1", title=f"{year}年第一季度村务公开",
                            posted_on=f"{year}-04-28")
    return True


def _township(tmp_path):
    """The township with five villages (built once, copied); returns (site, session) with its database open."""
    from tests.support.sites import township_with_villages

    return township_with_villages(tmp_path, [(code, name) for code, name, _k, _s in VILLAGES], _fill,
                                  key="compliance_page")


def _page(qtbot, session, width=1280, height=720):
    from ui.township.compliance_page import CompliancePage

    page = shown(qtbot, CompliancePage(session), width, height)
    qtbot.waitUntil(lambda: page.board is not None and not page.is_busy(), timeout=20000)
    return page


def _obligation_column(page, key: str) -> int:
    return next(c for c in range(page.model.columnCount()) if (o := page.model.obligation_at(c)) and o.key == key)


def test_board_shows_villages_and_a_click_opens_the_records(qtbot, qtmodeltester, tmp_path):
    _site, session = _township(tmp_path)
    page = _page(qtbot, session)
    assert page.stack.currentIndex() == 0
    assert page.model.rowCount() == len(VILLAGES) + 1  # and the township row
    names = [page.model.index(r, 0).data() for r in range(len(VILLAGES))]
    assert names == [name for _c, name, _k, _s in VILLAGES]
    assert page.model.index(4, 1).data() == "从未收到"
    assert "数据截至" in page.summary_label.text()
    # every obligation has a column with its Chinese label
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal).replace("\n", "")  # long titles wrap
               for c in range(page.model.columnCount())]
    assert "村民代表会议" in headers and "村务公开" in headers

    page.set_period(str(date.today().year - 1))
    qtbot.waitUntil(lambda: page.board.period == str(date.today().year - 1) and not page.is_busy(), timeout=20000)
    column = _obligation_column(page, eng.REP_MEETINGS)
    index = page.model.index(0, column)
    assert index.data().endswith("/4")
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(index).center())
    dialog = page.records_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.model.rowCount() == 4  # one line per quarter
    qtmodeltester.check(dialog.model)
    titles = [dialog.model.index(r, 3).data() for r in range(4)]
    assert any("村民代表会议" in t for t in titles)
    assert page.board.cell(VILLAGES[0][0], eng.REP_MEETINGS).done == sum(
        dialog.model.index(r, 4).data() in ("按时", "逾期") for r in range(4))
    dialog.close()


def test_keyboard_drill_down_words_of_text_cells_and_all_columns_on_a_1366_screen(qtbot, tmp_path):
    """Enter on the current cell opens its records; a cell shown in words (已备案, 无待答) keeps those
    words in the drill-down instead of a bare 按时; the eleven columns fit beside the legend at 1366 px."""
    from PySide6.QtWidgets import QAbstractItemView

    _site, session = _township(tmp_path)
    page = _page(qtbot, session, 1366 - 144, 680)  # the window minus the navigation list
    header = page.table.horizontalHeader()
    assert sum(header.sectionSize(c) for c in range(page.model.columnCount())) <= page.table.viewport().width()

    column = _obligation_column(page, eng.REP_MEETINGS)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, column))
    assert page.table.selectionMode() == QAbstractItemView.SelectionMode.NoSelection  # colours stay visible
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.records_dialog
    assert dialog is not None and dialog.isVisible() and "村民代表会议" in dialog.windowTitle()
    dialog.close()

    column = _obligation_column(page, eng.RULES_FILED)
    words = page.model.index(0, column).data()
    assert words and not words.startswith("按时")
    dialog = page.open_cell(0, column)
    summary = dialog.summary.text()
    assert f":{words}。" in summary, summary
    dialog.close()

    # the trend comes after the board, on its own worker, only while it is on screen (issue 20)
    from desktop.services import compliance_service as cs

    qtbot.waitUntil(page.trend_ready, timeout=20000)
    first = page.board.period
    assert len(page.trend.points) == 8 and page.trend.points == cs.trend(first)
    page.resize(1024 - 144, 540)  # folded away on a narrow screen: a new period's trend is not computed
    qtbot.waitUntil(lambda: not page.side_box.isVisible())
    page.set_period(str(date.today().year - 1))
    qtbot.waitUntil(lambda: page.board.period == str(date.today().year - 1) and not page.is_busy(), timeout=20000)
    assert page.trend.points == () and not page.trend_jobs.is_busy()
    page.side_button.click()  # shown: computed now
    qtbot.waitUntil(lambda: page.trend_ready() and bool(page.trend.points), timeout=20000)
    assert page.trend.points == cs.trend(page.board.period)
    page.set_period(first)  # chosen again: its trend at once, not computed again
    qtbot.waitUntil(lambda: page.board.period == first and not page.is_busy(), timeout=20000)
    assert page.trend.points == cs.trend(first) and not page.trend_jobs.is_busy()


def test_trend_percentages_shrink_instead_of_running_together(qtbot):
    from PySide6.QtGui import QFont, QFontMetrics

    from ui.township.compliance_chart import value_label_font
    from ui.widgets.compliance_model import header_text

    font = QFont()
    font.setPointSize(12)
    wide, sign = value_label_font(font, 200)
    assert wide.pointSizeF() == 12 and sign == "%"
    narrow, sign = value_label_font(font, 30)
    assert narrow.pointSizeF() < 12
    assert sign == "" or QFontMetrics(narrow).horizontalAdvance("100%") <= 26
    assert header_text("村规民约备案") == "村规民约\n备案" and header_text("村务公开") == "村务公开"


def test_empty_state_when_no_village_sent_anything(qtbot, township, tmp_path):
    from desktop.services import setup_service
    from desktop.sync import enrollment

    paths, session = township
    enrollment.enroll_village(session, paths, "330106001009", "柳塘村", tmp_path)
    assert setup_service.current().mode == "township"
    page = _page(qtbot, session)
    assert page.stack.currentIndex() == 1
    assert "还没有收到任何村的数据包" in page.empty_label.text()
    assert "都还没有交来数据包" in page.summary_label.text()


@pytest.mark.screenshots
def test_compliance_screenshots(qtbot, tmp_path):
    _site, session = _township(tmp_path)
    page = _page(qtbot, session, 1366, 640)
    save(page, "c2_compliance_board")
    column = _obligation_column(page, eng.DISCLOSURE_FINANCE)
    dialog = page.open_cell(1, column)  # 绿水村: a late posting beside the ones on time
    qtbot.waitExposed(dialog)
    save(dialog, "c3_compliance_cell")


def test_the_township_navigation_opens_the_board(qtbot, township):
    from desktop.services import setup_service
    from ui.navigation import areas_for_mode
    from ui.pages.factory import build_page
    from ui.township.compliance_page import CompliancePage

    paths, session = township
    area = next(a for a in areas_for_mode("township") if a.key == "compliance")
    page = build_page(area, setup_service.current(), session, paths)
    qtbot.addWidget(page)
    assert isinstance(page, CompliancePage)
    qtbot.waitUntil(lambda: page.board is not None and not page.is_busy(), timeout=20000)
    assert page.stack.currentIndex() == 1  # no village enrolled, nothing received
    assert "还没有登记任何村" in page.summary_label.text()


def test_header_click_sorts_and_only_villages_behind_filters(qtbot, tmp_path):
    """Issue 17: any column sorts (names in pinyin order, rates as numbers, the silent village stays last);
    “只看落后的村” keeps the villages `Board.behind` names, and its tooltip says what behind means."""
    from tests.unit.test_compliance_honest import _board, _complete, _reporting_gaps, _silent

    _site, session = _township(tmp_path)
    page = _page(qtbot, session, 1366 - 144, 680)
    header = page.table.horizontalHeader()

    def click_header(column: int) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))

    def names() -> list[str]:
        return [page.model.index(r, 0).data() for r in range(page.model.rowCount() - 1)]

    click_header(0)
    assert names() == ["绿水村", "青山村", "石桥村", "桃源村", "柳塘村"]  # pinyin; 柳塘村 sent nothing: last
    assert page.model.headerData(0, Qt.Orientation.Horizontal).endswith("▲")
    rate_col = page.model.columnCount() - 1
    click_header(rate_col)
    rates = [page.model.index(r, rate_col).data() for r in range(page.model.rowCount() - 1)]
    assert rates[:4] == sorted(rates[:4], key=lambda t: int(t.rstrip("%"))) and rates[-1] == "无数据"
    assert names()[0] == "石桥村"  # 0% first: the worst
    click_header(rate_col)
    assert names()[0] in ("青山村", "桃源村") and names()[-1] == "柳塘村"
    assert page.model.index(page.model.rowCount() - 1, 0).data() == "全乡镇按时率"  # the township row stays last

    # the township row's own duty opens every village's matters waiting for the township
    dialog = page.open_cell(page.model.rowCount() - 1, _obligation_column(page, eng.ESCALATIONS))
    assert dialog is not None and "乡镇本级" in dialog.windowTitle()
    assert dialog.model.rowCount() == page.board.township_cell(eng.ESCALATIONS).expected
    dialog.close()
    assert page.open_cell(page.model.rowCount() - 1, _obligation_column(page, eng.REP_MEETINGS)) is None

    board = page.board
    assert "中位数" in page.behind_check.toolTip() and "缺失" in page.behind_check.toolTip()
    page.behind_check.click()
    assert set(names()) == {v.name for v in board.villages if board.behind(v.code)}
    assert "只看落后的村" in page.summary_label.text()
    # a village with nothing behind leaves the list (hand-built: the demo villages all have a gap somewhere)
    page._on_done(_board(("缺村", _reporting_gaps()), ("全村", _complete()), ("默村", _silent())))
    assert names() == ["缺村", "默村"]  # 全村 did everything on time: not behind
    page.behind_check.click()
    assert page.model.rowCount() == 4 and "全村" in names()
    assert page.silent_label.text() == "长期未报送的村(超过 90 天没有数据包):默村(最后数据包 2026-03-28,已 247 天)"
    # on a 1024 px screen the legend and the trend give way to the grid (a button brings them back)
    page.resize(1024 - 144, 540)
    qtbot.waitUntil(lambda: not page.side_box.isVisible())
    assert page.side_button.isVisible()
    qtbot.waitUntil(lambda: page.table.width() > page.width() - 100)  # the grid takes the room
    page.side_button.click()
    assert page.side_box.isVisible()
    # shown there, the legend and the trend scroll on their own: the page is no taller than the window
    # (it was, and the hint under the grid was cut off at 1024×600)
    assert page.layout().totalHeightForWidth(page.width()) <= 540
    page.resize(1366 - 144, 680)
    qtbot.waitUntil(lambda: not page.side_button.isVisible() and page.side_box.isVisible())


def test_an_empty_board_on_a_narrow_screen_offers_no_legend_button(qtbot, township):
    """Issue 20 tester: a township with no village data at 1024×600 showed 图例和趋势 above the empty
    page (the grid's columns, measured from their titles, did not fit beside the side panel)."""
    _paths, session = township
    page = _page(qtbot, session, 860, 520)  # the page's room in the main window at 1024×600
    assert page.stack.currentIndex() == 1
    assert not page.side_button.isVisible()


def test_a_trend_job_ending_after_the_page_is_gone_does_nothing(qtbot, tmp_path):
    """The trend worker's end schedules a look at the board; if the window took the page apart
    meanwhile, that look does nothing (it read a deleted widget: a RuntimeError in the event loop, seen
    in CI when a window closed while a trend was still being computed)."""
    import shiboken6

    _site, session = _township(tmp_path)
    page = _page(qtbot, session)
    qtbot.waitUntil(page.trend_ready, timeout=20000)
    page._trend_period = None  # as if a new board came: the next look would compute its trend
    page._on_trend_busy(False)  # as the worker's busy_changed(False) does: schedules `_want_trend`
    shiboken6.delete(page.side_box)  # the page's parts are going (the window is closing)
    qtbot.wait(50)  # pytest-qt fails the test on an exception raised in the event loop
    assert not page.trend_jobs.is_busy()
