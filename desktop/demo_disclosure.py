"""Demo 村务公开.

Years of monthly financial postings and quarterly village-affairs postings,
reviewed by the committee and posted: a few late, one draft that does not
balance, and villagers' questions (one still unanswered). Two subjects of the
village's own in its 公开目录, and 随时 items after events (projects, 四议两公开
decisions): most posted in time, one late, one recent one overdue, one due soon.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from desktop.demo_supervision import on_duty
from desktop.services import disclosure_service as ds
from desktop.services.session import Session
from models.disclosure import catalogue as cat
from models.disclosure.financial_table import Line, totals

INCOME = [("收到上级转移支付", "转移支付", (50000, 200000)), ("集体鱼塘承包费", "发包收入", (8000, 30000)),
          ("厂房租金", "租赁收入", (10000, 40000)), ("收到光伏发电收益", "经营收入", (2000, 9000))]
EXPENSE = [("村干部误工补贴", "误工补贴", (8000, 20000)), ("购买垃圾桶 40 只", "环境卫生", (2000, 6000)),
           ("路灯电费", "公共事业", (600, 2400)), ("村道修补材料费", "基础设施", (3000, 15000)),
           ("办公用纸、墨盒", "办公费", (300, 1200)), ("保洁员工资", "环境卫生", (2400, 3600)),
           ("防汛物资", "公共事业", (1000, 5000))]
QUARTER_TOPICS = ["低保户评议结果与发放情况", "村民代表会议决定事项及落实情况", "宅基地审批情况",
                  "惠农补贴发放情况"]
#: 随时 events of a year: (subject, month, day, title, content); "own" is the village's own 美丽乡村 subject.
AD_HOC_EVENTS = [
    ("four_two", 3, 12, "{y}年村道硬化工程四议两公开决议", "经村党组织提议、两委会商议、党员大会审议、村民代表会议决议,"
     "同意实施村道硬化工程,硬化村内主干道路 2.3 公里,预算 18.6 万元。"),
    ("projects", 6, 5, "{y}年村道硬化工程招标结果", "中标单位:某某建筑有限公司,中标价 17.9 万元,工期 60 天。"),
    ("own", 9, 18, "{y}年美丽乡村建设:村口广场改造", "广场铺装、路灯 8 盏、垃圾分类亭 2 座,由村民代表监督施工。"),
]


def _lines(rng: random.Random, year: int, month: int) -> list[Line]:
    out = []
    for n in range(rng.randint(5, 11)):
        income = rng.random() < 0.3
        summary, category, (low, high) = rng.choice(INCOME if income else EXPENSE)
        amount = rng.randint(low, high) * 100 + rng.choice([0, 0, 50, 80])
        out.append(Line(f"{year}-{month:02d}-{rng.randint(1, 28):02d}", f"记-{n + 1:03d}", summary, category,
                        amount if income else 0, 0 if income else amount, rng.choice(["王文书", "李主任"])))
    out.sort(key=lambda x: x.day)
    return out


def fill_disclosure(session: Session, years: int, today: date | None = None, seed: int = 3,
                    diligence: float = 1.0) -> dict[str, int]:
    """Create the postings; returns counts.

    A `diligence` below 1 makes more postings late (posted after the
    deadline) and leaves a share of them never made at all; the choices of
    what goes missing come from a second generator, so the default output is
    unchanged.
    """
    today = today or date.today()
    rng = random.Random(seed)
    lapses = random.Random(seed * 31 + 1)
    lax = 1.0 - max(0.0, min(1.0, diligence))
    late_share = 0.1 + 0.6 * lax
    from desktop.demo_supervision import chair_session

    # The committee signs its reviews through its chair's own login, not the demo's command-line user.
    committee = chair_session()
    balance = 15_000_00
    counts = {"postings": 0, "feedback": 0}
    first = today.year - years + 1
    year, month = first, 1
    while (year, month) < (today.year, today.month):
        lines = _lines(rng, year, month)
        if lax and lapses.random() < 0.35 * lax:  # this month's posting was never made
            balance = totals(balance, lines).computed_closing
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            continue
        t = totals(balance, lines)
        item = ds.create_item(session, "finance_monthly", f"{year}-{month:02d}", f"{year}年{month}月财务收支公开")
        nxt = date(year + (month == 12), month % 12 + 1, 1)
        last_month = (year, month) == ((today.replace(day=1) - timedelta(days=1)).year,
                                       (today.replace(day=1) - timedelta(days=1)).month)
        if last_month:
            # This month's draft was typed with a slip: it does not balance yet.
            ds.save_table(session, item.id, balance, t.computed_closing + 100, lines)
        else:
            ds.save_table(session, item.id, balance, t.computed_closing, lines)
            late = rng.random() < late_share
            submitted = nxt + timedelta(days=rng.randint(2, 6) + (25 if late else 0))
            if submitted >= today:
                submitted = nxt + timedelta(days=2)
            ds.submit(session, item.id, submitted)
            reviewed = on_duty(committee, submitted + timedelta(days=1))
            ds.review(committee, item.id, reviewed, True)
            posted = max(submitted + timedelta(days=2), reviewed + timedelta(days=1))
            ds.post(session, item.id, posted, ["村务公开栏", "微信群"], posted + timedelta(days=30))
            counts["postings"] += 1
        balance = t.computed_closing
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    for y in range(first, today.year + 1):
        for q in range(1, 5):
            end = date(y, q * 3, 28)
            if end + timedelta(days=10) > today:
                continue
            if lax and lapses.random() < 0.35 * lax:
                continue  # nothing posted for this quarter
            topic = QUARTER_TOPICS[(y + q) % len(QUARTER_TOPICS)]
            item = ds.create_item(session, "village_affairs", f"{y}Q{q}", f"{y}年第{q}季度村务公开:{topic}",
                                  content=f"一、{topic}。\n二、本季度村民代表会议决定事项及执行情况。\n三、其他需要公开的事项。",
                                  period_kind="quarter")
            submitted = end + timedelta(days=rng.randint(5, 12) + (30 if rng.random() < late_share else 0))
            submitted = min(submitted, today - timedelta(days=3))
            ds.submit(session, item.id, submitted)
            reviewed = on_duty(committee, submitted + timedelta(days=1))
            ds.review(committee, item.id, reviewed, True)
            ds.post(session, item.id, max(submitted + timedelta(days=2), reviewed + timedelta(days=1)), ["村务公开栏"])
            counts["postings"] += 1
    counts["postings"] += _ad_hoc_and_own(session, committee, rng, first, today)
    questions = [("王秀英", "3月份“购买垃圾桶”一笔买了多少只、单价多少?", "已答复:40 只,单价 98 元,发票已在公开栏旁张贴。"),
                 ("", "低保名单为什么没有张贴在二组公告栏?", "")]
    for n, (villager, content, answer) in enumerate(questions):
        received = today - timedelta(days=30 - n * 16)  # the second one is past the answer period
        fb = ds.add_feedback(session, received, content, villager)
        if answer:
            ds.answer_feedback(session, fb.id, received + timedelta(days=2), answer)
        counts["feedback"] += 1
    return counts


def _publish(session: Session, committee: Session, item_id: str, posted: date) -> None:
    ds.submit(session, item_id, posted - timedelta(days=2))
    reviewed = on_duty(committee, posted - timedelta(days=1))
    ds.review(committee, item_id, reviewed, True)
    posted = max(posted, reviewed + timedelta(days=1))
    ds.post(session, item_id, posted, ["村务公开栏", "微信群"], posted + timedelta(days=15))


def _ad_hoc_and_own(session: Session, committee: Session, rng: random.Random, first: int, today: date) -> int:
    """The village's own subjects and the 随时 items; returns the number posted."""
    beautiful = ds.add_subject(session, "美丽乡村建设项目", cat.VILLAGE, cat.AD_HOC)
    dividend = ds.add_subject(session, "集体经济收益分配", cat.FINANCE, cat.YEAR)
    posted = 0
    for y in range(first, today.year + 1):
        for subject, month, day, title, content in AD_HOC_EVENTS:
            event = date(y, month, day)
            if event + timedelta(days=20) > today:  # the recent events come below
                continue
            code = beautiful.code if subject == "own" else subject
            item = ds.create_item(session, code, "", title.format(y=y), content, event_date=event)
            late = rng.random() < 0.2
            _publish(session, committee, item.id, event + timedelta(days=rng.randint(4, 9) + (8 if late else 0)))
            posted += 1
        if date(y + 1, 1, 20) <= today:  # last year's distribution, posted in January
            item = ds.create_item(session, dividend.code, str(y), f"{y}年集体经济收益分配公开",
                                  "按股份经济合作社章程,每股分红 120 元。")
            lines = [Line(f"{y}-12-20", "记-分-1", "集体经营性收入", "经营收入", 360_000_00 // 10, 0, "王文书"),
                     Line(f"{y}-12-28", "记-分-2", "按股分红(每股 120 元)", "收益分配", 0, 288_000_00 // 10, "李主任")]
            t = totals(0, lines)
            ds.save_table(session, item.id, 0, t.computed_closing, lines)
            _publish(session, committee, item.id, date(y + 1, 1, 18))
            posted += 1
    # Recent events: one is past its 10 days with nothing posted, one is due in a few days.
    ds.create_item(session, "projects", "", "村级光伏电站项目验收结果",
                   "验收合格,总投资 32 万元,年收益约 2.6 万元。", event_date=today - timedelta(days=13))
    ds.create_item(session, beautiful.code, "", "美丽乡村建设:河道清淤", "清淤 1.2 公里,费用 4.8 万元。",
                   event_date=today - timedelta(days=5))
    return posted
