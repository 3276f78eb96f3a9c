"""What makes a SQLite file a cunwu database, readable without the database layer.

`models.db` and `models.migrations` (which load peewee) take these from here,
so start-up can look at the file before peewee is imported
(`desktop.login_facts`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

#: Marks a SQLite file as ours (`PRAGMA application_id`): "CWU1".
APPLICATION_ID = 0x43575531

#: A migration file under `models/schema/`: `NNNN_description.sql`.
MIGRATION_FILE = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def latest_schema_version() -> int:
    """The number of the newest migration shipped with this release (0 if none is found).

    Equal to `models.migrations.SCHEMA_VERSION`, without reading the SQL.
    """
    from models import schema

    try:
        names = os.listdir(Path(schema.__file__).parent)
    except OSError:
        return 0
    return max((int(m.group(1)) for name in names if (m := MIGRATION_FILE.match(name))), default=0)
