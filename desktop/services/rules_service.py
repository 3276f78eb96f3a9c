"""村规民约: rule sets, versions, articles, and the five-step adoption procedure.

Every action checks the procedure first (`models.rules.procedure`) and refuses
with its reasons; every write goes through `record_store` (seq + audit) in one
transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.services import installation, meetings_service, read_models, record_store
from desktop.services.read_models import snapshot
from desktop.services.rule_facts import (  # noqa: F401 - re-exported: the rules API is rules_service
    ArticleLine,
    FilingInfo,
    ReviewInfo,
    _fp,
    _version,
    _vote_facts,
    article_row,
    articles,
    facts,
    facts_of_sets,
    filing_info,
    recorded_resolution_index,
    review_info,
    vote_days,
)
from desktop.services.rule_views import CommentRow, OpinionRow, VersionRecord
from desktop.services.session import Session
from models.clock import now_utc
from models.db import database
from models.errors import NotFound, ValidationError
from models.legal import chinese_number
from models.meetings import matters as matters_mod
from models.meetings.quorum import ERROR
from models.meetings.records import Meeting, Resolution
from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.roles import Permission
from models.rules import diff as diff_mod
from models.rules import legality, parser
from models.rules import procedure as proc
from models.rules.records import (
    KIND_CHARTER,
    KIND_OTHER,
    KIND_RULES,
    ReviewComment,
    RuleArticle,
    RuleOpinion,
    RuleSet,
    RuleVersion,
)

_C = "rules"

KINDS = {
    KIND_RULES: QT_TRANSLATE_NOOP(_C, "村规民约"),
    KIND_CHARTER: QT_TRANSLATE_NOOP(_C, "村民自治章程"),
    KIND_OTHER: QT_TRANSLATE_NOOP(_C, "其他制度"),
}
TRIGGERS = {
    "election": QT_TRANSLATE_NOOP(_C, "村委会换届"),
    "campaign": QT_TRANSLATE_NOOP(_C, "乡镇统一部署"),
    "law_change": QT_TRANSLATE_NOOP(_C, "法律法规修改"),
    "proposal": QT_TRANSLATE_NOOP(_C, "村民提议"),
    "other": QT_TRANSLATE_NOOP(_C, "其他"),
}
SOURCES = {
    "door_to_door": QT_TRANSLATE_NOOP(_C, "入户走访"),
    "forum": QT_TRANSLATE_NOOP(_C, "座谈会"),
    "box": QT_TRANSLATE_NOOP(_C, "意见箱"),
    "representative": QT_TRANSLATE_NOOP(_C, "村民代表"),
    "other": QT_TRANSLATE_NOOP(_C, "其他"),
}


def _invalid(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def _refuse(reasons: list[Message]) -> None:
    if reasons:
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "现在不能这样做:{reasons}"),
                                  reasons=";".join(str(r) for r in reasons)))



@dataclass(frozen=True)
class VersionRow:
    """A version in the rule set's timeline."""

    id: str
    version_no: int
    title: str
    status: str
    next_step: str | None
    started_on: str
    adopted_on: str
    articles: int


@dataclass(frozen=True)
class RuleSetRow:
    """A rule set with its versions, newest first."""

    id: str
    title: str
    kind: str
    versions: tuple[VersionRow, ...]


def _adopted_on(v: RuleVersion, vote_days: dict[str, str] | None = None) -> str:
    if v.is_history:
        return v.history_adopted_on
    if v.vote_meeting_id:
        if vote_days is not None and v.vote_meeting_id in vote_days:
            return vote_days[v.vote_meeting_id]
        return Meeting.get_by_id(v.vote_meeting_id).held_on
    return ""


def judged_on(v: RuleVersion, vote_days: dict[str, str] | None = None) -> str:
    """The day the text of `v` is judged by: adopted, else submitted, else started.

    The legality check cites the 组织法 in force on it ("" when the version has none: the 2018 text).
    `vote_days` are the vote meetings' days when a list read them at once (`rule_facts.vote_days`).
    """
    return _adopted_on(v, vote_days) or v.submitted_on or v.started_on or ""


