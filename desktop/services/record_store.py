"""The one way records are written: seq, timestamps and audit in one transaction.

Every create/update/delete of a synced record takes the next number of the
change counter, stamps `updated_at` and appends an audit row with old → new
values, all inside a single `atomic()` block: either all of it is on disk, or
none of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from peewee import Model

from desktop.services import column_rights, installation, read_models, write_rights
from desktop.services.session import Session
from models import audit, search_index
from models.clock import now_utc
from models.db import database
from models.errors import NotFound, PermissionDenied
from models.messages import QT_TRANSLATE_NOOP, msg
from models.records import SyncedModel
from models.sequence import next_seq

M = TypeVar("M", bound=Model)

_SYNC_FIELDS = ("seq", "updated_at")


REDACTED = "(已隐藏)"


def values_of(instance: Model, redact: bool = True) -> dict[str, Any]:
    """The record's column values as audit/JSON-friendly data.

    Fields in `audit_exclude` (password hashes) appear as `REDACTED`, so the
    audit log shows *that* they changed, never their value.
    """
    excluded = set(getattr(instance, "audit_exclude", ())) if redact else set()
    out = {}
    for name, fld in instance._meta.fields.items():
        if name in _SYNC_FIELDS:
            continue
        value = instance.__data__.get(name)
        out[fld.column_name] = REDACTED if name in excluded else value
    return out


def owner_code() -> str:
    """The code of this installation: the default owner of new records (read once, see `installation`)."""
    return installation.code()


def _stamp(instance: Model) -> None:
    if isinstance(instance, SyncedModel):
        instance.seq = next_seq()
        instance.updated_at = now_utc()
        if not instance.owner:
            instance.owner = owner_code()


def _require(session: Session, model: type[Model], row_id: str | None = None, columns: Iterable[str] = (),
             creating: bool = False) -> None:
    """Refuse unless `session` may write `model`'s table here (`write_rights`: the floor no service can lower).

    `columns` (a mapping of field names to their new values) are what the
    write changes, or fills in a new record (`creating`): where two roles
    share a table, each writes only its own columns (`column_rights`).
    """
    reason = write_rights.why_not(session, model._meta.table_name, row_id, columns, creating)
    if reason is not None:
        raise PermissionDenied(reason)


def _refuse_not_own(instance: Model) -> None:
    """A new record is this installation's own; a 附件 only on a record of its own (`write_rights.why_not_attach`)."""
    if not isinstance(instance, SyncedModel):
        return
    _refuse_foreign(instance)
    if instance._meta.table_name == "attachment":
        reason = write_rights.why_not_attach(instance.table_name, instance.record_id, owner_code())
        if reason is not None:
            raise PermissionDenied(reason)


def _filled(model: type[Model], values: dict[str, Any]) -> dict[str, Any]:
    """The columns a new record sets to something other than their default (what `write_rights` checks)."""
    out = {}
    for name, value in values.items():
        fld = model._meta.fields.get(name)
        default = fld.default if fld is not None and not callable(fld.default) else None
        if value is not None and value != default:
            out[name] = value
    return out


def create(session: Session, model: type[M], **values: Any) -> M:
    """Insert a new record (the service checks what the action needs; `write_rights` the table)."""
    _require(session, model, None, _filled(model, values), creating=True)
    with database.atomic():
        instance = model(**values)
        _stamp(instance)
        _refuse_not_own(instance)
        instance.save(force_insert=True)
        audit.append(session.actor, "create", model._meta.table_name, str(instance.get_id()),
                     None, values_of(instance))
        search_index.touch(model._meta.table_name, [str(instance.get_id())])
    return instance


