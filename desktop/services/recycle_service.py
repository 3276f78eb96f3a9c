"""The recycle view: what was deleted, and putting it back.

Nothing in cunwu is hard-deleted (DESIGN §3): a deletion sets the tombstone,
travels to the township like any change, and can be undone here. Only
records a person deletes on purpose are listed (meetings, attachments,
registers, people, rule versions) — not the rows an editor replaces while
saving (attendance lines, agenda items, articles).

At the township the view also holds what the villages deleted (their
tombstones arrive in their packages): each such row names its village, since
two villages' deleted 会议记录 otherwise look alike and only the village itself
can bring its record back.
"""

from __future__ import annotations

from dataclasses import dataclass

from peewee import JOIN

from desktop.services import duties, record_store, write_rights
from desktop.services.session import Session
from models.clock import local_display
from models.disclosure.records import DisclosureItem
from models.entities import Household, Kinship, Person, VillageGroup
from models.errors import DuplicateRecord, NotFound, PermissionDenied
from models.meetings.records import Attachment, DecisionRegister, Meeting
from models.meetings.types import SUPERVISION
from models.messages import QT_TRANSLATE_NOOP, msg
from models.roles import Permission
from models.rules.records import RuleVersion
from models.supervision.records import SupervisionMatter

_C = "recycle"

#: table name -> (model, label, how to describe a row)
_KINDS = {
    "meeting": (Meeting, QT_TRANSLATE_NOOP(_C, "会议记录"), lambda r: f"{r.held_on} {r.title}"),
    "attachment": (Attachment, QT_TRANSLATE_NOOP(_C, "附件"), lambda r: r.filename),
    "decision_register": (DecisionRegister, QT_TRANSLATE_NOOP(_C, "四议两公开登记"), lambda r: r.title),
    "person": (Person, QT_TRANSLATE_NOOP(_C, "人员"), lambda r: r.name),
    "rule_version": (RuleVersion, QT_TRANSLATE_NOOP(_C, "村规民约版本"), lambda r: f"{r.title} 第{r.version_no}版"),
    "disclosure_item": (DisclosureItem, QT_TRANSLATE_NOOP(_C, "村务公开"), lambda r: f"{r.period} {r.title}"),
    "supervision_matter": (SupervisionMatter, QT_TRANSLATE_NOOP(_C, "监督事项"), lambda r: r.title),
    "village_group": (VillageGroup, QT_TRANSLATE_NOOP(_C, "村民小组"), lambda r: r.name),
    "household": (Household, QT_TRANSLATE_NOOP(_C, "户"), lambda r: f"{r.number} {r.village_group}".strip()),
    "kinship": (Kinship, QT_TRANSLATE_NOOP(_C, "亲属关系"),
                lambda r: f"{r.person.name} — {r.relative.name}"),
}

#: The register's tables: restoring them needs the register permission, like writing them.
_REGISTER_TABLES = frozenset({"person", "village_group", "household", "kinship"})
#: Tables whose records not every `EDIT_RECORDS` login deletes and restores: `write_rights` says who
#: (`column_rights`: a 监督事项 is the 监委会's; the 村委会 only answers it).
_RESTORED_AS_WRITTEN = frozenset({"supervision_matter"})


@dataclass(frozen=True)
class DeletedRow:
    """One deleted record."""

    table: str
    id: str
    kind_label: str
    description: str
    deleted_at: str  # local time, for display
    owner_name: str = ""  # the village the record belongs to; "" for this installation's own


def _described(table: str):
    """The deleted rows of `table` as (id, owner, updated_at, description) tuples: the columns it is told by.

    Plain tuples of the few columns a description needs (a 亲属关系 joins the
    two people's names in the same query): the records were read whole, and
    each 亲属关系 read its two people one query each.
    """
    model = _KINDS[table][0]
    head = (model.id, model.owner, model.updated_at)
    gone = model.deleted == True  # noqa: E712
    if table == "kinship":
        person, relative = Person.alias(), Person.alias()
        query = (Kinship.select(*head, person.name, relative.name)
                 .join(person, JOIN.LEFT_OUTER, on=Kinship.person == person.id)
                 .switch(Kinship).join(relative, JOIN.LEFT_OUTER, on=Kinship.relative == relative.id)
                 .where(gone).tuples())
        return ((i, o, u, f"{p or ''} — {r or ''}") for i, o, u, p, r in query)
    fields, describe = _COLUMNS[table]
    query = model.select(*head, *(getattr(model, f) for f in fields)).where(gone).tuples()
    return ((i, o, u, describe(*rest)) for i, o, u, *rest in query)


