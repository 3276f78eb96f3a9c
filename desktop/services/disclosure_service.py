"""村务公开: items, financial tables, the committee's review, posting, feedback, the calendar, the catalogue.

The committee reviews: only a member's own login, on a day their seat covers,
signs (`duties`); a secretary or the administrator cannot sign as the
committee, and whoever submitted an item cannot approve it. A financial table that does not balance is refused at posting.
The 公开目录 is the profile's built-ins plus the village's own subjects, which
whoever edits items may add, rename and deactivate.
"""

from __future__ import annotations

import json
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import date

from desktop.services import duties, installation, read_models, record_store, setup_service
from desktop.services.read_models import snapshot, snapshots
from desktop.services.rows_by_ids import in_order_of
from desktop.services.session import Session
from models.db import database
from models.disclosure import calendar as cal
from models.disclosure import catalogue as cat
from models.disclosure import financial_table as ft
from models.disclosure.records import (
    DisclosureItem,
    DisclosureSubject,
    Feedback,
    FinancialLine,
    FinancialPosting,
)
from models.entities import Village
from models.errors import DuplicateRecord, NotFound, PermissionDenied, ValidationError
from models.meetings.quorum import ERROR, Finding
from models.messages import QT_TRANSLATE_NOOP, msg
from models.roles import Permission
from models.stored_values import stored_date

_C = "disclosure"
CHANNELS = ("村务公开栏", "广播", "微信群", "村民大会", "明白纸")
FEEDBACK_DAYS = {"chongqing": 3, "shanghai": 15}  # answer within; national practice: 10


def _invalid(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def _item(item_id: str) -> DisclosureItem:
    row = DisclosureItem.get_or_none((DisclosureItem.id == item_id) & (DisclosureItem.deleted == False))  # noqa: E712
    if row is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这项公开内容。")))
    return row


def status(item: DisclosureItem, today: date | None = None) -> str:
    """Draft / in_review / returned / approved / posted / taken_down (once the takedown day has come)."""
    return stored_status(item.submitted_on, item.review_result, item.posted_on, item.takedown_on,
                         (today or date.today()).isoformat())


def stored_status(submitted_on: str, review_result: str, posted_on: str, takedown_on: str, today: str) -> str:
    """`status` from the stored columns (`today` ISO): the lists read plain rows, not records."""
    if takedown_on and takedown_on <= today:
        return "taken_down"
    if posted_on:
        return "posted"
    if review_result in ("approved", "returned"):
        return review_result
    if submitted_on:
        return "in_review"
    return "draft"


STATUS_LABELS = {
    "draft": QT_TRANSLATE_NOOP(_C, "草稿"), "in_review": QT_TRANSLATE_NOOP(_C, "监委会审核中"),
    "returned": QT_TRANSLATE_NOOP(_C, "被退回"), "approved": QT_TRANSLATE_NOOP(_C, "审核通过,待公开"),
    "posted": QT_TRANSLATE_NOOP(_C, "已公开"), "taken_down": QT_TRANSLATE_NOOP(_C, "已撤下"),
}


def create_item(session: Session, subject: str, period: str, title: str, content: str = "",
                period_kind: str | None = None, event_date: date | None = None,
                allow_duplicate: bool = False) -> read_models.DisclosureItemView:
    """A draft item for `subject` (catalogue code) and `period`.

    A second posting of the same subject for the same month, quarter, half
    year or year is usually a mistake (a click too many): it is refused with
    `DuplicateRecord` naming the one there is, unless `allow_duplicate` (the
    person answered 仍然新建). 随时 items are not checked: two projects may
    well be posted under one subject on the same day.

    Raises:
        DuplicateRecord: the period already has a posting of this subject.
        ValidationError: no such subject, no title, an unknown period kind.
    """
    session.require(Permission.EDIT_RECORDS)
    entry = next((s for s in subject_catalogue() if s.code == subject), None)
    if entry is None:
        if subject.startswith(cat.CUSTOM_PREFIX) and subject_of(subject) is not None:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "“{label}”已经停用,不能再新建这一事项的公开。"),
                           label=subject_label(subject))
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请从目录中选择公开事项。"))
    category, usual = entry.category, entry.period_kind
    kind = period_kind or usual
    if kind not in cat.PERIODS:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "不认识的公开周期:{kind}"), kind=kind)
    if kind == cat.AD_HOC and event_date is None:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "随时公开的事项请填写事情发生(或决定)的日期。"))
    if not title.strip():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写标题。"))
    if not allow_duplicate and kind != cat.AD_HOC:
        _refuse_duplicate(subject, kind, period.strip())
    with database.atomic():
        item = record_store.create(
            session, DisclosureItem, category=category, subject=subject, period_kind=kind,
            period=period.strip() or (event_date.isoformat() if event_date else ""),
            event_date=event_date.isoformat() if event_date else "", title=title.strip(),
            content=content)
        carried = _carried(item)
        if carried is not None:  # 期初余额 = the last posted month's 期末余额
            record_store.create(session, FinancialPosting, item=item, opening_fen=carried.closing_fen, closing_fen=0)
    return snapshot(item)


