"""A meeting editor's typing as JSON and back, for the kept drafts (`ui.widgets.unsaved`).

Everything the person types into the header, the attendance list, the
agenda and the votes goes into the state; what identifies the record (its
id, type, status, the record it corrects) is taken from the record the
editor has open when the state comes back, never from the file.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import date
from typing import Any

from desktop.services.meetings_service import (
    AgendaLine,
    AttendanceLine,
    MeetingDraft,
    ResolutionLine,
)

#: The fields a state carries (the rest belong to the record, not to the typing).
TYPED = ("title", "held_on", "start_time", "place", "convened_by", "host", "recorder", "notice_date",
         "expected_count", "present_count", "attendance", "agenda", "resolutions", "note", "party_study_on")


def to_state(draft: MeetingDraft) -> dict[str, Any]:
    """The typed content of `draft` as a JSON-able dict."""
    values = asdict(draft)
    state = {name: values[name] for name in TYPED}
    for name in ("held_on", "notice_date", "party_study_on"):
        state[name] = state[name].isoformat() if state[name] else None
    return state


def _lines(cls, rows: Any) -> list:
    names = {f.name for f in fields(cls)}
    out = []
    for row in rows if isinstance(rows, list) else []:
        if isinstance(row, dict):
            try:
                out.append(cls(**{k: v for k, v in row.items() if k in names}))
            except TypeError:  # a line missing a required field: left out
                continue
    return out


def _date(text: Any, default: date | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return default


def apply_state(draft: MeetingDraft, state: dict[str, Any]) -> MeetingDraft:
    """`draft` (the record as opened) with the typed content of `state` put back; `draft` is changed."""
    for name in ("title", "start_time", "place", "convened_by", "host", "recorder", "note"):
        if isinstance(state.get(name), str):
            setattr(draft, name, state[name])
    draft.held_on = _date(state.get("held_on"), draft.held_on) or draft.held_on
    draft.notice_date = _date(state.get("notice_date"), draft.notice_date)
    if "party_study_on" in state:  # a state kept before the field existed leaves the record's value
        draft.party_study_on = _date(state["party_study_on"], draft.party_study_on)
    for name in ("expected_count", "present_count"):
        value = state.get(name)
        setattr(draft, name, value if isinstance(value, int) and not isinstance(value, bool) else None)
    if "attendance" in state:
        draft.attendance = _lines(AttendanceLine, state["attendance"])
    if "agenda" in state:
        draft.agenda = _lines(AgendaLine, state["agenda"])
    if "resolutions" in state:
        draft.resolutions = _lines(ResolutionLine, state["resolutions"])
    return draft
