"""回收站 lists deleted records from plain tuples (issue 20): the same rows as when it read records.

Before, every deleted record was read whole and each 亲属关系 read its two
people one query each; at the township the bin holds every village's
tombstones. The reference below is the old read.
"""

from __future__ import annotations

from desktop.services import recycle_service
from desktop.services.recycle_service import _KINDS, DeletedRow
from models.clock import local_display
from models.db import database


def _old_list() -> list[DeletedRow]:
    rows = []
    for table, (model, label, describe) in _KINDS.items():
        for r in model.select().where(model.deleted == True):  # noqa: E712
            rows.append((r.updated_at, DeletedRow(table, r.id, label, describe(r), local_display(r.updated_at))))
    rows.sort(key=lambda pair: pair[0], reverse=True)
    return [row for _when, row in rows]


def test_the_bin_lists_what_the_record_read_listed(village_demo):
    stamp = 0
    for table in _KINDS:
        ids = [i for (i,) in database.execute_sql(f"SELECT id FROM {table} ORDER BY id LIMIT 2")]  # noqa: S608
        for record_id in ids:
            stamp += 1
            database.execute_sql(f"UPDATE {table} SET deleted = 1, updated_at = ? WHERE id = ?",  # noqa: S608
                                 (f"2026-03-01T08:{stamp:02d}:00Z", record_id))
    listed = recycle_service.list_deleted()
    assert listed == _old_list()
    assert {r.table for r in listed} >= {"meeting", "person", "kinship", "household", "disclosure_item"}
    kin = next(r for r in listed if r.table == "kinship")
    assert " — " in kin.description and kin.description.strip(" —")
