"""村务监督 · 工作台账 and the annual report PDF; 民主理财 entry; the cadence note."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from tests.support.demo import demo_login, supervision_village
from tests.support.typing import type_text
from ui.supervision.meetings_tab import missing_months
from ui.supervision.vouchers_tab import month_to_open


@pytest.fixture
def page(qtbot, store):
    from ui.meetings.meeting_editor import MeetingEditor
    from ui.supervision.supervision_page import SupervisionPage

    supervision_village()
    page = SupervisionPage(demo_login("jianwei"), MeetingEditor)  # the committee acts as its chair
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_ledger_lists_the_year_and_exports_the_report(qtbot, qtmodeltester, page, tmp_path):
    page.tabs.setCurrentWidget(page.ledger_tab)
    tab = page.ledger_tab
    assert tab.year() == date.today().year
    assert tab.model.rowCount() > 10
    kinds = {tab.model.index(r, 1).data() for r in range(tab.model.rowCount())}
    assert {"会议", "发现问题", "民主理财"} <= kinds
    assert "民主理财" in tab.counts_label.text()
    tab.set_year(date.today().year - 1)
    assert any(tab.model.index(r, 1).data() == "民主评议" for r in range(tab.model.rowCount()))
    qtmodeltester.check(tab.model)

    pdf = tmp_path / "report.pdf"
    with qtbot.waitSignal(tab.exporter.finished, timeout=20000):
        assert tab.export_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert tab.message.text().startswith("已导出")
    for suffix in (".xlsx", ".docx"):
        target = tmp_path / f"report{suffix}"
        with qtbot.waitSignal(tab.exporter.finished, timeout=20000):
            assert tab.export_file(target)
        assert target.read_bytes().startswith(b"PK")


def test_voucher_review_with_an_unreadable_amount(qtbot, qtmodeltester, page):
    page.tabs.setCurrentWidget(page.vouchers_tab)
    tab = page.vouchers_tab
    before = tab.list_model.rowCount()
    type_text(qtbot, tab.amount_edit, "12,3x")
    assert tab.amount_message.role() == "error" and "看不懂" in tab.amount_message.text()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.list_model.rowCount() == before
    tab.amount_edit.clear()
    type_text(qtbot, tab.amount_edit, "12,345.60")
    assert tab.amount_message.text() == "合计 12,345.60 元"
    tab.count_spin.setValue(18)
    type_text(qtbot, tab.signed_edit, "王国生")
    qtbot.mouseClick(tab.add_row_button, Qt.MouseButton.LeftButton)
    tab.questioned.item(0, 0).setText("记-009")
    tab.questioned.item(0, 1).setText("860")
    tab.questioned.item(0, 2).setText("发票抬头不符")
    tab.questioned.cellWidget(0, 3).setCurrentIndex(tab.questioned.cellWidget(0, 3).findData("returned"))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    if tab.duplicate_box is not None:  # the demo reviewed last month already: a second one is asked first
        qtbot.mouseClick(tab.duplicate_box.create_button, Qt.MouseButton.LeftButton)
    assert tab.message.role() == "ok", tab.message.text()
    assert tab.list_model.rowCount() == before + 1
    texts = [tab.list_model.index(r, 4).data() for r in range(tab.list_model.rowCount())]
    assert any("记-009 860.00 元 发票抬头不符(退回补正)" in t for t in texts)
    qtmodeltester.check(tab.list_model)


def test_the_form_opens_on_a_month_without_a_review_and_saves_without_asking(qtbot, page):
    page.tabs.setCurrentWidget(page.vouchers_tab)
    tab = page.vouchers_tab
    reviewed = {tab.list_model.row_at(r).period for r in range(tab.list_model.rowCount())}
    assert reviewed, "the demo has reviews"
    period = tab.period_edit.text()
    assert period not in reviewed and period <= date.today().strftime("%Y-%m")
    type_text(qtbot, tab.amount_edit, "1,000")
    type_text(qtbot, tab.signed_edit, "王国生")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.duplicate_box is None
    assert tab.message.role() == "ok" and period in tab.message.text(), tab.message.text()


def test_month_to_open():
    today = date(2026, 12, 4)
    assert month_to_open(set(), today) == "2026-11"  # last month, as before
    assert month_to_open({"2026-11"}, today) == "2026-12"  # reviewed: this month
    assert month_to_open({"2026-11", "2026-12", "2026-10"}, today) == "2026-09"
    assert month_to_open({"2025-12"}, date(2026, 1, 10)) == "2026-01"
    assert month_to_open(set(), date(2026, 1, 10)) == "2025-12"


def test_cadence_months():
    assert missing_months(["2026-01-05", "2026-03-09", "2025-02-01"], date(2026, 5, 20)) == [2, 4]
    assert missing_months([], date(2026, 1, 20)) == []


def test_committee_meetings_tab_lists_this_years_meetings_and_opens_the_editor_it_was_given(
        qtbot, qtmodeltester, page):
    from ui.meetings.meeting_editor import MeetingEditor

    tab = page.meetings_tab
    page.tabs.setCurrentWidget(tab)
    qtmodeltester.check(tab.model)
    editor = tab.new_meeting()
    assert isinstance(editor, MeetingEditor) and tab.editor is editor
    editor.close()
    assert tab.model.rowCount() > 0 and "/" in tab.model.index(0, 2).data()  # 到会 “present/expected 人”
    tab.table.selectRow(0)
    opened = tab.open_selected()
    assert isinstance(opened, MeetingEditor) and opened.draft.id == tab.model.row_at(0).id
    opened.close()


def test_a_draft_committee_meeting_does_not_clear_its_month(qtbot, village):
    from desktop.services import meetings_service
    from ui.meetings.meeting_editor import MeetingEditor
    from ui.supervision.meetings_tab import CommitteeMeetingsTab

    today = date.today()
    if today.month == 1:
        pytest.skip("no finished month of this year yet")
    _paths, session = village
    meetings_service.save(session, meetings_service.new_draft("supervision", date(today.year, 1, 10)))
    tab = CommitteeMeetingsTab(session, MeetingEditor)
    qtbot.addWidget(tab)
    assert tab.model.rowCount() == 1
    assert tab.cadence_label.text().startswith("1月")  # a draft (nobody listed) is not a 例会 held
