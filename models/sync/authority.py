"""Who may write each synced table, and what its records may point at (issue 16).

A package is signed by its sender, so what it carries was written by the
sender's own copy of the software — which may be old, buggy or tampered
with. Ownership alone (`owner` = the sender) is not enough: a village could
write *itself* a 乡镇审核意见 on its own draft, or attach an article to
another village's draft; a township could put a 人员 into a village's
register. This table says, for every synced table,

- who may author it: a village (`VILLAGE`), the township (`TOWNSHIP`), or both;
- for each foreign key, what it may point at: the sender's own records
  (`OWN`), or the records of the village the package is about (`OF_VILLAGE`:
  the sending village itself, or — from the township — only the village the
  package is addressed to, never a third village);
- the 附件's loose reference (`table_name`, `record_id`) and the 乡镇通知's
  `village_code`, which point without a foreign key.

`check_package` enforces it on a decoded package before anything is written;
a breach refuses the package whole, naming the table and the row.
`tests/unit/test_authority_table.py` fails when a synced table or a foreign
key has no entry here, and the check itself refuses a table it has no entry
for, so a new table cannot be forgotten silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from models.db import database
from models.entities import MODE_TOWNSHIP, MODE_VILLAGE
from models.errors import PackageRefused
from models.messages import QT_TRANSLATE_NOOP, msg
from models.sync import policy

_C = "sync_authority"

VILLAGE, TOWNSHIP = MODE_VILLAGE, MODE_TOWNSHIP
#: A foreign key may point at the sender's own records only.
OWN = "own"
#: A foreign key may point only at records of the village the package is about:
#: the sending village's own, or (from the township) the addressed village's.
OF_VILLAGE = "of_village"

_CHUNK = 400


@dataclass(frozen=True)
class Authority:
    """Who may write one table, and where its references may point."""

    authors: frozenset[str]
    refs: dict[str, str] = field(default_factory=dict)  # foreign-key column -> OWN / OF_VILLAGE


def _village(*fk_columns: str) -> Authority:
    """A village's own record: only a village writes it, and it points only at its own records."""
    return Authority(frozenset({VILLAGE}), {c: OWN for c in fk_columns})


def _township(**refs: str) -> Authority:
    """The township's record about a village's record (审核意见, 备案回执, 答复, 通知)."""
    return Authority(frozenset({TOWNSHIP}), refs)


#: Every synced table (policy.SYNCED_TABLES), decided from the code that writes it.
AUTHORITY: dict[str, Authority] = {
    # the register (people_service, households_service, terms_service): the village's own
    "village_group": _village(),
    "household": _village(),
    "person": _village("household_id"),
    "person_role": _village("person_id"),
    "represented_household": _village("role_id", "household_id"),
    "kinship": _village("person_id", "relative_id"),
    # meetings and 四议两公开 (meetings_service, decisions_service)
    "meeting": _village("corrects_id"),
    "meeting_attendance": _village("meeting_id", "person_id"),
    "agenda_item": _village("meeting_id"),
    "resolution": _village("meeting_id"),
    "person_vote": _village("resolution_id", "person_id"),
    "authorization": _village("meeting_id"),
    "decision_register": _village(),
    "decision_step": _village("register_id", "meeting_id"),
    # 附件: the village attaches scans to its records; the exporter also carries the
    # township's attachments of the records it sends (on its own records only: SOFT_REFERENCES)
    "attachment": Authority(frozenset({VILLAGE, TOWNSHIP})),
    # 村规民约 (rules_service)
    "rule_set": _village(),
    "rule_version": _village("rule_set_id", "based_on_id", "vote_meeting_id", "vote_resolution_id"),
    "rule_article": _village("version_id"),
    "rule_opinion": _village("version_id"),
    # 逐条审核意见: the township's reviewer writes them (review_service.add_comment), and a village
    # registers the ones of a paper opinion (rules_service.record_review) — on that village's draft only
    "review_comment": Authority(frozenset({VILLAGE, TOWNSHIP}), {"version_id": OF_VILLAGE}),
    # 村务监督 (supervision_service)
    "committee_term": _village("elected_meeting_id"),
    "committee_member": _village("term_id", "person_id"),
    "supervision_matter": _village("meeting_id"),
    "voucher_review": _village(),
    "questioned_voucher": _village("review_id"),
    "appraisal": _village("meeting_id"),
    "appraisal_result": _village("appraisal_id", "person_id"),
    # 村务公开 (disclosure_service)
    "disclosure_item": _village(),
    "financial_posting": _village("item_id"),
    "financial_line": _village("posting_id"),
    "feedback": _village("item_id"),
    "disclosure_subject": _village(),
    # 民主选举 (elections_service)
    "election": _village("committee_meeting_id"),
    "election_committee_member": _village("election_id", "person_id"),
    "voter": _village("election_id", "person_id", "admitted_meeting_id"),
    "voter_objection": _village("election_id", "voter_id", "person_id"),
    "candidate": _village("election_id", "person_id"),
    "proxy_vote": _village("election_id", "voter_id", "proxy_id"),
    "election_round": _village("election_id"),
    "election_tally": _village("round_id", "candidate_id", "person_id"),
    "elected_member": _village("election_id", "round_id", "person_id", "role_id"),
    "recall": _village("role_id", "person_id", "meeting_id"),
    "selection": _village("role_id"),
    # the township's own records about a village's (review_service, notice_service)
    "rule_review": _township(version_id=OF_VILLAGE),
    "rule_filing": _township(version_id=OF_VILLAGE),
    "township_answer": _township(matter_id=OF_VILLAGE, feedback_id=OF_VILLAGE),
    "township_notice": _township(),
}

