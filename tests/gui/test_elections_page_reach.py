"""民主选举 page on a 1024×600 screen: 罢免与推选 is reachable with no election, every step label is whole.

A recall, a 补选 and the 推选 of 村民代表 belong to no election (a village may need them in the years
between two 换届), so a village that never held one must still reach that tab. The steps of the
summary are short labels in a wrapping row: on the window as it opens on a netbook none may be cut
("选民登", "公布委托投" were seen when they sat in a fixed grid).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.gui.fit_checks import label_problems, opened_size, settle


def _page(qtbot, session, size):
    from ui.elections.elections_page import ElectionsPage

    page = ElectionsPage(session)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    settle()
    return page


def test_with_no_election_the_recall_tab_is_reached_and_works(qtbot, village):
    from ui.elections.recall_tab import RecallTab

    _paths, session = village
    page = _page(qtbot, session, (820, 470))  # the room the page gets in a 1008×520 window
    assert page.list.count() == 0 and page.top_widget() is page.empty
    index = next(n for n in range(page.tabs.count()) if isinstance(page.tabs.widget(n), RecallTab))
    assert page.tabs.isVisible() and page.tabs.isTabEnabled(index) and page.tabs.isTabVisible(index)
    page.tabs.setCurrentIndex(index)
    recall = page.tabs.widget(index)
    assert recall.isVisible() and recall.file_button.isEnabled() and recall.select_button.isEnabled()
    recall.open_file()
    dialog = recall.dialog
    qtbot.waitExposed(dialog)
    assert dialog.isVisible()
    dialog.reject()


@pytest.mark.parametrize("font", ["normal", "xlarge"])
def test_every_step_label_is_whole_at_1024x600(qtbot, village, styled_app, font):
    from desktop.services import elections_service
    from desktop.settings import FONT_SIZES
    from ui.fonts import apply_point_size

    _paths, session = village
    elections_service.create_election(session, "general", "第十二届村民委员会换届选举", date(2026, 12, 20),
                                      {"vc_chair": 1, "vc_vice": 1, "vc_member": 3})
    apply_point_size(styled_app, FONT_SIZES[font])
    try:
        width, height = opened_size(1024, 600)
        page = _page(qtbot, session, (width - 190, height - 50))  # less the navigation and the status bar
        page.set_folded(False)  # a short window folds the steps to one line; 展开步骤 shows them all
        settle()
        labels = page.summary.steps_box.findChildren(type(page.summary.next_label))
        assert len(labels) == 8 and all(label.isVisible() for label in labels)
        assert label_problems(page.summary.steps_box) == []
        for label in labels:  # whole and on one line: a step is never split ("选民登" / "记")
            assert label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width(), label.text()
            assert label.height() < 2 * label.fontMetrics().height(), label.text()
    finally:
        apply_point_size(styled_app, FONT_SIZES["normal"])


def test_after_the_announcement_the_step_dialog_never_moves_its_date(qtbot, store):
    """当选公告 and 工作移交 belong to the 当选与移交 tab (the announcement opened the terms); the
    step dialog refuses them in words, and the 离任审计 date it records is the tab's."""
    from desktop.services import election_count_service as ec
    from desktop.services import terms_service
    from models import terms
    from tests.support.election_count_site import DAY, election_site
    from ui.elections.result_tab import ResultTab

    admin, _ids, election = election_site(store)
    votes = {"张一": 5, "李三": 4, "赵五": 4, "钱六": 4, "孙七": 4}
    lines = tuple(ec.Line(ln.post, ln.name, votes.get(ln.name, 0), ln.candidate_id, "", ln.person_id)
                  for ln in ec.round_lines(election).lines)
    ec.save_round(admin, election, ec.RoundInput("main", DAY.isoformat(), 7, 7, 0, lines))
    ec.announce(admin, election, DAY)
    page = _page(qtbot, admin, (1100, 700))
    assert not [a.text() for a in page.summary.more_menu.actions() if "公告" in a.text() or "移交" in a.text()]

    for step in ("announce", "handover"):
        dialog = page.open_step(step)
        qtbot.waitExposed(dialog)
        dialog.day_edit.setDate(date(2026, 11, 25))
        dialog.accept()
        assert dialog.isVisible() and "“当选与移交”页" in dialog.error_label.text()
        dialog.reject()
    assert ec.handover_view(election).announced_on == DAY.isoformat()
    assert len(terms_service.office_holders(terms.VILLAGE_COMMITTEE, DAY)) == 5

    dialog = page.open_step("audit")
    dialog.day_edit.setDate(date(2026, 10, 30))
    dialog.accept()
    assert not dialog.isVisible()
    result = next(w for w in page.tab_widgets if isinstance(w, ResultTab))
    result.refresh()
    assert result.audit_edit.date().toPython() == date(2026, 10, 30) and "已在选举前公布" in result.audit_notes.text()


def test_the_committee_list_is_a_model_and_its_row_buttons_follow_the_selection(qtbot, qtmodeltester, village):
    from desktop.services import election_people_service as eps
    from desktop.services import elections_service, people_service
    from ui.elections.committee_tab import CommitteeTab

    _paths, session = village
    e = elections_service.create_election(session, "general", "第十二届村民委员会换届选举", date(2026, 12, 20),
                                          {"vc_chair": 1, "vc_vice": 1, "vc_member": 3})
    pid = people_service.add_person(session, "王建国", "男", birth_year=1970).id
    member = eps.add_committee_member(session, e.id, pid, "chair", date(2026, 11, 1))
    tab = CommitteeTab(session)
    qtbot.addWidget(tab)
    tab.show_election(e.id)
    qtmodeltester.check(tab.rows)
    assert [tab.rows.index(0, c).data() for c in (0, 4)] == ["王建国", "在任"]
    assert not tab.leave_button.isEnabled() and tab.selected_id() is None
    tab.table.selectRow(0)
    assert tab.selected_id() == member.id and tab.leave_button.isEnabled()
