"""What a 回执 brings is shown where the village works: who answered and when, and a fresh 首页.

Real packages both ways: the village escalates an overdue supervision matter
and an unanswered villager's question and submits a 村规民约 draft; the
township answers both and agrees to the draft; the 回执 is imported while the
village's 首页 is open.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.services import (
    disclosure_service,
    exchange_service,
    review_service,
    rules_service,
    setup_service,
    supervision_service,
)
from models.rules import procedure as proc
from models.supervision import matters as mm
from tests.support.committee import member_login
from tests.support.first_contact import genuine
from tests.support.reviews import RULES_TEXT
from tests.support.screens import save, shown
from tests.support.sites import VILLAGE_CODE

MATTER_ANSWER = "已责成村委会在十日内将低保评议结果张榜公示,镇民政办将派人核查。"
FEEDBACK_ANSWER = "已督促村委会在公开栏公布低保名单。"


def _village_sends(pair) -> tuple[str, str, str]:
    """An overdue matter and a question, both reported to the township, and a draft; returns their ids."""
    pair.use("v")
    session = pair.village_session
    today = date.today()
    committee = member_login(session, "jianwei", "周监委")  # the committee acts through a member's own login
    matter = supervision_service.open_matter(committee, "低保评议结果未张榜公示", "subsidies", "complaint",
                                             today - timedelta(days=40), "评议后未公示")
    supervision_service.advance(committee, matter.id, mm.NOTIFIED, today - timedelta(days=35), "请张榜公示",
                                today - timedelta(days=20))
    supervision_service.escalate(committee, matter.id, today - timedelta(days=10))
    feedback = disclosure_service.add_feedback(session, today - timedelta(days=30), "低保名单为什么没有公开?", "张三")
    disclosure_service.escalate_feedback(session, feedback.id, today - timedelta(days=10))
    version, _ = rules_service.import_text(session, RULES_TEXT.replace("取消其当年集体分红", "由村委会批评教育"),
                                           "青山村村规民约")
    rules_service.add_opinion(session, version.id, today - timedelta(days=30), "forum", "同意")
    rules_service.close_solicitation(session, version.id, today - timedelta(days=20))
    rules_service.submit_for_review(session, version.id, today - timedelta(days=10))
    return matter.id, feedback.id, version.id


def _township_answers(pair, version_id: str):
    """The township imports, answers both reports, agrees to the draft; returns the 回执 path."""
    package = exchange_service.export_package(pair.village_session, pair.village, pair.usb).path
    pair.use("t")
    session = pair.township_session
    exchange_service.import_package(session, pair.township, package, fingerprint=genuine(pair.village))
    on = date.today() - timedelta(days=3)
    texts = {review_service.MATTER: MATTER_ANSWER, review_service.FEEDBACK: FEEDBACK_ANSWER}
    for row in review_service.escalations():
        review_service.answer(session, row.kind, row.id, on, "城关镇民政办", texts[row.kind])
    review_service.record_opinion(session, version_id, proc.AGREE, on, "城关镇民政办")
    back = exchange_service.export_package(session, pair.township, pair.usb, recipient_code=VILLAGE_CODE).path
    pair.use("v")
    return back


@pytest.mark.screenshots
def test_the_home_page_shown_again_after_the_receipt_has_fresh_figures(qtbot, pair):
    from ui.pages.home_page import HomePage

    _matter, _feedback, _version = _village_sends(pair)
    back = _township_answers(pair, _version)
    home = shown(qtbot, HomePage(setup_service.current(), session=pair.village_session), 1000, 760)
    before = list(home.attention_lines)
    assert any("已报乡镇审核" in line for line in before)
    first = home.data_cards["rules"]

    exchange_service.import_package(pair.village_session, pair.village, back)
    home.hide()
    assert home.attention_lines == before  # built once: nothing re-read while hidden
    home.show()
    qtbot.waitExposed(home)
    assert any("审核已通过,待表决" in line for line in home.attention_lines)
    # Replaced in place, not added: one card per heading, in the same order.
    layout = home._layout
    assert home.data_cards["rules"] is not first and layout.indexOf(first) == -1
    qtbot.waitUntil(lambda: home.data_cards["rules"].isVisible())
    order = [layout.indexOf(home.data_cards[name]) for name in ("counts", "meetings", "rules")]
    assert order == sorted(order) and -1 not in order
    headings = [w for w in home.findChildren(type(home.count_labels["vc_chair"]))
                if w.text() == "村规民约与村务监督" and w.isVisible()]
    assert len(headings) == 1
    save(home, "vr_05_village_home_after_receipt")


@pytest.mark.screenshots
def test_the_township_answer_says_who_answered_and_when(qtbot, pair):
    from ui.disclosure.feedback_tab import FeedbackTab
    from ui.meetings.meeting_editor import MeetingEditor
    from ui.supervision.supervision_page import SupervisionPage

    matter_id, feedback_id, version_id = _village_sends(pair)
    exchange_service.import_package(pair.village_session, pair.village, _township_answers(pair, version_id))
    on = (date.today() - timedelta(days=3)).isoformat()

    page = shown(qtbot, SupervisionPage(pair.village_session, MeetingEditor), 1180, 760)
    page.tabs.setCurrentWidget(page.matters_tab)
    page.matters_tab.select_matter(matter_id)
    body = page.matters_tab.panel.body_label.text()
    assert f"城关镇民政办 {on} 答复" in body and MATTER_ANSWER in body
    save(page, "vr_03_supervision_matter_township_answer")

    tab = shown(qtbot, FeedbackTab(pair.village_session), 1180, 760)
    tab.select(feedback_id)
    state = tab.model.index(0, 4).data()
    assert f"乡镇答复(城关镇民政办,{on}):{FEEDBACK_ANSWER}" in state
    assert f"乡镇答复(城关镇民政办,{on})" in tab.selected_label.text()
    save(tab, "vr_04_feedback_township_answer")
