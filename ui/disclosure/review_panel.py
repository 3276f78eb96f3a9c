"""The side of the item editor: the committee's review, the posting, and the poster.

Everyone sees the review; only a committee member's own login, on a day their
seat covers, and not the one who submitted the item, can press 通过 / 退回
(`desktop.services.duties`; others see why in words under the buttons and in
the tooltip, and the secretary reads “等待监委会审核”). The service checks all of
it and the dates again.
"""

from __future__ import annotations

from datetime import timedelta
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import disclosure_service as ds
from desktop.services import duties, ui_support_disclosure
from desktop.services.session import Session
from desktop.services.ui_support_disclosure import ItemDetail
from models.meetings.quorum import ERROR
from models.roles import Permission
from models.stored_values import stored_date
from ui.disclosure import printing
from ui.errors import message_text
from ui.operations import run_op
from ui.widgets import background
from ui.widgets.background import FileExporter
from ui.widgets.disclosure_labels import channel_label
from ui.widgets.field_message import FieldMessage
from ui.widgets.findings import finding_text
from ui.widgets.forms import date_edit, section, to_date
from ui.widgets.palette import AMBER, GREEN, RED
from ui.widgets.primary_button import make_primary


def _cn_date(iso: str) -> str:
    return iso or "—"


def _bold(color: QColor, text: str) -> str:
    """`text` in bold, in a palette colour (rich text)."""
    return f"<b style='color:{color.name()}'>{text}</b>"


class ReviewSection(QWidget):
    """监委会审核: what happened so far, and 通过 / 退回 for the committee."""

    reviewed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.detail: ItemDetail | None = None
        self.card, layout = section(self.tr("监委会审核"))
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setTextFormat(Qt.TextFormat.RichText)
        self.date_edit = date_edit()
        self.date_edit.dateChanged.connect(lambda _d: self._enable())
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)  # Tab leaves the box (keyboard users were trapped in it)
        self.reason_edit.setPlaceholderText(self.tr("退回时写明理由,例如:第 3 行“其他支出”请写明用途"))
        self.why_label = QLabel()  # why this login may not sign, in words (and what to do)
        self.why_label.setWordWrap(True)
        self.why_label.setProperty("role", "hint")
        self.reason_edit.setMaximumHeight(self.fontMetrics().height() * 3 + 12)
        self.approve_button = make_primary(QPushButton(self.tr("审核通过")))
        self.return_button = QPushButton(self.tr("退回修改"))
        self.approve_button.clicked.connect(self.approve)
        self.return_button.clicked.connect(self.send_back)
        self.message = FieldMessage()
        form = QFormLayout()
        form.addRow(self.tr("审核日期:"), self.date_edit)
        form.addRow(self.tr("意见/理由:"), self.reason_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.return_button)
        buttons.addStretch(1)
        layout.addWidget(self.state_label)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.why_label)
        layout.addWidget(self.message)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.card)

    def can_review(self) -> bool:
        """Whether this login is the committee's kind (the member check comes with `why_not`)."""
        return self._session.can(Permission.COMMITTEE_REVIEW)

    def why_not(self) -> str:
        """Why this login may not sign the shown item on the chosen date ("" when it may)."""
        if self.detail is None:
            return ""
        reason = duties.why_not_review(self._session, to_date(self.date_edit), self.detail.submitted_by)
        return message_text(reason) if reason is not None else ""

    def show_item(self, d: ItemDetail) -> None:
        """Show the review state of `d` and enable what may be done."""
        self.detail = d
        lines = []
        if d.submitted_on:
            lines.append(self.tr("提交审核:{day}").format(day=escape(d.submitted_on)))
        if d.review_result == "approved":
            lines.append(_bold(GREEN, self.tr("审核通过")) + self.tr(":{day},{who}").format(
                day=escape(d.reviewed_on), who=escape(d.reviewed_by)))
        elif d.review_result == "returned":
            lines.append(_bold(RED, self.tr("退回修改")) + self.tr(":{day},{who}").format(
                day=escape(d.reviewed_on), who=escape(d.reviewed_by)))
        if d.review_reason:
            lines.append(self.tr("意见:{reason}").format(reason=escape(d.review_reason)))  # rich label: escaped
        in_review = d.status == "in_review"
        if in_review and not self.can_review():
            lines.append(_bold(AMBER, self.tr("等待监委会审核。"))
                         + self.tr("监委会成员用自己的账号登录后在这里签署意见。"))
        elif in_review:
            lines.append(_bold(AMBER, self.tr("请审核:")) + self.tr("核对收支明细和凭证后,通过或写明理由退回。"))
        elif d.status == "returned":
            # Not "还没有提交": it was submitted (the line above says when) and came back with a reason.
            lines.append(self.tr("等村文书按意见修改后重新提交审核。"))
        elif d.status == "draft":
            lines.append(self.tr("还没有提交监委会审核。"))
        self.state_label.setText("<br>".join(lines))
        self._enable()
        self.message.clear_message()

    def _enable(self) -> None:
        """The buttons for a member who may sign on the chosen date; the reason in words for everyone else."""
        d = self.detail
        in_review = d is not None and d.status == "in_review"
        why = self.why_not() if in_review else ""
        actionable = in_review and not why
        for w in (self.approve_button, self.return_button, self.reason_edit):
            w.setEnabled(actionable)
        self.date_edit.setEnabled(in_review and self.can_review())  # a member may sign for an earlier day
        if actionable:
            tip = ""
        elif not in_review:
            tip = self.tr("这项内容现在不在审核中。")
        elif not self.can_review():
            tip = self.tr("只有监委会成员可以审核;您的账号只能查看。") + "\n" + why
        else:
            tip = why
        for w in (self.approve_button, self.return_button):
            w.setToolTip(tip)
        self.why_label.setText(why)
        self.why_label.setVisible(bool(why))

    def approve(self) -> bool:
        """通过."""
        return self._review(True)

    def send_back(self) -> bool:
        """退回 with the reason typed."""
        return self._review(False)

    def _review(self, approve: bool) -> bool:
        if self.detail is None:
            return False
        item_id = self.detail.id
        if not run_op(self, lambda: ds.review(self._session, item_id, to_date(self.date_edit), approve,
                                              self.reason_edit.toPlainText()),
                      on_failure=self.message.show_failure):
            return False
        self.reason_edit.clear()
        self.reviewed.emit()
        return True


