"""村务监督 · 成员: the add-member dialog checks eligibility before anything is saved."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop.services import people_service, supervision_service
from models.legal import organic_law
from tests.support.demo import supervision_village
from tests.support.typing import type_text


@pytest.fixture
def page(qtbot, store):
    from ui.meetings.meeting_editor import MeetingEditor
    from ui.supervision.supervision_page import SupervisionPage

    page = SupervisionPage(supervision_village(province="national"), MeetingEditor)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


def _open_dialog(qtbot, page):
    tab = page.members_tab
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    qtbot.waitExposed(dialog)
    return dialog


def _search(qtbot, dialog, name: str) -> None:
    dialog.search_edit.clear()
    type_text(qtbot, dialog.search_edit, name)
    assert dialog.people_list.currentItem().text().startswith(name)


def test_members_table_shows_the_conflict_beside_the_person(qtmodeltester, page):
    tab = page.members_tab
    assert tab.term_combo.currentText() == "第七届"
    names = [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]
    assert names == ["王国生", "林荣", "王萍"]
    assert tab.model.index(0, 1).data() == "主任" and tab.model.index(0, 2).data() == "有"
    conflict = tab.check_text(2)
    assert conflict.startswith("✖ 王萍是村委会委员周兰的近亲属")
    # Re-checked today: the 组织法 text in force today (issue 17: "every finding cites the 2018 text").
    assert organic_law(32, on=date.today()).cite() in conflict
    assert tab.check_text(0) == "✔ 符合任职条件"
    qtmodeltester.check(tab.model)


def test_ineligible_warned_and_eligible_people(qtbot, page):
    dialog = _open_dialog(qtbot, page)
    tab = page.members_tab

    # A 村委会 member: refused with the law, nothing saved.
    _search(qtbot, dialog, "李小珍")
    assert dialog.verdict_text() == "✖ 不能担任"
    assert "村民委员会成员不得担任村务监督委员会成员" in dialog.findings_label.text()
    assert not dialog.reason_edit.isVisible()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.message.role() == "error" and "不能添加" in dialog.message.text()
    assert tab.model.rowCount() == 3

    # The 村文书 (national profile: a warning) needs a written reason.
    _search(qtbot, dialog, "钟玲凤")
    assert dialog.verdict_text() == "⚠ 需要说明理由"
    assert "一般不宜担任" in dialog.findings_label.text()
    assert dialog.reason_edit.isVisible()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "理由" in dialog.message.text() and dialog.message.role() == "error"
    assert tab.model.rowCount() == 3
    type_text(qtbot, dialog.reason_edit, "经村民代表会议同意,已辞去村文书")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.message.role() == "ok", dialog.message.text()
    assert tab.model.rowCount() == 4
    row = [tab.model.index(r, 0).data() for r in range(4)].index("钟玲凤")
    assert "已说明理由:经村民代表会议同意" in tab.check_text(row)

    # A 村民代表 with no conflict: eligible, added with 财会知识.
    eligible = next(r.name for r in people_service.register() if r.roles == ("representative",)
                    and not supervision_service.check_person(r.id))
    _search(qtbot, dialog, eligible)
    assert dialog.verdict_text() == "✔ 可以担任"
    dialog.finance_box.click()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.message.role() == "ok"
    row = [tab.model.index(r, 0).data() for r in range(5)].index(eligible)
    assert tab.model.index(row, 2).data() == "有"
    assert "有 5 人" not in tab.composition_label.text()  # five is within 3–5


def test_new_term_dialog_refuses_a_blank_label(qtbot, page):
    tab = page.members_tab
    qtbot.mouseClick(tab.new_term_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    dialog.accept()
    assert "请填写届次" in dialog.message.text()
    type_text(qtbot, dialog.label_edit, "第八届")
    dialog.accept()
    assert tab.term_combo.currentText() == "第八届"
    assert tab.model.rowCount() == 0 and not tab.add_button.isHidden()


def test_new_term_asks_for_its_end_five_years_on(qtbot, page):
    """The end is asked for, start + 5 years − 1 day by default, following the start until edited (issue 15)."""
    from datetime import date

    tab = page.members_tab
    qtbot.mouseClick(tab.new_term_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    qtbot.waitExposed(dialog)
    dialog.start_edit.set_value(date(2021, 5, 6))
    assert dialog.end_edit.text() == "2026-05-05"
    assert "每届任期五年" in dialog.hint.text() and "《村民委员会组织法》(2018)第十一条" in dialog.hint.text()
    dialog.start_edit.set_value(date(2026, 3, 1))  # under the 2025 text (in force 2026-01-01)
    assert dialog.end_edit.text() == "2031-02-28"
    assert "(2025)" in dialog.hint.text()
    dialog.end_edit.set_value(date(2031, 1, 15))  # the person's own end stays
    dialog.start_edit.set_value(date(2026, 2, 1))
    assert dialog.end_edit.text() == "2031-01-15"
    type_text(qtbot, dialog.label_edit, "第八届")
    dialog.accept()
    assert tab.term_combo.currentText() == "第八届"
    assert tab.period_label.text() == "任期 2026-02-01 至 2031-01-15"


def test_people_already_seated_are_marked_and_cannot_be_added_twice(qtbot, page):
    """添加成员 said "可以担任" for a sitting member (issue 15 walk): now 已在本届, and the service refuses too."""
    from models.errors import ValidationError

    dialog = _open_dialog(qtbot, page)
    _search(qtbot, dialog, "王国生")
    assert dialog.people_list.currentItem().text().endswith("· 已在本届")
    assert dialog.verdict_text() == "已在本届" and not dialog.add_button.isEnabled()
    assert "已经是本届监委会成员" in dialog.findings_label.text()
    tab = page.members_tab
    seated = next(r for r in people_service.register() if r.name == "王国生")
    term_id = tab.term_id()
    with pytest.raises(ValidationError, match="已经是本届监委会成员"):
        supervision_service.add_member(tab._session, term_id, seated.id)
    assert tab.model.rowCount() == 3
    # Someone just added reads 已在本届 at once.
    eligible = next(r.name for r in people_service.register() if r.roles == ("representative",)
                    and not supervision_service.check_person(r.id))
    _search(qtbot, dialog, eligible)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.message.role() == "ok" and dialog.verdict_text() == "已在本届"
    assert dialog.people_list.currentItem().text().endswith("· 已在本届") and not dialog.add_button.isEnabled()
    dialog.grab().save("/work/screens/fixd/add_member_seated.png")
