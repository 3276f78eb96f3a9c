"""The table of the 村庄 register: one row per enrolled village.

Display texts come from the exchange page's label helpers (one wording for
both pages); the sort role returns raw values (days, numbers, dates) so the
columns sort the way a person expects; what needs attention — a long
silence, a missing package, a retired village — is coloured.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.services import villages_service as vs
from ui.widgets.batched_model import ID_ROLE, SORT_ROLE, BatchedRowsModel, ModelIndex
from ui.widgets.exchange.labels import numbers_text, package_text, peer_status_label, silence_text
from ui.widgets.outside_text import tooltip
from ui.widgets.palette import AMBER, GREY, RED

_C = "villages"
#: The village code behind a row (the kit's id role).
CODE_ROLE = ID_ROLE

# What a person scans for first (silence, status) comes right after the name; the
# fingerprint, read out only on the phone, is last.
CODE, NAME, SILENCE, STATUS, RECEIVED, GAPS, RETURNED, PROVINCE, FINGERPRINT = range(9)

_ALERT_BG = QColor("#fdecea")


def _t(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def audit_suffix(row: vs.VillageRow) -> str:
    """What the witness says about the village's audit log, after its status ("" when all is well)."""
    if row.audit == "broken":
        return _t(" · 审计日志被改动")
    if row.audit == "restored":
        return _t(" · 已从备份恢复({date})").format(date=row.audit_date)
    return ""


def status_text(row: vs.VillageRow) -> str:
    """The 状态 cell, where a rewritten audit log is never called 正常.

    "审计日志被改动" alone for an active village; the peer status stays where it says more
    (等待第一个数据包 / 已停用 · 审计日志被改动).
    """
    if row.audit == "broken" and row.status == "active":
        return _t("审计日志被改动")
    return peer_status_label(row.status) + audit_suffix(row)


class VillagesModel(BatchedRowsModel):
    """Rows are `villages_service.VillageRow`s."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._headers = [_t("村代码"), _t("村名称"), _t("消息"), _t("状态"), _t("最近收到的数据包"),
                         _t("缺少的数据包"), _t("最近发出的回执"), _t("省份配置"), _t("电脑指纹")]

    def column_count(self) -> int:
        """One column per header."""
        return len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, tooltip, sort value and colour of one cell."""
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row: vs.VillageRow = self.row_at(index.row())
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        if role == SORT_ROLE:
            return self._sort_value(row, col)
        if role == CODE_ROLE:
            return row.code
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(row, col)
        if role == Qt.ItemDataRole.BackgroundRole and col == SILENCE and row.overdue:
            return QBrush(_ALERT_BG)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (GAPS, STATUS):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, row: vs.VillageRow, col: int) -> str:
        if col == CODE:
            return row.code
        if col == NAME:
            return row.name
        if col == PROVINCE:
            return row.province_label
        if col == FINGERPRINT:
            return row.fingerprint or _t("(还没有)")
        if col == RECEIVED:
            return package_text(row.last_in_no, row.last_in_date)
        if col == RETURNED:
            text = package_text(row.last_out_no, row.last_out_date)
            if row.last_out_no:
                text += _t(",已确认") if row.out_acked else _t(",未确认")
            return text
        if col == GAPS:
            if row.missing:
                return _t("缺少{numbers}数据包").format(numbers=numbers_text(row.missing))
            return _t("不缺") if row.last_in_no else "–"
        if col == SILENCE:
            if row.silent_days is not None and row.overdue:
                return _t("没有消息 {days} 天").format(days=row.silent_days)
            if row.silent_days is not None and row.silent_days > 0:  # recent: nothing to worry about
                return _t("{days} 天前收到").format(days=row.silent_days)
            return silence_text(row.silent_days)
        if col == STATUS:
            return status_text(row)
        return ""

    def _tooltip(self, row: vs.VillageRow, col: int) -> str:
        if col == FINGERPRINT and row.fingerprint:
            return _t("{name}电脑的指纹。第一次收到它的数据包时,已打电话与村里核对过。").format(name=row.name)
        if col == SILENCE and row.overdue:
            return _t("超过 {days} 天没有收到{name}的数据包,请打电话问问情况。").format(
                days=vs.SILENCE_THRESHOLD_DAYS, name=row.name)
        if col == GAPS and row.missing:
            return _t("这些数据包中的修改还没有收到。请让{name}重新导出一次数据包。").format(name=row.name)
        if col == RETURNED and row.last_out_no:
            return _t("村里导入回执后,下一个数据包会带回确认。") if not row.out_acked else \
                _t("村里已经导入了这份回执。")
        if col == STATUS and row.audit != "ok":
            return tooltip(row.audit_reason)
        if col == NAME and row.households:
            return _t("{name}:{households} 户").format(name=row.name, households=row.households)
        return self._text(row, col)

    @staticmethod
    def _sort_value(row: vs.VillageRow, col: int) -> Any:
        if col == RECEIVED:
            return row.last_in_date or ""
        if col == RETURNED:
            return row.last_out_date or ""
        if col == GAPS:
            return len(row.missing)
        if col == SILENCE:
            return -1 if row.silent_days is None else row.silent_days
        if col == STATUS:  # the rewritten audit logs first
            return ("0" if row.audit == "broken" else "1") + row.status
        if col == PROVINCE:
            return row.province_label
        if col == FINGERPRINT:
            return row.fingerprint
        return row.code if col == CODE else row.name

    @staticmethod
    def _colour(row: vs.VillageRow, col: int) -> QBrush | None:
        if (col == SILENCE and row.overdue) or (col == GAPS and row.missing):
            return QBrush(RED)
        if row.status == "retired" or (col == FINGERPRINT and not row.fingerprint):
            return QBrush(GREY)
        if col == STATUS and (row.status == "pending" or row.audit == "broken"):
            return QBrush(RED)
        if col == STATUS and row.audit == "restored":
            return QBrush(AMBER)
        return None

    def row_for_code(self, code: str) -> int:
        """The view row of a village (-1 when not shown)."""
        for n in range(self.rowCount()):
            if self.row_at(n).code == code:
                return n
        return -1
