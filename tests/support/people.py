"""A large people register inserted directly (executemany), for the lazy register's tests and bench.

Going through `people_service.add_person` writes an audit row and a change
number per person: right for the app, minutes for 100,000 people. This
writes the `person` and `person_role` tables of the open database in one
transaction each, with the installation's owner code.

`register_read_row_by_row` is the register as it was read before issue 14
(a row per person, then every current role): the reference the lazy
register's tests compare with, and the bench's "before".
"""

from __future__ import annotations

import random
import uuid

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "建国秀英明华伟芳军丽强敏静磊洋勇艳杰娟涛超霞平刚桂兰"
GROUPS = tuple(f"第{n}组" for n in range(1, 13))
#: Every `ROLE_EVERY`th person is a 村民代表; every `ROLE_EVERY * 5`th is a 党员 too.
ROLE_EVERY = 10


def insert_people(count: int, owner: str, seed: int = 7) -> list[tuple[str, str]]:
    """Insert `count` people (every tenth with current roles); returns their (id, name), in insertion order."""
    from models.clock import now_utc
    from models.db import database

    rng = random.Random(seed)
    stamp = now_utc()
    people, roles = [], []
    for n in range(count):
        pid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        people.append((pid, owner, 1, stamp, 0, name, rng.choice("男女"), rng.choice(GROUPS)))
        if n % ROLE_EVERY == 0:
            roles.append((str(uuid.UUID(int=rng.getrandbits(128), version=4)), owner, 1, stamp, 0,
                          pid, "representative", "2024-01-01", ""))
        if n % (ROLE_EVERY * 5) == 0:
            roles.append((str(uuid.UUID(int=rng.getrandbits(128), version=4)), owner, 1, stamp, 0,
                          pid, "party_member", "2020-07-01", ""))
    connection = database.connection()
    with database.atomic():
        connection.executemany(
            "INSERT INTO person (id, owner, seq, updated_at, deleted, name, gender, village_group,"
            " household, phone, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '', '')", people)
        connection.executemany(
            "INSERT INTO person_role (id, owner, seq, updated_at, deleted, person_id, role, start_date, end_date)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", roles)
    return [(p[0], p[5]) for p in people]


def register_read_row_by_row(search: str = "") -> list:
    """The register as it was read before issue 14 (every person, then every current role): the reference."""
    from peewee import fn

    from desktop.services import people_service
    from models.entities import Person, PersonRole

    query = Person.live().order_by(Person.name)
    if search:
        query = query.where(fn.instr(Person.name, search) > 0)
    roles: dict[str, list[str]] = {}
    for r in PersonRole.live().where(PersonRole.end_date == ""):
        roles.setdefault(r.person_id, []).append(r.role)
    return [people_service.PersonRow(p.id, p.name, p.gender, p.village_group, tuple(roles.get(p.id, ())))
            for p in query]
