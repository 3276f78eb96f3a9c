"""Frozen copies of records, for services to hand out instead of peewee rows.

A page that holds a peewee row can query (and write) through it, and what
it shows silently depends on when each attribute was loaded. Services
return these instead: one frozen dataclass per record type, generated from
the model's columns so it never drifts from the schema. A foreign key
appears as its id (`person_id`), never as the related row; secrets
(`audit_exclude`, e.g. the password hash) are left out.

Areas with a richer view of a record write their own dataclass (e.g.
`rule_views.VersionRecord`); these cover the plain "here is what you just
created or asked for" returns. `tests/unit/test_read_models.py` checks every
public service's return annotation for peewee types.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from peewee import ForeignKeyField, Model

from models.disclosure.records import DisclosureItem, Feedback
from models.entities import Kinship, Person, PersonRole, User
from models.meetings.records import Attachment, Authorization, DecisionRegister, DecisionStep
from models.rules.records import ReviewComment, RuleOpinion, RuleSet, RuleVersion
from models.supervision.records import (
    CommitteeMember,
    CommitteeTerm,
    SupervisionMatter,
    VoucherReview,
)
from models.township.records import RuleFiling, RuleReview, TownshipAnswer

_TYPES = {"VARCHAR": str, "TEXT": str, "INT": int, "BOOL": bool}
_VIEWS: dict[type[Model], type] = {}
_MODELS: dict[type, type[Model]] = {}


def _columns(model: type[Model]) -> list[tuple[str, str, Any]]:
    """(attribute on the view, attribute on the row, type) for each column shown."""
    hidden = set(getattr(model, "audit_exclude", ()))
    out = []
    for f in model._meta.sorted_fields:
        if f.name in hidden:
            continue
        if isinstance(f, ForeignKeyField):
            name, kind = f.object_id_name, _TYPES.get(f.rel_field.field_type, object)
        else:
            name, kind = f.name, _TYPES.get(f.field_type, object)
        out.append((name, name, kind | None if f.null else kind))
    return out


def view_of(model: type[Model]) -> type:
    """The frozen dataclass for `model`'s records (made once per model)."""
    found = _VIEWS.get(model)
    if found is None:
        fields = [(name, kind) for name, _attr, kind in _columns(model)]
        found = dataclasses.make_dataclass(f"{model.__name__}View", fields, frozen=True)
        found.__module__ = __name__
        found.__doc__ = f"A frozen copy of a {model.__name__} record (see `read_models`)."
        _VIEWS[model] = found
        _MODELS[found] = model
    return found


def model_of(record: Any) -> type[Model]:
    """The peewee model of a row or of a read model made here (so a write can take either)."""
    if isinstance(record, Model):
        return type(record)
    return _MODELS[type(record)]


def snapshot(row: Model) -> Any:
    """A frozen copy of `row` (its view class is `view_of(type(row))`)."""
    model = type(row)
    return view_of(model)(**{name: getattr(row, attr) for name, attr, _kind in _columns(model)})


def snapshots(rows) -> list[Any]:
    """Frozen copies of `rows`, in order."""
    return [snapshot(r) for r in rows]


# One name per record type a service hands out, for return annotations.
AttachmentView = view_of(Attachment)
AuthorizationView = view_of(Authorization)
DecisionRegisterView = view_of(DecisionRegister)
DecisionStepView = view_of(DecisionStep)
PersonView = view_of(Person)
PersonRoleView = view_of(PersonRole)
KinshipView = view_of(Kinship)
UserView = view_of(User)
RuleSetView = view_of(RuleSet)
RuleVersionView = view_of(RuleVersion)
RuleOpinionView = view_of(RuleOpinion)
ReviewCommentView = view_of(ReviewComment)
RuleReviewView = view_of(RuleReview)
RuleFilingView = view_of(RuleFiling)
TownshipAnswerView = view_of(TownshipAnswer)
CommitteeTermView = view_of(CommitteeTerm)
CommitteeMemberView = view_of(CommitteeMember)
SupervisionMatterView = view_of(SupervisionMatter)
VoucherReviewView = view_of(VoucherReview)
DisclosureItemView = view_of(DisclosureItem)
FeedbackView = view_of(Feedback)


def snapshot_or_none(row: Model | None) -> Any:
    """A frozen copy of `row`, or None when there is no row."""
    return None if row is None else snapshot(row)
