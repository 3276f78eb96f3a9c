"""Set-based builders of many 村务公开 postings and 监督事项 (for the list benches and paging tests).

One `INSERT … SELECT` over a recursive counter per table, so 100,000 rows
take a second or two, not the minutes the services' writes would. The rows
are plausible, not realistic: monthly finance postings back from 2026-12
(then quarters and 随时 items), a spread of review states, every fifth
matter notified with a deadline, every third closed. Ids are stable
(`bulk-item-000001`, …) so a test can name the rows at a page's edge.
"""

from __future__ import annotations


def insert_postings(count: int, owner: str, start: int = 0) -> None:
    """Insert `count` live disclosure items of `owner` (ids `bulk-item-NNNNNN` from `start`)."""
    from models.clock import now_utc
    from models.db import database

    database.execute_sql(
        """
        WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?)
        INSERT INTO disclosure_item (id, owner, seq, updated_at, deleted, category, subject, period_kind,
            period, event_date, title, content, submitted_on, reviewed_on, reviewed_by, review_result,
            review_reason, posted_on, channels, takedown_on)
        SELECT printf('bulk-item-%06d', i), ?, 1, ?, 0,
            CASE i % 3 WHEN 1 THEN 'village' ELSE 'finance' END,
            CASE i % 3 WHEN 0 THEN 'finance_monthly' WHEN 1 THEN 'relief' ELSE 'subsidies' END,
            CASE i % 3 WHEN 0 THEN 'month' ELSE 'quarter' END,
            CASE i % 3 WHEN 0 THEN printf('%04d-%02d', 2026 - (i / 36) % 30, 12 - (i / 3) % 12)
                 ELSE printf('%04dQ%d', 2026 - (i / 36) % 30, 4 - (i / 3) % 4) END,
            '',
            printf('第%d期公开事项', i), '内容',
            CASE WHEN i % 7 = 0 THEN '' ELSE '2026-01-05' END,
            '', '', CASE WHEN i % 11 = 1 THEN 'returned' WHEN i % 7 = 0 THEN '' ELSE 'approved' END, '',
            CASE WHEN i % 7 = 0 OR i % 11 = 1 THEN '' ELSE '2026-01-10' END, '[]', ''
        FROM n
        """, (start, start + count - 1, owner, now_utc()))


def insert_matters(count: int, owner: str, start: int = 0) -> None:
    """Insert `count` live 监督事项 of `owner` (ids `bulk-matter-NNNNNN` from `start`)."""
    from models.clock import now_utc
    from models.db import database

    database.execute_sql(
        """
        WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?)
        INSERT INTO supervision_matter (id, owner, seq, updated_at, deleted, title, area, source, opened_on,
            meeting_id, findings, notice, notified_on, deadline, answer, answered_on, verification,
            verified_on, closed_on, escalated_on, township_answer)
        SELECT printf('bulk-matter-%06d', i), ?, 1, ?, 0, printf('第%d号监督事项', i),
            CASE i % 2 WHEN 0 THEN 'property' ELSE 'projects' END, 'inspection',
            date('2026-12-31', printf('-%d days', i / 5)), NULL, '发现的问题', '',
            CASE WHEN i % 5 = 0 OR i % 3 = 0 THEN date('2026-12-31', printf('-%d days', i / 5)) ELSE '' END,
            CASE WHEN i % 5 = 0 OR i % 3 = 0 THEN date('2026-12-31', printf('%+d days', 10 - i / 5)) ELSE '' END,
            '', CASE WHEN i % 3 = 0 THEN date('2026-12-31', printf('%+d days', 5 - i / 5)) ELSE '' END, '',
            CASE WHEN i % 3 = 0 THEN date('2026-12-31', printf('%+d days', 6 - i / 5)) ELSE '' END,
            CASE WHEN i % 3 = 0 THEN date('2026-12-31', printf('%+d days', 7 - i / 5)) ELSE '' END,
            CASE WHEN i % 10 = 5 THEN '2026-06-01' ELSE '' END, ''
        FROM n
        """, (start, start + count - 1, owner, now_utc()))