def list_rule_sets() -> list[RuleSetRow]:
    """Every rule set with the state of each version (the versions, their facts and vote days read at once)."""
    sets = list(RuleSet.live().order_by(RuleSet.title))
    versions = list(RuleVersion.live().where(RuleVersion.rule_set.in_(RuleSet.live().select(RuleSet.id)))
                    .order_by(RuleVersion.version_no.desc()))
    all_facts = facts_of_sets(rs.id for rs in sets) if sets else {}
    days = vote_days(versions)
    out = []
    for rs in sets:
        rows = []
        for v in (v for v in versions if v.rule_set_id == rs.id):
            f = all_facts[v.id]
            rows.append(VersionRow(v.id, v.version_no, v.title, proc.status(f), proc.next_step(f),
                                   v.started_on, _adopted_on(v, days), f.articles))
        out.append(RuleSetRow(rs.id, rs.title, rs.kind, tuple(rows)))
    return out


@dataclass(frozen=True)
class VersionView:
    """Everything the version page shows."""

    id: str
    rule_set_id: str
    title: str
    version_no: int
    status: str
    steps: tuple[proc.StepState, ...]
    next_step: str | None
    articles: tuple[ArticleLine, ...]
    findings: tuple[legality.LegalityFinding, ...]
    opinions: tuple[OpinionRow, ...]
    review_comments: tuple[CommentRow, ...]
    record: VersionRecord
    editable: bool
    review: ReviewInfo | None = None
    filing: FilingInfo | None = None
    #: The per-article comments of the opinion that counts, for the article editor.
    article_comments: tuple[ArticleComment, ...] = ()
    #: The day the text is judged by (`judged_on`): the legality findings cite the 组织法 in force on it.
    judged_on: str = ""


@dataclass(frozen=True)
class ArticleComment:
    """A township comment as the article editor shows it, beside its article.

    `position` is the article's place in the reviewed text (1 = the first;
    0 = on the whole text). `on_current_text` is False once the text was
    edited after the review: the comment is about the text as submitted
    (针对报审时的文本), and its article may have moved.
    """

    position: int
    comment: str
    on_current_text: bool


def article_comments(v: RuleVersion | VersionRecord, review: ReviewInfo | None, current_fingerprint: str,
                     comments: tuple[CommentRow, ...]) -> tuple[ArticleComment, ...]:
    """The comments of the opinion that counts: the township's own when it arrived, else the paper ones.

    Comments of an earlier submission are left out (the village sent a new
    text since; the 审核 tab still lists them all).
    """
    if review is None:
        return ()
    return tuple(ArticleComment(c.position, c.comment, c.fingerprint == current_fingerprint)
                 for c in comments
                 if c.fingerprint == review.fingerprint and (c.owner != v.owner) == review.from_township)


def view(version_id: str) -> VersionView:
    """The version with its procedure state and legality findings."""
    v = _version(version_id)
    f = facts(v.id)
    lines = articles(v.id)
    review = review_info(v)
    comments = tuple(CommentRow.of(c) for c in ReviewComment.live().where(ReviewComment.version == v)
                     .order_by(ReviewComment.position, ReviewComment.seq))
    opinions = tuple(OpinionRow.of(o) for o in RuleOpinion.live().where(RuleOpinion.version == v)
                     .order_by(RuleOpinion.received_on))
    return VersionView(
        v.id, v.rule_set_id, v.title, v.version_no, proc.status(f), tuple(proc.steps(f)),
        proc.next_step(f), tuple(lines), tuple(legality.check_articles([a.text for a in lines], on=judged_on(v))),
        opinions, comments, VersionRecord.of(v), not proc.can_edit_text(f), review, filing_info(v),
        article_comments(v, review, f.current_fingerprint, comments), judged_on(v))


# --- creating ------------------------------------------------------------------

def preview(text: str, source_name: str = "") -> parser.ParseResult:
    """Parse a pasted or imported text for the preview (nothing is saved).

    `source_name` is the file the text was read from: its name is the title
    when the text has no heading line.
    """
    return parser.parse(text, source_name)


def create_rule_set(session: Session, title: str, kind: str = KIND_RULES) -> read_models.RuleSetView:
    """A new rule set (no versions yet)."""
    session.require(Permission.EDIT_RECORDS)
    if not title.strip():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写名称,例如“青山村村规民约”。"))
    if kind not in KINDS:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "不认识的类别:{kind}"), kind=kind)
    return snapshot(record_store.create(session, RuleSet, title=title.strip(), kind=kind))


