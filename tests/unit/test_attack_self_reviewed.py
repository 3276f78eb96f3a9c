"""A village that declares its own draft reviewed (issue 16, red team), tried with a genuine signed package.

Issue 16, "Authority is checked by owner only": "A village sent a `rule_review`
("agree") … for its own draft: the township's queue then showed the draft as
reviewed and agreed, and the real reviewer was refused ("已于…登记了审核意见")."
The authority table now refuses a village's `rule_review`. The same claim went on
through the village's OWN columns: `rule_version.review_opinion`,
`review_fingerprint`, `review_date`, `review_by` (the paper opinion its secretary
types) made the township's state machine call the draft 已审核 — the opinion of
the township, though the township never gave one. At the township only its own
`rule_review` counts: the village's paper opinion is shown as a claim to check
("村里自报已审核(乡镇无审核记录,请核实)") and never blocks the reviewer; at the
village nothing changes. The assertions on the state and the warning failed on
main before the fix.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop.services import review_service, rules_service
from models.db import close_database
from models.rules import procedure as proc
from models.rules.records import RuleVersion
from models.township import review as rv
from tests.support.sites import export_to, import_into, make_pair
from ui.township.review_queue_model import OPINION, ReviewQueueModel
from ui.widgets.palette import AMBER

WARNING = "村里自报已审核(乡镇无审核记录,请核实)"


def _declare_reviewed(village) -> str:
    """At the village: submit the open draft and type an "agree" the township never gave; its id."""
    session = village.use()
    try:
        [draft] = [v for v in RuleVersion.live() if not v.is_history and not v.vote_meeting_id]
        if not draft.solicitation_closed_on:
            rules_service.close_solicitation(session, draft.id, date(2026, 10, 20))
        rules_service.submit_for_review(session, draft.id, date(2026, 11, 1))
        rules_service.record_review(session, draft.id, proc.AGREE, date(2026, 11, 3), "镇民政办")
        assert proc.status(rules_service.facts(draft.id)) == proc.ST_REVIEWED  # the village's paper opinion counts there
        return draft.id
    finally:
        close_database()


def test_a_village_cannot_declare_its_own_draft_reviewed_at_the_township(tmp_path, qapp):
    """"A village sent a `rule_review` ("agree") … for its own draft: the township's queue then showed the
    draft as reviewed and agreed, and the real reviewer was refused": through its own review_opinion columns
    the draft is, at the township, still waiting for the township's opinion (with a warning to check the
    village's claim), and the reviewer records the township's opinion, which then counts."""
    township, village, usb = make_pair(tmp_path / "pair", years=1, demo=True)
    draft_id = _declare_reviewed(village)
    import_into(township, export_to(village, usb).path, sender=village.paths)
    session = township.use()
    try:
        f = rules_service.facts(draft_id)
        assert proc.status(f) == proc.ST_IN_REVIEW, proc.status(f)
        assert not f.review_opinion

        [row] = [r for r in review_service.queue() if r.version_id == draft_id]
        assert row.state == rv.PENDING and row.opinion == ""
        assert row.self_declared == WARNING
        model = ReviewQueueModel()
        model.set_rows([row])
        cell = model.index(0, OPINION)
        assert cell.data() == WARNING and cell.data(Qt.ItemDataRole.ForegroundRole) == AMBER

        view = review_service.draft(draft_id)
        assert view.can_review, view.blocked_by
        assert view.review is None and view.self_declared == WARNING

        shown = rules_service.view(draft_id).review
        assert shown is not None and not shown.from_township and shown.self_declared

        review_service.record_opinion(session, draft_id, proc.DISAGREE, date(2026, 11, 10), "镇民政办",
                                      text="第五条违法,请删去。")
        f = rules_service.facts(draft_id)
        assert f.review_opinion == proc.DISAGREE
        [row] = [r for r in review_service.queue() if r.version_id == draft_id]
        assert row.state == rv.REVIEWED and row.opinion == proc.DISAGREE and row.self_declared == ""
    finally:
        close_database()
