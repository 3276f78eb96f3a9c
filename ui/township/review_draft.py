"""One submitted draft at the township: articles with findings beside them, comments, the diff.

The first row is the whole text (意见 on 全文); each other row is an article
with what the legality check found in it and the township's comments. A
comment is typed under the table for the selected row (Ctrl+Enter adds it).
The second tab compares the draft with the village's version in force.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.reports import rules_documents, township_documents
from desktop.services import review_service
from desktop.services.review_service import CommentRow, DraftView
from desktop.services.session import Session
from models.roles import Permission
from models.rules.diff import summarize
from ui.errors import message_text
from ui.fonts import font_notifier
from ui.operations import run_op
from ui.township.document_printer import DocumentPrinter
from ui.township.review_draft_model import (
    COMMENTS,
    FINDINGS,
    LABEL,
    TEXT,
    DraftLine,
    ReviewDraftModel,
)
from ui.township.review_opinion_dialog import ReviewOpinionDialog
from ui.township.review_widgets import queue_state_label
from ui.widgets.enter_key import on_enter
from ui.widgets.field_message import FieldMessage
from ui.widgets.findings import reasons_text
from ui.widgets.palette import AMBER, BANNER_STYLE
from ui.widgets.primary_button import make_primary
from ui.widgets.record_labels import opinion_label, short_fingerprint
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.shrinking_columns import ShrinkingColumns
from ui.widgets.tables import read_only_view


class ReviewDraftPanel(QWidget):
    """The reviewer's view of one draft. `back()` returns to the queue; `changed()` after a write."""

    back = Signal()
    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.view: DraftView | None = None
        self.dialog: ReviewOpinionDialog | None = None
        self._can = session.can(Permission.REVIEW_RULES)

        self.back_button = QPushButton(self.tr("← 返回列表"))
        self.back_button.setToolTip(self.tr("回到待审核列表(Esc)"))
        self.back_button.clicked.connect(self.back)
        self.title_label = ScaledLabel("", 1.2, bold=True)
        self.title_label.setWordWrap(True)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.info_label.setTextFormat(Qt.TextFormat.RichText)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)

        self.model = ReviewDraftModel(self)
        self.table = read_only_view(self.model, TEXT, sortable=False)  # row n is 第n条: the draft's own order
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        # 内容 is what the reviewer reads: at 特大 on 1024×600 it was squeezed to one character a line,
        # and then, kept at 14 characters beside the fixed 合法性检查/审查意见, it made the page 958 px
        # wide of 822 (sideways). The other columns now shrink towards floors (wrapped, the tooltip
        # has all) before 内容 goes under 12 characters.
        column_chars = {LABEL: 4, TEXT: 0, FINDINGS: 12.5, COMMENTS: 10.5}
        for column, chars in column_chars.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if chars == 0
                                        else QHeaderView.ResizeMode.Interactive)
        self._columns = ShrinkingColumns(self.table, [column_chars[c] for c in range(4)],
                                         [{LABEL: 3.5, TEXT: 0, FINDINGS: 6, COMMENTS: 5}[c] for c in range(4)],
                                         stretch_chars=12)
        font_notifier().changed.connect(self._columns.resize_columns)
        # Row heights follow the wrapped text, so they must be measured again whenever a column's width
        # changes — above all when the panel first comes on screen: a draft is filled while the panel
        # is still hidden, with a narrow text column, and its rows would stay many lines tall.
        self._row_heights = QTimer(self)
        self._row_heights.setSingleShot(True)
        self._row_heights.setInterval(0)
        self._row_heights.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(self._row_heights.start)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.diff_summary = QLabel()
        self.diff_summary.setWordWrap(True)
        self.diff_browser = QTextBrowser()
        self.diff_browser.setOpenLinks(False)
        diff_page = QWidget()
        diff_layout = QVBoxLayout(diff_page)
        diff_layout.setContentsMargins(0, 6, 0, 0)
        diff_layout.addWidget(self.diff_summary)
        diff_layout.addWidget(self.diff_browser, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, self.tr("条文与审查(&T)"))
        self.tabs.addTab(diff_page, self.tr("与现行版本对照(&D)"))

        self.comment_label = QLabel()
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setTabChangesFocus(True)
        self.comment_edit.setMaximumHeight(self.fontMetrics().height() * 4)
        self.comment_edit.setPlaceholderText(self.tr("对所选条文的意见,例如“此条侵害出嫁女权益,请删除”"))
        self.comment_label.setBuddy(self.comment_edit)
        self.add_comment_button = QPushButton(self.tr("添加意见"))
        self.add_comment_button.setToolTip(self.tr("把意见记在所选条文旁边(Ctrl+回车)"))
        self.add_comment_button.clicked.connect(self.add_comment)
        on_enter(self.comment_edit, self.add_comment, Qt.KeyboardModifier.ControlModifier)
        self.remove_comment_button = QPushButton(self.tr("撤回这条的意见"))
        self.remove_comment_button.setToolTip(self.tr("撤回所选条文上最近写的一条意见(登记审核意见之前可以撤回)"))
        self.remove_comment_button.clicked.connect(self.remove_comment)
        self.opinion_button = make_primary(QPushButton(self.tr("登记审核意见…")))
        self.opinion_button.clicked.connect(self.open_opinion)
        self.message = FieldMessage()
        self.printer = DocumentPrinter(self, self.message)
        self.printer.exporter.busy_changed.connect(self._on_selection)
        self.print_button = QPushButton(self.tr("打印审核意见书…"))
        self.print_button.setToolTip(self.tr(
            "把已登记的审核意见(逐条意见和依据)存为 PDF 或 Word,盖章后交给村里(第一次打印时编文号)"))
        self.print_button.clicked.connect(lambda: self.print_opinion())

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title_label, 1)
        comment_row = QHBoxLayout()
        comment_row.addWidget(self.comment_edit, 1)
        comment_buttons = QVBoxLayout()
        comment_buttons.addWidget(self.add_comment_button)
        comment_buttons.addWidget(self.remove_comment_button)
        comment_buttons.addStretch(1)
        comment_row.addLayout(comment_buttons)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.opinion_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.info_label)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.comment_label)
        layout.addLayout(comment_row)
        layout.addLayout(bottom)

    # ----- showing ----------------------------------------------------------------------

    def show_draft(self, version_id: str) -> None:
        """Load and show the draft `version_id`."""
        self.view = review_service.draft(version_id)
        self._fill()
        self.table.selectRow(0)
        self.table.setFocus()

    def reload(self) -> None:
        """Read the shown draft again, keeping the selected row."""
        if self.view is None:
            return
        row = max(self._current_row(), 0)
        self.view = review_service.draft(self.view.version_id)
        self._fill()
        self.table.selectRow(min(row, self.model.rowCount() - 1))

    def _fill(self) -> None:
        v = self.view
        self.title_label.setText(self.tr("{village}:{title}(第{no}版)").format(
            village=v.village_name, title=v.title, no=v.version_no))
        parts = [self.tr("{on} 报乡镇审核,文本指纹 {fp},共 {n} 条。状态:{state}。").format(
            on=v.submitted_on, fp=short_fingerprint(v.submitted_fingerprint), n=len(v.articles),
            state=queue_state_label(v.state))]
        if v.review is not None:
            parts.append(self.tr("乡镇已于 {on} 登记意见:<b>{opinion}</b>({by})。{text}").format(
                on=v.review.reviewed_on, opinion=opinion_label(v.review.opinion), by=escape(v.review.reviewer),
                text=escape(v.review.text)))
        if v.self_declared:  # the village's own paper opinion: a claim to check, the reviewer still decides
            parts.append(f"<span style='color:{AMBER.name()}'>"
                         + escape(self.tr("村里自报已审核(乡镇无审核记录,请核实)")) + "</span>")
        self.info_label.setText("<br>".join(escape(p) if i == 0 else p for i, p in enumerate(parts)))
        self.banner.setVisible(bool(v.blocked_by))
        self.banner.setText(reasons_text(list(v.blocked_by)))

        lines = [DraftLine(self.tr("全文"), self.tr("(对整份草案的意见)"), (), tuple(v.general_comments),
                           whole_text=True)]
        lines += [DraftLine(a.label or str(a.position), a.text, tuple(a.findings), tuple(a.comments), a.chapter or "")
                  for a in v.articles]
        self.model.set_rows(lines)
        self.table.resizeRowsToContents()
        self._fill_diff()
        self._on_selection()

    def _fill_diff(self) -> None:
        v = self.view
        if v.in_force_id is None:
            self.diff_summary.setText(self.tr("该村还没有生效的版本,这是第一版,没有可以对照的文本。"))
            self.diff_browser.clear()
            return
        s = summarize(list(v.diff))
        self.diff_summary.setText(self.tr(
            "与现行的“{base}”相比:新增 {a} 条,删除 {r} 条,修改 {c} 条,调整位置 {m} 条,未修改 {u} 条。").format(
            base=v.in_force_label, a=s.added, r=s.removed, c=s.changed, m=s.moved, u=s.unchanged))
        self.diff_browser.setHtml(rules_documents.diff_html(v.in_force_id, v.version_id, only_changes=True))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Esc (not taken by a child) goes back to the list."""
        if event.key() == Qt.Key.Key_Escape:
            self.back.emit()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Wrapped rows grow or shrink with the width."""
        super().resizeEvent(event)
        self.table.resizeRowsToContents()

    def _position(self) -> int | None:
        row = self._current_row()
        return row if self.view is not None and 0 <= row <= len(self.view.articles) else None

    def _current_row(self) -> int:
        selected = self.table.selectionModel().selectedRows()
        return selected[0].row() if selected else -1

    def _comments_at(self, position: int) -> tuple[CommentRow, ...]:
        if position == 0:
            return self.view.general_comments
        return self.view.articles[position - 1].comments

    def _on_selection(self, *_args) -> None:
        position = self._position()
        self.print_button.setEnabled(self.view is not None and self.view.review is not None
                                     and not self.printer.is_busy())
        can = bool(self._can and self.view is not None and self.view.can_review)
        if position is None:
            self.comment_label.setText(self.tr("在上面选中一条,再写意见:"))
        elif position == 0:
            self.comment_label.setText(self.tr("对全文的意见(&C):"))
        else:
            label = self.view.articles[position - 1].label or str(position)
            self.comment_label.setText(self.tr("对{label}的意见(&C):").format(label=label))
        for widget in (self.comment_edit, self.add_comment_button):
            widget.setEnabled(can and position is not None)
        self.remove_comment_button.setEnabled(can and position is not None and bool(self._comments_at(position)))
        self.opinion_button.setEnabled(can)
        if not self._can:
            self.opinion_button.setToolTip(self.tr("只有审核人或乡镇管理员可以登记审核意见。"))
        elif self.view is not None and self.view.blocked_by:
            self.opinion_button.setToolTip(message_text(self.view.blocked_by[0]))
        else:
            self.opinion_button.setToolTip(self.tr("同意、修改后同意或不同意;意见随回执数据包发回该村"))

    # ----- acting -------------------------------------------------------------------------

    def add_comment(self) -> bool:
        """Add the typed comment to the selected row."""
        position = self._position()
        if position is None or self.view is None:
            return False
        view, text = self.view, self.comment_edit.toPlainText()
        if not run_op(self, lambda: review_service.add_comment(self._session, view.version_id, position, text,
                                                               seen_fingerprint=view.submitted_fingerprint),
                      on_failure=self.message.show_failure):
            return False
        self.comment_edit.clear()
        self.message.show_ok(self.tr("意见已记下,登记审核意见时一起发回该村。"))
        self.reload()
        self.comment_edit.setFocus()
        return True

    def remove_comment(self) -> bool:
        """Withdraw the latest comment on the selected row."""
        position = self._position()
        if position is None:
            return False
        comments = self._comments_at(position)
        if not comments:
            return False
        if not run_op(self, lambda: review_service.remove_comment(self._session, comments[-1].id),
                      on_failure=self.message.show_failure):
            return False
        self.message.show_ok(self.tr("已撤回。"))
        self.reload()
        return True

    def open_opinion(self) -> ReviewOpinionDialog | None:
        """The opinion dialog for the shown draft."""
        if self.view is None:
            return None
        self.dialog = ReviewOpinionDialog(self._session, self.view, self)
        self.dialog.accepted.connect(self._on_opinion_recorded)
        self.dialog.open()
        return self.dialog

    def print_opinion(self, path=None) -> bool:
        """Save the 审核意见书 of the opinion recorded on the shown draft; False if nothing started."""
        if self.view is None or self.view.review is None:
            return False
        session, version_id = self._session, self.view.version_id
        return self.printer.save(lambda: township_documents.review_opinion(session, version_id),
                                 self.tr("保存审核意见书"), path)

    def _on_opinion_recorded(self) -> None:
        self.reload()
        self.message.show_ok(self.tr("审核意见已登记,会随下一个回执数据包发回{village};"
                                     "书面的审核意见书点“打印审核意见书…”。").format(village=self.view.village_name))
        self.print_button.setFocus()
        self.changed.emit()
