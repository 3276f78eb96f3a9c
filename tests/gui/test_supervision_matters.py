"""村务监督 · 监督事项: the board and a matter's life cycle through the step buttons."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from models.supervision import matters as mm
from tests.support.demo import demo_login, supervision_village
from tests.support.typing import type_text


@pytest.fixture
def page(qtbot, store):
    from ui.meetings.meeting_editor import MeetingEditor
    from ui.supervision.supervision_page import SupervisionPage

    supervision_village()
    page = SupervisionPage(demo_login("jianwei"), MeetingEditor)  # the committee acts as its chair
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    page.tabs.setCurrentWidget(page.matters_tab)
    return page


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _step(qtbot, panel, target: str, text: str = "", on: date | None = None):
    qtbot.mouseClick(panel.step_buttons[target], Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    qtbot.waitExposed(dialog)
    if on is not None:
        dialog.on_edit.setDate(QDate(on.year, on.month, on.day))
    if text:
        type_text(qtbot, dialog.text_edit, text)
    _ok(qtbot, dialog)
    return dialog


def _panel_of(qtbot, session, title: str):
    """The matters tab of another login, showing the matter `title` (as that person would open it)."""
    from ui.supervision.matters_tab import MattersTab

    tab = MattersTab(session)
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    qtbot.waitExposed(tab)
    tab.refresh()
    row = [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())].index(title)
    tab.table.selectRow(row)
    qtbot.waitUntil(lambda: tab.panel.detail is not None and tab.panel.detail.title == title)
    return tab.panel


def test_board_highlights_overdue_and_filters(qtmodeltester, page):
    tab = page.matters_tab
    assert tab.model.rowCount() == 4
    overdue = tab.model.index(0, 3)
    assert overdue.data() == "逾期未答复 · 已报乡镇"
    assert overdue.data(Qt.ItemDataRole.ForegroundRole).name() == "#b3261e"
    tab.filter_combo.setCurrentIndex(tab.filter_combo.findData("overdue"))
    assert tab.model.rowCount() == 1
    tab.filter_combo.setCurrentIndex(tab.filter_combo.findData("closed"))
    assert tab.model.rowCount() == 1 and tab.model.index(0, 3).data() == "已办结"
    qtmodeltester.check(tab.model)


def test_matter_life_cycle_through_the_buttons(qtbot, page):
    tab = page.matters_tab
    panel = tab.panel
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    _ok(qtbot, dialog)
    assert dialog.isVisible() and "请填写事项名称" in dialog.message.text()
    type_text(qtbot, dialog.title_edit, "村集体鱼塘承包费未入账")
    dialog.area_combo.setCurrentIndex(dialog.area_combo.findData("property"))
    type_text(qtbot, dialog.findings_edit, "2026年承包费两万元未见入账凭证。")
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert panel.title_label.text() == "村集体鱼塘承包费未入账"
    assert "已发现" in panel.meta_label.text()

    # Only the next step can be clicked; 办结 says why not.
    assert panel.step_buttons[mm.NOTIFIED].isEnabled()
    for target in (mm.ANSWERED, mm.VERIFIED, mm.CLOSED):
        assert not panel.step_buttons[target].isEnabled()
    assert panel.step_buttons[mm.CLOSED].toolTip() == "整改情况还没有核实,不能办结。"
    assert not panel.escalate_button.isVisible()

    today = date.today()
    notice = _step(qtbot, panel, mm.NOTIFIED, "请在期限内补记入账。")
    assert not notice.isVisible()
    assert "已通知整改" in panel.meta_label.text()
    assert panel.escalate_button.isVisible()  # unresolved after a notice: may go to the township

    # The answer is the 村委会's: the committee's login cannot record it; the secretary's does.
    assert not panel.step_buttons[mm.ANSWERED].isEnabled()
    assert "监委会成员的账号不能登记村委会的答复" in panel.step_buttons[mm.ANSWERED].toolTip()
    secretary_panel = _panel_of(qtbot, demo_login("wenshu"), "村集体鱼塘承包费未入账")
    # A date before the notice is refused in the dialog, in plain Chinese.
    answer = _step(qtbot, secretary_panel, mm.ANSWERED, "已补记入账,凭证号记-052。", today - timedelta(days=30))
    assert answer.isVisible()
    assert answer.message.text().startswith("现在不能这样办理:日期")
    answer.on_edit.setDate(QDate.currentDate())
    _ok(qtbot, answer)
    assert not answer.isVisible()
    assert not secretary_panel.step_buttons[mm.VERIFIED].isEnabled()  # verifying is the committee's
    tab.refresh()
    panel.show_matter(panel.detail.id)

    # Answered, not verified: 办结 is still refused, and the panel says so.
    assert not panel.step_buttons[mm.CLOSED].isEnabled()
    assert "整改情况还没有核实,不能办结" in panel.next_label.text()
    _step(qtbot, panel, mm.VERIFIED, "查看记账凭证,已入账。")
    assert panel.step_buttons[mm.CLOSED].isEnabled()
    _step(qtbot, panel, mm.CLOSED)
    assert "已办结" in panel.meta_label.text()
    assert not any(b.isVisible() for b in panel.step_buttons.values())
    row = [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())].index("村集体鱼塘承包费未入账")
    assert tab.model.index(row, 3).data() == "已办结"


def test_tab_leaves_the_text_boxes_of_the_matter_dialogs(qtbot, store):
    """Tab typed a tab character into 发现的问题 / 核实情况: a keyboard user could not reach the buttons."""
    from ui.supervision.matter_dialogs import NewMatterDialog

    session = supervision_village()
    dialog = NewMatterDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.findings_edit.setFocus()
    qtbot.waitUntil(dialog.findings_edit.hasFocus)
    type_text(qtbot, dialog.findings_edit, "凭证缺签字")
    qtbot.keyClick(dialog.findings_edit, Qt.Key.Key_Tab)
    assert not dialog.findings_edit.hasFocus()
    assert dialog.findings_edit.toPlainText() == "凭证缺签字"