#: References without a foreign key: table -> (column naming the table, column holding the id, scope).
SOFT_REFERENCES: dict[str, tuple[str, str, str]] = {
    "attachment": ("table_name", "record_id", OWN),
}

#: Columns naming a village by its code: the record must name the village the package is about.
VILLAGE_CODE_COLUMNS: dict[str, str] = {
    "township_notice": "village_code",
}


class Rows(Protocol):
    """A table of a decoded package (`desktop.sync.payload.TableRows`)."""

    name: str
    columns: list[str]
    rows: list[list[Any]]


def _refuse(template: str, **params: Any) -> PackageRefused:
    return PackageRefused(msg(_C, template, **params))


def check_package(tables: Sequence[Rows], sender_code: str, sender_kind: str, recipient_code: str) -> None:
    """Refuse the package when a record breaks `AUTHORITY` (reads only; nothing is written).

    Every row's `owner` is already known to be `sender_code` (the importer's
    first check). A reference to a record neither in the package nor here is
    left to the importer's dangling-reference check.

    Raises:
        PackageRefused: naming the table and the row, in Chinese.
    """
    village = sender_code if sender_kind == VILLAGE else recipient_code
    for t in tables:
        _check_authors(t, sender_kind)
    in_package = {t.name: {r[t.columns.index("id")] for r in t.rows} for t in tables if t.rows}
    owners = _Owners(in_package, sender_code)
    for t in tables:
        if not t.rows:
            continue
        ci = t.columns.index("id")
        rule = AUTHORITY[t.name]
        for col, target in policy.foreign_keys(t.name):
            if col not in t.columns:
                continue
            allowed = sender_code if rule.refs.get(col) == OWN else village
            i = t.columns.index(col)
            bad = owners.first_other(target, ((r[ci], r[i]) for r in t.rows), allowed)
            if bad is not None:
                raise _pointing(t.name, bad[0], target, bad[1], sender_kind, rule.refs.get(col))
        soft = SOFT_REFERENCES.get(t.name)
        if soft is not None and soft[0] in t.columns and soft[1] in t.columns:
            ti, ri = t.columns.index(soft[0]), t.columns.index(soft[1])
            allowed = sender_code if soft[2] == OWN else village
            by_target: dict[str, list[tuple[str, Any]]] = {}
            for r in t.rows:
                if r[ti] in policy.MODEL_BY_TABLE:
                    by_target.setdefault(r[ti], []).append((r[ci], r[ri]))
            for target, pairs in by_target.items():
                bad = owners.first_other(target, pairs, allowed)
                if bad is not None:
                    raise _pointing(t.name, bad[0], target, bad[1], sender_kind, soft[2])
        code_col = VILLAGE_CODE_COLUMNS.get(t.name)
        if code_col is not None and code_col in t.columns:
            vi = t.columns.index(code_col)
            for r in t.rows:
                if r[vi] != village:
                    raise _refuse(QT_TRANSLATE_NOOP(
                        _C, "数据包中的{table}(记录 {id})是写给别的村({code})的,不是写给本村的。已拒绝导入。"),
                        table=policy.label(t.name), id=r[ci], code=str(r[vi])[:32])


