"""Issue 19: the township prints what it signs from where it works, and adjusts the template.

审核意见书 from the draft and from the queue, 备案回执 and 责令改正通知书 from the
备案登记 tab (PDF or Word, written off the UI thread), 公文设置 at 1024×600.
"""

from __future__ import annotations

import zipfile
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.services import document_settings, review_service, setup_service
from desktop.services.session import Session, cli_session
from models.rules import procedure as proc
from models.sync.records import Peer
from tests.support import screens
from tests.support.reviews import village_draft
from tests.support.sites import VILLAGE_CODE
from ui.township.document_settings_dialog import DocumentSettingsDialog
from ui.township.review_page import ReviewPage


@pytest.fixture
def reviewer(store) -> Session:
    setup_service.initialize("township", "青山镇", "330106001", "zhejiang")
    Peer.create(code=VILLAGE_CODE, name="青山村", kind="village", status="active")
    village_draft(cli_session("township"))
    return Session(actor="审核人", role="reviewer", display_name="王审核")


def test_the_opinion_is_printed_from_the_draft_and_from_the_queue(qtbot, reviewer, tmp_path):
    page = screens.shown(qtbot, ReviewPage(reviewer), 1024, 600)
    assert page.queue.print_button.isVisible() and not page.queue.print_button.isEnabled()  # not reviewed yet
    page.open_draft(page.queue.rows[0].version_id)
    draft = page.draft
    assert not draft.print_button.isEnabled()
    review_service.record_opinion(reviewer, draft.view.version_id, proc.DISAGREE, date(2026, 7, 8), "镇民政办",
                                  "第三条侵害出嫁女权益。")
    draft.reload()
    assert draft.print_button.isEnabled()
    out = tmp_path / "意见书.docx"
    with qtbot.waitSignal(draft.printer.exporter.finished, timeout=20_000):
        assert draft.print_opinion(out)
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert "青山镇审〔2026〕1号" in xml and "修改后重新报乡镇审核" in xml
    assert "已导出" in draft.message.text()
    page.show_queue()
    page.queue.select(draft.view.version_id)
    assert page.queue.print_button.isEnabled()
    pdf = tmp_path / "意见书.pdf"
    with qtbot.waitSignal(page.queue.printer.exporter.finished, timeout=20_000):
        assert page.queue.print_opinion(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert page.queue.printer.last.document.number == "青山镇审〔2026〕1号"  # printed again: the same number


def test_document_settings_fit_1024x600_save_and_refuse_a_bad_pattern(qtbot, reviewer):
    page = screens.shown(qtbot, ReviewPage(reviewer), 1024, 600)
    dialog = page.open_document_settings()
    qtbot.waitExposed(dialog)
    hint = dialog.sizeHint()
    assert hint.width() <= 1000 and hint.height() <= 560, hint
    assert dialog.organ_edit.text() == "青山镇人民政府" and "青山镇审〔" in dialog.preview_label.text()
    dialog.pattern_edits["review_opinion"].setText("青审字")
    assert "号" in dialog.preview_label.text()  # says what is wrong as it is typed
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "号" in dialog.message.text()
    assert document_settings.template().patterns["review_opinion"] == "{机关简称}审〔{年}〕{号}号"  # unchanged
    dialog.pattern_edits["review_opinion"].setText("{机关简称}审字〔{年}〕{号}号")
    dialog.signatory_edit.setText("张建国")
    dialog.checker_edit.setText("李审核")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    saved = document_settings.template()
    assert (saved.signatory, saved.report_checker, saved.patterns["review_opinion"]) == (
        "张建国", "李审核", "{机关简称}审字〔{年}〕{号}号")


def test_the_settings_sample_is_the_next_number_and_a_bad_pattern_is_said_once(qtbot, reviewer):
    """Numbers 1 and 2 given: the 示例 shows 3; the reason of a bad pattern stands on one line only (tester #16)."""
    for n in (1, 2):
        document_settings.issue(reviewer, "review_opinion", f"review:test-{n}", date.today())
    dialog = DocumentSettingsDialog(reviewer)
    qtbot.addWidget(dialog)
    assert dialog.preview_label.text().endswith(f"青山镇审〔{date.today().year}〕3号"), dialog.preview_label.text()
    dialog.pattern_edits["review_opinion"].setText("{机关简称}审〔{年}〕")
    reason = dialog.message.text()
    assert "{号}" in reason and dialog.message.role() == "error"
    assert reason not in dialog.preview_label.text() and "{号}" not in dialog.preview_label.text()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.message.text() == reason and "{号}" not in dialog.preview_label.text()
    dialog.pattern_edits["review_opinion"].setText("{机关简称}审字〔{年}〕{号}号")
    assert dialog.message.text().strip() == "" and "审字" in dialog.preview_label.text()


def test_a_viewer_sees_the_settings_but_cannot_save(qtbot, reviewer):
    dialog = DocumentSettingsDialog(Session(actor="只读", role="township_viewer"))
    qtbot.addWidget(dialog)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert "审核人" in dialog.message.text()


def _demo_township(root):
    from desktop import demo
    from tests.support.sites import township_with_villages

    return township_with_villages(root, [(VILLAGE_CODE, "青山村")],
                                  lambda _i, village: demo.fill_village(village, years=1),
                                  key="one_demo_village")[1]


def test_receipt_and_notice_from_the_filing_register(qtbot, tmp_path):
    session = _demo_township(tmp_path)
    row = next(r for r in review_service.filing_register() if r.filing_id is None)
    day = date.fromisoformat(row.village_receipt_date or row.voted_on)
    review_service.record_filing(session, row.version_id, day, day)
    page = screens.shown(qtbot, ReviewPage(session), 1024, 600)
    tab = page.filings
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.is_loaded() and not tab.is_loading(), timeout=20_000)
    tab.select(row.version_id)
    assert tab.receipt_button.isEnabled() and not tab.notice_button.isEnabled()  # no order to correct
    dialog = tab.open_correction()
    qtbot.waitExposed(dialog)
    dialog.correction_edit.setPlainText("第三条违反法律规定,请删除。")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert "打印责令改正通知书" in tab.receipt_message.text()
    qtbot.waitUntil(lambda: not tab.is_loading() and tab.notice_button.isEnabled(), timeout=20_000)
    notice = tmp_path / "通知书.docx"
    with qtbot.waitSignal(tab.exporter.finished, timeout=20_000):
        assert tab.export_notice(notice)
    xml = zipfile.ZipFile(notice).read("word/document.xml").decode()
    assert "责令改正通知书" in xml and "第三条违反法律规定,请删除。" in xml and "青山镇改〔" in xml
    receipt = tmp_path / "回执.docx"
    with qtbot.waitSignal(tab.exporter.finished, timeout=20_000):
        assert tab.export_receipt(receipt)
    assert "不是批准" in zipfile.ZipFile(receipt).read("word/document.xml").decode()
    assert page.minimumSizeHint().width() <= 1024 - 150  # the notice button did not widen the page (nav: 150)
