"""One disclosure item: its content or financial table, the committee's review, the posting, the poster.

Left: what villagers will read (the text, or for 财务 the table editor with
its live balance check), with 保存草稿 and 提交监委会审核. Right: the review,
the posting and the poster (on a narrow screen these two are tabs, see
`ui.widgets.side_panel`). A submitted table is read-only; a returned one
can be corrected and submitted again.

An `ui.widgets.unsaved.UnsavedEditor`: what is typed (the text, 期初/期末余额,
the rows as typed) is compared with what was last loaded or saved; closing
with a difference asks 保存 / 不保存 / 取消, and the typing is kept as a draft
a few seconds after each change until it is saved (恢复未保存的内容 after a
crash puts it back through `DisclosurePage.open_for_draft`).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import disclosure_service as ds
from desktop.services import ui_support_disclosure
from desktop.services.session import Session
from desktop.services.ui_support_disclosure import ItemDetail
from models.disclosure import catalogue as cat
from models.meetings.quorum import ERROR
from models.roles import Permission
from ui.disclosure.ledger_import_dialog import LedgerImportDialog
from ui.disclosure.review_panel import PosterSection, PostingSection, ReviewSection
from ui.disclosure.table_editor import FinancialTableEditor
from ui.operations import run_op, run_query
from ui.widgets.disclosure_labels import (
    category_label,
    period_label,
    status_color,
    status_label,
    subject_label,
)
from ui.widgets.field_message import FieldMessage
from ui.widgets.forms import date_edit, to_date
from ui.widgets.primary_button import make_primary
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.screen_fit import resize_within_screen, scroll_dialog_body
from ui.widgets.scroll import transparent_scroll
from ui.widgets.side_panel import SideBySideOrTabs
from ui.widgets.unsaved import EditGuard, ask_leave


def _left_as_is(_exc: BaseException) -> None:
    """The item could not be read again (deleted meanwhile): the editor keeps what it shows."""


class ItemEditor(QDialog):
    """Edit, submit, review, post and print one item. `changed(item_id)` after every saved step."""

    changed = Signal(str)

    def __init__(self, session: Session, item_id: str, parent: QWidget | None = None, paths=None):
        super().__init__(parent)
        self._session = session
        self.item_id = item_id
        self.detail: ItemDetail = ui_support_disclosure.item_detail(item_id)
        self.import_dialog: LedgerImportDialog | None = None
        self._saved_state: dict = {}  # what was last loaded or saved, as `draft_state` gives it
        self._force_close = False
        self.pending_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("村务公开:{title}").format(title=self.detail.title))
        self.is_finance = self.detail.category == cat.FINANCE

        self.title_label = ScaledLabel("", 1.3, bold=True)
        self.title_label.setWordWrap(True)
        self.meta_label = QLabel()
        self.meta_label.setTextFormat(Qt.TextFormat.RichText)
        self.content_view = QPlainTextEdit()
        self.content_view.setReadOnly(True)
        self.content_view.setPlaceholderText(self.tr("(没有正文)"))
        self.table_editor = FinancialTableEditor()
        self.table_editor.changed.connect(self._update_buttons)
        self.table_editor.import_requested.connect(self.open_import)
        self.table_editor.model.set_month(self.detail.period if self.detail.period_kind == cat.MONTH else "")
        self.save_button = QPushButton(self.tr("保存草稿"))
        self.save_button.clicked.connect(self.save_draft)
        self.submit_date = date_edit()
        self.submit_button = make_primary(QPushButton(self.tr("提交监委会审核")))
        self.submit_button.clicked.connect(self.submit)
        self.message = FieldMessage()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        if self.is_finance:
            self.content_view.setMaximumHeight(self.fontMetrics().height() * 4)
            # Always in the layout: left out when the item had no text, `_refresh` showing it for a
            # draft made it a window of its own at the screen's corner, left there after closing.
            left_layout.addWidget(self.content_view)
            left_layout.addWidget(self.table_editor, 1)
            if not self.detail.content:
                self.content_view.hide()
        else:
            self.table_editor.hide()
            left_layout.addWidget(QLabel(self.tr("公开内容:")))
            left_layout.addWidget(self.content_view, 1)
        left_layout.addWidget(self.message)

        self.review_section = ReviewSection(session)
        self.review_section.reviewed.connect(self._after_step)
        self.posting_section = PostingSection(session)
        self.posting_section.posted.connect(self._after_step)
        self.poster_section = PosterSection()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 4, 0)
        side_layout.addWidget(self.review_section)
        side_layout.addWidget(self.posting_section)
        side_layout.addWidget(self.poster_section)
        from ui.disclosure.attachments_section import ItemAttachments

        self.attachments = ItemAttachments(session, paths)
        self.attachments.set_item(item_id)
        self.attachments.setMinimumHeight(self.fontMetrics().height() * 14)
        side_layout.addWidget(self.attachments)
        side_layout.addStretch(1)
        em = self.fontMetrics().horizontalAdvance("国")
        side.setMaximumWidth(em * 44)  # as a tab of a wide window: cards of a readable width, not stretched
        side_scroll = transparent_scroll(side)
        self.side_scroll = side_scroll
        side_scroll.setMinimumWidth(em * 26)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        # Side by side when both fit; on a 1024×600 netbook (or with the 大 font) two tabs, so the
        # dialog never scrolls sideways with the review column cut at the screen's edge.
        self.panes = SideBySideOrTabs(left, side_scroll,
                                      self.tr("收支明细") if self.is_finance else self.tr("公开内容"),
                                      self.tr("审核、张贴与附件"))
        self._step_status = ""  # the status the tabs were last turned to (see `_show_step_tab`)
        self.panes.arranged.connect(self._on_arranged)
        close_button = QPushButton(self.tr("关闭"))
        close_button.clicked.connect(self.close)
        # 保存草稿 and 提交 sit in the fixed row with 关闭: on a 1024×600 screen the body scrolls,
        # and they were below its visible part.
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_button)
        bottom.addSpacing(16)
        bottom.addWidget(QLabel(self.tr("提交日期:")))
        bottom.addWidget(self.submit_date)
        bottom.addWidget(self.submit_button)
        bottom.addStretch(1)
        bottom.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)
        layout.addWidget(self.panes, 1)
        layout.addLayout(bottom)
        scroll_dialog_body(self, bottom)
        # Wide enough for the two panes side by side when the screen allows (a 1366 screen with the 大 font).
        resize_within_screen(self, max(1240, self.sizeHint().width()), 780)
        self.guard = EditGuard(self, area="disclosure")
        self.reload(table=True)
        self.table_editor.changed.connect(self._on_typed)
        self.content_view.textChanged.connect(self._on_typed)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Enter belongs to the table and the fields (it moves on), never to a default button."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    # --- state ------------------------------------------------------------------

    def editable(self) -> bool:
        """A draft or a returned item, for a session that edits records."""
        return self.detail.status in ("draft", "returned") and self._session.can(Permission.EDIT_RECORDS)

    def reload(self, table: bool = False) -> None:
        """Re-read the item (and, with `table`, its saved financial table)."""
        self.detail = d = ui_support_disclosure.item_detail(self.item_id)
        self.title_label.setText(d.title)
        color = status_color(d.status).name()
        self.meta_label.setText(
            escape(f"{category_label(d.category)} · {subject_label(d.subject)} · "
                   f"{period_label(d.period_kind, d.period)}")
            + " · " + self.tr("状态:") + f"<b style='color:{color}'>{escape(status_label(d.status))}</b>")
        if self.content_view.toPlainText() != d.content:
            self.content_view.setPlainText(d.content)
        self.content_view.setReadOnly(not self.editable())
        if self.is_finance and self.editable():
            self.content_view.show()
        if table and self.is_finance:
            opening, closing, lines = ds.table(d.id)
            self.table_editor.set_editable(self.editable())
            self.table_editor.set_carried(ds.carried_opening(d.id) if self.editable() else None)
            self.table_editor.set_table(opening, closing, lines)
        for section in (self.review_section, self.posting_section, self.poster_section):
            section.show_item(d)
        if d.status != self._step_status:
            self._step_status = d.status
            self._show_step_tab()
        self._update_buttons()
        if table or not self.is_finance:
            self._saved_state = self.draft_state()
        else:
            self._saved_state = {**self._saved_state, "content": d.content}

    def _show_step_tab(self) -> None:
        """As tabs (a narrow screen): a draft shows what is typed, an item past that its review and posting.

        After 提交 the secretary reads “等待监委会审核” without looking for it;
        the committee opens a submitted item on 通过 / 退回, the table one tab away.
        """
        if self.editable():
            self.panes.show_main()
        else:
            self.panes.show_side()

    def _on_arranged(self, side_by_side: bool) -> None:
        if not side_by_side:
            self._show_step_tab()

    def _update_buttons(self) -> None:
        editable = self.editable()
        self.save_button.setEnabled(editable)
        self.submit_date.setEnabled(editable)
        why = ""
        if not editable:
            why = (self.tr("已经提交审核或已经公开,不能再修改。") if self._session.can(Permission.EDIT_RECORDS)
                   else self.tr("您的账号只能查看。"))
        elif self.is_finance and self.table_editor.input_errors():
            why = self.tr("有金额看不懂(红色格子),请先改正。")
        elif self.is_finance and not self.table_editor.lines():
            why = self.tr("还没有填写收支明细。")
        elif self.is_finance and not self.table_editor.is_balanced():
            # The reason itself, not "see below": at 1024×600 the red lines under the table are out of view.
            why = self.tr("账不平或明细不全,不能提交:{reasons}").format(
                reasons=";".join(self.table_editor.blocking_reasons()) or self.tr("见表格下方的红字。"))
        self.submit_button.setEnabled(not why)
        self.submit_button.setToolTip(why)

    def _after_step(self) -> None:
        self.reload(table=True)
        self.changed.emit(self.item_id)
        # The pressed 审核通过/退回修改 went grey and the focus (and the side panel's scroll with it)
        # jumped on to 公开栏张贴稿: bring the outcome back into view once the new texts are laid out.
        QTimer.singleShot(0, self, self._show_review_outcome)

    def _show_review_outcome(self) -> None:
        self.side_scroll.ensureWidgetVisible(self.review_section.state_label)

    # --- actions ----------------------------------------------------------------

    def save_draft(self) -> bool:
        """Save the text and the table as typed (an unbalanced draft is kept; the check says what is wrong)."""
        if not self._save_draft():
            return False
        self._saved_state = self.draft_state()
        self.guard.settled()
        return True

    def _save_draft(self) -> bool:
        if self.content_view.toPlainText() != self.detail.content:
            text = self.content_view.toPlainText()
            if not run_op(self, lambda: ds.update_item(self._session, self.item_id, text),
                          on_failure=self.message.show_failure):
                return False
            self.detail = ui_support_disclosure.item_detail(self.item_id)
            self._saved_state = {**self._saved_state, "content": text}
        if not self.is_finance:
            self.message.show_ok(self.tr("草稿已保存。"))
            self.changed.emit(self.item_id)
            return True
        self.table_editor.view.commit_editor()
        errors = self.table_editor.input_errors()
        if errors:
            self.message.show_error(self.tr("没有保存:{reasons}").format(reasons=";".join(errors)))
            return False
        saved = run_op(self, lambda: ds.save_table(self._session, self.item_id, self.table_editor.opening_fen(),
                                                   self.table_editor.closing_fen(), self.table_editor.lines()),
                       on_failure=self.message.show_failure)
        if not saved:
            return False
        findings = saved.value
        if any(f.severity == ERROR for f in findings):
            self.message.show_hint(self.tr("草稿已保存。账还没有平,改好后才能提交审核。"))
        else:
            self.message.show_ok(self.tr("草稿已保存。"))
        self.changed.emit(self.item_id)
        return True

    def submit(self) -> bool:
        """Save what is on screen, then send it to the 监委会."""
        if not self.save_draft():
            return False
        if not run_op(self, lambda: ds.submit(self._session, self.item_id, to_date(self.submit_date)),
                      on_failure=self.message.show_failure):
            return False
        self.reload(table=True)
        self.message.show_ok(self.tr("已提交监委会审核。"))
        self.changed.emit(self.item_id)
        return True

    # --- unsaved work (ui.widgets.unsaved.UnsavedEditor) -------------------------------------

    def is_dirty(self) -> bool:
        """Typed text, balances or rows differ from what was last loaded or saved (a draft being edited)."""
        return self.editable() and self.draft_state() != self._saved_state

    def save(self) -> bool:
        """保存: the draft as typed (refused with the reason shown, e.g. an amount that is not money)."""
        self.table_editor.view.commit_editor()
        return self.save_draft()

    def discard(self) -> None:
        """不保存: forget the typing; the saved item is shown again, its kept draft goes."""
        self.guard.settled()
        run_query(self, lambda: self.reload(table=True), on_failure=_left_as_is)

    def draft_key(self) -> str:
        """"disclosure_item:<id>" (the item's change stamp tells whether it was saved since)."""
        return f"disclosure_item:{self.item_id}"

    def draft_title(self) -> str:
        """The item in words."""
        return self.tr("村务公开:{title}").format(title=self.detail.title)

    def draft_state(self) -> dict:
        """The text and, for 财务, the table as typed."""
        state: dict = {"content": self.content_view.toPlainText()}
        if self.is_finance:
            state.update(self.table_editor.typed_state())
        return state

    def restore_draft(self, state: dict) -> None:
        """Put kept typing back (only into an item that can still be edited); it is then unsaved."""
        if not self.editable():
            return
        self.content_view.setPlainText(str(state.get("content", "")))
        if self.is_finance:
            self.table_editor.set_typed_state(state)
        self.message.show_hint(self.tr("已恢复上次没有保存的内容,请检查后保存。"))

    def _on_typed(self, *_args) -> None:
        if self.is_dirty():
            self.guard.changed()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Shown again: closing asks again."""
        self._force_close = False
        super().showEvent(event)

    def reject(self) -> None:
        """Close (关闭, Esc, the window's ×): ask 保存 / 不保存 / 取消 when something typed is unsaved."""
        if self._force_close:
            super().reject()
            return
        self.table_editor.view.commit_editor()  # a cell still being typed in counts
        if not self.is_dirty():
            super().reject()
            return
        self.pending_box = ask_leave(self, self, self._on_leave_answer)

    def _on_leave_answer(self, may_leave: bool) -> None:
        self.pending_box = None
        if may_leave:
            self.leave()

    def leave(self) -> None:
        """Close without asking (after 保存 or 不保存 was answered elsewhere)."""
        self._force_close = True
        self.close()

    def open_import(self) -> LedgerImportDialog:
        """The ledger import dialog; its lines go into the table when accepted."""
        dialog = LedgerImportDialog(self)
        dialog.accepted.connect(self._on_imported)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _on_imported(self) -> None:
        dialog = self.import_dialog
        if dialog is None or dialog.ledger is None:
            return
        result = dialog.ledger
        self.table_editor.import_lines(result.lines, result.opening_fen)
        self.message.show_hint(self.tr("已导入 {n} 笔明细(还没有保存)。请核对期末余额后保存草稿。").format(
            n=len(result.lines)))