def _carried(item: DisclosureItem) -> ft.Carried | None:
    """The last posted month's 期末余额 before a monthly financial item's month (same subject), or None."""
    if item.category != cat.FINANCE or item.period_kind != cat.MONTH or len(item.period) != 7:
        return None
    before = (DisclosureItem.live()
              .join(FinancialPosting, on=(FinancialPosting.item == DisclosureItem.id))
              .where((DisclosureItem.subject == item.subject) & (DisclosureItem.period_kind == cat.MONTH)
                     & (DisclosureItem.period < item.period) & (DisclosureItem.posted_on != "")
                     & (FinancialPosting.deleted == False))  # noqa: E712
              .order_by(DisclosureItem.period.desc(), DisclosureItem.posted_on.desc())
              .select(DisclosureItem.period, FinancialPosting.closing_fen).tuples().first())
    if before is None:
        return None
    period, closing = before
    year, month = int(item.period[:4]), int(item.period[5:7])
    previous = f"{year - (month == 1)}-{(month - 2) % 12 + 1:02d}"
    return ft.Carried(period, closing, period == previous)


def carried_opening(item_id: str) -> ft.Carried | None:
    """What this monthly financial item's 期初余额 should be: the last posted month's 期末余额 (None when there is none)."""
    return _carried(_item(item_id))


#: What may be abandoned (放弃草稿): never submitted, or sent back by the committee and so
#: in the secretary's hands again. An item in review, approved or posted has its own course
#: (the committee decides; a posting is taken down on its date) and is never abandoned.
ABANDONABLE = ("draft", "returned")
#: Existing postings of a period, the one to open first: a draft before one under way before a posted one.
_PREFERENCE = ("draft", "returned", "in_review", "approved", "posted", "taken_down")


def existing_items(subject: str, period: str, period_kind: str | None = None) -> list[ItemRow]:
    """The live postings of `subject` for `period` (e.g. "2026-11"), the draft first.

    `period_kind` narrows to one kind (a subject may be posted by month or by quarter).
    """
    query = DisclosureItem.live().where((DisclosureItem.subject == subject) & (DisclosureItem.period == period))
    if period_kind:
        query = query.where(DisclosureItem.period_kind == period_kind)
    rows = [_row(i) for i in query.order_by(DisclosureItem.seq)]
    return sorted(rows, key=lambda r: _PREFERENCE.index(r.status))


def _row(i: DisclosureItem) -> ItemRow:
    return ItemRow(i.id, i.category, i.subject, i.period_kind, i.period, i.title, status(i), i.posted_on)


def refuse_a_second(subject: str, period: str, period_kind: str) -> None:
    """Raise `DuplicateRecord` (the question to ask) when `subject` already has a posting for `period`.

    What `create_item` checks, for a caller that asks before it reads or
    writes anything (`cunwu disclosure import-ledger`).
    """
    _refuse_duplicate(subject, period_kind, period.strip())


