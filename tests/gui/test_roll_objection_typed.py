"""登记异议: the name typed into the editable box is the one the objection is about (not the first row)."""

from __future__ import annotations

from datetime import date

from desktop.services import voter_roll_service as vr
from tests.support.voter_roll import voter_roll_site


def test_objection_follows_the_typed_name(qtbot, store):
    from ui.elections.roll_dialogs import ObjectionDialog

    admin, ids, election, _meetings = voter_roll_site(store)
    vr.build(admin, election)
    vr.publish(admin, election, date(2026, 4, 20))
    dialog = ObjectionDialog(admin, election)
    qtbot.addWidget(dialog)
    dialog.off_list.setChecked(True)
    assert dialog.person.currentText().split()[0] != "钱小军"  # someone else is highlighted first
    dialog.person.lineEdit().setText("钱小军")  # typed (an IME commits the name), no Enter
    dialog.day.set_value(date(2026, 4, 22))
    dialog.raised_by.setText("王大山")
    dialog.content.setPlainText("六月满十八岁,应当列入")
    dialog.ok_button.click()
    assert dialog.objection_id is not None
    assert [o.person_id for o in vr.objections(election)] == [ids["钱小军"]]

    other = ObjectionDialog(admin, election)
    qtbot.addWidget(other)
    other.voter.lineEdit().setText("张三丰")  # nobody of that name: refused, nothing written
    other.day.set_value(date(2026, 4, 22))
    other.raised_by.setText("王大山")
    other.content.setPlainText("不是本村人")
    other.ok_button.click()
    assert other.objection_id is None and "没有找到“张三丰”" in other.message.text()
    assert len(vr.objections(election)) == 1
