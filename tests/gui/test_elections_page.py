"""民主选举 page: a village with no election reads what to do; a new election shows its next step."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt


def test_empty_state_then_new_election_shows_next_step(qtbot, village):
    from ui.elections.elections_page import ElectionsPage

    _paths, session = village
    page = ElectionsPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    assert page.top_widget() is page.empty and page.empty.isVisible()
    assert "新建选举" in page.empty_text.text()

    dialog = page.open_new()
    qtbot.waitExposed(dialog)
    dialog.label_edit.setText("第十二届村民委员会换届选举")
    dialog.day_edit.setDate(date(2026, 12, 20))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.created is not None

    assert page.list.count() == 1
    assert page.list.item(0).text() == "2026 第十二届村民委员会换届选举 · 进行到:推选村民选举委员会"
    assert page.top_widget() is not page.empty and not page.empty.isVisible()
    assert page.summary.next_label.text() == "下一步:推选村民选举委员会——现在可以进行。"
    assert "选民名单最迟应在2026-11-30公布" in page.summary.reasons_label.text()
    assert "○ 选民登记:未进行" in page.summary.steps_text()


def test_new_election_refuses_a_committee_of_eight(qtbot, village):
    from ui.elections.elections_page import ElectionsPage

    _paths, session = village
    page = ElectionsPage(session)
    qtbot.addWidget(page)
    dialog = page.open_new()
    dialog.label_edit.setText("第十二届村民委员会换届选举")
    dialog.seat_spins["vc_member"].setValue(6)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.created is None
    assert "三至七人" in dialog.error_label.text() and "(2025)第八条" in dialog.error_label.text()  # the old 第六条
    assert page.list.count() == 0


def test_tabs_nominating_a_committee_member_says_they_leave_and_a_bad_proxy_stays_in_its_dialog(qtbot, village):
    from desktop.services import elections_service, people_service, voter_roll_service
    from ui.elections.elections_page import ElectionsPage

    _paths, session = village
    ids = {name: people_service.add_person(session, name, "男", birth_year=1970).id
           for name in ("王建国", "赵红", "钱明")}
    e = elections_service.create_election(session, "general", "第十二届村民委员会换届选举", date(2026, 12, 20),
                                          {"vc_chair": 1, "vc_vice": 1, "vc_member": 3})
    for pid in ids.values():
        voter_roll_service.add(session, e.id, pid, "resident", on=date(2026, 11, 1))
    page = ElectionsPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    from ui.elections.candidates_tab import CandidatesTab
    from ui.elections.committee_tab import CommitteeTab
    from ui.elections.proxies_tab import ProxiesTab

    committee, candidates, proxies = (next(w for w in page.tab_widgets if isinstance(w, kind))
                                      for kind in (CommitteeTab, CandidatesTab, ProxiesTab))

    dialog = committee.open_add()
    assert dialog.select_person(ids["赵红"])
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert committee.rows.rowCount() == 1 and committee.rows.index(0, 4).data() == "在任"

    page.tabs.setCurrentWidget(candidates)
    dialog = candidates.open_nominate()
    assert dialog.select_person(ids["赵红"])
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "依法退出村民选举委员会" in candidates.dialog.text()  # the note box
    candidates.dialog.close()
    assert committee.rows.index(0, 4).data().startswith("2026-")  # the page told the other tab
    assert "主任应选1名,候选人只有1名" in candidates.note_label.text()

    dialog = proxies.open_add()
    dialog.select_person(ids["王建国"])
    dialog.proxy_combo.setCurrentIndex(dialog.proxy_combo.findData(ids["钱明"]))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "不是王建国的近亲属" in dialog.error_label.text()
    assert proxies.rows.rowCount() == 0


def test_edit_refuses_a_day_too_close_to_the_published_roll_then_cancel(qtbot, village):
    from desktop.services import elections_service, people_service, voter_roll_service
    from ui.elections.elections_page import ElectionsPage

    _paths, session = village
    e = elections_service.create_election(session, "general", "第十二届村民委员会换届选举", date(2026, 12, 20),
                                          {"vc_chair": 1, "vc_vice": 1, "vc_member": 3})
    pid = people_service.add_person(session, "王建国", "男", birth_year=1970).id
    voter_roll_service.add(session, e.id, pid, "resident", on=date(2026, 11, 1))
    voter_roll_service.publish(session, e.id, date(2026, 11, 30))
    page = ElectionsPage(session)
    qtbot.addWidget(page)
    dialog = page.open_edit()
    assert not dialog.kind_combo.isEnabled() and dialog.label_edit.text() == "第十二届村民委员会换届选举"
    dialog.day_edit.setDate(date(2026, 12, 19))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "只有19天" in dialog.error_label.text()
    dialog.reject()

    dialog = page.open_cancel()
    dialog.reason_edit.setText("乡镇通知推迟换届")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert page.list.item(0).text().endswith("· 已取消")
    assert not page.edit_button.isEnabled() and page.summary.next_label.text().startswith("这次选举已于")


def test_a_step_recorded_by_mistake_is_taken_back(qtbot, village):
    from PySide6.QtWidgets import QMessageBox

    from desktop.services import elections_service
    from ui.elections.elections_page import ElectionsPage

    _paths, session = village
    e = elections_service.create_election(session, "general", "第十二届村民委员会换届选举", date(2026, 12, 20),
                                          {"vc_chair": 1, "vc_vice": 1, "vc_member": 3})
    elections_service.record_step(session, e.id, "committee", date(2026, 11, 1), by="villagers_meeting")
    page = ElectionsPage(session)
    qtbot.addWidget(page)
    titles = [a.text() for a in page.summary.more_menu.actions()]
    assert titles == ["改日期:推选村民选举委员会…", "撤回:推选村民选举委员会", "登记:公布离任经济责任审计…"]
    page.summary.more_menu.actions()[1].trigger()
    page.dialog.button(QMessageBox.StandardButton.Yes).click()
    assert elections_service.summary(e.id).next.key == "committee"
    assert page.summary.next_label.text() == "下一步:推选村民选举委员会——现在可以进行。"


def test_an_election_made_in_a_tab_joins_the_list_chosen(qtbot, village):
    from desktop.services import elections_service
    from ui.elections.elections_page import ElectionsPage

    _paths, session = village
    elections_service.create_election(session, "general", "第十二届村民委员会换届选举", date(2026, 12, 20),
                                      {"vc_chair": 1, "vc_vice": 1, "vc_member": 3})
    page = ElectionsPage(session)
    qtbot.addWidget(page)
    by = elections_service.create_election(session, "by_election", "补选村民委员会委员", date(2026, 11, 15),
                                           {"vc_member": 1}, body="representatives_meeting",
                                           term_end=date(2031, 6, 27))  # as 罢免与推选's 发起补选 does
    page.tab_widgets[-1].changed.emit()
    assert page.list.count() == 2 and page.election_id() == by.id
    assert page.summary.title_label.text().startswith("补选村民委员会委员 · 补选")
