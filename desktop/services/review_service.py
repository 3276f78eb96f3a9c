"""审核备案 at the township: the villages' drafts, opinions, the 备案 register, escalated matters.

The township reads the villages' records (imported from their packages, each
with owner = the village's code) and writes only its own records about them
(`models.township.records`, `ReviewComment` owned by the township); those
travel back to the village in the next return package. The rules of what may
be recorded live in `models.township.review`; this module adds the database,
permissions (`REVIEW_RULES`) and one transaction per action.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.services import (
    document_settings,
    meetings_batch,
    read_models,
    record_store,
    rule_facts,
    rules_service,
    setup_service,
)
from desktop.services.read_models import snapshot, snapshot_or_none
from desktop.services.session import Session
from models.db import database
from models.disclosure.records import DisclosureItem, Feedback
from models.entities import MODE_COUNTY, MODE_TOWNSHIP, Village
from models.errors import NotFound, PermissionDenied, ValidationError
from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.roles import Permission
from models.rules import diff as diff_mod
from models.rules import legality
from models.rules import procedure as proc
from models.rules.records import ReviewComment, RuleVersion
from models.supervision.records import SupervisionMatter
from models.sync.records import Peer
from models.township import review as rv
from models.township.records import RuleFiling, RuleReview, TownshipAnswer

_C = "review"

MATTER, FEEDBACK = "matter", "feedback"


def _invalid(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def _refuse(reasons: list[Message]) -> None:
    if reasons:
        raise ValidationError(reasons[0] if len(reasons) == 1 else msg(
            _C, QT_TRANSLATE_NOOP(_C, "现在不能这样做:{reasons}"), reasons=";".join(str(r) for r in reasons)))


def _require(session: Session) -> str:
    """Only a township reviewer acts here; returns the township's code."""
    session.require(Permission.REVIEW_RULES)
    info = session.installation_info()
    if info is None or info.mode != MODE_TOWNSHIP:
        raise PermissionDenied(msg(_C, QT_TRANSLATE_NOOP(_C, "审核备案只能在乡镇的电脑上办理。")))
    return info.code


def _own_code() -> str:
    info = setup_service.current()
    return info.code if info else ""


def village_names() -> dict[str, str]:
    """Village code → name, from the enrolled peers and the village register (not the county's peer: not a village)."""
    names = {v.code: v.name for v in Village.select(Village.code, Village.name)}
    names.update({p.code: p.name for p in Peer.select(Peer.code, Peer.name).where(Peer.kind != MODE_COUNTY)})
    return names


def _village_version(version_id: str) -> RuleVersion:
    v = RuleVersion.get_or_none((RuleVersion.id == version_id) & (RuleVersion.deleted == False))  # noqa: E712
    if v is None or v.owner == _own_code():
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这份村规民约草案。")))
    return v


def _latest_review(v: RuleVersion) -> RuleReview | None:
    # Only the township's own opinions: a rule_review the village authored itself is none.
    return (RuleReview.live().where((RuleReview.version == v.id) & (RuleReview.owner != v.owner))
            .order_by(RuleReview.reviewed_on.desc(), RuleReview.seq.desc()).first())


# --- the queue ---------------------------------------------------------------------

@dataclass(frozen=True)
class QueueRow:
    """A draft a village submitted for review."""

    version_id: str
    village_code: str
    village_name: str
    title: str
    version_no: int
    submitted_on: str
    state: str  # review.PENDING / CHANGED / REVIEWED
    opinion: str  # the township's opinion when reviewed, else ""
    reviewed_on: str
    articles: int
    unlawful: int  # legality findings of severity error
    warnings: int
    #: "村里自报已审核(乡镇无审核记录,请核实)" when the village recorded a paper opinion itself and the
    #: township has none on this text: shown to check, never counted ("" otherwise).
    self_declared: str = ""


def _check(v: RuleVersion, lines, vote_days: dict[str, str] | None = None) -> list[legality.LegalityFinding]:
    """The legality findings of `lines`, citing the 组织法 in force on the day the text is judged by.

    `vote_days`: the vote meetings' days when a list read them at once (`rule_facts.vote_days`).
    """
    return legality.check_articles([a.text for a in lines], on=rules_service.judged_on(v, vote_days))


