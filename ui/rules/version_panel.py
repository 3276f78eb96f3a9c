"""One version: status, the five-step timeline with the next action, and the tabs.

The timeline is drawn from `rules_service.view` (the procedure's derived
state), never from anything this widget remembers; after every write the
whole view is read again.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.reports import rules_documents
from desktop.services import meetings_service, rules_service
from desktop.services.rules_service import VersionView
from desktop.services.session import Session
from models.rules import procedure as proc
from ui.errors import message_text
from ui.operations import run_query
from ui.rules.article_editor import ArticleEditor
from ui.rules.opinions_tab import OpinionsTab
from ui.rules.review_tab import ReviewTab, needs_changes
from ui.rules.vote_tab import VoteTab
from ui.widgets.background import FileExporter, ask_save_path, pdf_pattern, print_html
from ui.widgets.field_message import FieldMessage
from ui.widgets.palette import AMBER, BLUE, GREEN, PALE_GREY, RED
from ui.widgets.primary_button import make_primary
from ui.widgets.record_labels import opinion_label, short_fingerprint
from ui.widgets.rule_labels import cite, status_color, status_label, step_label, trigger_label
from ui.widgets.scaled_label import ScaledLabel, scale_font
from ui.widgets.side_panel import SideBySideOrTabs

_C = "RulesTimeline"
#: Which tab holds the form of each step.
STEP_TABS = {proc.SOLICIT: 1, proc.DRAFT: 0, proc.REVIEW: 2, proc.VOTE: 3, proc.FILE: 3}


def _left_out(_exc: BaseException) -> None:
    """A detail that cannot be read (its record deleted meanwhile) is left out, not shown as an error."""


def _step_details(view: VersionView, code: str) -> list[str]:
    tr = QCoreApplication.translate
    r = view.record
    if code == proc.SOLICIT:
        if r.is_history:
            return [tr(_C, "历史版本,依据原始档案补录,不补记这一步。")]
        out = [tr(_C, "登记意见 {n} 条").format(n=len(view.opinions))]
        if r.solicitation_closed_on:
            out.append(tr(_C, "{on} 结束").format(on=r.solicitation_closed_on))
        return [",".join(out)]
    if code == proc.DRAFT:
        return [tr(_C, "草案共 {n} 条").format(n=len(view.articles))]
    if code == proc.REVIEW and r.submitted_on:
        out = [tr(_C, "{on} 报乡镇审核(指纹 {fp})").format(on=r.submitted_on,
                                                      fp=short_fingerprint(r.submitted_fingerprint))]
        if view.review is not None:
            out.append(tr(_C, "{on} {by}意见:{opinion}").format(
                on=view.review.reviewed_on, by=view.review.by, opinion=opinion_label(view.review.opinion)))
        return out
    if code == proc.VOTE and r.vote_meeting_id:
        meeting = run_query(None, lambda: meetings_service.load(r.vote_meeting_id), on_failure=_left_out).value
        if meeting is None:
            return []
        return [tr(_C, "{on} {title}").format(on=meeting.held_on.isoformat(), title=meeting.title)]
    if code == proc.FILE:
        out = []
        filing = view.filing
        if filing is not None:
            out.append(tr(_C, "{on} 报乡镇备案").format(on=filing.filed_on)
                       + (tr(_C, ",回执 {no}").format(no=filing.receipt_no) if filing.receipt_no else ""))
            if filing.correction:
                out.append(tr(_C, "乡镇责令改正:{text}").format(text=filing.correction))
        if r.published_on:
            out.append(tr(_C, "{on} 通过“{channel}”公布").format(on=r.published_on, channel=r.publish_channel))
        return out
    return []


def timeline_html(view: VersionView) -> str:
    """The five steps, vertically: done ✓ (with details), the next one, or to come."""
    tr = QCoreApplication.translate
    rows = []
    for i, step in enumerate(view.steps, start=1):
        details = [escape(d) for d in _step_details(view, step.code)]
        is_next = step.code == view.next_step
        if step.done:
            marker, color = "✓", GREEN.name()
        elif is_next and step.code == proc.REVIEW and needs_changes(view):
            # Not a dead end: the village edits the text and sends it again.
            marker, color = "▶", RED.name()
            details.append(escape(tr(_C, "下一步,请先修改条文:")))
            details += [f"<span style='color:{RED.name()}'>• {escape(message_text(m))}</span>" for m in step.blocked_by]
        elif is_next and step.blocked_by:
            marker, color = "▶", RED.name()
            details.append(escape(tr(_C, "下一步,现在还不能办理:")))
            details += [f"<span style='color:{RED.name()}'>• {escape(message_text(m))}</span>" for m in step.blocked_by]
        elif is_next:
            marker, color = "▶", BLUE.name()
            details.append(f"<span style='color:{BLUE.name()}'>" + escape(tr(_C, "下一步,可以办理。")) + "</span>")
        else:
            marker, color = "○", PALE_GREY.name()
            details.append(f"<span style='color:{PALE_GREY.name()}'>" + escape(tr(_C, "尚未进行")) + "</span>")
        for message, basis in step.warnings:
            details.append(f"<span style='color:{AMBER.name()}'>⚠ {escape(message_text(message) + cite(basis))}</span>")
        rows.append(
            f"<tr><td width='26' valign='top' style='color:{color}; font-size:large'>{marker}</td>"
            f"<td valign='top' style='padding-bottom:10px'><b>{i}. {escape(step_label(step.code))}</b>"
            + "".join(f"<br>{d}" for d in details) + "</td></tr>")
    return "<table cellspacing='0' cellpadding='2' width='100%'>" + "".join(rows) + "</table>"


class VersionPanel(QWidget):
    """The selected version. `changed(version_id)` after anything was recorded."""

    changed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None, paths=None):
        super().__init__(parent)
        self._session = session
        self.view: VersionView | None = None
        self.exporter = FileExporter(self)

        self.title_label = ScaledLabel("", 1.3, bold=True)
        self.title_label.setWordWrap(True)
        self.status_label = ScaledLabel("", 1.05, bold=True)
        self.info_label = QLabel()
        self.info_label.setProperty("role", "hint")
        self.info_label.setWordWrap(True)
        self.timeline = QTextBrowser()
        self.timeline.setOpenLinks(False)
        self.timeline.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 15)
        self.next_button = make_primary(QPushButton(self.tr("去办理下一步")))
        self.next_button.clicked.connect(self.go_to_next_step)
        self.next_hint = QLabel()
        self.next_hint.setWordWrap(True)
        self.next_hint.setProperty("role", "hint")

        self.article_editor = ArticleEditor(session)
        self.opinions_tab = OpinionsTab(session)
        self.review_tab = ReviewTab(session)
        self.vote_tab = VoteTab(session)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.article_editor, self.tr("条文"))
        self.tabs.addTab(self.opinions_tab, self.tr("征集民意"))
        self.tabs.addTab(self.review_tab, self.tr("审核"))
        self.tabs.addTab(self.vote_tab, self.tr("表决与备案"))
        from ui.rules.attachments_tab import RuleAttachmentsTab

        self.attachments_tab = RuleAttachmentsTab(session, paths)
        self.tabs.addTab(self.attachments_tab, self.tr("附件"))
        self.attachments_tab.changed.connect(self._on_attachments_count)
        scale_font(self.tabs.tabBar(), 1.05)
        self.article_editor.saved.connect(self._on_changed)
        for tab in (self.opinions_tab, self.review_tab, self.vote_tab):
            tab.changed.connect(self._on_changed)

        self.print_button = QPushButton(self.tr("打印"))
        self.print_button.setToolTip(self.tr("打印条文全文(A4)"))
        self.print_button.clicked.connect(self.print_text)
        self.export_button = QPushButton(self.tr("导出 PDF…"))
        self.export_button.clicked.connect(self.ask_export_pdf)
        self.message = FieldMessage()
        self.exporter.busy_changed.connect(self._on_busy)
        self.exporter.report_to(self.message)

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title_label)
        titles.addWidget(self.status_label)
        titles.addWidget(self.info_label)
        head.addLayout(titles, 1)
        head.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)

        progress = QWidget()
        side = QVBoxLayout(progress)
        side.setContentsMargins(0, 0, 0, 0)
        progress_title = ScaledLabel(self.tr("办理进度"), 1.08, bold=True)
        side.addWidget(progress_title)
        side.addWidget(self.timeline, 1)
        side.addWidget(self.next_hint)
        side.addWidget(self.next_button)
        # The progress column beside the tabs when there is room; on a netbook (or with the larger
        # fonts) it becomes a tab of its own: side by side the two needed 756 px at 标准, 929 at 特大.
        self.body = SideBySideOrTabs(progress, self.tabs, self.tr("办理进度"), self.tr("条文与办理"),
                                     stretch=(2, 5))
        self.body.arranged.connect(progress_title.setVisible)  # the tab says it already
        progress_title.setVisible(self.body.side_by_side())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.message)

    # ----- showing ------------------------------------------------------------------------

    def show_version(self, version_id: str | None) -> None:
        """Read `version_id` again and show it (nothing for None)."""
        if version_id is None:
            self.view = None
            return
        read = run_query(self, lambda: rules_service.view(version_id), on_failure=self.message.show_failure)
        if not read:
            return
        self.view = view = read.value
        self.title_label.setText(self.tr("{title}(第{no}版)").format(title=view.title, no=view.version_no))
        self.status_label.setText(self.tr("状态:{status}").format(status=status_label(view.status)))
        self.status_label.setStyleSheet(f"color: {status_color(view.status).name()}")
        record = view.record
        info = [self.tr("开始于 {on}").format(on=record.started_on)] if record.started_on else []
        if record.trigger:
            info.append(self.tr("修订原因:{why}").format(why=trigger_label(record.trigger)))
        if record.based_on_id:
            base = run_query(self, lambda: rules_service.version_label(record.based_on_id), on_failure=_left_out)
            if base:
                info.append(self.tr("由“{base}”修订").format(base=base.value))
        if record.is_history and record.history_note:
            info.append(record.history_note)
        errors = sum(1 for f in view.findings if f.severity == "error")
        if errors and errors == len(view.findings):  # not "7 处需要注意,其中 7 处可能违法"
            info.append(self.tr("合法性检查:{e} 处需要注意,都可能违法").format(e=errors))
        elif errors:
            info.append(self.tr("合法性检查:{n} 处需要注意,其中 {e} 处可能违法").format(n=len(view.findings), e=errors))
        elif view.findings:
            info.append(self.tr("合法性检查:{n} 处需要注意").format(n=len(view.findings)))
        self.info_label.setText(";".join(info))
        self.timeline.setHtml(timeline_html(view))
        self._show_next(view)
        self.article_editor.set_view(view)
        self.opinions_tab.set_view(view)
        self.review_tab.set_view(view)
        self.vote_tab.set_view(view)
        self.attachments_tab.set_version(view.id)

    def _on_attachments_count(self, count: int) -> None:
        index = self.tabs.indexOf(self.attachments_tab)
        self.tabs.setTabText(index, self.tr("附件({n})").format(n=count) if count else self.tr("附件"))

    def _show_next(self, view: VersionView) -> None:
        step = next((s for s in view.steps if s.code == view.next_step), None)
        if step is None:
            self.next_button.setVisible(False)
            self.next_hint.setText(self.tr("五个步骤都已完成。") if not view.record.is_history else
                                   self.tr("历史版本:依据原始档案补录,不补记程序。"))
            return
        self.next_button.setVisible(True)
        if step.code == proc.REVIEW and needs_changes(view):
            self.next_button.setText(self.tr("去修改条文"))
            self.next_hint.setText(self.tr(
                "乡镇的意见是“{opinion}”:请在“条文”中按意见修改(意见见“审核”),改好后重新报乡镇审核。").format(
                opinion=opinion_label(view.review.opinion)))
            return
        self.next_button.setText(self.tr("去办理:{step}").format(step=step_label(step.code)))
        if step.blocked_by:
            self.next_hint.setText(self.tr("现在还不能办理:") + ";".join(message_text(m) for m in step.blocked_by))
        else:
            self.next_hint.setText(self.tr("下一步:{step}").format(step=step_label(step.code)))

    def go_to_next_step(self) -> None:
        """Open the tab where the next step is recorded (the articles when the township asked for changes)."""
        if self.view and self.view.next_step:
            self.body.show_side()  # the tabs, when the progress column is a tab of its own
            if self.view.next_step == proc.REVIEW and needs_changes(self.view):
                self.tabs.setCurrentWidget(self.article_editor)
                return
            self.tabs.setCurrentIndex(STEP_TABS[self.view.next_step])

    def timeline_text(self) -> str:
        """The timeline as plain text (for tests)."""
        return self.timeline.toPlainText()

    def _on_changed(self) -> None:
        if self.view is None:
            return
        version_id = self.view.id
        tab = self.tabs.currentIndex()
        self.show_version(version_id)
        self.tabs.setCurrentIndex(tab)
        self.changed.emit(version_id)

    # ----- printing -----------------------------------------------------------------------

    def print_text(self) -> bool:
        """Print the text of the version on paper."""
        if self.view is None:
            return False
        return print_html(self, rules_documents.rule_text_html(self.view.id), self.view.title)

    def ask_export_pdf(self) -> None:
        """Ask where, then export the text as PDF."""
        if self.view is None:
            return
        path = ask_save_path(self, self.tr("导出 PDF"), f"{self.view.title}(第{self.view.version_no}版).pdf",
                             pdf_pattern(), ".pdf")
        if path is not None:
            self.export_pdf(path)

    def export_pdf(self, path: Path) -> bool:
        """Write the text of the version to `path` as an A4 PDF, in the background."""
        if self.view is None:
            return False
        return self.exporter.export_pdf(rules_documents.rule_text_html(self.view.id), path, self.view.title)

    def _on_busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy)
        if busy:
            self.message.show_hint(self.tr("正在导出 PDF……"))
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

