"""Who may write what, on one installation: every table × every role of the mode, at the one choke point.

`desktop.services.write_rights.RIGHTS` declares, for every table of the
schema, which permissions write it on a village and on a township;
`record_store` enforces it before anything is written; where two permissions
share a table, `column_rights.SHARED` says what each may do with it (create,
which columns, delete). This test walks every
table of `schema_registry.ALL_MODELS` × every role of the installation's mode,
against a real SQLite file with a year of demo records (the demo township with
its villages' packages imported), and tries a create, an update and a deletion
through `record_store`: each is allowed, or refused with a Chinese reason and
nothing written. A new table without an entry in `RIGHTS` fails
`test_every_table_has_an_entry` (and is refused at run time).
"""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from peewee import CharField, ForeignKeyField, TextField

from desktop.services import column_rights, record_rights, record_store, setup_service, write_rights
from desktop.services.session import Session
from models.db import database
from models.entities import MODE_TOWNSHIP, MODE_VILLAGE
from models.errors import PermissionDenied
from models.records import SyncedModel
from models.roles import roles_for_mode
from models.schema_registry import ALL_MODELS
from models.sync import authority, policy

TABLES = {m._meta.table_name: m for m in ALL_MODELS}


def test_every_table_has_an_entry():
    """A new table must say who may write it: the choke point refuses a table it has no entry for."""
    assert sorted(set(TABLES) - set(write_rights.RIGHTS)) == []
    assert sorted(set(write_rights.RIGHTS) - set(TABLES)) == []


@pytest.mark.parametrize("table", policy.SYNCED_TABLES)
def test_the_local_table_agrees_with_who_authors_each_synced_table(table):
    """A synced table is written locally exactly where `authority` lets its packages come from."""
    right = write_rights.RIGHTS[table]
    for mode in (MODE_VILLAGE, MODE_TOWNSHIP):
        assert bool(right.on(mode)) == (mode in authority.AUTHORITY[table].authors), (table, mode)