def _reviews_of(versions: list[RuleVersion]) -> dict[str, list[RuleReview]]:
    """The live `rule_review` rows of many versions (version id → rows), read at once."""
    out: dict[str, list[RuleReview]] = {}
    for ids in meetings_batch.chunks(v.id for v in versions):
        for r in RuleReview.live().where(RuleReview.version.in_(ids)):
            out.setdefault(r.version_id, []).append(r)
    return out


def _latest_of(v: RuleVersion, rows: list[RuleReview]) -> RuleReview | None:
    """`_latest_review(v)` chosen from the version's rows: the township's latest opinion on any of its texts."""
    return max((r for r in rows if r.owner != v.owner),
               key=lambda r: (rule_facts.sql_order(r.reviewed_on), rule_facts.sql_order(r.seq)), default=None)


def queue(include_reviewed: bool = True) -> list[QueueRow]:
    """Drafts submitted by the villages: waiting first (oldest submission first), then reviewed.

    One pass for every village: the versions, the township's opinions, the facts of their
    rule sets (`rule_facts.facts_of_sets`) and the articles are each read once, not per draft.
    """
    names = village_names()
    own = _own_code()
    versions = list(RuleVersion.live().where((RuleVersion.submitted_fingerprint != "") & (RuleVersion.owner != own)
                                             & (RuleVersion.is_history == False)))  # noqa: E712 - peewee expression
    reviews = _reviews_of(versions)
    listed = []
    for v in versions:
        latest = _latest_of(v, reviews.get(v.id, []))
        reviewed_this_text = latest is not None and latest.fingerprint == v.submitted_fingerprint
        # Cheap exits before the facts (a vote's facts evaluate its whole meeting):
        if reviewed_this_text and not include_reviewed:
            continue
        if v.published_on and latest is None:
            continue  # published, so voted and filed: reviewed on paper, nothing for the queue
        listed.append((v, latest))
    facts = rule_facts.facts_of_sets({v.rule_set_id for v, _latest in listed}) if listed else {}
    kept = []
    for v, latest in listed:
        f = facts[v.id]
        state = rv.queue_state(f, latest.fingerprint if latest else "")
        if state is None or (state == rv.REVIEWED and not include_reviewed):
            continue
        if state != rv.REVIEWED and proc.vote_valid(f):
            continue  # voted without our opinion on this text (paper review): nothing to do here
        kept.append((v, latest, f, state))
    lines = rule_facts.articles_of(v.id for v, *_rest in kept)
    days = rule_facts.vote_days(v for v, *_rest in kept)
    out = []
    for v, latest, f, state in kept:
        findings = _check(v, lines.get(v.id, []), days)
        bad = len(rv.unlawful(findings))
        reviewed = state == rv.REVIEWED
        out.append(QueueRow(v.id, v.owner, names.get(v.owner, v.owner), v.title, v.version_no, v.submitted_on,
                            state, latest.opinion if reviewed and latest else "",
                            latest.reviewed_on if reviewed and latest else "", f.articles, bad,
                            len(findings) - bad,
                            "" if reviewed else _self_declared(v, reviews.get(v.id, []))))
    waiting = sorted((r for r in out if r.state != rv.REVIEWED),
                     key=lambda r: (r.state != rv.PENDING, r.submitted_on, r.village_name))
    reviewed = sorted((r for r in out if r.state == rv.REVIEWED), key=lambda r: r.reviewed_on, reverse=True)
    return waiting + reviewed


def _self_declared(v: RuleVersion, reviews: list[RuleReview] | None = None) -> str:
    """The warning for a village's own paper opinion the township has no record of ("" if none).

    `reviews`: the version's live `rule_review` rows when a list read them at once.
    """
    review = (rule_facts.review_info(v) if reviews is None
              else rule_facts.latest_review_info(v, reviews))
    return rule_facts.self_declared_review_note() if review is not None and review.self_declared else ""


# --- one draft ---------------------------------------------------------------------

@dataclass(frozen=True)
class CommentRow:
    """A township comment on one article (position 0: on the whole text)."""

    id: str
    position: int
    comment: str


