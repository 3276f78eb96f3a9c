"""The 监督事项 board in a 1180 px window: the 事项 is read in full, the other columns give way."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.services import setup_service
from tests.support.demo import supervision_village
from tests.support.screens import save, shown
from ui.supervision.matters_model import AREA, DEADLINE, OPENED, STATE, TITLE


@pytest.mark.screenshots
def test_the_matter_column_takes_the_room_in_the_main_window(qtbot, store, settings_store):
    from ui.main_window import MainWindow

    session = supervision_village()
    window = shown(qtbot, MainWindow(setup_service.current(), session, store, settings_store), 1180, 760)
    window.show_area("supervision")
    page = window.current_page()
    page.tabs.setCurrentWidget(page.matters_tab)
    qtbot.wait(50)
    table = page.matters_tab.table
    metrics = table.fontMetrics()
    model = table.model()
    titles = [model.index(r, TITLE).data() for r in range(model.rowCount())]
    assert "3月份两张报销凭证无经手人签字" in titles
    # Every title fits (the cell's padding included): none is cut to “…”.
    assert table.columnWidth(TITLE) >= max(metrics.horizontalAdvance(t) for t in titles) + 8
    # The dates are whole; 监督内容 and 状态 may elide, the full text is in the tooltip.
    for column in (OPENED, DEADLINE):
        assert table.columnWidth(column) >= metrics.horizontalAdvance("2026-10-31")
    for column in (AREA, STATE):
        assert all(model.index(r, column).data(Qt.ItemDataRole.ToolTipRole) == model.index(r, column).data()
                   for r in range(model.rowCount()))
    assert table.columnWidth(TITLE) > table.columnWidth(AREA) + table.columnWidth(STATE)
    save(window, "vr_06_supervision_matters_1180")


def test_the_step_buttons_of_a_matter_are_whole_at_1024x600(qtbot, store, settings_store):
    """At 1024×600 the 事项办理 card is about 380 px wide: four step buttons in one row were cut
    to "}整改建i" and "村委会答"; two to a row, each says its whole text."""
    from tests.gui.fit_checks import button_problems, opened_size, settle
    from ui.main_window import MainWindow

    session = supervision_village()
    window = shown(qtbot, MainWindow(setup_service.current(), session, store, settings_store), *opened_size(1024, 600))
    window.show_area("supervision")
    page = window.current_page()
    page.tabs.setCurrentWidget(page.matters_tab)
    tab = page.matters_tab
    tab.table.selectRow(0)
    tab.panes.show_side()
    settle()
    panel = tab.panel
    buttons = [b for b in (*panel.step_buttons.values(), panel.escalate_button) if b.isVisible()]
    assert buttons, "the shown matter has no step buttons"
    for button in buttons:
        assert button.width() >= button.sizeHint().width(), button.text()
    assert button_problems(panel) == []
    save(window, "vr_06_supervision_matter_buttons_1024")
