"""The adoption procedure of a 村规民约 version, as a state machine over facts.

The five steps of the 2018 guidance, strictly in order (DOMAIN §5.1, rule 10):
征集民意 → 拟定草案 → 提请审核 → 审议表决 → 备案公布. The state is *derived*
from what has been recorded (opinions, the draft's text fingerprint, the
township's opinion, the vote, the filing), never stored as a loose label, so it
cannot drift from the records. Every action answers "why not yet?" in plain
Chinese with its legal basis.

The township's opinion is bound to the fingerprint (SHA-256) of the exact text
it reviewed; a vote is bound to the text voted on. Changing the text after
review therefore re-opens review: the township must see what is put to vote.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from models.legal import RULES_OPINION_2018, LegalBasis, organic_law
from models.messages import QT_TRANSLATE_NOOP, Message, msg

_C = "rules_procedure"
_OPINION_BASIS = LegalBasis(RULES_OPINION_2018, "2018")

SOLICIT, DRAFT, REVIEW, VOTE, FILE = "solicit", "draft", "review", "vote", "file"
STEPS = (
    (SOLICIT, QT_TRANSLATE_NOOP(_C, "征集民意")),
    (DRAFT, QT_TRANSLATE_NOOP(_C, "拟定草案")),
    (REVIEW, QT_TRANSLATE_NOOP(_C, "提请审核")),
    (VOTE, QT_TRANSLATE_NOOP(_C, "审议表决")),
    (FILE, QT_TRANSLATE_NOOP(_C, "备案公布")),
)
STEP_LABELS = dict(STEPS)

AGREE, AGREE_AFTER_CHANGES, DISAGREE = "agree", "agree_after_changes", "disagree"
OPINIONS = {
    AGREE: QT_TRANSLATE_NOOP(_C, "同意"),
    AGREE_AFTER_CHANGES: QT_TRANSLATE_NOOP(_C, "修改后同意"),
    DISAGREE: QT_TRANSLATE_NOOP(_C, "不同意"),
}

# Derived status of a version.
ST_SOLICITING = "soliciting"
ST_DRAFTING = "drafting"
ST_IN_REVIEW = "in_review"
ST_REVIEWED = "reviewed"
ST_ADOPTED = "adopted"  # voted, not yet filed and published
ST_IN_FORCE = "in_force"
ST_HISTORY = "history"  # adopted before the app; entered as history
ST_SUPERSEDED = "superseded"
STATUS_LABELS = {
    ST_SOLICITING: QT_TRANSLATE_NOOP(_C, "征集民意中"),
    ST_DRAFTING: QT_TRANSLATE_NOOP(_C, "起草中"),
    ST_IN_REVIEW: QT_TRANSLATE_NOOP(_C, "已报乡镇审核"),
    ST_REVIEWED: QT_TRANSLATE_NOOP(_C, "审核已通过,待表决"),
    ST_ADOPTED: QT_TRANSLATE_NOOP(_C, "已表决通过,待备案公布"),
    ST_IN_FORCE: QT_TRANSLATE_NOOP(_C, "已生效"),
    ST_HISTORY: QT_TRANSLATE_NOOP(_C, "历史版本(补录)"),
    ST_SUPERSEDED: QT_TRANSLATE_NOOP(_C, "已被新版本取代"),
}
#: ST_ADOPTED once the township's 备案 is known (the 公布 is what is left): "待备案公布" would be wrong then.
ADOPTED_FILED_LABEL = QT_TRANSLATE_NOOP(_C, "已备案,待公布")


def fingerprint(articles: list[tuple[str, str, str]]) -> str:
    """SHA-256 of the exact text: (chapter, label, text) of every article, in order."""
    canonical = json.dumps([list(a) for a in articles], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class VoteFacts:
    """The vote that adopted (or failed to adopt) the text."""

    meeting_valid: bool  # quorum met and no error in the meeting
    passed: bool
    is_assembly: bool  # a form of the 村民会议
    women_present: int
    fingerprint: str  # of the text put to vote
    body_finding: Message | None = None  # who-may-decide finding (warning/error), if any
    body_severity: str = ""
    held_on: str = ""  # the vote meeting's day (ISO): its findings cite the 组织法 in force then
    #: A 村民代表会议's composition findings (组织法 25, the meetings engine's): reported beside the vote,
    #: never a reason to void it.
    composition: tuple[tuple[Message, LegalBasis | None], ...] = ()


@dataclass
class VersionFacts:
    """Everything recorded about one version."""

    is_history: bool = False
    superseded: bool = False
    opinions: int = 0
    solicitation_closed: bool = False
    articles: int = 0
    current_fingerprint: str = ""
    submitted_fingerprint: str = ""
    review_opinion: str = ""  # AGREE / AGREE_AFTER_CHANGES / DISAGREE, "" if none yet
    review_fingerprint: str = ""
    vote: VoteFacts | None = None
    filed: bool = False  # filing sent to the township, with date
    receipt: bool = False  # township receipt number and date recorded
    published: bool = False
    correction: str = ""  # the township's 责令改正 on the filed text ("" if none)
    filed_on: str = ""  # the filing's day (ISO): its findings cite the 组织法 in force then


@dataclass
class StepState:
    """One step on the timeline: done, what blocks it, and warnings."""

    code: str
    done: bool
    blocked_by: list[Message] = field(default_factory=list)
    warnings: list[tuple[Message, LegalBasis | None]] = field(default_factory=list)


def _m(template: str, **params) -> Message:
    return msg(_C, template, **params)


def review_valid(f: VersionFacts) -> bool:
    """The township agreed to exactly the current text."""
    return (f.review_opinion == AGREE and bool(f.current_fingerprint)
            and f.review_fingerprint == f.current_fingerprint)


def vote_valid(f: VersionFacts) -> bool:
    """A valid meeting passed exactly the reviewed text."""
    v = f.vote
    return bool(v and v.meeting_valid and v.passed and v.fingerprint == f.current_fingerprint
                and v.body_severity != "error")


def status(f: VersionFacts) -> str:
    """The derived status of the version."""
    if f.superseded:
        return ST_SUPERSEDED
    if f.is_history:
        return ST_HISTORY
    if vote_valid(f) and f.filed and f.published:
        return ST_IN_FORCE
    if vote_valid(f):
        return ST_ADOPTED
    if review_valid(f):
        return ST_REVIEWED
    if f.submitted_fingerprint and f.submitted_fingerprint == f.current_fingerprint and not f.review_opinion:
        return ST_IN_REVIEW
    if f.solicitation_closed:
        return ST_DRAFTING
    return ST_SOLICITING


def steps(f: VersionFacts) -> list[StepState]:
    """Each step's state, with the reasons a step cannot be taken yet."""
    solicit = StepState(SOLICIT, f.solicitation_closed or f.is_history)
    if not solicit.done and f.opinions == 0:
        solicit.blocked_by.append(_m(QT_TRANSLATE_NOOP(_C, "还没有登记任何村民意见。请先入户、座谈或收集意见箱的意见。")))
    draft = StepState(DRAFT, f.articles > 0 and solicit.done)
    if not solicit.done:
        draft.blocked_by.append(_m(QT_TRANSLATE_NOOP(_C, "请先完成“征集民意”。")))
    if f.articles == 0:
        draft.blocked_by.append(_m(QT_TRANSLATE_NOOP(_C, "草案还没有条款。")))
    review = StepState(REVIEW, review_valid(f))
    if not draft.done:
        review.blocked_by.append(_m(QT_TRANSLATE_NOOP(_C, "请先完成“拟定草案”。")))
    elif f.review_opinion and f.review_fingerprint != f.current_fingerprint:
        review.blocked_by.append(_m(QT_TRANSLATE_NOOP(
            _C, "草案在乡镇审核后又修改过,需要把修改后的文本重新报乡镇审核。")))
    elif f.review_opinion == DISAGREE:
        review.blocked_by.append(_m(QT_TRANSLATE_NOOP(_C, "乡镇审核意见为“不同意”,请按意见修改后重新报审。")))
    elif f.review_opinion == AGREE_AFTER_CHANGES:
        review.blocked_by.append(_m(QT_TRANSLATE_NOOP(
            _C, "乡镇意见为“修改后同意”:请按意见修改草案,再报乡镇确认。")))
    elif not f.submitted_fingerprint or f.submitted_fingerprint != f.current_fingerprint:
        review.blocked_by.append(_m(QT_TRANSLATE_NOOP(_C, "草案还没有报乡镇审核。")))
    elif not f.review_opinion:
        review.blocked_by.append(_m(QT_TRANSLATE_NOOP(_C, "等待乡镇的审核意见。")))
    vote = StepState(VOTE, vote_valid(f))
    if not review.done:
        vote.blocked_by.append(_m(QT_TRANSLATE_NOOP(_C, "乡镇审核同意之前,不能提交表决。")))
    if f.vote is not None:
        v = f.vote
        if not v.meeting_valid:
            vote.blocked_by.append(_m(QT_TRANSLATE_NOOP(_C, "表决会议未达到法定人数或记录有误,表决无效,需要重新召开会议。")))
        elif not v.passed:
            vote.blocked_by.append(_m(QT_TRANSLATE_NOOP(_C, "表决未通过。")))
        if v.fingerprint != f.current_fingerprint:
            vote.blocked_by.append(_m(QT_TRANSLATE_NOOP(_C, "表决的文本与现在的草案不一致。")))
        if v.women_present == 0 and v.is_assembly:
            vote.warnings.append((_m(QT_TRANSLATE_NOOP(
                _C, "表决会议没有妇女参加。按照规定,表决应有一定比例的妇女参会。")), _OPINION_BASIS))
        elif v.women_present == 0:  # a 村民代表会议: the women counted are women representatives
            vote.warnings.append((_m(QT_TRANSLATE_NOOP(
                _C, "表决会议没有妇女村民代表参加(村委会成员不算村民代表)。按照规定,表决应有一定比例的妇女参会。")),
                _OPINION_BASIS))
        vote.warnings.extend(v.composition)
        if v.body_finding is not None:
            if v.body_severity == "error":
                vote.blocked_by.append(v.body_finding)
            else:
                vote.warnings.append((v.body_finding, organic_law(27, on=v.held_on)))
    filing = StepState(FILE, f.filed and f.published and vote.done)
    if not vote.done:
        filing.blocked_by.append(_m(QT_TRANSLATE_NOOP(_C, "表决通过之后才能备案和公布。")))
    if not f.filed:
        filing.blocked_by.append(_m(QT_TRANSLATE_NOOP(_C, "还没有报乡镇备案。")))
    if not f.published:
        filing.blocked_by.append(_m(QT_TRANSLATE_NOOP(_C, "还没有公布。")))
    if f.filed and not f.receipt:
        filing.warnings.append((_m(QT_TRANSLATE_NOOP(_C, "已报备案,尚未登记乡镇的备案回执。")),
                                organic_law(27, on=f.filed_on)))
    if f.correction:
        filing.warnings.append((_m(QT_TRANSLATE_NOOP(_C, "乡镇责令改正:{text}"), text=f.correction),
                                organic_law(27, on=f.filed_on)))
    if f.is_history:
        for s in (draft, review, vote, filing):
            s.done, s.blocked_by = True, []
    return [solicit, draft, review, vote, filing]


