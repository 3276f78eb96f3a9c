"""Who may write what on one installation (issue 16): the table `record_store` checks on every write.

The services check what each action needs (`Session.require`, the 监委会's
sign-offs in `duties`), and a screen hides what a login may not do; both are
easy to forget in the next service. So `record_store` — the one way records
are written — asks this table too, before anything is written: for every
table, which permissions let a login write it on a village installation and
on a township installation. A login that holds none of them is refused with
the table and the roles that may, in Chinese, and nothing is written.

Where two permissions share a table (the 监委会 reviews a 村务公开 item the
村委会 drafts; the 村委会 answers a 监督事项 the 监委会 opened), each writes
only its own columns: `column_rights.SHARED`, asked from here with the
columns a write changes, the refusal naming the field. The meetings are
shared row by row instead (the 监委会's own, the 村委会's others): `record_rights`.

This is a floor, not the whole rule: a service may ask for more (the 监委会's
sign-off needs a seat on the day, `duties.why_not_sign`; a 村委会成员 answers a
matter only while holding an office, `duties.why_not_answer`). But no service
can ask for less.

How the table was decided (组织法 = 村民委员会组织法):

- **The register** (人员, 户, 小组, 任职, 亲属关系) and the village's figures:
  `EDIT_REGISTER` (the administrator and the secretary, who keep the books).
- **The 监委会's election** (届次 `committee_term`, 成员 `committee_member`):
  `EDIT_REGISTER` too. The 村务监督委员会 is elected by the 村民会议 or the
  村民代表会议 (第三十二条) and the secretary records the result like any other
  office of the register (`terms_service.appoint` needs `EDIT_REGISTER`).
  Who sits on the committee decides who may sign for it (`duties`), so the
  bodies it supervises must not write it: a 村委会成员 login (`EDIT_RECORDS`)
  could otherwise seat, or unseat, its own supervisors. Nor does the committee
  write its own composition: a member could seat a friend or end a
  colleague's seat and sign alone.
- **民主选举** (选举, 选举委员会, 选民, 异议, 候选人, 委托, 轮次, 计票, 当选,
  罢免, 推选): `EDIT_REGISTER`, for the same reason: the result seats the
  村委会 (term records), so the bodies elected must not write their own
  election; the secretary records what the 村民选举委员会 decided.
- **The 监委会's own work** (民主理财 `voucher_review`/`questioned_voucher`,
  民主评议 `appraisal`/`appraisal_result`): `COMMITTEE_REVIEW` only; a
  监督事项 (`supervision_matter`) also `EDIT_RECORDS`, whose holders write the
  村委会's answer (`duties.why_not_answer` says which of them). The committee
  also records its own meetings (type "supervision", `meetings_service`), signs
  a 四议两公开 step's opinion (`decision_step`), reviews and publishes a
  村务公开 item (`disclosure_item`: the review, the 民主评议 result it posts)
  and logs a villager's 意见 (`feedback`).
- **The village's other records** (meetings, 四议两公开, 村规民约, 村务公开,
  附件): `EDIT_RECORDS`.
- **What the township writes** (审核意见 `rule_review`, 逐条意见
  `review_comment`, 备案回执 `rule_filing`, 答复 `township_answer`: the
  reviewer's `REVIEW_RULES`; 通知 `township_notice`: `MANAGE_VILLAGES`) is
  never written at a village, and the village's records are never written at
  the township: who authors each synced table is `models.sync.authority`, and
  this table agrees with it (`tests/unit/test_write_rights.py`). A village
  still registers a paper 审核意见 on its own draft (`review_comment`, as the
  authority table allows).
- **Accounts** (`user`): `MANAGE_USERS`; any login changes its own password
  (`OWN_ROW_COLUMNS`) and nothing else of its own row — not its role.
- **The installation and its own row** (`installation`, `village`,
  `township`): `MANAGE_USERS` (the province); the village's figures
  `EDIT_REGISTER`; the township's register of villages `MANAGE_VILLAGES`.
- **The machinery** (change counter, audit log, the sync tables, notices
  read): written by their own modules (`models.sequence`, `models.audit`,
  `desktop.sync`), never through `record_store`: refused here for everyone.

Records owned by another installation are read-only whatever the role
(`record_store._refuse_foreign`); a new record is always this installation's
own, and a 附件 may be attached only to this installation's own records (the
other side refuses the package otherwise: `authority.SOFT_REFERENCES`).
The exceptions are the sync layer's, which does not go through `record_store`:
an import, and keeping the incoming version of a conflict
(`exchange_service.resolve_conflict`, `EXCHANGE`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.services import column_rights, installation, record_rights
from desktop.services.session import Session
from models.entities import MODE_COUNTY, MODE_TOWNSHIP, MODE_VILLAGE
from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.roles import ROLES, Permission, role_label
from models.sync import authority, policy

_C = "write_rights"
P = Permission


@dataclass(frozen=True)
class Right:
    """Which permissions let a login write one table, on each kind of installation (any one suffices)."""

    village: frozenset[Permission] = frozenset()
    township: frozenset[Permission] = frozenset()

    def on(self, mode: str) -> frozenset[Permission]:
        """The permissions that write the table on an installation of `mode`.

        A county writes only its own logins and settings (`_COUNTY_WRITES` among the
        township's rights): everything else it holds arrived in the townships' 汇总包.
        """
        if mode == MODE_COUNTY:
            return self.township & _COUNTY_WRITES
        return self.township if mode == MODE_TOWNSHIP else self.village


_COUNTY_WRITES = frozenset({P.MANAGE_USERS})


def _v(*permissions: Permission) -> Right:
    """A village's table: written at the village only."""
    return Right(village=frozenset(permissions))


def _t(*permissions: Permission) -> Right:
    """A township's table: written at the township only."""
    return Right(township=frozenset(permissions))


REGISTER = _v(P.EDIT_REGISTER)
RECORDS = _v(P.EDIT_RECORDS)
#: Records the 监委会 writes with the secretary (its own meetings, its opinion, its review).
RECORDS_OR_COMMITTEE = _v(P.EDIT_RECORDS, P.COMMITTEE_REVIEW)
COMMITTEE = _v(P.COMMITTEE_REVIEW)
#: Written by their own modules only, never through `record_store`.
MACHINERY = Right()

#: Every table of the schema (`schema_registry.ALL_MODELS`) -> who may write it locally.
RIGHTS: dict[str, Right] = {
    # the installation: its province (设置 → 省份配置, an administrator's decision)
    "installation": Right(frozenset({P.MANAGE_USERS}), frozenset({P.MANAGE_USERS})),
    "app_meta": MACHINERY,
    "change_counter": MACHINERY,
    "township": _t(P.MANAGE_USERS),
    # a village's own row: its figures (the register's keepers) and its province; at the township the
    # register of enrolled villages (入网, 重新入网) and the province
    "village": Right(frozenset({P.EDIT_REGISTER, P.MANAGE_USERS}), frozenset({P.MANAGE_VILLAGES, P.MANAGE_USERS})),
    # the register
    "village_group": REGISTER,
    "household": REGISTER,
    "person": REGISTER,
    "person_role": REGISTER,
    "represented_household": REGISTER,
    "kinship": REGISTER,
    # accounts: the administrator; a login's own password (OWN_ROW_COLUMNS)
    "user": Right(frozenset({P.MANAGE_USERS}), frozenset({P.MANAGE_USERS})),
    "audit_entry": MACHINERY,
    # meetings: the secretary; the 监委会 its own (type "supervision")
    "meeting": RECORDS_OR_COMMITTEE,
    "meeting_attendance": RECORDS_OR_COMMITTEE,
    "agenda_item": RECORDS_OR_COMMITTEE,
    "resolution": RECORDS_OR_COMMITTEE,
    "person_vote": RECORDS_OR_COMMITTEE,
    # 四议两公开: the secretary; the 监委会 its opinion on a step
    "authorization": RECORDS,
    "decision_register": RECORDS,
    "decision_step": RECORDS_OR_COMMITTEE,
    # 附件: each side on its own records (attachments_service; the target is checked in `why_not_attach`)
    "attachment": Right(frozenset({P.EDIT_RECORDS}), frozenset({P.EDIT_RECORDS})),
    # 村规民约: the village; a paper 审核意见 it registers on its own draft (rules_service.record_review),
    # the township reviewer's 逐条意见 (review_service.add_comment)
    "rule_set": RECORDS,
    "rule_version": RECORDS,
    "rule_article": RECORDS,
    "rule_opinion": RECORDS,
    "review_comment": Right(frozenset({P.EDIT_RECORDS}), frozenset({P.REVIEW_RULES})),
    # the 监委会's election: recorded by the register's keepers, never by the bodies it supervises
    "committee_term": REGISTER,
    "committee_member": REGISTER,
    # the 监委会's work; a matter's answer comes from the 村委会 (duties.why_not_answer)
    "supervision_matter": RECORDS_OR_COMMITTEE,
    "voucher_review": COMMITTEE,
    "questioned_voucher": COMMITTEE,
    "appraisal": COMMITTEE,
    "appraisal_result": COMMITTEE,
    # 村务公开: the secretary; the 监委会 reviews an item and posts its 民主评议 result, logs 意见
    "disclosure_item": RECORDS_OR_COMMITTEE,
    "financial_posting": RECORDS,
    "financial_line": RECORDS,
    "feedback": RECORDS_OR_COMMITTEE,
    "disclosure_subject": RECORDS,
    # 民主选举: recorded by the register's keepers (the elected become term records, as the 监委会's election)
    "election": REGISTER,
    "election_committee_member": REGISTER,
    "voter": REGISTER,
    "voter_objection": REGISTER,
    "candidate": REGISTER,
    "proxy_vote": REGISTER,
    "election_round": REGISTER,
    "election_tally": REGISTER,
    "elected_member": REGISTER,
    "recall": REGISTER,
    "selection": REGISTER,
    # the sync layer's own bookkeeping
    "peer": MACHINERY,
    "retired_key": MACHINERY,
    "package_log": MACHINERY,
    # county mode: what the townships' 县级汇总包 brought (desktop.sync.county_import), replaced whole per township
    **{t: MACHINERY for t in ("county_township", "county_village", "county_period", "county_cell",
                              "county_township_cell", "county_filing", "county_article")},
    "sync_conflict": MACHINERY,
    "audit_witness": MACHINERY,
    # the township's records about a village's
    "rule_review": _t(P.REVIEW_RULES),
    "rule_filing": _t(P.REVIEW_RULES),
    "township_answer": _t(P.REVIEW_RULES),
    "township_notice": _t(P.MANAGE_VILLAGES),
    "notice_read": MACHINERY,
}

#: Columns (peewee field names) a login may change on its own row of a table, whatever its role.
OWN_ROW_COLUMNS: dict[str, frozenset[str]] = {
    "user": frozenset({"password_hash", "must_change_password"}),
}

#: Labels of the local tables (the synced ones are `policy.TABLE_LABELS`).
_LOCAL_LABELS = {
    "installation": QT_TRANSLATE_NOOP(_C, "本机设置"),
    "village": QT_TRANSLATE_NOOP(_C, "村庄信息"),
    "township": QT_TRANSLATE_NOOP(_C, "乡镇信息"),
    "user": QT_TRANSLATE_NOOP(_C, "账号"),
}


def label(table: str) -> str:
    """What a person calls the records of `table`."""
    return _LOCAL_LABELS.get(table) or policy.label(table)


def _mode(session: Session) -> str:
    info = session.installation_info() or installation.current()
    if info is not None:
        return info.mode
    return ROLES[session.role][1] if session.role in ROLES else MODE_VILLAGE


def roles_that_write(table: str, mode: str) -> list[str]:
    """Role codes of `mode` that may write `table` there, in display order."""
    needed = RIGHTS[table].on(mode) if table in RIGHTS else frozenset()
    return [code for code, (_l, m, perms) in ROLES.items() if m == mode and perms & needed]


def why_not(session: Session, table: str, row_id: str | None = None,
            columns: Iterable[str] = (), creating: bool = False) -> Message | None:
    """Why `session` may not write `table` on this installation (None when it may).

    Without `row_id` and `columns`: whether it writes the table at all (the
    screens ask this). `row_id` and `columns` (field names; a mapping of them
    to the new values) describe an update of an existing row: a login's own
    row of `OWN_ROW_COLUMNS` (its password) is open to it, and where two
    permissions share the table each changes only its own columns
    (`column_rights`). `creating` with `columns` (the filled ones): a new row.
    """
    right = RIGHTS.get(table)
    name = label(table)
    if right is None:
        return msg(_C, QT_TRANSLATE_NOOP(
            _C, "本软件没有规定谁可以修改{table},已拒绝。请升级软件。"), table=name)
    mode = _mode(session)
    needed = right.on(mode)
    granted = frozenset(p for p in needed if session.can(p))
    if granted:
        return (column_rights.why_not(table, name, mode, granted, session.role, row_id, columns, creating)
                or record_rights.why_not(session, table, row_id, columns, creating))
    own = OWN_ROW_COLUMNS.get(table)
    if own and row_id and row_id == session.user_id and set(columns) and set(columns) <= own:
        return None
    if not needed:
        return _nobody_here(table, name, mode, right)
    who = "、".join(role_label(code) for code in roles_that_write(table, mode))
    return msg(_C, QT_TRANSLATE_NOOP(
        _C, "“{role}”账号不能登记或修改{table}:只有{who}账号可以。"), role=role_label(session.role), table=name, who=who)


def _nobody_here(table: str, name: str, mode: str, right: Right) -> Message:
    if mode == MODE_COUNTY and (right.village or right.township):
        return msg(_C, QT_TRANSLATE_NOOP(_C, "{table}由村或乡镇填写,县里只能查看(来自乡镇的县级汇总包)。"), table=name)
    if right.on(MODE_TOWNSHIP if mode == MODE_VILLAGE else MODE_VILLAGE):
        if mode == MODE_VILLAGE:
            return msg(_C, QT_TRANSLATE_NOOP(_C, "{table}由乡镇填写,村里只能查看。"), table=name)
        return msg(_C, QT_TRANSLATE_NOOP(_C, "{table}由村里填写,乡镇只能查看。"), table=name)
    return msg(_C, QT_TRANSLATE_NOOP(_C, "{table}由软件自动维护,不能直接修改。"), table=name)


def why_not_attach(table_name: str, record_id: str, own_code: str) -> Message | None:
    """Why a 附件 may not point at (`table_name`, `record_id`) here: a record another installation owns.

    The other side refuses a package whose 附件 points at a record that is not
    its sender's (`authority.SOFT_REFERENCES`), so attaching a scan to the
    township's 审核意见 at a village would block every later package.
    """
    model = policy.MODEL_BY_TABLE.get(table_name)
    if model is None or authority.SOFT_REFERENCES["attachment"][2] != authority.OWN:
        return None
    row = model.get_or_none(model.id == record_id)
    if row is None or not row.owner or row.owner == own_code:
        return None
    return msg(_C, QT_TRANSLATE_NOOP(
        _C, "这条记录来自 {owner},不能在本机给它添加附件;本机只能查看。"), owner=row.owner)


def can_write(session: Session, table: str) -> bool:
    """Whether `session` may write `table` here (screens enable their buttons with it)."""
    return why_not(session, table) is None

