"""Who may sit on the 村务监督委员会, and whether a committee is well composed.

Law (DOMAIN §4): 村民委员会成员及其近亲属不得担任 (组织法 第三十二条; 近亲属
per 民法典 第一千零四十五条); provinces add posts (浙江: 村文书、报账员; 山东:
财会人员; 河南: 报账员; 上海: 财务人员、集体经济组织管理人员 and their close
relatives). The 2017 central opinion: 3–5 members, one 主任, 原则上 not the
Party secretary; the law: members with 会计/财务 knowledge.

Severity: a national or provincial statute → "error" (refused, or recorded
only with an explicit override and its justification); policy or practice →
"warning".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from models.kinship import RELATIONS, inverse
from models.legal import CIVIL_CODE, ORGANIC_2025_IN_FORCE, LegalBasis, organic_law
from models.meetings.profiles import profile
from models.meetings.quorum import ERROR, INFO, WARNING, Finding
from models.messages import QT_TRANSLATE_NOOP, msg
from models.stored_values import stored_date
from models.terms import default_term_last_day

_C = "eligibility"
VILLAGE_COMMITTEE = frozenset({"vc_chair", "vc_vice", "vc_member"})
_OPINION_2017 = LegalBasis(QT_TRANSLATE_NOOP("legal", "关于建立健全村务监督委员会的指导意见"), "2017")
_CLOSE = LegalBasis(CIVIL_CODE, "2020", 1045)
#: Posts the 2017 central guidance advises against (DOMAIN §4.2, reported, not verified verbatim): warnings
#: in every province, beside whatever the province's own list refuses.
NATIONAL_GUIDANCE_EXCLUSIONS = ("clerk", "accountant")

#: Role code -> Chinese post name, for messages.
POSTS = {
    "vc_chair": QT_TRANSLATE_NOOP(_C, "村委会主任"), "vc_vice": QT_TRANSLATE_NOOP(_C, "村委会副主任"),
    "vc_member": QT_TRANSLATE_NOOP(_C, "村委会委员"), "clerk": QT_TRANSLATE_NOOP(_C, "村文书"),
    "accountant": QT_TRANSLATE_NOOP(_C, "报账员/财会人员"),
    "collective_manager": QT_TRANSLATE_NOOP(_C, "集体经济组织管理人员"),
}


@dataclass(frozen=True)
class Candidate:
    """A person considered for the committee, with what the register says about them."""

    person_id: str
    name: str
    roles: frozenset[str]
    #: person_id -> (name, roles) of each close relative (民法典 1045 degrees), declared or inferred
    #: through the kinship graph (a common parent, a parent's parent, a child's child).
    close_relatives: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    #: person_id -> how that relative is related to the candidate (a `models.kinship` code), when known.
    relations: dict[str, str] = field(default_factory=dict)


def check_candidate(c: Candidate, province: str = "national", on: date | str | None = None) -> list[Finding]:
    """Why `c` may not (or should not) sit on the committee on `on`; empty when eligible.

    The national refusals (a 村委会 member; a 村委会 member's 近亲属) come first and hold in every
    province; a province's list adds its own (浙江 村文书, 山东 财会人员, …), never replaces them.
    """
    prof = profile(province)
    law = organic_law(32, on=on)
    out: list[Finding] = []
    own = sorted(c.roles & VILLAGE_COMMITTEE)
    if own:
        out.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "{name}是{post},村民委员会成员不得担任村务监督委员会成员。"),
            name=c.name, post=POSTS[own[0]]), law))
    for pid, (relative, roles) in sorted(c.close_relatives.items(), key=lambda kv: kv[1][0]):
        posts = sorted(roles & VILLAGE_COMMITTEE)
        if posts:
            relation = c.relations.get(pid, "")
            if relation in RELATIONS:  # the candidate's side: "王二是王老的孙子女、外孙子女"
                out.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
                    _C, "{name}是{post}{relative}的近亲属({relation}),村民委员会成员的近亲属不得担任村务监督委员会成员。"),
                    name=c.name, post=POSTS[posts[0]], relative=relative,
                    relation=RELATIONS[inverse(relation)]), law))
            else:
                out.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
                    _C, "{name}是{post}{relative}的近亲属,村民委员会成员的近亲属不得担任村务监督委员会成员。"),
                    name=c.name, post=POSTS[posts[0]], relative=relative), law))
        for role in prof.committee_relative_exclusions:
            if role in roles:
                out.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
                    _C, "{name}是{post}{relative}的近亲属,本省规定不得担任村务监督委员会成员。"),
                    name=c.name, post=POSTS.get(role, role), relative=relative), prof.committee_exclusions_basis))
    # A province's list adds to the national ones, never replaces them: its posts are refused under its
    # measure, and the posts the central guidance advises against stay warnings where the province is silent.
    for role in prof.committee_extra_exclusions:
        if role in c.roles:
            out.append(Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
                _C, "{name}是{post},本省规定不得担任村务监督委员会成员。"),
                name=c.name, post=POSTS.get(role, role)), prof.committee_exclusions_basis))
    for role in NATIONAL_GUIDANCE_EXCLUSIONS:
        if role in c.roles and role not in prof.committee_extra_exclusions:
            out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
                _C, "{name}是{post},按照中央指导意见一般不宜担任村务监督委员会成员。"),
                name=c.name, post=POSTS.get(role, role)), _OPINION_2017))
    return out


@dataclass(frozen=True)
class Seat:
    """A member of a proposed committee."""

    person_id: str
    name: str
    chair: bool
    finance_qualified: bool
    party_secretary: bool


def check_composition(seats: list[Seat], province: str = "national",
                      on: date | str | None = None) -> list[Finding]:
    """Size, one 主任, finance knowledge, 主任 not the Party secretary, for the seats held on `on`.

    The finance-knowledge finding cites the 组织法 text in force on `on` (the seats as they stand
    today are judged, so the service passes today: a committee seated in 2026 cites the amended text).
    """
    prof = profile(province)
    low, high = prof.committee_size
    out: list[Finding] = []
    if not low <= len(seats) <= high:
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "村务监督委员会有 {n} 人,一般应为 {low} 到 {high} 人。"), n=len(seats), low=low, high=high),
            prof.committee_exclusions_basis if prof.committee_size != (3, 5) else _OPINION_2017))
    chairs = [s for s in seats if s.chair]
    if len(chairs) != 1:
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "村务监督委员会应设主任 1 名,现在有 {n} 名。"), n=len(chairs)), _OPINION_2017))
    if seats and not any(s.finance_qualified for s in seats):
        out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
            _C, "成员中应当有具备财会、管理知识的人员,现在没有登记。")), organic_law(32, on)))
    for s in chairs:
        if s.party_secretary:
            out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
                _C, "主任{name}是村党组织书记;原则上不由村党组织书记兼任主任。"), name=s.name), _OPINION_2017))
    return out


def check_timing(term_start: str, village_committee_start: str, vacancies: list[tuple[str, str]],
                 today: str, province: str = "national") -> list[Finding]:
    """Elected within a month of the new 村委会 (2017 opinion); vacancies filled in time (山东 60 days).

    `vacancies`: (left_on, filled_on or "") for each seat that became empty. Dates are ISO text.
    """
    from datetime import timedelta

    out: list[Finding] = []
    # A bad stored date (an older import) leaves the timing unknown: nothing is judged from it.
    vc, start = stored_date(village_committee_start), stored_date(term_start)
    if vc is not None and start is not None:
        if start >= vc and (start - vc).days > 31:
            out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
                _C, "本届村委会于 {vc} 产生,监委会到 {start} 才推选,超过一个月。"),
                vc=vc.isoformat(), start=start.isoformat()), _OPINION_2017))
    days = profile(province).vacancy_days
    if days:
        for left_on, filled_on in vacancies:
            left, end = stored_date(left_on), stored_date(filled_on) if filled_on else stored_date(today)
            if left is None or end is None:
                continue
            deadline = left + timedelta(days=days)
            if end > deadline:
                out.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
                    _C, "{left} 出缺的成员,应在 {days} 天内补选(截至 {deadline})。"),
                    left=left_on, days=days, deadline=deadline.isoformat()), profile(province).vacancy_basis))
    return out


def check_term(term_start: str, term_end: str, village_committee_start: str) -> list[Finding]:
    """The committee's term against the 村委会's: the same term (five years from the 村委会's start).

    For a term from 2026-01-01 this is law (the 2025 amendment puts the committee's term in the
    组织法: cited as the text in force on the term's first day); before, it is the 2017 中办国办
    guidance — policy, not law, and the finding says so. Dates are ISO text; the 村委会's term is
    the five years of 组织法 第十一条 from `village_committee_start` (`models.terms`). Nothing is
    judged when a date is unknown or the 村委会 on record had already served its five years when
    the committee began (its 换届 is not recorded: `check_timing` says the election was late).
    """
    start, vc = stored_date(term_start), stored_date(village_committee_start)
    if start is None or vc is None or start < vc:
        return []
    vc_last = default_term_last_day(vc)
    if vc_last < start:
        return []
    in_law = start >= ORGANIC_2025_IN_FORCE
    end = stored_date(term_end) if term_end else None
    if end is None:
        if term_end or not in_law:
            return []
        return [Finding(INFO, msg(_C, QT_TRANSLATE_NOOP(
            _C, "依法村务监督委员会的任期与村民委员会相同:本届村委会自 {vc} 起,任期到 {vc_last}。"),
            vc=vc.isoformat(), vc_last=vc_last.isoformat()), organic_law(32, on=start))]
    if abs((end - vc_last).days) <= 31:  # elected within a month of the 村委会, it may end as far from it
        return []
    params = dict(end=end.isoformat(), vc=vc.isoformat(), vc_last=vc_last.isoformat())
    if in_law:
        return [Finding(ERROR, msg(_C, QT_TRANSLATE_NOOP(
            _C, "本届监委会任期到 {end},本届村委会(自 {vc} 起)任期到 {vc_last};"
                "依法村务监督委员会的任期与村民委员会相同。"), **params), organic_law(32, on=start))]
    return [Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
        _C, "本届监委会任期到 {end},本届村委会(自 {vc} 起)任期到 {vc_last};"
            "按照 2017 年中办国办指导意见(政策,不是法律),监委会任期与村民委员会相同。"), **params), _OPINION_2017)]