class PostingSection(QWidget):
    """登记公开: the date, the channels and the takedown date, once the committee approved."""

    posted = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.detail: ItemDetail | None = None
        self.card, layout = section(self.tr("张贴公开"))
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.posted_edit = date_edit()
        self.posted_edit.dateChanged.connect(self._follow_posted)
        self.channel_boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for n, channel in enumerate(ds.CHANNELS):
            box = QCheckBox(channel_label(channel))
            box.setChecked(n == 0)
            self.channel_boxes[channel] = box
            grid.addWidget(box, n // 2, n % 2)
        grid.setColumnStretch(2, 1)  # the boxes as wide as their text, also in a wide tab
        channels = QWidget()
        channels.setLayout(grid)
        self.takedown_box = QCheckBox(self.tr("撤下日期:"))
        self.takedown_edit = date_edit()
        self.takedown_edit.setEnabled(False)
        self.takedown_box.toggled.connect(self.takedown_edit.setEnabled)
        self.post_button = make_primary(QPushButton(self.tr("登记公开")))
        self.post_button.clicked.connect(self.post)
        self.message = FieldMessage()
        form = QFormLayout()
        form.addRow(self.tr("公开日期:"), self.posted_edit)
        form.addRow(self.tr("公开方式:"), channels)
        form.addRow(self.takedown_box, self.takedown_edit)
        layout.addWidget(self.state_label)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.post_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.card)
        self._follow_posted()

    def _follow_posted(self, *_args) -> None:
        days = ui_support_disclosure.min_posting_days() or 15
        posted = to_date(self.posted_edit)
        self.takedown_edit.setDate(posted + timedelta(days=days))

    def show_item(self, d: ItemDetail) -> None:
        """The posting of `d`, or the form when it is approved and not yet posted."""
        self.detail = d
        if d.posted_on:
            text = self.tr("已于 {day} 公开({channels})").format(
                day=d.posted_on, channels="、".join(channel_label(c) for c in d.channels))
            if d.takedown_on:
                text += self.tr(",{day} 撤下").format(day=d.takedown_on)
            self.state_label.setText(text + "。")
        elif d.status == "approved":
            self.state_label.setText(self.tr("监委会已审核通过,贴出后在这里登记。"))
            reviewed = stored_date(d.reviewed_on)  # None when empty or bad (an older import)
            if reviewed is not None:
                if to_date(self.posted_edit) < reviewed:
                    self.posted_edit.setDate(reviewed)
        else:
            self.state_label.setText(self.tr("须经监委会审核通过后才能公开。"))
        can = d.status == "approved" and self._session.can(Permission.EDIT_RECORDS)
        for w in (self.posted_edit, self.takedown_box, self.post_button, *self.channel_boxes.values()):
            w.setEnabled(can)
        self.takedown_edit.setEnabled(can and self.takedown_box.isChecked())
        self.post_button.setToolTip("" if can else self.tr("须经监委会审核通过,且由村文书登记。"))
        self.message.setStyleSheet("")
        self.message.clear_message()

    def post(self) -> bool:
        """登记公开; warnings of the profile are shown in amber."""
        if self.detail is None:
            return False
        channels = [c for c, box in self.channel_boxes.items() if box.isChecked()]
        takedown = to_date(self.takedown_edit) if self.takedown_box.isChecked() else None
        item_id = self.detail.id
        posted = run_op(self, lambda: ds.post(self._session, item_id, to_date(self.posted_edit), channels, takedown),
                        on_failure=self.message.show_failure)
        if not posted:
            return False
        findings = posted.value
        self.posted.emit()
        warnings = [finding_text(f) for f in findings if f.severity != ERROR]
        if warnings:
            self.message.show_hint("\n".join(warnings))
            self.message.setStyleSheet(f"color: {AMBER.name()};")
        else:
            self.message.show_ok(self.tr("已登记公开。"))
        return True


