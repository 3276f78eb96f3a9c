"""A version's facts computed the slow, obvious way: the reference the cached and batched passes are checked against.

Each version on its own, recursively for the later versions of its set, every
record read by its own query and its vote meeting loaded and judged by
`meetings_service` one at a time — how `facts` was computed before the
one-pass cache (issue 15) and the batched pass of the township's pages (issue 20).
"""

from __future__ import annotations

from desktop.services import rule_facts
from models.errors import NotFound
from models.rules import procedure as proc
from models.rules.records import RuleOpinion, RuleVersion


def facts_one_by_one(version_id: str) -> proc.VersionFacts:
    """The facts of one version, read and judged on their own."""
    v = rule_facts._version(version_id)
    lines = rule_facts.articles(v.id)
    review = rule_facts.counted_review(v)
    filing = rule_facts.filing_info(v)
    later = (RuleVersion.live()
             .where((RuleVersion.rule_set == v.rule_set_id) & (RuleVersion.version_no > v.version_no)
                    & (RuleVersion.published_on != "") & RuleVersion.vote_meeting.is_null(False)))
    newer_in_force = any(proc.status(facts_one_by_one(w.id)) == proc.ST_IN_FORCE for w in later)
    f = proc.VersionFacts(
        is_history=v.is_history, superseded=v.superseded or newer_in_force,
        opinions=RuleOpinion.live().where(RuleOpinion.version == v).count(),
        solicitation_closed=bool(v.solicitation_closed_on), articles=len(lines),
        current_fingerprint=rule_facts._fp(lines), submitted_fingerprint=v.submitted_fingerprint,
        review_opinion=review.opinion if review else "", review_fingerprint=review.fingerprint if review else "",
        filed=filing is not None, receipt=bool(filing and filing.receipt_no and filing.receipt_date),
        published=bool(v.published_on), correction=filing.correction if filing else "",
        filed_on=filing.filed_on if filing else "",
    )
    if v.vote_meeting_id:
        try:
            f.vote = rule_facts._vote_facts(v)
        except NotFound:  # the voting meeting is in the recycle view: no vote
            f.vote = None
    return f
