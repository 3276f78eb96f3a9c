"""A village's 村规民约 and 自治章程 as the township holds them: every set, every version, its text, the diff.

The state of a version (in force, superseded, draft…) is the one the
village's own rules page shows, derived by the same facts (`rule_facts`,
which at the township counts the township's own review and 备案); the text
and the comparison are `rules_service.view` and `rules_service.compare`,
after checking the version is this village's.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.services import rules_service
from desktop.services.rule_facts import ArticleLine, facts
from desktop.services.session import Session
from desktop.services.village_file.common import owned_row, village_name
from models.db import database
from models.rules import procedure as proc
from models.rules.diff import DiffEntry


@dataclass(frozen=True)
class VersionLine:
    """A version in its set's timeline."""

    id: str
    version_no: int
    title: str
    status: str  # `models.rules.procedure` ST_*
    started_on: str
    adopted_on: str
    filed_on: str
    articles: int

    @property
    def in_force(self) -> bool:
        """Whether this is the text the village lives by now."""
        return self.status == proc.ST_IN_FORCE


@dataclass(frozen=True)
class RuleSetLine:
    """A rule set of the village with its versions, newest first."""

    id: str
    title: str
    kind: str
    versions: tuple[VersionLine, ...]


@dataclass(frozen=True)
class VersionText:
    """One version as a text to read: its heading facts and its articles."""

    id: str
    rule_set_title: str
    title: str
    version_no: int
    status: str
    adopted_on: str
    filed_on: str
    receipt_no: str
    correction: str  # the township's 责令改正, "" when none
    preamble: str
    articles: tuple[ArticleLine, ...]


def _adopted_on(is_history: bool, history_adopted_on: str, vote_meeting_id: str | None) -> str:
    if is_history:
        return history_adopted_on
    if vote_meeting_id:
        row = database.execute_sql("SELECT held_on FROM meeting WHERE id = ?", (vote_meeting_id,)).fetchone()
        return row[0] if row else ""
    return ""


def rule_sets(session: Session, code: str) -> list[RuleSetLine]:
    """Every rule set of the village with each version's state, in title order.

    A version's `filed_on` is the village's own, else the day the township's register received it
    (as `rule_facts.filing_info`): the township filed it even when the village has not heard yet.
    """
    village_name(session, code)
    sets = database.execute_sql("SELECT id, title, kind FROM rule_set WHERE owner = ? AND +deleted = 0 ORDER BY title",
                                (code,)).fetchall()
    out = []
    for set_id, title, kind in sets:
        versions = []
        for vid, no, vtitle, started, is_history, hist_on, meeting_id, filed_on, n in database.execute_sql(
                "SELECT v.id, v.version_no, v.title, v.started_on, v.is_history, v.history_adopted_on, "
                "v.vote_meeting_id, COALESCE(NULLIF(v.filed_on, ''), (SELECT f.received_on FROM rule_filing f "
                "WHERE f.version_id = v.id AND +f.deleted = 0 ORDER BY f.receipt_date DESC, f.seq DESC LIMIT 1), ''), "
                "(SELECT count(*) FROM rule_article a WHERE a.version_id = v.id "
                "AND +a.deleted = 0) FROM rule_version v WHERE v.rule_set_id = ? AND v.owner = ? AND +v.deleted = 0 "
                "ORDER BY v.version_no DESC", (set_id, code)):
            status = proc.status(facts(vid))
            versions.append(VersionLine(vid, int(no or 0), vtitle, status, started,
                                        _adopted_on(bool(is_history), hist_on, meeting_id), filed_on, n))
        out.append(RuleSetLine(set_id, title, kind, tuple(versions)))
    return out


def version_text(session: Session, code: str, version_id: str) -> VersionText:
    """The text of one version of the village's rules, with its adoption and 备案 facts.

    Raises:
        NotFound: not a live version of this village.
    """
    village_name(session, code)
    owned_row("rule_version", version_id, code, "id")
    view = rules_service.view(version_id)
    v = view.record
    title = database.execute_sql("SELECT title FROM rule_set WHERE id = ?", (v.rule_set_id,)).fetchone()
    filing = view.filing
    return VersionText(
        v.id, title[0] if title else "", view.title, v.version_no, view.status,
        _adopted_on(v.is_history, v.history_adopted_on, v.vote_meeting_id),
        filing.filed_on if filing else "", filing.receipt_no if filing else "", filing.correction if filing else "",
        v.preamble, view.articles)


def compare(session: Session, code: str, old_id: str, new_id: str) -> list[DiffEntry]:
    """The article-by-article diff of two versions of the village (`rules_service.compare`).

    Raises:
        NotFound: either version is not a live version of this village.
    """
    village_name(session, code)
    owned_row("rule_version", old_id, code, "id")
    owned_row("rule_version", new_id, code, "id")
    return rules_service.compare(old_id, new_id)


def article_place(session: Session, code: str, article_id: str) -> tuple[str, int]:
    """(version id, position among the version's articles, 0-based) of an article of the village (for go-to).

    Raises:
        NotFound: not a live article of this village.
    """
    village_name(session, code)
    version_id, position = owned_row("rule_article", article_id, code, "version_id, position")
    before = database.execute_sql("SELECT count(*) FROM rule_article WHERE version_id = ? AND +deleted = 0 "
                                  "AND position < ?", (version_id, position)).fetchone()[0]
    return version_id, before