def _next_no(rule_set: RuleSet) -> int:
    last = RuleVersion.select().where(RuleVersion.rule_set == rule_set).order_by(RuleVersion.version_no.desc()).first()
    return (last.version_no + 1) if last else 1


def _write_articles(session: Session, version: RuleVersion, lines: list[ArticleLine]) -> None:
    existing = list(RuleArticle.live().where(RuleArticle.version == version).order_by(RuleArticle.position))
    for position, line in enumerate(lines, start=1):
        values = dict(chapter=line.chapter.strip(), label=line.label.strip(), text=line.text.strip())
        if position <= len(existing):
            record_store.update(session, existing[position - 1], position=position, **values)
        else:
            record_store.create(session, RuleArticle, version=version, position=position, **values)
    for row in existing[len(lines):]:
        record_store.soft_delete(session, row)


def new_draft(session: Session, rule_set_id: str, title: str, trigger: str = "other",
              lines: list[ArticleLine] | None = None, preamble: str = "",
              started_on: date | None = None) -> read_models.RuleVersionView:
    """Start a new draft version (empty, or with imported articles)."""
    return snapshot(_new_draft(session, rule_set_id, title, trigger, lines, preamble, started_on))


def _new_draft(session: Session, rule_set_id: str, title: str, trigger: str,
               lines: list[ArticleLine] | None, preamble: str, started_on: date | None) -> RuleVersion:
    session.require(Permission.EDIT_RECORDS)
    rs = RuleSet.get_or_none((RuleSet.id == rule_set_id) & (RuleSet.deleted == False))  # noqa: E712
    if rs is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这个规章。")))
    if trigger not in TRIGGERS:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "不认识的修订原因:{trigger}"), trigger=trigger)
    _refuse_a_second_open_draft(rs)
    with database.atomic():
        version = record_store.create(
            session, RuleVersion, rule_set=rs, version_no=_next_no(rs), title=title.strip() or rs.title,
            trigger=trigger, started_on=(started_on or date.today()).isoformat(), preamble=preamble)
        _write_articles(session, version, lines or [])
    return version


def _refuse_a_second_open_draft(rs: RuleSet) -> None:
    """One draft under way per 规章: a second is refused, naming the one there is."""
    open_drafts = [v for v in RuleVersion.live().where(RuleVersion.rule_set == rs)
                   if proc.status(facts(v.id)) in (proc.ST_SOLICITING, proc.ST_DRAFTING, proc.ST_IN_REVIEW,
                                                   proc.ST_REVIEWED)]
    if open_drafts:
        raise _invalid(QT_TRANSLATE_NOOP(
            _C, "“{title}”已经有一个正在进行的草案(第 {no} 版),请先完成或删除它。"),
            title=rs.title, no=open_drafts[0].version_no)


def check_restorable(version: RuleVersion) -> None:
    """Refuse bringing an abandoned draft back from the 回收站 while its 规章 has another draft under way.

    `new_draft` allows one open draft per 规章; 放弃草稿, 新建草案, then 恢复
    the first one made two (issue 15's drafts come back, but not as a second).
    Only drafts are ever abandoned (`abandon_draft`), so what is in the 回收站 is one.
    """
    _refuse_a_second_open_draft(version.rule_set)


def import_text(session: Session, text: str, title: str, kind: str = KIND_RULES,
                rule_set_id: str | None = None, trigger: str = "other",
                source_name: str = "") -> tuple[read_models.RuleVersionView, parser.ParseResult]:
    """Parse `text` and save it as a new draft (creating the rule set when needed).

    The title is `title`, else the text's heading line, else the name of the
    file `source_name` the text came from (issue 17: a text needs no title).
    """
    session.require(Permission.EDIT_RECORDS)
    result = parser.parse(text, source_name)
    if not result.articles:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "文本是空的,没有可以导入的内容。"))
    if title.strip() and title.strip() != result.title:  # the name given wins; say so instead
        result.notes = [n for n in result.notes if n.template not in parser.TITLE_NOTES]
        result.notes.append(msg(_C, QT_TRANSLATE_NOOP(_C, "名称用的是填写的“{title}”。"), title=title.strip()))
    title = (title or result.title or "").strip()
    if not title:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写名称,例如“青山村村规民约”。"))
    with database.atomic():
        if rule_set_id is None:
            rule_set_id = create_rule_set(session, title, kind).id
        version = new_draft(session, rule_set_id, title, trigger,
                            [ArticleLine(a.chapter, a.label, a.text) for a in result.articles],
                            preamble=result.preamble if len(result.preamble) < 2000 else "")
    return version, result


