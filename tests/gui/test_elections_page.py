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
    assert page.right.currentWidget() is page.empty
    assert "新建选举" in page.empty_text.text()

    dialog = page.open_new()
    qtbot.waitExposed(dialog)
    dialog.label_edit.setText("第十二届村民委员会换届选举")
    dialog.day_edit.setDate(date(2026, 12, 20))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.created is not None

    assert page.list.count() == 1
    assert page.list.item(0).text() == "2026 第十二届村民委员会换届选举 · 进行到:推选村民选举委员会"
    assert page.right.currentWidget() is not page.empty
    assert page.summary.next_label.text() == "下一步:推选村民选举委员会——现在可以进行。"
    assert "选民名单最迟应在2026-11-30公布" in page.summary.reasons_label.text()
    assert page.summary.findChild(type(page.summary.next_label), "step_roll").text() == "○ 选民登记:未进行"


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
