"""The compliance engine of the township (合规看板): one village's facts and a period → cells.

Pure: no Qt, no database. `desktop/services/compliance_service.py` reads the
imported records into `VillageFacts` (plain values, one object per village),
and this module decides, obligation by obligation, what the packages show.

Each obligation is cut into *occurrences* (a quarter's posting, a month's
例会, a year's 民主评议) with a deadline taken from the existing rules:
`models.disclosure.calendar` (deadlines per province profile),
`models.meetings.cadence` (quarters), `models.rules.procedure` (in force). An
occurrence is

* OK / LATE when a record meets it, by or after its deadline;
* DUE while its deadline has not passed (a quarter not over yet is not missing);
* NA (无数据) when the village's data cannot tell: its last package was written
  before the deadline (it may have done it since), or the period lies before
  anything it ever recorded — rates count it as not on time (`board.share`);
* MISSING otherwise.

A cell is the worst of its occurrences, in the order MISSING, NA, LATE, OK;
DUE only when nothing has come due yet (a year in progress whose past
quarters were all met is OK, with "2/4" as its note); NONE (不适用) when
nothing was required (no committee yet, no 村规民约 in force to file).

Only valid meetings count: a 村民代表会议 or 监委会例会 whose minutes were
审定 and whose quorum the township's own reading of the attendance judged
met (`MeetingFact.valid`, set by the service in one pass over all villages).
Answering what a village escalated is the township's duty
(`Obligation.duty_of` TOWNSHIP): shown per village, summed in the township's
own row (`township_cell`), never in a village's rate.
"""

from __future__ import annotations

import calendar as _cal
import functools
from dataclasses import dataclass, field
from datetime import date, timedelta

from models.disclosure import calendar as dcal
from models.meetings.cadence import quarter_of, quarters_between
from models.messages import QT_TRANSLATE_NOOP, msg
from models.rules import procedure as proc
from models.township.board import (
    DUE,
    LATE,
    MISSING,
    NA,
    NONE,
    OK,
    STATE_LABELS,
    TOWNSHIP,
    Cell,
    Obligation,
    share,
)

_C = "compliance"

DISCLOSURE_AFFAIRS = "disclosure_affairs"
DISCLOSURE_FINANCE = "disclosure_finance"
REP_MEETINGS = "rep_meetings"
COMMITTEE_MEETINGS = "committee_meetings"
APPRAISAL = "appraisal"
RULES_IN_FORCE = "rules_in_force"
RULES_FILED = "rules_filed"
ESCALATIONS = "escalations"

#: The board's columns, in the order the screen and the report show them.
OBLIGATIONS: tuple[Obligation, ...] = (
    Obligation(DISCLOSURE_AFFAIRS, QT_TRANSLATE_NOOP(_C, "村务公开"), "disclosure",
               QT_TRANSLATE_NOOP(_C, "组织法第30条:一般事项至少每季度公开一次")),
    Obligation(DISCLOSURE_FINANCE, QT_TRANSLATE_NOOP(_C, "财务公开"), "disclosure",
               QT_TRANSLATE_NOOP(_C, "组织法第30条:财务往来较多的每月公开,其余每季度")),
    Obligation(REP_MEETINGS, QT_TRANSLATE_NOOP(_C, "村民代表会议"), "meetings",
               QT_TRANSLATE_NOOP(_C, "组织法第26条:每季度召开一次")),
    Obligation(COMMITTEE_MEETINGS, QT_TRANSLATE_NOOP(_C, "监委会例会"), "supervision",
               QT_TRANSLATE_NOOP(_C, "村务监督委员会工作规则:每月例会")),
    Obligation(APPRAISAL, QT_TRANSLATE_NOOP(_C, "民主评议"), "supervision",
               QT_TRANSLATE_NOOP(_C, "组织法第33条:每年至少一次")),
    Obligation(RULES_IN_FORCE, QT_TRANSLATE_NOOP(_C, "村规民约生效"), "rules",
               QT_TRANSLATE_NOOP(_C, "组织法第27条:村民会议制定村规民约")),
    Obligation(RULES_FILED, QT_TRANSLATE_NOOP(_C, "村规民约备案"), "rules",
               QT_TRANSLATE_NOOP(_C, "组织法第27条:报乡镇政府备案")),
    Obligation(ESCALATIONS, QT_TRANSLATE_NOOP(_C, "上报事项答复"), "supervision",
               QT_TRANSLATE_NOOP(_C, "组织法第31条:乡镇调查处理村里报告的问题"), duty_of=TOWNSHIP),
)
OBLIGATION_KEYS = tuple(o.key for o in OBLIGATIONS)
#: The villages' own obligations (their rates, the trend); the rest are the township's duties.
VILLAGE_KEYS = tuple(o.key for o in OBLIGATIONS if o.duty_of != TOWNSHIP)
TOWNSHIP_KEYS = tuple(o.key for o in OBLIGATIONS if o.duty_of == TOWNSHIP)