def enter_history(session: Session, rule_set_id: str, title: str, adopted_on: date,
                  lines: list[ArticleLine], note: str = "") -> read_models.RuleVersionView:
    """Enter a version adopted before the app existed, marked as history (no invented steps)."""
    session.require(Permission.EDIT_RECORDS)
    if not lines:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "历史版本至少要有一条。"))
    rs = RuleSet.get_by_id(rule_set_id)
    with database.atomic():
        version = record_store.create(
            session, RuleVersion, rule_set=rs, version_no=_next_no(rs), title=title.strip() or rs.title,
            is_history=True, history_adopted_on=adopted_on.isoformat(), history_note=note,
            started_on=adopted_on.isoformat())
        _write_articles(session, version, lines)
    return snapshot(version)


def revise(session: Session, version_id: str, trigger: str, title: str = "",
           started_on: date | None = None) -> read_models.RuleVersionView:
    """Start a revision: a new draft holding a copy of an adopted (or history) version."""
    base = _version(version_id)
    if proc.status(facts(base.id)) not in (proc.ST_IN_FORCE, proc.ST_ADOPTED, proc.ST_HISTORY, proc.ST_SUPERSEDED):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "只能从已通过的版本开始修订。"))
    version = _new_draft(session, base.rule_set_id, title or base.title, trigger, articles(base.id),
                         preamble=base.preamble, started_on=started_on)
    return snapshot(record_store.update(session, version, based_on=base.id))


#: A version past these is the village's adopted text (or its record): never abandoned, only revised.
_NOT_ABANDONABLE = (proc.ST_ADOPTED, proc.ST_IN_FORCE, proc.ST_HISTORY, proc.ST_SUPERSEDED)


def abandon_draft(session: Session, version_id: str) -> None:
    """放弃草稿: a version not yet adopted goes to the 回收站 with its articles and opinions.

    Its articles, opinions and comments stay as they are (they hang off the
    version), so 恢复 in the 回收站 brings the draft back whole. Version
    numbers are never reused: the next draft still takes the next number.

    Raises:
        ValidationError: the version was adopted (or entered as history): it can only be revised.
    """
    session.require(Permission.EDIT_RECORDS)
    v = _version(version_id)
    if proc.status(facts(v.id)) in _NOT_ABANDONABLE:
        raise _invalid(QT_TRANSLATE_NOOP(
            _C, "第{no}版已经表决通过(或是补录的历史版本),不是草稿,不能放弃。要改动请点“修订”起草新版本。"),
            no=v.version_no)
    record_store.soft_delete(session, v)


def save_articles(session: Session, version_id: str, lines: list[ArticleLine], renumber: bool = True) -> str:
    """Replace the draft's articles; returns the new fingerprint. Refused once adopted."""
    session.require(Permission.EDIT_RECORDS)
    v = _version(version_id)
    _refuse(proc.can_edit_text(facts(v.id)))
    lines = [line for line in lines if line.text.strip()]
    if renumber:
        lines = [ArticleLine(a.chapter, f"第{chinese_number(i)}条", a.text) for i, a in enumerate(lines, start=1)]
    with database.atomic():
        _write_articles(session, v, lines)
    return _fp(lines)


# --- the five steps ------------------------------------------------------------

def add_opinion(session: Session, version_id: str, received_on: date, source: str, content: str,
                adopted: bool | None = None, reason: str = "") -> read_models.RuleOpinionView:
    """Log a villager's opinion (征集民意)."""
    session.require(Permission.EDIT_RECORDS)
    if source not in SOURCES:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择意见来源。"))
    if not content.strip():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写意见内容。"))
    v = _version(version_id)
    _refuse(proc.can_edit_text(facts(v.id)))
    return snapshot(record_store.create(
        session, RuleOpinion, version=v, received_on=received_on.isoformat(),
        source=source, content=content.strip(), adopted=adopted, reason=reason.strip()))


