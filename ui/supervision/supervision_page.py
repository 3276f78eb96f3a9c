"""村务监督: the committee's members, meetings, matters, 民主理财, 民主评议 and work ledger.

Committee roles act; the secretary may record the election of a term; everyone
else reads (buttons disabled with a tooltip saying why). The services check
the permissions again on every write.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.paths import AppPaths
from desktop.services.session import Session
from ui.supervision.appraisal_tab import AppraisalTab
from ui.supervision.ledger_tab import LedgerTab
from ui.supervision.matter_dialogs import NEW_MATTER_KEY
from ui.supervision.matters_tab import MattersTab
from ui.supervision.meetings_tab import CommitteeMeetingsTab, MeetingEditorFactory
from ui.supervision.members_tab import MembersTab
from ui.supervision.vouchers_tab import VouchersTab
from ui.widgets.scaled_label import ScaledLabel, scale_font


class SupervisionPage(QWidget):
    """Six tabs: 成员, 监委会会议, 监督事项, 民主理财, 民主评议, 工作台账."""

    def __init__(self, session: Session, meeting_editor: MeetingEditorFactory, parent: QWidget | None = None,
                 paths: AppPaths | None = None):
        """`meeting_editor` opens a 监委会 meeting (the meetings area's editor, handed in by the page factory)."""
        super().__init__(parent)
        self.members_tab = MembersTab(session)
        self.meetings_tab = CommitteeMeetingsTab(session, meeting_editor, paths=paths)
        self.matters_tab = MattersTab(session)
        self.vouchers_tab = VouchersTab(session)
        self.appraisal_tab = AppraisalTab(session)
        self.ledger_tab = LedgerTab()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.members_tab, self.tr("成员"))
        self.tabs.addTab(self.meetings_tab, self.tr("监委会会议"))
        self.tabs.addTab(self.matters_tab, self.tr("监督事项"))
        self.tabs.addTab(self.vouchers_tab, self.tr("民主理财"))
        self.tabs.addTab(self.appraisal_tab, self.tr("民主评议"))
        self.tabs.addTab(self.ledger_tab, self.tr("工作台账"))
        scale_font(self.tabs.tabBar(), 1.1)
        self.tabs.currentChanged.connect(self._on_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(ScaledLabel(self.tr("村务监督"), 1.5, bold=True))
        layout.addWidget(self.tabs, 1)

    def open_record(self, tab: str, record_id: str) -> None:
        """A to-do line about one 监督事项: select it on the board (all states shown) so its panel is open."""
        if tab == "matters":
            self.matters_tab.show_matter(record_id)

    def open_for_draft(self, key: str) -> QWidget | None:
        """恢复未保存的内容: the dialog of a kept 监督事项 draft (新建事项, or the matter's next step); None when gone."""
        kind, _, rest = key.partition(":")
        if kind != "supervision_matter" or not rest:
            return None
        self.tabs.setCurrentWidget(self.matters_tab)
        if key == NEW_MATTER_KEY:
            return self.matters_tab.open_new()
        return self.matters_tab.open_next_step(rest)

    def refresh(self) -> None:
        """Re-read every tab (records changed elsewhere: a package, another page)."""
        self.members_tab.refresh()
        self.members_tab.show_term()
        self.meetings_tab.refresh()
        self.matters_tab.refresh()
        self.vouchers_tab.refresh()
        self.appraisal_tab.refresh()
        self.ledger_tab.refresh()

    def on_settings_changed(self) -> None:
        """The province profile changed: eligibility and schedules follow it."""
        self.members_tab.show_term()
        self.appraisal_tab.refresh()

    def _on_tab(self, index: int) -> None:
        # Work recorded in one tab shows up in the others (the ledger gathers everything).
        widget = self.tabs.widget(index)
        if widget is self.ledger_tab:
            self.ledger_tab.refresh()
        elif widget is self.meetings_tab:
            self.meetings_tab.refresh()
        elif widget is self.members_tab:
            self.members_tab.show_term()
