"""搜索 (Ctrl+F): one box over every record area; hits grouped by kind, newest first; Enter opens one in its page.

Non-modal and kept by the main window: opening a hit hides it (the page
shows the record), Ctrl+F brings it back with the query, the filters and the
hits as they were. At the township every village's records are searched and
each hit names its village; a 村 filter narrows to one.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.session import Session
from ui.search.highlight import highlighted_html, query_terms
from ui.search.hit_delegate import LINES_ROLE, SNIPPET_ROLE, TERMS_ROLE, HitDelegate
from ui.search.labels import kind_label, kind_rank, kinds_for
from ui.search.live_search import LiveSearch, Request
from ui.widgets.primary_button import make_primary
from ui.widgets.scaled_label import scale_font
from ui.widgets.screen_fit import resize_within_screen

#: On a hit's item: its `target` for `MainWindow.go_to`.
TARGET_ROLE = Qt.ItemDataRole.UserRole + 23
#: At most this many hits are asked for; more means "narrow it down".
LIMIT = 200
#: The years offered by the 年份 filter: this year and as many before it (plus any year a hit has).
YEARS_BACK = 15


def run_search(session: Session, request: Request):
    """The service call (on a worker): `search_service.search` with the request's filters."""
    from desktop.services import search_service

    return search_service.search(session, request.query.strip(), kind=request.kind, village=request.village,
                                 year=request.year, limit=LIMIT)


def _spans(hit, name: str) -> list[tuple[int, int]] | None:
    """The service's match positions in the hit's text (None: found again from the query's words)."""
    spans = getattr(hit, name, None)
    return list(spans) if spans else None


