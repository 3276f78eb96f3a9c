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
