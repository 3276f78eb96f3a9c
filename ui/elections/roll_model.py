"""The rows of the 选民名单 and of its 异议, for the 选民登记 tab."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.services.voter_roll_service import ObjectionRow, VoterRow
from models.elections import roll
from models.meetings.quorum import ERROR, WARNING
from models.messages import QT_TRANSLATE_NOOP
from ui.errors import message_text
from ui.widgets.batched_model import BatchedRowsModel
from ui.widgets.findings import finding_text, worst
from ui.widgets.palette import AMBER, GREY, RED
from ui.widgets.stored_day import shown_day

_C = "RollTab"
NAME, GENDER, AGE, GROUP, CATEGORY, STATUS = range(6)


def category_label(category: str) -> str:
    """本村居住 / 外出参选 / 外来登记 (the short form a table column holds)."""
    return QCoreApplication.translate("voter_roll", roll.CATEGORY_SHORT.get(category, category))


def category_long(category: str) -> str:
    """The category as 第十三条 words it."""
    return QCoreApplication.translate("voter_roll", roll.CATEGORY_LABELS.get(category, category))


def status_text(row: VoterRow) -> str:
    """在名单上 / 需核实 / 已移出 with the reason, then what the checks found."""
    tr = QCoreApplication.translate
    if row.removed_on:
        return tr(_C, "已移出({day}):{reason}").format(day=row.removed_on, reason=row.removed_reason)
    lines = [("✖ " if f.severity == ERROR else "⚠ ") + finding_text(f) for f in row.findings]
    if lines:
        return "\n".join(lines)
    if row.verify:
        return tr(_C, "需核实")
    if row.admitted_meeting_title:
        return tr(_C, "在名单上(经{meeting}同意)").format(meeting=row.admitted_meeting_title)
    return tr(_C, "在名单上")


class RollModel(BatchedRowsModel):
    """Columns: 姓名, 性别, 年龄(选举日), 村民小组, 类别, 状态; a line taken off is grey, a wrong one red."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "姓名"), QT_TRANSLATE_NOOP(_C, "性别"), QT_TRANSLATE_NOOP(_C, "年龄(选举日)"),
               QT_TRANSLATE_NOOP(_C, "村民小组"), QT_TRANSLATE_NOOP(_C, "类别"), QT_TRANSLATE_NOOP(_C, "状态"))

    def display(self, row: VoterRow, column: int) -> str:
        """The text of a cell."""
        if column == NAME:
            return row.name
        if column == GENDER:
            return row.gender
        if column == AGE:
            return QCoreApplication.translate(_C, "不详") if row.age is None else str(row.age)
        if column == GROUP:
            return row.village_group
        if column == CATEGORY:
            return category_label(row.category)
        return status_text(row)

    def sort_value(self, row: VoterRow, column: int):
        """Ages sort as numbers."""
        if column == AGE:
            return -1 if row.age is None else row.age
        return self.display(row, column)

    def tooltip(self, row: VoterRow, column: int) -> str | None:
        """The category in the law's words; the status in full."""
        if column == CATEGORY:
            return category_long(row.category) + "\n" + QCoreApplication.translate(_C, "双击可修改登记类别")
        return self.display(row, column)

    def foreground(self, row: VoterRow, column: int) -> QColor | None:
        """Removed lines grey; a line with an error red, one to verify amber."""
        if row.removed_on:
            return GREY
        level = worst(row.findings)
        if level == ERROR:
            return RED
        if level == WARNING or row.verify:
            return AMBER if column == STATUS else None
        return None

    def row_id(self, row: VoterRow) -> str:
        """The line's id."""
        return row.id


RAISED, BY, SUBJECT, CONTENT, DEADLINE, RESULT = range(6)


class ObjectionsModel(BatchedRowsModel):
    """Columns: 提出日期, 提出人, 针对, 异议内容, 处理期限, 处理结果."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "提出日期"), QT_TRANSLATE_NOOP(_C, "提出人"), QT_TRANSLATE_NOOP(_C, "针对"),
               QT_TRANSLATE_NOOP(_C, "异议内容"), QT_TRANSLATE_NOOP(_C, "处理期限"),
               QT_TRANSLATE_NOOP(_C, "处理结果"))

    def display(self, row: ObjectionRow, column: int) -> str:
        """The text of a cell."""
        tr = QCoreApplication.translate
        if column == RAISED:
            return shown_day(row.raised_on)
        if column == BY:
            return row.raised_by
        if column == SUBJECT:
            return row.subject if row.voter_id else tr(_C, "{name}(未列入)").format(name=row.subject)
        if column == CONTENT:
            return row.content
        if column == DEADLINE:
            return shown_day(row.deadline)
        lines = []
        if row.upheld is None:
            lines.append(tr(_C, "待处理"))
        else:
            lines.append(tr(_C, "{day} {verdict}:{decision}").format(
                day=row.decided_on, verdict=tr(_C, "异议成立") if row.upheld else tr(_C, "异议不成立"),
                decision=row.decision))
        lines.extend("⚠ " + finding_text(f) for f in row.findings)
        return "\n".join(lines)

    def foreground(self, row: ObjectionRow, column: int) -> QColor | None:
        """A result with findings (raised or decided late) amber."""
        if column == RESULT and row.findings:
            return AMBER
        return None

    def row_id(self, row: ObjectionRow) -> str:
        """The objection's id."""
        return row.id


P_NAME, P_GROUP, P_AGE, P_RESULT = range(4)


def preview_result(line: roll.PreviewLine) -> str:
    """列入 / 列入,需核实:why / 不列入:why."""
    tr = QCoreApplication.translate
    reason = "" if line.reason is None else message_text(line.reason)
    if not line.listed:
        return tr(_C, "不列入:{reason}").format(reason=reason)
    if line.verify:
        return tr(_C, "列入,需核实:{reason}").format(reason=reason)
    return tr(_C, "列入")


class BuildPreviewModel(BatchedRowsModel):
    """The 从名册生成 preview: 姓名, 村民小组, 年龄(选举日), 结果; left out grey, to verify amber."""

    CONTEXT = _C
    COLUMNS = (QT_TRANSLATE_NOOP(_C, "姓名"), QT_TRANSLATE_NOOP(_C, "村民小组"),
               QT_TRANSLATE_NOOP(_C, "年龄(选举日)"), QT_TRANSLATE_NOOP(_C, "结果"))

    def display(self, row: roll.PreviewLine, column: int) -> str:
        """The text of a cell."""
        if column == P_NAME:
            return row.person.name
        if column == P_GROUP:
            return row.person.village_group
        if column == P_AGE:
            return "" if row.age is None else str(row.age)
        return preview_result(row)

    def sort_value(self, row: roll.PreviewLine, column: int):
        """Ages sort as numbers."""
        if column == P_AGE:
            return -1 if row.age is None else row.age
        return self.display(row, column)

    def foreground(self, row: roll.PreviewLine, column: int) -> QColor | None:
        """Left out grey, to verify amber, listed in the view's colour."""
        if not row.listed:
            return GREY
        return AMBER if row.verify else None

    def row_id(self, row: roll.PreviewLine) -> str:
        """The person's id."""
        return row.person.person_id
