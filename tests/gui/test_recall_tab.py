"""罢免与推选: a recall filed, answered and voted through the tab, then its 补选 and a 推选."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.services import people_service, recall_service, record_store, terms_service
from models.elections.records import Election, Voter
from tests.support.screens import shown

SCREENS = os.environ.get("CUNWU_RECALL_SCREENS", "")
SIZE = tuple(int(n) for n in os.environ.get("CUNWU_RECALL_SIZE", "1366x720").split("x"))


@pytest.fixture
def admin(village):
    _, session = village
    members = [people_service.add_person(session, name, gender)
               for name, gender in (("王建国", "男"), ("李秀英", "女"), ("张明", "男"))]
    for person, role in zip(members, ("vc_chair", "vc_vice", "vc_member"), strict=True):
        terms_service.appoint(session, person.id, role, date(2021, 5, 6))
    election = record_store.create(session, Election, label="第十一届村民委员会换届选举", election_day="2021-05-06",
                                   announced_on="2021-05-06")
    voters = members + [people_service.add_person(session, f"选民{n:02d}", "女" if n % 2 else "男",
                                                  village_group="一组") for n in range(20)]
    for voter in voters:
        record_store.create(session, Voter, election=election, person=voter.id)
    return session


def _grab(widget, name: str) -> None:
    if SCREENS:
        Path(SCREENS).mkdir(parents=True, exist_ok=True)
        QApplication.processEvents()
        widget.window().grab().save(str(Path(SCREENS) / f"{name}.png"))


def _confirm(qtbot) -> None:
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()))
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)


def test_a_recall_passes_and_opens_a_by_election_then_a_representative_is_chosen(qtbot, qtmodeltester, admin):
    from ui.elections.recall_tab import RecallTab

    tab = shown(qtbot, RecallTab(admin), *SIZE)
    tab.show_election(None)
    assert tab.recall_empty.isVisible() and not tab.recall_table.isVisible()
    changes = []
    tab.changed.connect(lambda: changes.append(1))

    qtbot.mouseClick(tab.file_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    qtbot.waitExposed(dialog)
    dialog.date_edit.set_value(date(2025, 3, 1))
    dialog.member_combo.setCurrentIndex(dialog.member_combo.findText("张明", Qt.MatchFlag.MatchStartsWith))
    assert dialog.base_spin.value() == 23  # 20 voters + the 3 members on the list
    dialog.signers_spin.setValue(4)
    dialog.reasons_edit.setPlainText("长期不履行职责")
    assert "不足有选举权的村民 23 人的五分之一以上(5 人)" in dialog.verdict_label.text()
    dialog.signers_spin.setValue(5)
    assert "可以提出罢免要求" in dialog.verdict_label.text()
    _grab(dialog, "recall-file")
    dialog.accept()
    assert not dialog.isVisible() and changes
    assert tab.recall_table.isVisible() and tab.recalls.total() == 1
    assert tab.vote_button.isEnabled()

    qtbot.mouseClick(tab.answer_button, Qt.MouseButton.LeftButton)
    tab.dialog.date_edit.set_value(date(2025, 3, 5))
    tab.dialog.answer_edit.setPlainText("我因病请假,并非不履职")
    tab.dialog.accept()
    assert "我因病请假" in tab.recall_text.text()

    qtbot.mouseClick(tab.vote_button, Qt.MouseButton.LeftButton)
    vote = tab.dialog
    vote.date_edit.set_value(date(2025, 3, 20))
    vote.registered_spin.setValue(23)
    vote.cast_spin.setValue(12)
    vote.agree_spin.setValue(6)
    assert "罢免未通过" in vote.verdict_label.text()  # exactly half of those voting
    vote.agree_spin.setValue(13)
    assert "赞成罢免的票数多于投票人数" in vote.verdict_label.text()
    vote.agree_spin.setValue(7)
    assert "罢免通过" in vote.verdict_label.text()
    _grab(vote, "recall-vote")
    vote.accept()
    _confirm(qtbot)  # 是否现在发起补选?
    by_election = tab.dialog
    qtbot.waitExposed(by_election)
    assert "2026-05-05" in by_election.verdict_label.text()
    by_election.date_edit.set_value(date(2025, 4, 10))
    by_election.accept()
    assert [e.seats for e in recall_service.by_elections()] == ["vc_member=1"]
    assert tab.by_elections_label.isVisible() and not tab.by_election_button.isVisible()
    assert tab.recalls.row_at(0).outcome == "recalled"
    _grab(tab, "recall-tab")

    tab.tabs.setCurrentIndex(1)
    assert tab.selection_empty.isVisible()
    qtbot.mouseClick(tab.select_button, Qt.MouseButton.LeftButton)
    pick = tab.dialog
    qtbot.waitExposed(pick)
    pick.search_edit.setText("选民01")
    pick.date_edit.set_value(date(2025, 4, 1))
    pick.electors_spin.setValue(8)
    pick.votes_spin.setValue(6)
    assert "由 0 户推选" in pick.findings_label.text()
    pick.kind_combo.setCurrentIndex(pick.kind_combo.findData("group_leader"))
    assert not pick.households.isVisible() and pick.method_combo.currentData() == "group_meeting"
    pick.group_combo.setCurrentText("一组")
    assert "到 2026-05-05 止" in pick.findings_label.text()
    _grab(pick, "selection-dialog")
    assert pick.record()
    assert tab.selections.total() == 1 and tab.selection_table.isVisible()
    assert terms_service.office_holders(("group_leader",), "2025-04-01")[0].name == "选民01"
    _grab(tab, "selection-tab")
    qtmodeltester.check(tab.recalls)
    qtmodeltester.check(tab.selections)
