"""The village home page's to-do list: what this login has to do now, by what it may do.

A person opening cunwu should read first what is waiting for *them*, not
every figure of the village: the 监委会 member sees the items waiting for
their review and the answers to verify; the secretary sees the postings due,
the matters waiting for the 村委会's answer and the drafts not yet sent; the
administrator sees the accounts the committee still lacks and how old the
last backup is. A fresh village sees one line: register the people first.

Who gets which line follows the same rules the services enforce (`duties`
for the committee and the 村委会's answer, the role's permissions for the
rest), so a line never sends a person to a button they cannot press.

Each line names the area to open (`page`, a navigation key, with an
optional tab after a colon, or "accounts" for 设置 → 账号) and says whether
it is urgent (past a deadline). A line about exactly one record carries its
id after an "@" ("disclosure:list@<id>"), so the button opens that record
rather than leaving the person to find it in the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desktop.services import decisions_service, duties
from desktop.services import disclosure_service as ds
from desktop.services.session import Session
from models.disclosure import calendar as cal
from models.disclosure.records import DisclosureItem
from models.entities import Person, User
from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.roles import Permission
from models.supervision import matters as mm
from models.supervision.records import SupervisionMatter, VoucherReview

_C = "todo"
#: A backup older than this many days is worth a line for the administrator.
BACKUP_STALE_DAYS = 7


@dataclass(frozen=True)
class TodoLine:
    """One thing to do: the sentence, where to do it, and whether a deadline has passed."""

    key: str
    text: Message
    page: str  # navigation key, "area:tab", "area:tab@record id", or "accounts"
    urgent: bool = False


def _at(page: str, records: list) -> str:
    """`page`, with the record's id when the line is about exactly one record (the button opens it)."""
    return f"{page}@{records[0].id}" if len(records) == 1 else page


def register_empty() -> bool:
    """Whether nobody is in the 人员名册 yet (a fresh village: nothing else can work before it)."""
    return not Person.live().exists()


def todo(session: Session, today: date | None = None, backups: Path | None = None) -> list[TodoLine]:
    """What `session` has to do on `today`, most pressing first (urgent lines lead).

    `backups` is the automatic backups folder (the administrator's backup
    line is left out without it).
    """
    today = today or date.today()
    if register_empty():
        return [TodoLine("register", msg(_C, QT_TRANSLATE_NOOP(
            _C, "先登记人员名册:村委会、村民代表、监委会和账号都要从名册里选人。可以逐个添加,也可以导入花名册。")),
            "people")]
    lines: list[TodoLine] = []
    if duties.why_not_sign(session, today) is None:
        lines += _committee_lines(session, today)
    if session.can(Permission.EDIT_RECORDS):
        lines += _secretary_lines(today)
    if duties.why_not_answer(session, today) is None:
        lines += _answer_lines(today)
    if session.can(Permission.MANAGE_USERS):
        lines += _admin_lines(today, backups)
    lines.sort(key=lambda line: not line.urgent)  # stable: each group keeps its order
    return lines


#: What each unposted state needs stored (`ds.status`): the records read are those only, the status
#: still told by `ds.status` (a takedown day may have come) — a village's years of postings are not all read.
_UNPOSTED = {
    "in_review": (DisclosureItem.submitted_on != "") & DisclosureItem.review_result.not_in(("approved", "returned")),
    "returned": DisclosureItem.review_result == "returned",
    "draft": (DisclosureItem.submitted_on == "") & DisclosureItem.review_result.not_in(("approved", "returned")),
}


@dataclass(frozen=True)
class _Item:
    """What a to-do line reads of an item (plain columns, not the record)."""

    id: str
    submitted_by: str
    submitted_on: str


def _items_in(state: str) -> list[_Item]:
    """The live items whose status is `state` (one of `_UNPOSTED`)."""
    i = DisclosureItem
    today = date.today().isoformat()
    query = (i.select(i.id, i.submitted_by, i.submitted_on, i.review_result, i.posted_on, i.takedown_on)
             .where((i.deleted == False) & (i.posted_on == "") & _UNPOSTED[state]).tuples())  # noqa: E712
    return [_Item(iid, by, on) for iid, by, on, result, posted, takedown in query
            if ds.stored_status(on, result, posted, takedown, today) == state]


def _in_review() -> list[_Item]:
    return _items_in("in_review")


#: The stored days of a matter in each open state (`mm.state`): the open matters of that state only are read.
_MATTER_STATES = {
    mm.ANSWERED: (SupervisionMatter.answered_on != ""),
    mm.NOTIFIED: (SupervisionMatter.answered_on == "") & (SupervisionMatter.notified_on != ""),
}


@dataclass(frozen=True)
class _Matter:
    """What a to-do line reads of a matter (plain columns, not the record)."""

    id: str
    deadline: str


def _matters_in(state: str) -> list[_Matter]:
    """The live matters whose state is `state` (`mm.ANSWERED` or `mm.NOTIFIED`)."""
    m = SupervisionMatter
    query = (m.select(m.id, m.opened_on, m.notified_on, m.deadline, m.answered_on, m.verified_on, m.closed_on,
                      m.escalated_on)
             .where((m.deleted == False) & (m.closed_on == "") & (m.verified_on == "")  # noqa: E712
                    & _MATTER_STATES[state]).tuples())
    return [_Matter(mid, facts[2]) for mid, *facts in query if mm.state(mm.MatterFacts(*facts)) == state]


