"""审核备案 at the township, driven as a reviewer does: open the queue, comment, record the opinion.

The screenshot test (`-m screenshots`) builds three real villages that send
their packages to the township, then renders the queue, a draft and the
备案 register to build/screenshots/c5..c7.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.services import review_service, setup_service
from desktop.services.session import Session, cli_session
from models.rules import procedure as proc
from models.rules.records import RuleArticle, RuleVersion
from models.sync.records import Peer
from models.township import review as rv
from models.township.records import RuleReview
from tests.support.imported import imported
from tests.support.reviews import ARTICLES, village_draft
from tests.support.sites import VILLAGE_CODE as VILLAGE
from tests.support.typing import type_text
from ui.township.review_page import ReviewPage


@pytest.fixture
def reviewer(store) -> Session:
    """A township that holds a village's draft and the version in force it revises."""
    setup_service.initialize("township", "青山镇", "330106001", "zhejiang")
    Peer.create(code=VILLAGE, name="青山村", kind="village", status="active")
    admin = cli_session("township")
    v = village_draft(admin)
    old = imported(RuleVersion, owner=VILLAGE, rule_set=v.rule_set_id, version_no=1,
                   title="青山村村规民约(2019年版)", is_history=True, history_adopted_on="2019-03-20")
    for i, (chapter, label, text) in enumerate(ARTICLES[:2] + ARTICLES[3:], start=1):
        imported(RuleArticle, owner=VILLAGE, version=old, position=i, chapter=chapter,
                 label=label, text=text)
    return Session(actor="审核人", role="reviewer", display_name="王审核")


def test_open_the_queue_comment_and_record_the_opinion(qtbot, qtmodeltester, reviewer):
    page = ReviewPage(reviewer)
    qtbot.addWidget(page)
    page.resize(1180, 760)
    page.show()
    qtbot.waitExposed(page)
    assert page.tabs.tabText(0).startswith("待审核") and "(1)" in page.tabs.tabText(0)
    queue = page.queue
    assert queue.model.rowCount() == 1 and queue.model.index(0, 0).data() == "青山村"
    assert "1 处可能违法" in queue.model.index(0, 4).data()

    queue.table.setFocus()
    qtbot.keyClick(queue.table, Qt.Key.Key_Return)
    draft = page.draft
    assert page.review_stack.currentWidget() is draft
    assert draft.model.rowCount() == len(ARTICLES) + 1  # 全文 + the articles
    qtmodeltester.check(draft.model)
    assert "可能违法" in draft.model.index(3, 2).data() and "未发现问题" in draft.model.index(1, 2).data()
    assert "新增 1 条" in draft.diff_summary.text()  # 第三条 is new against the 2019 version

    draft.table.selectRow(3)
    assert "第三条" in draft.comment_label.text()
    type_text(qtbot, draft.comment_edit, "侵害出嫁女权益,请删除。")
    qtbot.mouseClick(draft.add_comment_button, Qt.MouseButton.LeftButton)
    assert "侵害出嫁女权益" in draft.model.index(3, 3).data()

    qtbot.mouseClick(draft.opinion_button, Qt.MouseButton.LeftButton)
    dialog = draft.dialog
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.opinion_buttons[proc.DISAGREE], Qt.MouseButton.LeftButton)
    # 不同意 with a comment on record needs no further text: the comment is the reason
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    [review] = RuleReview.select()
    assert (review.opinion, review.reviewer) == (proc.DISAGREE, "镇民政办")
    assert "已登记" in draft.message.text()


def test_the_opinion_needs_a_reason_unless_agreed_and_goes_to_the_queue(qtbot, reviewer):
    page = ReviewPage(reviewer)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.queue.table.selectRow(0)
    qtbot.mouseClick(page.queue.open_button, Qt.MouseButton.LeftButton)
    draft = page.draft
    qtbot.mouseClick(draft.opinion_button, Qt.MouseButton.LeftButton)
    dialog = draft.dialog
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.opinion_buttons[proc.DISAGREE], Qt.MouseButton.LeftButton)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "理由" in dialog.message.text()
    type_text(qtbot, dialog.text_edit, "第三条违法,请删除后重新报审。")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    [review] = RuleReview.select()
    assert (review.opinion, review.text, review.reviewed_on) == (
        proc.DISAGREE, "第三条违法,请删除后重新报审。", date.today().isoformat())
    assert not draft.opinion_button.isEnabled() and "已于" in draft.banner.text()
    qtbot.keyClick(draft.table, Qt.Key.Key_Escape)
    assert page.review_stack.currentWidget() is page.queue
    assert page.queue.model.index(0, 5).data() == "已审核" and "不同意" in page.queue.model.index(0, 6).data()
    assert page.tabs.tabText(0) == "待审核"