def _refuse_duplicate(subject: str, kind: str, period: str) -> None:
    found = existing_items(subject, period, kind)
    if not found:
        return
    first = found[0]
    what = cat.period_label(kind, period) + subject_label(subject) + "公开"
    if first.status in ABANDONABLE:
        template = QT_TRANSLATE_NOOP(_C, "{what} 已有一份草稿,仍要再建一份吗?")
    elif first.status in ("posted", "taken_down"):
        template = QT_TRANSLATE_NOOP(_C, "{what} 已公开,仍要再建一份吗?")
    else:
        template = QT_TRANSLATE_NOOP(_C, "{what} 已有一份,现在“{state}”,仍要再建一份吗?")
    raise DuplicateRecord(msg(_C, template, what=what, state=STATUS_LABELS[first.status]), existing_id=first.id)


def abandon_draft(session: Session, item_id: str) -> None:
    """放弃草稿: the draft goes to the 回收站 (with its table, lines and attachments), and can come back.

    Raises:
        ValidationError: the item was submitted, approved or posted (its reason in words).
    """
    session.require(Permission.EDIT_RECORDS)
    row = _item(item_id)
    state = status(row)
    if state == "in_review":
        raise _invalid(QT_TRANSLATE_NOOP(
            _C, "“{title}”已经提交监委会审核,不能放弃。等监委会退回后才可以放弃。"), title=row.title)
    if state == "approved":
        raise _invalid(QT_TRANSLATE_NOOP(
            _C, "“{title}”已经由监委会审核通过,不是草稿,不能放弃。"), title=row.title)
    if state not in ABANDONABLE:
        raise _invalid(QT_TRANSLATE_NOOP(
            _C, "“{title}”已经公开,不能放弃;公开的内容到撤下日期撤下,记录一直保留。"), title=row.title)
    record_store.soft_delete(session, row)


def item(item_id: str) -> read_models.DisclosureItemView:
    """The item record (for reports and read-only views)."""
    return snapshot(_item(item_id))


def update_item(session: Session, item_id: str, content: str, title: str | None = None) -> read_models.DisclosureItemView:
    """Change a draft's text (and title); refused once it went to review."""
    session.require(Permission.EDIT_RECORDS)
    row = _item(item_id)
    _editable(row)
    changes = {"content": content}
    if title is not None:
        if not title.strip():
            raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写标题。"))
        changes["title"] = title.strip()
    return snapshot(record_store.update(session, row, **changes))


def _editable(item: DisclosureItem) -> None:
    if status(item) in ("in_review", "approved", "posted", "taken_down"):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "已经提交审核或已经公开的内容不能再修改。"))


def _month(item: DisclosureItem) -> str:
    """The posting's month ("2026-10") for a monthly item, else "" (its line dates are not checked against it)."""
    return item.period if item.period_kind == cat.MONTH else ""


def _refuse_too_large(opening_fen: int, closing_fen: int, lines: list[ft.Line]) -> None:
    """Amounts and sums beyond 13 digits of 元 are refused before anything is written (SQLite INTEGER is 64-bit)."""
    too_large = ft.too_large(opening_fen, closing_fen, lines)
    if too_large:
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "没有保存:{reasons}"),
                                  reasons=";".join(f.text() for f in too_large)))


def save_table(session: Session, item_id: str, opening_fen: int, closing_fen: int, lines: list[ft.Line]) -> list[Finding]:
    """Replace the item's financial table; returns the check's findings (saving a draft is allowed).

    Refused (nothing written) when an amount or a sum is beyond 13 digits of 元.
    """
    session.require(Permission.EDIT_RECORDS)
    item = _item(item_id)
    _editable(item)
    _refuse_too_large(opening_fen, closing_fen, lines)
    with database.atomic():
        posting = FinancialPosting.get_or_none(FinancialPosting.item == item)
        if posting is None:
            posting = record_store.create(session, FinancialPosting, item=item, opening_fen=opening_fen,
                                          closing_fen=closing_fen)
        else:
            posting = record_store.update(session, posting, opening_fen=opening_fen, closing_fen=closing_fen)
        existing = list(FinancialLine.live().where(FinancialLine.posting == posting).order_by(FinancialLine.position))
        for position, line in enumerate(lines, start=1):
            values = dict(day=line.day, voucher=line.voucher, summary=line.summary, category=line.category,
                          income_fen=line.income_fen, expense_fen=line.expense_fen, handler=line.handler)
            if position <= len(existing):
                record_store.update(session, existing[position - 1], position=position, **values)
            else:
                record_store.create(session, FinancialLine, posting=posting, position=position, **values)
        for row in existing[len(lines):]:
            record_store.soft_delete(session, row)
    return ft.check(opening_fen, closing_fen, lines, _month(item), _carried(item))


