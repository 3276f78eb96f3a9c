"""What has been recorded about a 村规民约 version, for the procedure's state machine.

`facts` is asked for every version on every list, timeline and check, and a
version's facts depend on the later versions of its set. It used to be
computed per version and recursively for each later version; here the whole
set is computed in one pass, newest first, and kept until the database
changes.
"""

from __future__ import annotations

import copy
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from peewee import fn

from desktop.services import installation, meetings_batch, meetings_service
from models.db import database
from models.entities import MODE_TOWNSHIP
from models.errors import NotFound, ValidationError
from models.meetings import matters as matters_mod
from models.meetings import quorum
from models.meetings import types as mt
from models.meetings.records import Meeting, Resolution
from models.messages import QT_TRANSLATE_NOOP, msg
from models.rules import procedure as proc
from models.rules.records import RuleArticle, RuleOpinion, RuleVersion
from models.township.records import RuleFiling, RuleReview

_C = "rules"


@dataclass
class ArticleLine:
    """An article as edited: chapter, label as written, text."""

    chapter: str
    label: str
    text: str


def _version(version_id: str) -> RuleVersion:
    v = RuleVersion.get_or_none((RuleVersion.id == version_id) & (RuleVersion.deleted == False))  # noqa: E712
    if v is None:
        matches = list(RuleVersion.live().where(RuleVersion.id.startswith(version_id))) if len(version_id) >= 6 else []
        if len(matches) == 1:
            return matches[0]
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到版本“{id}”。"), id=version_id))
    return v


def articles(version_id: str) -> list[ArticleLine]:
    """The version's articles in order."""
    rows = RuleArticle.live().where(RuleArticle.version == _version(version_id)).order_by(RuleArticle.position)
    return [ArticleLine(a.chapter, a.label, a.text) for a in rows]


def article_row(version_id: str, article_id: str) -> int | None:
    """Where article `article_id` stands in `articles(version_id)` (0 = first); None when it is not there.

    A search hit names an article by id; the article editor lists the
    version's articles in order, without ids.
    """
    ids = [a.id for a in RuleArticle.live().select(RuleArticle.id)
           .where(RuleArticle.version == _version(version_id)).order_by(RuleArticle.position)]
    return ids.index(article_id) if article_id in ids else None


def _fp(lines: list[ArticleLine]) -> str:
    return proc.fingerprint([(a.chapter, a.label, a.text) for a in lines]) if lines else ""


@dataclass(frozen=True)
class ReviewInfo:
    """The township's opinion that counts for a version, wherever it came from.

    `from_township` is True when it is the township's own record (arrived in a
    return package, or written at the township), False when the village typed
    the paper opinion. `self_declared` is True at the township for a village's
    paper opinion with no `rule_review` of the township's own: a claim to check,
    shown but never counted (the state machine gets no opinion from it).
    """

    opinion: str
    fingerprint: str
    reviewed_on: str
    by: str
    text: str
    from_township: bool
    self_declared: bool = False


@dataclass(frozen=True)
class FilingInfo:
    """备案 of a version: sent on, the receipt, and a 责令改正 if the township ordered one."""

    filed_on: str
    receipt_no: str
    receipt_date: str
    correction: str
    from_township: bool


def _township_review(v: RuleVersion) -> RuleReview | None:
    """The township's latest opinion on the text the village submitted last (None if none yet).

    Opinions on an earlier submission, or given before the latest submission
    date, do not count: the village sent a new text since.
    A `rule_review` the village itself authored (stored before the import
    checked who may author what) is no opinion of the township's.
    """
    if not v.submitted_fingerprint:
        return None
    return (RuleReview.live()
            .where((RuleReview.version == v.id) & (RuleReview.fingerprint == v.submitted_fingerprint)
                   & (RuleReview.reviewed_on >= v.submitted_on) & (RuleReview.owner != v.owner))
            .order_by(RuleReview.reviewed_on.desc(), RuleReview.seq.desc()).first())


def _township_filing(v: RuleVersion) -> RuleFiling | None:
    """The township's 备案 receipt for the version (the latest, if it was ever re-issued)."""
    return (RuleFiling.live().where(RuleFiling.version == v.id)
            .order_by(RuleFiling.receipt_date.desc(), RuleFiling.seq.desc()).first())