def create_many(session: Session, model: type[M], rows: Iterable[dict[str, Any]],
                each: Callable[[int], None] | None = None) -> list[str]:
    """Insert new records as `create` does (a change number, a stamp and an audit row each), faster.

    For imports of thousands of rows (a 花名册): one INSERT statement prepared
    once instead of peewee building it per row, which took most of the time.
    `each(n)` is called after the n-th row (progress, cancel). Returns the ids.
    """
    fields = model._meta.sorted_fields
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({", ".join("?" * len(fields))})'
    ids = []
    _require(session, model)
    shared = model._meta.table_name in column_rights.SHARED
    with database.atomic():
        for n, values in enumerate(rows, start=1):
            if shared:
                _require(session, model, None, _filled(model, values), creating=True)
            instance = model(**values)
            _stamp(instance)
            _refuse_not_own(instance)
            database.execute_sql(sql, [f.db_value(instance.__data__.get(f.name)) for f in fields])
            record_id = str(instance.get_id())
            audit.append(session.actor, "create", model._meta.table_name, record_id, None, values_of(instance))
            ids.append(record_id)
            if each is not None:
                each(n)
        search_index.touch(model._meta.table_name, ids)
    return ids


def _refuse_foreign(record: Model) -> None:
    """Authority by owner (DESIGN §4): a record another installation owns is read-only here.

    Its owner's next package would otherwise find two versions, or roll ours back.
    """
    if isinstance(record, SyncedModel) and record.owner and record.owner != owner_code():
        raise PermissionDenied(msg("records", QT_TRANSLATE_NOOP(
            "records", "这条记录来自 {owner},只能由它修改;本机只能查看。"), owner=record.owner))


def update(session: Session, instance: M, **changes: Any) -> M:
    """Apply `changes` and save; the audit row holds only what changed.

    `instance` is a row or a service's read model of one (`read_models`);
    the row is read again either way, and a read model is left as it was.
    """
    model = read_models.model_of(instance)
    with database.atomic():
        key = instance.get_id() if isinstance(instance, Model) else instance.id
        current = model.get_or_none(model._meta.primary_key == key)
        if current is None:
            raise NotFound(msg("records", QT_TRANSLATE_NOOP("records", "要修改的记录已不存在。")))
        _refuse_foreign(current)
        _require(session, model, str(current.get_id()), changes)
        before = values_of(current, redact=False)
        for key, value in changes.items():
            setattr(current, key, value)
        after = values_of(current, redact=False)
        changed = [k for k, v in before.items() if after.get(k) != v]
        if not changed:
            return current
        redacted = {model._meta.fields[n].column_name for n in getattr(current, "audit_exclude", ())}
        old = {k: (REDACTED if k in redacted else before[k]) for k in changed}
        new = {k: (REDACTED if k in redacted else after[k]) for k in changed}
        _stamp(current)
        current.save()
        audit.append(session.actor, "update", model._meta.table_name, str(current.get_id()), old, new)
        search_index.touch(model._meta.table_name, [str(current.get_id())])
    if isinstance(instance, Model):
        for key, value in changes.items():
            setattr(instance, key, value)
    return current


def soft_delete(session: Session, instance: SyncedModel) -> SyncedModel:
    """Move a record to the recycle view (tombstone; nothing is hard-deleted)."""
    return _set_deleted(session, instance, True, "delete")


def restore(session: Session, instance: SyncedModel) -> SyncedModel:
    """Bring a record back from the recycle view."""
    return _set_deleted(session, instance, False, "restore")


def _set_deleted(session: Session, instance: SyncedModel, deleted: bool, action: str) -> SyncedModel:
    model = read_models.model_of(instance)
    with database.atomic():
        current = model.get_or_none(model.id == instance.id)
        if current is None:
            raise NotFound(msg("records", QT_TRANSLATE_NOOP("records", "要修改的记录已不存在。")))
        _refuse_foreign(current)
        _require(session, model, str(current.id), {"deleted": deleted})
        if current.deleted == deleted:
            return current
        current.deleted = deleted
        _stamp(current)
        current.save()
        audit.append(session.actor, action, model._meta.table_name, current.id,
                     {"deleted": not deleted}, {"deleted": deleted})
        search_index.touch(model._meta.table_name, [str(current.id)])
    if isinstance(instance, Model):
        instance.deleted = deleted
    return current