def table(item_id: str) -> tuple[int, int, list[ft.Line]]:
    """(opening, closing, lines) of an item's financial table (zeros and [] when none)."""
    posting = FinancialPosting.get_or_none(FinancialPosting.item == item_id)
    if posting is None:
        return 0, 0, []
    lines = [ft.Line(r.day, r.voucher, r.summary, r.category, r.income_fen, r.expense_fen, r.handler)
             for r in FinancialLine.live().where(FinancialLine.posting == posting).order_by(FinancialLine.position)]
    return posting.opening_fen, posting.closing_fen, lines


def submit(session: Session, item_id: str, on: date) -> None:
    """Send the item to the 监委会 for review (a financial table must balance first)."""
    session.require(Permission.EDIT_RECORDS)
    item = _item(item_id)
    _editable(item)
    if item.category == cat.FINANCE:
        opening, closing, lines = table(item.id)
        errors = [f for f in ft.check(opening, closing, lines, _month(item)) if f.severity == ERROR] if lines else []
        if not lines:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "财务公开表还没有填写收支明细。"))
        if errors:
            raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "不能提交:{reasons}"),
                                      reasons=";".join(f.text() for f in errors)))
    record_store.update(session, item, submitted_on=on.isoformat(), submitted_by=session.actor,
                        review_result="", review_reason="")


def review(session: Session, item_id: str, on: date, approve: bool, reason: str = "") -> None:
    """The committee approves or returns (with a reason).

    Only a committee member's own login signs, on a day their seat covers,
    and never the person who submitted the item (`duties`).
    """
    duties.require_committee_signature(session, on)
    item = _item(item_id)
    own = duties.why_not_approve_own(session, item.submitted_by)
    if own is not None:
        raise PermissionDenied(own)
    if status(item) != "in_review":
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这项内容不在审核中。"))
    if on.isoformat() < item.submitted_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "审核日期不能早于提交日期。"))
    if not approve and not reason.strip():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "退回时请写明理由。"))
    record_store.update(session, item, reviewed_on=on.isoformat(), reviewed_by=session.display_name or session.actor,
                        review_result="approved" if approve else "returned", review_reason=reason.strip())


def post(session: Session, item_id: str, posted_on: date, channels: list[str],
         takedown_on: date | None = None) -> list[Finding]:
    """Record the posting; refused before approval or when dates contradict the profile."""
    session.require(Permission.EDIT_RECORDS)
    item = _item(item_id)
    if status(item) != "approved":
        raise _invalid(QT_TRANSLATE_NOOP(_C, "须经村务监督委员会审核通过后才能公开。"))
    if not channels:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择公开方式,例如“村务公开栏”。"))
    reviewed_on = stored_date(item.reviewed_on)
    if reviewed_on is None:  # a bad stored date (an older import): the posting dates cannot be checked against it
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这一项的审核日期“{value}”有误(来自较早导入的数据包),请先重新审核。"),
                       value=item.reviewed_on)
    findings = cal.check_posting_dates(installation.province(), reviewed_on, posted_on, takedown_on)
    errors = [f for f in findings if f.severity == ERROR]
    if errors:
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(_C, "不能登记公开:{reasons}"),
                                  reasons=";".join(f.text() for f in errors)))
    record_store.update(session, item, posted_on=posted_on.isoformat(), channels=json.dumps(channels, ensure_ascii=False),
                        takedown_on=takedown_on.isoformat() if takedown_on else "")
    return findings


@dataclass(frozen=True)
class ItemRow:
    """An item in the list."""

    id: str
    category: str
    subject: str
    period_kind: str
    period: str
    title: str
    status: str
    posted_on: str


def list_items(year: int | None = None, category: str | None = None, limit: int | None = None) -> list[ItemRow]:
    """Items, newest period first (at most `limit`: the first page, not every id)."""
    if limit is not None:
        return item_page(year, category, 0, limit)
    return item_rows(item_ids(year, category))