def _at_the_township(v: RuleVersion) -> bool:
    """The version is a village's, read at the township (where only the township's own opinion counts)."""
    info = installation.current()
    return info is not None and info.mode == MODE_TOWNSHIP and v.owner != info.code


def review_info(v: RuleVersion) -> ReviewInfo | None:
    """The opinion that counts: the township's record first, else the paper opinion the village typed.

    At the township the village's paper opinion is only a claim (`self_declared`): the
    village's own columns cannot make its draft reviewed where the reviewer sits.
    """
    return review_info_of(v, _township_review(v))


def review_info_of(v: RuleVersion, row: RuleReview | None) -> ReviewInfo | None:
    """`review_info` with the township's opinion `row` already read."""
    if row is not None:
        return ReviewInfo(row.opinion, row.fingerprint, row.reviewed_on, row.reviewer, row.text, True)
    if v.review_opinion:
        return ReviewInfo(v.review_opinion, v.review_fingerprint, v.review_date, v.review_by, v.review_text, False,
                          self_declared=_at_the_township(v))
    return None


def counted_review(v: RuleVersion) -> ReviewInfo | None:
    """The opinion the procedure goes by: `review_info` without a village's self-declared claim."""
    return _counted(review_info(v))


def _counted(review: ReviewInfo | None) -> ReviewInfo | None:
    return None if review is None or review.self_declared else review


def self_declared_review_note() -> str:
    """How a paper opinion only the village itself recorded is shown at the township: a claim to check."""
    return str(msg(_C, QT_TRANSLATE_NOOP(_C, "村里自报已审核(乡镇无审核记录,请核实)")))


def filing_info(v: RuleVersion) -> FilingInfo | None:
    """The filing: the township's receipt when it arrived, else what the village typed."""
    return _filing_info(v, _township_filing(v))


def _filing_info(v: RuleVersion, row: RuleFiling | None) -> FilingInfo | None:
    """`filing_info` with the township's receipt `row` already read."""
    if row is not None:
        return FilingInfo(v.filed_on or row.received_on, row.receipt_no, row.receipt_date, row.correction, True)
    if v.filed_on:
        return FilingInfo(v.filed_on, v.receipt_no, v.receipt_date, "", False)
    return None


def facts(version_id: str) -> proc.VersionFacts:
    """What has been recorded about a version, for the state machine.

    The facts of every version of its rule set are computed together and
    kept until the database changes (see `_FactsCache`): a list of rule sets
    asks for each version once, and a version's facts depend on the later
    versions of its set (`superseded` when a later one is in force).
    """
    rule_set_id = _CACHE.rule_set_of(version_id)
    if rule_set_id is None:
        v = _version(version_id)  # NotFound for an unknown id; resolves a unique prefix
        version_id, rule_set_id = v.id, v.rule_set_id
    computed = _CACHE.facts_of_sets([rule_set_id])[rule_set_id]
    if version_id not in computed:  # written since (or deleted): NotFound says so
        v = _version(version_id)
        computed = _CACHE.facts_of_sets([v.rule_set_id])[v.rule_set_id]
        version_id = v.id
    return copy.copy(computed[version_id])  # callers may set fields; the cached ones stay as computed


def all_facts() -> dict[str, proc.VersionFacts]:
    """The facts of every live version in the database (version id → facts), in one pass: `facts_of_sets(None)`."""
    return facts_of_sets(None)


def facts_of_sets(rule_set_ids: Iterable[str] | None) -> dict[str, proc.VersionFacts]:
    """The facts of every live version of the rule sets (of all when None): version id → facts.

    The township's 审核备案 and 备案登记 judge many villages' versions: their
    sets are computed together, each table read once (`_facts_of_sets`), and
    kept like `facts` until the database changes, so `facts` of any of them
    afterwards costs nothing. The same answers as `facts` one by one
    (`tests/unit/test_rule_facts_batch.py`).
    """
    out = {}
    for computed in _CACHE.facts_of_sets(None if rule_set_ids is None else list(rule_set_ids)).values():
        out.update((version_id, copy.copy(f)) for version_id, f in computed.items())
    return out


