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