@dataclass(frozen=True)
class ArticleRow:
    """An article with its legality findings and the township's comments beside it."""

    position: int
    chapter: str
    label: str
    text: str
    findings: tuple[legality.LegalityFinding, ...]
    comments: tuple[CommentRow, ...]


@dataclass(frozen=True)
class ReviewRow:
    """An opinion the township recorded."""

    opinion: str
    fingerprint: str
    reviewed_on: str
    reviewer: str
    text: str


@dataclass(frozen=True)
class DraftView:
    """Everything the reviewer sees of one draft."""

    version_id: str
    village_code: str
    village_name: str
    title: str
    version_no: int
    submitted_on: str
    submitted_fingerprint: str
    current_fingerprint: str
    state: str | None
    articles: tuple[ArticleRow, ...]
    general_comments: tuple[CommentRow, ...]
    in_force_id: str | None  # the village's version in force, to compare against
    in_force_label: str
    diff: tuple[diff_mod.DiffEntry, ...]
    review: ReviewRow | None  # the township's latest opinion on this version
    blocked_by: tuple[Message, ...]  # why no opinion may be recorded now
    #: The village's own paper opinion with none of the township's: a warning to check, never an opinion.
    self_declared: str = ""

    @property
    def can_review(self) -> bool:
        """An opinion may be recorded on the text shown."""
        return not self.blocked_by


def in_force_version(v: RuleVersion) -> read_models.RuleVersionView | None:
    """The village's version of the same rule set in force (or history still standing), else its base."""
    best = None
    for other in RuleVersion.live().where((RuleVersion.rule_set == v.rule_set_id) & (RuleVersion.id != v.id)
                                          & (RuleVersion.owner == v.owner)):
        status = proc.status(rules_service.facts(other.id))
        if status == proc.ST_IN_FORCE:
            return snapshot_or_none(other)
        if status == proc.ST_HISTORY and (best is None or other.version_no > best.version_no):
            best = other
    if best is None and v.based_on_id:
        best = RuleVersion.get_or_none(RuleVersion.id == v.based_on_id)
    return snapshot_or_none(best)


def _comments(v: RuleVersion, fingerprint: str) -> list[CommentRow]:
    own = _own_code()
    rows = (ReviewComment.live()
            .where((ReviewComment.version == v.id) & (ReviewComment.owner == own)
                   & (ReviewComment.fingerprint == fingerprint))
            .order_by(ReviewComment.position, ReviewComment.seq))
    return [CommentRow(c.id, c.position, c.comment) for c in rows]


def draft(version_id: str) -> DraftView:
    """One submitted draft: articles with findings and comments, the diff, the opinion so far."""
    v = _village_version(version_id)
    f = rules_service.facts(v.id)
    lines = rules_service.articles(v.id)
    findings = _check(v, lines)
    comments = _comments(v, v.submitted_fingerprint)
    rows = tuple(
        ArticleRow(i, a.chapter, a.label, a.text, tuple(x for x in findings if x.article == i),
                   tuple(c for c in comments if c.position == i))
        for i, a in enumerate(lines, start=1))
    base = in_force_version(v)
    diff = tuple(rules_service.compare(base.id, v.id)) if base is not None else ()
    latest = _latest_review(v)
    return DraftView(
        v.id, v.owner, village_names().get(v.owner, v.owner), v.title, v.version_no, v.submitted_on,
        v.submitted_fingerprint, f.current_fingerprint, rv.queue_state(f, latest.fingerprint if latest else ""),
        rows, tuple(c for c in comments if c.position == 0),
        base.id if base else None, rules_service.version_label(base.id) if base else "", diff,
        ReviewRow(latest.opinion, latest.fingerprint, latest.reviewed_on, latest.reviewer, latest.text)
        if latest else None,
        tuple(_review_reasons(v, f, None)),
        "" if latest is not None and latest.fingerprint == v.submitted_fingerprint else _self_declared(v))