def articles_of(version_ids: Iterable[str]) -> dict[str, list[ArticleLine]]:
    """The articles of many versions in order (version id → lines; none for a version without articles).

    The lines `facts_of_sets` read for the versions of the sets it computed are kept with
    their facts (until the database changes) and not read again; callers only read them.
    """
    wanted = list(dict.fromkeys(version_ids))
    kept = _CACHE.lines()
    lines: dict[str, list[ArticleLine]] = defaultdict(list)
    lines.update((version_id, kept[version_id]) for version_id in wanted if version_id in kept)
    lines.update(_read_articles(version_id for version_id in wanted if version_id not in kept))
    return lines


def _read_articles(version_ids: Iterable[str]) -> dict[str, list[ArticleLine]]:
    lines: dict[str, list[ArticleLine]] = defaultdict(list)
    for ids in meetings_batch.chunks(version_ids):
        for version_id, chapter, label, text in (
                RuleArticle.select(RuleArticle.version, RuleArticle.chapter, RuleArticle.label, RuleArticle.text)
                .where(RuleArticle.version.in_(ids) & (RuleArticle.deleted == False))  # noqa: E712
                .order_by(RuleArticle.version, RuleArticle.position).tuples()):
            lines[version_id].append(ArticleLine(chapter, label, text))
    return lines


def vote_days(versions: Iterable[RuleVersion]) -> dict[str, str]:
    """The stored day (`held_on`) of the vote meetings of `versions`: meeting id → day, in one query per 500."""
    days: dict[str, str] = {}
    for ids in meetings_batch.chunks(v.vote_meeting_id for v in versions if v.vote_meeting_id):
        days.update(Meeting.select(Meeting.id, Meeting.held_on).where(Meeting.id.in_(ids)).tuples())
    return days


def sql_order(value) -> tuple:
    """A sort key ordering stored values as SQLite's ORDER BY does (NULL, numbers, text, blobs)."""
    if value is None:
        return (0,)
    if isinstance(value, int | float):
        return (1, value)
    return (2, value) if isinstance(value, str) else (3, bytes(value))


def _latest_review_of(v: RuleVersion, rows: list[RuleReview]) -> RuleReview | None:
    """`_township_review(v)` chosen from the version's live `rule_review` rows (read for many versions at once)."""
    if not v.submitted_fingerprint:
        return None
    fitting = [r for r in rows if r.fingerprint == v.submitted_fingerprint and r.owner != v.owner
               and r.reviewed_on is not None and v.submitted_on is not None and r.reviewed_on >= v.submitted_on]
    return max(fitting, key=lambda r: (sql_order(r.reviewed_on), sql_order(r.seq)), default=None)


def latest_review_info(v: RuleVersion, rows: list[RuleReview]) -> ReviewInfo | None:
    """`review_info(v)` from the version's live `rule_review` rows read for many versions at once."""
    return review_info_of(v, _latest_review_of(v, rows))


def _latest_filing_of(rows: list[RuleFiling]) -> RuleFiling | None:
    """`_township_filing` chosen from the version's live `rule_filing` rows."""
    return max(rows, key=lambda r: (sql_order(r.receipt_date), sql_order(r.seq)), default=None)


