"""What a village may not take back once it reported it to the township (issue 16, red team).

A village reports a 监督事项 or a villager's 意见 to the township once
(`escalated_on`; `supervision_service.escalate`, `disclosure_service.escalate_feedback`
refuse a second time) and never clears, re-dates or deletes it afterwards:
no screen does. A package that does — a newer version of a reported matter
with `escalated_on` blank or changed, or `deleted` — would make the
complaint vanish from the township's 上报事项 list without anyone there
deciding. The importer keeps the township's version in place and stores the
incoming one beside it as a conflict (the 冲突 panel): a person chooses, as
for any version that cannot simply replace the one held.
"""

from __future__ import annotations

from typing import Any

from models.messages import QT_TRANSLATE_NOOP, msg
from models.sync import policy

_C = "import"

#: Tables a village reports to the township through their `escalated_on` column.
REPORTED = frozenset({"supervision_matter", "feedback"})


def takes_back(table: str, cols: list[str], held: list[Any], incoming: list[Any]) -> bool:
    """Whether `incoming` (newer than `held`) un-reports, re-dates or deletes a record the township holds as reported."""
    if table not in REPORTED or "escalated_on" not in cols:
        return False
    ei, di = cols.index("escalated_on"), cols.index("deleted")
    if not held[ei] or held[di]:
        return False
    return incoming[ei] != held[ei] or bool(incoming[di])


def warning(table: str, count: int, sender_name: str) -> str:
    """The preview's line for the records kept as conflicts by `takes_back`."""
    return str(msg(_C, QT_TRANSLATE_NOOP(
        _C, "{name}的数据包撤回或删除了 {n} 条已经报告乡镇的{table}(本软件从不这样做):本机保留已报告的版本,"
        "收到的版本作为冲突待人核实。"), name=sender_name, n=count, table=policy.label(table)))
