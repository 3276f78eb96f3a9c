"""Demo 村务公开.

Years of monthly financial postings and quarterly village-affairs postings,
reviewed by the committee and posted: a few late, one draft that does not
balance, and villagers' questions (one still unanswered).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from desktop.services import disclosure_service as ds
from desktop.services.session import Session
from models.disclosure.financial_table import Line, totals

INCOME = [("收到上级转移支付", "转移支付", (50000, 200000)), ("集体鱼塘承包费", "发包收入", (8000, 30000)),
          ("厂房租金", "租赁收入", (10000, 40000)), ("收到光伏发电收益", "经营收入", (2000, 9000))]
EXPENSE = [("村干部误工补贴", "误工补贴", (8000, 20000)), ("购买垃圾桶 40 只", "环境卫生", (2000, 6000)),
           ("路灯电费", "公共事业", (600, 2400)), ("村道修补材料费", "基础设施", (3000, 15000)),
           ("办公用纸、墨盒", "办公费", (300, 1200)), ("保洁员工资", "环境卫生", (2400, 3600)),
           ("防汛物资", "公共事业", (1000, 5000))]
QUARTER_TOPICS = ["低保户评议结果与发放情况", "村民代表会议决定事项及落实情况", "宅基地审批情况",
                  "惠农补贴发放情况"]


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


def fill_disclosure(session: Session, years: int, today: date | None = None, seed: int = 3) -> dict[str, int]:
    """Create the postings; returns counts."""
    today = today or date.today()
    rng = random.Random(seed)
    from desktop.services import people_service
    from desktop.services.session import Session as _Session

    chair = next((r.name for r in people_service.register() if "sc_chair" in r.roles), "监委会主任")
    # The committee signs its reviews under its own name, not the demo's command-line user.
    committee = _Session(actor="演示:监委会", role="committee", display_name=chair)
    balance = 15_000_00
    counts = {"postings": 0, "feedback": 0}
    first = today.year - years + 1
    year, month = first, 1
    while (year, month) < (today.year, today.month):
        lines = _lines(rng, year, month)
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
            late = rng.random() < 0.1
            submitted = nxt + timedelta(days=rng.randint(2, 6) + (25 if late else 0))
            if submitted >= today:
                submitted = nxt + timedelta(days=2)
            ds.submit(session, item.id, submitted)
            ds.review(committee, item.id, submitted + timedelta(days=1), True)
            posted = submitted + timedelta(days=2)
            ds.post(session, item.id, posted, ["村务公开栏", "微信群"], posted + timedelta(days=30))
            counts["postings"] += 1
        balance = t.computed_closing
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    for y in range(first, today.year + 1):
        for q in range(1, 5):
            end = date(y, q * 3, 28)
            if end + timedelta(days=10) > today:
                continue
            topic = QUARTER_TOPICS[(y + q) % len(QUARTER_TOPICS)]
            item = ds.create_item(session, "village_affairs", f"{y}Q{q}", f"{y}年第{q}季度村务公开:{topic}",
                                  content=f"一、{topic}。\n二、本季度村民代表会议决定事项及执行情况。\n三、其他需要公开的事项。",
                                  period_kind="quarter")
            submitted = end + timedelta(days=rng.randint(5, 12) + (30 if rng.random() < 0.1 else 0))
            submitted = min(submitted, today - timedelta(days=3))
            ds.submit(session, item.id, submitted)
            ds.review(committee, item.id, submitted + timedelta(days=1), True)
            ds.post(session, item.id, submitted + timedelta(days=2), ["村务公开栏"])
            counts["postings"] += 1
    questions = [("王秀英", "3月份“购买垃圾桶”一笔买了多少只、单价多少?", "已答复:40 只,单价 98 元,发票已在公开栏旁张贴。"),
                 ("", "低保名单为什么没有张贴在二组公告栏?", "")]
    for n, (villager, content, answer) in enumerate(questions):
        received = today - timedelta(days=30 - n * 16)  # the second one is past the answer period
        fb = ds.add_feedback(session, received, content, villager)
        if answer:
            ds.answer_feedback(session, fb.id, received + timedelta(days=2), answer)
        counts["feedback"] += 1
    return counts
