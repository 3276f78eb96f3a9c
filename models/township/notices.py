"""Notices (通知) from the township to its villages, carried by the return package.

A notice names its village in `village_code`, which is how the exporter
knows to put it in that village's return package (models/sync/policy.py).
A notice to all villages is one record per village, so each village's copy
travels, and is acknowledged, on its own. Whether a village has read a
notice is the village's own business: `NoticeRead` never travels.
"""

from __future__ import annotations

from peewee import CharField, TextField

from models.records import LocalModel, SyncedModel


class TownshipNotice(SyncedModel):
    """One notice to one village (owned by the township)."""

    village_code = CharField(max_length=32, index=True)
    title = CharField(max_length=128)
    text = TextField()
    issued_on = CharField(max_length=10)
    issued_by = CharField(max_length=64, default="")


class NoticeRead(LocalModel):
    """The village has opened this notice (on this PC only)."""

    notice_id = CharField(max_length=36, index=True)
    read_at = CharField(max_length=32)
    read_by = CharField(max_length=64, default="")


NOTICE_MODELS = (TownshipNotice, NoticeRead)
