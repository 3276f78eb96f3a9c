"""A 村规民约 draft goes village → township → village through real packages, then its filing.

The township writes only its own records (opinion, comments, receipt, answer);
the return package carries them, and the village's procedure reads them
without anybody retyping the paper.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.services import (
    disclosure_service,
    meetings_service,
    review_service,
    rules_service,
    ui_support_disclosure,
)
from desktop.services.meetings_service import ResolutionLine
from desktop.services.rules_service import ArticleLine
from desktop.sync import exporter, importer
from models.db import close_database
from models.errors import ValidationError
from models.rules import procedure as proc
from models.rules.records import ReviewComment
from models.township import review as rv
from models.township.records import RuleFiling, RuleReview, TownshipAnswer
from tests.support.first_contact import confirmed_by
from tests.support.sites import TOWNSHIP_CODE, VILLAGE_CODE, make_pair, village_beside

TEXT = """青山村村规民约
第一条 村民应当遵守宪法、法律、法规和国家政策。
第二条 红白喜事从简办理,反对大操大办。
第三条 出嫁女不再享有本村集体土地承包和征地补偿的权利。
第四条 本村规民约自村民会议通过之日起施行。
"""


def _send(site, session, usb, recipient=None):
    return exporter.export_package(session, site.paths, usb, recipient_code=recipient).path


def _receive(site, path):
    """Import at `site`; the village's first package is confirmed with its genuine fingerprint."""
    session = site.use()
    importer.apply_import(session, path, site.paths, backup=False,
                          confirm=confirmed_by(village_beside(site)))
    return session


def _assembly(session, on):
    draft = meetings_service.new_draft("assembly_households", on)
    draft.title, draft.expected_count, draft.present_count = "审议村规民约村民会议", 300, 250
    draft.notice_date = date.fromordinal(on.toordinal() - 12)
    draft.resolutions = [ResolutionLine("表决通过《青山村村规民约》", "village_rules", 200, 45, 5)]
    meeting_id = meetings_service.save(session, draft)
    meetings_service.approve(session, meeting_id)
    return meeting_id


def test_review_and_filing_travel_back_and_the_village_sees_them(tmp_path):
    township, village, usb = make_pair(tmp_path, demo=False)

    # 1. the village drafts, solicits, submits; a villager's feedback goes up to the township too
    session = village.use()
    version, _ = rules_service.import_text(session, TEXT, "青山村村规民约")
    vid = version.id
    rules_service.add_opinion(session, vid, date(2026, 6, 2), "forum", "建议写明外嫁女权益", True)
    rules_service.close_solicitation(session, vid, date(2026, 6, 20))
    first_fp = rules_service.submit_for_review(session, vid, date(2026, 7, 1))
    fb = disclosure_service.add_feedback(session, date(2026, 6, 1), "低保名单为什么没有公开?", "张三")
    disclosure_service.escalate_feedback(session, fb.id, date(2026, 6, 20))
    package = _send(village, session, usb)
    close_database()

    # 2. the township reviews it: a comment on 第三条, 修改后同意; answers the feedback
    session = _receive(township, package)
    [row] = review_service.queue()
    assert (row.version_id, row.village_name, row.state, row.unlawful) == (vid, "青山村", rv.PENDING, 1)
    view = review_service.draft(vid)
    assert [a.label for a in view.articles if a.findings] == ["第三条"]
    review_service.add_comment(session, vid, 3, "侵害出嫁女土地权益,违反妇女权益保障法,请删除或改写。",
                               seen_fingerprint=view.submitted_fingerprint)
    review_service.record_opinion(session, vid, proc.AGREE_AFTER_CHANGES, date(2026, 7, 10), "青山镇民政办",
                                  "第三条违法,修改后同意。", seen_fingerprint=view.submitted_fingerprint)
    [escalated] = review_service.escalations()
    review_service.answer(session, escalated.kind, escalated.id, date(2026, 6, 25), "青山镇民政办",
                          "已督促村委会在公开栏公布低保名单。")
    back = _send(township, session, usb, VILLAGE_CODE)
    close_database()

    # 3. the village sees the township's opinion, the comment and the answer (nothing retyped)
    session = _receive(village, back)
    v = rules_service.view(vid)
    assert v.review is not None and v.review.from_township
    assert (v.review.opinion, v.review.text, v.review.by) == (proc.AGREE_AFTER_CHANGES, "第三条违法,修改后同意。",
                                                             "青山镇民政办")
    assert [(c.position, c.owner) for c in v.review_comments] == [(3, TOWNSHIP_CODE)]
    review_step = v.steps[2]
    assert not review_step.done and "修改后同意" in str(review_step.blocked_by[0])
    assert v.record.review_opinion == ""  # the village's own fields stay empty
    assert ui_support_disclosure.list_feedback()[0].township_answer == "已督促村委会在公开栏公布低保名单。"

    # 4. the village corrects 第三条 and resubmits; the township agrees to the new text
    lines = rules_service.articles(vid)
    lines[2] = ArticleLine(lines[2].chapter, "", "出嫁、离婚、丧偶妇女及其子女,享有与本村村民同等的权利。")
    rules_service.save_articles(session, vid, lines)
    second_fp = rules_service.submit_for_review(session, vid, date(2026, 7, 15))
    assert second_fp != first_fp and rules_service.view(vid).status == proc.ST_IN_REVIEW
    package = _send(village, session, usb)
    close_database()

    session = _receive(township, package)
    [row] = review_service.queue(include_reviewed=True)
    assert row.state == rv.PENDING and row.unlawful == 0
    view = review_service.draft(vid)
    assert view.review.fingerprint == first_fp and view.can_review
    review_service.record_opinion(session, vid, proc.AGREE, date(2026, 7, 20), "青山镇民政办", "同意。",
                                  seen_fingerprint=view.submitted_fingerprint)
    back = _send(township, session, usb, VILLAGE_CODE)
    close_database()

    session = _receive(village, back)
    f = rules_service.facts(vid)
    assert proc.review_valid(f) and rules_service.view(vid).status == proc.ST_REVIEWED
    assert rules_service.view(vid).review.reviewed_on == "2026-07-20"

    # 5. the vote, then 备案 at the township, and the receipt back at the village
    rules_service.record_vote(session, vid, _assembly(session, date(2026, 8, 6)), 0, women_present=90)
    package = _send(village, session, usb)
    close_database()

    session = _receive(township, package)
    [waiting] = review_service.filing_register()
    assert waiting.state == review_service.WAITING and waiting.voted_on == "2026-08-06"
    draft = review_service.filing_draft(vid, date(2026, 8, 12))
    assert draft.receipt_no == "青山镇备〔2026〕1号" and not draft.blocked_by and not draft.unlawful
    with pytest.raises(ValidationError, match="晚于今天"):  # a slip of the year: refused, nothing filed
        review_service.record_filing(session, vid, date(2026, 8, 10), date.today() + timedelta(days=1))
    assert review_service.filing_register()[0].state == review_service.WAITING
    filing = review_service.record_filing(session, vid, date(2026, 8, 10), date(2026, 8, 12))
    assert filing.receipt_no == "青山镇备〔2026〕1号" and filing.fingerprint == second_fp
    [done] = review_service.filing_register()
    assert (done.state, done.receipt_no) == (review_service.FILED, "青山镇备〔2026〕1号")
    back = _send(township, session, usb, VILLAGE_CODE)
    close_database()

    session = _receive(village, back)
    v = rules_service.view(vid)
    assert v.filing is not None and v.filing.from_township and v.filing.receipt_no == "青山镇备〔2026〕1号"
    f = rules_service.facts(vid)
    assert f.filed and f.receipt and not f.correction
    rules_service.record_publication(session, vid, date(2026, 8, 15), "村务公开栏")
    assert rules_service.view(vid).status == proc.ST_IN_FORCE
    from desktop.reports.rules_documents import rule_text_html

    assert "备案回执 青山镇备〔2026〕1号" in rule_text_html(vid), "the printed text carries the township's receipt"
    # the township's records arrived as the township's, not retyped by the village
    assert {r.owner for r in RuleReview.select()} == {TOWNSHIP_CODE}
    assert RuleReview.select().count() == 2 and RuleFiling.select().count() == 1
    assert TownshipAnswer.select().count() == 1 and ReviewComment.select().count() == 1


