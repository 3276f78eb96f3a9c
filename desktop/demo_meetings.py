"""Demo meetings: years of 村民代表会议, 村民会议, 两委 and 党员大会.

One 四议两公开 register per year. Some meetings fail quorum, one quarter has no
代表会议, one 村民会议 was announced too late: the demo shows what the app
catches, not an ideal village.
"""

from __future__ import annotations

import functools
import random
from datetime import date, timedelta

from desktop import demo_terms
from desktop.services import decisions_service, meetings_service, terms_service
from desktop.services.meetings_service import AgendaLine, AttendanceLine, ResolutionLine
from desktop.services.session import Session
from models.meetings import amendment_2025
from models.meetings import types as mt
from models.meetings.cadence import quarter_of
from models.meetings.matters import ART24_MATTERS
from models.meetings.quorum import ABSENT, LEAVE, OBSERVER, PRESENT

PLACE = "村委会议室"
PROJECTS = [
    ("村道硬化工程", "public_welfare"), ("文化广场改造", "public_welfare"),
    ("集体鱼塘对外租赁", "property_disposal"), ("自来水管网改造", "public_welfare"),
    ("茶园流转承包方案", "land_contracting"), ("村办加工厂厂房出租", "property_disposal"),
    ("宅基地统一规划方案", "homestead"), ("光伏发电项目立项", "collective_projects"),
    ("征地补偿款分配方案", "land_compensation"), ("河道清淤与护岸工程", "public_welfare"),
    ("集体收益使用计划", "collective_income"), ("村级道路亮化工程", "public_welfare"),
]
#: What a project's agenda and resolution say, in the words a secretary searches with (a road project
#: is 道路 in the minutes, not only 村道 in its name); projects not listed use their name.
_AGENDA = {"村道硬化工程": "硬化村内主干道路工程实施方案", "村级道路亮化工程": "村内道路路灯安装方案"}
_RESOLVED = {"村道硬化工程": ",硬化村内主干道路 2.3 公里"}
REP_TOPICS = [
    ("通报上季度村务、财务收支情况", "general"),
    ("讨论村庄环境卫生整治方案", "general"),
    ("审议村干部误工补贴发放标准", "subsidy"),
    ("讨论冬季防火和安全生产工作", "general"),
    ("审议集体经济收益使用方案", "collective_income"),
    ("讨论低保评议结果", "general"),
]


def _day(rng: random.Random, year: int, month: int) -> date:
    return date(year, month, rng.randint(5, 25))


def _mark(rng: random.Random, draft, present_ratio: float) -> None:
    for line in draft.attendance:
        roll = rng.random()
        line.status = PRESENT if roll < present_ratio else (LEAVE if roll < present_ratio + 0.05 else ABSENT)


def _office_holder(role: str) -> str:
    from desktop.services import people_service

    return next((r.name for r in people_service.register() if role in r.roles), "")


def _as_the_amended_law_asks(draft, party_study: bool) -> None:
    """From 2026, what the amended 组织法 asks, done as a careful village does it.

    The 监委会 is invited to the 村民代表会议 (列席), and the Party organisation studies the
    important matters a week before the meeting (`party_study`; a 四议两公开 register's meetings
    leave it to the register's ① 党组织提议 step, which the law reads the same way).
    """
    if not amendment_2025.applies(draft.held_on):
        return
    if draft.type_code == mt.REPRESENTATIVES:
        listed = {a.person_id for a in draft.attendance}
        for holder in terms_service.office_holders({"sc_chair", "sc_member"}, draft.held_on):
            if holder.person_id not in listed:
                draft.attendance.append(AttendanceLine(holder.person_id, holder.name, holder.gender, OBSERVER))
    if party_study:
        draft.party_study_on = draft.held_on - timedelta(days=7)


