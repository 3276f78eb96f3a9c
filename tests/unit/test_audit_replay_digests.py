"""An import's row digests taken from the values it wrote equal those read back from the database.

`audit_replay.written_values` spares the import reading its rows back by id
(~17 ms of a 10-year village's full package); `cunwu check` compares the
digests with what SQLite stores, so the two must never differ. Here a real
package's digests (as the import's audit entry carries them) are compared
with `row_digests` read back, table by table, and the values SQLite could
change on the way in are shown to fall back to reading back.
"""

from __future__ import annotations

import json

from models import audit_replay
from models.db import close_database, database
from models.entities import AuditEntry
from tests.support.sites import export_to, import_into, make_pair


def test_digests_from_the_written_values_equal_those_read_back(tmp_path, monkeypatch):
    """Every table of a village's full package: the audit entry's digests are those of the stored rows."""
    township, village, usb = make_pair(tmp_path, years=1)
    read_back = []
    reader = audit_replay.row_digests
    monkeypatch.setattr(audit_replay, "row_digests", lambda table, ids: read_back.append(table) or reader(table, ids))
    import_into(township, export_to(village, usb, full=True).path)
    monkeypatch.undo()
    assert read_back == []  # a package of this release: every table's digests from the values it wrote
    township.use()
    try:
        entry = AuditEntry.select().where(AuditEntry.action == "import").order_by(AuditEntry.id.desc()).get()
        rows = json.loads(entry.new_values)["rows"]
        assert len(rows) > 10
        for table, block in rows.items():
            assert block == audit_replay.row_digests(table, block["digests"]), table
        assert audit_replay.replay().ok
    finally:
        close_database()


def test_values_sqlite_could_store_otherwise_are_read_back(tmp_path):
    """A str in an INTEGER column, an int in a TEXT one, a column left to its DEFAULT: no digest from values."""
    township, _village, _usb = make_pair(tmp_path, years=0, demo=False)
    township.use()
    try:
        cols = [r[1] for r in database.execute_sql('PRAGMA table_info("person")')]
        row = [None] * len(cols)
        row[cols.index("id")] = "a" * 36
        row[cols.index("deleted")] = 0
        assert audit_replay._as_stored("person", cols, [row]) is not None  # noqa: SLF001
        as_text = list(row)
        as_text[cols.index("deleted")] = "0"
        assert audit_replay._as_stored("person", cols, [as_text]) is None  # noqa: SLF001
        as_int = list(row)
        as_int[cols.index("owner")] = 330106001
        assert audit_replay._as_stored("person", cols, [as_int]) is None  # noqa: SLF001
        short = [c for c in cols if c != "note"]
        assert audit_replay._as_stored("person", short, [[row[cols.index(c)] for c in short]]) is None  # noqa: SLF001
    finally:
        close_database()
