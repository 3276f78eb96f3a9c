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
from dataclasses import dataclass

from peewee import fn

from desktop.services import installation, meetings_service
from models.db import database
from models.entities import MODE_TOWNSHIP
from models.errors import NotFound, ValidationError
from models.meetings import matters as matters_mod
from models.meetings import quorum
from models.meetings import types as mt
from models.meetings.records import Resolution
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
    row = _township_review(v)
    if row is not None:
        return ReviewInfo(row.opinion, row.fingerprint, row.reviewed_on, row.reviewer, row.text, True)
    if v.review_opinion:
        return ReviewInfo(v.review_opinion, v.review_fingerprint, v.review_date, v.review_by, v.review_text, False,
                          self_declared=_at_the_township(v))
    return None


def counted_review(v: RuleVersion) -> ReviewInfo | None:
    """The opinion the procedure goes by: `review_info` without a village's self-declared claim."""
    review = review_info(v)
    return None if review is None or review.self_declared else review


def self_declared_review_note() -> str:
    """How a paper opinion only the village itself recorded is shown at the township: a claim to check."""
    return str(msg(_C, QT_TRANSLATE_NOOP(_C, "村里自报已审核(乡镇无审核记录,请核实)")))


def filing_info(v: RuleVersion) -> FilingInfo | None:
    """The filing: the township's receipt when it arrived, else what the village typed."""
    row = _township_filing(v)
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
    computed = _CACHE.facts_of_set(rule_set_id)
    if version_id not in computed:  # written since (or deleted): NotFound says so
        v = _version(version_id)
        computed = _CACHE.facts_of_set(v.rule_set_id)
        version_id = v.id
    return copy.copy(computed[version_id])  # callers may set fields; the cached ones stay as computed


def _facts_of_set(rule_set_id: str) -> dict[str, proc.VersionFacts]:
    """Every live version of the rule set, newest first, in one pass.

    A version is also superseded when a later version that was published
    after its vote is in force. Normally the village's own filing or
    publication marks the older version superseded; when the township's
    receipt is what completes the newer version (it arrives in a return
    package, nobody writes here), this keeps two versions from both showing
    as in force. Going from the newest down, each later version's status is
    already known when an older one is reached.
    """
    versions = list(RuleVersion.live().where(RuleVersion.rule_set == rule_set_id)
                    .order_by(RuleVersion.version_no.desc()))
    ids = [v.id for v in versions]
    lines: dict[str, list[ArticleLine]] = defaultdict(list)
    for a in (RuleArticle.live().where(RuleArticle.version.in_(ids))
              .order_by(RuleArticle.version, RuleArticle.position)):
        lines[a.version_id].append(ArticleLine(a.chapter, a.label, a.text))
    opinions = dict(RuleOpinion.live().select(RuleOpinion.version, fn.COUNT(RuleOpinion.id))
                    .where(RuleOpinion.version.in_(ids)).group_by(RuleOpinion.version).tuples())
    out: dict[str, proc.VersionFacts] = {}
    in_force_nos: list[int] = []  # version numbers of later, published, voted versions in force
    for v in versions:
        review = counted_review(v)
        filing = filing_info(v)
        mine = lines.get(v.id, [])
        newer_in_force = any(no > v.version_no for no in in_force_nos)
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
        if v.vote_meeting_id:
            try:
                f.vote = _vote_facts(v)
            except NotFound:  # the voting meeting is in the recycle view (a package may bring that): no vote
                f.vote = None
        out[v.id] = f
        if v.published_on and v.vote_meeting_id and proc.status(f) == proc.ST_IN_FORCE:
            in_force_nos.append(v.version_no)
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
            local.sets, local.set_of = {}, {}
        return local.__dict__

    def rule_set_of(self, version_id: str) -> str | None:
        """The rule set of a version whose set was computed since the last change (else None)."""
        entry = self._entry()
        return entry["set_of"].get(version_id) if entry is not None else None

    def facts_of_set(self, rule_set_id: str) -> dict[str, proc.VersionFacts]:
        """The facts of every live version of the set, computed once per database state."""
        entry = self._entry()
        if entry is None:
            return _facts_of_set(rule_set_id)
        found = entry["sets"].get(rule_set_id)
        if found is None:
            found = _facts_of_set(rule_set_id)
            entry["sets"][rule_set_id] = found
            entry["set_of"].update(dict.fromkeys(found, rule_set_id))
        return found


_CACHE = _FactsCache()


def _vote_facts(v: RuleVersion) -> proc.VoteFacts:
    try:
        draft = meetings_service.load(v.vote_meeting_id)
    except ValidationError as exc:  # the vote meeting's stored date is bad: the vote is not counted
        return proc.VoteFacts(meeting_valid=False, passed=False, is_assembly=False, women_present=0,
                              fingerprint=v.vote_fingerprint, body_finding=exc.message, body_severity="error")
    verdict = meetings_service.evaluate_draft(draft)
    index = _resolution_index(v)
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
