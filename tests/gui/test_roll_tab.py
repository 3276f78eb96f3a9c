"""民主选举 · 选民登记: from the empty state to a built, published list with an objection decided."""

from __future__ import annotations

from datetime import date

from desktop.services import voter_roll_service as vr
from tests.support.voter_roll import voter_roll_site


def _rows(tab):
    return [[tab.model.index(r, c).data() for c in range(tab.model.columnCount())] for r in range(tab.model.rowCount())]


def _select(table, row: int) -> None:
    table.selectRow(row)
    table.setCurrentIndex(table.model().index(row, 0))


def test_roll_tab_builds_publishes_and_decides(qtbot, qtmodeltester, store):
    from ui.elections.roll_tab import RollTab

    admin, ids, election, _meetings = voter_roll_site(store)
    tab = RollTab(admin)
    qtbot.addWidget(tab)
    tab.resize(1000, 560)
    tab.show()
    qtbot.waitExposed(tab)
    assert "选择或新建一次选举" in tab.empty_label.text() and not tab.build_button.isEnabled()

    tab.show_election(election)
    assert "从名册生成选民名单" in tab.empty_label.text() and tab.empty_label.isVisible()
    assert "最迟 2026-04-25 公布" in tab.facts_label.text()

    dialog = tab.open_build()
    qtbot.waitExposed(dialog)
    qtmodeltester.check(dialog.lines)
    results = {dialog.lines.index(r, 0).data(): dialog.lines.index(r, 3).data() for r in range(dialog.lines.rowCount())}
    assert results["钱小军"].startswith("不列入:选举日未满十八周岁")
    assert results["赵小红"].startswith("列入,需核实")
    with qtbot.waitSignal(tab.changed):
        dialog.ok_button.click()
    rows = _rows(tab)
    assert len(rows) == 6 and not tab.empty_label.isVisible()
    assert rows[0][:5] == ["李秀英", "女", "53", "第一组", "本村居住"]
    assert tab.counts_label.text() == ("登记选民共 6 人(本村居住6、外出参选0、外来登记0;需核实2)"
                                       "· 各组:第一组3人、第二组2人、第三组1人")
    assert tab.group_filter.itemText(1) == "第一组(3人)"

    tab.group_filter.setCurrentIndex(tab.group_filter.findData("第二组"))
    assert {r[0] for r in _rows(tab)} == {"赵小红", "周无名"}
    assert {r[5] for r in _rows(tab)} == {"⚠ 赵小红的年龄需核实(查验身份证件)(依据《村民委员会组织法》(2025)(原第十三条))",
                                         "⚠ 周无名的年龄需核实(查验身份证件)(依据《村民委员会组织法》(2025)(原第十三条))"}
    tab.group_filter.setCurrentIndex(0)

    _select(tab.table, 1)  # 王大山 lives away but asked to vote
    assert _rows(tab)[1][0] == "王大山"
    category = tab.open_category()
    qtbot.waitExposed(category)
    category.category.setCurrentIndex(category.category.findData("away"))
    with qtbot.waitSignal(tab.changed):
        category.ok_button.click()
    assert [r for r in _rows(tab) if r[0] == "王大山"][0][4] == "外出参选"

    publish = tab.open_publish()
    qtbot.waitExposed(publish)
    publish.day.set_value(date(2026, 4, 26))
    assert "二十日前" in publish.check.text()
    with qtbot.waitSignal(tab.changed):
        publish.ok_button.click()
    assert tab.notice_label.isVisible() and "只有19天" in tab.notice_label.text()
    assert "名单已于 2026-04-26 公布,异议可提出至 2026-05-01" in tab.facts_label.text()

    _select(tab.table, 0)  # 李秀英
    objection = tab.open_objection()
    qtbot.waitExposed(objection)
    objection.day.set_value(date(2026, 4, 27))
    objection.content.setPlainText("常年在外地居住,未表示参加选举")
    objection.ok_button.click()  # no 提出人: refused, stays open, nothing written
    assert objection.isVisible() and "提出异议的人" in objection.message.text()
    assert vr.objections(election) == []
    objection.raised_by.setText("王大山")
    with qtbot.waitSignal(tab.changed):
        objection.ok_button.click()
    assert tab.objections_model.rowCount() == 1 and tab.parts.tabText(1) == "异议(1件待处理)"
    _select(tab.objections_table, 0)
    assert tab.decide_button.isEnabled()
    decide = tab.open_decide()
    qtbot.waitExposed(decide)
    decide.upheld.setChecked(True)
    assert "将移出选民名单" in decide.effect.text()
    decide.day.set_value(date(2026, 4, 29))
    decide.decision.setPlainText("经核实本人长期在外且未表示参选,移出名单")
    with qtbot.waitSignal(tab.changed):
        decide.ok_button.click()
    assert vr.registered_voters(election) == 5
    removed = [r for r in _rows(tab) if r[0] == "李秀英"][0]
    assert removed[5].startswith("已移出(2026-04-29):异议成立")
    result = tab.objections_model.index(0, 5).data()
    assert result.startswith("2026-04-29 异议成立")  # decided on day 3: no warning
    assert "⚠" not in result


def test_add_voter_dialog_asks_an_incomer_for_his_residence_date(qtbot, store):
    from models.elections.records import VOTER_AWAY, VOTER_INCOMER
    from ui.elections.roll_dialogs import AddVoterDialog

    admin, ids, election, meetings = voter_roll_site(store)
    dialog = AddVoterDialog(admin, election)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.category.setCurrentIndex(dialog.category.findData(VOTER_AWAY))
    assert not dialog.resident_since.isVisible()  # only an incomer's year of residence is asked
    dialog.category.setCurrentIndex(dialog.category.findData(VOTER_INCOMER))
    assert dialog.resident_since.isVisible()
    dialog.select_person(ids["吴外来"])
    dialog.meeting.setCurrentIndex(dialog.meeting.findData(meetings["reps"]))
    dialog.resident_since.setText("2025-06-01")
    dialog.ok_button.click()  # less than a year by 2026-05-15: refused, stays open
    assert dialog.isVisible() and "不满一年" in dialog.message.text()
    assert vr.registered_voters(election) == 0
    dialog.resident_since.setText("2025-05-15")
    dialog.ok_button.click()
    assert not dialog.isVisible() and vr.registered_voters(election) == 1
