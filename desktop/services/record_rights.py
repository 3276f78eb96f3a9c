"""Who may write one record of the meetings' tables, which two bodies share row by row (issue 16).

The 监委会 records its own meetings (type "supervision") and the secretary the
village's others (组织法 第三十二、三十三条: the committee supervises the
村委会, it does not keep the 村委会's books); a 村委会成员 login does not write
the minutes of the body that supervises it (`duties.why_not_keep_committee_minutes`).
`meetings_service` and `attachments_service` asked this, but `record_store`
— the one way records are written — did not, so a 监委会 login could rewrite
a 村民代表会议's minutes and a 村委会成员 login add to the committee's. Here the
choke point (`write_rights.why_not`) asks it of every write to a meeting, its
attendance, agenda, resolutions and votes, and of a 附件 on a meeting: the
meeting's type before and after the write decides.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from desktop.services.session import Session
from models.meetings import types as mt
from models.meetings.records import (
    AgendaItem,
    Attachment,
    Meeting,
    MeetingAttendance,
    PersonVote,
    Resolution,
)
from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.roles import Permission, role_label

_C = "write_rights"

#: table -> (model, the field of a row that leads to its meeting: "" for the meeting itself)
_MEETING_TABLES = {
    "meeting": (Meeting, ""),
    "meeting_attendance": (MeetingAttendance, "meeting"),
    "agenda_item": (AgendaItem, "meeting"),
    "resolution": (Resolution, "meeting"),
    "person_vote": (PersonVote, "resolution"),
    "attachment": (Attachment, "record_id"),
}
TABLES = frozenset(_MEETING_TABLES)


def _key(value: Any) -> Any:
    return value.get_id() if hasattr(value, "get_id") else value


def meeting_type(table: str, values: Mapping[str, Any]) -> str | None:
    """The type of the meeting a row with `values` (field name -> value) belongs to; None when none."""
    if table == "meeting":
        return values.get("type_code")
    if table == "attachment":
        if values.get("table_name") != "meeting":
            return None
        meeting = Meeting.get_or_none(Meeting.id == values.get("record_id"))
        return meeting.type_code if meeting else None
    if table == "person_vote":
        resolution = Resolution.get_or_none(Resolution.id == _key(values.get("resolution")))
        meeting = Meeting.get_or_none(Meeting.id == resolution.meeting_id) if resolution else None
        return meeting.type_code if meeting else None
    meeting = Meeting.get_or_none(Meeting.id == _key(values.get("meeting")))
    return meeting.type_code if meeting else None


def _types(table: str, row_id: str | None, columns: Iterable[str], creating: bool) -> set[str]:
    """The meeting types a write touches: the row's as it is, and as `columns` would make it."""
    model, _link = _MEETING_TABLES[table]
    changes = dict(columns) if isinstance(columns, Mapping) else {}
    found: set[str | None] = set()
    if not creating and row_id:
        row = model.get_or_none(model._meta.primary_key == row_id)
        if row is not None:
            current = {name: row.__data__.get(name) for name in model._meta.fields}
            found.add(meeting_type(table, current))
            if changes:
                found.add(meeting_type(table, {**current, **changes}))
    elif creating:
        found.add(meeting_type(table, changes))
    return {t for t in found if t}


def why_not(session: Session, table: str, row_id: str | None, columns: Iterable[str],
            creating: bool) -> Message | None:
    """Why `session` may not write this row of a meeting's table (None when it may, or the table is not one)."""
    if table not in _MEETING_TABLES or (row_id is None and not creating):
        return None
    for type_code in sorted(_types(table, row_id, columns, creating)):
        if type_code == mt.SUPERVISION:
            if session.can(Permission.COMMITTEE_REVIEW):
                continue
            # Imported here: duties → terms_service → people_service → record_store → here (a cycle at import).
            from desktop.services import duties

            reason = duties.why_not_keep_committee_minutes(session)
            if reason is not None:
                return reason
        elif not session.can(Permission.EDIT_RECORDS):
            kind = mt.TYPES[type_code].label if type_code in mt.TYPES else type_code
            return msg(_C, QT_TRANSLATE_NOOP(
                _C, "“{role}”账号只能记录监委会自己的会议,不能记录或修改{kind}:它由村文书或村委会成员记录。"),
                role=role_label(session.role), kind=kind)
    return None