#: Days the township has to answer an escalated matter before it shows as overdue (DOMAIN rule 18).
ANSWER_DAYS = 20
_QUARTER_NAMES = ("一", "二", "三", "四")


def obligation(key: str) -> Obligation:
    """The obligation with this key (KeyError when unknown)."""
    for o in OBLIGATIONS:
        if o.key == key:
            return o
    raise KeyError(key)


# --- facts --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Posting:
    """A 村务公开 item the village posted (or prepared) for a month or a quarter."""

    category: str  # party / village / finance
    period_kind: str  # month / quarter
    period: str  # 2026-07 / 2026Q3
    posted_on: date | None
    title: str
    record_id: str = ""


@dataclass(frozen=True)
class MeetingFact:
    """A 村民代表会议 or 监委会会议 on record; it counts only when `valid` (审定 and quorum met).

    `why` says, when it does not count, what is wrong ("草稿,未审定", "出席名单为空,法定人数无法判断"…).
    """

    held_on: date
    title: str
    valid: bool = True
    record_id: str = ""
    why: str = ""


@dataclass(frozen=True)
class AppraisalFact:
    """A 民主评议 session for `year`."""

    year: int
    held_on: date
    title: str
    record_id: str = ""


@dataclass(frozen=True)
class RuleFact:
    """A version of the village's 村规民约, with the procedure status derived from its records.

    `status` is a `models.rules.procedure` status; a superseded version was in
    force until the next one (only versions in force are ever superseded).
    """

    title: str
    version_no: int
    status: str
    effective_on: date | None  # published (or adopted, for history) on
    filed_on: date | None = None
    receipt: str = ""  # receipt number (or date) once the township gave one
    correction: str = ""  # the township's 责令改正, if any
    record_id: str = ""
    #: The village recorded a filing or a receipt itself (its own columns) but the township's register
    #: holds none: a claim to check, never 备案 (`filed_on` and `receipt` then stay empty).
    self_declared: bool = False


@dataclass(frozen=True)
class EscalationFact:
    """A supervision matter or a villager's question the village reported to the township."""

    title: str
    escalated_on: date
    resolved_on: date | None  # township answered, or the matter was settled in the village
    record_id: str = ""


@dataclass
class VillageFacts:
    """Everything the board needs about one village, read from its imported records."""

    code: str
    province: str = "national"
    data_as_of: date | None = None  # the day its last package was written
    data_from: date | None = None  # its earliest dated record
    finance_monthly: bool = False  # it posts finances monthly (then it is held to the monthly rule)
    postings: list[Posting] = field(default_factory=list)
    rep_meetings: list[MeetingFact] = field(default_factory=list)
    committee_meetings: list[MeetingFact] = field(default_factory=list)
    committee_from: date | None = None  # start of its first committee term on record
    appraisals: list[AppraisalFact] = field(default_factory=list)
    rules: list[RuleFact] = field(default_factory=list)
    escalations: list[EscalationFact] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._index: _Index | None = None

    @property
    def index(self) -> _Index:
        """Lookups by period, built once (facts are not changed after building)."""
        if self._index is None:
            self._index = _Index(self)
        return self._index


def _first(pairs):
    """{key: item} keeping the earliest item per key; `pairs` is (key, date, item)."""
    out: dict = {}
    for key, day, item in pairs:
        if key not in out or day < out[key][0]:
            out[key] = (day, item)
    return {k: v[1] for k, v in out.items()}


