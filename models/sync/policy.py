"""What travels in a package, in which direction, and in which order (DESIGN §4).

Authority is by owner: a package carries only records its sender owns. A
village sends everything it owns; a township sends a village only the
township's records *about that village* — records that point (by a foreign
key) at one of the village's records, e.g. the review comments on a draft of
its 村规民约, or that name the village in a `village_code` column.
Ownership is not all: which side may write each table, and what its records
may point at, is `models.sync.authority` (checked on every import).

The register tables (`village`, `township`) do not travel: each side keeps
its own (the township's register row of a village is not the village's own
row), and the facts the township needs about a village come in the manifest.
"""

from __future__ import annotations

from models.messages import QT_TRANSLATE_NOOP
from models.records import SyncedModel
from models.schema_registry import ALL_MODELS

_C = "sync_tables"

LOCAL_ONLY = frozenset({"village", "township"})

#: Synced tables in creation order: a foreign key's target comes before it.
SYNCED_MODELS = tuple(m for m in ALL_MODELS
                      if issubclass(m, SyncedModel) and m._meta.table_name not in LOCAL_ONLY)
SYNCED_TABLES = tuple(m._meta.table_name for m in SYNCED_MODELS)
MODEL_BY_TABLE = {m._meta.table_name: m for m in SYNCED_MODELS}

#: Plural labels for people reading a package summary.
TABLE_LABELS: dict[str, str] = {
    "village_group": QT_TRANSLATE_NOOP(_C, "村民小组"),
    "household": QT_TRANSLATE_NOOP(_C, "户"),
    "person": QT_TRANSLATE_NOOP(_C, "人员"),
    "person_role": QT_TRANSLATE_NOOP(_C, "任职记录"),
    "represented_household": QT_TRANSLATE_NOOP(_C, "村民代表联系户"),
    "kinship": QT_TRANSLATE_NOOP(_C, "亲属关系"),
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
    "financial_line": QT_TRANSLATE_NOOP(_C, "收支明细"),
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


def label(table: str) -> str:
    """The plural label of a table (its name when we have none)."""
    return TABLE_LABELS.get(table, table)


def foreign_keys(table: str) -> list[tuple[str, str]]:
    """(column, target table) of each foreign key of a synced table."""
    model = MODEL_BY_TABLE[table]
    return [(f.column_name, f.rel_model._meta.table_name) for f in model._meta.refs]


def has_column(table: str, column: str) -> bool:
    """Whether a synced table has this column."""
    return any(f.column_name == column for f in MODEL_BY_TABLE[table]._meta.sorted_fields)
