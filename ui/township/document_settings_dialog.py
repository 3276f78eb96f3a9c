"""公文设置: what the township adjusts on the documents it signs and on the compliance report.

机关名称 (the letterhead and the 落款), 机关简称 and the 文号 pattern of each
kind of document, 签发人, 联系人 and 电话, whether the 成文日期 is written in
汉字, the days given to correct, and the names on the report's signature
lines (a second tab). Under the patterns, the next 文号 of this year as it will
print (numbers already given counted). What is wrong is said once, on the
line above 保存 (full width, never cut by a group box), as typed and when a
save is refused. Fits 1024×600 at the largest font (two columns, two tabs).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services import document_settings, review_service
from desktop.services.session import Session
from models.roles import Permission
from models.township import documents as docs
from models.township.documents import FILING_RECEIPT, RECTIFICATION, REVIEW_OPINION, Template
from ui.operations import run_op, run_query
from ui.widgets.field_message import FieldMessage
from ui.widgets.ok_cancel import ok_cancel


class DocumentSettingsDialog(QDialog):
    """The township's document template; accepted once saved."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.setWindowTitle(self.tr("公文设置"))
        outcome = run_query(self, document_settings.template)
        t: Template = outcome.value if outcome.ok else docs.default_template("")
        self.saved: Template | None = None
        year = date.today().year
        numbers = run_query(self, lambda: review_service.next_document_numbers(year))
        #: the number the next document of each kind gets this year (the 示例 shows it)
        self._next: dict[str, int] = numbers.value if numbers.ok else {}

        self.organ_edit = QLineEdit(t.organ_name)
        self.organ_edit.setToolTip(self.tr("印在文件抬头和落款处,例如“青山镇人民政府”"))
        self.short_edit = QLineEdit(t.short_name)
        self.short_edit.setToolTip(self.tr("文号里的机关简称,例如“青山镇”或“青政”"))
        self.pattern_edits = {kind: QLineEdit(t.patterns.get(kind, docs.DEFAULT_PATTERNS[kind])) for kind in docs.KINDS}
        wide = self.fontMetrics().horizontalAdvance("{机关简称}审〔{年}〕{号}号") + 24
        for edit in (*self.pattern_edits.values(), self.organ_edit):
            edit.setMinimumWidth(wide)  # a pattern is read whole, not scrolled
        self._shown_kind = REVIEW_OPINION  # the pattern the sample line shows: the one typed last
        for kind, edit in self.pattern_edits.items():
            edit.setToolTip(self.tr("可用“{机关简称}”“{年}”“{号}”,号按年、按文件种类顺排,不会重复"))
            edit.textChanged.connect(lambda _text, k=kind: self._preview(k))
        self.short_edit.textChanged.connect(lambda _text: self._preview())
        self.signatory_edit = QLineEdit(t.signatory)
        self.contact_edit = QLineEdit(t.contact)
        self.phone_edit = QLineEdit(t.phone)
        self.chinese_date_box = QCheckBox(self.tr("成文日期用汉字(二〇二六年十二月五日)"))
        self.chinese_date_box.setChecked(t.chinese_date)
        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, 365)
        self.days_spin.setValue(t.days_to_correct)
        self.days_spin.setSuffix(self.tr(" 天"))
        self.filler_edit = QLineEdit(t.report_filler)
        self.filler_edit.setPlaceholderText(self.tr("留空:用登录人的姓名"))
        self.checker_edit = QLineEdit(t.report_checker)
        self.head_edit = QLineEdit(t.report_head)
        self.preview_label = QLabel()
        self.preview_label.setWordWrap(True)
        self.message = FieldMessage()

        documents = QFormLayout()
        documents.addRow(self.tr("机关名称:"), self.organ_edit)
        documents.addRow(self.tr("机关简称:"), self.short_edit)
        documents.addRow(self.tr("审核意见书:"), self.pattern_edits[REVIEW_OPINION])
        documents.addRow(self.tr("备案回执:"), self.pattern_edits[FILING_RECEIPT])
        documents.addRow(self.tr("改正通知书:"), self.pattern_edits[RECTIFICATION])
        documents.addRow(self.preview_label)
        people = QFormLayout()
        people.addRow(self.tr("签发人:"), self.signatory_edit)
        people.addRow(self.tr("联系人:"), self.contact_edit)
        people.addRow(self.tr("联系电话:"), self.phone_edit)
        people.addRow(self.tr("改正期限:"), self.days_spin)
        people.addRow(self.chinese_date_box)
        report = QFormLayout()
        report.addRow(self.tr("填报人:"), self.filler_edit)
        report.addRow(self.tr("审核人:"), self.checker_edit)
        report.addRow(self.tr("负责人:"), self.head_edit)
        left, right = QGroupBox(self.tr("文件抬头与文号格式")), QGroupBox(self.tr("签发与联系"))
        left.setLayout(documents)
        right.setLayout(people)
        files = QWidget()
        columns = QHBoxLayout(files)
        columns.addWidget(left, 3)
        columns.addWidget(right, 2)
        report_page = QWidget()
        report_box = QVBoxLayout(report_page)
        report_box.addLayout(report)
        note = QLabel(self.tr("印在合规报表(Excel 和 PDF)汇总表下方的签字栏;填报单位用上面的机关名称,填报日期为生成报表的日期。"))
        note.setWordWrap(True)
        report_box.addWidget(note)
        report_box.addStretch(1)
        # two tabs: on a 1024×600 screen at the largest font one page of everything was 607 px tall
        self.tabs = QTabWidget()
        self.tabs.addTab(files, self.tr("公文(&D)"))
        self.tabs.addTab(report_page, self.tr("报表签字栏(&R)"))
        self.buttons = ok_cancel(self, self.tr("保存"))
        can = session.can(Permission.REVIEW_RULES)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(can)
        #: what the line above 保存 says when nothing is wrong
        self._hint = "" if can else self.tr("只有审核人或乡镇管理员可以修改公文设置。")
        if self._hint:
            self.message.show_hint(self._hint)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._template = t
        self._preview()

    def template(self) -> Template:
        """The template as filled in."""
        return replace(
            self._template, organ_name=self.organ_edit.text(), short_name=self.short_edit.text(),
            patterns={kind: edit.text() for kind, edit in self.pattern_edits.items()},
            signatory=self.signatory_edit.text(), contact=self.contact_edit.text(), phone=self.phone_edit.text(),
            chinese_date=self.chinese_date_box.isChecked(), days_to_correct=self.days_spin.value(),
            report_filler=self.filler_edit.text(), report_checker=self.checker_edit.text(),
            report_head=self.head_edit.text())

    def _preview(self, kind: str | None = None) -> None:
        """The next 文号 of this year of the pattern typed last; what is wrong goes to the line above 保存.

        Said once: the reason stands on the full-width line (where a refused save says it too),
        the sample line only points there.
        """
        self._shown_kind = kind or self._shown_kind
        t = self.template()
        problems = docs.template_problems(replace(t, organ_name=t.organ_name or "-"))
        if problems:
            self.preview_label.setText(self.tr("示例:无法生成文号,原因见下方。"))
            self.message.show_error(str(problems[0]))
            return
        year = date.today().year
        sample = t.number(self._shown_kind, year, self._next.get(self._shown_kind, 1))
        self.preview_label.setText(self.tr("示例:{kind} {sample}").format(
            kind=QCoreApplication.translate("township_documents", docs.KIND_LABELS[self._shown_kind]), sample=sample))
        if self._hint:
            self.message.show_hint(self._hint)
        else:
            self.message.clear_message()

    def accept(self) -> None:
        """Save; stay open with the reason when refused."""
        outcome = run_op(self, lambda: document_settings.save_template(self._session, self.template()),
                         on_failure=self.message.show_failure)
        if not outcome.ok:
            return
        self.saved = outcome.value
        super().accept()
