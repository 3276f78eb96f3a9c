"""`SideBySideOrTabs`: side by side when both panes get their minimum width, tabs below it, never stuck."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from tests.gui.fit_checks import settle
from ui.widgets.side_panel import SideBySideOrTabs


def _pane(width: int) -> QWidget:
    pane = QWidget()
    pane.setMinimumWidth(width)
    return pane


def test_panes_become_tabs_when_narrow_and_come_back(qtbot):
    main, side = _pane(500), _pane(300)
    panes = SideBySideOrTabs(main, side, "收支明细", "审核")
    qtbot.addWidget(panes)
    seen = []
    panes.arranged.connect(seen.append)
    panes.resize(panes.needed_width() + 50, 400)
    panes.show()
    settle()
    assert panes.side_by_side() and main.parentWidget() is panes.splitter
    assert main.isVisible() and side.isVisible()

    panes.resize(panes.needed_width() - 1, 400)  # a 1024 netbook
    settle()
    assert not panes.side_by_side()
    assert [panes.tabs.tabText(i) for i in range(panes.tabs.count())] == ["收支明细", "审核"]
    assert main.isVisible() and not side.isVisible()
    panes.show_side()
    settle()
    assert side.isVisible()

    panes.resize(panes.needed_width() + 200, 400)
    settle()
    assert panes.side_by_side() and panes.tabs.count() == 0
    assert main.isVisible() and side.isVisible()
    assert seen == [False, True]


def test_a_narrow_window_may_give_less_than_both_minimums(qtbot):
    """The parent is asked only for the wider pane: in a scroll area it is never forced side by side."""
    panes = SideBySideOrTabs(_pane(500), _pane(300), "a", "b")
    qtbot.addWidget(panes)
    assert panes.minimumSizeHint().width() < 500 + 300
    assert panes.minimumSizeHint().width() >= 500
    assert panes.sizeHint().width() >= panes.needed_width()