def _item_filters(year: int | None, category: str | None) -> tuple[str, list]:
    """The list's WHERE and its parameters.

    `+deleted` keeps SQLite off the `deleted` index (it matches every row);
    the year is a range on `period` (every period begins with its year), so
    the period index serves it where `LIKE '2026%'` read every row.
    """
    where, params = ["+deleted = 0"], []
    if year:
        where.append("period >= ? AND period < ?")
        params += [f"{year:04d}", f"{year + 1:04d}"]
    if category:
        where.append("category = ?")
        params.append(category)
    return " AND ".join(where), params


#: The list's order, newest period first (the id last: pages never overlap), and the same reversed.
_NEWEST_FIRST = "period DESC, seq DESC, id DESC"
_OLDEST_FIRST = "period, seq, id"
_ITEM_LINE = ("SELECT id, category, subject, period_kind, period, title, submitted_on, review_result, posted_on, "
              "takedown_on FROM disclosure_item")


def item_ids(year: int | None = None, category: str | None = None) -> list[str]:
    """The ids of the live items, newest period first (`year`, `category` narrow): what a header sort orders."""
    where, params = _item_filters(year, category)
    return [i for (i,) in database.execute_sql(
        f"SELECT id FROM disclosure_item WHERE {where} ORDER BY {_NEWEST_FIRST}", params)]  # noqa: S608


def item_count(year: int | None = None, category: str | None = None) -> int:
    """How many items the list shows with these filters (one count, no rows)."""
    where, params = _item_filters(year, category)
    return database.execute_sql(f"SELECT count(*) FROM disclosure_item WHERE {where}", params).fetchone()[0]  # noqa: S608