class _Index:
    """Per period: the first record that meets it."""

    def __init__(self, f: VillageFacts):
        posted = [p for p in f.postings if p.posted_on is not None]
        self.affairs = _first((p.period, p.posted_on, p) for p in posted
                              if p.period_kind == "quarter" and p.category != "finance")
        self.finance = _first((p.period, p.posted_on, p) for p in posted if p.category == "finance")
        self.unposted = {}
        for p in f.postings:
            if p.posted_on is None:
                self.unposted.setdefault(p.period, p)
        self.rep_valid = _first((quarter_of(m.held_on), m.held_on, m) for m in f.rep_meetings if m.valid)
        self.rep_invalid = _first((quarter_of(m.held_on), m.held_on, m) for m in f.rep_meetings if not m.valid)
        self.committee = _first(((m.held_on.year, m.held_on.month), m.held_on, m) for m in f.committee_meetings
                                if m.valid)
        self.appraisal = _first((a.year, a.held_on, a) for a in f.appraisals)


# --- occurrences --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Occurrence:
    """One thing due in the period and what met it (the drill-down lists these)."""

    label: str  # 2026年第三季度
    due: date | None
    state: str
    on: date | None = None  # when the record met it
    title: str = ""  # the record's title ("" when none)
    record_id: str = ""
    note: str = ""  # why (e.g. "数据截至 2026-08-01,无法判断")