def close_solicitation(session: Session, version_id: str, on: date) -> None:
    """Finish 征集民意 (at least one opinion must be on record)."""
    session.require(Permission.EDIT_RECORDS)
    v = _version(version_id)
    f = facts(v.id)
    _refuse(proc.steps(f)[0].blocked_by if not f.solicitation_closed else
            [msg(_C, QT_TRANSLATE_NOOP(_C, "征集民意已经结束。"))])
    record_store.update(session, v, solicitation_closed_on=on.isoformat())


def submit_for_review(session: Session, version_id: str, on: date) -> str:
    """提请审核: fingerprint the exact text sent to the township; returns the fingerprint."""
    session.require(Permission.EDIT_RECORDS)
    v = _version(version_id)
    f = facts(v.id)
    _refuse(proc.can_submit(f))
    record_store.update(session, v, submitted_on=on.isoformat(), submitted_fingerprint=f.current_fingerprint,
                        review_opinion="", review_fingerprint="", review_date="", review_text="")
    return f.current_fingerprint


def record_review(session: Session, version_id: str, opinion: str, on: date, by: str,
                  text: str = "", comments: list[tuple[int, str]] | None = None,
                  reviewed_fingerprint: str | None = None) -> None:
    """The township's opinion on the submitted text (同意 / 修改后同意 / 不同意).

    Entered by the township reviewer, or at the village from the return
    package or the paper opinion. It binds to the fingerprint that was reviewed.
    """
    if not (session.can(Permission.REVIEW_RULES) or session.can(Permission.EDIT_RECORDS)):
        session.require(Permission.REVIEW_RULES)
    if opinion not in proc.OPINIONS:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择审核意见。"))
    v = _version(version_id)
    if not v.submitted_fingerprint:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这份草案还没有报乡镇审核。"))
    counted = review_info(v)
    if counted is not None and counted.from_township:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "乡镇的审核意见已经随回传数据包到达,不需要再登记。"))
    fp = reviewed_fingerprint or v.submitted_fingerprint
    if fp != v.submitted_fingerprint:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "审核意见针对的文本与报审的文本不一致,不能登记。"))
    if opinion != proc.AGREE and not (text.strip() or comments):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "“修改后同意”或“不同意”时,请写明理由或逐条意见。"))
    with database.atomic():
        record_store.update(session, v, review_opinion=opinion, review_fingerprint=fp,
                            review_date=on.isoformat(), review_by=by.strip(), review_text=text.strip())
        for position, comment in comments or []:
            if comment.strip():
                record_store.create(session, ReviewComment, version=v, fingerprint=fp, position=position,
                                    comment=comment.strip())


def record_vote(session: Session, version_id: str, meeting_id: str, resolution_index: int = 0,
                women_present: int | None = None) -> proc.VoteFacts:
    """审议表决: link the meeting and the resolution that adopted the reviewed text.

    `women_present` is typed for a 村民会议 (whose attendance is a count, not a list).
    """
    session.require(Permission.EDIT_RECORDS)
    v = _version(version_id)
    f = facts(v.id)
    _refuse(proc.can_record_vote(f))
    draft = meetings_service.load(meeting_id)
    if not (0 <= resolution_index < len(draft.resolutions)):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "所选会议没有这一项表决。请在会议记录里登记对村规民约的表决。"))
    resolution_id = list(Resolution.live().where(Resolution.meeting == meeting_id)
                         .order_by(Resolution.position))[resolution_index].id
    verdict = meetings_service.evaluate_draft(draft)
    vote_verdict = verdict.resolutions[resolution_index]
    reasons = []
    if not verdict.meeting.valid:
        reasons.extend(fd.message for fd in verdict.meeting.errors)
    if not vote_verdict.passed:
        reasons.append(msg(_C, QT_TRANSLATE_NOOP(_C, "这一项表决没有通过。")))
    who = matters_mod.who_may_decide("village_rules", draft.type_code, draft.held_on, installation.province())
    reasons.extend(fd.message for fd in who if fd.severity == ERROR)
    _refuse(reasons)
    if women_present is not None and not 0 <= women_present <= verdict.meeting.present:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "妇女参会人数应在 0 到实到人数({n})之间。"),
                       n=verdict.meeting.present)
    record_store.update(session, v, vote_meeting=meeting_id, vote_resolution=resolution_id,
                        vote_fingerprint=f.current_fingerprint, vote_women_present=women_present)
    return _vote_facts(_version(v.id))


