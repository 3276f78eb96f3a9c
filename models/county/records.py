"""The county's copy of its townships' 县级汇总包 (local tables, never synced, never edited by hand).

A county holds no records of its own: everything here arrived in a signed
aggregate from an enrolled township (`desktop.sync.county_import`) and is
replaced per township, whole, by a newer package of that township — an
older package arriving late changes nothing (`CountyTownship.package_number`
says which package the rows below come from). The township is the authority
for all of it; the county reads, compares and reports.

Cells carry the same states as the township's board (`models.township.board`):
the county recomputes nothing, so its board and the township's never disagree.
"""

from __future__ import annotations

from peewee import CharField, ForeignKeyField, IntegerField, TextField

from models.db import BaseModel


class CountyTownship(BaseModel):
    """An enrolled township and the package its data below comes from (keys live in `peer`)."""

    code = CharField(primary_key=True, max_length=32)
    name = CharField(max_length=64)
    province = CharField(max_length=32, default="national")
    package_number = IntegerField(default=0)  # the 汇总包 the rows below come from (0: none yet)
    package_created_at = CharField(max_length=32, default="")  # when the township wrote it (UTC)
    imported_at = CharField(max_length=32, default="")  # when the county imported it (UTC)
    data_as_of = CharField(max_length=10, default="")  # the newest village data in it (ISO date)
    package_format = IntegerField(default=0)  # 1: board only; 2: with the 备案 register and rule texts


class CountyVillage(BaseModel):
    """A village of a township, as its latest 汇总包 lists it."""

    id = IntegerField(primary_key=True)
    township_code = CharField(max_length=32, index=True)
    code = CharField(max_length=32, unique=True)
    name = CharField(max_length=64)
    province = CharField(max_length=32, default="national")
    data_as_of = CharField(max_length=10, default="")  # the village's last package at its township


class CountyPeriod(BaseModel):
    """A period (2026Q3 / 2026) a township's package has a board for."""

    id = IntegerField(primary_key=True)
    township_code = CharField(max_length=32, index=True)
    period = CharField(max_length=16)
    label = CharField(max_length=32)
    data_as_of = CharField(max_length=10, default="")


class CountyCell(BaseModel):
    """One village × obligation × period cell of a township's board (states of `models.township.board`)."""

    id = IntegerField(primary_key=True)
    township_code = CharField(max_length=32)
    period = CharField(max_length=16)
    village_code = CharField(max_length=32)
    obligation = CharField(max_length=32)
    state = CharField(max_length=8)
    done = IntegerField(default=0)
    late = IntegerField(default=0)
    expected = IntegerField(default=0)


class CountyTownshipCell(BaseModel):
    """The township's own duty (上报事项答复) for a period: its row on its board."""

    id = IntegerField(primary_key=True)
    township_code = CharField(max_length=32, index=True)
    period = CharField(max_length=16)
    obligation = CharField(max_length=32)
    state = CharField(max_length=8)
    done = IntegerField(default=0)
    late = IntegerField(default=0)
    expected = IntegerField(default=0)


class CountyFiling(BaseModel):
    """A line of the 备案 register: a village's 村规民约 in force that its township filed."""

    id = IntegerField(primary_key=True)
    township_code = CharField(max_length=32, index=True)
    village_code = CharField(max_length=32, index=True)
    title = CharField(max_length=128)
    version_no = IntegerField(default=1)
    adopted_on = CharField(max_length=10, default="")  # the 村民会议's vote
    filed_on = CharField(max_length=10, default="")  # the township received it for 备案
    receipt_no = CharField(max_length=64, default="")  # 备案号
    receipt_date = CharField(max_length=10, default="")
    correction = TextField(default="")  # 责令改正, when the township ordered one
    articles = IntegerField(default=0)


class CountyArticle(BaseModel):
    """One article (条) of a filed rule's text (public documents: shown as plain text)."""

    id = IntegerField(primary_key=True)
    filing = ForeignKeyField(CountyFiling, backref="article_rows", on_delete="CASCADE")
    position = IntegerField()
    chapter = CharField(max_length=128, default="")
    label = CharField(max_length=32, default="")
    text = TextField(default="")


COUNTY_MODELS = (CountyTownship, CountyVillage, CountyPeriod, CountyCell, CountyTownshipCell, CountyFiling,
                 CountyArticle)
