"""导入前的预览: who sent the package, when, and what importing it would change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.clock import local_display
from ui.widgets.primary_button import make_primary
from ui.widgets.scaled_label import ScaledLabel


def _cell(text: str, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


class PreviewDialog(QDialog):
    """The verified plan of one package; 导入 applies it, 取消 changes nothing."""

    def __init__(self, plan, parent: QWidget | None = None):
        """`plan`: the `ImportPlan` from `exchange_service.plan_package`."""
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("导入数据包 - 请先确认"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(ScaledLabel(self.tr("导入前请确认"), 1.3, bold=True))

        form = QFormLayout()
        form.setVerticalSpacing(6)
        number = self.tr("第 {number} 号").format(number=plan.number)
        if plan.full:
            number += self.tr("(完整数据包)")
        form.addRow(self.tr("发送方:"), QLabel(f"{plan.sender_name}({plan.sender_code})"))
        form.addRow(self.tr("数据包:"), QLabel(number))
        form.addRow(self.tr("生成时间:"), QLabel(local_display(plan.created_at)))
        file_label = QLabel(plan.path.name)
        file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("文件:"), file_label)
        layout.addLayout(form)

        self.warning_labels: list[QLabel] = []
        self.fingerprint_label: QLabel | None = None
        if not plan.already_imported:
            if plan.first_contact:
                layout.addWidget(self._first_contact(plan))
            for warning in plan.warnings:
                if plan.first_contact and plan.fingerprint in warning:
                    continue  # shown above, in large letters
                label = QLabel(self.tr("请注意:{text}").format(text=warning))
                label.setWordWrap(True)
                label.setProperty("role", "error")
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.warning_labels.append(label)
                layout.addWidget(label)

        shown = [t for t in plan.tables if t.new or t.changed or t.conflict or t.same or t.older]
        self.table = QTableWidget(len(shown), 6)
        self.table.setHorizontalHeaderLabels(
            [self.tr("内容"), self.tr("新增"), self.tr("修改"), self.tr("其中删除"), self.tr("冲突"), self.tr("不变")])
        self.table.horizontalHeaderItem(3).setToolTip(self.tr("新增和修改中,有多少条是对方删除的记录(会进入回收站)。"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 6):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for row, t in enumerate(shown):
            self.table.setItem(row, 0, _cell(t.label))
            for col, value in enumerate((t.new, t.changed, t.deleted, t.conflict, t.same + t.older), start=1):
                self.table.setItem(row, col, _cell(str(value) if value else "–", number=True))

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        if plan.already_imported:
            self.summary_label.setText(self.tr("这个数据包已经导入过了,再导入也不会有任何变化。"))
            self.summary_label.setProperty("role", "ok")
            self.table.hide()
        elif not shown:
            self.summary_label.setText(self.tr("这个数据包里没有新的修改(只带有对方的回执信息)。"))
            self.table.hide()
        else:
            text = self.tr("导入后将新增 {new} 条,修改 {changed} 条。").format(
                new=plan.total("new"), changed=plan.total("changed"))
            if plan.attachments:
                text += self.tr("附带附件文件 {n} 个。").format(n=plan.attachments)
            self.summary_label.setText(text)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table)

        conflicts = plan.total("conflict")
        self.conflict_label = QLabel(self.tr(
            "有 {n} 条记录与本机的不一致(冲突)。导入后两个版本都会保留,请在“冲突”里逐条选择保留哪一个。"
        ).format(n=conflicts))
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setProperty("role", "error")
        self.conflict_label.setVisible(bool(conflicts) and not plan.already_imported)
        layout.addWidget(self.conflict_label)

        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        make_primary(self.import_button)
        if plan.already_imported:
            self.import_button.hide()
            self.cancel_button.setText(self.tr("关闭"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._fit_table(len(shown))
        # As tall as the content: no blank band under a short table or an already-imported package.
        self.resize(680, self.sizeHint().height())

    def _fit_table(self, rows: int) -> None:
        """The table exactly as tall as its rows, up to ten (more scroll inside it)."""
        if not rows:
            return
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(min(rows, 10)))
        self.table.setFixedHeight(height + (0 if rows <= 10 else 4))

    def _first_contact(self, plan) -> QWidget:
        frame = QFrame()
        frame.setProperty("card", True)
        box = QVBoxLayout(frame)
        box.setContentsMargins(14, 10, 14, 10)
        ask = QLabel(self.tr("这是{name}的第一个数据包。请打电话给对方,请对方念出本村电脑的指纹,"
                             "与下面这一串逐组核对,一致后再导入:").format(name=plan.sender_name)
                     if plan.sender_kind == "village" else
                     self.tr("这是{name}的第一个数据包。请打电话给对方,与下面的电脑指纹逐组核对,一致后再导入:").format(
                         name=plan.sender_name))
        ask.setWordWrap(True)
        self.fingerprint_label = ScaledLabel(plan.fingerprint, 1.3, bold=True)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(ask)
        box.addWidget(self.fingerprint_label)
        return frame

    def warnings_text(self) -> str:
        """All warnings (with the first-contact fingerprint), for tests."""
        lines = [label.text() for label in self.warning_labels]
        if self.fingerprint_label is not None:
            lines.insert(0, self.tr("第一个数据包,电脑指纹:{fp}").format(fp=self.fingerprint_label.text()))
        return "\n".join(lines)
