"""民主评议: the appraisal of 村委会 members and paid staff (组织法 2018 第三十三条).

What the law says (组织法 2018 第三十三条; cited through `organic_law(33, on=date)` so an
appraisal from 2026 cites the amended text): at least once a year, presided by the
村务监督机构; "村民委员会成员连续两次被评议不称职的,其职务终止". It sets **no vote
threshold** for 不称职. The thresholds some villages apply (more than half of the
attendees at a 村民会议, two thirds or more at a 村民代表会议) are 陕西's (陕西 第三十五条):
a province rule, kept in the province profile and applied only there. Elsewhere the
ballots are counted and reported, and the verdict is left to the province's rule
(`UNDETERMINED`), never guessed.

"连续两次" is two consecutive appraisals of the same person, in the order they were
held (two in one year count; a year without an appraisal does not break the run; any
other verdict in between does). The minimum interval between two appraisals of the
same person (重庆 第三十六条: 六个月; 山东) is counted per person, in days, to the
same calendar day six months on (2026-01-31 → 2026-07-31).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from models.legal import LegalBasis, organic_law
from models.meetings.profiles import profile
from models.meetings.quorum import ERROR, INFO, WARNING, Finding
from models.meetings.ratios import Ratio
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "appraisal"
NATIONAL = "national"  # the 全国通用 profile: no province chosen, so no "本省" to speak of
COMPETENT, BASIC, INCOMPETENT, UNDETERMINED = "competent", "basic", "incompetent", "undetermined"
VERDICTS = {
    COMPETENT: QT_TRANSLATE_NOOP(_C, "称职"),
    BASIC: QT_TRANSLATE_NOOP(_C, "基本称职"),
    INCOMPETENT: QT_TRANSLATE_NOOP(_C, "不称职"),
    # Some 不称职 votes, and no province rule on how many make the verdict: the village decides by its
    # province's measure; the software does not call anyone 不称职 on a threshold the law does not set.
    UNDETERMINED: QT_TRANSLATE_NOOP(_C, "待按本省规定认定"),
}


@dataclass(frozen=True)
class Counts:
    """Ballots for one person."""

    competent: int
    basic: int
    incompetent: int

    @property
    def total(self) -> int:
        """Ballots cast for this person."""
        return self.competent + self.basic + self.incompetent


def threshold(body_is_assembly: bool, province: str = "national") -> tuple[Ratio | None, LegalBasis | None]:
    """The province's 不称职 threshold for this body and its provision; (None, None) where it has none."""
    prof = profile(province)
    ratio = prof.appraisal_assembly_ratio if body_is_assembly else prof.appraisal_representatives_ratio
    return (ratio, prof.appraisal_threshold_basis) if ratio else (None, None)


def rule_note(body_is_assembly: bool, province: str = "national", on: date | str | None = None) -> Finding:
    """The rule the verdicts follow, for the entry form: the province's threshold, or that there is none."""
    ratio, basis = threshold(body_is_assembly, province)
    if ratio is not None:
        template = (QT_TRANSLATE_NOOP(_C, "村民会议:不称职票达到到会人数的{ratio},评议为不称职(本省规定)。")
                    if body_is_assembly else
                    QT_TRANSLATE_NOOP(_C, "村民代表会议:不称职票达到到会人数的{ratio},评议为不称职(本省规定)。"))
        return Finding(INFO, msg(_C, template, ratio=ratio.label), basis)
    if province == NATIONAL:
        # 全国通用 names no province, so there is no "本省" whose rule could be missing: say that the
        # law sets none and point to the setting, for villages whose province is listed there.
        return Finding(INFO, msg(_C, QT_TRANSLATE_NOOP(
            _C, "法律未规定多少不称职票评为不称职,由所在省的实施办法规定。当前按全国通用(仅按国家法律)检查,"
                "有不称职票的记为“待按本省规定认定”;本村所在省份如已列出,可在 设置 → 省份配置 中选择。")),
            organic_law(33, on=on))
    return Finding(INFO, msg(_C, QT_TRANSLATE_NOOP(
        _C, "法律未规定不称职的票数,由省级办法规定(本省未录入):有不称职票的记为“待按本省规定认定”。")),
        organic_law(33, on=on))


def verdict(counts: Counts, attendees: int, body_is_assembly: bool, name: str = "",
            province: str = "national", on: date | str | None = None) -> tuple[str | None, list[Finding]]:
    """The verdict for one person, or None with the reason when the counts are impossible.

    不称职 only by the province's threshold (陕西 35); without one, a person with 不称职 votes who
    is not clearly 称职 is `UNDETERMINED`, with an INFO that the threshold is the province's.
    """
    if min(counts.competent, counts.basic, counts.incompetent) < 0:
        return None, [Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(_C, "{name}的票数不能是负数。"), name=name))]
    if counts.total > attendees:
        return None, [Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "{name}共 {total} 票,多于到会 {attendees} 人,请核对。"),
            name=name, total=counts.total, attendees=attendees))]
    ratio, basis = threshold(body_is_assembly, province)
    if ratio is not None and ratio.met(counts.incompetent, attendees):
        return INCOMPETENT, [Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "{name}:不称职 {n} 票,达到到会 {attendees} 人的{ratio},评议为不称职。"),
            name=name, n=counts.incompetent, attendees=attendees, ratio=ratio.label), basis)]
    if counts.competent >= counts.basic + counts.incompetent and counts.competent * 2 > counts.total:
        return COMPETENT, []
    if ratio is None and counts.incompetent:
        return UNDETERMINED, [Finding(INFO, msg(_C, QT_TRANSLATE_NOOP(
            _C, "{name}:称职 {competent} 票,基本称职 {basic} 票,不称职 {n} 票,到会 {attendees} 人。"
                "组织法没有规定多少票评为不称职,这由省级实施办法规定,本软件不据此认定。"),
            name=name, competent=counts.competent, basic=counts.basic, n=counts.incompetent,
            attendees=attendees), organic_law(33, on=on))]
    return BASIC, []


