"""Read models of a 村规民约 version: what the rules tabs and documents read, detached from the database.

Pages get these frozen copies instead of peewee rows, so a page cannot
query (or write) through what it was handed, and what it shows is what the
service read at one moment.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.rules.records import ReviewComment, RuleOpinion, RuleVersion


@dataclass(frozen=True)
class VersionRecord:
    """The recorded fields of a version (dates as ISO text, "" when not recorded)."""

    id: str
    owner: str
    rule_set_id: str
    version_no: int
    title: str
    trigger: str
    based_on_id: str | None
    started_on: str
    is_history: bool
    history_adopted_on: str
    history_note: str
    preamble: str
    solicitation_closed_on: str
    submitted_on: str
    submitted_fingerprint: str
    review_opinion: str
    review_fingerprint: str
    review_date: str
    review_by: str
    review_text: str
    vote_meeting_id: str | None
    vote_resolution_id: str | None
    vote_fingerprint: str
    vote_women_present: int | None
    filed_on: str
    receipt_no: str
    receipt_date: str
    published_on: str
    publish_channel: str
    superseded: bool
    note: str

    @classmethod
    def of(cls, v: RuleVersion) -> VersionRecord:
        """A copy of the row `v`."""
        return cls(
            v.id, v.owner, v.rule_set_id, v.version_no, v.title, v.trigger, v.based_on_id, v.started_on,
            v.is_history, v.history_adopted_on, v.history_note, v.preamble, v.solicitation_closed_on,
            v.submitted_on, v.submitted_fingerprint, v.review_opinion, v.review_fingerprint, v.review_date,
            v.review_by, v.review_text, v.vote_meeting_id, v.vote_resolution_id, v.vote_fingerprint,
            v.vote_women_present, v.filed_on, v.receipt_no, v.receipt_date, v.published_on,
            v.publish_channel, v.superseded, v.note)


@dataclass(frozen=True)
class OpinionRow:
    """A villager's opinion logged during 征集民意; `adopted` is None while undecided."""

    id: str
    received_on: str
    source: str
    content: str
    adopted: bool | None
    reason: str

    @classmethod
    def of(cls, o: RuleOpinion) -> OpinionRow:
        """A copy of the row `o`."""
        return cls(o.id, o.received_on, o.source, o.content, o.adopted, o.reason)


@dataclass(frozen=True)
class CommentRow:
    """A review comment on one article (`position`, 0 = the whole text) of the reviewed text.

    `owner` tells whose record it is: the township's (from a return package
    or written at the township) or the village's (typed from the paper).
    """

    id: str
    owner: str
    fingerprint: str
    position: int
    comment: str

    @classmethod
    def of(cls, c: ReviewComment) -> CommentRow:
        """A copy of the row `c`."""
        return cls(c.id, c.owner, c.fingerprint, c.position, c.comment)
