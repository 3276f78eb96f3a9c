"""Words the 数据交换 page shows for the engine's codes: statuses, columns, package names."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from desktop.services import exchange_service as xs
from models import field_labels

_C = "exchange"


def column_label(table: str, column: str) -> str:
    """A column's label in the words of the screen where it is typed (`models.field_labels`).

    A column this release does not know (a newer sender's) is shown by its name.
    """
    label = field_labels.source(table, column)
    return QCoreApplication.translate(field_labels.CONTEXT, label) if label else column


def value_text(column: str, value: str) -> str:
    """A stored value as a person reads it (money in 元, empty shows as “(空)”)."""
    if column.endswith("_fen") and re.fullmatch(r"-?[0-9]{1,18}", value):
        yuan, cents = divmod(abs(int(value)), 100)
        amount = f"{'-' if value.startswith('-') else ''}{yuan:,}.{cents:02d}"
        return QCoreApplication.translate(_C, "{amount} 元").format(amount=amount)
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
