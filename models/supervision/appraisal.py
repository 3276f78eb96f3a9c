"""民主评议: the yearly appraisal of 村委会 members and paid staff (组织法 第三十三条).

Counts per person (称职 / 基本称职 / 不称职) must fit the attendees. A person
is rated 不称职 when those votes reach the profile's threshold: more than half
of the attendees at a 村民会议, two thirds or more at a 村民代表会议 (the
precise rule of 陕西 第三十五条, used as the default where a province is
silent). Rated 不称职 two years running → office ends (第三十三条).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.legal import organic_law
from models.meetings.profiles import profile
from models.meetings.quorum import ERROR, INFO, WARNING, Finding
from models.meetings.ratios import MORE_THAN_HALF, TWO_THIRDS_OR_MORE
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "appraisal"
COMPETENT, BASIC, INCOMPETENT = "competent", "basic", "incompetent"
VERDICTS = {
    COMPETENT: QT_TRANSLATE_NOOP(_C, "称职"),
    BASIC: QT_TRANSLATE_NOOP(_C, "基本称职"),
    INCOMPETENT: QT_TRANSLATE_NOOP(_C, "不称职"),
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


def verdict(counts: Counts, attendees: int, body_is_assembly: bool, name: str = "") -> tuple[str | None, list[Finding]]:
    """The verdict for one person, or None with the reason when the counts are impossible."""
    if min(counts.competent, counts.basic, counts.incompetent) < 0:
        return None, [Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(_C, "{name}的票数不能是负数。"), name=name))]
    if counts.total > attendees:
        return None, [Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "{name}共 {total} 票,多于到会 {attendees} 人,请核对。"),
            name=name, total=counts.total, attendees=attendees))]
    rule = MORE_THAN_HALF if body_is_assembly else TWO_THIRDS_OR_MORE
    if rule.met(counts.incompetent, attendees):
        return INCOMPETENT, [Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "{name}:不称职 {n} 票,达到到会 {attendees} 人的{ratio},评议为不称职。"),
            name=name, n=counts.incompetent, attendees=attendees, ratio=rule.label), organic_law(33))]
    if counts.competent >= counts.basic + counts.incompetent and counts.competent * 2 > counts.total:
        return COMPETENT, []
    return BASIC, []


def consequence(name: str, history: list[tuple[int, str]]) -> list[Finding]:
    """Two consecutive years of 不称职 end the office (组织法 33). `history`: (year, verdict)."""
    years = {y: v for y, v in history}
    for y in sorted(years):
        if years[y] == INCOMPETENT and years.get(y + 1) == INCOMPETENT:
            return [Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
                _C, "{name}连续两年({first}、{second})被评议为不称职,依法终止职务。"),
                name=name, first=y, second=y + 1), organic_law(33))]
    return []


def schedule(dates: list[date], today: date, province: str = "national") -> list[Finding]:
    """Once per calendar year (error when a past year has none); interval per profile."""
    out: list[Finding] = []
    if not dates:
        return [Finding(INFO, msg(_C, QT_TRANSLATE_NOOP(_C, "还没有民主评议的记录。")), organic_law(33))]
    years = {d.year for d in dates}
    for y in range(min(years), today.year):
        if y not in years:
            out.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
                _C, "{year} 年没有进行民主评议(每年至少一次)。"), year=y), organic_law(33)))
    months = profile(province).appraisal_min_interval_months
    if months:
        ordered = sorted(dates)
        for a, b in zip(ordered, ordered[1:], strict=False):
            gap = (b.year - a.year) * 12 + (b.month - a.month)
            if gap < months:
                out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
                    _C, "{a} 与 {b} 两次评议相隔不足 {months} 个月。"),
                    a=a.isoformat(), b=b.isoformat(), months=months), None))
    return out
