"""The schema-derived boundary validator: every field of every synced model has a check, and it is the right one.

Issue 16: "Every field of every incoming row is checked against the model
before any write: type, length, range (integers within SQLite's 64 bits,
money within its cap), enumerations, dates and timestamps that parse, no
NaN/Infinity, booleans as booleans."
"""

from __future__ import annotations

import math

import pytest
from peewee import BooleanField, CharField, ForeignKeyField, IntegerField, TextField

from models.clock import local_display, now_utc, parse_utc
from models.disclosure.money import MAX_FEN
from models.sync import validator
from models.sync.policy import MODEL_BY_TABLE, SYNCED_MODELS

ALL_FIELDS = [(m._meta.table_name, f) for m in SYNCED_MODELS for f in m._meta.sorted_fields]


def test_every_field_of_every_synced_model_has_a_check():
    """A column added to a model is checked the day it is added: the checks come from `sorted_fields`."""
    for model in SYNCED_MODELS:
        checks = validator.model_checks(model)
        assert list(checks) == [f.column_name for f in model._meta.sorted_fields], model
    assert len(ALL_FIELDS) > 300


@pytest.mark.parametrize(("table", "field"), ALL_FIELDS, ids=[f"{t}.{f.column_name}" for t, f in ALL_FIELDS])
def test_each_check_fits_its_field(table, field):
    """The kind follows the field type; the field's own default passes; the wrong type never does."""
    check = validator.table_checks(table)[field.column_name]
    default = field.default() if callable(field.default) else field.default
    if default is not None:
        assert check.check(default) is None, (table, field.column_name, default)
    if field.null:
        assert check.check(None) is None
    else:
        assert check.check(None) is not None
    for wrong in (math.nan, math.inf, [1], {"a": 1}):
        assert check.check(wrong) is not None
    if isinstance(field, ForeignKeyField):
        assert check.kind == "key"
    elif isinstance(field, BooleanField):
        assert check.kind == "boolean"
        assert check.check("yes") and check.check(2) and check.check("1")
        assert check.check(1) is None and check.check(0) is None and check.check(True) is None
    elif isinstance(field, IntegerField):
        assert check.kind in ("integer", "money", "year")
        assert check.check(2**63) and check.check("12") and check.check(True) and check.check(1.0)
        if field.column_name.endswith("_fen"):
            assert check.kind == "money" and check.check(MAX_FEN) is None and check.check(MAX_FEN + 1)
    elif isinstance(field, CharField):
        assert check.check(12) is not None
        if (table, field.column_name) in validator.ENUMS:
            assert check.kind == "code" and check.check("no such code")
        elif field.max_length == 10:
            assert check.kind == "date"
            assert check.check("2026-02-28") is None and check.check("2026-02-30") and check.check("2026/02/28")
        elif field.column_name.endswith("_at"):
            assert check.kind == "timestamp"
            assert check.check(now_utc()) is None and check.check("2026-12-01T08:00:00Z") is None
            assert check.check("2026-02-30T08:00:00Z") and check.check("2026-12-01 08:00")
        elif check.kind == "text":
            assert check.check("x" * field.max_length) is None and check.check("x" * (field.max_length + 1))
            assert check.check("\ud800")  # a lone surrogate SQLite cannot store
    else:
        assert isinstance(field, TextField)
        if (table, field.column_name) in validator.JSON_LISTS:
            assert check.kind == "list" and check.check('["广播"]') is None and check.check("[]") is None
            assert check.check("广播") and check.check("5") and check.check('[["a"]]') and check.check("[" * 5000)
        else:
            assert check.kind == "text" and check.check("<b>长</b>‮" * 100) is None and check.check(3)


def test_the_enumerations_name_real_columns():
    for table, column in validator.ENUMS:
        assert column in {f.column_name for f in MODEL_BY_TABLE[table]._meta.sorted_fields}, (table, column)


def test_required_columns_are_the_not_null_ones_without_default():
    assert "title" in validator.missing_columns("supervision_matter", ["id", "owner"])
    assert "escalated_on" not in validator.missing_columns("supervision_matter", ["id"])  # default ""
    assert "meeting_id" not in validator.missing_columns("supervision_matter", ["id"])  # nullable


def test_manifest_values():
    assert validator.json_problem({"number": 2, "ack": {"seq": 3}, "full": True, "x": [1, "a"]}) is None
    assert validator.json_problem({"number": 2**63})
    assert validator.json_problem({"full": math.nan})
    assert validator.json_problem({"a": [[[[[]]]]]}, max_depth=3)


def test_readers_take_a_stamp_without_microseconds():
    """Attack: 'a `created_at` without microseconds breaks the exchange history and the import preview' —
    a stamp already stored (or written by another tool) is read, and text that is no stamp is shown as is."""
    assert parse_utc("2026-12-01T08:00:00Z") == parse_utc("2026-12-01T08:00:00.000000Z")
    assert local_display("2026-12-01T08:00:00Z")[:10] in ("2026-12-01", "2026-12-02")
    assert local_display("not a time") == "not a time"
