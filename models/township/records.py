"""The township's own records about a village's records (审核意见, 备案回执, 上报事项的答复).

Authority is by owner (DESIGN §4): the village owns its `RuleVersion`, its
`SupervisionMatter` and its `Feedback`, so the township may not write on them.
It writes these records instead, each pointing at the village's record by a
foreign key. The exporter sends a village every township record whose target
the village owns, so they travel back in the next return package and the
village's screens read them beside its own (nothing is retyped).
"""

from __future__ import annotations

from peewee import CharField, ForeignKeyField, TextField

from models.disclosure.records import Feedback
from models.records import SyncedModel
from models.rules.records import RuleVersion
from models.supervision.records import SupervisionMatter


class RuleReview(SyncedModel):
    """The township's opinion (法律审查意见) on the exact text a village submitted.

    `fingerprint` is the submitted text's fingerprint: the opinion is about that
    text only, so a draft changed afterwards needs a new review.
    """

    version = ForeignKeyField(RuleVersion, backref="township_reviews", on_delete="RESTRICT")
    fingerprint = CharField(max_length=64)
    opinion = CharField(max_length=32)  # procedure.AGREE / AGREE_AFTER_CHANGES / DISAGREE
    reviewed_on = CharField(max_length=10)
    reviewer = CharField(max_length=64, default="")
    text = TextField(default="")


class RuleFiling(SyncedModel):
    """备案: the township received an adopted text and gave it a receipt number.

    `correction` holds the 责令改正 text when the adopted text still contains
    unlawful content (empty when none); `fingerprint` is the adopted text filed.
    """

    version = ForeignKeyField(RuleVersion, backref="township_filings", on_delete="RESTRICT")
    fingerprint = CharField(max_length=64)
    received_on = CharField(max_length=10)
    receipt_no = CharField(max_length=64, index=True)
    receipt_date = CharField(max_length=10)
    correction = TextField(default="")


class TownshipAnswer(SyncedModel):
    """The township's answer to a matter a village escalated (one of the two keys is set)."""

    matter = ForeignKeyField(SupervisionMatter, null=True, backref="township_answers", on_delete="RESTRICT")
    feedback = ForeignKeyField(Feedback, null=True, backref="township_answers", on_delete="RESTRICT")
    answered_on = CharField(max_length=10)
    answered_by = CharField(max_length=64, default="")
    text = TextField()


TOWNSHIP_MODELS = (RuleReview, RuleFiling, TownshipAnswer)
