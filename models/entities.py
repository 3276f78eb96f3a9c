"""Core entities: the installation, townships, villages, people, users.

Domain vocabulary stays Chinese in docstrings where English would blur it
(村委会 is not quite a "village committee" in the legal sense).
"""

from __future__ import annotations

from peewee import (
    BooleanField,
    CharField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from models.clock import now_utc
from models.db import BaseModel
from models.records import LocalModel, SyncedModel

MODE_VILLAGE = "village"
MODE_TOWNSHIP = "township"
MODES = (MODE_VILLAGE, MODE_TOWNSHIP)

GENDER_MALE = "男"
GENDER_FEMALE = "女"
GENDERS = (GENDER_MALE, GENDER_FEMALE)


class Installation(BaseModel):
    """This installation: village (村) or township (乡镇) mode, its own code and name.

    Exactly one row (id 1). Not synced: it *is* the sender of packages.
    """

    id = IntegerField(primary_key=True, default=1)
    mode = CharField(max_length=16)
    code = CharField(max_length=32)
    name = CharField(max_length=64)
    province = CharField(max_length=32, default="national")
    created_at = CharField(max_length=32, default=now_utc)
    is_demo = BooleanField(default=False)


class AppMeta(BaseModel):
    """Small key/value facts about this database (audit head, last package...)."""

    key = CharField(primary_key=True, max_length=64)
    value = TextField(default="")


class ChangeCounter(BaseModel):
    """The per-database change counter behind every record's `seq` (one row, id 1)."""

    id = IntegerField(primary_key=True, default=1)
    value = IntegerField(default=0)


class Township(SyncedModel):
    """A township (乡镇) that supervises villages."""

    code = CharField(max_length=32, unique=True)
    name = CharField(max_length=64)
    province = CharField(max_length=32, default="national")


class Village(SyncedModel):
    """A village (行政村). 户数 and 18 岁以上人口 feed the quorum rules of 村民会议."""

    code = CharField(max_length=32, unique=True)
    name = CharField(max_length=64)
    province = CharField(max_length=32, default="national")
    township_code = CharField(max_length=32, null=True)
    households = IntegerField(default=0)  # 户数
    adult_population = IntegerField(default=0)  # 年满十八周岁的村民


class Person(SyncedModel):
    """A villager who holds (or held) a role: 村委会成员, 村民代表, 党员, 监委会成员...

    This is not a census: only the people the records need. No ID-card
    numbers are stored (they are not needed and would leak from a lost stick).
    """

    name = CharField(max_length=32, index=True)
    gender = CharField(max_length=2)
    birth_year = IntegerField(null=True)
    village_group = CharField(max_length=32, default="")  # 村民小组
    household = CharField(max_length=32, default="")  # 户号 / 户主
    phone = CharField(max_length=32, default="")
    note = TextField(default="")


class PersonRole(SyncedModel):
    """A role a person holds for a period (a 村委会 term, a 村民代表 term...)."""

    person = ForeignKeyField(Person, backref="roles", on_delete="RESTRICT")
    role = CharField(max_length=32, index=True)
    start_date = CharField(max_length=10, default="")
    end_date = CharField(max_length=10, default="")  # "" while in office


class Kinship(SyncedModel):
    """A declared family link: `person` is `relation` of `relative`.

    Feeds the 近亲属 conflict checks of 村务监督委员会 membership (民法典 1045).
    """

    person = ForeignKeyField(Person, backref="kin_links", on_delete="RESTRICT")
    relative = ForeignKeyField(Person, backref="kin_back_links", on_delete="RESTRICT")
    relation = CharField(max_length=16)


class User(LocalModel):
    """A login on this installation. Never synced: passwords stay on the PC."""

    login = CharField(max_length=32, unique=True)
    display_name = CharField(max_length=32)
    role = CharField(max_length=32)
    password_hash = CharField(max_length=256)
    active = BooleanField(default=True)
    created_at = CharField(max_length=32, default=now_utc)
    last_login_at = CharField(max_length=32, default="")

    audit_exclude = ("password_hash",)


class AuditEntry(BaseModel):
    """One append-only, hash-chained audit row (see `models.audit`)."""

    id = IntegerField(primary_key=True)
    at = CharField(max_length=32)
    actor = CharField(max_length=64)
    action = CharField(max_length=16)
    table_name = CharField(max_length=64)
    record_id = CharField(max_length=64)
    old_values = TextField(default="")
    new_values = TextField(default="")
    prev_hash = CharField(max_length=64)
    hash = CharField(max_length=64)


#: The foundation's tables, in creation order (foreign keys after their targets).
CORE_MODELS = (
    Installation,
    AppMeta,
    ChangeCounter,
    Township,
    Village,
    Person,
    PersonRole,
    Kinship,
    User,
    AuditEntry,
)
