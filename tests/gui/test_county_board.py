"""The county's 合规看板 and 备案登记 on a county built from its townships' signed 汇总包.

The county comes from `tests.support.county` (townships' packages written,
signed and imported the real way, built once per session). The board is
driven by keys and double-clicks: a township opens its villages, a village
its cells, Backspace goes back up; names from a package are shown literally.
"""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import Qt

from desktop.services import county_service
from desktop.services.session import cli_session
from desktop.sync import county_enrollment, county_import
from models.township.compliance import OBLIGATIONS
from tests.support.county import county_into_store, synthetic_body, write_aggregate
from tests.support.first_contact import confirmed_by
from tests.support.typing import type_text
from ui.county.board_page import COUNTY_LEVEL, TOWNSHIP_LEVEL, VILLAGE_LEVEL, CountyBoardPage
from ui.county.filings_page import FilingsPage

HOSTILE_TOWNSHIP = "<b>红旗</b>&镇"
HOSTILE_VILLAGE = "<i>河口</i>村<br>"


def _board(qtbot, period: str) -> CountyBoardPage:
    page = CountyBoardPage(cli_session("county"))
    qtbot.addWidget(page)
    page.resize(1008, 520)
    page.show()
    page.set_period(period)
    qtbot.waitUntil(lambda: not page.is_busy() and page.board is not None and page.board.period == period)
    return page


def _double_click(qtbot, table, row: int, column: int = 0) -> None:
    """A person's double-click: a press and release, then the double-click (Qt acts on the pressed cell)."""
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_board_shows_townships_and_drills_down_to_a_village_and_back(qtbot, store):
    county_into_store(townships=3, villages=3, years=1)
    page = _board(qtbot, "2026Q3")
    assert page.level() == COUNTY_LEVEL
    model = page.county_model
    assert model.rowCount() == 3
    assert [model.index(r, 0).data() for r in range(3)] == ["城关镇", "青山镇", "溪口乡"]
    expected = county_service.board("2026Q3")
    first_ob = model.obligation_at(3)
    rate = expected.rate("330106001", first_ob.key)
    assert model.index(0, 3).data() == f"{round(rate * 100)}%"

    # keyboard: down to 青山镇, Enter opens its villages (the township's own board: 3 villages + its row)
    page.county_table.setFocus()
    qtbot.keyClick(page.county_table, Qt.Key.Key_Down)
    qtbot.keyClick(page.county_table, Qt.Key.Key_Return)
    assert page.level() == TOWNSHIP_LEVEL and page.township.township_code == "330106002"
    assert page.township_model.rowCount() == 4
    assert "青山镇" in page.crumbs.text() and "全县" in page.crumbs.text()
    village = page.township_model.village_at(1)

    # double-click a village: its cells, one row per obligation, with counts and reasons
    _double_click(qtbot, page.township_table, 1)
    assert page.level() == VILLAGE_LEVEL and page.village.code == village.code
    assert page.village_model.rowCount() == len(OBLIGATIONS)
    cells = {vc.obligation.key: vc.cell for vc in county_service.village_cells(village.code, "2026Q3")}
    obligation, cell = page.village_model.row_at(0)
    assert cell.state == cells[obligation.key].state
    assert page.village_model.index(0, 4).data()  # the reason is spelled out

    qtbot.keyClick(page.village_table, Qt.Key.Key_Backspace)
    assert page.level() == TOWNSHIP_LEVEL
    page.crumbs.linkActivated.emit("0")  # the breadcrumb's 全县
    assert page.level() == COUNTY_LEVEL
    assert page.county_table.currentIndex().row() == 1  # back on the township left


