"""Meetings and 四议两公开 registers made through the services, on top of the demo village."""

from __future__ import annotations

from datetime import date

from desktop.services import decisions_service, meetings_service
from desktop.services.meetings_service import ResolutionLine
from desktop.services.session import Session


def failed_resolution_register(session: Session) -> str:
    """A register whose ④ vote did not pass, so ⑤ is blocked."""
    reg = decisions_service.create_register(session, "集体鱼塘对外租赁", "property_disposal")
    year = date.today().year
    last = f"{year}-01-01"
    for step, code in (("propose", "party_branch_committee"), ("discuss", "two_committees"),
                       ("review", "party_members")):
        meeting = min((m for m in meetings_service.list_meetings(code, year)
                       if m.quorum_met and m.held_on >= last), key=lambda m: m.held_on)
        last = meeting.held_on
        decisions_service.add_step(session, reg.id, step, date.fromisoformat(last), meeting.id)
    draft = meetings_service.new_draft("representatives", date(year, 10, 20))
    draft.resolutions = [ResolutionLine("同意集体鱼塘对外租赁", "general", 5, 30, 1)]
    meeting_id = meetings_service.save(session, draft)
    decisions_service.add_step(session, reg.id, "resolve", draft.held_on, meeting_id)
    return reg.id