def _facts_of_sets(rule_set_ids: list[str] | None,
                   lines_read: dict[str, list[ArticleLine]] | None = None) -> dict[str, dict[str, proc.VersionFacts]]:
    """Every live version of the rule sets (of all when None), each set newest first, in one pass.

    Each table is read once for all the sets (articles, opinions, the
    township's opinions and receipts, the vote meetings with their
    attendance and their villages' authorizations), not once per version.

    A version is also superseded when a later version that was published
    after its vote is in force. Normally the village's own filing or
    publication marks the older version superseded; when the township's
    receipt is what completes the newer version (it arrives in a return
    package, nobody writes here), this keeps two versions from both showing
    as in force. Going from the newest down, each later version's status is
    already known when an older one is reached. Every version's articles are
    put in `lines_read` (when given), for `articles_of`.
    """
    query = RuleVersion.live().order_by(RuleVersion.rule_set, RuleVersion.version_no.desc())
    if rule_set_ids is None:
        versions = list(query)
    else:
        versions = [v for ids in meetings_batch.chunks(rule_set_ids) for v in query.where(RuleVersion.rule_set.in_(ids))]
    lines = _read_articles(v.id for v in versions)
    if lines_read is not None:
        lines_read.update((v.id, lines.get(v.id, [])) for v in versions)
    opinions: dict[str, int] = {}
    reviews: dict[str, list[RuleReview]] = defaultdict(list)
    filings: dict[str, list[RuleFiling]] = defaultdict(list)
    for ids in meetings_batch.chunks(v.id for v in versions):
        opinions.update(RuleOpinion.live().select(RuleOpinion.version, fn.COUNT(RuleOpinion.id))
                        .where(RuleOpinion.version.in_(ids)).group_by(RuleOpinion.version).tuples())
        for r in RuleReview.live().where(RuleReview.version.in_(ids)):
            reviews[r.version_id].append(r)
        for r in RuleFiling.live().where(RuleFiling.version.in_(ids)):
            filings[r.version_id].append(r)
    meetings = meetings_batch.load_many(v.vote_meeting_id for v in versions if v.vote_meeting_id)
    authorizations = meetings_batch.Authorizations(m.owner for m in meetings.values()) if meetings else None
    verdicts: dict[str, meetings_service.DraftVerdict] = {}
    out: dict[str, dict[str, proc.VersionFacts]] = {sid: {} for sid in rule_set_ids or ()}
    in_force_nos: dict[str, list[int]] = defaultdict(list)  # per set: later, published, voted versions in force
    for v in versions:
        review = _counted(latest_review_info(v, reviews.get(v.id, [])))
        filing = _filing_info(v, _latest_filing_of(filings.get(v.id, [])))
        mine = lines.get(v.id, [])
        newer_in_force = any(no > v.version_no for no in in_force_nos[v.rule_set_id])
        f = proc.VersionFacts(
            is_history=v.is_history, superseded=v.superseded or newer_in_force,
            opinions=opinions.get(v.id, 0),
            solicitation_closed=bool(v.solicitation_closed_on), articles=len(mine),
            current_fingerprint=_fp(mine), submitted_fingerprint=v.submitted_fingerprint,
            review_opinion=review.opinion if review else "",
            review_fingerprint=review.fingerprint if review else "",
            filed=filing is not None, receipt=bool(filing and filing.receipt_no and filing.receipt_date),
            published=bool(v.published_on), correction=filing.correction if filing else "",
            filed_on=filing.filed_on if filing else "",
        )
        meeting = meetings.get(v.vote_meeting_id) if v.vote_meeting_id else None
        if meeting is not None:  # a voting meeting in the recycle view (a package may bring that): no vote
            if meeting.draft is None:
                f.vote = _unreadable_vote(v, meeting.error)
            else:
                verdict = verdicts.get(v.vote_meeting_id)
                if verdict is None:
                    verdict = verdicts[v.vote_meeting_id] = meetings_batch.evaluate(meeting, authorizations)
                index = (next((i for i, rid in enumerate(meeting.resolution_ids) if rid == v.vote_resolution_id), None)
                         if v.vote_resolution_id else None)
                f.vote = _vote_facts_of(v, meeting.draft, verdict, index)
        out.setdefault(v.rule_set_id, {})[v.id] = f
        if v.published_on and v.vote_meeting_id and proc.status(f) == proc.ST_IN_FORCE:
            in_force_nos[v.rule_set_id].append(v.version_no)
    return out