def _committee_lines(session: Session, today: date) -> list[TodoLine]:
    """Items waiting for review (not one's own), answers to verify, last month's 民主理财."""
    out = []
    waiting = [i for i in _in_review() if duties.why_not_approve_own(session, i.submitted_by) is None]
    if waiting:
        out.append(TodoLine("review", msg(_C, QT_TRANSLATE_NOOP(
            _C, "{n} 项公开内容等待监委会审核(最早 {day} 提交)。"), n=len(waiting),
            day=min(i.submitted_on for i in waiting)), _at("disclosure:list", waiting)))
    answered = _matters_in(mm.ANSWERED)
    if answered:
        out.append(TodoLine("verify", msg(_C, QT_TRANSLATE_NOOP(
            _C, "{n} 件监督事项村委会已经答复,等待核实整改情况。"), n=len(answered)), _at("supervision:matters", answered)))
    last_month = date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, 1).strftime("%Y-%m")
    began = decisions_service.records_began()
    kept = began is None or began.strftime("%Y-%m") <= last_month  # not a month before cunwu was used here
    if kept and not VoucherReview.live().where(VoucherReview.period == last_month).exists():
        out.append(TodoLine("vouchers", msg(_C, QT_TRANSLATE_NOOP(
            _C, "{period} 的财务凭证还没有民主理财审核记录。"), period=last_month), "supervision:vouchers"))
    return out


def _secretary_lines(today: date) -> list[TodoLine]:
    """Postings overdue or due soon, items returned or still drafts, meetings to approve."""
    out = []
    began = ds.records_began()  # what fell due before the village used cunwu is not overdue here
    rows = [r for year in {today.year - (today.month == 1), today.year}
            for r in ds.calendar_year(year, today, since=began)]
    overdue = [r for r in rows if r.status == cal.OVERDUE]
    soon = [r for r in rows if r.status == cal.DUE_SOON]
    if overdue:
        out.append(TodoLine("overdue", msg(_C, QT_TRANSLATE_NOOP(
            _C, "{n} 项公开已经过了期限还没有公开(最早应在 {day} 前)。"), n=len(overdue),
            day=min(r.due for r in overdue)), "disclosure:calendar", urgent=True))
    if soon:
        out.append(TodoLine("due", msg(_C, QT_TRANSLATE_NOOP(
            _C, "{n} 项公开即将到期(最近一项 {day} 前)。"), n=len(soon), day=min(r.due for r in soon)),
            "disclosure:calendar"))
    returned = _items_in("returned")
    drafts = _items_in("draft")
    if returned:
        out.append(TodoLine("returned", msg(_C, QT_TRANSLATE_NOOP(
            _C, "{n} 项公开内容被监委会退回,请按意见修改后再提交。"), n=len(returned)), _at("disclosure:list", returned)))
    if drafts:
        out.append(TodoLine("drafts", msg(_C, QT_TRANSLATE_NOOP(
            _C, "{n} 项公开内容还是草稿,没有提交监委会审核。"), n=len(drafts)), _at("disclosure:list", drafts)))
    from models.meetings.records import STATUS_DRAFT, Meeting

    # A count, and the record only when the line is about one (25,000 drafts at 100,000 meetings
    # were all built as records for one number: 5.7 s on the home page).
    drafted = Meeting.live().select(Meeting.id).where(Meeting.status == STATUS_DRAFT)
    count = drafted.count()
    if count:
        out.append(TodoLine("meetings", msg(_C, QT_TRANSLATE_NOOP(
            _C, "{n} 份会议记录还没有审定(审定前不算召开)。"), n=count),
            _at("meetings", [drafted.get()]) if count == 1 else "meetings"))
    return out


def _answer_lines(today: date) -> list[TodoLine]:
    """Supervision matters waiting for the 村委会's answer (those past their deadline are urgent)."""
    out = []
    waiting = _matters_in(mm.NOTIFIED)
    late = [m for m in waiting if m.deadline and m.deadline < today.isoformat()]
    if waiting:
        out.append(TodoLine("answer", msg(_C, QT_TRANSLATE_NOOP(
            _C, "{n} 件监督事项等待村委会答复,其中 {late} 件已过整改期限。"), n=len(waiting), late=len(late)),
            _at("supervision:matters", waiting), urgent=bool(late)))
    return out


def _admin_lines(today: date, backups: Path | None) -> list[TodoLine]:
    """Committee members without their own login; the last backup's age."""
    out = []
    if not duties.committee_formed():
        out.append(TodoLine("committee", msg(_C, QT_TRANSLATE_NOOP(
            _C, "还没有登记村务监督委员会成员:监委会的审核要由委员用自己的账号完成。"
                "请在 村务监督 → 成员 中登记。")), "supervision:members"))
    else:
        bound = {u.person_id for u in User.select().where((User.active == True) & (User.role == "committee"))}  # noqa: E712
        without = [pid for pid in duties.members_on(today) if pid not in bound]
        if without:
            names = [p.name for p in Person.select().where(Person.id.in_(without))]
            out.append(TodoLine("accounts", msg(_C, QT_TRANSLATE_NOOP(
                _C, "监委会成员{names}还没有自己的登录账号,不能签署审核:请在 设置 → 账号 中添加。"),
                names="、".join(sorted(names))), "accounts"))
    if backups is not None:
        from desktop.backup import list_backups

        found = list_backups(backups)
        if not found:
            out.append(TodoLine("backup", msg(_C, QT_TRANSLATE_NOOP(
                _C, "还没有备份:请用 文件 → 备份… 把数据备份到U盘。")), "backup"))
        else:
            days = (datetime.now() - found[0].taken).days
            if days >= BACKUP_STALE_DAYS:
                out.append(TodoLine("backup", msg(_C, QT_TRANSLATE_NOOP(
                    _C, "上次备份是 {days} 天前({day}):请用 文件 → 备份… 再备份一次。"), days=days,
                    day=found[0].taken.date().isoformat()), "backup", urgent=days >= 30))
    return out
