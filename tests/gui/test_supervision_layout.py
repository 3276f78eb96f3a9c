"""村务监督 at a netbook's size with the 特大 font: no widget of any tab draws over another.

`test_fit.py` checks that buttons and labels get their size; this checks that
they also get their own place: the 民主评议 不称职 rule, wrapped into two lines,
was drawn over the last row of the table (the splitter sized the form from
one-line minimums). One page, every tab: a second or two.
"""

from __future__ import annotations

from desktop.settings import FONT_SIZES
from tests.gui.fit_checks import every_tab, settle, sibling_overlap_problems
from tests.support.demo import demo_login, supervision_village

#: The room the main window gives the 村务监督 page on a 1024×600 screen (its scroll area's viewport).
NETBOOK_PAGE = (815, 466)


def test_no_widget_draws_over_another_at_1024x600_xlarge(qtbot, store, styled_app):
    from ui.fonts import apply_point_size
    from ui.meetings.meeting_editor import MeetingEditor
    from ui.supervision.supervision_page import SupervisionPage
    from ui.widgets.screen_fit import scroller

    apply_point_size(styled_app, FONT_SIZES["xlarge"])
    supervision_village()  # no province: the rule is the long "法律未规定…(本省未录入)" sentence
    page = SupervisionPage(demo_login("admin"), MeetingEditor)
    area = scroller(page)  # as the main window holds it: the page scrolls when it cannot fit
    qtbot.addWidget(area)
    area.resize(*NETBOOK_PAGE)
    area.show()
    qtbot.waitExposed(area)
    page.tabs.setCurrentWidget(page.appraisal_tab)
    settle()
    tab = page.appraisal_tab
    assert tab.rule_label.isVisible() and tab.rule_label.height() > tab.rule_label.fontMetrics().height()  # wrapped
    problems = [f"{page.tabs.tabText(page.tabs.currentIndex())}: {p}" for _ in every_tab(page) for p in sibling_overlap_problems(page)]
    assert not problems, "\n".join(dict.fromkeys(problems))
    # The 成员 tab is as tall as itself, not as the tallest other tab (民主理财, 民主评议 after a save).
    page.tabs.setCurrentWidget(page.members_tab)
    settle()
    extra = page.tabs.minimumSizeHint().height() - page.members_tab.minimumSizeHint().height()
    assert extra <= page.tabs.tabBar().sizeHint().height() + 8, extra  # the tab bar and the frame only