def _review_reasons(v: RuleVersion, f: proc.VersionFacts, seen: str | None) -> list[Message]:
    reasons = rv.can_review(f, seen)
    if not reasons:
        latest = _latest_review(v)
        if latest is not None and latest.fingerprint == v.submitted_fingerprint:
            reasons.append(msg(_C, QT_TRANSLATE_NOOP(
                _C, "已于 {on} 对这份文本登记了审核意见;村里修改后重新报审,才能再次审核。"), on=latest.reviewed_on))
    return reasons


def add_comment(session: Session, version_id: str, position: int, comment: str,
                seen_fingerprint: str | None = None) -> read_models.ReviewCommentView:
    """A comment on one article (0: on the whole text), bound to the submitted text."""
    _require(session)
    v = _village_version(version_id)
    if not comment.strip():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请写下对这一条的意见。"))
    count = rules_service.facts(v.id).articles
    if not 0 <= position <= count:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "草案没有第 {n} 条。"), n=position)
    _refuse(_review_reasons(v, rules_service.facts(v.id), seen_fingerprint))
    return snapshot(record_store.create(
        session, ReviewComment, version=v, fingerprint=v.submitted_fingerprint, position=position,
        comment=comment.strip()))


def remove_comment(session: Session, comment_id: str) -> None:
    """Take back a comment (before the opinion is recorded)."""
    _require(session)
    row = ReviewComment.get_or_none((ReviewComment.id == comment_id) & (ReviewComment.deleted == False))  # noqa: E712
    if row is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "这条意见已经不存在。")))
    v = _village_version(row.version_id)
    latest = _latest_review(v)
    if latest is not None and latest.fingerprint == row.fingerprint:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "审核意见已经登记,随意见发出的逐条意见不能再删除。"))
    record_store.soft_delete(session, row)


def record_opinion(session: Session, version_id: str, opinion: str, on: date, reviewer: str,
                   text: str = "", seen_fingerprint: str | None = None) -> read_models.RuleReviewView:
    """The township's opinion on the submitted text (同意 / 修改后同意 / 不同意).

    `seen_fingerprint` is the fingerprint the reviewer's screen showed: an
    opinion is refused if the village's submitted text is no longer that one.
    """
    _require(session)
    v = _village_version(version_id)
    f = rules_service.facts(v.id)
    _refuse(_review_reasons(v, f, seen_fingerprint))
    comments = len(_comments(v, v.submitted_fingerprint))
    _refuse(rv.opinion_reasons(opinion, text, comments))
    if on.isoformat() < v.submitted_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "审核日期不能早于该村报审的日期({day})。"), day=v.submitted_on)
    if not reviewer.strip():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写审核人或审核单位,例如“镇民政办”。"))
    return snapshot(record_store.create(
        session, RuleReview, version=v, fingerprint=v.submitted_fingerprint, opinion=opinion,
        reviewed_on=on.isoformat(), reviewer=reviewer.strip(), text=text.strip()))


# --- 备案 ----------------------------------------------------------------------------

#: Register states. PAPER: the village recorded a receipt itself (a paper one the township gave before
#: this software, or a claim): NOT filed until the township records it here (补登) — at the township
#: 备案 is only what its own register holds, so a village cannot declare itself filed.
WAITING, FILED, CORRECTION, PAPER = "waiting", "filed", "correction", "paper"
FILING_LABELS = {
    WAITING: QT_TRANSLATE_NOOP(_C, "待备案"),
    FILED: QT_TRANSLATE_NOOP(_C, "已备案"),
    CORRECTION: QT_TRANSLATE_NOOP(_C, "已备案,责令改正"),
    PAPER: QT_TRANSLATE_NOOP(_C, "村里自报已备案(乡镇无备案记录,请核实)"),
}


@dataclass(frozen=True)
class FilingRow:
    """A line of the 备案 register: an adopted version and its receipt (if given)."""

    version_id: str
    village_code: str
    village_name: str
    title: str
    version_no: int
    voted_on: str
    sent_on: str  # the village's own filing date, when it recorded one
    state: str  # WAITING / FILED / CORRECTION
    filing_id: str | None
    received_on: str
    receipt_no: str
    receipt_date: str
    correction: str
    unlawful: int
    village_receipt: str = ""  # the receipt number the village typed from a paper receipt, if any
    village_receipt_date: str = ""  # and that receipt's date