def _check_authors(t: Rows, sender_kind: str) -> None:
    rule = AUTHORITY.get(t.name)
    if not t.rows or (rule is not None and sender_kind in rule.authors):
        return
    row_id = t.rows[0][t.columns.index("id")]
    label = policy.label(t.name)
    if rule is not None and rule.authors == {TOWNSHIP}:
        raise _refuse(QT_TRANSLATE_NOOP(
            _C, "数据包中的{table}(记录 {id})只能由乡镇填写,村里的数据包不能带来。已拒绝导入。"),
            table=label, id=row_id)
    if rule is not None and rule.authors == {VILLAGE}:
        raise _refuse(QT_TRANSLATE_NOOP(
            _C, "数据包中的{table}(记录 {id})只能由村里自己填写,乡镇的数据包不能带来。已拒绝导入。"),
            table=label, id=row_id)
    raise _refuse(QT_TRANSLATE_NOOP(
        _C, "数据包中的{table}(记录 {id})不在本软件允许交换的范围内。已拒绝导入,请升级软件。"),
        table=label, id=row_id)


def _pointing(table: str, row_id: str, target: str, target_id: str, sender_kind: str, scope: str | None
              ) -> PackageRefused:
    params = {"table": policy.label(table), "id": row_id, "target": policy.label(target), "target_id": target_id}
    if sender_kind == VILLAGE:
        return _refuse(QT_TRANSLATE_NOOP(
            _C, "数据包中的{table}(记录 {id})指向了别的村(或单位)的{target}(记录 {target_id})。"
            "村里的记录只能指向本村自己的记录,已拒绝导入。"), **params)
    if scope == OWN:
        return _refuse(QT_TRANSLATE_NOOP(
            _C, "数据包中的{table}(记录 {id})指向了别的村(或单位)的{target}(记录 {target_id})。"
            "这类记录只能指向乡镇自己的记录,已拒绝导入。"), **params)
    return _refuse(QT_TRANSLATE_NOOP(
        _C, "数据包中的{table}(记录 {id})指向了别的村(或单位)的{target}(记录 {target_id})。"
        "乡镇发来的记录只能指向本村的记录,已拒绝导入。"), **params)


class _Owners:
    """Who owns the records a package points at: the sender for its own rows, else as stored here."""

    def __init__(self, in_package: dict[str, set[str]], sender_code: str) -> None:
        self._in_package = in_package
        self._sender = sender_code

    def first_other(self, target: str, pairs: Iterable[tuple[str, Any]], allowed: str) -> tuple[str, str] | None:
        """(row id, target id) of the first reference to a record not owned by `allowed`, or None."""
        mine = self._in_package.get(target, set())
        pending: dict[str, str] = {}  # target id -> the first row pointing at it
        for row_id, value in pairs:
            if not isinstance(value, str):
                continue  # NULL; a value of another type points nowhere (the dangling check refuses it)
            if value in mine:
                if self._sender != allowed:
                    return row_id, value
                continue
            pending.setdefault(value, row_id)
        values = list(pending)
        for start in range(0, len(values), _CHUNK):
            chunk = values[start:start + _CHUNK]
            found = database.execute_sql(
                f'SELECT id, owner FROM "{target}" WHERE id IN ({",".join("?" * len(chunk))})', chunk).fetchall()
            others = {rid for rid, owner in found if owner != allowed}
            for value in chunk:
                if value in others:
                    return pending[value], value
        return None