def record_filing(session: Session, version_id: str, filed_on: date, receipt_no: str = "",
                  receipt_date: date | None = None) -> None:
    """备案: the date sent to the township, and its receipt when it comes back."""
    session.require(Permission.EDIT_RECORDS)
    v = _version(version_id)
    _refuse(proc.can_record_filing(facts(v.id)))
    vote_day = Meeting.get_by_id(v.vote_meeting_id).held_on
    if filed_on.isoformat() < vote_day:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "备案日期不能早于表决日期({day})。"), day=vote_day)
    if receipt_date and receipt_date < filed_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "回执日期不能早于报备日期。"))
    record_store.update(session, v, filed_on=filed_on.isoformat(), receipt_no=receipt_no.strip(),
                        receipt_date=receipt_date.isoformat() if receipt_date else "")
    _supersede_if_in_force(session, v)


def record_publication(session: Session, version_id: str, published_on: date, channel: str) -> None:
    """公布: date and channel (公开栏, 广播, 微信群, 村民大会, 明白纸)."""
    session.require(Permission.EDIT_RECORDS)
    v = _version(version_id)
    _refuse(proc.can_record_filing(facts(v.id)))
    if not channel.strip():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写公布方式,例如“村务公开栏”。"))
    vote_day = Meeting.get_by_id(v.vote_meeting_id).held_on
    if published_on.isoformat() < vote_day:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "公布日期不能早于表决日期({day})。"), day=vote_day)
    record_store.update(session, v, published_on=published_on.isoformat(), publish_channel=channel.strip())
    _supersede_if_in_force(session, v)


def _supersede_if_in_force(session: Session, v: RuleVersion) -> None:
    if proc.status(facts(v.id)) != proc.ST_IN_FORCE:
        return
    for other in RuleVersion.live().where((RuleVersion.rule_set == v.rule_set_id) & (RuleVersion.id != v.id)):
        if not other.superseded and proc.status(facts(other.id)) in (proc.ST_IN_FORCE, proc.ST_HISTORY):
            record_store.update(session, other, superseded=True, note=(other.note + f" 被第{v.version_no}版取代于{now_utc()[:10]}").strip())


# --- comparing and checking ------------------------------------------------------

def compare(old_id: str, new_id: str) -> list[diff_mod.DiffEntry]:
    """Article-by-article diff of two versions."""
    def as_articles(version_id):
        return [diff_mod.Article(i, a.label, a.text, a.chapter)
                for i, a in enumerate(articles(version_id), start=1)]
    return diff_mod.diff_articles(as_articles(old_id), as_articles(new_id))


def check(text: str, on: date | None = None) -> list[legality.LegalityFinding]:
    """Legality findings for a text (parsed into articles first), judged by the law of `on`.

    A text checked with no record behind it (`cunwu rules check`) is judged by the law in force
    on the day it is checked (default today): in 2026 the amended 组织法, not the 2018 text.
    """
    result = parser.parse(text)
    return legality.check_articles([a.text for a in result.articles], on=on or date.today())


def version_label(version_id: str) -> str:
    """"青山村村规民约 第2版" for headings."""
    v = _version(version_id)
    return f"{RuleSet.get_by_id(v.rule_set_id).title} 第{v.version_no}版"


@dataclass(frozen=True)
class VoteMeeting:
    """A meeting the 审议表决 step can name: one with a resolution to adopt the text by."""

    id: str
    held_on: str
    type_code: str
    title: str


def vote_meetings(since: str, recorded: str | None = None) -> list[VoteMeeting]:
    """Meetings with a resolution held on or after `since` (any day when ""), and `recorded`, newest first.

    The vote tab's choices, in the meeting list's order. One query that counts
    nothing: a village with thousands of meetings is not read whole with its
    attendance counts (`meetings_service.list_meetings`) to offer a few.
    """
    rows = database.execute_sql(
        "SELECT m.id, m.held_on, m.type_code, m.title FROM meeting m WHERE m.deleted = 0 AND (m.id = ? OR "
        "((? = '' OR m.held_on >= ?) AND EXISTS (SELECT 1 FROM resolution r WHERE r.meeting_id = m.id "
        "AND r.deleted = 0))) ORDER BY m.held_on DESC, m.start_time DESC, m.rowid DESC",
        [recorded or "", since or "", since or ""])
    return [VoteMeeting(*row) for row in rows]