def _voted_on(v: RuleVersion, vote_days: dict[str, str] | None = None) -> str:
    """The day of the version's vote meeting ("" without one); `vote_days` when a list read them at once."""
    if vote_days is not None and v.vote_meeting_id:
        return vote_days.get(v.vote_meeting_id, "")
    from models.meetings.records import Meeting

    meeting = Meeting.get_or_none(Meeting.id == v.vote_meeting_id) if v.vote_meeting_id else None
    return meeting.held_on if meeting else ""


def filing_register() -> list[FilingRow]:
    """Every adopted version of the villages: waiting for 备案 first, then the register by receipt date.

    A version the village recorded a receipt for itself, with none in the township's register, is
    PAPER: a claim to check and 补登, not filed — the compliance board shows the same warning, so
    the two screens agree. One pass for every village: the versions, the facts of their rule sets
    (each vote meeting judged, `rule_facts.facts_of_sets`), the vote days and the articles are each
    read once, not per version; the 备案登记 tab still reads it off the UI thread.
    """
    names = village_names()
    own = _own_code()
    filings: dict[str, RuleFiling] = {}
    for filing in (RuleFiling.live().where(RuleFiling.owner == own)
                   .order_by(RuleFiling.receipt_date, RuleFiling.seq)):
        filings[filing.version_id] = filing  # the latest wins
    # replaced before anyone filed it: nothing to register (left out before the costly facts)
    versions = [v for v in RuleVersion.live().where((RuleVersion.owner != own)
                                                    & (RuleVersion.vote_meeting.is_null(False)))
                if not (v.superseded and v.id not in filings)]
    facts = rule_facts.facts_of_sets({v.rule_set_id for v in versions}) if versions else {}
    kept = []
    for v in versions:
        f = facts[v.id]
        if not proc.vote_valid(f) and not f.superseded:
            continue
        if v.id not in filings and f.superseded:
            continue
        kept.append(v)
    lines = rule_facts.articles_of(v.id for v in kept)
    days = rule_facts.vote_days(kept)
    rows = []
    for v in kept:
        filing = filings.get(v.id)
        bad = len(rv.unlawful(_check(v, lines.get(v.id, []), days)))
        if filing is not None:
            state = CORRECTION if filing.correction else FILED
        else:
            state = PAPER if (v.receipt_no or v.receipt_date) else WAITING
        rows.append(FilingRow(
            v.id, v.owner, names.get(v.owner, v.owner), v.title, v.version_no, _voted_on(v, days), v.filed_on,
            state, filing.id if filing else None, filing.received_on if filing else "",
            filing.receipt_no if filing else "", filing.receipt_date if filing else "",
            filing.correction if filing else "", bad, v.receipt_no, v.receipt_date))
    waiting = sorted((r for r in rows if r.state == WAITING), key=lambda r: (r.voted_on, r.village_name))
    claimed = sorted((r for r in rows if r.state == PAPER),
                     key=lambda r: (r.village_receipt_date, r.village_receipt), reverse=True)
    done = sorted((r for r in rows if r.state not in (WAITING, PAPER)),
                  key=lambda r: (r.receipt_date, r.receipt_no), reverse=True)
    return waiting + claimed + done


def _receipts_used() -> list[str]:
    own = _own_code()
    return [r.receipt_no for r in RuleFiling.select(RuleFiling.receipt_no).where(RuleFiling.owner == own)]


def suggested_receipt_no(on: date) -> str:
    """The next free receipt number of `on`'s year, e.g. 青山镇备〔2026〕3号 (the township's 文号 pattern)."""
    return document_settings.next_receipt_no(on, _receipts_used())


def next_document_numbers(year: int) -> dict[str, int]:
    """The number each kind of the township's documents gets next in `year` (公文设置's 示例)."""
    return document_settings.next_numbers(year, _receipts_used())


@dataclass(frozen=True)
class FilingDraft:
    """What the filing dialog starts from."""

    version_id: str
    label: str
    village_name: str
    voted_on: str
    receipt_no: str
    unlawful: tuple[legality.LegalityFinding, ...]
    labels: dict[int, str]
    suggested_correction: str
    blocked_by: tuple[Message, ...]
    paper_receipt_no: str = ""  # the village's record of a paper receipt: 补登 starts from it
    paper_receipt_date: str = ""
    sent_on: str = ""  # the day the village recorded sending it for 备案


