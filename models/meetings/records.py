"""Meeting records and what hangs off them.

The meeting, its attendance, agenda, resolutions and votes, the 村民会议's
authorizations of the 代表会议, and 四议两公开 registers.

Approved minutes are frozen: a correction is a new record linked through
`corrects`, never an edit (the service enforces it).
"""

from __future__ import annotations

from peewee import BooleanField, CharField, ForeignKeyField, TextField

from models.entities import Person
from models.records import SyncedModel
from models.stored_integer import StoredIntegerField

STATUS_DRAFT = "draft"
STATUS_APPROVED = "approved"


class Meeting(SyncedModel):
    """A meeting held (or planned) in the village."""

    type_code = CharField(max_length=32, index=True)
    title = CharField(max_length=128)
    held_on = CharField(max_length=10, index=True)  # YYYY-MM-DD
    start_time = CharField(max_length=5, default="")  # HH:MM
    place = CharField(max_length=64, default="")
    convened_by = CharField(max_length=64, default="")
    host = CharField(max_length=32, default="")  # 主持人 (name as written on the minutes)
    recorder = CharField(max_length=32, default="")  # 记录人
    notice_date = CharField(max_length=10, default="")
    expected_count = StoredIntegerField(null=True)  # 应到, typed only for bodies without a roster
    present_count = StoredIntegerField(null=True)  # 实到, idem
    status = CharField(max_length=16, default=STATUS_DRAFT)
    approved_at = CharField(max_length=32, default="")
    approved_by = CharField(max_length=64, default="")
    corrects = ForeignKeyField("self", null=True, backref="corrections", on_delete="RESTRICT")
    quorum_met = BooleanField(null=True)  # verdict snapshot at save time, for lists and reports
    note = TextField(default="")
    #: The day the village Party organisation studied the important matters voted on (组织法 as
    #: amended 2025, from 2026-01-01: "应当先经村党组织研究讨论"); "" when not recorded.
    party_study_on = CharField(max_length=10, default="")


class MeetingAttendance(SyncedModel):
    """One person on a meeting's attendance list."""

    meeting = ForeignKeyField(Meeting, backref="attendance", on_delete="RESTRICT")
    person = ForeignKeyField(Person, backref="attendances", on_delete="RESTRICT")
    status = CharField(max_length=16)  # present / absent / leave / observer
    is_representative = BooleanField(default=False)  # snapshot for the composition check


class AgendaItem(SyncedModel):
    """An agenda item (议题) with the minutes of its discussion."""

    meeting = ForeignKeyField(Meeting, backref="agenda", on_delete="RESTRICT")
    position = StoredIntegerField(default=0)
    title = CharField(max_length=256)
    minutes = TextField(default="")


class Resolution(SyncedModel):
    """A resolution put to the vote, with its counts and the verdict snapshot."""

    meeting = ForeignKeyField(Meeting, backref="resolutions", on_delete="RESTRICT")
    position = StoredIntegerField(default=0)
    text = TextField()
    matter = CharField(max_length=32, default="general")
    yes = StoredIntegerField(default=0)
    no = StoredIntegerField(default=0)
    abstain = StoredIntegerField(default=0)
    passed = BooleanField(null=True)


class PersonVote(SyncedModel):
    """A named vote (记名表决), when the meeting recorded one."""

    resolution = ForeignKeyField(Resolution, backref="person_votes", on_delete="RESTRICT")
    person = ForeignKeyField(Person, backref="votes", on_delete="RESTRICT")
    choice = CharField(max_length=8)  # yes / no / abstain


class Authorization(SyncedModel):
    """The 村民会议 authorizes the 村民代表会议 to decide listed matters (组织法 24)."""

    meeting = ForeignKeyField(Meeting, null=True, backref="authorizations", on_delete="RESTRICT")
    matters = TextField()  # JSON list of matter codes
    granted_on = CharField(max_length=10)
    expires_on = CharField(max_length=10, default="")
    note = TextField(default="")


class DecisionRegister(SyncedModel):
    """A 四议两公开 register for one major matter."""

    title = CharField(max_length=128)
    matter = CharField(max_length=32, default="other_major")
    implementation_start = CharField(max_length=10, default="")
    implementation_end = CharField(max_length=10, default="")
    note = TextField(default="")


class DecisionStep(SyncedModel):
    """One completed step of a register, linked to its meeting or disclosure."""

    register = ForeignKeyField(DecisionRegister, backref="steps", on_delete="RESTRICT")
    step = CharField(max_length=32)
    done_on = CharField(max_length=10)
    meeting = ForeignKeyField(Meeting, null=True, backref="decision_steps", on_delete="RESTRICT")
    disclosure_ref = CharField(max_length=64, default="")  # a 村务公开 item, once that area lands
    committee_opinion = TextField(default="")
    note = TextField(default="")


class Attachment(SyncedModel):
    """A file (scanned sign-in sheet, photo) stored by content hash, attached to a record."""

    table_name = CharField(max_length=64)
    record_id = CharField(max_length=36, index=True)
    sha256 = CharField(max_length=64, index=True)
    filename = CharField(max_length=255)
    kind = CharField(max_length=32, default="")  # 签到表 / 照片 / 表决票 ...
    size = StoredIntegerField(default=0)


MEETING_MODELS = (Meeting, MeetingAttendance, AgendaItem, Resolution, PersonVote, Authorization,
                  DecisionRegister, DecisionStep, Attachment)
