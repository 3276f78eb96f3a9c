"""Who may write which COLUMN of a table two roles share (issue 16), checked by `write_rights.why_not`.

`write_rights.RIGHTS` says which permissions write a table at all. Where a
table is written by more than one permission, each writes its own part of a
record, and the table alone let either change the other's: a 监委会 login,
which writes a 村务公开 item to record its review, could rewrite the item's
title and content through `record_store`; a 村委会成员 login, which writes a
监督事项 to answer it, could change the committee's findings or close it.
This table says, for every such table, what each permission may do: create
a record (and which columns it may fill then), change which columns, move it
to the 回收站 and back. A permission a table does not list here writes all of
it; `tests/unit/test_column_rights.py` fails when a table gets a second
permission in `RIGHTS` without an entry here.

How it was decided (组织法 = 村民委员会组织法; the services are the reference):

- **村务公开 (`disclosure_item`)**: the 村委会 drafts, submits and posts
  (组织法 第三十条; `disclosure_service.create_item/submit/post`); the
  监委会 reviews (第三十三条: it supervises 村务公开; `disclosure_service.review`
  writes 审核日期, 审核人, 审核结果, 意见/理由) and creates the draft of its
  民主评议 result (`supervision_service._results_to_disclosure`), nothing
  else. The 村委会 never writes a review; resubmitting a returned item only
  empties the old result and reason (`submit`), which cannot forge an
  approval: the item is back in review.
- **监督事项 (`supervision_matter`)**: the 监委会 opens, notifies, verifies,
  closes, reports it to the township (`supervision_service.open_matter`,
  `advance`, `escalate`); the 村委会 writes its answer (`advance` to
  answered: 村委会答复, its date, who answered; `duties.why_not_answer`) and
  nothing else: it cannot rewrite the findings, close or delete a matter
  about itself. Nor does the committee write the 村委会's answer.
- **四议两公开 steps (`decision_step`)**: the 村委会 records the steps; the
  监委会 its opinion on one (`decisions_service.set_committee_opinion`), only
  that column. The secretary may still transcribe a written opinion.
- **村民反映 (`feedback`)**: the committee logs a villager's 意见 and reports
  an unanswered one to the township (`add_feedback`, `escalate_feedback`,
  组织法 第三十一条); the answer, and changing what was logged, is the
  村委会's (`answer_feedback`).
- **The village's own row (`village`)**: the register's keepers write the
  village's figures (户数, 18 岁以上人口, their source: `village_figures`); its
  name, code, township and province are the administrator's (setup,
  设置 → 省份配置). At the township the register of villages and the province
  are both the township administrator's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from models.field_labels import field_label
from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.roles import ROLES, Permission, role_label
from models.schema_registry import ALL_MODELS

_C = "write_rights"
P = Permission

#: Columns the software stamps on every write: never a person's choice, never refused here.
BOOKKEEPING = frozenset({"id", "owner", "seq", "updated_at"})
DELETED = "deleted"
#: Values that mean "empty" for `Share.clear`.
_EMPTY = ("", None)


@dataclass(frozen=True)
class Share:
    """What one permission may do with a table it shares with another.

    `columns` it may change in a record (None: every one); `clear` it may only
    empty; `create` whether it makes new records, `create_columns` the columns
    it may fill then (None: every one), `create_only` a (column, value, what)
    a new record of its must have; `delete` whether it moves a record to the
    回收站 and back.
    """

    columns: frozenset[str] | None = None
    clear: frozenset[str] = frozenset()
    create: bool = True
    create_columns: frozenset[str] | None = None
    create_only: tuple[str, str, str] | None = None
    delete: bool = True


ALL = Share()

_DISCLOSURE_REVIEW = frozenset({"reviewed_on", "reviewed_by", "review_result", "review_reason"})
_DISCLOSURE_DRAFT = frozenset({"category", "subject", "period_kind", "period", "event_date", "title", "content"})
_DISCLOSURE_ALL = _DISCLOSURE_DRAFT | frozenset({"submitted_on", "submitted_by", "posted_on", "channels", "takedown_on"})
_MATTER_ANSWER = frozenset({"answer", "answered_on", "answered_by"})
_MATTER_COMMITTEE = frozenset({
    "title", "area", "source", "opened_on", "meeting_id", "findings", "notice", "notified_on", "deadline",
    "verification", "verified_on", "closed_on", "closed_by", "escalated_on", "township_answer"})
_FEEDBACK_LOGGED = frozenset({"item_id", "received_on", "villager", "content"})
_VILLAGE_FIGURES = frozenset({"households", "adult_population", "figures_source"})

#: table -> permission -> what it may do there (tables written by one permission only are not listed).
SHARED: dict[str, dict[Permission, Share]] = {
    "disclosure_item": {
        P.EDIT_RECORDS: Share(columns=_DISCLOSURE_ALL, clear=frozenset({"review_result", "review_reason"}),
                              create_columns=_DISCLOSURE_ALL),
        P.COMMITTEE_REVIEW: Share(columns=_DISCLOSURE_REVIEW, create_columns=_DISCLOSURE_DRAFT,
                                  create_only=("subject", "appraisal", QT_TRANSLATE_NOOP(_C, "民主评议结果")),
                                  delete=False),
    },
    "supervision_matter": {
        P.EDIT_RECORDS: Share(columns=_MATTER_ANSWER, create=False, delete=False),
        P.COMMITTEE_REVIEW: Share(columns=_MATTER_COMMITTEE, create_columns=_MATTER_COMMITTEE),
    },
    "decision_step": {
        P.EDIT_RECORDS: ALL,
        P.COMMITTEE_REVIEW: Share(columns=frozenset({"committee_opinion"}), create=False, delete=False),
    },
    "feedback": {
        P.EDIT_RECORDS: ALL,
        P.COMMITTEE_REVIEW: Share(columns=frozenset({"escalated_on"}), create_columns=_FEEDBACK_LOGGED,
                                  delete=False),
    },
    "village": {
        P.EDIT_REGISTER: Share(columns=_VILLAGE_FIGURES, create=False, delete=False),
        P.MANAGE_USERS: ALL,
        P.MANAGE_VILLAGES: ALL,
    },
}
# The meetings' tables: the 监委会 writes its own meetings whole (type "supervision"), the 村委会 the
# others: split per record, not per column (`meetings_service`, `duties.why_not_keep_committee_minutes`).
for _table in ("meeting", "meeting_attendance", "agenda_item", "resolution", "person_vote"):
    SHARED[_table] = {P.EDIT_RECORDS: ALL, P.COMMITTEE_REVIEW: ALL}

_MODELS = {m._meta.table_name: m for m in ALL_MODELS}


def column_name(table: str, name: str) -> str:
    """The column of `table` a field name (`meeting`) or a column name (`meeting_id`) is about."""
    model = _MODELS.get(table)
    fld = model._meta.fields.get(name) if model is not None else None
    return fld.column_name if fld is not None else name


def _may_change(share: Share, column: str, value: Any, known: bool) -> bool:
    if column == DELETED:
        return share.delete
    if share.columns is None or column in share.columns:
        return True
    return column in share.clear and known and value in _EMPTY


def _may_fill(share: Share, column: str) -> bool:
    return share.create and (share.create_columns is None or column in share.create_columns)


def _roles(mode: str, perms: Iterable[Permission]) -> str:
    wanted = set(perms)
    return "、".join(role_label(code) for code, (_l, m, granted) in ROLES.items() if m == mode and granted & wanted)


def why_not(table: str, what: str, mode: str, granted: frozenset[Permission], role: str, row_id: str | None,
            columns: Iterable[str], creating: bool) -> Message | None:
    """Why a login of `role` holding `granted` (the permissions that write `table` here) may not do this write.

    `what` is what a person calls the table's records (`write_rights.label`).
    `creating`: a new record whose non-default columns are `columns`; else an
    update of `row_id` changing `columns` (a mapping of them to the new values
    lets a column of `Share.clear` be emptied). None when it may.
    """
    shares = SHARED.get(table)
    if shares is None or not granted:
        return None
    mine = [shares.get(p, ALL) for p in granted]
    if ALL in mine:
        return None
    values = columns if isinstance(columns, Mapping) else {}
    named = [(column_name(table, c), values.get(c), c in values) for c in columns]
    named = [(c, v, k) for c, v, k in named if c not in BOOKKEEPING]
    role_name = role_label(role)
    if creating:
        return _why_not_create(table, mode, shares, mine, named, role_name, what)
    if row_id is None:
        return None
    for column, value, known in named:
        if any(_may_change(s, column, value, known) for s in mine):
            continue
        who = _roles(mode, [p for p, s in shares.items() if _may_change(s, column, value, known)])
        if column == DELETED:
            return msg(_C, QT_TRANSLATE_NOOP(_C, "“{role}”账号不能删除或恢复{table}:只有{who}账号可以。"),
                       role=role_name, table=what, who=who)
        return msg(_C, QT_TRANSLATE_NOOP(_C, "“{role}”账号不能修改{table}的“{field}”:只有{who}账号可以。"),
                   role=role_name, table=what, field=field_label(table, column), who=who)
    return None


def _why_not_create(table: str, mode: str, shares: Mapping[Permission, Share], mine: list[Share],
                    named: list[tuple[str, Any, bool]], role_name: str, what: str) -> Message | None:
    creators = [s for s in mine if s.create]
    if not creators:
        who = _roles(mode, [p for p, s in shares.items() if s.create])
        return msg(_C, QT_TRANSLATE_NOOP(_C, "“{role}”账号不能新建{table}:只有{who}账号可以。"),
                   role=role_name, table=what, who=who)
    for column, _value, _known in named:
        if column == DELETED or any(_may_fill(s, column) for s in creators):
            continue
        who = _roles(mode, [p for p, s in shares.items() if _may_fill(s, column)])
        return msg(_C, QT_TRANSLATE_NOOP(_C, "“{role}”账号新建{table}时不能填写“{field}”:只有{who}账号可以。"),
                   role=role_name, table=what, field=field_label(table, column), who=who)
    values = {c: v for c, v, _k in named}
    for share in creators:
        if share.create_only is None:
            return None
        column, value, _what = share.create_only
        if values.get(column) == value:
            return None
    only = next(s.create_only for s in creators if s.create_only)
    others = _roles(mode, [p for p, s in shares.items() if s.create and s.create_only is None])
    return msg(_C, QT_TRANSLATE_NOOP(_C, "“{role}”账号只能新建“{what}”这一项{table}:其他的由{who}账号新建。"),
               role=role_name, what=only[2], table=what, who=others)
