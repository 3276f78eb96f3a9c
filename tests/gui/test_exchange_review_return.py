"""The township's answers reach the village by a real return package, and the secretary can act on them.

A draft of 村规民约 goes to the township in a package; the township records
“修改后同意” with a comment on one article; the 回执 comes back on the U盘
and is imported on the 数据交换 page. The village then reads the opinion in
full, sees what to do next, and cannot resend the unchanged text.
"""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date

from PySide6.QtCore import Qt

from desktop.services import exchange_service, record_store, rules_service
from models.db import close_database
from models.rules import procedure as proc
from models.township.records import RuleReview
from tests.support.reviews import COMMENT, RULES_TEXT, draft_reviewed_by_township
from tests.support.screens import shown
from tests.support.sites import VILLAGE_CODE
from ui.exchange.exchange_page import ExchangePage


def _import_on_page(qtbot, pair, receipt) -> ExchangePage:
    page = shown(qtbot, ExchangePage(pair.village_session, paths=pair.village), 1100, 760)
    page.import_files([receipt])
    qtbot.waitUntil(lambda: page.preview_dialog is not None and page.preview_dialog.isVisible(), timeout=20_000)
    # Keyboard: Enter on the preview is 导入.
    qtbot.keyClick(page.preview_dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.last_import is not None, timeout=20_000)
    return page


def test_the_import_message_says_where_to_read_what_the_township_sent(qtbot, pair):
    _version, receipt = draft_reviewed_by_township(pair)
    page = _import_on_page(qtbot, pair, receipt)
    details = page.message_box.informativeText()
    assert "乡镇发来的内容在这里查看" in details
    assert "“村规民约”中选中草案,看“审核”" in details
    assert "乡镇通知" not in details  # nothing of that kind came
    page.message_box.done(0)


def test_the_secretary_reads_the_opinion_in_full_and_is_sent_to_the_articles(qtbot, pair):
    from ui.rules.rules_page import RulesPage

    version_id, receipt = draft_reviewed_by_township(pair)
    page = _import_on_page(qtbot, pair, receipt)
    page.message_box.done(0)

    rules = shown(qtbot, RulesPage(pair.village_session), 1180, 700)
    rules.refresh(version_id)
    panel = rules.panel
    review = panel.review_tab
    panel.tabs.setCurrentWidget(review)
    qtbot.wait(50)
    # The opinion and the article comment are there in full: the paper form is not squeezing them.
    text = review.result_label.text()
    assert "修改后同意" in text and "回执数据包送达" in text and f"第三条:{COMMENT}" in text
    assert not review.paper_box.isVisible() and not review.record_button.isEnabled()
    assert review.result_label.height() >= review.result_label.heightForWidth(review.result_label.width())
    assert "到“条文”中按上面的意见" in review.next_label.text()
    # Sending the unchanged text again would bring the same opinion back: the button is off and says why.
    assert not review.submit_button.isEnabled()
    assert "按乡镇的意见修改" in review.submit_hint.text()
    assert "下一步,请先修改条文" in panel.timeline_text()
    assert panel.next_button.text() == "去修改条文"
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.tabs.currentWidget() is panel.article_editor

    # Once the article is changed, the draft can be sent again.
    lines = rules_service.articles(version_id)
    lines[2] = dataclasses.replace(lines[2], text="对不履行赡养义务的,由村民委员会批评教育,督促其履行义务。")
    rules_service.save_articles(pair.village_session, version_id, lines)
    rules.refresh(version_id)
    assert review.submit_button.isEnabled()
    assert "重新报审" in review.next_label.text()
    assert panel.next_button.text().startswith("去办理")


def test_a_conflict_at_the_village_tells_to_ask_the_township(qtbot, pair, tmp_path):
    """The township restores an old backup and answers again: the village is told whom to ask."""
    version_id, receipt = draft_reviewed_by_township(pair)
    exchange_service.import_package(pair.village_session, pair.village, receipt)
    close_database()
    backup = tmp_path / "township-backup"
    shutil.copytree(pair.township.data_dir, backup)
    pair.use("t")
    opinion = RuleReview.get(RuleReview.version == version_id)
    record_store.update(pair.township_session, opinion, text="第一次改写的意见")
    first = exchange_service.export_package(pair.township_session, pair.township, tmp_path,
                                              recipient_code=VILLAGE_CODE).path
    pair.use("v")
    exchange_service.import_package(pair.village_session, pair.village, first)
    close_database()
    shutil.rmtree(pair.township.data_dir)
    shutil.copytree(backup, pair.township.data_dir)
    pair.use("t")
    opinion = RuleReview.get(RuleReview.version == version_id)
    record_store.update(pair.township_session, opinion, text="恢复备份后另写的意见")
    second = exchange_service.export_package(pair.township_session, pair.township, pair.usb,
                                               recipient_code=VILLAGE_CODE).path
    pair.use("v")
    exchange_service.import_package(pair.village_session, pair.village, second)
    page = shown(qtbot, ExchangePage(pair.village_session, paths=pair.village), 1100, 760)
    panel = page.conflicts_panel
    assert panel.count() == 1
    assert "打电话问乡镇" in panel.explain.text()
    assert "发现于" in panel.list.item(0).text()


def test_the_review_tab_says_what_comes_next_while_waiting_and_after_agreement(qtbot, village):
    from ui.rules.review_tab import ReviewTab

    _paths, session = village
    version, _ = rules_service.import_text(session, RULES_TEXT, "青山村村规民约")
    rules_service.add_opinion(session, version.id, date(2026, 6, 2), "forum", "建议写明赡养义务")
    rules_service.close_solicitation(session, version.id, date(2026, 6, 20))
    tab = shown(qtbot, ReviewTab(session), 520, 640)
    tab.set_view(rules_service.view(version.id))
    assert not tab.paper_box.isVisibleTo(tab) and tab.next_label.text() == ""  # not sent yet
    rules_service.submit_for_review(session, version.id, date(2026, 7, 1))
    tab.set_view(rules_service.view(version.id))
    # Waiting: take the package to the township; a paper opinion can be typed meanwhile.
    assert "导出数据包" in tab.next_label.text() and "回执数据包送回" in tab.next_label.text()
    assert tab.paper_box.isVisibleTo(tab) and tab.record_button.isEnabled()
    rules_service.record_review(session, version.id, proc.AGREE, date(2026, 7, 8), "镇民政办")
    tab.set_view(rules_service.view(version.id))
    assert "召开村民会议" in tab.next_label.text() and "表决与备案" in tab.next_label.text()
    assert not tab.paper_box.isVisibleTo(tab)