def _meeting(session, rng, type_code, on, title, agenda, resolutions, present_ratio=0.92,
             notice_days=5, typed=None, approve=True, host="", recorder="", party_study=True) -> str:
    draft = meetings_service.new_draft(type_code, on)
    draft.title, draft.place, draft.start_time = title, PLACE, rng.choice(["09:00", "14:30", "19:30"])
    draft.host, draft.recorder = host, recorder
    draft.notice_date = on - timedelta(days=notice_days)
    if typed is not None:
        draft.expected_count, draft.present_count = typed
    _mark(rng, draft, present_ratio)
    present = (draft.present_count if typed is not None
               else sum(1 for a in draft.attendance if a.status == PRESENT))
    _as_the_amended_law_asks(draft, party_study)
    draft.agenda = [AgendaLine(t, f"会议就“{t}”进行了讨论,与会人员发表了意见。") for t in agenda]
    draft.resolutions = []
    for text, matter in resolutions:
        no = rng.randint(0, max(0, present // 10))
        abstain = rng.randint(0, 2) if present > no + 2 else 0
        draft.resolutions.append(ResolutionLine(text, matter, present - no - abstain, no, abstain))
    meeting_id = meetings_service.save(session, draft)
    if approve:
        meetings_service.approve(session, meeting_id)
    return meeting_id


def fill_meetings(session: Session, years: int, households: int, seed: int = 11,
                  today: date | None = None, diligence: float = 1.0) -> dict[str, int]:
    """Create `years` years of meetings up to `today`; returns counts per kind.

    A `diligence` below 1 skips about that share of the quarterly 代表会议 and
    两委 meetings more (chosen by a second generator, so a diligent village's
    meetings are the same whatever the diligence of the others).
    """
    rng = random.Random(seed)
    lapses = random.Random(seed * 31 + 1)
    meeting = functools.partial(_meeting, host=_office_holder("vc_chair"), recorder=_office_holder("clerk"))
    today = today or date.today()
    first_year = today.year - years + 1
    counts = {"meetings": 0, "registers": 0, "failed_quorum": 0}

    def count(meeting_id, failed=False):
        counts["meetings"] += 1
        counts["failed_quorum"] += failed
        return meeting_id

    # The authorization in force when the records start was granted before them:
    # entered as history, without a linked meeting.
    term_start = demo_terms.term_start_before(first_year)
    decisions_service.add_authorization(session, sorted(ART24_MATTERS), term_start,
                                        demo_terms.term_end_after(term_start), None,
                                        "补录:本届村委会任期内的授权(原始记录为纸质档案)")
    for index, year in enumerate(range(first_year, today.year + 1)):
        current = year == today.year
        # 村民会议 (户代表) early in the year; in a 换届 year (April elections) it meets in
        # May, and the first meeting of each term authorizes the 代表会议 for the term.
        election_year = demo_terms.is_election_year(year)
        on = _day(rng, year, 5 if election_year else 2)
        if on <= today:
            late = index == 2  # one year the notice went out only a week before
            present = rng.randint(households * 2 // 3 + 1, households * 9 // 10)
            resolutions = [("审议村民委员会年度工作报告", "general")]
            if election_year:
                resolutions.append(("授权村民代表会议讨论决定《村民委员会组织法》第二十四条所列事项", "general"))
            mid = count(meeting(session, rng, mt.ASSEMBLY_HOUSEHOLDS, on, f"{year}年度村民会议",
                                 ["村委会年度工作报告", "民主评议村委会成员"], resolutions,
                                 notice_days=7 if late else 12, typed=(households, present)))
            if len(resolutions) > 1:
                # The authorization lasts until the end of the current 村委会 term.
                decisions_service.add_authorization(session, sorted(ART24_MATTERS), on, demo_terms.term_end_after(on), mid,
                                                    "换届后首次村民会议授权,期限至本届村委会任期届满")
        for quarter in range(1, 5):
            on = _day(rng, year, quarter * 3 - 1)
            if on > today or (index == 3 and quarter == 3):
                continue  # that quarter the village simply did not meet
            if diligence < 1 and lapses.random() > diligence:
                continue  # a lax village lets more quarters pass without meeting
            failed = index == 5 and quarter == 2
            topic = REP_TOPICS[(index + quarter) % len(REP_TOPICS)]
            count(meeting(session, rng, mt.REPRESENTATIVES, on, f"{year}年第{quarter}季度村民代表会议",
                           [REP_TOPICS[0][0], topic[0]], [topic], present_ratio=0.5 if failed else 0.9,
                           # Only the running quarter's minutes (in the second half-year) are
                           # still a draft: drafts do not count toward the quarterly cadence.
                           approve=not (current and quarter >= 3 and quarter_of(today) == (year, quarter))),
                  failed)
            count(meeting(session, rng, mt.TWO_COMMITTEES, on - timedelta(days=3),
                           f"{year}年第{quarter}季度两委联席会议", ["研究本季度重点工作"], []))
        if _day(rng, year, 7) <= today:
            count(meeting(session, rng, mt.PARTY_MEMBERS, _day(rng, year, 7), f"{year}年七一党员大会",
                           ["学习党的基层组织工作条例", "民主评议党员"], [], present_ratio=0.8))
        # One 四议两公开 register per year.
        project, matter = PROJECTS[index % len(PROJECTS)]
        start = date(year, 4, 8)
        if start > today:
            continue
        reg = decisions_service.create_register(session, f"{year}年{project}", matter)
        counts["registers"] += 1
        steps = [
            ("propose", mt.PARTY_BRANCH_COMMITTEE, start, "党组织委员会会议"),
            ("discuss", mt.TWO_COMMITTEES, start + timedelta(days=5), "两委联席会议"),
            ("review", mt.PARTY_MEMBERS, start + timedelta(days=12), "党员大会"),
            ("resolve", mt.REPRESENTATIVES, start + timedelta(days=20), "村民代表会议"),
        ]
        for step, type_code, on, body in steps:
            if on > today:
                break
            resolutions = [(f"同意实施“{project}”{_RESOLVED.get(project, '')}", matter)] if step == "resolve" else []
            mid = count(meeting(session, rng, type_code, on, f"{project}{body}", [_AGENDA.get(project, project)],
                                 resolutions,
                                 present_ratio=0.95, party_study=False))
            decisions_service.add_step(session, reg.id, step, on, mid)
        else:
            published = start + timedelta(days=23)
            if published <= today:
                decisions_service.add_step(session, reg.id, "publish_resolution", published,
                                           committee_opinion="经审核,决议内容与表决结果一致,同意公开。")
                begin, end = published + timedelta(days=10), published + timedelta(days=120)
                done = end <= today and not current
                decisions_service.set_implementation(session, reg.id, begin, end if done else None)
                if done:
                    decisions_service.add_step(session, reg.id, "publish_result", end + timedelta(days=7),
                                               committee_opinion="已现场查看,工程完成,账目相符,同意公开。")
    return counts
