"""审核备案: the township's review of 村规民约 drafts, the 备案 register, and escalated matters.

Three tabs: 待审核 (the queue; a draft opens in place, Esc goes back),
备案登记 and 上报事项 (Ctrl+Tab moves between them). Tab titles count what
is waiting. Everything written
here is the township's own record and goes back in the village's next
return package.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.session import Session
from ui.township.document_settings_dialog import DocumentSettingsDialog
from ui.township.escalation_tab import EscalationTab
from ui.township.filing_register import FilingRegisterTab
from ui.township.review_draft import ReviewDraftPanel
from ui.township.review_queue import ReviewQueueTab
from ui.widgets.scaled_label import ScaledLabel

QUEUE_TAB, FILING_TAB, ESCALATION_TAB = range(3)


class ReviewPage(QWidget):
    """The 审核备案 area of a township installation."""

    def __init__(self, session: Session, parent: QWidget | None = None, paths=None):
        super().__init__(parent)
        self._session = session
        self.queue = ReviewQueueTab(session=session)
        self.draft = ReviewDraftPanel(session)
        self.review_stack = QStackedWidget()
        self.review_stack.addWidget(self.queue)
        self.review_stack.addWidget(self.draft)
        self.filings = FilingRegisterTab(session)
        self.escalations = EscalationTab(session)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.review_stack, "")
        self.tabs.addTab(self.filings, "")
        self.tabs.addTab(self.escalations, "")

        self.queue.open_requested.connect(self.open_draft)
        self.draft.back.connect(self.show_queue)
        self.draft.changed.connect(self._on_changed)
        self.filings.changed.connect(self._update_titles)
        self.filings.loaded.connect(self._update_titles)  # the register is read off the UI thread
        self.escalations.changed.connect(self._update_titles)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(ScaledLabel(self.tr("审核备案"), 1.5, bold=True))
        top.addStretch(1)
        self.settings_button = QPushButton(self.tr("公文设置…"))
        self.settings_button.setToolTip(self.tr(
            "审核意见书、备案回执、责令改正通知书上的机关名称、文号格式、签发人和联系人"))
        self.settings_button.clicked.connect(self.open_document_settings)
        top.addWidget(self.settings_button)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._update_titles()

    def _update_titles(self) -> None:
        def title(text: str, n: int) -> str:
            return self.tr("{text}({n})").format(text=text, n=n) if n else text

        self.tabs.setTabText(QUEUE_TAB, title(self.tr("待审核"), self.queue.waiting()))
        self.tabs.setTabText(FILING_TAB, title(self.tr("备案登记"), self.filings.waiting()))
        self.tabs.setTabText(ESCALATION_TAB, title(self.tr("上报事项"), self.escalations.waiting()))

    def open_document_settings(self) -> DocumentSettingsDialog:
        """公文设置 (the template of the township's documents)."""
        self.settings_dialog = DocumentSettingsDialog(self._session, self)
        self.settings_dialog.open()
        return self.settings_dialog

    def open_draft(self, version_id: str) -> None:
        """Show one draft of the queue in place."""
        self.tabs.setCurrentIndex(QUEUE_TAB)
        self.draft.show_draft(version_id)
        self.review_stack.setCurrentWidget(self.draft)

    def show_queue(self) -> None:
        """Back to the list of drafts."""
        self.queue.refresh()
        self.review_stack.setCurrentWidget(self.queue)
        self.queue.focus_table()
        self._update_titles()

    def _on_changed(self) -> None:
        self.queue.refresh()
        self.filings.refresh()
        self._update_titles()

    def refresh(self) -> None:
        """Re-read everything (after a package was imported)."""
        self.queue.refresh()
        if self.draft.view is not None and self.review_stack.currentWidget() is self.draft:
            self.draft.reload()
        self.filings.refresh()
        self.escalations.refresh()
        self._update_titles()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Coming back to the area shows what the latest imports brought."""
        super().showEvent(event)
        if getattr(self, "_shown_once", False):
            self.refresh()
        self._shown_once = True
