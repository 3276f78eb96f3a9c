"""The five-step procedure: every illegal transition is refused with a reason."""

from __future__ import annotations

from dataclasses import replace

import pytest

from models.rules import procedure as p

TEXT = [("", "第一条", "村民应遵守法律。"), ("", "第二条", "本约自通过之日起施行。")]
FP = p.fingerprint(TEXT)


def walk(upto: str) -> p.VersionFacts:
    f = p.VersionFacts(opinions=3, articles=2, current_fingerprint=FP)
    if upto == "start":
        return replace(f, opinions=0)
    f.solicitation_closed = True
    if upto == "drafted":
        return f
    f.submitted_fingerprint = FP
    if upto == "submitted":
        return f
    f.review_opinion, f.review_fingerprint = p.AGREE, FP
    if upto == "reviewed":
        return f
    f.vote = p.VoteFacts(True, True, True, 12, FP)
    if upto == "voted":
        return f
    f.filed, f.receipt, f.published = True, True, True
    return f


@pytest.mark.parametrize(("stage", "status", "next_step"), [
    ("start", p.ST_SOLICITING, p.SOLICIT),
    ("drafted", p.ST_DRAFTING, p.REVIEW),
    ("submitted", p.ST_IN_REVIEW, p.REVIEW),
    ("reviewed", p.ST_REVIEWED, p.VOTE),
    ("voted", p.ST_ADOPTED, p.FILE),
    ("done", p.ST_IN_FORCE, None),
])
def test_the_happy_path(stage, status, next_step):
    f = walk(stage)
    assert p.status(f) == status
    assert p.next_step(f) == next_step


def test_cannot_submit_before_soliciting_or_without_articles():
    assert p.can_submit(walk("start"))
    f = replace(walk("drafted"), articles=0)
    assert any("没有条款" in str(m) for m in p.can_submit(f))


def test_cannot_submit_twice_or_after_agreement():
    assert any("正在等待" in str(m) for m in p.can_submit(walk("submitted")))
    assert any("不需要再报审" in str(m) for m in p.can_submit(walk("reviewed")))


def test_cannot_vote_before_review_agrees():
    for stage in ("start", "drafted", "submitted"):
        assert p.can_record_vote(walk(stage)), stage
    for opinion in (p.DISAGREE, p.AGREE_AFTER_CHANGES):
        f = replace(walk("reviewed"), review_opinion=opinion)
        assert p.can_record_vote(f) and p.status(f) != p.ST_REVIEWED


def test_changing_the_text_after_review_reopens_review():
    f = replace(walk("reviewed"), current_fingerprint=p.fingerprint(TEXT + [("", "第三条", "新加的。")]))
    assert p.status(f) == p.ST_DRAFTING
    assert any("重新报乡镇审核" in str(m) for m in p.can_record_vote(f))


def test_a_vote_without_quorum_or_failed_does_not_adopt():
    for vote in (p.VoteFacts(False, True, True, 10, FP), p.VoteFacts(True, False, True, 10, FP)):
        f = replace(walk("reviewed"), vote=vote)
        assert p.status(f) == p.ST_REVIEWED
        assert p.can_record_filing(f)


def test_no_women_and_wrong_body_are_flagged():
    vote = p.VoteFacts(True, True, False, 0, FP, body_finding=p._m("由村民代表会议表决"), body_severity="warning")
    state = p.steps(replace(walk("reviewed"), vote=vote))[3]
    assert state.done
    texts = [str(m) for m, _b in state.warnings]
    assert any("妇女" in t for t in texts) and any("村民代表会议" in t for t in texts)
    blocking = p.VoteFacts(True, True, False, 5, FP, body_finding=p._m("上海:须村民会议"), body_severity="error")
    assert p.status(replace(walk("reviewed"), vote=blocking)) == p.ST_REVIEWED


def test_not_in_force_without_filing_and_publication():
    for filed, published in ((False, True), (True, False)):
        f = replace(walk("done"), filed=filed, published=published)
        assert p.status(f) == p.ST_ADOPTED


def test_adopted_text_is_frozen_and_history_needs_no_steps():
    assert p.can_edit_text(walk("voted")) and p.can_edit_text(walk("done"))
    history = p.VersionFacts(is_history=True, articles=5, current_fingerprint=FP)
    assert p.status(history) == p.ST_HISTORY and p.next_step(history) is None
    assert p.can_edit_text(history)


def test_fingerprint_sees_every_character():
    assert p.fingerprint(TEXT) != p.fingerprint([("", "第一条", "村民应遵守法律!"), TEXT[1]])


@pytest.mark.parametrize("opinion", [p.AGREE_AFTER_CHANGES, p.DISAGREE])
def test_the_same_text_cannot_go_back_after_the_township_asked_for_changes(opinion):
    f = replace(walk("submitted"), review_opinion=opinion, review_fingerprint=FP)
    assert any("请先按意见修改条文" in str(m) for m in p.can_submit(f))
    changed = replace(f, current_fingerprint="b" * 64)
    assert not p.can_submit(changed), "once the text changed it may be submitted again"