def judged(counts: Counts, attendees: int, body_is_assembly: bool, stored: str,
           province: str = "national", on: date | str | None = None) -> str:
    """The verdict a saved appraisal has under the province's rule today, from its stored counts.

    An appraisal saved by an older release carries the verdict of the thresholds it applied then
    (陕西's, nationally); the history shown and the end-of-office check both judge the counts again
    with this one function so they never disagree. Counts that cannot be judged keep `stored`.
    """
    result, _notes = verdict(counts, attendees, body_is_assembly, province=province, on=on)
    return result or stored


def consecutive_pair(history: list[tuple[date, str]]) -> tuple[date, date] | None:
    """The first two consecutive appraisals rated 不称职 (their dates), or None.

    `history`: (held_on, verdict) of each appraisal of the person, in any order: they are put in
    the order they were held (entries of one day keep their given order). Two in one year count;
    a skipped year does not break the run; any other verdict between them does.
    """
    ordered = sorted(history, key=lambda item: item[0])
    for (first, a), (second, b) in zip(ordered, ordered[1:], strict=False):
        if a == INCOMPETENT and b == INCOMPETENT:
            return first, second
    return None


def consequence(name: str, history: list[tuple[date, str]], province: str = "national",
                member: bool = True) -> list[Finding]:
    """What follows two consecutive appraisals of this person rated 不称职.

    A 村民委员会 member's office ends: "村民委员会成员连续两次被评议不称职的,其职务终止" (组织法 2018
    第三十三条第二款, shared/samples/law_01; cited for the second appraisal's date). The law says
    nothing of the paid staff (由村民或者村集体承担误工补贴的聘用人员) it also has appraised: their
    consequence is the province's — 重庆 (2013) 第三十六条 "其他评议对象连续两次被评议不称职的,应当予以
    解聘,一年内不得再次聘用" (shared/samples/law_03) — and where the province's is not recorded the
    finding says so instead of ending an office the law does not end.
    """
    pair = consecutive_pair(history)
    if pair is None:
        return []
    first, second = (d.isoformat() for d in pair)
    if member:
        return [Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "{name}连续两次({first}、{second})被评议为不称职,依法终止职务。"),
            name=name, first=first, second=second), organic_law(33, on=pair[1]))]
    basis = profile(province).appraisal_staff_dismissal_basis
    if basis is not None:
        return [Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "{name}连续两次({first}、{second})被评议为不称职,应当予以解聘,一年内不得再次聘用。"),
            name=name, first=first, second=second), basis)]
    template = (QT_TRANSLATE_NOOP(
        _C, "{name}连续两次({first}、{second})被评议为不称职。组织法规定职务终止的是村民委员会成员;"
            "聘用人员如何处理由所在省的实施办法或聘用约定规定,本软件不据此认定解聘"
            "(当前按全国通用检查;本村所在省份如已列出,可在 设置 → 省份配置 中选择)。")
                if province == NATIONAL else QT_TRANSLATE_NOOP(
        _C, "{name}连续两次({first}、{second})被评议为不称职。组织法规定职务终止的是村民委员会成员;"
            "聘用人员如何处理由本省规定(本省未录入)或聘用约定,本软件不据此认定解聘。"))
    return [Finding(WARNING, msg(_C, template, name=name, first=first, second=second),
                    organic_law(33, on=pair[1]))]


def add_months(day: date, months: int) -> date:
    """The same calendar day `months` later, the month's last day when it has none (01-31 + 1 → 02-28)."""
    years, month0 = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month0 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def schedule(dates: list[date], today: date) -> list[Finding]:
    """At least once a year (组织法 33): an error for each past calendar year without an appraisal."""
    if not dates:
        return [Finding(INFO, msg(_C, QT_TRANSLATE_NOOP(_C, "还没有民主评议的记录。")), organic_law(33, on=today))]
    years = {d.year for d in dates}
    return [Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(_C, "{year} 年没有进行民主评议(每年至少一次)。"), year=y),
                    organic_law(33, on=date(y, 12, 31)))
            for y in range(min(years), today.year) if y not in years]


def too_close(name: str, dates: list[date], province: str = "national") -> list[Finding]:
    """Two appraisals of the same person closer than the province's interval (重庆 36: 六个月), in days.

    The next appraisal may be held on the same calendar day `months` later (2026-01-31 →
    2026-07-31); a day earlier is too close. Provinces without an interval: nothing.
    """
    prof = profile(province)
    months = prof.appraisal_min_interval_months
    if not months:
        return []
    out: list[Finding] = []
    ordered = sorted(set(dates))
    for a, b in zip(ordered, ordered[1:], strict=False):
        earliest = add_months(a, months)
        if b < earliest:
            out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
                _C, "{name}在 {a} 和 {b} 两次被评议,只相隔 {days} 天;对同一人的两次评议至少相隔 {months} 个月"
                    "(下一次应在 {earliest} 或以后)。"),
                name=name, a=a.isoformat(), b=b.isoformat(), days=(b - a).days, months=months,
                earliest=earliest.isoformat()), prof.appraisal_interval_basis))
    return out
