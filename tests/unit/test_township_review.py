"""审核备案 at the township: the rules, the service, and the refusals the issue asks for."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import review_service, rules_service, setup_service
from desktop.services.session import Session, cli_session
from models.db import database
from models.disclosure.records import Feedback
from models.errors import PermissionDenied, ValidationError
from models.rules import legality
from models.rules import procedure as proc
from models.rules.records import ReviewComment, RuleVersion
from models.supervision.records import SupervisionMatter
from models.sync.records import Peer
from models.township import review as rv
from models.township.records import RuleFiling, RuleReview, TownshipAnswer
from tests.support.imported import imported
from tests.support.reviews import ARTICLES, village_draft

TOWNSHIP, VILLAGE = "330106001", "330106001001"
@pytest.fixture
def township(store):
    """A township installation that holds one village's submitted draft (as its package brought it)."""
    setup_service.initialize("township", "青山镇", TOWNSHIP, "zhejiang")
    Peer.create(code=VILLAGE, name="青山村", kind="village", status="active")
    return cli_session("township")





# --- the pure rules ------------------------------------------------------------------

def test_an_opinion_binds_to_the_submitted_text_only():
    f = proc.VersionFacts(articles=4, solicitation_closed=True, current_fingerprint="b", submitted_fingerprint="a")
    assert rv.queue_state(f, "") == rv.CHANGED
    [reason] = rv.can_review(f)
    assert "草案在提请审核后又改过,请审核新的文本" in str(reason)
    f.current_fingerprint = "a"
    assert rv.queue_state(f, "") == rv.PENDING and rv.can_review(f) == []
    assert "请审核新的文本" in str(rv.can_review(f, seen_fingerprint="old")[0])
    assert rv.queue_state(f, "a") == rv.REVIEWED
    assert rv.queue_state(proc.VersionFacts(), "") is None  # never submitted: not in the queue


def test_opinion_reasons_and_filing_needs_a_valid_vote():
    assert rv.opinion_reasons(proc.AGREE, "", 0) == []
    assert "理由" in str(rv.opinion_reasons(proc.DISAGREE, " ", 0)[0])
    assert rv.opinion_reasons(proc.AGREE_AFTER_CHANGES, "", 2) == []
    assert rv.opinion_reasons("maybe", "x", 0)
    unvoted = proc.VersionFacts(articles=3, current_fingerprint="a")
    assert "表决通过" in str(rv.can_file(unvoted)[0])
    voted = proc.VersionFacts(articles=3, current_fingerprint="a", vote=proc.VoteFacts(
        meeting_valid=True, passed=True, is_assembly=True, women_present=40, fingerprint="a"))
    assert rv.can_file(voted) == []


def test_unlawful_content_is_filed_only_with_an_order_to_correct():
    findings = legality.check_articles([a[2] for a in ARTICLES])
    labels = {i: a[1] for i, a in enumerate(ARTICLES, start=1)}
    [reason] = rv.correction_reasons(findings, "", labels)
    assert "第三条" in str(reason) and "责令改正" in str(reason)
    suggested = rv.suggested_correction(findings, labels)
    assert "第三条" in suggested and "出嫁女" in suggested
    assert rv.correction_reasons(findings, suggested, labels) == []
    assert rv.suggested_correction(legality.check_articles([ARTICLES[0][2]]), labels) == ""


def test_receipt_numbers_continue_the_year_and_restart_in_a_new_one():
    assert rv.next_receipt_no("青山镇", 2026, []) == "青山镇备〔2026〕1号"
    used = ["青山镇备〔2026〕1号", "青山镇备〔2026〕7号", "青山镇备〔2025〕9号", "县民备〔2026〕30号", "手写"]
    assert rv.next_receipt_no("青山镇", 2026, used) == "青山镇备〔2026〕8号"
    assert rv.next_receipt_no("青山镇", 2027, used) == "青山镇备〔2027〕1号"
    assert rv.parse_receipt_no("青山镇备〔2026〕12号") == rv.ReceiptNo("青山镇", 2026, 12)


# --- the service -----------------------------------------------------------------------

def test_queue_view_comments_and_opinion(township):
    session = township
    v = village_draft(session)
    [row] = review_service.queue()
    assert (row.village_name, row.state, row.articles, row.unlawful) == ("青山村", rv.PENDING, 4, 1)

    view = review_service.draft(v.id)
    assert view.can_review and view.village_name == "青山村"
    assert [a.label for a in view.articles if a.findings] == ["第三条"]  # the finding sits beside its article
    comment = review_service.add_comment(session, v.id, 3, "违反妇女权益保障法第五十六条,请删除。",
                                         seen_fingerprint=view.submitted_fingerprint)
    extra = review_service.add_comment(session, v.id, 0, "请补充制定依据。")
    review_service.remove_comment(session, extra.id)
    view = review_service.draft(v.id)
    assert [c.comment for c in view.articles[2].comments] == ["违反妇女权益保障法第五十六条,请删除。"]
    assert view.general_comments == ()
    assert ReviewComment.get_by_id(comment.id).owner == TOWNSHIP  # the township's own record

    with pytest.raises(ValidationError):
        review_service.record_opinion(session, v.id, proc.AGREE, date(2026, 6, 30), "镇民政办")  # before submission
    review = review_service.record_opinion(session, v.id, proc.AGREE_AFTER_CHANGES, date(2026, 7, 8), "镇民政办",
                                           "删除第三条后同意。", seen_fingerprint=view.submitted_fingerprint)
    assert (review.owner, review.fingerprint, review.opinion) == (TOWNSHIP, v.submitted_fingerprint,
                                                                 proc.AGREE_AFTER_CHANGES)
    assert RuleVersion.get_by_id(v.id).review_opinion == ""  # the village's record is untouched
    with pytest.raises(ValidationError) as err:
        review_service.record_opinion(session, v.id, proc.AGREE, date(2026, 7, 9), "镇民政办")
    assert "已于 2026-07-08" in str(err.value)
    with pytest.raises(ValidationError):
        review_service.remove_comment(session, comment.id)  # sent with the opinion
    [row] = review_service.queue()
    assert (row.state, row.opinion) == (rv.REVIEWED, proc.AGREE_AFTER_CHANGES)
    assert review_service.queue(include_reviewed=False) == []
    # the shared facts see the township's opinion: not valid (修改后同意), with the reason
    f = rules_service.facts(v.id)
    assert f.review_opinion == proc.AGREE_AFTER_CHANGES and not proc.review_valid(f)


