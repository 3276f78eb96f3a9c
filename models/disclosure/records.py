"""Records of 村务公开: items, financial tables and their lines, villagers' feedback, the village's own subjects."""

from __future__ import annotations

from peewee import BooleanField, CharField, ForeignKeyField, TextField

from models.records import SyncedModel
from models.stored_integer import StoredIntegerField


class DisclosureItem(SyncedModel):
    """One posting: what, for which period, its review by the committee and its life on the board."""

    category = CharField(max_length=16)
    subject = CharField(max_length=32)
    period_kind = CharField(max_length=16)
    period = CharField(max_length=16, index=True)  # 2026-10 / 2026Q3 / 2026H1 / 2026 / event date
    event_date = CharField(max_length=10, default="")
    title = CharField(max_length=128)
    content = TextField(default="")
    submitted_on = CharField(max_length=10, default="")
    submitted_by = CharField(max_length=64, default="")  # login that submitted it for review
    reviewed_on = CharField(max_length=10, default="")
    reviewed_by = CharField(max_length=64, default="")
    review_result = CharField(max_length=16, default="")  # approved / returned
    review_reason = TextField(default="")
    posted_on = CharField(max_length=10, default="")
    channels = TextField(default="[]")  # JSON list
    takedown_on = CharField(max_length=10, default="")


class FinancialPosting(SyncedModel):
    """The 财务公开榜 of an item: balances in 分."""

    item = ForeignKeyField(DisclosureItem, backref="financial", on_delete="RESTRICT", unique=True)
    opening_fen = StoredIntegerField(default=0)
    closing_fen = StoredIntegerField(default=0)


class FinancialLine(SyncedModel):
    """A line of the table."""

    posting = ForeignKeyField(FinancialPosting, backref="lines", on_delete="RESTRICT")
    position = StoredIntegerField()
    day = CharField(max_length=10, default="")
    voucher = CharField(max_length=32, default="")
    summary = CharField(max_length=256)
    category = CharField(max_length=64, default="")
    income_fen = StoredIntegerField(default=0)
    expense_fen = StoredIntegerField(default=0)
    handler = CharField(max_length=32, default="")


class Feedback(SyncedModel):
    """A villager's question or objection about a posting (or the disclosure in general)."""

    item = ForeignKeyField(DisclosureItem, null=True, backref="feedback", on_delete="RESTRICT")
    received_on = CharField(max_length=10)
    villager = CharField(max_length=32, default="")  # "" = anonymous
    content = TextField()
    answer = TextField(default="")
    answered_on = CharField(max_length=10, default="")
    escalated_on = CharField(max_length=10, default="")


class DisclosureSubject(SyncedModel):
    """A subject the village added to its 公开目录 (the built-in ones live in `catalogue`).

    `code` is what items store in `DisclosureItem.subject`; it never changes,
    so renaming the subject relabels every item that uses it. A subject is
    deactivated (no new items), never deleted: old items keep their label.
    """

    code = CharField(max_length=32, index=True)
    label = CharField(max_length=64)
    category = CharField(max_length=16)
    period_kind = CharField(max_length=16)
    active = BooleanField(default=True)


DISCLOSURE_MODELS = (DisclosureItem, FinancialPosting, FinancialLine, Feedback, DisclosureSubject)
