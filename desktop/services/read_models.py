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

Services annotate with the module attribute (`-> read_models.PersonView`):
the class is made on first use, so importing a service for the login
screen builds none of them.
"""

from __future__ import annotations

import dataclasses
import importlib
import threading
from typing import Any

from peewee import ForeignKeyField, Model

_TYPES = {"VARCHAR": str, "TEXT": str, "INT": int, "BOOL": bool}
_lock = threading.Lock()
_VIEWS: dict[type[Model], type] = {}
_MODELS: dict[type, type[Model]] = {}
_COLUMNS: dict[type[Model], list[tuple[str, str, Any]]] = {}


def _columns(model: type[Model]) -> list[tuple[str, str, Any]]:
    """(attribute on the view, attribute on the row, type) for each column shown."""
    found = _COLUMNS.get(model)
    if found is None:
        found = _COLUMNS[model] = _read_columns(model)
    return found


def _read_columns(model: type[Model]) -> list[tuple[str, str, Any]]:
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
    if found is not None:
        return found
    with _lock:  # two threads asking at once get the same class
        found = _VIEWS.get(model)
        if found is not None:
            return found
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


#: The view of each record type a service hands out, by the name its return
#: annotation uses (`read_models.PersonView`). Made on first use: building
#: a dataclass costs about a millisecond, and start-up needs none of them.
_NAMED = {
    "AttachmentView": ("models.meetings.records", "Attachment"),
    "AuthorizationView": ("models.meetings.records", "Authorization"),
    "DecisionRegisterView": ("models.meetings.records", "DecisionRegister"),
    "DecisionStepView": ("models.meetings.records", "DecisionStep"),
    "PersonView": ("models.entities", "Person"),
    "PersonRoleView": ("models.entities", "PersonRole"),
    "KinshipView": ("models.entities", "Kinship"),
    "UserView": ("models.entities", "User"),
    "RuleSetView": ("models.rules.records", "RuleSet"),
    "RuleVersionView": ("models.rules.records", "RuleVersion"),
    "RuleOpinionView": ("models.rules.records", "RuleOpinion"),
    "ReviewCommentView": ("models.rules.records", "ReviewComment"),
    "RuleReviewView": ("models.township.records", "RuleReview"),
    "RuleFilingView": ("models.township.records", "RuleFiling"),
    "TownshipAnswerView": ("models.township.records", "TownshipAnswer"),
    "CommitteeTermView": ("models.supervision.records", "CommitteeTerm"),
    "CommitteeMemberView": ("models.supervision.records", "CommitteeMember"),
    "SupervisionMatterView": ("models.supervision.records", "SupervisionMatter"),
    "VoucherReviewView": ("models.supervision.records", "VoucherReview"),
    "DisclosureItemView": ("models.disclosure.records", "DisclosureItem"),
    "FeedbackView": ("models.disclosure.records", "Feedback"),
}


def __getattr__(name: str) -> type:
    """`read_models.PersonView` and the like, made when first asked for (PEP 562)."""
    try:
        module, model = _NAMED[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    return view_of(getattr(importlib.import_module(module), model))


def snapshot_or_none(row: Model | None) -> Any:
    """A frozen copy of `row`, or None when there is no row."""
    return None if row is None else snapshot(row)