def item_page(year: int | None, category: str | None, offset: int, limit: int,
              total: int | None = None) -> list[ItemRow]:
    """The list's rows at positions offset .. offset+limit-1, newest period first.

    Given `total` (the count), a page in the second half is read from the
    oldest end (the same rows, reversed), so the list's end costs what its
    start does: the period index walks either way.
    """
    where, params = _item_filters(year, category)
    order = _NEWEST_FIRST
    backwards = total is not None and offset > total // 2
    if backwards:
        end = min(offset + limit, total)
        order, offset, limit = _OLDEST_FIRST, total - end, max(0, end - offset)
    today = date.today().isoformat()
    rows = [_item_row(line, today) for line in database.execute_sql(
        f"{_ITEM_LINE} WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset])]  # noqa: S608
    return rows[::-1] if backwards else rows


def item_position(item_id: str, year: int | None = None, category: str | None = None) -> int | None:
    """Where `item_id` comes in the list with these filters (0: the first), None if the list lacks it."""
    where, params = _item_filters(year, category)
    mine = database.execute_sql(f"SELECT period, seq, id FROM disclosure_item WHERE {where} AND id = ?",  # noqa: S608
                                [*params, item_id]).fetchone()
    if mine is None:
        return None
    return database.execute_sql(f"SELECT count(*) FROM disclosure_item WHERE {where} "  # noqa: S608
                                "AND (period, seq, id) > (?, ?, ?)", [*params, *mine]).fetchone()[0]


def _item_row(line: tuple, today: str) -> ItemRow:
    iid, category, subject, kind, period, title, submitted, result, posted, takedown = line
    return ItemRow(iid, category, subject, kind, period, title, stored_status(submitted, result, posted, takedown, today),
                   posted)


def item_rows(ids: list[str]) -> list[ItemRow]:
    """The list rows of `ids`, in that order (one plain-tuple query per 900 ids; a gone id is skipped)."""
    today = date.today().isoformat()
    return in_order_of(ids, lambda chunk, marks: (_item_row(line, today) for line in database.execute_sql(
        f"{_ITEM_LINE} WHERE id IN ({marks}) AND +deleted = 0", chunk)))  # noqa: S608


@dataclass(frozen=True)
class ObligationRow:
    """One legal obligation and how it was met (a 随时 one also names its item's subject and title)."""

    kind: str  # monthly_finance / quarterly / ad_hoc
    period: str  # 2026-10 / 2026Q3 / the event date
    due: str
    status: str
    item_id: str | None
    subject: str = ""
    title: str = ""
    posted_on: str = ""
    #: Not met yet, but a posting for it is under way (a draft, in review, approved): the calendar opens it.
    draft_id: str | None = None


def _period_start(kind: str, period: str) -> date | None:
    """The first day of a monthly ("2026-10") or quarterly ("2026Q3") period (None for others)."""
    try:
        if kind == cat.MONTH and len(period) == 7:
            return date(int(period[:4]), int(period[5:7]), 1)
        if kind == cat.QUARTER and len(period) == 6 and period[4] == "Q":
            return date(int(period[:4]), int(period[5]) * 3 - 2, 1)
    except ValueError:
        return None
    return None


def records_began() -> date | None:
    """The first day this village's 村务公开 is kept in cunwu: its first audited write, or an older posting.

    An item entered later for an older period (or posted, or an older
    event) moves the day back to it: from then on the calendar judges every
    obligation, as the village now keeps those periods here.
    """
    from desktop.services.records_start import first_audited_day

    days = []
    first = first_audited_day()
    if first is not None:
        days.append(first)
    live = DisclosureItem.deleted == False  # noqa: E712
    # The distinct values only: a village repeats its periods and days, and a list of records was read whole.
    for kind, period in DisclosureItem.select(DisclosureItem.period_kind, DisclosureItem.period).where(live) \
            .distinct().tuples():
        start = _period_start(kind, period)
        if start is not None:
            days.append(start)
    for column in (DisclosureItem.posted_on, DisclosureItem.event_date):
        for (text,) in DisclosureItem.select(column).where(live).distinct().tuples():
            try:
                days.append(date.fromisoformat(text))
            except (TypeError, ValueError):
                pass
    return min(days) if days else None


def calendar_year(year: int, today: date | None = None, since: date | None = None) -> list[ObligationRow]:
    """The year's obligations, each matched to the posting that met it (if any).

    Monthly and quarterly ones first, then one per 随时 item whose event
    happened in `year` (by `today`), due the profile's days after the event.
    With `since` (see `records_began`), an obligation due before it and not
    met is `cal.BEFORE_USE`, never overdue.
    """
    today = today or date.today()
    info = setup_service.current()
    village = Village.get_or_none(Village.code == info.code) if info else None
    busy = bool(village and getattr(village, "finance_busy", False))
    # A village that posts monthly finances (most do) is held to the monthly rule.
    busy = busy or DisclosureItem.live().where(
        (DisclosureItem.category == cat.FINANCE) & (DisclosureItem.period_kind == cat.MONTH)
        & (DisclosureItem.posted_on != "")).exists()
    province = installation.province()
    obligations = cal.obligations(year, province, busy, today)
    # Only the items that can meet this year's obligations (the village's whole history was read before).
    items = list(DisclosureItem.live().where(
        DisclosureItem.period_kind.in_((cat.MONTH, cat.QUARTER))
        & DisclosureItem.period.in_(sorted({o.period for o in obligations}))).order_by(DisclosureItem.seq))
    posted = [i for i in items if i.posted_on]
    under_way = sorted((i for i in items if not i.posted_on), key=lambda i: _PREFERENCE.index(status(i)))
    out = []
    for o in obligations:
        if o.kind == "monthly_finance":
            def meets(i: DisclosureItem, period: str = o.period) -> bool:
                return i.category == cat.FINANCE and i.period_kind == cat.MONTH and i.period == period
        else:
            def meets(i: DisclosureItem, period: str = o.period) -> bool:
                return i.period_kind == cat.QUARTER and i.period == period
        match = [i for i in posted if meets(i)]
        first = min(match, key=lambda i: i.posted_on) if match else None
        draft = None if first else next((i for i in under_way if meets(i)), None)
        state = cal.status(o.due, stored_date(first.posted_on) if first else None, today, since=since)
        out.append(ObligationRow(o.kind, o.period, o.due.isoformat(), state, first.id if first else None,
                                 posted_on=first.posted_on if first else "",
                                 draft_id=draft.id if draft else None))
    out.extend(_ad_hoc_rows(year, province, today))
    return out


def _ad_hoc_rows(year: int, province: str, today: date) -> list[ObligationRow]:
    query = (DisclosureItem.live()
             .where((DisclosureItem.period_kind == cat.AD_HOC) & DisclosureItem.event_date.startswith(f"{year:04d}-"))
             .order_by(DisclosureItem.event_date, DisclosureItem.seq))
    out = []
    for i in query:
        event = stored_date(i.event_date)
        if event is None:  # no real day (an older import): no obligation can be reckoned from it
            continue
        if event > today:  # a planned event is no obligation yet
            continue
        o = cal.ad_hoc_obligation(event, province)
        state = cal.status(o.due, stored_date(i.posted_on), today)
        out.append(ObligationRow(o.kind, o.period, o.due.isoformat(), state, i.id, i.subject, i.title, i.posted_on))
    return out


# --- the catalogue (公开目录) ----------------------------------------------------------

_LABEL_MAX = 32


def _own_subjects() -> list[cat.Subject]:
    return [cat.Subject(r.code, r.label, r.category, r.period_kind, False, bool(r.active))
            for r in DisclosureSubject.live().order_by(DisclosureSubject.label)]


def subject_catalogue(include_inactive: bool = False) -> list[cat.Subject]:
    """This village's catalogue: the profile's built-ins and its own (active) subjects, by category."""
    return cat.effective(installation.province(), _own_subjects(), include_inactive)


def subject_of(code: str) -> cat.Subject | None:
    """Any subject an item may name: a built-in of any profile, or one of the village's own (even stopped)."""
    if cat.is_builtin(code):
        label, category, kind = cat.ALL_BUILTIN[code]
        return cat.Subject(code, label, category, kind, True)
    row = DisclosureSubject.get_or_none((DisclosureSubject.code == code) & (DisclosureSubject.deleted == False))  # noqa: E712
    return cat.Subject(row.code, row.label, row.category, row.period_kind, False, bool(row.active)) if row else None


def own_subject_labels() -> dict[str, str]:
    """Labels of the village's own subjects by code (stopped ones too), for lists that show many items."""
    return {r.code: r.label for r in DisclosureSubject.live()}


def subject_label(code: str) -> str:
    """The label of a subject (a built-in's in Chinese source text; the code when unknown)."""
    entry = subject_of(code)
    return entry.label if entry else code


def _same(label: str) -> str:
    return "".join(unicodedata.normalize("NFKC", label).split())


def _check_label(label: str, category: str, period_kind: str, except_code: str = "") -> str:
    label = " ".join(label.split())
    if not label:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写公开事项的名称。"))
    if len(label) > _LABEL_MAX:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "名称太长了,请不超过 {n} 个字。"), n=_LABEL_MAX)
    if category not in cat.CATEGORIES:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择公开类别(党务、村务或财务)。"))
    if period_kind not in cat.PERIODS:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "不认识的公开周期:{kind}"), kind=period_kind)
    key = _same(label)
    for s in subject_catalogue(include_inactive=True):
        if s.code == except_code or _same(s.label) != key:
            continue
        if s.builtin:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "目录中已经有内置的“{label}”,不必再新增。"), label=s.label)
        if not s.active:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "“{label}”已经停用,请在目录中选中它、重新启用。"), label=s.label)
        raise _invalid(QT_TRANSLATE_NOOP(_C, "目录中已经有“{label}”了。"), label=s.label)
    return label


