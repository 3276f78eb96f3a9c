"""The village's 村规民约 page at 3,149 meetings (issue 20), as ratios to a plain `SELECT … LIMIT`.

The issue measured the page at 5.16 s on a village with 3,149 meetings: the
审议表决 tab read the whole meeting list with its attendance counts
(`meetings_service.list_meetings`) to offer the meetings with a resolution
since the draft began, and each refresh showed the version twice. Now the tab
asks `rules_service.vote_meetings` and the rule-set list reads its versions,
facts and vote days at once (`rules_service.list_rule_sets`).

The village: the 1-year demo (a 村规民约 of three versions, the 2026 revision
under way) with plain meetings added set-based up to 3,149, every other one
with a resolution. Each figure is the median of interleaved runs; the service
reads run on a thread with a connection of its own (no facts cached from the
previous run), as the page's first open after a change. The township's 审核备案
(`review_service.queue`, `filing_register`, `escalations`) is measured by
bench_township_pages at 30–500 villages.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import threading
import time
from pathlib import Path

MEETINGS = 3149
OWNER = "330106001001"


def _add_meetings(database: Path, count: int) -> None:
    """`count` approved meetings over thirty years, every other one with a resolution (set-based)."""
    connection = sqlite3.connect(database)
    try:
        with connection:
            connection.execute(
                f"""WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {count - 1})
                INSERT INTO meeting (id, owner, seq, updated_at, deleted, type_code, title, held_on, start_time,
                                     place, convened_by, host, recorder, notice_date, expected_count, present_count,
                                     status, approved_at, approved_by, corrects_id, quorum_met, note)
                SELECT printf('m-%08d', i), ?, 1, '2026-01-01T00:00:00Z', 0,
                       CASE i % 3 WHEN 0 THEN 'two_committees' WHEN 1 THEN 'representatives'
                            ELSE 'assembly_households' END,
                       printf('第%d次会议', i), date('1997-01-01', '+' || ((i * 7) % 10950) || ' days'), '09:00',
                       '村委会', '', '', '', '', 40, 30, 'approved', '', '', NULL, 1, '' FROM n""", (OWNER,))
            connection.execute(
                f"""WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {count // 2 - 1})
                INSERT INTO resolution (id, owner, seq, updated_at, deleted, meeting_id, position, text, matter,
                                        yes, no, abstain, passed)
                SELECT printf('s-%08d', i), ?, 1, '2026-01-01T00:00:00Z', 0, printf('m-%08d', i * 2), 0, '同意',
                       'general', 3, 1, 0, 1 FROM n""", (OWNER,))
    finally:
        connection.close()


def _on_own_connection(call) -> float:
    """Seconds of `call()` on a new thread with a connection of its own (nothing cached from before)."""
    from models.db import database

    elapsed = []

    def run():
        with database.connection_context():
            started = time.perf_counter()
            call()
            elapsed.append(time.perf_counter() - started)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    return elapsed[0]


def bench(runs: int) -> list[tuple[str, float, float, str]]:
    """The rule-set list, the vote tab's choices (old and new read) and the page open, at 3,149 meetings."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.demo import DEMO_PASSWORD, fill_village
    from desktop.paths import AppPaths
    from desktop.services import auth_service, meetings_service, rules_service, setup_service
    from desktop.services.session import cli_session
    from desktop.storage import open_store
    from models.db import close_database, database
    from ui.rules.rules_page import RulesPage

    app = QApplication.instance() or QApplication([])
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="cunwu-bench-review-") as tmp:
        paths = AppPaths(Path(tmp) / "data")
        open_store(paths, backup_before_migration=False)
        try:
            setup_service.initialize("village", "青山村", OWNER, "zhejiang")
            fill_village(cli_session("village"), years=1)
            close_database()
            have = sqlite3.connect(paths.database).execute("SELECT count(*) FROM meeting").fetchone()[0]
            _add_meetings(paths.database, MEETINGS - have)
            open_store(paths, backup_before_migration=False)
            session = auth_service.login("admin", DEMO_PASSWORD)
            since = next(v.started_on for v in (rules_service.view(r.id).record for s in rules_service.list_rule_sets()
                                                for r in s.versions) if not v.vote_meeting_id)
            raw = sqlite3.connect(paths.database)

            def old_choices():
                return [m for m in meetings_service.list_meetings() if m.resolutions and m.held_on >= since]

            for warm_up in (True, *[False] * max(runs, 3)):  # interleaved, so machine noise hits all alike
                samples = {}
                started = time.perf_counter()
                raw.execute("SELECT id, held_on, type_code, title FROM meeting WHERE deleted = 0 "
                            "ORDER BY held_on DESC LIMIT 200").fetchall()
                samples["base"] = time.perf_counter() - started
                samples["list"] = _on_own_connection(rules_service.list_rule_sets)
                samples["old choices"] = _on_own_connection(old_choices)
                samples["choices"] = _on_own_connection(lambda: rules_service.vote_meetings(since))
                started = time.perf_counter()
                page = RulesPage(session)
                page.resize(1366, 768)
                page.show()
                app.processEvents()
                samples["page"] = time.perf_counter() - started
                page.close()
                page.deleteLater()
                app.processEvents()
                if not warm_up:
                    for key, seconds in samples.items():
                        times.setdefault(key, []).append(seconds)
            raw.close()
            meetings = database.execute_sql("SELECT count(*) FROM meeting").fetchone()[0]
        finally:
            close_database()
    med = {key: statistics.median(values) for key, values in times.items()}
    base = med["base"]
    note = f"{meetings:,} meetings, a 村规民约 of 3 versions"
    return [
        ("村规民约: SELECT … LIMIT 200 meetings (baseline)", base, 1.0, note),
        ("村规民约: list_rule_sets (first read)", med["list"], med["list"] / base, "versions, facts, vote days at once"),
        ("村规民约: vote choices, whole list filtered (old read)", med["old choices"], med["old choices"] / base,
         "list_meetings() with attendance counts"),
        ("村规民约: vote choices, vote_meetings", med["choices"], med["choices"] / base,
         f"one query; old/new {med['old choices'] / med['choices']:.1f}"),
        ("村规民约: RulesPage open (shown, first version)", med["page"], med["page"] / base,
         "issue 20 measured 5.16 s before; goal: well under a second"),
    ]
