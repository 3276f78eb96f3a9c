"""Base classes for records: synced records and installation-local ones.

A *synced* record (DESIGN §3) travels in packages. It has a UUID key (no two
installations ever mint the same id), the `owner` code of the village or
township that is the authority for it, a `seq` from the per-database change
counter (an export takes "everything with seq > last acknowledged"), the time
of the last write and a `deleted` tombstone: nothing is hard-deleted, so a
deletion can travel to the township and be undone from the recycle view.

Never write these fields by hand: `desktop.services.record_store` does, in the
same transaction as the audit row.
"""

from __future__ import annotations

import uuid

from peewee import BooleanField, CharField

from models.db import BaseModel
from models.stored_integer import StoredIntegerField


def new_id() -> str:
    """A new record id (UUID4 as 36-character text)."""
    return str(uuid.uuid4())


class SyncedModel(BaseModel):
    """A record that belongs to a village or township and travels in packages."""

    id = CharField(primary_key=True, max_length=36, default=new_id)
    owner = CharField(max_length=32, index=True)
    seq = StoredIntegerField(index=True, default=0)
    updated_at = CharField(max_length=32, default="")
    # Not indexed on its own: it matches nearly every row, and SQLite once walked it instead of the
    # foreign key (migration 0017). The hot children index (parent, deleted, …) instead.
    deleted = BooleanField(default=False)

    #: Fields left out of audit rows (secrets, bulky blobs).
    audit_exclude: tuple[str, ...] = ()

    @classmethod
    def live(cls):
        """Query of records that are not in the recycle view."""
        return cls.select().where(cls.deleted == False)  # noqa: E712 - peewee expression


class LocalModel(BaseModel):
    """A record that stays on this installation (users, settings): UUID key, no sync fields."""

    id = CharField(primary_key=True, max_length=36, default=new_id)

    audit_exclude: tuple[str, ...] = ()