#: table -> (the fields its description is made of, how) — as `_KINDS` describes a record.
_COLUMNS = {
    "meeting": (("held_on", "title"), lambda held_on, title: f"{held_on} {title}"),
    "attachment": (("filename",), lambda filename: filename),
    "decision_register": (("title",), lambda title: title),
    "person": (("name",), lambda name: name),
    "rule_version": (("title", "version_no"), lambda title, number: f"{title} 第{number}版"),
    "disclosure_item": (("period", "title"), lambda period, title: f"{period} {title}"),
    "supervision_matter": (("title",), lambda title: title),
    "village_group": (("name",), lambda name: name),
    "household": (("number", "village_group"), lambda number, group: f"{number} {group}".strip()),
}


def list_deleted() -> list[DeletedRow]:
    """Deleted records, most recently deleted first."""
    rows = []
    own = record_store.owner_code()
    names: dict[str, str] | None = None
    for table, (_model, label, _describe) in _KINDS.items():
        for record_id, owner, updated_at, description in _described(table):
            owner_name = ""
            if owner and owner != own:
                if names is None:
                    from desktop.services.review_service import village_names

                    names = village_names()
                owner_name = names.get(owner, owner)
            rows.append((updated_at, DeletedRow(table, record_id, label, description, local_display(updated_at),
                                                owner_name)))
    rows.sort(key=lambda pair: pair[0], reverse=True)
    return [row for _when, row in rows]


def restore(session: Session, table: str, record_id: str, allow_duplicate: bool = False) -> None:
    """Bring a record back.

    A 村务公开 posting whose period got another posting since (放弃草稿, then
    新建 again) raises `DuplicateRecord` naming that one unless
    `allow_duplicate`: a second posting for a subject and period asks first
    (issue 15), also when it comes back from here.
    """
    if table in _RESTORED_AS_WRITTEN:
        reason = write_rights.why_not(session, table, record_id, {"deleted": False})
        if reason is not None:
            raise PermissionDenied(reason)
    else:
        session.require(Permission.EDIT_REGISTER if table in _REGISTER_TABLES else Permission.EDIT_RECORDS)
    if table not in _KINDS:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "回收站里没有这条记录。")))
    model = _KINDS[table][0]
    row = model.get_or_none((model.id == record_id) & (model.deleted == True))  # noqa: E712
    if row is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "回收站里没有这条记录(可能已经恢复)。")))
    if table in ("village_group", "household", "kinship"):
        from desktop.services import households_service

        households_service.check_restorable(row)
    if table == "rule_version":
        from desktop.services import rules_service

        rules_service.check_restorable(row)
    if table == "disclosure_item" and not allow_duplicate:
        _refuse_a_second_posting(row)
    _refuse_the_committees(session, table, row)
    record_store.restore(session, row)


def _refuse_the_committees(session: Session, table: str, row) -> None:
    """The 监委会's minutes (and their 附件) come back only for whom may write them (`duties`, `attachments_service`)."""
    reason = None
    if table == "meeting" and row.type_code == SUPERVISION:
        reason = duties.why_not_keep_committee_minutes(session)
    elif table == "attachment":
        from desktop.services import attachments_service

        reason = attachments_service.why_not_attach(session, row.table_name, row.record_id)
    if reason is not None:
        raise PermissionDenied(reason)


def _refuse_a_second_posting(item: DisclosureItem) -> None:
    from desktop.services import disclosure_service as ds
    from models.disclosure import catalogue as cat

    if item.period_kind == cat.AD_HOC:
        return
    found = ds.existing_items(item.subject, item.period, item.period_kind)
    if found:
        first = found[0]
        raise DuplicateRecord(msg(_C, QT_TRANSLATE_NOOP(
            _C, "这一期已有一份“{title}”(现在“{state}”)。恢复后同一期会有两份,仍要恢复吗?"),
            title=first.title, state=ds.STATUS_LABELS[first.status]), existing_id=first.id)
