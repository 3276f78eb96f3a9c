"""Demo 村务监督委员会.

Three terms, monthly 例会 with gaps, casework, voucher reviews and yearly 民主评议,
including a conflict the check flags and one member with many 不称职 votes (不称职 in 陕西,
whose measure sets the threshold; 待按本省规定认定 elsewhere), so the demo shows what the app catches.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from desktop.services import duties, meetings_service, people_service
from desktop.services import supervision_service as sv
from desktop.services.meetings_service import AgendaLine
from desktop.services.session import Session
from models.meetings.quorum import PRESENT
from models.supervision import matters as mm


def _holders(*roles: str) -> list[people_service.PersonRow]:
    return [r for r in people_service.register() if set(roles) & set(r.roles)]


#: The demo logins the committee's chair and the secretary act under (`desktop.demo` binds them).
CHAIR_LOGIN, SECRETARY_LOGIN = "jianwei", "wenshu"


def chair_session() -> Session:
    """The committee chair's own login: the committee signs only as a member (`duties`)."""
    chair = _holders("sc_chair")[0]
    return Session(actor=CHAIR_LOGIN, role="committee", display_name=chair.name, person_id=chair.id)


def secretary_session() -> Session:
    """The secretary's login, which records the 村委会's answers to the committee."""
    clerk = _holders("clerk")
    return Session(actor=SECRETARY_LOGIN, role="secretary", display_name=clerk[0].name if clerk else "村文书",
                   person_id=clerk[0].id if clerk else "")


def on_duty(session: Session, day: date, limit: int = 60) -> date:
    """`day`, or the first day after it when `session`'s person holds a seat (terms can leave a gap)."""
    for n in range(limit):
        if duties.seat_on(session.person_id, day + timedelta(days=n)) is not None:
            return day + timedelta(days=n)
    return day


def fill_supervision(session: Session, today: date | None = None, seed: int = 5,
                     diligence: float = 1.0) -> dict[str, int]:
    """Create the demo committee records; returns counts.

    A `diligence` below 1 skips more monthly 例会 (about half as many again
    as the share missing from diligence).
    """
    today = today or date.today()
    rng = random.Random(seed)
    chair = _holders("sc_chair")[0]
    members = _holders("sc_member")
    counts = {"terms": 0, "supervision_meetings": 0, "matters": 0, "voucher_reviews": 0, "appraisals": 0}
    for label, start, end in (("第五届", date(2016, 5, 8), date(2021, 5, 5)),
                              ("第六届", date(2021, 5, 6), date(2026, 5, 5)),
                              ("第七届", date(2026, 5, 10), None)):
        if start > today:
            continue
        term = sv.create_term(session, label, start, end)
        counts["terms"] += 1
        sv.add_member(session, term.id, chair.id, chair=True, finance_qualified=True)
        for m in members:
            sv.add_member(session, term.id, m.id)
    # A conflict arising after the election: a member turns out to be a 村委会 member's sibling.
    vc_member = _holders("vc_member")[0]
    people_service.add_kinship(session, people_service_person(members[-1].id),
                               people_service_person(vc_member.id), "sibling")
    # From here on the committee acts through its chair's own login, the 村委会 through the secretary's.
    committee, village_committee = chair_session(), secretary_session()

    # Monthly 例会 over the last 18 months, with a few months skipped.
    first = date(today.year - 1, today.month, 1)
    month = first
    while month <= today:
        if rng.random() > 0.15 + 0.5 * (1.0 - diligence):
            on = month.replace(day=min(28, rng.randint(3, 12)))
            if on <= today:
                draft = meetings_service.new_draft("supervision", on)
                draft.title = f"{on.year}年{on.month}月监委会例会"
                draft.place, draft.host, draft.recorder = "村委会议室", chair.name, chair.name
                for line in draft.attendance:
                    line.status = PRESENT
                draft.agenda = [AgendaLine("审核上月财务凭证和村务公开内容", "逐张审核凭证,提出意见。")]
                meetings_service.approve(session, meetings_service.save(session, draft))
                counts["supervision_meetings"] += 1
        month = (month.replace(day=28) + timedelta(days=4)).replace(day=1)

    # Casework in each state.
    cases = [
        ("3月份两张报销凭证无经手人签字", "property", "inspection", 60, 4),
        ("村道硬化工程未按合同验收", "projects", "meeting", 45, 2),
        ("低保评议结果未张榜公示", "subsidies", "complaint", 30, 1),
        ("第三季度财务公开栏未更新", "decisions", "disclosure", 8, 0),
    ]
    for title, area, source, days_ago, steps in cases:
        opened = on_duty(committee, today - timedelta(days=days_ago))
        m = sv.open_matter(committee, title, area, source, opened, "监委会检查发现。")
        counts["matters"] += 1
        if steps >= 1:
            notified = on_duty(committee, opened + timedelta(days=1))
            sv.advance(committee, m.id, mm.NOTIFIED, notified, "请于期限内整改并书面答复。",
                       deadline=opened + timedelta(days=15))
        if steps == 1 and opened + timedelta(days=15) < today:
            sv.escalate(committee, m.id, on_duty(committee, opened + timedelta(days=20)))
        if steps >= 2:
            sv.advance(village_committee, m.id, mm.ANSWERED, opened + timedelta(days=10), "已整改。")
        verified = on_duty(committee, opened + timedelta(days=12))
        if steps >= 3:
            sv.advance(committee, m.id, mm.VERIFIED, verified, "现场核实,已整改到位。")
        if steps >= 4:
            sv.advance(committee, m.id, mm.CLOSED, verified)

    # 民主理财: monthly for the last year.
    for back in range(12, 0, -1):
        anchor = date(today.year, today.month, 1) - timedelta(days=30 * back)
        period = f"{anchor.year:04d}-{anchor.month:02d}"
        reviewed = anchor.replace(day=1) + timedelta(days=33)
        if reviewed > today:
            continue
        questioned = [(f"记-{rng.randint(1, 60):03d}", rng.randint(20000, 300000), "缺少验收单", "returned")] \
            if back % 4 == 0 else []
        sv.add_voucher_review(committee, period, on_duty(committee, reviewed.replace(day=min(reviewed.day, 10))),
                              rng.randint(20, 60), rng.randint(1_000_000, 9_000_000), f"{chair.name}、{members[0].name}",
                              questioned, allow_duplicate=True)  # 30-day steps may land twice in a 31-day month
        counts["voucher_reviews"] += 1

    # 民主评议: the last three years; one member with 25 of 36 不称职 votes in the middle year.
    appraised = _holders("vc_chair", "vc_vice", "vc_member") + _holders("clerk")
    for year in (today.year - 3, today.year - 2, today.year - 1):
        lines = []
        for p in appraised:
            incompetent = 25 if (year == today.year - 2 and p.id == vc_member.id) else rng.randint(0, 3)
            basic = rng.randint(2, 6)
            competent = 36 - basic - incompetent - rng.randint(0, 1)
            post = "村文书" if "clerk" in p.roles else "村委会成员"
            lines.append(sv.AppraisalLine(p.id, post, competent, basic, incompetent))
        sv.record_appraisal(committee, year, on_duty(committee, date(year, 12, 18)), "representatives", 36, lines)
        counts["appraisals"] += 1
    return counts


def people_service_person(person_id: str):
    """The Person record (the kinship service takes records)."""
    from models.entities import Person

    return Person.get_by_id(person_id)
