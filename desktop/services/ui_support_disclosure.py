"""Read-only look-ups the 村务公开 screens need beyond `disclosure_service`.

The service returns what it writes; the screens also show an item's full
record (review, posting), the feedback list and the posting defaults of the
profile. Plain dataclasses, so `ui/` never touches a peewee record.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from peewee import fn

from desktop.services import disclosure_service as ds
from desktop.services import setup_service
from models.disclosure import calendar as cal
from models.disclosure.records import DisclosureItem, Feedback
from models.messages import Message, msg
from models.township.records import TownshipAnswer


@dataclass(frozen=True)
class ItemDetail:
    """Every field of a disclosure item a person reads."""

    id: str
    category: str
    subject: str
    period_kind: str
    period: str
    event_date: str
    title: str
    content: str
    status: str
    submitted_on: str
    reviewed_on: str
    reviewed_by: str
    review_result: str
    review_reason: str
    posted_on: str
    channels: tuple[str, ...]
    takedown_on: str
    submitted_by: str = ""  # the login that submitted it (it may not approve it)


def item_detail(item_id: str, today: date | None = None) -> ItemDetail:
    """The record of one item (raises `NotFound` like the service)."""
    i = ds.item(item_id)
    try:
        channels = tuple(json.loads(i.channels or "[]"))
    except ValueError:
        channels = ()
    return ItemDetail(i.id, i.category, i.subject, i.period_kind, i.period, i.event_date, i.title, i.content,
                      ds.status(i, today), i.submitted_on, i.reviewed_on, i.reviewed_by, i.review_result,
                      i.review_reason, i.posted_on, channels, i.takedown_on, i.submitted_by)


@dataclass(frozen=True)
class FeedbackRow:
    """A villager's question and its answer."""

    id: str
    received_on: str
    villager: str
    item_id: str | None
    item_title: str
    content: str
    answer: str
    answered_on: str
    escalated_on: str
    #: The township's answer when the feedback was escalated (from the return package), when and by whom.
    township_answer: str = ""
    township_answered_on: str = ""
    township_answered_by: str = ""


def list_feedback() -> list[FeedbackRow]:
    """All feedback, newest first."""
    about = Feedback.select(Feedback.item_id).where(Feedback.deleted == False)  # noqa: E712
    # The titles of the items asked about only (every posting was read as a record before).
    titles = dict(DisclosureItem.select(DisclosureItem.id, DisclosureItem.title).where(
        (DisclosureItem.deleted == False) & DisclosureItem.id.in_(about)).tuples())  # noqa: E712
    # Ordered oldest first, so the latest answer to a feedback is the one kept.
    replies = {a.feedback_id: (a.text, a.answered_on, a.answered_by)
               for a in TownshipAnswer.live().where(TownshipAnswer.feedback.is_null(False))
               .order_by(TownshipAnswer.answered_on, TownshipAnswer.seq)}
    return [FeedbackRow(f.id, f.received_on, f.villager, f.item_id, titles.get(f.item_id, "") if f.item_id else "",
                        f.content, f.answer, f.answered_on, f.escalated_on, *replies.get(f.id, ("", "", "")))
            for f in Feedback.live().order_by(Feedback.received_on.desc(), Feedback.seq.desc())]


def item_years() -> list[int]:
    """The years that have items (from the period), newest first."""
    firsts = DisclosureItem.select(fn.substr(DisclosureItem.period, 1, 4)).where(
        DisclosureItem.deleted == False).distinct().tuples()  # noqa: E712
    years = {int(y) for (y,) in firsts if y.isdigit()}
    return sorted(years, reverse=True)


def min_posting_days() -> int | None:
    """The profile's minimum posting time in days (重庆 10), None when the law sets none."""
    info = setup_service.current()
    return cal.profile(info.province if info else "national").min_posting_days


def deadline_practice_note() -> Message | None:
    """The sentence saying this village's day deadline is practice (惯例), not law (浙江's 20th); None if none.

    A `Message` (translated by the screen), so the secretary knows which deadline is the law's.
    """
    info = setup_service.current()
    note = cal.practice_note(info.province if info else "national")
    return msg("disclosure_calendar", note) if note else None


def ad_hoc_days() -> tuple[int, bool]:
    """Days to post a 随时 item after its event, and whether the province's law sets them (重庆 10)."""
    info = setup_service.current()
    days = cal.profile(info.province if info else "national").ad_hoc_days
    return (days, True) if days else (cal.AD_HOC_DEFAULT_DAYS, False)


def write_year_xlsx(year: int, path: Path) -> Path:
    """The year's disclosures as .xlsx (`disclosure_xlsx.write_year_xlsx`), for the 导出 button."""
    from desktop.reports.disclosure_xlsx import write_year_xlsx as write

    return write(year, Path(path))