def filing_draft(version_id: str, on: date | None = None) -> FilingDraft:
    """The starting point of recording 备案 of a version."""
    v = _village_version(version_id)
    lines = rules_service.articles(v.id)
    labels = {i: a.label or str(i) for i, a in enumerate(lines, start=1)}
    findings = _check(v, lines)
    reasons = list(rv.can_file(rules_service.facts(v.id)))
    if _existing_filing(v) is not None:
        reasons.append(msg(_C, QT_TRANSLATE_NOOP(_C, "这个版本已经备案。")))
    paper_day = _iso_day(v.receipt_date) if v.receipt_no or v.receipt_date else None
    number = suggested_receipt_no(on or paper_day or date.today())
    if v.receipt_no and not _receipt_taken(v.receipt_no):
        number = v.receipt_no  # 补登 of a paper receipt keeps the number on the paper
    return FilingDraft(v.id, rules_service.version_label(v.id), village_names().get(v.owner, v.owner),
                       _voted_on(v), number, tuple(rv.unlawful(findings)),
                       labels, rv.suggested_correction(findings, labels), tuple(reasons),
                       v.receipt_no, v.receipt_date, v.filed_on)


def _iso_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _receipt_taken(number: str) -> bool:
    return RuleFiling.select().where((RuleFiling.owner == _own_code()) & (RuleFiling.receipt_no == number)).exists()


def _existing_filing(v: RuleVersion) -> RuleFiling | None:
    return RuleFiling.live().where((RuleFiling.version == v.id) & (RuleFiling.owner == _own_code())).first()


def record_filing(session: Session, version_id: str, received_on: date, receipt_date: date,
                  receipt_no: str = "", correction: str = "") -> read_models.RuleFilingView:
    """备案: register the adopted text with a receipt number (generated when left empty)."""
    _require(session)
    v = _village_version(version_id)
    f = rules_service.facts(v.id)
    _refuse(rv.can_file(f))
    if _existing_filing(v) is not None:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这个版本已经备案。"))
    voted_on = _voted_on(v)
    if received_on.isoformat() < voted_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "收到备案的日期不能早于表决日期({day})。"), day=voted_on)
    if receipt_date < received_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "回执日期不能早于收到备案的日期。"))
    if receipt_date > date.today():  # a slip of the year would hold up every 汇总包 the county reads until then
        raise _invalid(QT_TRANSLATE_NOOP(_C, "回执日期({day})晚于今天,请核对。"), day=receipt_date.isoformat())
    lines = rules_service.articles(v.id)
    labels = {i: a.label or str(i) for i, a in enumerate(lines, start=1)}
    _refuse(rv.correction_reasons(_check(v, lines), correction, labels))
    with database.atomic():
        number = receipt_no.strip() or suggested_receipt_no(receipt_date)
        if _receipt_taken(number):
            raise _invalid(QT_TRANSLATE_NOOP(_C, "回执编号“{no}”已经用过,请换一个。"), no=number)
        return snapshot(record_store.create(
            session, RuleFiling, version=v, fingerprint=f.current_fingerprint,
            received_on=received_on.isoformat(), receipt_no=number,
            receipt_date=receipt_date.isoformat(), correction=correction.strip()))


def order_correction(session: Session, filing_id: str, correction: str) -> read_models.RuleFilingView:
    """责令改正 on a text already filed (found unlawful later); empty text withdraws it."""
    _require(session)
    row = RuleFiling.get_or_none((RuleFiling.id == filing_id) & (RuleFiling.deleted == False))  # noqa: E712
    if row is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这条备案记录。")))
    v = _village_version(row.version_id)
    lines = rules_service.articles(v.id)
    labels = {i: a.label or str(i) for i, a in enumerate(lines, start=1)}
    _refuse(rv.correction_reasons(_check(v, lines), correction, labels))
    return snapshot(record_store.update(session, row, correction=correction.strip()))


# --- escalated matters ----------------------------------------------------------------