class _FactsCache:
    """The facts of rule sets, kept while the database has not changed.

    "Not changed" is SQLite's own bookkeeping, so no write path can forget
    to invalidate: the connection's `total_changes` (every row this
    connection inserted, updated or deleted, imports included) and
    `PRAGMA data_version` (a commit by any other connection, e.g. a worker
    thread or another process). Each thread has its own connection and so
    its own cache. Facts read inside an open transaction are not kept: it
    may still roll back, and `total_changes` does not go back with it.
    """

    def __init__(self):
        self._local = threading.local()

    def _entry(self) -> dict | None:
        connection = database.connection()
        if connection.in_transaction:
            return None
        stamp = (connection.total_changes,
                 database.execute_sql("PRAGMA data_version").fetchone()[0])
        local = self._local
        if getattr(local, "connection", None) is not connection or local.stamp != stamp:
            local.connection, local.stamp = connection, stamp
            local.sets, local.set_of, local.lines, local.everything = {}, {}, {}, False
        return local.__dict__

    def rule_set_of(self, version_id: str) -> str | None:
        """The rule set of a version whose set was computed since the last change (else None)."""
        entry = self._entry()
        return entry["set_of"].get(version_id) if entry is not None else None

    def facts_of_sets(self, rule_set_ids: list[str] | None) -> dict[str, dict[str, proc.VersionFacts]]:
        """The facts of every live version of the sets (all sets when None), computed once per database state."""
        entry = self._entry()
        if entry is None:
            return _facts_of_sets(rule_set_ids)
        sets = entry["sets"]
        if rule_set_ids is None:
            if not entry["everything"]:
                computed = _facts_of_sets(None, entry["lines"])
                self._keep(entry, {sid: found for sid, found in computed.items() if sid not in sets})
                entry["everything"] = True
            return sets
        missing = [sid for sid in dict.fromkeys(rule_set_ids) if sid not in sets]
        if missing:
            self._keep(entry, _facts_of_sets(missing, entry["lines"]))
        return {sid: sets[sid] for sid in rule_set_ids}

    def lines(self) -> dict[str, list[ArticleLine]]:
        """The articles read with the facts since the last change (version id → lines; empty when none)."""
        entry = self._entry()
        return entry["lines"] if entry is not None else {}

    @staticmethod
    def _keep(entry: dict, computed: dict[str, dict[str, proc.VersionFacts]]) -> None:
        entry["sets"].update(computed)
        for sid, found in computed.items():
            entry["set_of"].update(dict.fromkeys(found, sid))


_CACHE = _FactsCache()


def _vote_facts(v: RuleVersion) -> proc.VoteFacts:
    """The facts of the vote on `v`, its meeting read and judged on its own (`_facts_of_sets` reads many)."""
    try:
        draft = meetings_service.load(v.vote_meeting_id)
    except ValidationError as exc:  # the vote meeting's stored date is bad: the vote is not counted
        return _unreadable_vote(v, exc)
    return _vote_facts_of(v, draft, meetings_service.evaluate_draft(draft), _resolution_index(v))


def _unreadable_vote(v: RuleVersion, exc: ValidationError) -> proc.VoteFacts:
    """A vote whose meeting cannot be judged (its stored date is bad): not counted, the reason shown."""
    return proc.VoteFacts(meeting_valid=False, passed=False, is_assembly=False, women_present=0,
                          fingerprint=v.vote_fingerprint, body_finding=exc.message, body_severity="error")


def _vote_facts_of(v: RuleVersion, draft: meetings_service.MeetingDraft, verdict: meetings_service.DraftVerdict,
                   index: int | None) -> proc.VoteFacts:
    """The facts of the vote on `v` from its meeting's draft, verdict and the index of the adopting resolution."""
    passed = bool(index is not None and verdict.resolutions[index].passed)
    kind = mt.meeting_type(draft.type_code)
    composition: tuple = ()
    if kind.is_representatives:
        # Issue 17, "Composition": the women counted are women 村民代表 (the meetings engine's count, not
        # every woman present, 村委会 members included); a composition shortfall is reported beside the
        # vote, never a reason to void it.
        attendees = meetings_service.attendees_of(draft)
        women = quorum.women_representatives(attendees, present_only=True)
        composition = tuple((f.message, f.basis) for f in quorum.composition_findings(attendees, draft.held_on))
    elif kind.roster:
        women = sum(1 for a in draft.attendance if a.status == "present" and a.gender == "女")
    else:
        women = v.vote_women_present or 0
    who = matters_mod.who_may_decide("village_rules", draft.type_code, draft.held_on, installation.province())
    body = who[0] if who else None
    return proc.VoteFacts(
        meeting_valid=verdict.meeting.valid, passed=passed, is_assembly=kind.is_assembly,
        women_present=women, composition=composition,
        fingerprint=v.vote_fingerprint, body_finding=body.message if body else None,
        body_severity=body.severity if body else "", held_on=draft.held_on.isoformat())


def recorded_resolution_index(version_id: str) -> int | None:
    """Which resolution of the vote meeting adopted this version (None before the vote)."""
    return _resolution_index(_version(version_id))


def _resolution_index(v: RuleVersion) -> int | None:
    if not v.vote_resolution_id:
        return None
    rows = list(Resolution.live().where(Resolution.meeting == v.vote_meeting_id).order_by(Resolution.position))
    return next((i for i, r in enumerate(rows) if r.id == v.vote_resolution_id), None)
