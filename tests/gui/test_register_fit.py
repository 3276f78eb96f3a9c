"""The 人员名册 page fits a 1024×600 window at every font size: no sideways scroll bar on any tab.

With the 特大 font it needed 860 px where the window had 815: the 名册 tab's top row (three
buttons, 共 N 人, 含已迁出/死亡, the search) and 小组与户's five group buttons beside the 户
buttons, and its figures row, pushed the search and the 户 off the screen's right edge.
Screenshots go to build/screenshots/register_<size>_<font>_<tab>.png.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.settings import FONT_SIZES
from tests.gui.fit_checks import (
    available_height,
    every_tab,
    page_width_problems,
    settle,
    widget_problems,
)
from tests.support.screens import save
from ui.widgets.screen_fit import ScrollingStack

SIZES = {"1024x600": (1024, 600), "1366x768": (1366, 768)}


@pytest.mark.parametrize("font", list(FONT_SIZES))
def test_the_register_fits_the_window_at_every_font(qtbot, village_demo, settings_store, styled_app, font):
    from desktop.services import setup_service
    from ui.fonts import apply_point_size
    from ui.main_window import MainWindow

    apply_point_size(styled_app, FONT_SIZES[font])  # before the window: re-styling a built one is slow
    paths, session = village_demo
    window = MainWindow(setup_service.current(), session, paths, settings_store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    problems = []
    for size_name, (width, height) in SIZES.items():
        window.resize(width, available_height(height))
        window.show_area("people")
        settle()
        page = window.current_page()
        for _ in every_tab(page):
            tab = page.tabs.tabText(page.tabs.currentIndex())
            found = page_width_problems(page) + widget_problems(page)
            problems += [f"{size_name} {tab}: {p}" for p in found]
            save(window, f"register_{size_name}_{font}_{tab}")
    assert not problems, "\n".join(problems)


def test_the_check_finds_a_page_wider_than_its_window(qtbot):
    """`page_width_problems` reports a page whose minimum width is more than its scroll area's room."""
    stack = ScrollingStack()
    qtbot.addWidget(stack)
    page = QWidget()
    QVBoxLayout(page).addWidget(QLabel("宽" * 10))
    page.setMinimumWidth(900)
    stack.addWidget(page)
    stack.setCurrentWidget(page)
    stack.resize(800, 400)
    stack.show()
    qtbot.waitExposed(stack)
    settle()
    (problem,) = page_width_problems(page)
    assert "minimum width 900>" in problem
    stack.resize(1000, 400)
    settle()
    assert page_width_problems(page) == []
