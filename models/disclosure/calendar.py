"""The statutory disclosure calendar (组织法 2018 第三十条, DOMAIN §6.2, rules 14–17).

General items at least every quarter; finances monthly where transactions are
many (always in 山东); 随时 items within the profile's days of the event.
Deadlines and the minimum posting time come from the province profile, each
rule with the provision it comes from:

| profile | monthly finances due | quarterly items due | 随时 within | posted at least | review first |
|---|---|---|---|---|---|
| 重庆 (art. 30; 29) | 15th of next month | 15th of the quarter's next month | 10 days | 10 days | yes (art. 29) |
| 浙江 | end of next month | 20th of the quarter's next month (惯例) | — | — | yes (art. 32) |
| national (and others) | end of next month | end of the quarter's next month | — | — | 惯例 |

浙江's "每季度首月20日" comes from a county's 村务公开目录 (shared/samples gk_01), not from
浙江 art. 29, which only says "至少每季度公布一次": it is kept as the 浙江 default, cited as
惯例. "—" means the law sets no number: the app uses the national practice default and says
so (severity warning, not error). Review by the 村务监督委员会 before posting is law only
where the province writes it (重庆 29, 浙江 32); elsewhere it is practice, a warning.
Articles were checked against shared/samples/law_02 (浙江 2020) and law_03 (重庆 2013).
"""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date, timedelta

from models.legal import LegalBasis, in_force_on, organic_law
from models.messages import QT_TRANSLATE_NOOP, msg
from models.provinces import MEASURES

_C = "disclosure_calendar"

DONE_ON_TIME, DONE_LATE, DUE_SOON, OVERDUE, NOT_DUE = "on_time", "late", "due_soon", "overdue", "not_due"
#: Due before the village began keeping its records in cunwu: not judged (neither met nor missed).
BEFORE_USE = "before_use"
STATUS_LABELS = {
    DONE_ON_TIME: QT_TRANSLATE_NOOP(_C, "按时公开"),
    DONE_LATE: QT_TRANSLATE_NOOP(_C, "逾期公开"),
    DUE_SOON: QT_TRANSLATE_NOOP(_C, "即将到期"),
    OVERDUE: QT_TRANSLATE_NOOP(_C, "逾期未公开"),
    NOT_DUE: QT_TRANSLATE_NOOP(_C, "未到期"),
    BEFORE_USE: QT_TRANSLATE_NOOP(_C, "开始使用本软件之前"),
}


@dataclass(frozen=True)
class DisclosureProfile:
    """Deadlines of one province, each with its basis.

    `basis` is the province's (or the national) disclosure article; `deadline_basis` the
    provision that sets the day deadlines (None: the days are practice, 惯例); `review_basis`
    the provision that requires the 监委会's review before posting (None: practice, 惯例).
    """

    code: str
    monthly_day: int | None  # day of the next month; None = end of next month
    quarterly_day: int | None  # day of the month after the quarter; None = end of that month
    ad_hoc_days: int | None
    min_posting_days: int | None
    finance_always_monthly: bool
    basis: LegalBasis
    deadline_basis: LegalBasis | None = None
    review_basis: LegalBasis | None = None


_CQ, _ZJ, _SD = (MEASURES[code].name for code in ("chongqing", "zhejiang", "shandong"))
PROFILES = {
    "national": DisclosureProfile("national", None, None, None, None, False, organic_law(30)),
    # 重庆 27 (what is published), 29 (procedure: 监委会 审查 the plan first), 30 (the days).
    "chongqing": DisclosureProfile("chongqing", 15, 15, 10, 10, False, LegalBasis(_CQ, "2013", 27, "chongqing"),
                                   deadline_basis=LegalBasis(_CQ, "2013", 30, "chongqing"),
                                   review_basis=LegalBasis(_CQ, "2013", 29, "chongqing")),
    # 浙江 29 (what, at least quarterly), 32(一) (监委会 审查 the disclosure plan); the 20th is 惯例.
    "zhejiang": DisclosureProfile("zhejiang", None, 20, None, None, False, LegalBasis(_ZJ, "2020", 29, "zhejiang"),
                                  review_basis=LegalBasis(_ZJ, "2020", 32, "zhejiang")),
    # 山东 27 per DOMAIN §6.2 [SD], read from LawRefBook; its text is not among shared/samples.
    "shandong": DisclosureProfile("shandong", None, None, None, None, True, LegalBasis(_SD, "2012", 27, "shandong")),
}

#: Where a province's day deadline is its practice rather than its law (浙江's 20th: a county catalogue).
PRACTICE_NOTES = {
    "zhejiang": QT_TRANSLATE_NOOP(
        _C, "季度公开以次季度首月 20 日为期限,是县级村务公开目录的惯例;《浙江省实施办法》第二十九条只规定至少每季度公布一次。"),
}


def profile(code: str) -> DisclosureProfile:
    """The profile of `code` (national when the province sets no numbers)."""
    return PROFILES.get(code, PROFILES["national"])


