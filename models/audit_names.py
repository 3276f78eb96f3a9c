"""How `cunwu check` names a record when the audit replay finds a mismatch (its fields: `models.field_labels`).

A clerk reading "financial_line 3f2a… amount_fen" learns nothing; "财务明细“三月份
水电费 · 第 3 行 电费”的支出金额" tells them which paper to pull out. The names
are read from the record's current row (or its last audited values when the row
is gone); only a few tables need a look-up of their parent for a useful name.
"""

from __future__ import annotations

from typing import Any

from models.db import database
from models.messages import QT_TRANSLATE_NOOP

_C = "audit_replay"

#: One record of each audited table, in the singular.
RECORD_LABELS: dict[str, str] = {
    "township": QT_TRANSLATE_NOOP(_C, "乡镇登记"),
    "village": QT_TRANSLATE_NOOP(_C, "村庄登记"),
    "village_group": QT_TRANSLATE_NOOP(_C, "村民小组"),
    "household": QT_TRANSLATE_NOOP(_C, "户"),
    "person": QT_TRANSLATE_NOOP(_C, "人员"),
    "person_role": QT_TRANSLATE_NOOP(_C, "任职记录"),
    "represented_household": QT_TRANSLATE_NOOP(_C, "村民代表联系户"),
    "kinship": QT_TRANSLATE_NOOP(_C, "亲属关系"),
    "user": QT_TRANSLATE_NOOP(_C, "账号"),
    "meeting": QT_TRANSLATE_NOOP(_C, "会议"),
    "meeting_attendance": QT_TRANSLATE_NOOP(_C, "会议出席记录"),
    "agenda_item": QT_TRANSLATE_NOOP(_C, "议题"),
    "resolution": QT_TRANSLATE_NOOP(_C, "表决事项"),
    "person_vote": QT_TRANSLATE_NOOP(_C, "记名表决"),
    "authorization": QT_TRANSLATE_NOOP(_C, "授权事项"),
    "decision_register": QT_TRANSLATE_NOOP(_C, "四议两公开台账"),
    "decision_step": QT_TRANSLATE_NOOP(_C, "四议两公开步骤"),
    "attachment": QT_TRANSLATE_NOOP(_C, "附件"),
    "rule_set": QT_TRANSLATE_NOOP(_C, "村规民约"),
    "rule_version": QT_TRANSLATE_NOOP(_C, "村规民约版本"),
    "rule_article": QT_TRANSLATE_NOOP(_C, "条款"),
    "rule_opinion": QT_TRANSLATE_NOOP(_C, "征求意见"),
    "review_comment": QT_TRANSLATE_NOOP(_C, "逐条审核意见"),
    "committee_term": QT_TRANSLATE_NOOP(_C, "监委会届次"),
    "committee_member": QT_TRANSLATE_NOOP(_C, "监委会成员"),
    "supervision_matter": QT_TRANSLATE_NOOP(_C, "监督事项"),
    "voucher_review": QT_TRANSLATE_NOOP(_C, "民主理财记录"),
    "questioned_voucher": QT_TRANSLATE_NOOP(_C, "质询凭证"),
    "appraisal": QT_TRANSLATE_NOOP(_C, "民主评议"),
    "appraisal_result": QT_TRANSLATE_NOOP(_C, "评议结果"),
    "disclosure_item": QT_TRANSLATE_NOOP(_C, "公开事项"),
    "financial_posting": QT_TRANSLATE_NOOP(_C, "财务公开表"),
    "financial_line": QT_TRANSLATE_NOOP(_C, "财务明细"),
    "feedback": QT_TRANSLATE_NOOP(_C, "村民意见"),
    "disclosure_subject": QT_TRANSLATE_NOOP(_C, "公开目录"),
    "rule_review": QT_TRANSLATE_NOOP(_C, "乡镇审核意见"),
    "rule_filing": QT_TRANSLATE_NOOP(_C, "备案回执"),
    "township_answer": QT_TRANSLATE_NOOP(_C, "乡镇答复"),
    "township_notice": QT_TRANSLATE_NOOP(_C, "乡镇通知"),
    "election": QT_TRANSLATE_NOOP(_C, "选举"),
    "election_committee_member": QT_TRANSLATE_NOOP(_C, "村民选举委员会成员"),
    "voter": QT_TRANSLATE_NOOP(_C, "选民登记"),
    "voter_objection": QT_TRANSLATE_NOOP(_C, "选民名单异议"),
    "candidate": QT_TRANSLATE_NOOP(_C, "候选人"),
    "proxy_vote": QT_TRANSLATE_NOOP(_C, "委托投票"),
    "election_round": QT_TRANSLATE_NOOP(_C, "投票轮次"),
    "election_tally": QT_TRANSLATE_NOOP(_C, "计票结果"),
    "elected_member": QT_TRANSLATE_NOOP(_C, "当选人员"),
    "recall": QT_TRANSLATE_NOOP(_C, "罢免"),
    "selection": QT_TRANSLATE_NOOP(_C, "推选记录"),
}

#: Columns that name a record, tried in order.
_NAME_COLUMNS = ("name", "login", "title", "label", "summary", "code", "period", "voucher_no", "number",
                 "received_on", "role", "relation", "step")


def record_label(table: str) -> str:
    """The singular label of one record of `table` (its name when we have none)."""
    return RECORD_LABELS.get(table, table)


def shown(column: str, value: Any, table: str = "") -> str:
    """A value as the clerk would read it: money in 元, empty text as “(空)”, an account's role by its name."""
    if value is None or value == "":
        return "(空)"
    if table == "user" and column == "role" and isinstance(value, str):
        from models.messages import msg
        from models.roles import ROLES

        if value in ROLES:
            return f"{msg('roles', ROLES[value][0])}({value})"
    if column.endswith("_fen") and isinstance(value, int) and not isinstance(value, bool):
        return f"{value / 100:.2f} 元"
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _one(sql: str, key: Any) -> tuple | None:
    return database.execute_sql(sql, (key,)).fetchone() if key else None


def describe(table: str, record_id: str, row: dict[str, Any] | None) -> str:
    """“财务明细“三月份财务公开 第 3 行 电费”” — label and a name a person recognises."""
    row = row or {}
    name = ""
    if table == "financial_line":
        title = _one("SELECT i.title FROM financial_posting p JOIN disclosure_item i ON i.id = p.item_id"
                     " WHERE p.id = ?", row.get("posting_id"))
        parts = [title[0] if title else "", f"第 {row.get('position')} 行" if row.get("position") else "",
                 str(row.get("summary") or "")]
        name = " ".join(p for p in parts if p)
    elif table in ("meeting_attendance", "person_vote", "committee_member", "person_role", "appraisal_result"):
        person = _one("SELECT name FROM person WHERE id = ?", row.get("person_id"))
        name = " ".join(str(p) for p in (person[0] if person else "", row.get("role") or row.get("post") or "")
                        if p)
    else:
        name = next((str(row[c]) for c in _NAME_COLUMNS if row.get(c) not in (None, "")), "")
    if not name:
        name = str(record_id)[:8]
    return f"{record_label(table)}“{name}”"
