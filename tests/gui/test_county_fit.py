"""The county's screens fit 1366×768 and 1024×600 at the 标准 and 特大 fonts (checks of `fit_checks`).

Every area of a county with three townships' 汇总包, the board's three
levels, a filed rule's text and the 登记乡镇 dialog: no cut button or label,
no page wider than its window, no dialog out of the screen.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from desktop.services import setup_service
from desktop.settings import FONT_SIZES
from tests.gui.fit_checks import (
    available_height,
    page_width_problems,
    settle,
    widget_problems,
    window_problems,
)
from tests.support.county import county_into_store
from ui.main_window import MainWindow
from ui.settings_store import SettingsStore

SIZES = ((1024, 600), (1366, 768))


def _page_problems(window, where: str) -> list[str]:
    settle()
    page = window.current_page()
    return [f"{where}: {p}" for p in widget_problems(window) + page_width_problems(page)]


def _walk(qtbot, window, size: tuple[int, int]) -> list[str]:
    width, height = size
    window.resize(width, available_height(height))
    problems = [f"{size} main: {p}" for p in window_problems(window, width, height, opened=False)]
    for key in window.navigation.keys():
        window.show_area(key)
        page = window.current_page()
        qtbot.waitUntil(lambda page=page: not getattr(page, "is_busy", lambda: False)())
        problems += _page_problems(window, f"{size} {key}")
        if key == "compliance":
            page.open_current_township(0)
            problems += _page_problems(window, f"{size} {key}/township")
            page.open_current_village(0)
            problems += _page_problems(window, f"{size} {key}/village")
            page.go_up()
            page.go_up()
        if key == "filings":
            dialog = page.open_row(0)
            qtbot.waitExposed(dialog)
            problems += [f"{size} filing text: {p}" for p in window_problems(dialog, width, height)
                         + widget_problems(dialog)]
            dialog.close()
        if key == "townships":
            dialog = page.enroll()
            qtbot.waitExposed(dialog)
            problems += [f"{size} enrol: {p}" for p in window_problems(dialog, width, height)
                         + widget_problems(dialog)]
            dialog.close()
    return problems


@pytest.mark.parametrize("font", ["normal", "xlarge"])
def test_county_screens_fit(qtbot, store, styled_app, font):
    from ui.fonts import apply_point_size

    session = county_into_store(townships=3, villages=3, years=1)
    apply_point_size(styled_app, FONT_SIZES[font])
    window = MainWindow(setup_service.current(), session, store, SettingsStore.load(store.settings_file))
    problems: list[str] = []
    try:
        window.show()
        qtbot.waitExposed(window)
        for size in SIZES:
            problems += _walk(qtbot, window, size)
    finally:
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
