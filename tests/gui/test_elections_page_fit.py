"""民主选举 page on a netbook (1024×600): no election opens on 罢免与推选; the work area keeps its rows.

A village with no election can only use 罢免与推选 (a recall and the 推选 of 村民代表 belong to no
election), so the page opens there and its empty state says so. At the size the window opens at
on a 1024×600 screen (1008×520) the step summary folds to one line, so the 投票计票 table shows at
least six rows without the page scrolling; at the 特大 font every tab title shows without arrows.
"""

from __future__ import annotations

from datetime import date


def _page(qtbot, session, size=(820, 470)):
    from tests.gui.fit_checks import settle
    from ui.elections.elections_page import ElectionsPage

    page = ElectionsPage(session)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    settle()
    return page


def test_with_no_election_the_page_opens_on_recall_then_the_first_election_on_its_first_tab(qtbot, village):
    from desktop.services import elections_service

    _paths, session = village
    page = _page(qtbot, session)
    assert page.tabs.currentWidget() is page.recall_tab()
    assert [page.tabs.isTabEnabled(n) for n in range(page.tabs.count())] == [False] * 6 + [True]
    assert "不需要先有选举" in page.empty_text.text() and "“罢免与推选”" in page.empty_text.text()
    e = elections_service.create_election(session, "general", "第十二届村民委员会换届选举", date(2026, 12, 20),
                                          {"vc_chair": 1, "vc_vice": 1, "vc_member": 3})
    page.refresh(e.id)
    assert page.election_id() == e.id and page.tabs.currentIndex() == 0
    assert all(page.tabs.isTabEnabled(n) for n in range(page.tabs.count()))


def _in_window_room(qtbot, session, font_size=None):
    """The page in the window's scroll area, as large as that area is in a 1008×520 window (848×470)."""
    from tests.gui.fit_checks import settle
    from ui.elections.elections_page import ElectionsPage
    from ui.widgets.screen_fit import scroller

    page = ElectionsPage(session)
    area = scroller(page)
    qtbot.addWidget(area)
    area.resize(848, 470)
    area.show()
    qtbot.waitExposed(area)
    settle()
    return area, page


def test_at_1008x520_the_count_table_shows_six_rows_without_scrolling(qtbot, store):
    from tests.gui.fit_checks import settle
    from tests.support.election_count_site import election_site
    from ui.elections.count_tab import CountTab

    admin, _ids, _election = election_site(store)
    area, page = _in_window_room(qtbot, admin)
    count = next(w for w in page.tab_widgets if isinstance(w, CountTab))
    page.tabs.setCurrentWidget(count)
    settle()
    assert page.folded() and page.summary.line_label.isVisible() and not page.summary.steps_box.isVisible()
    assert page.summary.line_label.text().startswith("下一步:推选村民选举委员会")
    assert page.height() <= area.viewport().height()  # the page does not scroll
    assert not area.verticalScrollBar().isVisible()
    table = count.table
    shown = [r for r in range(table.rowCount())
             if 0 <= table.rowViewportPosition(r) and table.rowViewportPosition(r) + table.rowHeight(r)
             <= table.viewport().height()]
    assert len(shown) >= 6, (len(shown), table.viewport().height())

    page.summary.fold_button.click()  # 展开步骤: the list, title and every step come back
    settle()
    assert not page.folded() and page.list.isVisible() and page.summary.steps_box.isVisible()
    area.resize(848, 700)  # more room later: the person's choice stays
    settle()
    page.summary.fold_button.click()
    settle()
    assert page.folded() and not page.list.isVisible()


def test_at_1008x520_xlarge_every_tab_title_shows_without_arrows(qtbot, village, styled_app):
    from desktop.services import elections_service
    from desktop.settings import FONT_SIZES
    from tests.gui.fit_checks import settle
    from ui.fonts import apply_point_size

    _paths, session = village
    elections_service.create_election(session, "general", "第十二届村民委员会换届选举", date(2026, 12, 20),
                                      {"vc_chair": 1, "vc_vice": 1, "vc_member": 3})
    apply_point_size(styled_app, FONT_SIZES["xlarge"])
    try:
        _area, page = _in_window_room(qtbot, session)
        settle()
        bar = page.tabs.tabBar()
        assert not page.tabs.usesScrollButtons()
        for n in range(bar.count()):
            rect = bar.tabRect(n)
            assert bar.rect().contains(rect), (bar.tabText(n), rect, bar.rect())
            text = bar.tabText(n)
            assert "…" not in text and bar.fontMetrics().horizontalAdvance(text) <= rect.width(), text
            assert page.tabs.tabToolTip(n)  # the full title
        assert bar.tabText(bar.count() - 1) == "罢免推选"
    finally:
        apply_point_size(styled_app, FONT_SIZES["normal"])