@dataclass(frozen=True)
class EscalationRow:
    """A committee matter or a villager's feedback a village reported to the township."""

    kind: str  # MATTER / FEEDBACK
    id: str
    village_code: str
    village_name: str
    escalated_on: str
    title: str
    detail: str  # the findings / the villager's words
    village_answer: str  # what the village answered, if anything
    answer_id: str | None
    answer: str  # the township's answer
    answered_on: str
    answered_by: str


def _answers(field) -> dict[str, TownshipAnswer]:
    rows = (TownshipAnswer.live().where(field.is_null(False) & (TownshipAnswer.owner == _own_code()))
            .order_by(TownshipAnswer.answered_on, TownshipAnswer.seq))
    return {getattr(a, field.name + "_id"): a for a in rows}


def escalations() -> list[EscalationRow]:
    """Escalated matters and feedback of every village: unanswered first (oldest first), then answered."""
    names = village_names()
    own = _own_code()
    out = []
    matter_answers = _answers(TownshipAnswer.matter)
    for m in SupervisionMatter.live().where((SupervisionMatter.escalated_on != "") & (SupervisionMatter.owner != own)):
        a = matter_answers.get(m.id)
        out.append(EscalationRow(MATTER, m.id, m.owner, names.get(m.owner, m.owner), m.escalated_on, m.title,
                                 m.findings, m.answer, a.id if a else None, a.text if a else "",
                                 a.answered_on if a else "", a.answered_by if a else ""))
    feedback_answers = _answers(TownshipAnswer.feedback)
    titles = {i.id: i.title for i in DisclosureItem.select(DisclosureItem.id, DisclosureItem.title)
              .where(DisclosureItem.id.in_(Feedback.select(Feedback.item).where(Feedback.escalated_on != "")))}
    for fb in Feedback.live().where((Feedback.escalated_on != "") & (Feedback.owner != own)):
        a = feedback_answers.get(fb.id)
        title = titles.get(fb.item_id, "") if fb.item_id else ""
        out.append(EscalationRow(FEEDBACK, fb.id, fb.owner, names.get(fb.owner, fb.owner), fb.escalated_on,
                                 title, fb.content, fb.answer, a.id if a else None, a.text if a else "",
                                 a.answered_on if a else "", a.answered_by if a else ""))
    waiting = sorted((r for r in out if not r.answer), key=lambda r: (r.escalated_on, r.village_name))
    answered = sorted((r for r in out if r.answer), key=lambda r: r.answered_on, reverse=True)
    return waiting + answered


def township_answer(kind: str, record_id: str) -> read_models.TownshipAnswerView | None:
    """The township's answer to one escalated record (read at the village after the return package)."""
    key = TownshipAnswer.matter if kind == MATTER else TownshipAnswer.feedback
    return (snapshot_or_none(TownshipAnswer.live().where(key == record_id)
                             .order_by(TownshipAnswer.answered_on.desc(), TownshipAnswer.seq.desc()).first()))


def answer(session: Session, kind: str, record_id: str, on: date, by: str, text: str) -> read_models.TownshipAnswerView:
    """The township's answer to an escalated matter or feedback (one answer each; it can be revised)."""
    _require(session)
    model = SupervisionMatter if kind == MATTER else Feedback if kind == FEEDBACK else None
    if model is None:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "不认识的事项类别:{kind}"), kind=kind)
    row = model.get_or_none((model.id == record_id) & (model.deleted == False))  # noqa: E712
    if row is None or row.owner == _own_code():
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这个上报事项。")))
    if not row.escalated_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这个事项没有报告乡镇,不需要乡镇答复。"))
    if not text.strip():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请写下乡镇的答复。"))
    if on.isoformat() < row.escalated_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "答复日期不能早于报告乡镇的日期({day})。"), day=row.escalated_on)
    key = TownshipAnswer.matter if kind == MATTER else TownshipAnswer.feedback
    existing = _answers(key).get(record_id)
    values = dict(answered_on=on.isoformat(), answered_by=by.strip(), text=text.strip())
    if existing is not None:
        return snapshot(record_store.update(session, existing, **values))
    return snapshot(record_store.create(session, TownshipAnswer, **{key.name: row}, **values))

