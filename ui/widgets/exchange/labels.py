"""Words the 数据交换 page shows for the engine's codes: statuses, columns, package names."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.services import exchange_service as xs
from models.messages import QT_TRANSLATE_NOOP

_C = "exchange"
_COL = "exchange_columns"


#: Column names a person may meet in a conflict, in plain words (others are shown as they are).
_COLUMNS = {
    "name": QT_TRANSLATE_NOOP(_COL, "名称/姓名"),
    "title": QT_TRANSLATE_NOOP(_COL, "标题"),
    "content": QT_TRANSLATE_NOOP(_COL, "内容"),
    "text": QT_TRANSLATE_NOOP(_COL, "正文"),
    "note": QT_TRANSLATE_NOOP(_COL, "备注"),
    "status": QT_TRANSLATE_NOOP(_COL, "状态"),
    "category": QT_TRANSLATE_NOOP(_COL, "类别"),
    "kind": QT_TRANSLATE_NOOP(_COL, "种类"),
    "gender": QT_TRANSLATE_NOOP(_COL, "性别"),
    "birth_year": QT_TRANSLATE_NOOP(_COL, "出生年份"),
    "village_group": QT_TRANSLATE_NOOP(_COL, "村民小组"),
    "household": QT_TRANSLATE_NOOP(_COL, "户"),
    "phone": QT_TRANSLATE_NOOP(_COL, "电话"),
    "role": QT_TRANSLATE_NOOP(_COL, "职务"),
    "relation": QT_TRANSLATE_NOOP(_COL, "关系"),
    "start_date": QT_TRANSLATE_NOOP(_COL, "开始日期"),
    "end_date": QT_TRANSLATE_NOOP(_COL, "结束日期"),
    "held_on": QT_TRANSLATE_NOOP(_COL, "举行日期"),
    "start_time": QT_TRANSLATE_NOOP(_COL, "开始时间"),
    "place": QT_TRANSLATE_NOOP(_COL, "地点"),
    "host": QT_TRANSLATE_NOOP(_COL, "主持人"),
    "recorder": QT_TRANSLATE_NOOP(_COL, "记录人"),
    "minutes": QT_TRANSLATE_NOOP(_COL, "会议记录"),
    "yes": QT_TRANSLATE_NOOP(_COL, "赞成"),
    "no": QT_TRANSLATE_NOOP(_COL, "反对"),
    "abstain": QT_TRANSLATE_NOOP(_COL, "弃权"),
    "passed": QT_TRANSLATE_NOOP(_COL, "是否通过"),
    "choice": QT_TRANSLATE_NOOP(_COL, "表决意见"),
    "period": QT_TRANSLATE_NOOP(_COL, "期间"),
    "year": QT_TRANSLATE_NOOP(_COL, "年度"),
    "label": QT_TRANSLATE_NOOP(_COL, "名称"),
    "position": QT_TRANSLATE_NOOP(_COL, "顺序"),
    "version": QT_TRANSLATE_NOOP(_COL, "版本"),
    "comment": QT_TRANSLATE_NOOP(_COL, "意见"),
    "reason": QT_TRANSLATE_NOOP(_COL, "理由"),
    "answer": QT_TRANSLATE_NOOP(_COL, "答复"),
    "summary": QT_TRANSLATE_NOOP(_COL, "摘要"),
    "amount_fen": QT_TRANSLATE_NOOP(_COL, "金额(分)"),
    "income_fen": QT_TRANSLATE_NOOP(_COL, "收入(分)"),
    "expense_fen": QT_TRANSLATE_NOOP(_COL, "支出(分)"),
    "posted_on": QT_TRANSLATE_NOOP(_COL, "张贴日期"),
    "deleted": QT_TRANSLATE_NOOP(_COL, "已删除"),
    "filename": QT_TRANSLATE_NOOP(_COL, "文件名"),
    "deadline": QT_TRANSLATE_NOOP(_COL, "期限"),
    "findings": QT_TRANSLATE_NOOP(_COL, "发现的问题"),
    "outcome": QT_TRANSLATE_NOOP(_COL, "结果"),
    "verdict": QT_TRANSLATE_NOOP(_COL, "结论"),
    "body": QT_TRANSLATE_NOOP(_COL, "内容"),
    "area": QT_TRANSLATE_NOOP(_COL, "范围"),
}


def column_label(column: str) -> str:
    """A column's plain label (the column name itself when we have none)."""
    label = _COLUMNS.get(column)
    return QCoreApplication.translate(_COL, label) if label else column


def value_text(column: str, value: str) -> str:
    """A stored value as a person reads it (empty shows as “(空)”)."""
    if column == "deleted":
        return QCoreApplication.translate(_C, "已删除") if value not in ("", "0") else \
            QCoreApplication.translate(_C, "未删除")
    return value if value != "" else QCoreApplication.translate(_C, "(空)")


def status_label(status: str) -> str:
    """已发出 / 对方已收到 / 已导入 / 已拒绝."""
    text = xs.STATUS_LABELS.get(status)
    return QCoreApplication.translate(_C, text) if text else status


def peer_status_label(status: str) -> str:
    """等待第一个数据包 / 正常 / 已停用."""
    text = xs.PEER_STATUS_LABELS.get(status)
    return QCoreApplication.translate(_C, text) if text else status


def direction_label(direction: str) -> str:
    """发出 / 收到."""
    return QCoreApplication.translate(_C, "发出") if direction == "out" else \
        QCoreApplication.translate(_C, "收到")


def numbers_text(numbers) -> str:
    """`第 3、7 号` for a list of package numbers (empty text for none)."""
    numbers = list(numbers)
    if not numbers:
        return ""
    shown = "、".join(str(n) for n in numbers[:10]) + ("…" if len(numbers) > 10 else "")
    return QCoreApplication.translate(_C, "第 {numbers} 号").format(numbers=shown)


def package_text(number: int, when: str) -> str:
    """`第 2 号(2026-11-22 08:18)`, or “还没有” when there is none."""
    if not number:
        return QCoreApplication.translate(_C, "还没有")
    if not when:
        return QCoreApplication.translate(_C, "第 {number} 号").format(number=number)
    return QCoreApplication.translate(_C, "第 {number} 号({when})").format(number=number, when=when)


def silence_text(days: int | None) -> str:
    """How long since the last package: “从未收到” / “今天收到过” / “已 3 天没有消息”."""
    if days is None:
        return QCoreApplication.translate(_C, "从未收到")
    if days == 0:
        return QCoreApplication.translate(_C, "今天收到过")
    return QCoreApplication.translate(_C, "已 {days} 天没有消息").format(days=days)
