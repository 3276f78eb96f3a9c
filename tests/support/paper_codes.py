"""The demo village's printed documents and the 核验码 read off them (issue 16's paper tests)."""

from __future__ import annotations

import re

from models.db import close_database

CODE = re.compile(r"核验码:([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})")


def codes(html: str) -> list[str]:
    """Every 核验码 printed in `html`, in order."""
    return CODE.findall(html)


def printed_at_village(village) -> dict[str, tuple[str, str]]:
    """kind -> (record id, code) for one printed document of each village kind."""
    from desktop.reports import disclosure_documents, meeting_documents
    from models.disclosure.records import DisclosureItem, FinancialPosting
    from models.meetings.records import Meeting
    from models.supervision.records import Appraisal
    from ui.supervision import report_html

    village.use()
    meeting = Meeting.live().where(Meeting.status == "approved").order_by(Meeting.held_on.desc()).first()
    posting = (FinancialPosting.live().join(DisclosureItem).where(DisclosureItem.deleted == False)  # noqa: E712
               .order_by(DisclosureItem.period.desc()).first())
    appraisal = Appraisal.live().order_by(Appraisal.held_on.desc()).first()
    out = {"M": (meeting.id, codes(meeting_documents.minutes_html(meeting.id))[0]),
           "P": (posting.item_id, codes(disclosure_documents.poster_html(posting.item_id))[0])}
    report = report_html.annual_report_html(int(appraisal.year))
    out["A"] = (appraisal.id, codes(report)[0])
    close_database()
    return out