def test_a_read_only_township_user_sees_but_cannot_review(qtbot, reviewer):
    page = ReviewPage(Session(actor="只读", role="township_viewer"))
    qtbot.addWidget(page)
    page.show()
    page.open_draft(review_service.queue()[0].version_id)
    assert not page.draft.opinion_button.isEnabled() and not page.draft.add_comment_button.isEnabled()
    assert "审核人" in page.draft.opinion_button.toolTip()
    assert rv.PENDING == review_service.queue()[0].state


def test_enter_opens_ctrl_enter_comments_and_esc_goes_back(qtbot, reviewer):
    page = ReviewPage(reviewer)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    qtbot.keyClick(page.queue.table, Qt.Key.Key_Return)
    draft = page.draft
    draft.table.selectRow(0)
    type_text(qtbot, draft.comment_edit, "请补充制定依据。")
    qtbot.keyClick(draft.comment_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [c.comment for c in review_service.draft(draft.view.version_id).general_comments] == ["请补充制定依据。"]
    assert draft.comment_edit.toPlainText() == ""
    qtbot.keyClick(draft.comment_edit, Qt.Key.Key_Escape)
    assert page.review_stack.currentWidget() is page.queue


# --- screenshots ------------------------------------------------------------------------

VILLAGES = (("330106001001", "青山村"), ("330106001002", "白云村"), ("330106001003", "石桥村"))


def _township_with_three_villages(root):
    """青山村 submits a draft with an unlawful clause, 白云村 changes its draft after submitting,
    石桥村's draft is reviewed; the 2021 texts of 白云村 and 石桥村 are filed, 青山村's waits."""
    from desktop import demo
    from desktop.services import rules_service
    from desktop.services.rules_service import ArticleLine
    from tests.support.sites import township_with_villages

    def fill(i, session):
        demo.fill_village(session, households=120, years=1, seed=7 + i, submit_rules=i > 0)
        draft = next(v for rs in rules_service.list_rule_sets() for v in rs.versions if v.version_no == 3)
        if i == 0:
            lines = rules_service.articles(draft.id)
            lines.insert(5, ArticleLine(lines[5].chapter, "", "出嫁女户口未迁出的,不再享有本村集体收益分配和征地补偿。"))
            rules_service.save_articles(session, draft.id, lines)
            rules_service.close_solicitation(session, draft.id, date(2026, 7, 10))
            rules_service.submit_for_review(session, draft.id, date(2026, 10, 28))
        if i == 1:
            lines = rules_service.articles(draft.id)
            lines[1] = ArticleLine(lines[1].chapter, "", lines[1].text + "外来务工人员参照执行。")
            rules_service.save_articles(session, draft.id, lines)

    # Built once per session and copied: the screenshots and the model test both start from it.
    _township, session = township_with_villages(root, VILLAGES, fill, key="township_review_three_villages")
    queue = {r.village_name: r for r in review_service.queue()}
    review_service.record_opinion(session, queue["石桥村"].version_id, proc.AGREE, date(2026, 11, 5), "青山镇民政办",
                                  "经审查,草案内容合法,同意提交村民会议表决。")
    waiting = {r.village_name: r for r in review_service.filing_register()}
    review_service.record_filing(session, waiting["白云村"].version_id, date(2021, 8, 12), date(2021, 8, 20))
    review_service.record_filing(session, waiting["石桥村"].version_id, date(2021, 8, 13), date(2021, 8, 20),
                                 correction="第十一条“在村务公开栏提醒”应避免公开点名,请修改后重新报备。")
    matter = next(r for r in review_service.escalations() if r.village_name == "石桥村")
    review_service.answer(session, matter.kind, matter.id, date(2026, 11, 25), "青山镇纪委",
                          "已责成石桥村村委会五日内张榜公示低保评议结果,镇纪委将回访核实。")
    return session, queue["青山村"].version_id


@pytest.mark.screenshots
def test_review_screens(qtbot, tmp_path):
    from tests.support.screens import save, shown

    session, draft_id = _township_with_three_villages(tmp_path)
    page = shown(qtbot, ReviewPage(session), 1180, 760)
    assert [page.queue.model.index(r, 5).data() for r in range(3)] == ["待审核", "报审后又修改", "已审核"]
    save(page, "c5_review_queue")

    page.open_draft(draft_id)
    draft = page.draft
    row = next(r for r in range(draft.model.rowCount()) if "可能违法" in draft.model.index(r, 2).data())
    draft.table.selectRow(row)
    type_text(qtbot, draft.comment_edit, "此条侵害出嫁女的合法权益,违反妇女权益保障法第五十六条,请删除。")
    qtbot.mouseClick(draft.add_comment_button, Qt.MouseButton.LeftButton)
    draft.table.selectRow(row)
    save(page, "c6_review_draft")
    draft.tabs.setCurrentIndex(1)
    save(page, "c6_review_draft_diff")

    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.filings.is_loaded() and not page.filings.is_loading())
    assert page.filings.model.rowCount() == 3
    save(page, "c7_filing_register")
    page.tabs.setCurrentIndex(2)
    save(page, "c7_escalations")


