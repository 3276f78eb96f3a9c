"""The village file as a page inside the 村庄 page: the village's head, its tabs, and 返回.

Each tab reads its records the first time it is shown for a village (a
village's ten years of meetings are read only if the 会议 tab is opened);
`open_record` shows one record on its tab (the go-to links of search).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop.paths import AppPaths
from desktop.services.session import Session
from desktop.services.village_file import people as vpp
from desktop.services.village_file import rules as vr
from desktop.services.village_file import summary as vsum
from ui.operations import run_query
from ui.township.village_file.list_detail import ListDetailTab
from ui.township.village_file.other_tabs import ElectionTab, ExchangeTab
from ui.township.village_file.record_tabs import MattersTab, MeetingsTab, PeopleTab, PostingsTab
from ui.township.village_file.rules_tab import RulesTab
from ui.widgets.field_message import FieldMessage
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.scroll import transparent_scroll


class _Fitted(QWidget):
    """Holds a widget at the size it is given, never below its minimum: what a scroll area should scroll.

    A scroll area asks a widget whose layout wraps text (`heightForWidth`) for its *preferred*
    height and made the file 622 px tall in a 476 px window at 1024×600, its 打印 buttons under
    the status bar; this holder has no layout, so the area fits it to the window and scrolls only
    below the file's minimum (a large font size).
    """

    def __init__(self, child: QWidget):
        super().__init__()
        self._child = child
        child.setParent(self)

    def minimumSizeHint(self):  # noqa: N802 - Qt override
        """The child's minimum."""
        return self._child.minimumSizeHint()

    def sizeHint(self):  # noqa: N802 - Qt override
        """The child's minimum: the window gives it the rest."""
        return self._child.minimumSizeHint()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """The child takes the whole holder."""
        super().resizeEvent(event)
        self._child.setGeometry(self.rect())


def scrolling(view: QWidget) -> QWidget:
    """`view` in a frameless scroll area that fits it to the window (scrolls only below its minimum)."""
    return transparent_scroll(_Fitted(view))


class VillageFileView(QWidget):
    """One village's file, read only; `back()` when the person goes back to the register."""

    back = Signal()

    def __init__(self, session: Session, paths: AppPaths | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.code = ""
        self.summary: vsum.Summary | None = None
        self.back_button = QPushButton(self.tr("← 返回村庄列表"))
        self.back_button.setToolTip(self.tr("回到村庄登记(Esc)"))
        self.back_button.clicked.connect(self.back.emit)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.back.emit,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.title = ScaledLabel("", 1.4, bold=True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.facts = QLabel()
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setWordWrap(True)
        self.facts.setProperty("role", "hint")
        self.message = FieldMessage()
        self.rules_tab = RulesTab(session)
        self.meetings_tab = MeetingsTab(session)
        self.postings_tab = PostingsTab(session)
        self.matters_tab = MattersTab(session)
        self.election_tab = ElectionTab(session)
        self.people_tab = PeopleTab(session)
        self.exchange_tab = ExchangeTab(session, paths)
        self.tabs = QTabWidget()
        for tab, title in ((self.rules_tab, self.tr("村规民约")), (self.meetings_tab, self.tr("会议与决策")),
                           (self.postings_tab, self.tr("村务公开")), (self.matters_tab, self.tr("村务监督")),
                           (self.election_tab, self.tr("换届选举")), (self.people_tab, self.tr("村民")),
                           (self.exchange_tab, self.tr("数据包"))):
            self.tabs.addTab(tab, title)
        self.tabs.currentChanged.connect(self._load_current)
        self._loaded: set[QWidget] = set()

        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addSpacing(12)
        head.addWidget(self.title)
        head.addStretch(1)
        hint = QLabel(self.tr("只读:这里是村里数据包送来的记录,乡镇不能修改。"))
        hint.setProperty("role", "hint")
        head.addWidget(hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.facts)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

    def show_village(self, code: str) -> bool:
        """Open the file of village `code` at its current tab; False (said) when there is no such village."""
        outcome = run_query(self, lambda: vsum.summary(self._session, code), on_failure=self.message.show_failure)
        if not outcome.ok:
            return False
        self.message.clear_message()
        s = self.summary = outcome.value
        self.code = code
        self.title.setText(self.tr("{name} 村档案").format(name=s.name))
        if s.has_data:
            facts = self.tr("代码 {code} · 最后收到第 {n} 号数据包({when}),数据截至 {day}").format(
                code=s.code, n=s.last_number, when=s.last_created, day=s.data_as_of)
        else:
            facts = self.tr("代码 {code} · 还没有收到这个村的数据包,档案是空的。").format(code=s.code)
        c = s.counts
        facts += self.tr(" · 会议 {m} 次,公开 {p} 项,监督事项 {x} 件,村民 {n} 人").format(
            m=c["meetings"], p=c["postings"], x=c["matters"], n=c["people"])
        self.facts.setText(facts)
        for tab in (self.rules_tab, self.meetings_tab, self.postings_tab, self.matters_tab, self.election_tab,
                    self.people_tab):
            tab.village = s.name
        self._loaded.clear()
        self._load_current()
        return True

    def reload(self) -> None:
        """Read the village again (a package came), staying on the record shown."""
        tab = self.tabs.currentWidget()
        keep = tab.current_id() if isinstance(tab, ListDetailTab) else None
        if self.code and self.show_village(self.code) and keep:
            tab.select_id(keep)

    def _load_current(self, *_args) -> None:
        self._ensure(self.tabs.currentWidget())

    def _ensure(self, tab: QWidget) -> None:
        if self.code and tab not in self._loaded:
            self._loaded.add(tab)
            tab.load(self.code)

    def _show_tab(self, tab: QWidget) -> None:
        self.tabs.setCurrentWidget(tab)
        self._ensure(tab)

    def open_record(self, kind: str, record_id: str) -> bool:
        """Show one record of the village on its tab (kinds of `desktop.services.village_file.KINDS`).

        False (and the reason under the title) when the village holds no such record.
        """
        if kind == "article":
            record_id = record_id.rpartition("/")[2]  # search names it "<version id>/<article id>"
            outcome = run_query(self, lambda: vr.article_place(self._session, self.code, record_id),
                                on_failure=self.message.show_failure)
            if not outcome.ok:
                return False
            self._show_tab(self.rules_tab)
            return self.rules_tab.show_article(*outcome.value)
        if kind == "person":
            outcome = run_query(self, lambda: vpp.person(self._session, self.code, record_id),
                                on_failure=self.message.show_failure)
            if not outcome.ok:
                return False
        tab = {"rule_version": self.rules_tab, "meeting": self.meetings_tab, "posting": self.postings_tab,
               "matter": self.matters_tab, "person": self.people_tab, "election": self.election_tab,
               "notice": self.exchange_tab}.get(kind)
        if tab is None:
            self.message.show_error(self.tr("不认识的记录类型“{kind}”。").format(kind=kind))
            return False
        self._show_tab(tab)
        if tab is self.election_tab:
            return self.election_tab.show_election(record_id)
        if tab is self.meetings_tab and self.meetings_tab.year.currentIndex() != 0:
            self.meetings_tab.year.setCurrentIndex(0)  # the meeting may be of another year than the one filtered
        target = self.exchange_tab.notices if tab is self.exchange_tab else tab
        if target.select_id(record_id):
            return True
        self.message.show_error(self.tr("这个村的档案里没有这条记录(可能已被删除)。"))
        return False