def _month_end(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def quarter_end(year: int, quarter: int) -> date:
    """Last day of a quarter."""
    return _month_end(year, quarter * 3)


@functools.lru_cache(maxsize=1024)
def quarter_label(year: int, quarter: int) -> str:
    """`2026年第三季度`."""
    return str(msg(_C, QT_TRANSLATE_NOOP(_C, "{year}年第{q}季度"), year=year, q=_QUARTER_NAMES[quarter - 1]))


@functools.lru_cache(maxsize=4096)
def _month_label(year: int, month: int) -> str:
    return str(msg(_C, QT_TRANSLATE_NOOP(_C, "{year}年{month}月"), year=year, month=month))


def _quarters(start: date, end: date) -> list[tuple[int, int]]:
    return quarters_between(start, end)


def _months(start: date, end: date) -> list[tuple[int, int]]:
    out, (y, m) = [], (start.year, start.month)
    while (y, m) <= (end.year, end.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _assess(f: VillageFacts, due: date, done_on: date | None, today: date, covers_to: date) -> tuple[str, str]:
    """State of one occurrence (deadline `due`, covering a period that ends `covers_to`) and why."""
    if done_on is not None:
        return (OK if done_on <= due else LATE), ""
    if today <= due:
        return DUE, str(msg(_C, QT_TRANSLATE_NOOP(_C, "期限 {due},尚未到期"), due=due.isoformat()))
    if f.data_as_of is None:
        return NA, str(msg(_C, QT_TRANSLATE_NOOP(_C, "还没有收到这个村的数据包")))
    if f.data_as_of <= due:
        return NA, str(msg(_C, QT_TRANSLATE_NOOP(
            _C, "数据截至 {as_of},早于期限 {due},无法判断"), as_of=f.data_as_of.isoformat(), due=due.isoformat()))
    if f.data_from is None or covers_to < f.data_from:
        return NA, str(msg(_C, QT_TRANSLATE_NOOP(_C, "该村这一时期没有任何记录,无法判断")))
    return MISSING, str(msg(_C, QT_TRANSLATE_NOOP(_C, "期限 {due} 已过,没有记录"), due=due.isoformat()))


def _occ(f: VillageFacts, label: str, due: date, covers_to: date, record, on: date | None, today: date,
         extra: str = "") -> Occurrence:
    state, why = _assess(f, due, on, today, covers_to)
    return Occurrence(label, due, state, on, getattr(record, "title", "") if record else "",
                      getattr(record, "record_id", "") if record else "", extra or why)


def _affairs(f: VillageFacts, start: date, end: date, today: date) -> list[Occurrence]:
    prof = dcal.profile(f.province)
    out = []
    for y, q in _quarters(start, end):
        period = f"{y}Q{q}"
        p = f.index.affairs.get(period)
        due = dcal.quarterly_due(y, q, prof)
        out.append(_occ(f, quarter_label(y, q), due, quarter_end(y, q), p, p.posted_on if p else None, today,
                        _unposted_note(f, period, p)))
    return out


def _unposted_note(f: VillageFacts, period: str, found) -> str:
    if found is not None:
        return ""
    draft = f.index.unposted.get(period)
    return str(msg(_C, QT_TRANSLATE_NOOP(_C, "“{title}”已起草,尚未公开"), title=draft.title)) if draft else ""


def finance_is_monthly(f: VillageFacts) -> bool:
    """Monthly when the profile says so (山东) or the village posts monthly (组织法 第三十条)."""
    return f.finance_monthly or dcal.profile(f.province).finance_always_monthly


def _finance(f: VillageFacts, start: date, end: date, today: date) -> list[Occurrence]:
    prof = dcal.profile(f.province)
    out = []
    if finance_is_monthly(f):
        for y, m in _months(start, end):
            period = f"{y}-{m:02d}"
            p = f.index.finance.get(period)
            out.append(_occ(f, _month_label(y, m), dcal.monthly_due(y, m, prof), _month_end(y, m), p,
                            p.posted_on if p else None, today, _unposted_note(f, period, p)))
        return out
    for y, q in _quarters(start, end):
        period = f"{y}Q{q}"
        p = f.index.finance.get(period)
        out.append(_occ(f, quarter_label(y, q), dcal.quarterly_due(y, q, prof), quarter_end(y, q), p,
                        p.posted_on if p else None, today, _unposted_note(f, period, p)))
    return out


def _rep_meetings(f: VillageFacts, start: date, end: date, today: date) -> list[Occurrence]:
    out = []
    for y, q in _quarters(start, end):
        m = f.index.rep_valid.get((y, q))
        extra = ""
        if m is None and (y, q) in f.index.rep_invalid:
            bad = f.index.rep_invalid[(y, q)]
            why = bad.why or str(msg(_C, QT_TRANSLATE_NOOP(_C, "未达到法定人数")))
            extra = str(msg(_C, QT_TRANSLATE_NOOP(_C, "{on}“{title}”{why},不算"),
                            on=bad.held_on.isoformat(), title=bad.title, why=why))
        due = quarter_end(y, q)
        out.append(_occ(f, quarter_label(y, q), due, due, m, m.held_on if m else None, today, extra))
    return out


def _committee(f: VillageFacts, start: date, end: date, today: date) -> list[Occurrence]:
    out = []
    for y, m in _months(start, end):
        due = _month_end(y, m)
        if f.committee_from is not None and due < f.committee_from:
            continue  # the committee was not set up yet (its first term on record starts later)
        meeting = f.index.committee.get((y, m))
        out.append(_occ(f, _month_label(y, m), due, due, meeting, meeting.held_on if meeting else None, today))
    return out


def _appraisal(f: VillageFacts, start: date, end: date, today: date) -> list[Occurrence]:
    out = []
    for year in range(start.year, end.year + 1):
        due = date(year, 12, 31)
        a = f.index.appraisal.get(year)
        label = str(msg(_C, QT_TRANSLATE_NOOP(_C, "{year}年度民主评议"), year=year))
        if due > end:
            # The year's appraisal is not due within this period: done already, or not yet due.
            if a is not None and a.held_on <= end:
                out.append(Occurrence(label, due, OK, a.held_on, a.title, a.record_id))
            else:
                out.append(Occurrence(label, due, DUE, note=str(msg(_C, QT_TRANSLATE_NOOP(
                    _C, "每年至少一次,{year}年底前完成即可"), year=year))))
            continue
        out.append(_occ(f, label, due, due, a, a.held_on if a else None, today))
    return out


def rules_in_force_at(f: VillageFacts, day: date) -> RuleFact | None:
    """The version of the 村规民约 in force on `day` (the newest that had come into force by then)."""
    live = (proc.ST_IN_FORCE, proc.ST_HISTORY, proc.ST_SUPERSEDED)
    candidates = [r for r in f.rules if r.status in live and r.effective_on and r.effective_on <= day]
    return max(candidates, key=lambda r: (r.effective_on, r.version_no)) if candidates else None


def _version_label(r: RuleFact) -> str:
    return str(msg(_C, QT_TRANSLATE_NOOP(_C, "第{no}版 {title}"), no=r.version_no, title=r.title))


def _rules_in_force(f: VillageFacts, start: date, end: date, today: date) -> list[Occurrence]:
    as_of = min(end, today)
    label = str(msg(_C, QT_TRANSLATE_NOOP(_C, "{day} 时的村规民约"), day=as_of.isoformat()))
    r = rules_in_force_at(f, as_of)
    if r is not None:
        return [Occurrence(label, None, OK, r.effective_on, _version_label(r), r.record_id,
                           str(msg(_C, QT_TRANSLATE_NOOP(_C, "{on} 起施行"), on=r.effective_on.isoformat())))]
    if f.data_as_of is None:
        return [Occurrence(label, None, NA, note=str(msg(_C, QT_TRANSLATE_NOOP(_C, "还没有收到这个村的数据包"))))]
    pending = [x for x in f.rules if x.status not in (proc.ST_IN_FORCE, proc.ST_HISTORY, proc.ST_SUPERSEDED)]
    note = str(msg(_C, QT_TRANSLATE_NOOP(_C, "没有已生效的村规民约")))
    if pending:
        p = max(pending, key=lambda x: x.version_no)
        note = str(msg(_C, QT_TRANSLATE_NOOP(_C, "没有已生效的版本;“{title}”状态:{status}"),
                       title=p.title, status=proc.STATUS_LABELS.get(p.status, p.status)))
        return [Occurrence(label, None, MISSING, None, _version_label(p), p.record_id, note)]
    return [Occurrence(label, None, MISSING, note=note)]


def _rules_filed(f: VillageFacts, start: date, end: date, today: date) -> list[Occurrence]:
    as_of = min(end, today)
    r = rules_in_force_at(f, as_of)
    label = str(msg(_C, QT_TRANSLATE_NOOP(_C, "生效版本的备案")))
    if r is None:
        return [Occurrence(label, None, NONE, note=str(msg(_C, QT_TRANSLATE_NOOP(_C, "没有生效的版本,无从备案"))))]
    title = _version_label(r)
    if r.correction:
        return [Occurrence(label, None, MISSING, r.filed_on, title, r.record_id, str(msg(
            _C, QT_TRANSLATE_NOOP(_C, "乡镇责令改正:{text}"), text=r.correction)))]
    if r.filed_on is None and r.self_declared:
        return [Occurrence(label, None, MISSING, None, title, r.record_id, self_declared_note())]
    if r.filed_on is None or r.filed_on > as_of:
        return [Occurrence(label, None, MISSING, None, title, r.record_id,
                           str(msg(_C, QT_TRANSLATE_NOOP(_C, "没有报乡镇备案的记录"))))]
    if r.receipt:
        note = str(msg(_C, QT_TRANSLATE_NOOP(_C, "{on} 报备,回执 {receipt}"), on=r.filed_on.isoformat(),
                       receipt=r.receipt))
    else:
        note = str(msg(_C, QT_TRANSLATE_NOOP(_C, "{on} 已报备,待乡镇回执"), on=r.filed_on.isoformat()))
    return [Occurrence(label, None, OK, r.filed_on, title, r.record_id, note)]


def self_declared_note() -> str:
    """What a filing only the village itself recorded is shown as: a claim the township is to check."""
    return str(msg(_C, QT_TRANSLATE_NOOP(_C, "村里自报已备案(乡镇无备案记录,请核实)")))


def _escalations(f: VillageFacts, start: date, end: date, today: date) -> list[Occurrence]:
    as_of = min(end, today)
    out = []
    for e in sorted(f.escalations, key=lambda x: x.escalated_on):
        if e.escalated_on > as_of or (e.resolved_on is not None and e.resolved_on < start):
            continue  # reported after the period, or settled before it began
        due = e.escalated_on + timedelta(days=ANSWER_DAYS)
        if e.resolved_on is not None and e.resolved_on <= as_of:
            state = OK if e.resolved_on <= due else LATE
            out.append(Occurrence(e.escalated_on.isoformat(), due, state, e.resolved_on, e.title, e.record_id))
        elif as_of <= due:
            out.append(Occurrence(e.escalated_on.isoformat(), due, DUE, None, e.title, e.record_id,
                                  str(msg(_C, QT_TRANSLATE_NOOP(_C, "待乡镇答复,期限 {due}"), due=due.isoformat()))))
        else:
            out.append(Occurrence(e.escalated_on.isoformat(), due, MISSING, None, e.title, e.record_id,
                                  str(msg(_C, QT_TRANSLATE_NOOP(_C, "超过 {days} 天未答复"), days=ANSWER_DAYS))))
    return out


_RULES = {
    DISCLOSURE_AFFAIRS: _affairs,
    DISCLOSURE_FINANCE: _finance,
    REP_MEETINGS: _rep_meetings,
    COMMITTEE_MEETINGS: _committee,
    APPRAISAL: _appraisal,
    RULES_IN_FORCE: _rules_in_force,
    RULES_FILED: _rules_filed,
    ESCALATIONS: _escalations,
}


def occurrences(key: str, f: VillageFacts, start: date, end: date, today: date) -> list[Occurrence]:
    """What obligation `key` required of the village in [start, end], judged on `today`."""
    return _RULES[key](f, start, end, today)


# --- cells --------------------------------------------------------------------------------------

def state_label(state: str) -> str:
    """The Chinese source label of a state."""
    return STATE_LABELS.get(state, state)


def _worst(states: list[str]) -> str:
    """A village cell's state from its occurrences' (module docstring: MISSING, NA, LATE, OK; DUE, NONE)."""
    if not states or all(s == NONE for s in states):
        return NONE
    if MISSING in states:
        return MISSING
    if NA in states:
        return NA
    if all(s == DUE for s in states):
        return DUE
    return LATE if LATE in states else OK


def cell_state(key: str, f: VillageFacts, start: date, end: date, today: date) -> str:
    """Only the state of `cell(key, …)` for a village duty (the trend needs no notes or details)."""
    if f.data_as_of is None:
        return NA
    return _worst([o.state for o in occurrences(key, f, start, end, today)])


def aggregate(key: str, occ: list[Occurrence], f: VillageFacts | None = None) -> Cell:
    """The cell for a list of occurrences (see the module docstring for the order)."""
    if key == ESCALATIONS:
        return _escalation_cell(occ, f)
    if not occ:
        return Cell(NONE, note="—", detail=str(msg(_C, QT_TRANSLATE_NOOP(_C, "这一时期没有需要做的事项"))))
    states = [o.state for o in occ]
    if all(s == NONE for s in states):
        return Cell(NONE, note="—", detail=_detail(occ))
    done = sum(s in (OK, LATE) for s in states)
    late = states.count(LATE)
    state = _worst(states)
    if key in (RULES_IN_FORCE, RULES_FILED):
        o = occ[0]
        note = _short_rule_note(key, o)
    elif state == NA and done == 0:
        note = "—"
    else:
        note = f"{done}/{len(occ)}"
    return Cell(state, done, late, len(occ), note, _detail(occ))


def _short_rule_note(key: str, o: Occurrence) -> str:
    if o.state in (NA, NONE):
        return "—"
    if key == RULES_IN_FORCE:
        return str(msg(_C, QT_TRANSLATE_NOOP(_C, "已生效"))) if o.state == OK else str(msg(_C, QT_TRANSLATE_NOOP(_C, "无生效")))
    if o.state == OK:
        return str(msg(_C, QT_TRANSLATE_NOOP(_C, "已备案")))
    if o.note == self_declared_note():
        return str(msg(_C, QT_TRANSLATE_NOOP(_C, "自报待核")))
    return str(msg(_C, QT_TRANSLATE_NOOP(_C, "未备案")))


def _escalation_cell(occ: list[Occurrence], f: VillageFacts | None) -> Cell:
    if not occ:
        if f is not None and f.data_as_of is None:
            return Cell(NA, note="—", detail=str(msg(_C, QT_TRANSLATE_NOOP(_C, "还没有收到这个村的数据包"))))
        return Cell(OK, note=str(msg(_C, QT_TRANSLATE_NOOP(_C, "无待答复"))),
                    detail=str(msg(_C, QT_TRANSLATE_NOOP(_C, "这一时期没有待答复的上报事项"))))
    states = [o.state for o in occ]
    open_ = sum(s in (DUE, MISSING) for s in states)
    done = sum(s in (OK, LATE) for s in states)
    state = MISSING if MISSING in states else DUE if DUE in states else LATE if LATE in states else OK
    note = (str(msg(_C, QT_TRANSLATE_NOOP(_C, "{n}件待答"), n=open_)) if open_
            else str(msg(_C, QT_TRANSLATE_NOOP(_C, "{n}件已答"), n=done)))
    return Cell(state, done, states.count(LATE), len(occ), note, _detail(occ))


_DETAIL_LINES = 8


def _detail(occ: list[Occurrence]) -> str:
    lines = []
    for o in occ[:_DETAIL_LINES]:
        parts = [o.label, state_label(o.state)]
        if o.on:
            parts.append(o.on.isoformat())
        if o.title:
            parts.append(o.title)
        if o.note:
            parts.append(o.note)
        lines.append(" · ".join(parts))
    if len(occ) > _DETAIL_LINES:
        lines.append(str(msg(_C, QT_TRANSLATE_NOOP(_C, "……另有 {n} 项"), n=len(occ) - _DETAIL_LINES)))
    return "\n".join(lines)


def cell(key: str, f: VillageFacts, start: date, end: date, today: date) -> Cell:
    """One village's cell for obligation `key` in [start, end], judged on `today`.

    A village that never sent a package is NA throughout: nothing is known about it.
    """
    if f.data_as_of is None:
        return Cell(NA, note="—", detail=str(msg(_C, QT_TRANSLATE_NOOP(_C, "还没有收到这个村的数据包"))))
    return aggregate(key, occurrences(key, f, start, end, today), f)


def cells(f: VillageFacts, start: date, end: date, today: date) -> dict[str, Cell]:
    """Every obligation's cell for one village."""
    return {key: cell(key, f, start, end, today) for key in OBLIGATION_KEYS}


def state_share(states: list[str]) -> float | None:
    """`ok_share` over bare states (what `cell_state` gives)."""
    return share(states)


def ok_share(all_cells: list[Cell]) -> float | None:
    """Share of applicable cells that are OK, 无数据 counting as not OK; None when nothing is known.

    Give it the villages' own cells only (`VILLAGE_KEYS`): the township's duties are not theirs.
    """
    return share(c.state for c in all_cells)


def township_occurrences(key: str, villages: list[tuple[str, VillageFacts]], start: date, end: date,
                         today: date) -> list[Occurrence]:
    """Every village's occurrences of a township duty, each titled with its village, by deadline.

    `villages` is (village name, facts); a village that never sent a package has told nothing.
    """
    if key not in TOWNSHIP_KEYS:
        raise KeyError(key)
    out = []
    for name, f in villages:
        if f.data_as_of is None:
            continue
        out += [Occurrence(o.label, o.due, o.state, o.on, f"{name} · {o.title}" if o.title else name, o.record_id,
                           o.note) for o in occurrences(key, f, start, end, today)]
    return sorted(out, key=lambda o: (o.due or date.min, o.title))


def township_cell(key: str, villages: list[tuple[str, VillageFacts]], start: date, end: date,
                  today: date) -> Cell:
    """The township's own cell for one of its duties: every village's occurrences together.

    The state is the worst of them (an answer overdue makes it 缺失); the note counts what is waiting.
    """
    return _escalation_cell(township_occurrences(key, villages, start, end, today), None)


def trend_quarters(end: date, today: date, count: int = 8) -> list[tuple[int, int]]:
    """The `count` quarters ending with the one holding min(end, today), oldest first."""
    y, q = quarter_of(min(end, today))
    out = []
    for _ in range(count):
        out.append((y, q))
        y, q = (y - 1, 4) if q == 1 else (y, q - 1)
    return out[::-1]