def test_the_village_sees_the_townships_opinion_without_retyping_it(qtbot, village):
    """At the village, the township's record (as the return package brought it) fills the 提请审核 tab."""
    from desktop.services import rules_service
    from ui.rules.review_tab import ReviewTab

    _, admin = village
    version, _ = rules_service.import_text(admin, "\n".join(f"{a[1]} {a[2]}" for a in ARTICLES), "青山村村规民约")
    rules_service.add_opinion(admin, version.id, date(2026, 6, 2), "forum", "建议写明外嫁女权益", True)
    rules_service.close_solicitation(admin, version.id, date(2026, 6, 20))
    fp = rules_service.submit_for_review(admin, version.id, date(2026, 7, 1))
    imported(RuleReview, owner="330106001", version=version.id, fingerprint=fp,
             opinion=proc.DISAGREE, reviewed_on="2026-07-08", reviewer="青山镇民政办",
             text="第三条侵害出嫁女权益,请删除后重新报审。")
    tab = ReviewTab(admin)
    qtbot.addWidget(tab)
    tab.set_view(rules_service.view(version.id))
    text = tab.result_label.text()
    assert "不同意" in text and "第三条侵害出嫁女权益" in text and "回执数据包送达" in text
    assert not tab.record_button.isEnabled()  # nothing to retype


def test_the_township_main_window_opens_the_review_area_with_its_empty_states(qtbot, township, settings_store):
    from ui.main_window import MainWindow

    paths, session = township
    window = MainWindow(setup_service.current(), session, paths, settings_store)
    qtbot.addWidget(window)
    window.show()
    window.show_area("review")
    page = window.current_page()
    assert isinstance(page, ReviewPage)
    assert page.queue.stack.currentWidget() is page.queue.empty and "没有村里报来审核" in page.queue.empty.text()
    qtbot.waitUntil(page.filings.is_loaded)
    assert page.filings.stack.currentWidget() is page.filings.empty
    assert page.escalations.stack.currentWidget() is page.escalations.empty


def _township_with_a_demo_village(root):
    """A township that imported one demo village: its 2021 村规民约 was adopted and filed on paper."""
    from desktop import demo
    from tests.support.sites import VILLAGE_CODE, township_with_villages

    _township, session = township_with_villages(root, [(VILLAGE_CODE, "青山村")],
                                                lambda _i, village: demo.fill_village(village, years=1),
                                                key="one_demo_village")
    return session


def test_the_filing_register_is_read_off_the_ui_thread_and_paper_receipts_count_as_filed(qtbot, tmp_path):
    """The register (a vote meeting evaluated per version) loads in the background; the tab title
    then counts only texts really waiting: one the village filed on paper is 已备案(纸质回执), and
    补登 copies that paper receipt into the township's own register."""
    session = _township_with_a_demo_village(tmp_path)
    page = ReviewPage(session)
    qtbot.addWidget(page)
    page.show()
    tab = page.filings
    assert tab.is_loading() and tab.stack.currentWidget() is tab.loading_label
    qtbot.waitUntil(lambda: tab.is_loaded() and not tab.is_loading())
    paper = [r for r in tab.rows if r.state == review_service.PAPER]
    assert paper and tab.waiting() == 0 and page.tabs.tabText(1) == "备案登记"
    assert "纸质回执" in tab.summary_label.text()
    tab.select(paper[0].version_id)
    assert tab.file_button.isEnabled() and tab.file_button.text() == "补登备案…"
    assert not tab.correct_button.isEnabled()  # nothing in our register to correct yet
    assert "纸质回执" in tab.detail_label.text()

    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = tab.dialog
    qtbot.waitExposed(dialog)
    assert dialog.receipt_no_edit.text() == paper[0].village_receipt
    assert dialog.receipt_date_edit.date().toString("yyyy-MM-dd") == paper[0].village_receipt_date
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.message.text()
    qtbot.waitUntil(lambda: not tab.is_loading() and any(r.state == review_service.FILED for r in tab.rows))
    [filed] = [r for r in tab.rows if r.version_id == paper[0].version_id]
    assert (filed.receipt_no, filed.receipt_date) == (paper[0].village_receipt, paper[0].village_receipt_date)
    assert tab.correct_button.isEnabled()


