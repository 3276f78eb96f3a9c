"""投票计票 tab: a column of votes typed with the keyboard alone, the panel's verdict, a refusal, the save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from models.elections.records import ElectionRound, ElectionTally
from tests.support.election_count_site import DAY, election_site


@pytest.fixture
def site(store):
    return election_site(store)


def _type(qtbot, table, text: str) -> None:
    """Type a number on the current cell (the first key opens the editor) and press Enter."""
    qtbot.keyClick(table, text[0])
    editor = table.indexWidget(table.currentIndex())  # the open editor (closed ones linger until deleted)
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits and closes the editor queued


def test_typing_the_count_down_the_column_then_saving(qtbot, site):
    from ui.elections.count_tab import COL_NAME, COL_STATUS, COL_VOTES, CountTab

    admin, _ids, election = site
    tab = CountTab(admin)
    qtbot.addWidget(tab)
    tab.resize(1100, 600)
    tab.show()
    qtbot.waitExposed(tab)
    tab.show_election(election)
    assert tab.table.rowCount() == 9 and tab.day_edit.date().toPython() == DAY
    tab.issued_spin.setValue(8)
    tab.cast_spin.setValue(7)

    names = [tab.table.item(r, COL_NAME).text() for r in range(tab.table.rowCount())]
    votes = {"张一": "5", "王二": "2", "李三": "4", "周四": "3", "赵五": "4", "钱六": "3", "孙七": "3", "吴八": "2",
             "郑九": "9"}
    tab.table.setFocus()
    tab.table.setCurrentCell(0, COL_VOTES)
    for name in names:  # type a number, Enter: the next row
        _type(qtbot, tab.table, votes[name])
    assert [tab.table.item(r, COL_VOTES).text() for r in range(9)] == [votes[n] for n in names]
    assert "多于有效选票 7 张" in tab.panel.text()  # 郑九 9 of 7 ballots

    tab.save()
    assert "多于有效选票" in tab.message.text()
    assert ElectionRound.live().count() == 0

    row = names.index("郑九")
    tab.table.setCurrentCell(row, COL_VOTES)
    _type(qtbot, tab.table, "1")
    panel = tab.panel.text()
    assert "当选:主任张一(5票)、副主任李三(4票)、委员赵五(4票)" in panel
    assert "另行选举委员 2 名" in panel and "村民委员会组织法" in panel
    assert tab.table.item(names.index("钱六"), COL_STATUS).text() == "另行选举"
    with qtbot.waitSignal(tab.changed):
        tab.save()
    assert ElectionRound.live().count() == 1 and ElectionTally.live().count() == 9
    assert "另行选举" in tab.round_combo.itemText(tab.round_combo.count() - 1)


def test_result_tab_announces_and_records_a_late_handover(qtbot, qtmodeltester, site):
    from datetime import date

    from desktop.services import election_count_service as ec
    from desktop.services import terms_service
    from models import terms
    from ui.elections.result_tab import ResultTab

    admin, _ids, election = site
    votes = {"张一": 5, "李三": 4, "赵五": 4, "钱六": 4, "孙七": 4}
    base = ec.round_lines(election)
    lines = tuple(ec.Line(ln.post, ln.name, votes.get(ln.name, 0), ln.candidate_id, "", ln.person_id)
                  for ln in base.lines)
    ec.save_round(admin, election, ec.RoundInput("main", DAY.isoformat(), 7, 7, 0, lines))
    tab = ResultTab(admin)
    qtbot.addWidget(tab)
    tab.show_election(election)
    assert "共当选 5 名" in tab.status_label.text() and tab.elected.rowCount() == 5
    qtmodeltester.check(tab.elected)
    assert [tab.elected.index(0, c).data() for c in range(5)][:2] == ["主任", "张一"]
    assert tab.announce_button.isEnabled() and not tab.handover_button.isEnabled()
    tab.announce_edit.setDate(DAY)
    with qtbot.waitSignal(tab.changed):
        qtbot.mouseClick(tab.announce_button, Qt.MouseButton.LeftButton)
    assert "已于 2026-11-20 公告" in tab.announce_label.text() and not tab.announce_button.isEnabled()
    assert len(terms_service.office_holders(terms.VILLAGE_COMMITTEE, DAY)) == 5
    tab.handover_edit.setDate(date(2026, 12, 1))
    tab.supervised_edit.setText("镇民政办 王干事")
    tab.save_handover()
    assert "第 11 天" in tab.handover_notes.text()