class PosterSection(QWidget):
    """打印 / 导出 PDF of the 公开栏 poster, A4 portrait or A3 landscape."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.item_id: str | None = None
        self.title = ""
        self.exporter = FileExporter(self)
        self.card, layout = section(self.tr("公开栏张贴稿"))
        self.paper_combo = QComboBox()
        for code, _page, _landscape in printing.PAPERS:
            self.paper_combo.addItem(printing.paper_label(code), code)
        self.paper_combo.setCurrentIndex(1)
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.clicked.connect(self.print_poster)
        self.pdf_button = QPushButton(self.tr("导出 PDF…"))
        self.pdf_button.clicked.connect(self.ask_export)
        self.message = FieldMessage()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("纸张:")))
        row.addWidget(self.paper_combo, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        layout.addLayout(row)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.card)
        self.exporter.busy_changed.connect(self._on_busy)
        self.exporter.report_to(self.message)

    def show_item(self, d: ItemDetail) -> None:
        """The item whose poster these buttons make."""
        self.item_id, self.title = d.id, d.title

    def set_paper(self, code: str) -> None:
        """Choose "a4" or "a3" (as the combo would)."""
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(code))

    def print_poster(self) -> bool:
        """The print dialog, then the poster."""
        if self.item_id is None:
            return False
        return printing.print_poster(self, self.item_id, self.title, self.paper_combo.currentData())

    def ask_export(self) -> None:
        """Ask where to save, then `export_pdf`."""
        path = background.ask_save_path(self, self.tr("导出 PDF"), self.title + ".pdf",
                                        background.pdf_pattern(), ".pdf")
        if path is not None:
            self.export_pdf(path)

    def export_pdf(self, path: Path, paper: str | None = None) -> bool:
        """Write the poster to `path` on a worker thread (paper "a4"/"a3", default the combo's)."""
        if self.item_id is None:
            return False
        if paper:
            self.set_paper(paper)
        return printing.export_poster(self.exporter, self.item_id, self.title, Path(path),
                                      self.paper_combo.currentData())

    def _on_busy(self, busy: bool) -> None:
        self.pdf_button.setEnabled(not busy)
        if busy:
            self.message.show_hint(self.tr("正在导出 PDF……"))
