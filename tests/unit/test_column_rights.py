"""The per-column table of tables two permissions share (`desktop.services.column_rights.SHARED`).

A table that a second permission may write (`write_rights.RIGHTS`) must say
what each of them may change, or each could rewrite the other's part of a
record; a column it names must exist; every column of a shared table must be
somebody's, or nobody could ever write it; and the table's reasons must
name the field in Chinese (`models.field_labels`).
"""

from __future__ import annotations

import pytest

from desktop.services import column_rights, write_rights
from models.entities import MODE_TOWNSHIP, MODE_VILLAGE
from models.field_labels import source
from models.schema_registry import ALL_MODELS

TABLES = {m._meta.table_name: m for m in ALL_MODELS}


def _columns(table: str) -> set[str]:
    return {f.column_name for f in TABLES[table]._meta.sorted_fields} - column_rights.BOOKKEEPING - {"deleted"}


@pytest.mark.parametrize("table", sorted(write_rights.RIGHTS))
def test_a_table_two_permissions_write_says_what_each_may_change(table):
    """A new table (or a new permission on one) shared by two permissions cannot forget this table."""
    for mode in (MODE_VILLAGE, MODE_TOWNSHIP):
        needed = write_rights.RIGHTS[table].on(mode)
        if len(needed) > 1:
            assert table in column_rights.SHARED, (table, mode)
            assert needed <= set(column_rights.SHARED[table]), (table, mode)


@pytest.mark.parametrize("table", sorted(column_rights.SHARED))
def test_every_column_named_exists_has_a_label_and_every_column_is_somebodys(table):
    """Columns named in the table exist in the model and have a Chinese label; none is left to nobody."""
    columns = _columns(table)
    shares = column_rights.SHARED[table].values()
    named: set[str] = set()
    for share in shares:
        for group in (share.columns, share.create_columns, share.clear):
            named |= set(group or ())
    assert named <= columns, named - columns
    assert all(source(table, c) for c in columns)
    covered = set().union(*((columns if s.columns is None else s.columns) for s in shares))
    assert covered == columns, columns - covered


def test_field_names_and_column_names_are_the_same_column():
    """`record_store` passes field names (`meeting`), the table speaks of columns (`meeting_id`)."""
    assert column_rights.column_name("supervision_matter", "meeting") == "meeting_id"
    assert column_rights.column_name("supervision_matter", "meeting_id") == "meeting_id"
    assert column_rights.column_name("disclosure_item", "title") == "title"