def test_the_register_filters_and_opens_a_rule_as_plain_text(qtbot, store, tmp_path):
    county_into_store(townships=3, villages=3, years=1)
    page = FilingsPage(cli_session("county"))
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 9
    page.township_combo.setCurrentIndex(page.township_combo.findData("330106002"))
    assert page.model.rowCount() == 3 and page.village_combo.isEnabled()
    type_text(qtbot, page.search, "土地承包")
    qtbot.waitUntil(lambda: page.summary.text().startswith("共 3"))
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.text_dialog
    assert dialog is not None and dialog.isVisible() and dialog.text.isReadOnly()
    assert "第1条 村民应当爱护公共设施" in dialog.text.toPlainText()
    assert dialog.save(tmp_path / "rule", "txt")
    assert "土地承包" in (tmp_path / "rule.txt").read_text(encoding="utf-8-sig")
    dialog.close()

    # the register as listed, with its filter, to Excel
    assert page.export(tmp_path / "备案登记.xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "备案登记.xlsx").active
    assert "青山镇" in sheet.cell(2, 1).value and "土地承包" in sheet.cell(2, 1).value
    assert [sheet.cell(r, 1).value for r in range(4, 7)] == ["青山镇"] * 3 and sheet.cell(7, 1).value is None


def test_names_from_a_package_show_literally(qtbot, store, tmp_path):
    session = county_into_store(townships=1, villages=1, years=1)
    code = "330106009"
    # the county shows the name it registered (a package naming itself otherwise gets a warning): that is
    # the name to make hostile; the package says the same
    county_enrollment.enroll_township(session, store, code, HOSTILE_TOWNSHIP, tmp_path)
    body = synthetic_body(code, HOSTILE_TOWNSHIP, 2, 1, seed=9)
    body["villages"][0]["name"] = HOSTILE_VILLAGE
    key_dir = tmp_path / "keys"
    package = write_aggregate(key_dir, body, 1, tmp_path / "U盘")
    county_import.apply_aggregate(session, package, store, confirm=confirmed_by(SimpleNamespace(keys=key_dir)))

    page = _board(qtbot, "2026Q3")
    names = [page.county_model.index(r, 0).data() for r in range(page.county_model.rowCount())]
    assert HOSTILE_TOWNSHIP in names  # the township's name as registered, literally
    page.open_current_township(names.index(HOSTILE_TOWNSHIP))
    assert page.township_model.index(0, 0).data() == HOSTILE_VILLAGE
    page.open_current_village(0)
    assert "&lt;i&gt;河口&lt;/i&gt;村" in page.crumbs.text()  # escaped inside the breadcrumb's links
    assert HOSTILE_VILLAGE.replace("<br>", "") not in page.crumbs.text()
    assert page.summary_label.textFormat() == Qt.TextFormat.PlainText

    filings = FilingsPage(cli_session("county"))
    qtbot.addWidget(filings)
    rows = [filings.model.row_at(r) for r in range(filings.model.rowCount())]
    hostile = next(r for r in rows if r.village_code == f"{code}001")
    assert hostile.village_name == HOSTILE_VILLAGE
    dialog = filings.open_row(rows.index(hostile))
    assert HOSTILE_VILLAGE in dialog.text.toPlainText()
    dialog.close()


def test_a_township_whose_package_holds_no_cells_of_the_period_is_not_called_never_received(qapp):
    """Its 汇总包 came (第 1 号) but its villages' records start later: 本期无数据, not 从未收到 in red (tester)."""
    from ui.county.board_model import AS_OF_COL, CountyBoardModel

    heads = (county_service.TownshipHead("330106001", "青山镇", 0, "", 1),
             county_service.TownshipHead("330106002", "绿水乡", 0, "", 0))
    model = CountyBoardModel()
    model.set_board(county_service.CountyBoard("西湖区", "330106", "2026Q3", "2026年第三季度", heads, ()))
    shown = {model.index(r, 0).data(): model.index(r, AS_OF_COL) for r in range(2)}
    assert shown["青山镇"].data() == "本期无数据" and "第 1 号" in shown["青山镇"].data(Qt.ItemDataRole.ToolTipRole)
    assert shown["青山镇"].data(Qt.ItemDataRole.ForegroundRole) is None
    assert shown["绿水乡"].data() == "从未收到"