def _state(table: str) -> tuple[Any, ...]:
    """What a refused write must leave as it was: the change counter, the audit log, the table."""
    rows = database.execute_sql(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()
    return (database.execute_sql("SELECT value FROM change_counter").fetchall(),
            database.execute_sql("SELECT COUNT(*), MAX(id) FROM audit_entry").fetchone(),
            hashlib.sha256(repr(rows).encode()).hexdigest())


def _chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _text_field(model) -> str | None:
    """A plain text column an update can change (not the key, the owner or a reference)."""
    for name, fld in model._meta.fields.items():
        if name in ("id", "owner", "updated_at", "password_hash") or isinstance(fld, ForeignKeyField):
            continue
        if isinstance(fld, (CharField, TextField)) and not fld.unique and not fld.primary_key:
            return name
    return None


def _sample_row(model, own: str):
    """A row of `model`, this installation's own when there is one."""
    if issubclass(model, SyncedModel):
        return (model.select().where(model.owner == own).first() or model.select().first())
    return model.select().first()


def _attempt(act, expect_allowed: bool, table: str, what: str, problems: list[str]) -> None:
    """Run `act`; an allowed write is rolled back, a refused one must leave everything as it was."""
    if expect_allowed:
        with database.atomic() as savepoint:
            try:
                act()
            except PermissionDenied as exc:
                problems.append(f"{table} {what}: refused ({exc}) but the table allows it")
            except Exception:  # noqa: BLE001 - allowed through the choke point; the sample values may not fit
                pass
            savepoint.rollback()
        return
    before = _state(table)
    try:
        with database.atomic():
            act()
    except PermissionDenied as exc:
        if not _chinese(str(exc)):
            problems.append(f"{table} {what}: refusal not in Chinese: {exc}")
    except Exception as exc:  # noqa: BLE001
        problems.append(f"{table} {what}: {type(exc).__name__} instead of a refusal: {exc}")
    else:
        problems.append(f"{table} {what}: written, but the table refuses it")
    if _state(table) != before:
        problems.append(f"{table} {what}: refused, yet something was written")


def _walk(session: Session, own: str) -> list[str]:
    problems: list[str] = []
    for table, model in TABLES.items():
        _walk_table(session, table, model, own, problems)
    return problems


def _filled(model, values: dict[str, Any]) -> dict[str, Any]:
    """The columns (by column name) a new record sets to something other than their default."""
    out = {}
    for name, value in values.items():
        fld = model._meta.fields[name]
        default = None if callable(fld.default) else fld.default
        if value is not None and value != default and name not in column_rights.BOOKKEEPING:
            out[fld.column_name] = value
    return out


def _shares(session: Session, table: str) -> list[column_rights.Share]:
    """What each permission of `session` that writes `table` here may do with it (`RIGHTS`, `column_rights`)."""
    mode = session.installation_info().mode
    granted = write_rights.RIGHTS[table].on(mode) & {p for p in write_rights.P if session.can(p)}
    return [column_rights.SHARED.get(table, {}).get(p, column_rights.ALL) for p in granted]


def _may_create(shares: list[column_rights.Share], filled: dict[str, Any]) -> bool:
    return any(s.create and (s.create_columns is None or set(filled) - {"deleted"} <= s.create_columns)
               and (s.create_only is None or filled.get(s.create_only[0]) == s.create_only[1]) for s in shares)


def _keeps(session: Session, table: str, row) -> bool:
    """Whether `session` keeps the minutes `row` belongs to (`record_rights`): the 监委会 its own meetings,
    the secretary and the 村委会 the others, a 村委会成员 never the 监委会's."""
    if row is None or table not in record_rights.TABLES:
        return True
    kind = record_rights.meeting_type(table, {n: row.__data__.get(n) for n in type(row)._meta.fields})
    if kind is None:
        return True
    if kind == "supervision":
        return session.can(write_rights.P.COMMITTEE_REVIEW) or session.role != "village_committee"
    return session.can(write_rights.P.EDIT_RECORDS)


def _walk_table(session: Session, table: str, model, own: str, problems: list[str]) -> None:
    """A create, an update and a deletion of `table` by `session`, each checked against `RIGHTS`; where two
    permissions share the table, what each may do with it (`column_rights.SHARED`), and for the meetings
    whose minutes they are (`record_rights`)."""
    row = _sample_row(model, own)
    shares = _shares(session, table) if _keeps(session, table, row) else []
    values = {}
    if row is not None:
        values = {n: row.__data__.get(n) for n in model._meta.fields if n not in ("seq", "updated_at")}
        if issubclass(model, SyncedModel):  # a new record of this installation's: a new id, stamped owner
            del values["id"]
            values["owner"] = ""
    _attempt(lambda: record_store.create(session, model, **values), _may_create(shares, _filled(model, values)),
             table, "create", problems)
    if row is None:
        return
    foreign = isinstance(row, SyncedModel) and row.owner and row.owner != own
    field = _text_field(model)
    if field is not None:
        value = f"{row.__data__.get(field) or ''}改"
        column = model._meta.fields[field].column_name
        may = any(s.columns is None or column in s.columns for s in shares)
        _attempt(lambda: record_store.update(session, row, **{field: value}), may and not foreign,
                 table, "update", problems)
    if isinstance(row, SyncedModel):
        may = any(s.delete for s in shares)
        _attempt(lambda: record_store.soft_delete(session, row), may and not foreign, table, "delete", problems)


def _session(role: str) -> Session:
    return Session(actor=f"试验:{role}", role=role, display_name=role, installation=setup_service.current())


@pytest.mark.parametrize("role", roles_for_mode(MODE_VILLAGE))
def test_every_table_for_every_village_role(village_demo, role):
    """On a village: each table × this role is allowed or refused as `RIGHTS` says, nothing written when refused."""
    own = setup_service.current().code
    assert _walk(_session(role), own) == []


@pytest.mark.parametrize("role", roles_for_mode(MODE_TOWNSHIP))
def test_every_table_for_every_township_role(paths, role):
    """On the demo township (its villages' records imported): the same walk; the villages' records are read-only."""
    from tests.support.demo import demo_township

    demo_township(paths)
    own = setup_service.current().code
    assert _walk(_session(role), own) == []


# Cells the walk above derives from the table; pinned here so a change to the table is a decision.
PINNED = [
    # (mode, role, table, may write)
    (MODE_VILLAGE, "village_committee", "committee_term", False),
    (MODE_VILLAGE, "village_committee", "committee_member", False),
    (MODE_VILLAGE, "committee", "committee_term", False),
    (MODE_VILLAGE, "committee", "committee_member", False),
    (MODE_VILLAGE, "secretary", "committee_member", True),
    (MODE_VILLAGE, "admin", "committee_term", True),
    (MODE_VILLAGE, "village_committee", "person", False),
    (MODE_VILLAGE, "committee", "person", False),
    (MODE_VILLAGE, "village_committee", "user", False),
    (MODE_VILLAGE, "village_committee", "voucher_review", False),
    (MODE_VILLAGE, "committee", "voucher_review", True),
    (MODE_VILLAGE, "committee", "financial_line", False),
    (MODE_VILLAGE, "village_committee", "supervision_matter", True),
    (MODE_VILLAGE, "committee", "meeting", True),
    (MODE_VILLAGE, "viewer", "meeting", False),
    (MODE_VILLAGE, "admin", "rule_review", False),
    (MODE_VILLAGE, "admin", "rule_filing", False),
    (MODE_VILLAGE, "admin", "township_answer", False),
    (MODE_VILLAGE, "admin", "township_notice", False),
    (MODE_VILLAGE, "admin", "audit_entry", False),
    (MODE_TOWNSHIP, "township_admin", "person", False),
    (MODE_TOWNSHIP, "township_admin", "rule_version", False),
    (MODE_TOWNSHIP, "reviewer", "rule_review", True),
    (MODE_TOWNSHIP, "reviewer", "township_notice", False),
    (MODE_TOWNSHIP, "township_viewer", "rule_review", False),
]


@pytest.mark.parametrize(("mode", "role", "table", "may"), PINNED)
def test_pinned_cells(mode, role, table, may):
    """The decisions named in issue 16's brief, one by one."""
    from desktop.services.installation import InstallationInfo

    info = InstallationInfo(mode, "330106001001" if mode == MODE_VILLAGE else "330106001", "试", "national", False)
    session = Session(actor="试", role=role, installation=info)
    assert (write_rights.why_not(session, table) is None) == may
