"""The compliance board for 40 villages × 40 quarters against a plain SQL aggregate of the same rows.

A township database is generated directly (insert_many, owner = each
village's code, a Peer and an imported PackageLog row per village): per
quarter a 村民代表会议 (some without quorum, some skipped), three 监委会例会
(some skipped), three monthly finance postings and one quarterly 村务公开
posting (some late, some never posted). `board()` is timed for one year and
for the whole ten-year span; the baseline is two GROUP BY queries counting the
same rows per village and period (what a hand-written report would run).
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

VILLAGES = 40
QUARTERS = 40
TOWNSHIP_CODE = "330106001"


def _quarters(today: date) -> list[tuple[int, int]]:
    y, q = today.year, (today.month - 1) // 3 + 1
    out = []
    for _ in range(QUARTERS):
        y, q = (y - 1, 4) if q == 1 else (y, q - 1)
        out.append((y, q))
    return out[::-1]


def build(folder: Path, today: date) -> tuple[Path, int, int]:
    """The township database in `folder`; returns (its path, rows inserted, first year)."""
    from desktop.paths import AppPaths
    from desktop.services import setup_service
    from desktop.storage import open_store
    from models.clock import now_utc
    from models.db import database
    from models.disclosure.records import DisclosureItem
    from models.meetings.records import Meeting
    from models.sync.records import PackageLog, Peer

    paths = AppPaths(folder)
    open_store(paths, backup_before_migration=False)
    setup_service.initialize("township", "青山镇", TOWNSHIP_CODE, "zhejiang")
    rng = random.Random(5)
    stamp = now_utc()
    meetings, items, peers, logs = [], [], [], []
    seq = 0
    for v in range(VILLAGES):
        code = f"{TOWNSHIP_CODE}{v + 1:03d}"
        province = ("zhejiang", "chongqing", "national", "shandong")[v % 4]
        peers.append({"code": code, "name": f"第{v + 1}村", "kind": "village", "province": province,
                      "status": "active", "last_in_no": 1, "last_in_at": stamp})
        logs.append({"direction": "in", "peer_code": code, "number": 1, "created_at": stamp,
                     "status": "imported"})
        diligence = rng.random()
        for y, q in _quarters(today):
            seq += 1
            if rng.random() < 0.6 + 0.4 * diligence:
                meetings.append({"owner": code, "seq": seq, "updated_at": stamp, "type_code": "representatives",
                                 "title": f"{y}年第{q}季度村民代表会议", "held_on": f"{y}-{q * 3 - 1:02d}-12",
                                 "status": "approved", "quorum_met": rng.random() > 0.05})
            for m in range(q * 3 - 2, q * 3 + 1):
                if rng.random() < 0.7 + 0.3 * diligence:
                    meetings.append({"owner": code, "seq": seq, "updated_at": stamp, "type_code": "supervision",
                                     "title": f"{y}年{m}月监委会例会", "held_on": f"{y}-{m:02d}-05",
                                     "status": "approved", "quorum_met": True})
                if rng.random() < 0.75 + 0.25 * diligence:
                    posted = date(y, m, 28) + timedelta(days=rng.choice([10, 12, 20, 40]))
                    items.append({"owner": code, "seq": seq, "updated_at": stamp, "category": "finance",
                                  "subject": "finance_monthly", "period_kind": "month", "period": f"{y}-{m:02d}",
                                  "title": f"{y}年{m}月财务收支", "posted_on": posted.isoformat()})
            if rng.random() < 0.7 + 0.3 * diligence:
                posted = date(y, q * 3, 28) + timedelta(days=rng.choice([8, 12, 17, 30]))
                items.append({"owner": code, "seq": seq, "updated_at": stamp, "category": "village",
                              "subject": "village_affairs", "period_kind": "quarter", "period": f"{y}Q{q}",
                              "title": f"{y}年第{q}季度村务公开", "posted_on": posted.isoformat()})
    with database.atomic():
        Peer.insert_many(peers).execute()
        PackageLog.insert_many(logs).execute()
        for model, rows in ((Meeting, meetings), (DisclosureItem, items)):
            for start in range(0, len(rows), 500):
                model.insert_many(rows[start:start + 500]).execute()
    return paths.database, len(meetings) + len(items), _quarters(today)[0][0]


def _baseline() -> None:
    """The plain aggregate: rows per village and period, as a report would count them."""
    from models.db import database

    database.execute_sql(
        "SELECT owner, type_code, substr(held_on, 1, 7), count(*) FROM meeting WHERE deleted = 0 "
        "GROUP BY owner, type_code, substr(held_on, 1, 7)").fetchall()
    database.execute_sql(
        "SELECT owner, category, period, count(*), min(posted_on) FROM disclosure_item WHERE deleted = 0 "
        "GROUP BY owner, category, period").fetchall()


def _median(fn, runs: int) -> float:
    fn()  # warm-up: pages in the cache for both sides
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def bench(runs: int) -> list[tuple[str, float, float, str]]:
    """Board for a year and for ten years vs. the GROUP BY baseline over the same rows."""
    from desktop.services import compliance_service as cs
    from models.db import close_database

    today = date.today()
    with tempfile.TemporaryDirectory(prefix="cunwu-bench-compliance-") as tmp:
        _path, rows, first_year = build(Path(tmp) / "data", today)
        last_year = today.year - 1
        try:
            base = _median(_baseline, runs)
            year = _median(lambda: cs.board(str(last_year), today), runs)
            span = _median(lambda: cs.board(f"{first_year}-{last_year}", today), runs)
            quarter = _median(lambda: cs.board(cs.default_period(today), today), runs)
        finally:
            close_database()
    note = f"{VILLAGES} villages × {QUARTERS} quarters, {rows} rows"
    return [
        ("compliance: SQL GROUP BY of the rows (baseline)", base, 1.0, note),
        (f"compliance: board() for {last_year}", year, year / base, "incl. 8-quarter trend"),
        (f"compliance: board() for {first_year}-{last_year}", span, span / base, "whole span"),
        ("compliance: board() for the last quarter", quarter, quarter / base, "the page's default"),
    ]
