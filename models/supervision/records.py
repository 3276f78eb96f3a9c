"""Records of the 村务监督委员会.

Terms and members, supervision matters, voucher reviews (民主理财), and the
yearly 民主评议.
"""

from __future__ import annotations

from peewee import BooleanField, CharField, ForeignKeyField, TextField

from models.entities import Person
from models.meetings.records import Meeting
from models.records import SyncedModel
from models.stored_integer import StoredIntegerField


class CommitteeTerm(SyncedModel):
    """A term (届) of the committee, aligned with the 村委会 term."""

    label = CharField(max_length=32)  # 第七届
    start_date = CharField(max_length=10)
    end_date = CharField(max_length=10, default="")
    elected_meeting = ForeignKeyField(Meeting, null=True, backref="committee_terms", on_delete="RESTRICT")
    note = TextField(default="")


class CommitteeMember(SyncedModel):
    """A member of a term; `override_reason` justifies electing despite a warning."""

    term = ForeignKeyField(CommitteeTerm, backref="members", on_delete="RESTRICT")
    person = ForeignKeyField(Person, backref="committee_seats", on_delete="RESTRICT")
    position = CharField(max_length=16, default="member")  # chair / member
    finance_qualified = BooleanField(default=False)
    joined_on = CharField(max_length=10)
    left_on = CharField(max_length=10, default="")
    override_reason = TextField(default="")
    left_reason = TextField(default="")  # 届满, 辞职, 罢免, 不再符合任职条件...


class SupervisionMatter(SyncedModel):
    """A supervision matter from discovery to closure (see `matters`)."""

    title = CharField(max_length=128)
    area = CharField(max_length=16)
    source = CharField(max_length=16)
    opened_on = CharField(max_length=10)
    meeting = ForeignKeyField(Meeting, null=True, backref="supervision_matters", on_delete="RESTRICT")
    findings = TextField(default="")
    notice = TextField(default="")
    notified_on = CharField(max_length=10, default="")
    deadline = CharField(max_length=10, default="")
    answer = TextField(default="")
    answered_on = CharField(max_length=10, default="")
    verification = TextField(default="")
    verified_on = CharField(max_length=10, default="")
    closed_on = CharField(max_length=10, default="")
    escalated_on = CharField(max_length=10, default="")
    township_answer = TextField(default="")
    answered_by = CharField(max_length=64, default="")  # login of the 村委会 member who answered
    closed_by = CharField(max_length=64, default="")  # login of the 监委会 member who closed it


class VoucherReview(SyncedModel):
    """A 民主理财 session: vouchers of a period reviewed, signed by the committee."""

    period = CharField(max_length=7)  # YYYY-MM
    reviewed_on = CharField(max_length=10)
    voucher_count = StoredIntegerField()
    total_fen = StoredIntegerField()  # money is exact: integer 分
    signed_by = CharField(max_length=128, default="")
    recorded_by = CharField(max_length=64, default="")  # login of the 监委会 member who recorded it
    note = TextField(default="")


class QuestionedVoucher(SyncedModel):
    """A voucher the committee questioned, and what became of it."""

    review = ForeignKeyField(VoucherReview, backref="questioned", on_delete="RESTRICT")
    voucher_no = CharField(max_length=32)
    amount_fen = StoredIntegerField()
    reason = TextField()
    outcome = CharField(max_length=16, default="pending")  # approved / returned / vetoed / pending


class Appraisal(SyncedModel):
    """A 民主评议 session, presided by the committee."""

    year = StoredIntegerField(index=True)
    held_on = CharField(max_length=10)
    body = CharField(max_length=16)  # assembly / representatives
    attendees = StoredIntegerField()
    meeting = ForeignKeyField(Meeting, null=True, backref="appraisals", on_delete="RESTRICT")


class AppraisalResult(SyncedModel):
    """The counts and verdict for one appraised person."""

    appraisal = ForeignKeyField(Appraisal, backref="results", on_delete="RESTRICT")
    person = ForeignKeyField(Person, backref="appraisal_results", on_delete="RESTRICT")
    post = CharField(max_length=32)
    competent = StoredIntegerField()
    basic = StoredIntegerField()
    incompetent = StoredIntegerField()
    verdict = CharField(max_length=16)


SUPERVISION_MODELS = (CommitteeTerm, CommitteeMember, SupervisionMatter, VoucherReview, QuestionedVoucher,
                      Appraisal, AppraisalResult)
