"""A village's 村务公开 postings as the township holds them, with their financial tables (read only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.services.rows_by_ids import in_order_of
from desktop.services.session import Session
from desktop.services.village_file.common import owned_row, village_name
from models.db import database
from models.disclosure import financial_table as ft
from models.stored_values import stored_int


@dataclass(frozen=True)
class PostingLine:
    """One posting in the list."""

    id: str
    period_kind: str
    period: str
    category: str
    subject: str
    title: str
    status: str  # `disclosure_service.STATUS_LABELS` keys
    posted_on: str


@dataclass(frozen=True)
class FeedbackLine:
    """A villager's question on a posting and the answer."""

    received_on: str
    villager: str
    content: str
    answer: str
    answered_on: str
    escalated_on: str


@dataclass(frozen=True)
class Posting:
    """One posting: its text, its review and posting dates, its table and the questions on it."""

    id: str
    period_kind: str
    period: str
    category: str
    subject: str
    title: str
    content: str
    status: str
    submitted_on: str
    reviewed_on: str
    reviewed_by: str
    review_result: str
    review_reason: str
    posted_on: str
    takedown_on: str
    has_table: bool
    opening_fen: int
    closing_fen: int
    lines: tuple[ft.Line, ...]
    feedback: tuple[FeedbackLine, ...]


def _status(submitted: str, review_result: str, posted: str, takedown: str, today: str) -> str:
    """The state `disclosure_service.status` derives, from the stored columns."""
    if takedown and takedown <= today:
        return "taken_down"
    if posted:
        return "posted"
    if review_result in ("approved", "returned"):
        return review_result
    return "in_review" if submitted else "draft"


def postings(session: Session, code: str, year: int | None = None, limit: int | None = None) -> list[PostingLine]:
    """The village's postings, newest period first (`year` narrows to one year), every one unless `limit`.

    No limit by default (the list once stopped at 2,000 without saying so): plain tuples, one query.
    """
    village_name(session, code)
    where, params = _where(code, year)
    return _lines(f"{where} ORDER BY {_ORDER} LIMIT ?", [*params, -1 if limit is None else int(limit)])


def posting_ids(session: Session, code: str, year: int | None = None) -> list[str]:
    """The ids of every posting `postings` lists, in its order: the 村务公开 tab pages by these."""
    village_name(session, code)
    where, params = _where(code, year)
    return [i for (i,) in database.execute_sql(f"SELECT id FROM disclosure_item WHERE {where} ORDER BY {_ORDER}",  # noqa: S608
                                               params)]


def posting_lines(session: Session, code: str, ids: list[str]) -> list[PostingLine]:
    """The list lines of `ids` (a chunk) of village `code`, in the order of `ids` (another village's: left out)."""
    village_name(session, code)
    return in_order_of(ids, lambda chunk, marks: _lines(f"id IN ({marks}) AND owner = ? AND +deleted = 0",
                                                        [*chunk, code]))


#: The list's order: newest period first, then the newest change.
_ORDER = "period DESC, seq DESC, rowid DESC"


def _where(code: str, year: int | None) -> tuple[str, list[object]]:
    """The village's live postings, of `year` when given."""
    where, params = "owner = ? AND +deleted = 0", [code]
    if year:
        where += " AND substr(period, 1, 4) = ?"
        params.append(f"{year:04d}")
    return where, params


def _lines(where_order: str, params: list[object]) -> list[PostingLine]:
    """The list lines of the postings `where_order` (WHERE terms, then any ORDER BY / LIMIT) picks."""
    today = date.today().isoformat()
    rows = database.execute_sql(
        "SELECT id, period_kind, period, category, subject, title, submitted_on, review_result, posted_on, "
        f"takedown_on FROM disclosure_item WHERE {where_order}", params)  # noqa: S608 - our own terms
    return [PostingLine(i, pk, p, c, s, t, _status(sub, rr, po, td, today), po)
            for i, pk, p, c, s, t, sub, rr, po, td in rows]


def posting(session: Session, code: str, item_id: str) -> Posting:
    """One posting of the village with its table lines and the questions on it.

    Raises:
        NotFound: not a live posting of this village.
    """
    village_name(session, code)
    (iid, pk, period, category, subject, title, content, submitted, reviewed_on, reviewed_by, result, reason,
     posted, takedown) = owned_row(
        "disclosure_item", item_id, code,
        "id, period_kind, period, category, subject, title, content, submitted_on, reviewed_on, reviewed_by, "
        "review_result, review_reason, posted_on, takedown_on")
    head = database.execute_sql("SELECT id, opening_fen, closing_fen FROM financial_posting WHERE item_id = ? "
                                "AND +deleted = 0", (iid,)).fetchone()
    lines: tuple[ft.Line, ...] = ()
    if head is not None:
        lines = tuple(ft.Line(day, voucher, summary, cat, stored_int(inc) or 0, stored_int(exp) or 0, handler)
                      for day, voucher, summary, cat, inc, exp, handler in database.execute_sql(
                          "SELECT day, voucher, summary, category, income_fen, expense_fen, handler "
                          "FROM financial_line WHERE posting_id = ? AND +deleted = 0 ORDER BY position", (head[0],)))
    feedback = tuple(FeedbackLine(*row) for row in database.execute_sql(
        "SELECT received_on, villager, content, answer, answered_on, escalated_on FROM feedback "
        "WHERE item_id = ? AND owner = ? AND +deleted = 0 ORDER BY received_on", (iid, code)))
    return Posting(iid, pk, period, category, subject, title, content,
                   _status(submitted, result, posted, takedown, date.today().isoformat()), submitted, reviewed_on,
                   reviewed_by, result, reason, posted, takedown, head is not None,
                   stored_int(head[1]) or 0 if head else 0, stored_int(head[2]) or 0 if head else 0, lines, feedback)
