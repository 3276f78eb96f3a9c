"""村规民约 driven through the UI: a revision walks the five steps, and refusals read plainly."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.services import rules_service
from models.rules import procedure as proc
from tests.support.rules import RULES_TEXT, import_draft, shown_rules_page, vote_meeting
from tests.support.typing import type_text


@pytest.fixture
def page(qtbot, village):
    _paths, session = village
    return shown_rules_page(qtbot, session)


def _click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _paste(qtbot, widget, text: str) -> None:
    QApplication.clipboard().setText(text)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def _import_through_dialog(qtbot, page) -> None:
    page.import_action.trigger()
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    _paste(qtbot, dialog.text_edit, RULES_TEXT)
    qtbot.waitUntil(lambda: dialog.article_count() == 3)
    assert dialog.title_edit.text() == "青山村村规民约"
    with qtbot.waitSignal(dialog.imported):
        _click(qtbot, dialog.import_button)


def test_a_revision_walks_all_five_steps(qtbot, qtmodeltester, page, village):
    _paths, session = village
    assert page.stack.currentWidget() is page.empty_label
    assert "还没有村规民约" in page.empty_label.text()
    bad_meeting = vote_meeting(session, present=60, yes=50, title="人数不够的村民会议")  # 60 of 120: no quorum
    good_meeting = vote_meeting(session)

    _import_through_dialog(qtbot, page)
    panel = page.panel
    assert page.stack.currentWidget() is panel
    assert panel.status_label.text() == "状态:征集民意中"

    # 1. 征集民意: one opinion through the form, then close.
    _click(qtbot, panel.next_button)
    assert panel.tabs.currentWidget() is panel.opinions_tab
    tab = panel.opinions_tab
    tab.source_combo.setCurrentIndex(tab.source_combo.findData("door_to_door"))
    type_text(qtbot, tab.content_edit, "红白喜事要定个标准")
    tab.adopted_combo.setCurrentIndex(1)
    type_text(qtbot, tab.reason_edit, "已写入第三条")
    _click(qtbot, tab.add_button)
    assert tab.model.rowCount() == 1
    qtmodeltester.check(tab.model)
    assert "采纳 1 条" in tab.counts_label.text()
    _click(qtbot, tab.close_button)
    assert panel.status_label.text() == "状态:起草中"

    # 2./3. 拟定草案 is done (3 articles); 提请审核 and the township's 同意.
    _click(qtbot, panel.next_button)
    assert panel.tabs.currentWidget() is panel.review_tab
    review = panel.review_tab
    _click(qtbot, review.submit_button)
    assert panel.status_label.text() == "状态:已报乡镇审核"
    assert "文本指纹" in review.submitted_label.text()
    review.opinion_combo.setCurrentIndex(review.opinion_combo.findData(proc.AGREE))
    type_text(qtbot, review.by_edit, "镇民政办")
    _click(qtbot, review.record_button)
    assert panel.status_label.text() == "状态:审核已通过,待表决"

    # 4. 审议表决: a meeting without quorum is explained and refused, the valid one accepted.
    _click(qtbot, panel.next_button)
    vote = panel.vote_tab
    assert panel.tabs.currentWidget() is vote
    vote.select_meeting(bad_meeting)
    assert "会议无效" in vote.verdict_label.text()
    assert vote.women_spin.isVisible()
    _click(qtbot, vote.vote_button)
    assert vote.vote_hint.role() == "error"
    assert "法定人数" in vote.vote_hint.text() or "不足" in vote.vote_hint.text()
    vote.select_meeting(good_meeting)
    assert "会议有效" in vote.verdict_label.text()
    assert "这一项表决通过" in vote.verdict_label.text()
    vote.women_spin.setValue(31)
    _click(qtbot, vote.vote_button)
    assert panel.status_label.text() == "状态:已表决通过,待备案公布"
    assert not panel.article_editor.editable

    # 5. 备案公布.
    type_text(qtbot, vote.receipt_edit, "镇民备〔2026〕3号")
    vote.receipt_check.setChecked(True)
    _click(qtbot, vote.filing_button)
    assert "镇民备〔2026〕3号" in vote.filing_label.text()
    vote.channel_combo.setCurrentIndex(vote.channel_combo.findText("微信群"))
    _click(qtbot, vote.publish_button)

    assert panel.status_label.text() == "状态:已生效"
    assert panel.timeline_text().count("✓") == 5
    assert "微信群" in panel.timeline_text()
    item = page.tree.currentItem()
    assert item.text(1) == "已生效"
    assert not panel.next_button.isVisible()
    assert page.revise_button.isEnabled()


def test_refusals_are_explained_in_plain_chinese(qtbot, page, village):
    _paths, session = village
    version_id = import_draft(session)
    page.refresh(version_id)
    panel = page.panel

    # 提请审核 before any opinion: the button is off and says why.
    review = panel.review_tab
    assert not review.submit_button.isEnabled()
    assert "还没有登记任何村民意见" in review.submit_hint.text()
    assert "还没有登记任何村民意见" in review.submit_button.toolTip()
    assert "还没有登记任何村民意见" in panel.timeline_text()
    assert not panel.opinions_tab.close_button.isEnabled()
    assert not panel.vote_tab.vote_button.isEnabled()
    assert "请先完成“征集民意”" in panel.vote_tab.vote_hint.text()

    # An empty opinion is refused under the form, and nothing is saved.
    panel.tabs.setCurrentWidget(panel.opinions_tab)
    _click(qtbot, panel.opinions_tab.add_button)
    assert panel.opinions_tab.add_message.text() == "请填写意见内容。"
    assert rules_service.view(version_id).opinions == ()

    # The township's opinion is not recorded before the draft was sent.
    assert not review.record_button.isEnabled()
    # "修改后同意" without a reason is refused with the reason to give one.
    rules_service.add_opinion(session, version_id, date.today(), "box", "好")
    rules_service.close_solicitation(session, version_id, date.today())
    page.refresh(version_id)
    _click(qtbot, review.submit_button)
    review.opinion_combo.setCurrentIndex(review.opinion_combo.findData(proc.AGREE_AFTER_CHANGES))
    _click(qtbot, review.record_button)
    assert "请写明理由或逐条意见" in review.record_hint.text()
    # With a comment on 第二条 it is recorded, and the timeline asks for changes.
    _click(qtbot, review.add_comment_button)
    review.comments.cellWidget(0, 0).setCurrentIndex(2)
    review.comments.item(0, 1).setText("适用范围应包括外来人员")
    _click(qtbot, review.record_button)
    assert "修改后同意" in panel.timeline_text()
    assert "请按意见修改草案" in panel.timeline_text()
    assert "第二条:适用范围应包括外来人员" in review.result_label.text()


def test_history_version_and_blank_draft(qtbot, page, village):
    dialog = page.open_history()
    type_text(qtbot, dialog.title_edit, "青山村村规民约")
    dialog.accept()  # no text yet: refused, nothing saved
    assert "请粘贴当时通过的全文" in dialog.message.text()
    assert rules_service.list_rule_sets() == []
    _paste(qtbot, dialog.text_edit, RULES_TEXT)
    assert "识别出 3 条" in dialog.count_label.text()
    dialog.accept()
    assert page.panel.status_label.text() == "状态:历史版本(补录)"
    assert "不补记" in page.panel.timeline_text()
    assert page.revise_button.isEnabled()

    # A blank draft in the same rule set, while none is open.
    blank = page.open_blank_draft()
    blank.accept()
    assert page.panel.view.version_no == 2
    assert page.panel.view.articles == ()
    assert "草案共 0 条" in page.panel.timeline_text()
    # A second open draft is refused with the reason.
    again = page.open_blank_draft()
    again.accept()
    assert "已经有一个正在进行的草案" in again.message.text()
    again.reject()