def test_a_receipt_arriving_after_publication_puts_the_new_version_in_force_alone(tmp_path):
    township, village, usb = make_pair(tmp_path, demo=False)
    session = village.use()
    old, _ = rules_service.import_text(session, TEXT.replace("第三条 出嫁女不再享有本村集体土地承包和征地补偿的权利。\n", ""),
                                       "青山村村规民约")
    rules_service.add_opinion(session, old.id, date(2025, 6, 2), "forum", "同意", True)
    rules_service.close_solicitation(session, old.id, date(2025, 6, 20))
    rules_service.submit_for_review(session, old.id, date(2025, 7, 1))
    rules_service.record_review(session, old.id, proc.AGREE, date(2025, 7, 10), "镇民政办")
    rules_service.record_vote(session, old.id, _assembly(session, date(2025, 8, 6)), 0, women_present=90)
    rules_service.record_filing(session, old.id, date(2025, 8, 10), "镇民备〔2025〕3号", date(2025, 8, 12))
    rules_service.record_publication(session, old.id, date(2025, 8, 11), "村务公开栏")
    new = rules_service.revise(session, old.id, "proposal", started_on=date(2026, 6, 1))
    rules_service.add_opinion(session, new.id, date(2026, 6, 2), "forum", "建议修订", True)
    rules_service.close_solicitation(session, new.id, date(2026, 6, 20))
    rules_service.submit_for_review(session, new.id, date(2026, 7, 1))
    rules_service.record_review(session, new.id, proc.AGREE, date(2026, 7, 10), "镇民政办")
    rules_service.record_vote(session, new.id, _assembly(session, date(2026, 8, 6)), 0, women_present=90)
    rules_service.record_publication(session, new.id, date(2026, 8, 8), "村务公开栏")  # before any filing
    assert [v.status for v in rules_service.list_rule_sets()[0].versions] == [proc.ST_ADOPTED, proc.ST_IN_FORCE]
    package = _send(village, session, usb)
    close_database()

    session = _receive(township, package)
    review_service.record_filing(session, new.id, date(2026, 8, 10), date(2026, 8, 12))
    back = _send(township, session, usb, VILLAGE_CODE)
    close_database()

    _receive(village, back)
    assert [v.status for v in rules_service.list_rule_sets()[0].versions] == [proc.ST_IN_FORCE, proc.ST_SUPERSEDED]