def test_the_filing_dialog_offers_no_ok_when_the_text_cannot_be_filed(qtbot, reviewer):
    """A draft not yet voted: the dialog says why and only 取消 is active (no button that does nothing)."""
    from ui.township.filing_dialog import FilingDialog

    version_id = review_service.queue()[0].version_id
    dialog = FilingDialog(reviewer, version_id)
    qtbot.addWidget(dialog)
    assert "表决通过" in dialog.message.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_a_draft_opened_from_the_queue_has_rows_as_tall_as_their_text(qtbot, reviewer):
    """The draft is filled while its panel is still hidden; once shown, the rows are measured again
    at the real column width (not left many lines tall)."""
    page = ReviewPage(reviewer)
    qtbot.addWidget(page)
    page.resize(1180, 760)
    page.show()
    qtbot.waitExposed(page)
    qtbot.keyClick(page.queue.table, Qt.Key.Key_Return)
    table = page.draft.table
    line = table.fontMetrics().height()
    qtbot.waitUntil(lambda: table.rowHeight(1) <= 3 * line)  # 第一条 is one short line at this width
    assert table.columnWidth(1) > 400


def test_answering_escalations_by_keyboard_and_no_stale_message(qtbot, reviewer):
    from models.supervision.records import SupervisionMatter

    for title in ("修路工程款未公开", "低保评议结果未张榜"):
        imported(SupervisionMatter, owner=VILLAGE, title=title, area="finance",
                 source="inspection", opened_on="2026-05-02", findings="监委会检查发现",
                 escalated_on="2026-06-01")
    page = ReviewPage(reviewer)
    qtbot.addWidget(page)
    page.show()
    tab = page.escalations
    tab.table.selectRow(0)
    tab.answer_edit.clear()
    assert not tab.answer()
    assert "请写下" in tab.message.text()
    tab.table.selectRow(1)
    assert not tab.message.text().strip()  # the error was about the other matter
    type_text(qtbot, tab.answer_edit, "已责成村委会十日内公开。")
    qtbot.keyClick(tab.answer_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert sum(1 for r in review_service.escalations() if r.answer) == 1
    assert "已答复" in tab.message.text()  # the confirmation survives the list being re-read
    assert page.tabs.tabText(2) == "上报事项(1)"


def test_the_queue_and_register_models_pass_the_model_tester_and_sort_by_raw_values(qtmodeltester, tmp_path):
    """Both 审核备案 lists are BatchedRowsModels: Qt's model checks pass, the sort role gives numbers
    where the text is a count, and the id role gives the version behind a row."""
    from ui.township.filing_register_model import FilingRegisterModel
    from ui.township.review_queue_model import ARTICLES, FINDINGS, ReviewQueueModel
    from ui.widgets.batched_model import ID_ROLE, SORT_ROLE

    _township_with_three_villages(tmp_path)
    queue = ReviewQueueModel()
    queue.set_rows(review_service.queue(include_reviewed=True))
    assert queue.rowCount() == 3 and queue.headerData(0, Qt.Orientation.Horizontal) == "村"
    qtmodeltester.check(queue)
    first = queue.row_at(0)
    assert queue.index(0, ARTICLES).data(SORT_ROLE) == first.articles
    assert queue.index(0, FINDINGS).data(SORT_ROLE) == (first.unlawful, first.warnings)
    assert queue.index(0, 0).data(ID_ROLE) == first.version_id

    register = FilingRegisterModel()
    register.set_rows(review_service.filing_register())
    assert register.rowCount() == 3
    qtmodeltester.check(register)
    assert register.index(0, 0).data(ID_ROLE) == register.row_at(0).version_id


def test_the_escalation_model_passes_the_model_tester(qtmodeltester, reviewer):
    from models.supervision.records import SupervisionMatter
    from ui.township.escalation_model import ANSWER, EscalationModel
    from ui.widgets.batched_model import ID_ROLE

    imported(SupervisionMatter, owner=VILLAGE, title="修路工程款未公开", area="finance",
             source="inspection", opened_on="2026-05-02", findings="监委会检查发现",
             escalated_on="2026-06-01")
    model = EscalationModel()
    model.set_rows(review_service.escalations())
    assert model.rowCount() == 1 and model.index(0, ANSWER).data() == "待答复"
    qtmodeltester.check(model)
    assert model.index(0, 0).data(ID_ROLE) == model.row_at(0).id
