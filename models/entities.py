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
from models.messages import QT_TRANSLATE_NOOP
from models.records import LocalModel, SyncedModel
from models.stored_integer import StoredIntegerField

MODE_VILLAGE = "village"
MODE_TOWNSHIP = "township"
#: The county (县级民政): reads its townships' 县级汇总包, holds no village records of its own.
MODE_COUNTY = "county"
MODES = (MODE_VILLAGE, MODE_TOWNSHIP, MODE_COUNTY)

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
    value = StoredIntegerField(default=0)


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
    households = StoredIntegerField(default=0)  # 户数
    adult_population = StoredIntegerField(default=0)  # 年满十八周岁的村民
    figures_source = CharField(max_length=16, default="")  # "" typed (户籍 figure) / "register"


class VillageGroup(SyncedModel):
    """A 村民小组: the village's groups are data, each person belongs to one (by name).

    People keep the group's name in `Person.village_group` (a renaming updates
    them in the same transaction), so a record that names a person still reads
    right after the group is gone.
    """

    name = CharField(max_length=32, index=True)
    position = StoredIntegerField(default=0)  # display order (第一组 before 第二组)
    note = TextField(default="")


class Household(SyncedModel):
    """A 户: its number, its group and address.

    Its 户主 is the member whose `household_relation` is "户主" (no foreign
    key back from here, so the tables keep one creation order).
    """

    number = CharField(max_length=32, default="")  # 户号
    village_group = CharField(max_length=32, default="")
    address = CharField(max_length=128, default="")
    note = TextField(default="")


#: How a person leaves the register (never by deletion): code -> label.
LEFT_KINDS: dict[str, str] = {
    "moved_out": QT_TRANSLATE_NOOP("people", "迁出"),
    "died": QT_TRANSLATE_NOOP("people", "死亡"),
    "other": QT_TRANSLATE_NOOP("people", "其他"),
}


#: 文化程度 as the 花名册 and the 换届统计表 write it ("" = not recorded).
EDUCATION_LEVELS = ("小学及以下", "初中", "高中", "中专", "大专", "本科", "研究生")
#: 政治面貌 ("" = not recorded); 中共党员 and 中共预备党员 count as 党员 in the 换届统计表.
POLITICAL_STATUSES = ("中共党员", "中共预备党员", "共青团员", "民主党派", "群众")
PARTY_MEMBER_STATUSES = ("中共党员", "中共预备党员")


class Person(SyncedModel):
    """A villager who holds (or held) a role: 村委会成员, 村民代表, 党员, 监委会成员...

    This is not a census: only the people the records need. No ID-card
    numbers are stored (they are not needed and would leak from a lost stick).
    """

    name = CharField(max_length=32, index=True)
    gender = CharField(max_length=2)
    birth_year = StoredIntegerField(null=True)
    village_group = CharField(max_length=32, default="")  # 村民小组
    household = CharField(max_length=32, default="")  # 户号 / 户主
    phone = CharField(max_length=32, default="")
    note = TextField(default="")
    birth_month = StoredIntegerField(null=True)  # 1-12 when the 花名册 gives 出生年月
    household_entry = ForeignKeyField(Household, null=True, backref="members", on_delete="RESTRICT",
                                      column_name="household_id")
    household_relation = CharField(max_length=16, default="")  # 与户主关系: 户主, 配偶, 子, 女...
    left_on = CharField(max_length=10, default="")  # "" while on the register
    left_kind = CharField(max_length=16, default="")  # LEFT_KINDS
    left_reason = TextField(default="")
    ethnicity = CharField(max_length=16, default="")  # 民族 (optional; 换届结果统计表)
    education = CharField(max_length=16, default="")  # 文化程度 (EDUCATION_LEVELS; optional)
    political_status = CharField(max_length=16, default="")  # 政治面貌 (POLITICAL_STATUSES; optional)


class PersonRole(SyncedModel):
    """A role a person holds for a period (a 村委会 term, a 村民代表 term...)."""

    person = ForeignKeyField(Person, backref="roles", on_delete="RESTRICT")
    role = CharField(max_length=32, index=True)
    start_date = CharField(max_length=10, default="")
    end_date = CharField(max_length=10, default="")  # "" while in office
    end_reason = TextField(default="")  # 届满, 辞职, 罢免, 死亡... (dated by end_date)
    scope = CharField(max_length=32, default="")  # the 村民小组 a 村民小组长 leads


class RepresentedHousehold(SyncedModel):
    """A household a 村民代表 represents (组织法: 每五户至十五户推选一人)."""

    role = ForeignKeyField(PersonRole, backref="represented", on_delete="RESTRICT")
    household = ForeignKeyField(Household, backref="representatives", on_delete="RESTRICT")


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
    person_id = CharField(max_length=36, default="")  # the register's person this login belongs to
    must_change_password = BooleanField(default=False)  # set by a reset: new password at next login
    failed_logins = StoredIntegerField(default=0)  # wrong passwords in a row
    locked_until = CharField(max_length=32, default="")  # UTC ISO time; "" when not locked

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
    VillageGroup,
    Household,
    Person,
    PersonRole,
    RepresentedHousehold,
    Kinship,
    User,
    AuditEntry,
)