def _own_row(code: str) -> DisclosureSubject:
    if cat.is_builtin(code):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "“{label}”是内置的公开事项,不能修改或停用。"),
                       label=cat.ALL_BUILTIN[code][0])
    row = DisclosureSubject.get_or_none((DisclosureSubject.code == code) & (DisclosureSubject.deleted == False))  # noqa: E712
    if row is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这个公开事项。")))
    return row


def add_subject(session: Session, label: str, category: str, period_kind: str) -> cat.Subject:
    """Add one of the village's own subjects to its catalogue."""
    session.require(Permission.EDIT_RECORDS)
    with database.atomic():
        label = _check_label(label, category, period_kind)
        code = f"{cat.CUSTOM_PREFIX}{uuid.uuid4().hex[:12]}"
        record_store.create(session, DisclosureSubject, code=code, label=label, category=category,
                            period_kind=period_kind, active=True)
    return cat.Subject(code, label, category, period_kind, False, True)


def update_subject(session: Session, code: str, label: str, category: str, period_kind: str) -> cat.Subject:
    """Rename one of the village's own subjects (items keep its code and show the new name).

    The category may change only while no item uses the subject (items keep theirs).
    """
    session.require(Permission.EDIT_RECORDS)
    with database.atomic():
        row = _own_row(code)
        label = _check_label(label, category, period_kind, except_code=code)
        if category != row.category:
            used = DisclosureItem.live().where(DisclosureItem.subject == code).count()
            if used:
                raise _invalid(QT_TRANSLATE_NOOP(_C, "已有 {n} 项公开内容属于这一事项,不能再改类别。"), n=used)
        record_store.update(session, row, label=label, category=category, period_kind=period_kind)
    return cat.Subject(code, label, category, period_kind, False, bool(row.active))


