"""导入县级汇总包 - 请先确认: which township, which package, what it brings; its fingerprint the first time.

The county's preview of a verified `county_import.AggregatePlan`, worded
like the township's preview of a village's package
(`ui.widgets.exchange.preview_dialog`): the township is named by the name
the county registered it under, the package's own words are plain text,
and a township's first 汇总包 is imported only once the 8 characters heard
on the phone match its key (the import checks them again).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.sync import first_contact
from models.clock import local_display
from ui.widgets.outside_text import OutsideLabel, one_line, plain
from ui.widgets.primary_button import make_primary
from ui.widgets.scaled_label import ScaledLabel, scale_font
from ui.widgets.screen_fit import resize_within_screen, scroll_dialog_body


class AggregatePreviewDialog(QDialog):
    """The verified plan of one 汇总包; 导入 applies it, 取消 changes nothing."""

    def __init__(self, plan, parent: QWidget | None = None):
        """`plan`: the `AggregatePlan` of `county_import.plan_aggregate`."""
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("导入县级汇总包 - 请先确认"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(ScaledLabel(self.tr("导入前请确认"), 1.3, bold=True))
        form = QFormLayout()
        form.setVerticalSpacing(6)
        name = plan.peer_name or plan.sender_code
        form.addRow(self.tr("乡镇:"), OutsideLabel(one_line(f"{name}({plan.sender_code})")))
        if plan.sender_name and plan.sender_name != name:
            renamed = OutsideLabel(self.tr("汇总包里写的名称是“{name}”,与本县登记的不同。").format(
                name=one_line(plan.sender_name)))
            renamed.setWordWrap(True)
            renamed.setProperty("role", "error")
            form.addRow("", renamed)
        form.addRow(self.tr("汇总包:"), QLabel(self.tr("第 {n} 号").format(n=plan.number)))
        form.addRow(self.tr("生成时间:"), OutsideLabel(local_display(plan.created_at)))
        file_label = OutsideLabel(one_line(plan.path.name))
        file_label.setWordWrap(True)
        form.addRow(self.tr("文件:"), file_label)
        layout.addLayout(form)

        self.fingerprint_edit: QLineEdit | None = None
        if plan.first_contact and not plan.already_imported:
            layout.addWidget(self._first_contact(name))
        self.summary_label = QLabel(self._summary())
        self.summary_label.setWordWrap(True)
        if plan.already_imported:
            self.summary_label.setProperty("role", "ok")
        layout.addWidget(self.summary_label)
        self.warning_labels = []
        for warning in plan.warnings if not plan.already_imported else ():
            label = OutsideLabel(self.tr("请注意:{text}").format(text=warning))
            label.setWordWrap(True)
            label.setProperty("role", "error")
            self.warning_labels.append(label)
            layout.addWidget(label)
        layout.addStretch(1)

        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        make_primary(self.import_button)
        if plan.already_imported:
            self.import_button.hide()
            self.cancel_button.setText(self.tr("关闭"))
        elif self.fingerprint_edit is not None:
            self.import_button.setEnabled(False)  # until the fingerprint heard on the phone is typed
            self.import_button.setDefault(False)
            self.cancel_button.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        scroll_dialog_body(self, keep=buttons)
        if self.fingerprint_edit is not None:
            self.fingerprint_edit.setFocus()
        resize_within_screen(self, 620, self.sizeHint().height())

    def _summary(self) -> str:
        plan = self.plan
        if plan.already_imported:
            return self.tr("这个汇总包已经导入过了,再导入也不会有任何变化。")
        if plan.older:
            return self.tr("这是较早的汇总包:本县已经有该乡镇更新的汇总包,导入只作记录,数据不变。")
        return self.tr("导入后,该乡镇的数据将换成这个汇总包里的:{v} 个村、{p} 个期间的合规情况,"
                       "{f} 件备案的村规民约。").format(v=plan.villages, p=plan.periods, f=plan.filings)

    def _first_contact(self, name: str) -> QFrame:
        """Ask for the 8 characters read out on the phone; 导入 stays disabled until they match."""
        frame = QFrame()
        frame.setProperty("card", True)
        box = QVBoxLayout(frame)
        box.setContentsMargins(14, 10, 14, 10)
        box.setSpacing(6)
        title = plain(ScaledLabel(self.tr("第一次收到{name}的汇总包:请先打电话核对电脑指纹").format(
            name=one_line(name)), 1.1, bold=True))
        title.setWordWrap(True)
        ask = plain(QLabel(self.tr(
            "请打电话给{name}(用平时联系对方的电话),请对方打开村务台账,在“报表”页(或“帮助 → 关于”里)"
            "念出本乡镇电脑指纹的前 8 位字母和数字,输入到下面。一致后才能导入;不一致时请不要导入。").format(
            name=one_line(name))))
        ask.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("对方念出的电脑指纹:")))
        self.fingerprint_edit = QLineEdit()
        self.fingerprint_edit.setPlaceholderText("XXXX-XXXX")
        self.fingerprint_edit.setMaxLength(40)
        scale_font(self.fingerprint_edit, 1.3, bold=True)
        row.addWidget(self.fingerprint_edit, 1)
        self.fingerprint_status = plain(QLabel())
        self.fingerprint_status.setWordWrap(True)
        self.fingerprint_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (title, ask):
            box.addWidget(widget)
        box.addLayout(row)
        box.addWidget(self.fingerprint_status)
        self.fingerprint_edit.textChanged.connect(self._fingerprint_typed)
        return frame

    def _fingerprint_typed(self, text: str) -> None:
        typed = first_contact.normalize(text)
        ok = first_contact.matches(self.plan.fingerprint, text)
        self.import_button.setEnabled(ok)
        self.import_button.setDefault(ok)
        if ok:
            self.fingerprint_status.setText(self.tr("✔ 一致:这个汇总包是该乡镇那台电脑发出的。完整指纹:{fp}").format(
                fp=self.plan.fingerprint))
            role = "ok"
        elif len(typed) < first_contact.SPOKEN_LENGTH:
            self.fingerprint_status.setText(
                self.tr("还差 {n} 位。").format(n=first_contact.SPOKEN_LENGTH - len(typed)) if typed else "")
            role = "hint"
        else:
            self.fingerprint_status.setText(self.tr(
                "✘ 不一致:这个汇总包可能不是该乡镇的电脑发出的。请再核对一遍;仍不一致时请不要导入,并与乡镇当面核实。"))
            role = "error"
        self.fingerprint_status.setProperty("role", role)
        self.fingerprint_status.style().unpolish(self.fingerprint_status)
        self.fingerprint_status.style().polish(self.fingerprint_status)

    def typed_fingerprint(self) -> str:
        """What the person typed for a first package ("" when none was asked)."""
        return self.fingerprint_edit.text() if self.fingerprint_edit is not None else ""
