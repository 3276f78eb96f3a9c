"""Records as a package brings them: another installation's, written the way the importer writes them.

`record_store` writes only this installation's own records, and only the
tables its role may write here (`desktop.services.write_rights`); a village's
draft at the township, or the township's 审核意见 at the village, arrive in a
package. Tests that need such a record without a package round trip write it
here: its change number and time, the owner given, no local author.
"""

from __future__ import annotations

from typing import Any, TypeVar

from peewee import Model

from desktop.services import installation, record_store
from desktop.services.session import Session
from models import audit
from models.clock import now_utc
from models.db import database
from models.sequence import next_seq

M = TypeVar("M", bound=Model)


def imported(model: type[M], **values: Any) -> M:
    """Insert a record of `model` owned by `values["owner"]`, as `desktop.sync.importer` would."""
    with database.atomic():
        instance = model(**values)
        instance.seq = next_seq()
        instance.updated_at = now_utc()
        instance.save(force_insert=True)
    return instance


def tampered(session: Session, model: type[M], **values: Any) -> M:
    """What a tampered copy of the software writes on its own installation, signed as its own record.

    Like `record_store.create` (a change number, this installation as owner,
    an audit row) without its check of who may write what — the lying village
    of issue 16 writing the township's 审核意见 itself.
    """
    with database.atomic():
        instance = model(**values)
        instance.seq = next_seq()
        instance.updated_at = now_utc()
        if not instance.owner:
            instance.owner = installation.code()
        instance.save(force_insert=True)
        audit.append(session.actor, "create", model._meta.table_name, str(instance.get_id()), None,
                     record_store.values_of(instance))
    return instance
