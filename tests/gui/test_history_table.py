"""收发记录: the 内容 of a first package (a dozen kinds of records) is readable, not cut at 260 px."""

from __future__ import annotations

from desktop.services.exchange_service import HistoryRow
from tests.support.screens import shown
from ui.widgets.exchange.history_table import CONTENT, CONTENT_WIDTH, HistoryTable

COUNTS = ("村民小组 6、户 185、人员 400、任职 34、监委会届次 1、监委会成员 3、会议 1、出席 33、"
          "表决事项 1、公开事项 1、公开明细 3")


def test_the_content_of_a_first_package_gets_the_room_and_a_tooltip(qtbot):
    table = shown(qtbot, HistoryTable(), 1150, 300)
    table.show_rows([HistoryRow("out", "330106001", "城关镇", 1, "330106001001_0001_20261204.cwpkg",
                                "2026-12-04 18:59", "", "sent", 849, COUNTS, "")])
    assert table.columnWidth(CONTENT) > 260
    assert table.columnWidth(CONTENT) <= CONTENT_WIDTH
    assert table.item(0, CONTENT).toolTip().splitlines() == COUNTS.split("、")
