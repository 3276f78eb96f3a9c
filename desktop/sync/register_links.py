"""The register's own meaning at the import boundary: offices the app knows, 联系户 of a 村民代表 only.

Issue 16's "related holes": a `person_role` whose `role` is a code this
software does not define, and a `represented_household` (村民代表联系户)
hanging on an office that is not 村民代表, were stored as sent. Our screens
can make neither (`terms_service.appoint` refuses an unknown office and
keeps households for a 村民代表 only), and the township's 村民代表 checks
count them, so a package that carries one is refused whole, naming the row.
The office codes are the app's own (`people_service.PERSON_ROLES`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from desktop.services.people_service import PERSON_ROLES
from desktop.sync import package_format as fmt
from models.db import database
from models.messages import QT_TRANSLATE_NOOP
from models.sync import fields
from models.sync.authority import Rows

_C = "import"
REPRESENTATIVE = "representative"
_CHUNK = 400


def check(tables: Sequence[Rows]) -> None:
    """Refuse an unknown office code, and a 联系户 on an office that is not 村民代表 (reads only).

    Raises:
        PackageRefused: naming the row, in Chinese.
    """
    by_name = {t.name: t for t in tables if t.rows}
    offices: dict[str, Any] = {}  # person_role id -> role code, of the package's rows
    roles = by_name.get("person_role")
    if roles is not None and {"id", "role"} <= set(roles.columns):
        ci, ri = roles.columns.index("id"), roles.columns.index("role")
        for row in roles.rows:
            if row[ri] not in PERSON_ROLES:
                raise fmt.refused(QT_TRANSLATE_NOOP(
                    _C, "数据包中的任职记录(记录 {id})的职务“{code}”不是本软件规定的职务,本机不能保存。"
                    "已拒绝导入(如对方用的是更新版本的软件,请先升级本机的软件)。"),
                    id=row[ci], code=fields.shown(row[ri]))
            offices[row[ci]] = row[ri]
    links = by_name.get("represented_household")
    if links is None or not {"id", "role_id"} <= set(links.columns):
        return
    ci, li = links.columns.index("id"), links.columns.index("role_id")
    wanted = [v for v in {r[li] for r in links.rows} if isinstance(v, str) and v not in offices]
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        offices.update(database.execute_sql(
            f'SELECT id, role FROM person_role WHERE id IN ({",".join("?" * len(chunk))})', chunk).fetchall())
    for row in links.rows:
        role = offices.get(row[li], REPRESENTATIVE)  # a missing office: the dangling-reference check says so
        if role != REPRESENTATIVE:
            raise fmt.refused(QT_TRANSLATE_NOOP(
                _C, "数据包中的村民代表联系户(记录 {id})挂在“{office}”的任职记录上:联系户只能属于村民代表。"
                "已拒绝导入。"), id=row[ci], office=PERSON_ROLES.get(role, fields.shown(role)))
