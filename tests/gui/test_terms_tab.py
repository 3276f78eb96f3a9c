"""人员名册 · 任职: from an empty village, appoint a 村委会 of three with a woman through the tab."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.services import people_service, supervision_service, terms_service
from tests.support.screens import shown
from tests.support.typing import type_text

SCREENS = os.environ.get("CUNWU_TERMS_SCREENS", "")


@pytest.fixture
def admin(village):
    _, session = village
    return session


@pytest.fixture
def page(qtbot, admin):
    from ui.people.register_page import RegisterPage

    for name, gender in (("王建国", "男"), ("李秀英", "女"), ("张明", "男"), ("赵监督", "男")):
        people_service.add_person(admin, name, gender)
    page = shown(qtbot, RegisterPage(admin), 1366, 720)
    page.tabs.setCurrentWidget(page.terms_tab)
    return page


def _grab(page, name: str) -> None:
    if SCREENS:
        Path(SCREENS).mkdir(parents=True, exist_ok=True)
        page.window().grab().save(str(Path(SCREENS) / f"{name}.png"))


def _appoint(qtbot, dialog, name: str, role: str) -> None:
    dialog.search_edit.clear()
    type_text(qtbot, dialog.search_edit, name)
    assert dialog.people_list.currentItem().text().startswith(name)
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(role))
    dialog.start_edit.set_value(date(2026, 5, 6))
    qtbot.mouseClick(dialog.appoint_button, Qt.MouseButton.LeftButton)


def test_empty_village_appoints_a_committee_of_three_with_a_woman(qtbot, page):
    tab = page.terms_tab
    assert tab.body() == "village_committee"
    assert tab.empty_label.isVisible() and "还没有登记村委会成员" in tab.empty_label.text()
    assert tab.empty_button.isVisible() and not tab.table.isVisible()
    _grab(page, "empty")

    qtbot.mouseClick(tab.empty_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    qtbot.waitExposed(dialog)
    _appoint(qtbot, dialog, "王建国", "vc_chair")
    assert "已任命王建国为村委会主任" in dialog.message.text()
    # one person so far: the warnings say so, citing the 组织法 in force on that date
    assert "三至七人" in dialog.findings_label.text() and "应当有妇女成员" in dialog.findings_label.text()
    assert "(2025)第八条" in dialog.findings_label.text()
    # a second 主任 is refused with the reason in the dialog, nothing saved
    _appoint(qtbot, dialog, "张明", "vc_chair")
    assert "只有一名主任" in dialog.message.text()
    _appoint(qtbot, dialog, "李秀英", "vc_vice")
    _appoint(qtbot, dialog, "张明", "vc_member")
    assert "符合法律对人数和组成的要求" in dialog.findings_label.text()
    dialog.close_button.click()

    assert not tab.empty_label.isVisible() and tab.table.model().rowCount() == 3
    assert [tab.table.model().index(r, 0).data() for r in range(3)] == ["王建国", "李秀英", "张明"]
    assert [tab.table.model().index(r, 1).data() for r in range(3)] == ["村委会主任", "村委会副主任", "村委会委员"]
    assert tab.body_list.item(0).text() == "村民委员会(3)"
    assert "符合法律对人数和组成的要求" in tab.findings_label.text()
    assert {r.name for r in terms_service.office_holders(terms_service.BODIES["village_committee"][1])} == {
        "王建国", "李秀英", "张明"}
    _grab(page, "committee")


def test_leaving_office_through_the_tab_shows_the_warning(qtbot, qtmodeltester, page, admin):
    for name, role in (("王建国", "vc_chair"), ("李秀英", "vc_vice"), ("张明", "vc_member")):
        person = next(p for p in people_service.register(name))
        terms_service.appoint(admin, person.id, role, date(2021, 5, 6))
    tab = page.terms_tab
    tab.refresh()
    tab.table.selectRow(1)
    dialog = tab.open_end()
    qtbot.waitExposed(dialog)
    assert "李秀英" in dialog.findChildren(type(tab.empty_label))[0].text()
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("other"))
    dialog.ok_button.click()
    assert "请写明原因" in dialog.message.text() and dialog.isVisible()
    type_text(qtbot, dialog.detail_edit, "外出务工")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert tab.table.model().rowCount() == 2
    assert "没有妇女" in tab.findings_label.text() and "第八条" in tab.findings_label.text()
    ended = [r for r in terms_service.history() if r.name == "李秀英"][0]
    assert ended.end_date == date.today().isoformat() and ended.end_reason == "其他:外出务工"
    # 含已离任: the past office with its date and reason, which cannot end twice
    tab.past_box.setChecked(True)
    assert tab.table.model().rowCount() == 3 and tab.table.model().columnCount() == 6
    assert [tab.table.model().index(2, c).data() for c in (0, 4, 5)] == ["李秀英", date.today().isoformat(), "其他:外出务工"]
    tab.table.selectRow(2)
    assert not tab.end_button.isEnabled() and tab.open_end() is None
    tab.table.selectRow(0)
    assert tab.end_button.isEnabled()
    qtmodeltester.check(tab.model)


def test_an_ineligible_committee_member_is_removed_from_the_tab(qtbot, qtmodeltester, page, admin):
    people = {p.name: p for p in people_service.register()}
    people_service.add_kinship(admin, people["张明"], people["赵监督"], "parent")
    term = supervision_service.create_term(admin, "第八届", date(2021, 5, 6))
    supervision_service.add_member(admin, term.id, people["赵监督"].id, chair=True, finance_qualified=True)
    terms_service.appoint(admin, people["张明"].id, "vc_member", date(2024, 5, 6))
    tab = page.terms_tab
    tab.refresh()
    tab.select_body("supervision")
    assert tab.table.model().rowCount() == 1 and tab.table.model().index(0, 4).data().startswith("✖ 赵监督是村委会委员张明的近亲属")
    _grab(page, "supervision")
    qtmodeltester.check(tab.model)
    tab.table.selectRow(0)
    dialog = tab.open_end()
    qtbot.waitExposed(dialog)
    assert dialog.reason_combo.currentData() == "ineligible" and "近亲属" in dialog.detail_edit.text()
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert tab.empty_label.isVisible() and tab.table.model().rowCount() == 0
    assert terms_service.committee_members_on() == []


def test_supervision_page_ends_a_barred_members_seat(qtbot, store):
    from tests.support.demo import supervision_village
    from ui.meetings.meeting_editor import MeetingEditor
    from ui.supervision.supervision_page import SupervisionPage

    page = shown(qtbot, SupervisionPage(supervision_village(province="national"), MeetingEditor), 1200, 760)
    tab = page.members_tab
    assert not tab.end_button.isEnabled()
    tab.table.selectRow(2)
    assert tab.check_text(2).startswith("✖ 王萍是村委会委员周兰的近亲属") and tab.end_button.isEnabled()
    dialog = tab.open_end_seat()
    qtbot.waitExposed(dialog)
    assert dialog.reason_combo.currentData() == "ineligible" and "近亲属" in dialog.detail_edit.text()
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert "离任" in tab.model.index(2, 1).data() and "离任原因:不再符合任职条件" in tab.check_text(2)
    assert "王萍" not in {s.name for s in terms_service.committee_members_on()}


def test_representative_with_households_through_the_tab(qtbot, page, admin):
    from desktop.services import record_store, setup_service
    from models.entities import Household

    setup_service.set_province(admin, "national")
    homes = [record_store.create(admin, Household, number=f"{n + 1:03d}", village_group="第一组") for n in range(12)]
    tab = page.terms_tab
    tab.refresh()
    tab.select_body("representatives")
    assert "还没有登记村民代表" in tab.empty_label.text()
    dialog = tab.open_appoint()
    qtbot.waitExposed(dialog)
    assert dialog.households.table.model().rowCount() == 12
    for i in range(3):
        dialog.households.model.setData(dialog.households.model.index(i, 0), Qt.CheckState.Checked,
                                        Qt.ItemDataRole.CheckStateRole)
    assert dialog.households.count_label.text() == "已选 3 户"
    _appoint(qtbot, dialog, "李秀英", "representative")
    assert "已任命李秀英为村民代表" in dialog.message.text()
    assert "李秀英(3 户)" in dialog.findings_label.text()
    dialog.close_button.click()
    assert tab.table.model().index(0, 0).data() == "李秀英" and tab.table.model().index(0, 3).data() == "3"

    tab.table.selectRow(0)
    assert tab.households_button.isVisible() and tab.households_button.isEnabled()
    dialog = tab.open_households()
    qtbot.waitExposed(dialog)
    assert sorted(dialog.picker.household_ids()) == sorted(h.id for h in homes[:3])
    dialog.picker.set_checked(h.id for h in homes[:10])
    assert dialog.save()
    assert "联系 10 户" in dialog.message.text() and "李秀英(" not in dialog.findings_label.text()
    assert sorted(dialog.picker.household_ids()) == sorted(h.id for h in homes[:10])  # read again, ticks kept
    assert "12 户,2 户还没有代表联系" in dialog.picker.free_label.text()
    dialog.close_button.click()
    assert tab.table.model().index(0, 3).data() == "10"


def test_representatives_households_show_head_group_and_representative_and_tick_a_group_at_once(
        qtbot, qtmodeltester, page, admin):
    """185 households for 30 representatives: who already represents each, one group at a time, space ticks."""
    from desktop.services import households_service

    for group in ("一组", "二组"):
        households_service.add_group(admin, group)
    homes = {}
    for n, group in enumerate(("一组", "一组", "一组", "二组", "二组")):
        homes[n] = households_service.add_household(admin, str(n + 1), group)
    head = people_service.add_person(admin, "孙户主", "男", household_entry=homes[0].id, household_relation="户主")
    people_service.edit_person(admin, people_service.register("王建国")[0].id, "王建国", "男",
                               household_entry=homes[3].id, household_relation="户主")
    wang = people_service.register("王建国")[0]
    terms_service.appoint(admin, head.id, "representative", date(2026, 1, 2), household_ids=[homes[1].id])
    tab = page.terms_tab
    tab.refresh()
    tab.select_body("representatives")
    dialog = tab.open_appoint()
    qtbot.waitExposed(dialog)
    picker = dialog.households
    table = picker.table
    assert table.model().rowCount() == 5
    assert [table.model().index(0, c).data() for c in range(3)] == ["1", "孙户主", "一组"]
    assert table.model().index(1, 3).data() == "孙户主" and table.model().index(0, 3).data() == "(无)"
    assert "5 户,4 户还没有代表联系" in picker.free_label.text()
    # The list follows the highlighted person's group: 王建国 lives in 二组.
    assert dialog.select_person(wang.id) and picker.group() == "二组"
    assert [r for r in range(5) if not table.isRowHidden(r)] == [3, 4]
    picker.group_combo.setCurrentIndex(picker.group_combo.findData("一组"))
    assert picker.unrepresented_button.isEnabled()
    qtbot.mouseClick(picker.unrepresented_button, Qt.MouseButton.LeftButton)
    assert sorted(picker.household_ids()) == sorted([homes[0].id, homes[2].id])  # not 2: 孙户主 represents it
    assert picker.count_label.text() == "已选 2 户"
    qtmodeltester.check(picker.model)
    # Space toggles the highlighted household, whichever cell has the focus.
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 2))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert picker.household_ids() == [homes[2].id]
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert homes[0].id in picker.household_ids()
    picker.group_combo.setCurrentIndex(0)  # 全部小组: nothing to tick at once
    assert not picker.unrepresented_button.isEnabled() and all(not table.isRowHidden(r) for r in range(5))
    type_text(qtbot, picker.search_edit, "孙户")
    assert [r for r in range(5) if not table.isRowHidden(r)] == [0]
    # After 任命 the list is read again: the households just given show their representative, no ticks.
    picker.search_edit.clear()
    _appoint(qtbot, dialog, "王建国", "representative")
    assert "已任命王建国为村民代表" in dialog.message.text()
    assert table.model().index(0, 3).data() == "王建国" and table.model().index(2, 3).data() == "王建国"
    assert picker.household_ids() == [] and "5 户,2 户还没有代表联系" in picker.free_label.text()
    if SCREENS:
        picker.search_edit.clear()
        for w, h in ((1366, 768), (1024, 600)):  # as test_fit sizes a dialog on each screen
            em = dialog.fontMetrics().horizontalAdvance("国")  # the size it asks for, on that screen
            dialog.resize(min(em * 68, w - 16), min(em * 42, h - 64))
            qtbot.wait(20)
            dialog.grab().save(str(Path(SCREENS) / f"appoint_representatives_{w}.png"))


def test_a_new_meetings_list_follows_its_date(qtbot, admin):
    from ui.meetings.meetings_page import MeetingsPage

    people = {n: people_service.add_person(admin, n, g) for n, g in (("王建国", "男"), ("李秀英", "女"), ("张明", "男"))}
    for name, role in (("王建国", "vc_chair"), ("李秀英", "vc_vice"), ("张明", "vc_member")):
        terms_service.appoint(admin, people[name].id, role, date(2021, 5, 6))
    office = next(r for r in terms_service.office_holders(["vc_member"]))
    terms_service.end_office(admin, office.id, date(2025, 6, 30), "resigned")
    page = shown(qtbot, MeetingsPage(admin), 1100, 700)
    editor = page.list_view.new_meeting("village_committee")
    qtbot.waitExposed(editor)
    names = lambda: sorted(a.name for a in editor.attendance_model.lines())  # noqa: E731
    assert names() == ["李秀英", "王建国"]
    editor.date_edit.set_value(date(2024, 3, 1))
    assert names() == ["张明", "李秀英", "王建国"]
    # once someone is marked, moving the date keeps the list as marked
    editor.attendance_model.set_status(0, "absent")
    editor.date_edit.set_value(date(2026, 3, 1))
    assert names() == ["张明", "李秀英", "王建国"]


def test_a_village_without_a_supervision_term_is_taken_to_make_one(qtbot, main_window):
    """任职 → 村务监督委员会 said "先在“村务监督 → 成员”新建届次" with no way there: its button goes there."""
    main_window.show_area("people")
    page = main_window.stack.currentWidget()
    page.tabs.setCurrentWidget(page.terms_tab)
    tab = page.terms_tab
    tab.select_body("supervision")
    assert tab.empty_button.isVisible() and tab.empty_button.text() == "去新建届次…"
    qtbot.mouseClick(tab.empty_button, Qt.MouseButton.LeftButton)
    assert main_window.navigation.current_key() == "supervision"
    supervision = main_window.stack.currentWidget()
    assert supervision.tabs.currentWidget() is supervision.members_tab
