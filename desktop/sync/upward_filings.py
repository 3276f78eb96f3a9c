"""The 备案 register the 县级汇总包 carries (format 2): every village's rule in force that the township filed.

County 民政 also receives the 备案 (组织法第二十七条: 村规民约 报乡、民族乡、镇的人民政府备案;
the county supervises the townships' 备案 work). The texts are public documents (posted in the
village), so they travel unencrypted with the aggregate; nothing personal is in them (the vote
meeting's attendance and the opinions stay at the township).

A version counts when the township's own register holds a live filing for it (a receipt the
village typed itself is a claim, not a filing: `review_service.filing_register`) and it was not
replaced by a newer version. One entry per version: its latest filing wins (a 责令改正 recorded
later is what the county sees).
"""

from __future__ import annotations

from models.db import database

#: Bounds the county checks at import (`desktop.sync.county_import`); the township never writes past them.
MAX_ARTICLES = 2000


def filed_rules(township_code: str) -> list[dict]:
    """[{village, title, version_no, adopted_on, filed_on, receipt_no, receipt_date, correction, articles}]."""
    rows = database.execute_sql(
        "SELECT v.id, v.owner, v.title, v.version_no, coalesce(nullif(m.held_on, ''), v.history_adopted_on), "
        "f.received_on, f.receipt_no, "
        "f.receipt_date, f.correction FROM rule_filing f JOIN rule_version v ON v.id = f.version_id "
        "LEFT JOIN meeting m ON m.id = v.vote_meeting_id "
        "WHERE f.owner = ? AND f.deleted = 0 AND v.deleted = 0 AND v.superseded = 0 AND v.owner != ? "
        "ORDER BY v.owner, v.id, f.receipt_date, f.seq", (township_code, township_code)).fetchall()
    latest: dict[str, tuple] = {}
    for row in rows:
        latest[row[0]] = row  # ordered by receipt date then seq: the last one wins
    if not latest:
        return []
    articles: dict[str, list[list]] = {vid: [] for vid in latest}
    ids = list(latest)
    for start in range(0, len(ids), 400):
        chunk = ids[start:start + 400]
        for vid, position, chapter, label, text in database.execute_sql(
                f"SELECT version_id, position, chapter, label, text FROM rule_article WHERE deleted = 0 "
                f"AND version_id IN ({','.join('?' * len(chunk))}) ORDER BY version_id, position", chunk):
            articles[vid].append([position, chapter, label, text])
    out = []
    for vid, (_, village, title, version_no, adopted, filed, receipt_no, receipt_date, correction) in latest.items():
        out.append({"village": village, "title": title, "version_no": version_no, "adopted_on": adopted,
                    "filed_on": filed, "receipt_no": receipt_no, "receipt_date": receipt_date,
                    "correction": correction, "articles": articles[vid][:MAX_ARTICLES]})
    out.sort(key=lambda f: (f["village"], f["receipt_date"], f["receipt_no"]))
    return out
