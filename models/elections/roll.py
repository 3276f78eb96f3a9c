"""选民登记: who may be on the 选民名单 of an election, and the day limits around the list.

The rules are 组织法 (2018) 第十三条 and 第十四条 (cited through `organic_law(…, on=election_day)`,
so a 2026 election cites the amended text):

- 年满十八周岁 on the election day (the provinces' 选举办法 say "选民的年龄计算以本村的选举日为
  截止时间"; a person whose 18th birthday is the election day is 18 that day and may vote);
  依照法律被剥夺政治权利的人除外.
- three categories: 户籍在本村并且在本村居住 (resident), 户籍在本村、不在本村居住、本人表示参加
  选举 (away), 户籍不在本村、在本村居住一年以上、本人申请、经村民会议或者村民代表会议同意
  (incomer: the admitting meeting is part of the line).
- nobody on the list twice.
- the list published 二十日前 (at the latest 20 days before the election day); objections
  自名单公布之日起五日内; decisions 自收到申诉之日起三日内. Periods counted in days start on
  the day after (民法典 第二百零一条): published on the 1st, an objection may come up to the 6th,
  and one raised on the 6th is decided by the 9th.

The register knows a birth year and, from a 花名册 with 出生年月, a month — rarely a day. Age is
therefore decided only where the data decides it: born in the election month (year and month
known, the day not) or in the election year (year only) is neither listed as eligible nor left
out: it is `VERIFY` (需核实) until someone looks at the 身份证 (the provinces: 出生日期以居民身份证
记载为准). That is the conservative choice both ways — nobody under 18 is counted without a look,
and nobody is silently deprived of the vote. An unknown birth is `VERIFY` too.

Pure functions, no database: `desktop.services.voter_roll_service` feeds them the register.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from models.elections.records import VOTER_AWAY, VOTER_CATEGORIES, VOTER_INCOMER, VOTER_RESIDENT
from models.legal import LegalBasis, organic_law
from models.meetings.quorum import ERROR, WARNING, Finding
from models.messages import QT_TRANSLATE_NOOP, Message, msg

_C = "voter_roll"

VOTING_AGE = 18
#: 第十四条: published at the latest this many days before the election day.
PUBLISH_DAYS_BEFORE = 20
#: 第十四条: objections within this many days of publication…
OBJECTION_DAYS = 5
#: …and decided within this many days of being raised.
DECISION_DAYS = 3

#: Age on the election day.
ELIGIBLE = "eligible"
UNDERAGE = "underage"
VERIFY = "verify"  # 需核实: the register cannot tell

CATEGORY_LABELS: dict[str, str] = {
    VOTER_RESIDENT: QT_TRANSLATE_NOOP(_C, "户籍在本村并在本村居住"),
    VOTER_AWAY: QT_TRANSLATE_NOOP(_C, "户籍在本村、不在本村居住,本人表示参加选举"),
    VOTER_INCOMER: QT_TRANSLATE_NOOP(_C, "户籍不在本村、在本村居住一年以上,经会议同意"),
}
CATEGORY_SHORT: dict[str, str] = {
    VOTER_RESIDENT: QT_TRANSLATE_NOOP(_C, "本村居住"),
    VOTER_AWAY: QT_TRANSLATE_NOOP(_C, "外出参选"),
    VOTER_INCOMER: QT_TRANSLATE_NOOP(_C, "外来登记"),
}

#: Why a person is not (or no longer) on the list: code -> label. The label starts the line's
#: `removed_reason`, so a reason reads the same on the screen, in the audit log and on paper.
OUT_UNDERAGE = "underage"
OUT_LEFT = "left_register"
OUT_DEPRIVED = "deprived"
OUT_AWAY_NOT_WISHING = "away_not_wishing"
OUT_ELSEWHERE = "registered_elsewhere"
OUT_DUPLICATE = "duplicate"
OUT_INCAPABLE = "incapable"
OUT_OBJECTION = "objection"
OUT_OTHER = "other"
OUT_REASONS: dict[str, str] = {
    OUT_UNDERAGE: QT_TRANSLATE_NOOP(_C, "选举日未满十八周岁"),
    OUT_LEFT: QT_TRANSLATE_NOOP(_C, "选举日前已迁出或死亡"),
    OUT_DEPRIVED: QT_TRANSLATE_NOOP(_C, "依照法律被剥夺政治权利"),
    OUT_AWAY_NOT_WISHING: QT_TRANSLATE_NOOP(_C, "不在本村居住,本人未表示参加选举"),
    OUT_ELSEWHERE: QT_TRANSLATE_NOOP(_C, "已在其他村登记"),
    OUT_DUPLICATE: QT_TRANSLATE_NOOP(_C, "重复登记"),
    OUT_INCAPABLE: QT_TRANSLATE_NOOP(_C, "不能行使选举权利(经村民选举委员会确认,省选举办法)"),
    OUT_OBJECTION: QT_TRANSLATE_NOOP(_C, "异议成立"),
    OUT_OTHER: QT_TRANSLATE_NOOP(_C, "其他"),
}
#: The reasons a person moved off the list by hand may be given (the others the engine finds).
MANUAL_OUT_REASONS = (OUT_DEPRIVED, OUT_AWAY_NOT_WISHING, OUT_ELSEWHERE, OUT_DUPLICATE, OUT_INCAPABLE,
                      OUT_LEFT, OUT_UNDERAGE, OUT_OTHER)

#: The words a line's note starts with while its age needs a look at the 身份证.
VERIFY_MARK = QT_TRANSLATE_NOOP(_C, "需核实")


def basis_13(on: date | str | None) -> LegalBasis:
    """组织法 (2018) 第十三条 as cited on `on` (选举权; the three categories)."""
    return organic_law(13, on=on)


def basis_14(on: date | str | None) -> LegalBasis:
    """组织法 (2018) 第十四条 as cited on `on` (名单公布二十日前; 异议五日, 处理三日)."""
    return organic_law(14, on=on)


def parse_day(text: str | date | None) -> date | None:
    """An ISO day, or None for "" / None / text that is not a date (callers refuse it in words)."""
    if isinstance(text, date):
        return text
    if not text:
        return None
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


# --- age -------------------------------------------------------------------------------------

def _birthday(year: int, month: int, day: int) -> date:
    """The `VOTING_AGE`th birthday of someone born on year-month-day (29 February → 1 March)."""
    target = year + VOTING_AGE
    if month == 2 and day == 29 and not calendar.isleap(target):
        return date(target, 3, 1)
    return date(target, month, day)


def age_status(birth_year: int | None, birth_month: int | None, on: date,
               birth_day: int | None = None) -> str:
    """`ELIGIBLE`, `UNDERAGE` or `VERIFY`: is someone with this birth 18 on `on`?

    A full birth date decides exactly (18th birthday on `on` → eligible; the day after → not).
    Year and month only: the whole month before or after decides; born in the month of `on`
    eighteen years earlier, eligible only when `on` is that month's last day, else VERIFY.
    Year only: likewise by year (eligible in that year only on 31 December). No year: VERIFY.
    """
    if not birth_year:
        return VERIFY
    if birth_month and 1 <= birth_month <= 12:
        if birth_day:
            try:
                reached = _birthday(birth_year, birth_month, birth_day)
            except ValueError:
                return VERIFY
            return ELIGIBLE if reached <= on else UNDERAGE
        month_of_18 = (birth_year + VOTING_AGE, birth_month)
        if month_of_18 < (on.year, on.month):
            return ELIGIBLE
        if month_of_18 > (on.year, on.month):
            return UNDERAGE
        last = calendar.monthrange(on.year, on.month)[1]
        return ELIGIBLE if on.day == last else VERIFY
    year_of_18 = birth_year + VOTING_AGE
    if year_of_18 < on.year:
        return ELIGIBLE
    if year_of_18 > on.year:
        return UNDERAGE
    return ELIGIBLE if (on.month, on.day) == (12, 31) else VERIFY


def age_on(birth_year: int | None, birth_month: int | None, on: date) -> int | None:
    """Completed years on `on` as far as the register tells (None when the birth is unknown).

    Where the register cannot tell (born in the month of `on`, no day known; year only), the
    lower age: the birthday is not counted until it has surely passed.
    """
    if not birth_year:
        return None
    last_day = on.day == calendar.monthrange(on.year, on.month)[1]
    age = on.year - birth_year
    if birth_month and 1 <= birth_month <= 12:
        if birth_month > on.month or (birth_month == on.month and not last_day):
            age -= 1
    elif (on.month, on.day) != (12, 31):
        age -= 1  # year only: the lower bound
    return max(age, 0)


# --- building the list from the register -----------------------------------------------------

@dataclass(frozen=True)
class RegisterPerson:
    """What the roll needs of one person of the 人员名册."""

    person_id: str
    name: str
    gender: str = ""
    birth_year: int | None = None
    birth_month: int | None = None
    village_group: str = ""
    left_on: str = ""


@dataclass(frozen=True)
class PreviewLine:
    """One person in the preview: listed (in a category, perhaps 需核实) or left out, and why."""

    person: RegisterPerson
    listed: bool
    category: str = ""
    age: int | None = None
    verify: bool = False
    reason: Message | None = None  # why left out, or what to verify


@dataclass
class RollPreview:
    """The register judged for one election day: who goes on the list, who does not, and why."""

    election_day: date
    listed: list[PreviewLine] = field(default_factory=list)
    left_out: list[PreviewLine] = field(default_factory=list)
    already: int = 0  # people already on the list (kept as they are)
    basis: LegalBasis | None = None

    @property
    def to_verify(self) -> list[PreviewLine]:
        """The listed lines whose age needs a look at the 身份证."""
        return [line for line in self.listed if line.verify]


def preview(people: Iterable[RegisterPerson], election_day: date,
            already_listed: Iterable[str] = (), kept_off: Iterable[str] = ()) -> RollPreview:
    """Judge the register for `election_day` in one pass.

    Everyone on the register (户籍 in the village) who is 18 that day and still on the register
    goes on the list as a resident; those away who do not wish to vote and the incomers the
    secretary handles by hand. `already_listed` are person ids with a line (not judged again);
    `kept_off` those whose line was removed (deprived of political rights, an objection upheld…):
    a new build does not bring them back.
    """
    listed_ids, off_ids = set(already_listed), set(kept_off)
    out = RollPreview(election_day, basis=basis_13(election_day))
    day_text = election_day.isoformat()
    for person in people:
        if person.person_id in listed_ids:
            out.already += 1
            continue
        age = age_on(person.birth_year, person.birth_month, election_day)
        if person.person_id in off_ids:
            out.left_out.append(PreviewLine(person, False, age=age, reason=msg(_C, QT_TRANSLATE_NOOP(
                _C, "此前已从名单移出,不再自动列入(如需恢复,请用“添加选民”)"))))
            continue
        if person.left_on and person.left_on <= day_text:
            out.left_out.append(PreviewLine(person, False, age=age, reason=msg(_C, QT_TRANSLATE_NOOP(
                _C, "{day}已离开名册,选举日不在本村"), day=person.left_on)))
            continue
        status = age_status(person.birth_year, person.birth_month, election_day)
        if status == UNDERAGE:
            out.left_out.append(PreviewLine(person, False, age=age, reason=msg(_C, OUT_REASONS[OUT_UNDERAGE])))
            continue
        verify = status == VERIFY
        reason = None
        if verify:
            reason = (msg(_C, QT_TRANSLATE_NOOP(_C, "名册无出生年月,请查验身份证件"))
                      if not person.birth_year else
                      msg(_C, QT_TRANSLATE_NOOP(_C, "名册只有出生年月,选举日前后满十八周岁,请查验身份证件")))
        out.listed.append(PreviewLine(person, True, VOTER_RESIDENT, age, verify, reason))
    return out


# --- checking the list -----------------------------------------------------------------------

@dataclass(frozen=True)
class RollLine:
    """One live line of the list, as the checks need it."""

    voter_id: str
    person_id: str
    name: str
    birth_year: int | None
    birth_month: int | None
    category: str
    admitted_meeting_id: str | None = None
    admitted_meeting_type: str = ""  # the meeting's type code
    admitted_on: str = ""  # the meeting's day
    left_on: str = ""
    verify: bool = False
    resident_since: str = ""  # an incomer's 居住起始日期 ("" = not recorded)


#: Meeting types that may admit an incomer (村民会议 in either form, 村民代表会议).
ADMITTING_MEETING_TYPES = ("assembly", "assembly_households", "representatives")


@dataclass(frozen=True)
class LineFinding:
    """A finding about one line (or a pair of lines: `other_id`)."""

    voter_id: str
    finding: Finding
    other_id: str = ""


def check_lines(lines: Sequence[RollLine], election_day: date) -> list[LineFinding]:
    """What is wrong with the live lines: twice on the list, an incomer without his meeting, age.

    The same person twice is an error (第十三条: one person, one line); the same name with the
    same birth year and month on two lines is a warning — two people may share both, the
    committee looks.
    """
    basis = basis_13(election_day)
    out: list[LineFinding] = []
    by_person: dict[str, RollLine] = {}
    by_name: dict[tuple[str, int | None, int | None], RollLine] = {}
    day_text = election_day.isoformat()
    for line in lines:
        first = by_person.get(line.person_id)
        if first is not None:
            out.append(LineFinding(line.voter_id, Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
                _C, "{name}在选民名单上登记了两次,同一村民只能登记一次"), name=line.name), basis), first.voter_id))
            continue
        by_person[line.person_id] = line
        key = (line.name.strip(), line.birth_year, line.birth_month)
        twin = by_name.get(key)
        if twin is not None and line.birth_year:
            out.append(LineFinding(line.voter_id, Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
                _C, "{name}与另一行同名且出生年月相同,请核实是否同一人重复登记"), name=line.name), basis),
                twin.voter_id))
        else:
            by_name.setdefault(key, line)
        if line.category not in VOTER_CATEGORIES:
            out.append(LineFinding(line.voter_id, Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
                _C, "{name}的登记类别不明"), name=line.name), basis)))
        if line.category == VOTER_INCOMER:
            why = incomer_problem(line.admitted_meeting_type, line.admitted_on, election_day,
                                  bool(line.admitted_meeting_id))
            if why is not None:
                out.append(LineFinding(line.voter_id, Finding(ERROR, msg(
                    _C, why, name=line.name), basis)))
            residence = residence_problem(line.resident_since, election_day)
            if residence is not None:
                severity, template = residence
                out.append(LineFinding(line.voter_id, Finding(severity, msg(
                    _C, template, name=line.name, since=line.resident_since), basis)))
        if line.left_on and line.left_on <= day_text:
            out.append(LineFinding(line.voter_id, Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
                _C, "{name}已于{day}离开名册,应从名单移出"), name=line.name, day=line.left_on), basis)))
        status = age_status(line.birth_year, line.birth_month, election_day)
        if status == UNDERAGE:
            out.append(LineFinding(line.voter_id, Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
                _C, "{name}选举日未满十八周岁"), name=line.name), basis)))
        elif line.verify:
            out.append(LineFinding(line.voter_id, Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
                _C, "{name}的年龄需核实(查验身份证件)"), name=line.name), basis)))
    return out


def incomer_problem(meeting_type: str, meeting_day: str, election_day: date, has_meeting: bool) -> str | None:
    """Why an incomer's admission does not hold (a template with `{name}`), or None.

    第十三条(三): 经村民会议或者村民代表会议同意 — a meeting of one of those types, held before
    the election day.
    """
    if not has_meeting:
        return QT_TRANSLATE_NOOP(_C, "{name}户籍不在本村,须经村民会议或者村民代表会议同意方可登记")
    if meeting_type not in ADMITTING_MEETING_TYPES:
        return QT_TRANSLATE_NOOP(_C, "{name}的登记会议不是村民会议或者村民代表会议")
    day = parse_day(meeting_day)
    if day is not None and day > election_day:
        return QT_TRANSLATE_NOOP(_C, "{name}的登记会议在选举日之后")
    return None


#: 第十三条(三): an incomer has lived in the village this many years by the election day.
RESIDENCE_YEARS = 1


def residence_complete(resident_since: date) -> date:
    """The day an incomer living in the village since `resident_since` has lived there a full year.

    民法典 第二百零二条: a period in years ends on the corresponding day of the last year; without
    one (29 February in a common year) on the last day of that month — 28 February.
    """
    year = resident_since.year + RESIDENCE_YEARS
    day = min(resident_since.day, calendar.monthrange(year, resident_since.month)[1])
    return date(year, resident_since.month, day)


def residence_problem(resident_since: str, election_day: date) -> tuple[str, str] | None:
    """(severity, template with `{name}`/`{since}`) when an incomer's year of residence does not hold.

    第十三条(三): 在本村居住一年以上 — "以上" includes the year itself, so living there since exactly
    one year before the election day is enough. Not recorded is a `WARNING` (the committee checks;
    lines registered before the date was kept stay valid); less than a year by the election day,
    or a date after it, is an `ERROR` (adding such a line is refused).
    """
    since = parse_day(resident_since)
    if since is None:
        return WARNING, QT_TRANSLATE_NOOP(_C, "{name}居住时间未登记,请核实是否满一年")
    if since > election_day or residence_complete(since) > election_day:
        return ERROR, QT_TRANSLATE_NOOP(_C, "{name}自{since}起在本村居住,到选举日不满一年,不能作为外来人员登记")
    return None


# --- the day limits of 第十四条 ----------------------------------------------------------------

def latest_publication(election_day: date) -> date:
    """The last day the list may be published: 选举日的二十日前."""
    return election_day - timedelta(days=PUBLISH_DAYS_BEFORE)


def publication_finding(published_on: date, election_day: date) -> Finding | None:
    """None when the list is published in time; else why not (a refusal after the election day)."""
    basis = basis_14(election_day)
    if published_on > election_day:
        return Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "公布日{published}在选举日{day}之后"), published=published_on.isoformat(),
            day=election_day.isoformat()), basis)
    gap = (election_day - published_on).days
    if gap < PUBLISH_DAYS_BEFORE:
        return Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "选民名单应在选举日的二十日前公布,{published}公布距选举日{day}只有{gap}天(最迟{latest})"),
            published=published_on.isoformat(), day=election_day.isoformat(), gap=gap,
            latest=latest_publication(election_day).isoformat()), basis)
    return None


def objection_deadline(published_on: date) -> date:
    """The last day to raise an objection: 自名单公布之日起五日内 (the day after publication is day 1)."""
    return published_on + timedelta(days=OBJECTION_DAYS)


def decision_deadline(raised_on: date) -> date:
    """The last day to decide an objection: 自收到申诉之日起三日内."""
    return raised_on + timedelta(days=DECISION_DAYS)


def objection_finding(published_on: date | None, raised_on: date, election_day: date | None) -> Finding | None:
    """Why an objection raised on `raised_on` is out of time (a warning: the committee may still hear it)."""
    basis = basis_14(election_day or raised_on)
    if published_on is None:
        return Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(_C, "选民名单尚未公布")), basis)
    if raised_on < published_on:
        return Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "异议日期{raised}早于名单公布日{published}"), raised=raised_on.isoformat(),
            published=published_on.isoformat()), basis)
    last = objection_deadline(published_on)
    if raised_on > last:
        return Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "异议应自名单公布之日起五日内提出(最迟{last}),{raised}已超过期限"),
            last=last.isoformat(), raised=raised_on.isoformat()), basis)
    return None


def decision_finding(raised_on: date, decided_on: date, election_day: date | None) -> Finding | None:
    """Why a decision on `decided_on` is out of time (a warning; before the objection: an error)."""
    basis = basis_14(election_day or raised_on)
    if decided_on < raised_on:
        return Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "处理日期{decided}早于异议提出日{raised}"), decided=decided_on.isoformat(),
            raised=raised_on.isoformat()), basis)
    last = decision_deadline(raised_on)
    if decided_on > last:
        return Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "村民选举委员会应自收到异议之日起三日内作出处理决定(最迟{last}),{decided}已超过期限"),
            last=last.isoformat(), decided=decided_on.isoformat()), basis)
    return None