def test_a_draft_changed_since_submission_is_refused(township):
    session = township
    v = village_draft(session)
    seen = review_service.draft(v.id).submitted_fingerprint
    # the village's next package brings a changed article but no new submission
    database.execute_sql("UPDATE rule_article SET text = ? WHERE version_id = ? AND position = 3",
                         ("出嫁、离婚、丧偶妇女享有与本村村民同等的权利。", v.id))
    [row] = review_service.queue()
    assert row.state == rv.CHANGED
    assert not review_service.draft(v.id).can_review
    for call in (lambda: review_service.record_opinion(session, v.id, proc.AGREE, date(2026, 7, 8), "镇民政办",
                                                       seen_fingerprint=seen),
                 lambda: review_service.add_comment(session, v.id, 1, "好")):
        with pytest.raises(ValidationError) as err:
            call()
        assert "草案在提请审核后又改过,请审核新的文本" in str(err.value)
    assert RuleReview.select().count() == 0 and ReviewComment.select().count() == 0
    # the village resubmits the new text: the reviewer who still has the old one open is refused too
    new_fp = rules_service.facts(v.id).current_fingerprint
    database.execute_sql("UPDATE rule_version SET submitted_fingerprint = ?, submitted_on = ? WHERE id = ?",
                         (new_fp, "2026-07-05", v.id))
    with pytest.raises(ValidationError) as err:
        review_service.record_opinion(session, v.id, proc.AGREE, date(2026, 7, 8), "镇民政办", seen_fingerprint=seen)
    assert "请审核新的文本" in str(err.value)
    review = review_service.record_opinion(session, v.id, proc.AGREE, date(2026, 7, 8), "镇民政办",
                                           seen_fingerprint=new_fp)
    assert review.fingerprint == new_fp


def test_filing_is_refused_for_a_version_that_was_not_voted(township):
    session = township
    v = village_draft(session)
    review_service.record_opinion(session, v.id, proc.AGREE, date(2026, 7, 8), "镇民政办")
    assert review_service.filing_register() == []  # nothing adopted yet
    assert review_service.filing_draft(v.id).blocked_by
    with pytest.raises(ValidationError) as err:
        review_service.record_filing(session, v.id, date(2026, 8, 1), date(2026, 8, 2))
    assert "表决通过" in str(err.value)
    assert RuleFiling.select().count() == 0


def test_a_village_secretary_cannot_record_a_township_opinion(township, paths):
    v = village_draft(township)
    secretary = Session(actor="村文书", role="secretary")
    with pytest.raises(PermissionDenied):
        review_service.record_opinion(secretary, v.id, proc.AGREE, date(2026, 7, 8), "镇民政办")
    with pytest.raises(PermissionDenied):
        review_service.add_comment(secretary, v.id, 1, "好")
    viewer = Session(actor="只读", role="township_viewer")
    with pytest.raises(PermissionDenied):
        review_service.record_filing(viewer, v.id, date(2026, 8, 1), date(2026, 8, 2))
    reviewer = Session(actor="审核人", role="reviewer")
    assert review_service.record_opinion(reviewer, v.id, proc.AGREE, date(2026, 7, 8), "镇民政办").owner == TOWNSHIP


def test_escalated_matters_and_feedback_get_the_townships_answer(township):
    session = township
    matter = imported(SupervisionMatter, owner=VILLAGE, title="修路工程款未公开",
                      area="finance", source="inspection", opened_on="2026-05-02",
                      findings="工程款 12 万元未公开", escalated_on="2026-06-01")
    feedback = imported(Feedback, owner=VILLAGE, received_on="2026-05-10",
                        content="低保名单为什么没有公开?", escalated_on="2026-06-03")
    imported(Feedback, owner=VILLAGE, received_on="2026-05-11", content="未上报的")
    rows = review_service.escalations()
    assert [(r.kind, r.title or r.detail) for r in rows] == [
        (review_service.MATTER, "修路工程款未公开"), (review_service.FEEDBACK, "低保名单为什么没有公开?")]
    with pytest.raises(ValidationError):
        review_service.answer(session, review_service.MATTER, matter.id, date(2026, 6, 5), "镇纪委", " ")
    review_service.answer(session, review_service.MATTER, matter.id, date(2026, 6, 5), "镇纪委", "已责成村委会十日内公开。")
    again = review_service.answer(session, review_service.MATTER, matter.id, date(2026, 6, 6), "镇纪委",
                                  "已责成村委会五日内公开。")
    assert TownshipAnswer.select().count() == 1 and again.text == "已责成村委会五日内公开。"
    review_service.answer(session, review_service.FEEDBACK, feedback.id, date(2026, 6, 8), "镇民政办", "已督促公开。")
    rows = review_service.escalations()
    assert all(r.answer for r in rows) and rows[0].answered_on == "2026-06-08"
    assert review_service.township_answer(review_service.MATTER, matter.id).text == "已责成村委会五日内公开。"
    assert SupervisionMatter.get_by_id(matter.id).township_answer == ""  # the village's record is untouched