def _month_end(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def _next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


@dataclass(frozen=True)
class Obligation:
    """One thing that must be posted, by when."""

    kind: str  # monthly_finance / quarterly / ad_hoc
    period: str  # 2026-10 / 2026Q3 / the event date
    due: date


def monthly_due(year: int, month: int, prof: DisclosureProfile) -> date:
    """Deadline of the finance posting for `year-month`."""
    y, m = _next_month(year, month)
    return date(y, m, prof.monthly_day) if prof.monthly_day else _month_end(y, m)


def quarterly_due(year: int, quarter: int, prof: DisclosureProfile) -> date:
    """Deadline of the quarterly posting for `year`Q`quarter`."""
    y, m = _next_month(year, quarter * 3)
    return date(y, m, prof.quarterly_day) if prof.quarterly_day else _month_end(y, m)


#: Days for a 随时 item when the profile's law sets none (national practice, as 重庆 writes it).
AD_HOC_DEFAULT_DAYS = 10


def ad_hoc_due(event: date, prof: DisclosureProfile) -> date:
    """Deadline of a 随时 item (national practice: 10 days when the profile is silent)."""
    return event + timedelta(days=prof.ad_hoc_days or AD_HOC_DEFAULT_DAYS)


def ad_hoc_obligation(event: date, province: str) -> Obligation:
    """The obligation a 随时 item's event creates: post within the profile's days (rule 15).

    The due day itself is still on time; the period is the event date.
    """
    return Obligation("ad_hoc", event.isoformat(), ad_hoc_due(event, profile(province)))


def obligations(year: int, province: str, finance_busy: bool, until: date) -> list[Obligation]:
    """Monthly and quarterly obligations of `year` whose period has ended by `until`.

    随时 obligations come from the items themselves (one per event): see `ad_hoc_obligation`.
    """
    prof = profile(province)
    out = []
    monthly = finance_busy or prof.finance_always_monthly
    for month in range(1, 13):
        if monthly and _month_end(year, month) <= until:
            out.append(Obligation("monthly_finance", f"{year}-{month:02d}", monthly_due(year, month, prof)))
    for quarter in range(1, 5):
        if _month_end(year, quarter * 3) <= until:
            out.append(Obligation("quarterly", f"{year}Q{quarter}", quarterly_due(year, quarter, prof)))
    return out


def status(due: date, posted_on: date | None, today: date, soon_days: int = 7, since: date | None = None) -> str:
    """On time / late / due soon / overdue / not due / before use.

    With `since` (the day the village began keeping its records here), an
    obligation due before it and not met is BEFORE_USE: cunwu cannot know
    whether it was posted on the wall before the software was used, so it
    is neither met nor missed.
    """
    if posted_on is not None:
        return DONE_ON_TIME if posted_on <= due else DONE_LATE
    if since is not None and due < since:
        return BEFORE_USE
    if today > due:
        return OVERDUE
    if (due - today).days <= soon_days:
        return DUE_SOON
    return NOT_DUE


def check_posting_dates(province: str, reviewed_on: date | None, posted_on: date | None,
                        takedown_on: date | None) -> list:
    """Review before posting (rule 17); minimum posting time where the profile sets one (rule 14).

    Review by the 村务监督委员会 before posting is law in 重庆 (29) and 浙江 (32): an error
    there when it came after posting. Elsewhere it is practice (惯例), a warning. Each finding
    cites the text in force on the posting day.
    """
    from models.meetings.quorum import ERROR, WARNING, Finding

    prof = profile(province)
    review = in_force_on(prof.review_basis, posted_on)
    out = []
    if posted_on and reviewed_on is None:
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "公开前还没有经过村务监督委员会审核。") if review else QT_TRANSLATE_NOOP(
            _C, "公开前还没有经过村务监督委员会审核(惯例:先审核、后公开;本省法规没有这一要求)。")), review))
    if posted_on and reviewed_on and reviewed_on > posted_on:
        out.append(Finding(ERROR if review else WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "监委会审核日期({reviewed})晚于公开日期({posted}):应当先审核、后公开。") if review else
            QT_TRANSLATE_NOOP(_C, "监委会审核日期({reviewed})晚于公开日期({posted}):惯例是先审核、后公开"
                                  "(本省法规没有这一要求)。"),
            reviewed=reviewed_on.isoformat(), posted=posted_on.isoformat()), review))
    if prof.min_posting_days and posted_on and takedown_on and (takedown_on - posted_on).days < prof.min_posting_days:
        out.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "公开时间不足 {days} 天(公开 {posted},撤下 {down}),应当重新公开。"),
            days=prof.min_posting_days, posted=posted_on.isoformat(), down=takedown_on.isoformat()),
            in_force_on(prof.deadline_basis or prof.basis, posted_on)))
    return out


def practice_note(province: str) -> str | None:
    """The sentence saying a profile's day deadline is practice (惯例), not law; None when it is law or default."""
    return PRACTICE_NOTES.get(profile(province).code)
