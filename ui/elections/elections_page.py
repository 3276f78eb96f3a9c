"""民主选举: the village's elections of the 村委会, each a procedure with its steps and tabs.

At the top: the elections, newest first, each with how far it went, and
新建选举. Below: the chosen election's step summary (each step's date or 未进行, and
why the next step is or is not possible yet, with the article), then its
tabs. A village with no election yet reads what to do first.

Tabs are plug-ins: `TABS` lists (title, "module:Class"); every class follows
the tab contract (`__init__(session, parent=None)`, `show_election(id | None)`,
`refresh()`, a `changed` signal emitted after any write). The page shows the
chosen election on every tab and, when one tab wrote, re-reads the list, the
summary and the other tabs. `PRINTS` lists the papers of the 打印 menu
(title, "module:function"), each called as `function(page, session, election_id)`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import AppPaths
from desktop.services import elections_service
from desktop.services.session import Session
from models.elections.procedure import STEP_TITLES
from models.messages import QT_TRANSLATE_NOOP
from models.roles import Permission
from ui.elections.labels import kind_label, tr
from ui.elections.new_election_dialog import NewElectionDialog
from ui.elections.people_dialogs import DayReasonDialog
from ui.elections.step_dialog import StepDialog
from ui.elections.step_summary import StepSummary
from ui.operations import run_op, run_query
from ui.widgets.dialogs import ask_confirm
from ui.widgets.primary_button import primary_button
from ui.widgets.scaled_label import ScaledLabel, scale_font

_C = "elections"

#: The tabs of an election, in order: (title, "module:Class"). Add one line per tab.
TABS: list[tuple[str, str]] = [
    (QT_TRANSLATE_NOOP(_C, "选举委员会"), "ui.elections.committee_tab:CommitteeTab"),
    (QT_TRANSLATE_NOOP(_C, "选民登记"), "ui.elections.roll_tab:RollTab"),
    (QT_TRANSLATE_NOOP(_C, "候选人"), "ui.elections.candidates_tab:CandidatesTab"),
    (QT_TRANSLATE_NOOP(_C, "委托投票"), "ui.elections.proxies_tab:ProxiesTab"),
    (QT_TRANSLATE_NOOP(_C, "投票计票"), "ui.elections.count_tab:CountTab"),
    (QT_TRANSLATE_NOOP(_C, "当选与移交"), "ui.elections.result_tab:ResultTab"),
    (QT_TRANSLATE_NOOP(_C, "罢免与推选"), "ui.elections.recall_tab:RecallTab"),
]

#: Shorter tab titles for a narrow tab bar (the 特大 font on a 1024 px screen hid 罢免与推选 behind
#: the scroll arrow); the full title stays in the tab's tooltip.
SHORT_TITLES: dict[str, str] = {
    "选举委员会": QT_TRANSLATE_NOOP(_C, "选委会"),
    "选民登记": QT_TRANSLATE_NOOP(_C, "选民"),
    "候选人": QT_TRANSLATE_NOOP(_C, "候选人"),
    "委托投票": QT_TRANSLATE_NOOP(_C, "委托"),
    "投票计票": QT_TRANSLATE_NOOP(_C, "计票"),
    "当选与移交": QT_TRANSLATE_NOOP(_C, "当选移交"),
    "罢免与推选": QT_TRANSLATE_NOOP(_C, "罢免推选"),
}

#: Below this many lines of the font in the room the page gets, the step summary folds to one line and
#: the title and the list of elections give way: a netbook's window shows 470 px (26 lines of 标准),
#: where the 投票计票 table showed one row; 1366×768 shows 648 px (36 lines of 标准, unfolded, but
#: 26 of 特大, where the unfolded page scrolled).
FOLD_BELOW_LINES = 33

#: The 打印 menu: (title, "module:function"), each called as function(page, session, election_id).
PRINTS: list[tuple[str, str]] = [
]


def _load(target: str) -> Callable:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


class ElectionsPage(QWidget):
    """The list of elections, the chosen one's step summary and its tabs."""

    def __init__(self, session: Session, parent: QWidget | None = None, paths: AppPaths | None = None):
        super().__init__(parent)
        self._session = session
        self._paths = paths
        self._election_id: str | None = None
        self.dialog: QWidget | None = None
        self._top: QWidget | None = None
        self._summary: elections_service.ElectionSummary | None = None
        self._was_empty = False
        self.can_edit = session.can(Permission.EDIT_REGISTER)

        self.list = QListWidget()
        self.list.setObjectName("elections_list")
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self._on_current)
        self.new_button = primary_button(self.tr("新建选举"))
        self.new_button.clicked.connect(self.open_new)
        self.new_button.setEnabled(self.can_edit)
        if not self.can_edit:
            self.new_button.setToolTip(self.tr("只有管理员或村文书可以新建选举。"))
        # The list sits above the steps, not beside them: a village holds an election every five
        # years and a 补选 now and then, so three rows show them all, and the steps and tabs get the
        # whole width (a left column left the tabs 590 px at 1024×600; they need up to 670).
        self.list.setWordWrap(False)
        # One line a row, never a sideways bar: at 1024×600 with the 特大 font a long name made the
        # bar cover the only row (17 of 25 px). The row is shortened in the middle; its tooltip has it all.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.top_row = QWidget()
        top_row = QHBoxLayout(self.top_row)
        top_row.setContentsMargins(0, 0, 0, 0)
        top_row.setSpacing(12)
        top_row.addWidget(self.list, 1)
        top_row.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        self.edit_button = QPushButton(self.tr("修改…"))
        self.edit_button.clicked.connect(self.open_edit)
        self.cancel_button = QPushButton(self.tr("取消选举…"))
        self.cancel_button.clicked.connect(self.open_cancel)
        for button in (self.edit_button, self.cancel_button):
            top_row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)

        self.summary = StepSummary()
        self.summary.record_requested.connect(self.open_step)
        self.summary.clear_requested.connect(self.ask_clear_step)
        self.summary.fold_requested.connect(self.set_folded)
        self._fold_choice: bool | None = None  # the person's 收起/展开; None: by the room there is
        self._watched: QWidget | None = None
        self.print_button = QToolButton()
        self.print_button.setText(self.tr("打印"))
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_menu = QMenu(self.print_button)
        self.print_button.setMenu(self.print_menu)
        for title, target in PRINTS:
            action = self.print_menu.addAction(tr(title))
            action.triggered.connect(lambda _=False, t=target: self._print(t))
        self.print_button.setVisible(bool(PRINTS))
        self.papers = _load("ui.elections.print_menu:install")(self.print_button, session, self.election_id, self)
        self.tabs = QTabWidget()
        scale_font(self.tabs.tabBar(), 1.05)
        self.tab_widgets: list[QWidget] = []
        for title, target in TABS:
            widget = _load(target)(session)
            widget.changed.connect(lambda w=widget: self._on_tab_changed(w))
            index = self.tabs.addTab(widget, tr(title))
            self.tabs.setTabToolTip(index, tr(title))
            self.tab_widgets.append(widget)
        self.tabs.setVisible(bool(TABS))
        summary_box = self.summary
        # 打印 sits at the tabs' corner: beside the summary it took the width the steps wrap in.
        self.tabs.setCornerWidget(self.print_button, Qt.Corner.TopRightCorner)
        self.print_button.setVisible(True)  # reparenting hid it; the papers' menu fills itself on opening

        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.setContentsMargins(0, 0, 0, 0)
        self.empty_title = ScaledLabel(self.tr("还没有选举记录"), 1.3, bold=True)
        self.empty_text = QLabel(self.tr(
            "村民委员会每届任期五年,届满应当及时举行换届选举;成员出缺可以由村民会议或者村民代表会议补选。\n"
            "点右上角的“新建选举”,填写选举日和应选职位,然后按页面上方提示的“下一步”办理:"
            "推选村民选举委员会、登记并公布选民名单、提名候选人、投票、公告、移交。\n"
            "罢免村民委员会成员、推选村民代表和村民小组长不需要先有选举:在下面的“罢免与推选”页中办理。"))
        self.empty_text.setWordWrap(True)
        self.empty_text.setProperty("role", "hint")
        scale_font(self.empty_text, 1.1)
        empty_layout.addWidget(self.empty_title)
        empty_layout.addSpacing(8)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addStretch(1)
        self.pick_hint = QLabel(self.tr("在上面选一次选举,查看它的步骤。"))
        self.pick_hint.setProperty("role", "hint")

        # The top shows the chosen election's steps (or what to do without one); the tabs stay
        # below in every case — 罢免与推选 belongs to no election and is needed without any.
        # One of the three at a time (not a stack: a stack is as tall as its tallest page).
        self._tops = (self.empty, self.pick_hint, summary_box)
        self._detail = summary_box
        right_box = QWidget()
        right_layout = QVBoxLayout(right_box)
        right_layout.setContentsMargins(0, 0, 0, 0)
        for widget in self._tops:
            right_layout.addWidget(widget)
        right_layout.addWidget(self.tabs, 1)
        if not TABS:
            right_layout.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        self.title = ScaledLabel(self.tr("民主选举"), 1.5, bold=True)
        layout.addWidget(self.title)
        layout.addWidget(self.top_row)
        layout.addWidget(right_box, 1)
        self.refresh()

    # --- fitting a short or narrow window -------------------------------------------------------

    def folded(self) -> bool:
        """Whether the top is folded: the summary one line, the title and the list hidden."""
        return self.summary.compact

    def set_folded(self, folded: bool) -> None:
        """收起/展开 as the person chose (kept while the page lives, over the room's own choice)."""
        self._fold_choice = folded
        self._update_fold()

    def _room_height(self) -> int:
        """The height the page is shown in: the window's scroll area's, else the page's own."""
        return self._watched.height() if self._watched is not None else self.height()

    def _update_fold(self) -> None:
        short = self._room_height() < FOLD_BELOW_LINES * self.fontMetrics().height()
        folded = self._fold_choice if self._fold_choice is not None else short
        on_summary = self._top is self._detail
        if folded != self.summary.compact:
            self.summary.set_compact(folded)
        # The list gives way only while the summary shows (its 展开 brings it back); in the empty
        # state or while none is chosen it is what the person needs.
        hide = folded and on_summary
        self.title.setVisible(not hide)
        self.top_row.setVisible(not hide)
        layout = self.layout()
        if layout is None:  # still being built
            return
        margins = (24, 6, 24, 4) if hide else (24, 20, 24, 16)
        if layout.contentsMargins().top() != margins[1]:
            layout.setContentsMargins(*margins)
            layout.setSpacing(6 if hide else 10)

    def _fit_tab_titles(self) -> None:
        """Full tab titles when the bar has room for them all, else the short ones (no scroll arrows)."""
        bar = self.tabs.tabBar()
        for n, (title, _target) in enumerate(TABS):
            bar.setTabText(n, tr(title))
        corner = self.print_button.sizeHint().width() if self.print_button.isVisible() else 0
        room = self.tabs.width() - corner - 8
        short = bar.sizeHint().width() > room
        if short:
            for n, (title, _target) in enumerate(TABS):
                bar.setTabText(n, tr(SHORT_TITLES.get(title, title)))
        self.tabs.setUsesScrollButtons(not short)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """A new width: the tab titles are fitted again; a new height: the top folds or unfolds."""
        super().resizeEvent(event)
        self._fit_tab_titles()
        self._update_fold()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        """The window's scroll area resized: the room the page is shown in changed."""
        if watched is self._watched and event.type() == QEvent.Type.Resize:
            self._update_fold()
        return super().eventFilter(watched, event)

    def _watch_room(self) -> None:
        """Follow the height of the window's scroll area around the page.

        The page itself is never shorter than its least height, so its own height does not say
        how much room there is.
        """
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        viewport = area.viewport() if area is not None else None
        if viewport is not self._watched:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            self._watched = viewport
            if viewport is not None:
                viewport.installEventFilter(self)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        """The least height the page needs at `width`, not the height it would like.

        The window's scroll area makes a page with wrapped text as tall as its
        `heightForWidth`: Qt's answer is the preferred height (the tabs at
        their size hint), so the page scrolled on 1366×768 and 130 px on
        1024×600 while it fitted. With the least height the tabs take the room
        the window has, and the page scrolls only when that is too little.
        """
        return self.layout().minimumHeightForWidth(width)

    # --- reading ---------------------------------------------------------------------------------

    def election_id(self) -> str | None:
        """The election shown on the right (None when none is chosen)."""
        return self._election_id

    def refresh(self, choose: str | None = None) -> None:
        """Re-read the list (keeping the chosen election, or choosing `choose`), the summary and every tab."""
        outcome = run_query(self, elections_service.list_elections)
        rows = outcome.value if outcome else []
        keep = choose or self._election_id
        self.list.blockSignals(True)
        self.list.clear()
        chosen = None
        for row in rows:
            item = QListWidgetItem(self._row_text(row))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setToolTip(item.text() + "\n" + kind_label(row.kind))
            self.list.addItem(item)
            if row.id == keep:
                chosen = item
        if chosen is None and self.list.count():
            chosen = self.list.item(0)
        if chosen is not None:
            self.list.setCurrentItem(chosen)
        self.list.blockSignals(False)
        self._fit_list()
        new_id = chosen.data(Qt.ItemDataRole.UserRole) if chosen is not None else None
        self._show(new_id, force_tabs=True)

    def open_record(self, _tab: str, election_id: str) -> bool:
        """A search hit on an election: chosen in the list, its summary and tabs shown; False when it is gone."""
        self.refresh(choose=election_id)
        return self._election_id == election_id

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Shown (styled at last): the list is sized to its rows as they are drawn now."""
        super().showEvent(event)
        self._fit_list()
        self._watch_room()
        self._fit_tab_titles()
        self._update_fold()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """A new font size (设置 → 字号): the list is sized to its rows again, once the rows are."""
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            QTimer.singleShot(0, self, self._fit_list)
            QTimer.singleShot(0, self, self._fit_tab_titles)
            QTimer.singleShot(0, self, self._update_fold)
        super().changeEvent(event)

    def _fit_list(self) -> None:
        """As tall as its rows, three at most (then it scrolls); hidden while there is none."""
        count = self.list.count()
        self.list.setVisible(count > 0)
        if not count:
            return
        self.list.ensurePolished()  # the style sheet's item padding counts in the row's height
        row = max(self.list.sizeHintForRow(0), self.list.fontMetrics().height() + 4)
        height = min(count, 3) * row + 2 * self.list.frameWidth() + 2
        self.list.setFixedHeight(height)

    def _row_text(self, row: elections_service.ElectionRow) -> str:
        year = row.election_day[:4] if row.election_day else self.tr("未定")
        if row.cancelled_on:
            stage = self.tr("已取消")
        elif row.stage == QT_TRANSLATE_NOOP(_C, "已完成"):
            stage = self.tr("已完成")
        else:
            stage = self.tr("进行到:{step}").format(step=tr(row.stage))
        return f"{year} {row.label} · {stage}"

    def _on_current(self, current: QListWidgetItem | None, _previous=None) -> None:
        self._show(current.data(Qt.ItemDataRole.UserRole) if current is not None else None)

    def _show(self, election_id: str | None, force_tabs: bool = False) -> None:
        changed = election_id != self._election_id
        self._election_id = election_id
        if self.list.count() == 0:
            self._show_top(self.empty)
        elif election_id is None:
            self._show_top(self.pick_hint)
        else:
            self._show_top(self._detail)
        self._show_summary()
        self._choose_tab(changed)
        for widget in self.tab_widgets:
            if changed:
                widget.show_election(election_id)
            elif force_tabs:
                widget.refresh()

    def _choose_tab(self, changed: bool) -> None:
        """With no election only 罢免与推选 can be used: the page opens on it.

        When the first election appears (新建选举 or a 补选 from that tab), its first tab follows.
        """
        recall = self.recall_tab()
        if recall is None:
            return
        # The election's own tabs are greyed while there is none to show (their tooltip says why).
        for n, (title, _target) in enumerate(TABS):
            if self.tabs.widget(n) is not recall:
                self.tabs.setTabEnabled(n, self._election_id is not None)
                self.tabs.setTabToolTip(n, tr(title) if self._election_id is not None else self.tr(
                    "还没有选中的选举:先点“新建选举”,或在上面的列表中选一次选举。"))
        if self.list.count() == 0:
            self.tabs.setCurrentWidget(recall)
        elif changed and self._was_empty and self.tabs.currentWidget() is recall:
            self.tabs.setCurrentIndex(0)
        self._was_empty = self.list.count() == 0

    def recall_tab(self) -> QWidget | None:
        """The 罢免与推选 tab (it belongs to no election), None when the page has none."""
        return next((w for w in self.tab_widgets if type(w).__name__ == "RecallTab"), None)

    def top_widget(self) -> QWidget:
        """What the top of the right side shows: the empty state, the pick hint or the step summary."""
        return self._top

    def _show_top(self, widget: QWidget) -> None:
        self._top = widget
        for top in self._tops:
            top.setVisible(top is widget)
        self._update_fold()

    def _show_summary(self) -> None:
        self._summary = None
        if self._election_id is not None:
            outcome = run_query(self, lambda: elections_service.summary(self._election_id))
            if outcome:
                self._summary = outcome.value
                self.summary.show_summary(outcome.value, self.can_edit)
        self._update_edit_buttons()

    def _update_edit_buttons(self) -> None:
        open_ = self._summary is not None and not self._summary.cancelled_on
        why = "" if self.can_edit else self.tr("只有管理员或村文书可以修改选举。")
        for button in (self.edit_button, self.cancel_button):
            button.setVisible(self.list.count() > 0)
            button.setEnabled(open_ and not why)
            button.setToolTip(why)

    # --- writing ---------------------------------------------------------------------------------

    def open_new(self) -> NewElectionDialog:
        """新建选举 (non-blocking); the new election is chosen once saved."""
        dialog = NewElectionDialog(self._session, self)
        dialog.accepted.connect(lambda: self._after_new(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _after_new(self, dialog: NewElectionDialog) -> None:
        # Chosen through refresh, not set here: the tabs are told of an election only when it changes.
        self.refresh(dialog.created.id if dialog.created is not None else None)

    def open_edit(self) -> NewElectionDialog | None:
        """修改 the chosen election (name, day, seats; a 补选's body and term end)."""
        if self._summary is None:
            return None
        dialog = NewElectionDialog(self._session, self, editing=self._summary)
        dialog.accepted.connect(self.refresh)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_cancel(self) -> DayReasonDialog | None:
        """取消选举: a day and the reason; the election stays in the list as 已取消."""
        if self._summary is None:
            return None
        election_id = self._summary.id
        dialog = DayReasonDialog(
            self.tr("取消选举"),
            lambda day, reason: elections_service.cancel_election(self._session, election_id, day, reason),
            self, self.tr("例如:乡镇通知推迟换届"))
        dialog.accepted.connect(self.refresh)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_step(self, key: str) -> StepDialog | None:
        """登记这一步 for the next step of the chosen election (non-blocking)."""
        if self._election_id is None or not key:
            return None
        dialog = StepDialog(self._session, self._election_id, key, self)
        dialog.accepted.connect(self.refresh)
        self.dialog = dialog
        dialog.open()
        return dialog

    def ask_clear_step(self, key: str) -> None:
        """撤回 a step recorded by mistake (its date is emptied), after a question."""
        if self._election_id is None or not key:
            return
        election_id = self._election_id

        def clear() -> None:
            if run_op(self, lambda: elections_service.clear_step(self._session, election_id, key)):
                self.refresh()

        self.dialog = ask_confirm(self, self.tr("撤回步骤"), self.tr("撤回“{step}”的登记吗?它的日期将被清空。").format(
            step=tr(STEP_TITLES[key])), self.tr("撤回"), clear)

    def _on_tab_changed(self, source: QWidget) -> None:
        """A tab wrote: the list and summary follow, and so do the other tabs.

        A tab that made an election (罢免与推选's 发起补选) adds a row: the list is
        read again and the new election chosen, so the secretary carries on with it.
        """
        created = self._refresh_list_only()
        if created is not None:
            self.refresh(created)
            return
        self._show_summary()
        for widget in self.tab_widgets:
            if widget is not source:
                widget.refresh()

    def _refresh_list_only(self) -> str | None:
        """Re-read the rows' texts; an election not in the list yet is returned instead (the newest)."""
        outcome = run_query(self, elections_service.list_elections)
        if not outcome:
            return None
        shown = {self.list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.list.count())}
        new = [row.id for row in outcome.value if row.id not in shown]
        if new:
            return new[0]
        texts = {row.id: self._row_text(row) for row in outcome.value}
        for n in range(self.list.count()):
            item = self.list.item(n)
            text = texts.get(item.data(Qt.ItemDataRole.UserRole))
            if text is not None:
                item.setText(text)
        return None

    def _print(self, target: str) -> None:
        if self._election_id is not None:
            _load(target)(self, self._session, self._election_id)

    def on_settings_changed(self) -> None:
        """The province profile changed: its rules (委托 per voter…) follow."""
        self.refresh()
