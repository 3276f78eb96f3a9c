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
    assert "不需要先有选举" in page.empty_text.text() and "“罢免与推选”" in page.empty_text.text()
    e = elections_service.create_election(session, "general", "第十二届村民委员会换届选举", date(2026, 12, 20),
                                          {"vc_chair": 1, "vc_vice": 1, "vc_member": 3})
    page.refresh(e.id)
    assert page.election_id() == e.id and page.tabs.currentIndex() == 0
