"""The authority table (models/sync/authority.py) covers every synced table, and the check enforces it.

The generated test walks every synced table × both directions (village →
township, township → village) × the owner/reference cases — a record of
its own, and each reference pointing at the sender's own record, at the
recipient's, and at a third village's — against a real database holding
a record of each owner in every table. Its oracle is written here from the
issue's rule, not read from the table: a village writes only its own
records and points only at them; the township writes only its own tables and
points at the addressed village's records (at its own for its own tables
and for a 附件). A new synced table without an entry is refused whole and
fails here.
"""

from __future__ import annotations

import pytest

from desktop.sync.payload import TableRows
from models.db import database
from models.errors import PackageRefused
from models.sync import authority, policy

TOWNSHIP, VILLAGE, THIRD = "330106001", "330106001001", "330106001002"
#: What the issue and the code that writes them say (the oracle; any other table: the village only).
TOWNSHIP_ONLY = {"rule_review", "rule_filing", "township_answer", "township_notice"}
BOTH = {"review_comment", "attachment"}
DIRECTIONS = [("village", VILLAGE, TOWNSHIP), ("township", TOWNSHIP, VILLAGE)]


def _authors(table: str) -> set[str]:
    if table in TOWNSHIP_ONLY:
        return {"township"}
    return {"village", "township"} if table in BOTH else {"village"}


def test_every_synced_table_and_foreign_key_has_a_rule():
    assert set(authority.AUTHORITY) == set(policy.SYNCED_TABLES)
    for table in policy.SYNCED_TABLES:
        rule = authority.AUTHORITY[table]
        assert rule.authors and rule.authors <= {authority.VILLAGE, authority.TOWNSHIP}, table
        assert set(rule.refs) == {col for col, _ in policy.foreign_keys(table)}, table
        assert set(rule.refs.values()) <= {authority.OWN, authority.OF_VILLAGE}, table
    for table, (kind_col, id_col, scope) in authority.SOFT_REFERENCES.items():
        assert policy.has_column(table, kind_col) and policy.has_column(table, id_col) and scope == authority.OWN
    for table, column in authority.VILLAGE_CODE_COLUMNS.items():
        assert policy.has_column(table, column)
    # any synced column naming a village or another record is declared
    for table in policy.SYNCED_TABLES:
        for f in policy.MODEL_BY_TABLE[table]._meta.sorted_fields:
            if f.column_name in ("village_code", "record_id"):
                assert table in authority.VILLAGE_CODE_COLUMNS or table in authority.SOFT_REFERENCES, table


def test_a_table_missing_from_the_table_is_refused(monkeypatch, store):
    monkeypatch.delitem(authority.AUTHORITY, "household")
    with pytest.raises(PackageRefused, match=r"户\(记录 h1\)不在本软件允许交换的范围内"):
        authority.check_package([TableRows("household", ["id", "owner"], [["h1", VILLAGE]])],
                                VILLAGE, "village", TOWNSHIP)


def _fill_targets() -> None:
    """A record of the township, the village and a third village in every synced table."""
    database.execute_sql("PRAGMA foreign_keys = OFF")
    for table in policy.SYNCED_TABLES:
        info = database.execute_sql(f'PRAGMA table_info("{table}")').fetchall()
        for n, owner in enumerate((TOWNSHIP, VILLAGE, THIRD)):
            values = {}
            for _cid, name, kind, notnull, default, _pk in info:
                if name == "id":
                    values[name] = f"{table}@{owner}"
                elif name == "owner":
                    values[name] = owner
                elif notnull and default is None:
                    values[name] = n if kind.upper() in ("INTEGER", "REAL", "DECIMAL") else f"{name}@{owner}"
            cols = ",".join(f'"{c}"' for c in values)
            database.execute_sql(f'INSERT INTO "{table}" ({cols}) VALUES ({",".join("?" * len(values))})',
                                 list(values.values()))


def _accepts(table: str, columns: list[str], row: list, sender: str, kind: str, recipient: str) -> bool:
    try:
        authority.check_package([TableRows(table, ["id", "owner", *columns], [["new-row", sender, *row]])],
                                sender, kind, recipient)
    except PackageRefused as exc:
        assert "已拒绝导入" in str(exc) and "new-row" in str(exc)
        return False
    return True


def _cases(table: str, sender: str, kind: str, recipient: str):
    """(case name, columns, values, expected) for one table sent in one direction."""
    may_write = kind in _authors(table)
    village = sender if kind == "village" else recipient
    owner_of = {"own": sender, "recipient": recipient, "third": THIRD}
    own_columns = ["village_code"] if table in authority.VILLAGE_CODE_COLUMNS else []
    yield "own record", own_columns, [village] * len(own_columns), may_write
    for col, target in policy.foreign_keys(table):
        for whose, owner in owner_of.items():
            if kind == "village":
                allowed = owner == sender
            elif _authors(target) == {"village"}:
                allowed = owner == recipient  # the township's record about the addressed village's
            else:
                allowed = owner == sender
            yield f"{col} → {whose}'s {target}", [col], [f"{target}@{owner}"], may_write and allowed
    if table in authority.SOFT_REFERENCES:
        for target in ("meeting", "rule_version", "rule_filing", "disclosure_item"):
            for whose, owner in owner_of.items():
                yield (f"attached to {whose}'s {target}", ["table_name", "record_id"], [target, f"{target}@{owner}"],
                       may_write and owner == sender)
    if table in authority.VILLAGE_CODE_COLUMNS:
        for whose, code in (("recipient", village), ("third", THIRD)):
            yield f"addressed to the {whose} village", own_columns, [code], may_write and code == village


@pytest.mark.parametrize("table", policy.SYNCED_TABLES)
def test_every_table_both_directions_every_reference(store, table):
    _fill_targets()
    walked = 0
    for kind, sender, recipient in DIRECTIONS:
        for case, columns, values, expected in _cases(table, sender, kind, recipient):
            got = _accepts(table, columns, values, sender, kind, recipient)
            assert got == expected, f"{table}, {kind} → {recipient}, {case}: {'accepted' if got else 'refused'}"
            walked += 1
    assert walked >= 2 * (1 + 3 * len(policy.foreign_keys(table)))