class SearchDialog(QDialog):
    """The search window. `open_requested(target)` when a hit is opened (Enter, double-click, 打开)."""

    open_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 villages: dict[str, str] | None = None, live: LiveSearch | None = None, county: bool = False):
        """`villages` (code → name) at the township: the 村 filter and the names on the hits.

        `county`: the county's search (the filed rule texts only; `villages` then names "乡镇 村").

        `live`: the search runner (tests hand in one with their own pool or call).
        """
        super().__init__(parent)
        self._session = session
        self.township = villages is not None
        self.county = county
        self.shown_request: Request | None = None  # the request whose hits are on screen
        self._open_when_answered: Request | None = None  # Enter pressed before this request's answer came
        self.hits: list = []
        self.setWindowTitle(self.tr("搜索"))
        self.setModal(False)

        self.query_edit = QLineEdit()
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setPlaceholderText(self.tr("输入要找的字词,例如:土地、村道硬化、低保、人名"))
        scale_font(self.query_edit, 1.15)
        self.query_edit.textEdited.connect(self._on_typed)
        self.query_edit.returnPressed.connect(self._on_return)
        self.query_edit.installEventFilter(self)

        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("全部类别"), None)
        for kind in kinds_for(self.township, county):
            self.kind_combo.addItem(kind_label(kind), kind)
        self.year_combo = QComboBox()
        self.year_combo.addItem(self.tr("全部年份"), None)
        this_year = date.today().year
        for year in range(this_year, this_year - YEARS_BACK - 1, -1):
            self.year_combo.addItem(self.tr("{year}年").format(year=year), year)
        self.village_combo = QComboBox()
        self.set_villages(villages or {})
        self.village_combo.setVisible(self.township)
        for combo in (self.kind_combo, self.year_combo, self.village_combo):
            combo.currentIndexChanged.connect(self._on_filter)

        self.status = QLabel()
        self.status.setProperty("role", "hint")

        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setItemDelegate(HitDelegate(self.tree))
        self.tree.setIndentation(self.fontMetrics().horizontalAdvance("国"))
        self.tree.itemActivated.connect(self._on_activated)
        self.tree.currentItemChanged.connect(self._on_current)
        self.tree.installEventFilter(self)

        self.hint_label = QLabel(self._hint_text())
        self.hint_label.setWordWrap(True)
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint_label.setProperty("role", "hint")
        self.none_label = QLabel()
        self.none_label.setWordWrap(True)
        self.none_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.none_label.setProperty("role", "hint")
        self.stack = QStackedWidget()
        for widget in (self.hint_label, self.tree, self.none_label):
            self.stack.addWidget(widget)

        self.open_button = make_primary(QPushButton(self.tr("打开")))
        self.open_button.setToolTip(self.tr("在它所在的页面打开所选的记录 (Enter)"))
        self.open_button.setEnabled(False)
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_current)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setToolTip(self.tr("关闭搜索窗口 (Esc);再按 Ctrl+F 回到这次的结果"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)

        filters = QHBoxLayout()
        filters.addWidget(self.kind_combo)
        filters.addWidget(self.year_combo)
        filters.addWidget(self.village_combo)
        filters.addWidget(self.status, 1)
        buttons = QHBoxLayout()
        keys = QLabel(self.tr("↓ 到结果  Enter 打开  Esc 关闭"))
        keys.setProperty("role", "hint")
        buttons.addWidget(keys, 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query_edit)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

        # Ctrl+F here too (the main window's shortcut does not reach this window): back to the box.
        again = QShortcut(QKeySequence("Ctrl+F"), self)
        again.activated.connect(self._back_to_box)

        self.live = live or LiveSearch(lambda request: run_search(session, request), self)
        self.live.setParent(self)
        self.live.answered.connect(self._show_results)
        self.live.failed.connect(self._show_failure)
        self.live.cleared.connect(self._show_hint)
        self.live.busy_changed.connect(self._on_busy)
        self._sized = False

    # ----- asking ---------------------------------------------------------------------------------

    def start(self, text: str | None = None) -> None:
        """Show the window with the cursor in the box; `text` (the 村庄 filter's words) is searched at once."""
        if text is not None and text.strip():
            self.query_edit.setText(text.strip())
            self.live.ask_now(self.request())
        elif self.shown_request is not None and not self.request().is_empty():
            # back with the last query: asked again, records may have been changed or deleted since
            # (a deleted meeting stayed listed, and Enter went to a record that is gone)
            self.live.ask_now(self.request())
        if not self._sized:  # the first time: as large as suits the hits, within the screen and the window
            self._sized = True
            parent = self.parentWidget()
            width, height = 900, 660
            if parent is not None:
                width, height = min(width, parent.width() - 40), min(height, parent.height() - 40)
            resize_within_screen(self, max(width, 560), max(height, 400))
            if parent is not None:
                self.move(parent.geometry().center() - self.rect().center())
        self.show()
        self.raise_()
        self.activateWindow()
        self.query_edit.setFocus()
        if text is not None and text.strip():
            self.query_edit.deselect()
            self.query_edit.end(False)  # handed over mid-word: the typing goes on after it
        else:
            self.query_edit.selectAll()  # the last query, ready to be typed over

    def set_villages(self, villages: dict[str, str]) -> None:
        """The 村 filter's choices (code → name, in code order), the village chosen kept when still there."""
        chosen = self.village_combo.currentData()
        self.village_combo.blockSignals(True)
        self.village_combo.clear()
        self.village_combo.addItem(self.tr("全部村"), None)
        for code, name in sorted(villages.items()):
            self.village_combo.addItem(f"{name}({code})", code)
        self.village_combo.setCurrentIndex(max(0, self.village_combo.findData(chosen)) if chosen else 0)
        self.village_combo.blockSignals(False)

    def _back_to_box(self) -> None:
        self.query_edit.setFocus()
        self.query_edit.selectAll()

    def is_busy(self) -> bool:
        """Whether a query is running or about to (tests and screenshots wait for its hits)."""
        return self.live.is_busy()

    def request(self) -> Request:
        """The search the box and the filters ask for now."""
        return Request(self.query_edit.text().strip(), self.kind_combo.currentData(),
                       self.year_combo.currentData(), self.village_combo.currentData() if self.township else None)

    def _on_typed(self, _text: str) -> None:
        self.live.ask(self.request())

    def _on_filter(self, _index: int) -> None:
        self.live.ask_now(self.request())

    def _on_return(self) -> None:
        """Enter in the box: the selected (or first) hit opens — once its answer is in when typed just now."""
        if self.shown_request == self.request() and not self.live.is_busy():
            if self.hits:
                if self._current_target() is None:
                    self._select_first_hit()
                self.open_current()
            return
        self._open_when_answered = self.request()
        self.live.ask_now(self.request())

    def _on_busy(self, busy: bool) -> None:
        if busy:
            self.status.setText(self.tr("正在查找…"))

    # ----- showing --------------------------------------------------------------------------------

    def _hint_text(self) -> str:
        if self.county:
            return self.tr("输入要找的字词,在各乡镇报来的备案村规民约全文中查找,每条结果注明乡镇和村。\n"
                           "例如:土地承包、宅基地、红白喜事。")
        if self.township:
            return self.tr("输入要找的字词,在各村报来的全部记录中查找:村规民约条文(每个版本)、会议(议题、决议、记录)、"
                           "村务公开及其明细、监督事项及答复、通知、村民。\n例如:土地承包、村道硬化、低保,或一个人的名字。"
                           "三个字以上的词找得最准。")
        return self.tr("输入要找的字词,在全部记录中查找:人员、会议(议题、决议、记录)、村规民约条文(每个版本)、"
                       "村务公开及其明细、监督事项及答复、乡镇通知。\n例如:土地、村道硬化、低保,或一个人的名字。"
                       "三个字以上的词找得最准。")

    def _show_hint(self) -> None:
        self.shown_request = None
        self.hits = []
        self.tree.clear()
        self.status.setText("")
        self.open_button.setEnabled(False)
        self.stack.setCurrentWidget(self.hint_label)

    def _show_failure(self, _request: Request, exc: BaseException) -> None:
        from ui.errors import error_text

        self.status.setText(self.tr("没有查成:{reason}").format(reason=error_text(exc)))

    def _show_results(self, request: Request, results) -> None:
        """The answer to the newest request: groups by kind, newest first in each."""
        open_now, self._open_when_answered = self._open_when_answered == request, None
        hits = list(getattr(results, "hits", results))
        self.shown_request = request
        self.hits = hits
        self.tree.clear()
        self.open_button.setEnabled(False)
        if not hits:
            self.status.setText("")
            self.none_label.setText(self._none_text(request))
            self.stack.setCurrentWidget(self.none_label)
            return
        terms = query_terms(request.query)
        groups: dict[str, list] = {}
        for hit in hits:
            groups.setdefault(hit.kind, []).append(hit)
        bold = QFont(self.tree.font())
        bold.setBold(True)
        found = dict(getattr(results, "counts", ()))
        for kind in sorted(groups, key=kind_rank):
            members = sorted(groups[kind], key=lambda h: h.date or "", reverse=True)
            villages = len({h.village for h in members}) if self.township else 0
            group = QTreeWidgetItem([self._group_text(kind, len(members), found.get(kind, len(members)), villages)])
            group.setFont(0, bold)
            self.tree.addTopLevelItem(group)
            for hit in members:
                group.addChild(self._hit_item(hit, terms))
            group.setExpanded(True)
        self.stack.setCurrentWidget(self.tree)
        self._select_first_hit()  # what Enter in the box opens
        self.status.setText(self._count_text(len(hits), results))
        if open_now:  # Enter was pressed before the answer came
            self.open_current()

    def _hit_item(self, hit, terms: list[str]) -> QTreeWidgetItem:
        meta = [hit.date] if hit.date else []
        if self.township and (hit.village_name or hit.village):
            meta.append(hit.village_name or hit.village)
        item = QTreeWidgetItem([" ".join([hit.title, *meta, hit.snippet])])
        item.setData(0, LINES_ROLE, (hit.title, " · ".join(meta)))
        snippet = highlighted_html(hit.snippet, terms, _spans(hit, "spans"))
        item.setData(0, SNIPPET_ROLE, snippet)
        item.setData(0, TARGET_ROLE, hit.target)
        item.setData(0, TERMS_ROLE, terms)
        # Rich text on purpose (a tooltip that merely looks like HTML would be read as HTML): all of it escaped.
        title = highlighted_html(hit.title, terms, _spans(hit, "title_spans"))
        item.setToolTip(0, f"<p>{title}</p><p>{snippet}</p>")
        return item

    def _group_text(self, kind: str, shown: int, matched: int, villages: int) -> str:
        """"会议(12)", "会议(共 35 条,列出最新 20 条)" when the limit left some out; at the township "…,5 个村"."""
        if matched > shown:
            text = self.tr("共 {n} 条,列出最新 {shown} 条").format(n=matched, shown=shown)
        else:
            text = self.tr("{n} 条").format(n=shown)
        if villages:
            text = self.tr("{text},{v} 个村").format(text=text, v=villages)
        return self.tr("{kind}({text})").format(kind=kind_label(kind), text=text)

    def _count_text(self, shown: int, results) -> str:
        total = getattr(results, "total", None)
        if (total is not None and total > shown) or shown >= LIMIT:
            return self.tr("找到 {total} 条,列出最新的 {n} 条;多打几个字或用筛选可以缩小范围").format(
                total=total if total is not None else shown, n=shown)
        return self.tr("找到 {n} 条").format(n=shown)

    def _none_text(self, request: Request) -> str:
        text = self.tr("没有找到包含“{query}”的记录。").format(query=request.query)
        narrowed = [combo.currentText() for combo in (self.kind_combo, self.year_combo, self.village_combo)
                    if combo.isVisibleTo(self) and combo.currentIndex() > 0]
        if narrowed:
            return text + "\n" + self.tr("现在只在“{filters}”里找;把筛选改回“全部”可以找全部记录。").format(
                filters="、".join(narrowed))
        return text + "\n" + self.tr("可以换个说法,或少打几个字(例如“土地”而不是“土地承包经营权”)。")

    # ----- choosing and opening -------------------------------------------------------------------

    def _current_target(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, TARGET_ROLE) if item is not None else None

    def _select_first_hit(self) -> bool:
        group = self.tree.topLevelItem(0)
        if group is None or not group.childCount():
            return False
        self.tree.setCurrentItem(group.child(0))
        return True

    def _on_current(self, current: QTreeWidgetItem | None, _previous) -> None:
        self.open_button.setEnabled(current is not None and current.data(0, TARGET_ROLE) is not None)

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, TARGET_ROLE) is None:
            item.setExpanded(not item.isExpanded())  # a group row: fold or unfold it
            return
        self.open_current()

    def open_current(self) -> None:
        """打开: the selected hit in its page; the window steps aside (Ctrl+F brings it back)."""
        target = self._current_target()
        if not target:
            return
        self.hide()
        self.open_requested.emit(target)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """↓ from the box into the hits; ↑ from the first hit back to the box."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.query_edit and event.key() == Qt.Key.Key_Down and self.stack.currentWidget() is self.tree:
                if self._current_target() is None:
                    self._select_first_hit()
                self.tree.setFocus()
                return True
            if watched is self.tree and event.key() == Qt.Key.Key_Up and self._is_first_row():
                self.query_edit.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _is_first_row(self) -> bool:
        item = self.tree.currentItem()
        return item is None or self.tree.itemAbove(item) is None or (
            self.tree.itemAbove(item) is self.tree.topLevelItem(0) and item.parent() is self.tree.topLevelItem(0))
