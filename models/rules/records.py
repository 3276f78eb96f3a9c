"""Records of rule sets (村规民约, 村民自治章程) and what hangs off them.

Versions, articles, the opinions collected, and the township's review comments.

A version's procedure state is derived (see `procedure`), from these facts.
"""

from __future__ import annotations

from peewee import BooleanField, CharField, ForeignKeyField, TextField

from models.meetings.records import Meeting, Resolution
from models.records import SyncedModel
from models.stored_integer import StoredIntegerField

KIND_RULES, KIND_CHARTER, KIND_OTHER = "village_rules", "charter", "other"


class RuleSet(SyncedModel):
    """A body of rules the village keeps over the years (e.g. 青山村村规民约)."""

    title = CharField(max_length=128)
    kind = CharField(max_length=16, default=KIND_RULES)
    note = TextField(default="")


class RuleVersion(SyncedModel):
    """One version of a rule set: a draft under way, an adopted text, or history."""

    rule_set = ForeignKeyField(RuleSet, backref="versions", on_delete="RESTRICT")
    version_no = StoredIntegerField()
    title = CharField(max_length=128)
    trigger = CharField(max_length=32, default="")  # 换届 / 乡镇部署 / 法律修改 / 村民提议 / 其他
    based_on = ForeignKeyField("self", null=True, backref="revisions", on_delete="RESTRICT")
    started_on = CharField(max_length=10, default="")
    is_history = BooleanField(default=False)
    history_adopted_on = CharField(max_length=10, default="")
    history_note = TextField(default="")
    preamble = TextField(default="")
    solicitation_closed_on = CharField(max_length=10, default="")
    submitted_on = CharField(max_length=10, default="")
    submitted_fingerprint = CharField(max_length=64, default="")
    review_opinion = CharField(max_length=32, default="")
    review_fingerprint = CharField(max_length=64, default="")
    review_date = CharField(max_length=10, default="")
    review_by = CharField(max_length=64, default="")
    review_text = TextField(default="")
    vote_meeting = ForeignKeyField(Meeting, null=True, backref="rule_votes", on_delete="RESTRICT")
    vote_resolution = ForeignKeyField(Resolution, null=True, backref="rule_votes", on_delete="RESTRICT")
    vote_fingerprint = CharField(max_length=64, default="")
    #: Women present at the vote, typed for a 村民会议 (counted from the list otherwise).
    vote_women_present = StoredIntegerField(null=True)
    filed_on = CharField(max_length=10, default="")
    receipt_no = CharField(max_length=64, default="")
    receipt_date = CharField(max_length=10, default="")
    published_on = CharField(max_length=10, default="")
    publish_channel = CharField(max_length=64, default="")
    superseded = BooleanField(default=False)
    note = TextField(default="")


class RuleArticle(SyncedModel):
    """An article (条) of a version: its place, chapter, label as written, and text."""

    version = ForeignKeyField(RuleVersion, backref="articles", on_delete="RESTRICT")
    position = StoredIntegerField()
    chapter = CharField(max_length=128, default="")
    label = CharField(max_length=32, default="")
    text = TextField()


class RuleOpinion(SyncedModel):
    """A villager's opinion collected during 征集民意, and what became of it."""

    version = ForeignKeyField(RuleVersion, backref="opinions", on_delete="RESTRICT")
    received_on = CharField(max_length=10)
    source = CharField(max_length=16)  # door_to_door / forum / box / representative / other
    content = TextField()
    adopted = BooleanField(null=True)  # None: not decided yet
    reason = TextField(default="")


class ReviewComment(SyncedModel):
    """A township reviewer's comment on one article (position 0: on the whole text)."""

    version = ForeignKeyField(RuleVersion, backref="review_comments", on_delete="RESTRICT")
    fingerprint = CharField(max_length=64)
    position = StoredIntegerField(default=0)
    comment = TextField()


RULE_MODELS = (RuleSet, RuleVersion, RuleArticle, RuleOpinion, ReviewComment)