def set_subject_active(session: Session, code: str, active: bool) -> cat.Subject:
    """Stop (no new items; old items keep the label) or re-enable one of the village's own subjects."""
    session.require(Permission.EDIT_RECORDS)
    with database.atomic():
        row = _own_row(code)
        if active and not row.active:
            _check_label(row.label, row.category, row.period_kind, except_code=code)
        if bool(row.active) != active:
            row = record_store.update(session, row, active=active)
    return cat.Subject(code, row.label, row.category, row.period_kind, False, bool(row.active))


# --- feedback ----------------------------------------------------------------------

def add_feedback(session: Session, received_on: date, content: str, villager: str = "",
                 item_id: str | None = None) -> read_models.FeedbackView:
    """Log a villager's question or objection (anonymous when `villager` is empty)."""
    if not session.can(Permission.COMMITTEE_REVIEW):
        session.require(Permission.EDIT_RECORDS)
    if not content.strip():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写村民反映的内容。"))
    return snapshot(record_store.create(
        session, Feedback, item=item_id, received_on=received_on.isoformat(),
        villager=villager.strip(), content=content.strip()))


def answer_feedback(session: Session, feedback_id: str, on: date, answer: str) -> None:
    """Record the answer given to the villager."""
    session.require(Permission.EDIT_RECORDS)
    row = Feedback.get_or_none((Feedback.id == feedback_id) & (Feedback.deleted == False))  # noqa: E712
    if row is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这条村民反映。")))
    if row.answered_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这条反映已于 {on} 答复过了。"), on=row.answered_on)
    if on.isoformat() < row.received_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "答复日期不能早于收到日期。"))
    if not answer.strip():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写答复内容。"))
    record_store.update(session, row, answered_on=on.isoformat(), answer=answer.strip())


def feedback_due_days() -> int:
    """Days to answer under this village's profile (重庆 3, 上海 15, otherwise 10)."""
    return FEEDBACK_DAYS.get(installation.province(), 10)


def overdue_feedback(today: date | None = None) -> list[read_models.FeedbackView]:
    """Unanswered feedback past the profile's answer period."""
    from datetime import timedelta

    today = today or date.today()
    days = feedback_due_days()
    return snapshots([f for f in Feedback.live() if not f.answered_on
                      and stored_date(f.received_on) is not None
                      and stored_date(f.received_on) + timedelta(days=days) < today])


def escalate_feedback(session: Session, feedback_id: str, on: date) -> read_models.FeedbackView:
    """Report an unanswered question to the township (组织法 第三十一条): travels in the next package."""
    if not session.can(Permission.COMMITTEE_REVIEW):
        session.require(Permission.EDIT_RECORDS)
    row = Feedback.get_or_none((Feedback.id == feedback_id) & (Feedback.deleted == False))  # noqa: E712
    if row is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这条村民反映。")))
    if row.answered_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "这条反映已经答复,不需要报告乡镇。"))
    if row.escalated_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "已经于 {on} 报告乡镇。"), on=row.escalated_on)
    return snapshot(record_store.update(session, row, escalated_on=on.isoformat()))