def next_step(f: VersionFacts) -> str | None:
    """The first step not done (None when the version is in force or history)."""
    return next((s.code for s in steps(f) if not s.done), None)


def can_edit_text(f: VersionFacts) -> list[Message]:
    """Reasons the text may not be edited (an adopted version is frozen)."""
    st = status(f)
    if st in (ST_ADOPTED, ST_IN_FORCE, ST_HISTORY, ST_SUPERSEDED):
        return [_m(QT_TRANSLATE_NOOP(_C, "这个版本已经表决通过(或是历史版本),文本不能再改。如需修订,请从它新建一个修订草案。"))]
    return []


def can_submit(f: VersionFacts) -> list[Message]:
    """Reasons the draft cannot be sent to the township for review yet."""
    reasons = [m for s in steps(f)[:2] for m in s.blocked_by]
    if f.submitted_fingerprint == f.current_fingerprint and not f.review_opinion:
        reasons.append(_m(QT_TRANSLATE_NOOP(_C, "这份草案已经报审,正在等待乡镇意见。")))
    if review_valid(f):
        reasons.append(_m(QT_TRANSLATE_NOOP(_C, "乡镇已经同意这份草案,不需要再报审。")))
    elif (f.review_opinion in (AGREE_AFTER_CHANGES, DISAGREE) and f.current_fingerprint
          and f.review_fingerprint == f.current_fingerprint):
        reasons.append(_m(QT_TRANSLATE_NOOP(
            _C, "乡镇对这份文本的意见是“{opinion}”:请先按意见修改条文,再报乡镇审核。"),
            opinion=OPINIONS[f.review_opinion]))
    return reasons + can_edit_text(f)


def can_record_vote(f: VersionFacts) -> list[Message]:
    """Reasons a vote cannot be recorded yet."""
    reasons = [m for s in steps(f)[:3] for m in s.blocked_by]
    return reasons + can_edit_text(f)


def can_record_filing(f: VersionFacts) -> list[Message]:
    """Reasons filing/publication cannot be recorded yet."""
    if vote_valid(f):
        return []
    return list(steps(f)[3].blocked_by) or [_m(QT_TRANSLATE_NOOP(_C, "表决通过之后才能备案和公布。"))]
