"""The rows of 监委会成员: one seat of the chosen term per row, with what the eligibility check says."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.services.supervision_service import MemberRow
from models.meetings.quorum import ERROR, WARNING
from models.messages import QT_TRANSLATE_NOOP
from ui.widgets.batched_model import BatchedRowsModel
from ui.widgets.findings import finding_text, worst
from ui.widgets.palette import AMBER, GREY, RED
from ui.widgets.stored_day import shown_day

#: The context the tab's texts were translated in before the model held them.
_C = "MembersTab"
NAME, POST, FINANCE, JOINED, CHECK = range(5)


class MembersModel(BatchedRowsModel):
    """Columns: 姓名, 职务, 财会知识, 任职日期, 任职资格.

    A member who left is grey; the 任职资格 cell lists the findings (red for a
    bar, amber for a warning) and the name turns red when there is a bar.
    """

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "姓名"), QT_TRANSLATE_NOOP(_C, "职务"), QT_TRANSLATE_NOOP(_C, "财会知识"),
               QT_TRANSLATE_NOOP(_C, "任职日期"), QT_TRANSLATE_NOOP(_C, "任职资格"))

    def _check_lines(self, row: MemberRow) -> list[str]:
        lines = [("✖ " if f.severity == ERROR else "⚠ " if f.severity == WARNING else "") + finding_text(f)
                 for f in row.findings]
        if row.override_reason:
            lines.append(QCoreApplication.translate(_C, "已说明理由:{reason}").format(reason=row.override_reason))
        if row.left_reason:
            lines.append(QCoreApplication.translate(_C, "离任原因:{reason}").format(reason=row.left_reason))
        return lines

    def display(self, row: MemberRow, column: int) -> str:
        """The text of a cell."""
        tr = QCoreApplication.translate
        if column == NAME:
            return row.name
        if column == POST:
            post = tr(_C, "主任") if row.chair else tr(_C, "委员")
            if row.left_on:
                post += tr(_C, "(已于 {on} 离任)").format(on=row.left_on)
            return post
        if column == FINANCE:
            return tr(_C, "有") if row.finance_qualified else ""
        if column == JOINED:
            return shown_day(row.joined_on)
        lines = self._check_lines(row)
        return "\n".join(lines) if lines else tr(_C, "✔ 符合任职条件")

    def tooltip(self, row: MemberRow, column: int) -> str | None:
        """The findings in full on the 任职资格 cell."""
        return "\n".join(self._check_lines(row)) if column == CHECK else None

    def foreground(self, row: MemberRow, column: int) -> QColor | None:
        """Findings by severity; the name red when barred; a member who left grey."""
        level = worst(row.findings)
        if column == CHECK:
            return {ERROR: RED, WARNING: AMBER}.get(level, GREY)
        if column == NAME and level == ERROR:
            return RED
        return GREY if row.left_on else None

    def row_id(self, row: MemberRow) -> str:
        """The seat's id."""
        return row.id
