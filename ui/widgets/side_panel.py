"""A main pane and a side pane: side by side when the window is wide enough, as two tabs when not.

The 村务公开 editor put its review/posting/attachments column beside the
financial table; on a 1024×600 netbook the two did not fit next to each other
and the whole dialog scrolled sideways, the side column cut at the edge. Here
the two panes share a splitter while both get their minimum width, and become
two tabs of the same space when they would not: nothing is cut, nothing
scrolls sideways, and a wide screen still shows both at once.

The choice depends only on this widget's width and the panes' minimum widths
(never on the current arrangement), so it cannot flip back and forth; and the
widget asks its parent only for the tab arrangement's minimum, so a narrow
window can always give it less than the side-by-side minimum.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget


class SideBySideOrTabs(QWidget):
    """`main` and `side` in a splitter (3:1, or `stretch`) when both fit, else as the tabs `main_title` / `side_title`.

    `main` is the left pane and the first tab (a list beside what is picked
    in it can be `main` with a `stretch` of (1, 4)).

    `arranged(bool)` is emitted with True when the panes are side by side,
    False when they became tabs (e.g. to say in a tab title what waits there).
    """

    arranged = Signal(bool)

    def __init__(self, main: QWidget, side: QWidget, main_title: str, side_title: str,
                 parent: QWidget | None = None, stretch: tuple[int, int] = (3, 1)):
        super().__init__(parent)
        self.main = main
        self._stretch = stretch
        self.side = side
        self._titles = (main_title, side_title)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._side_by_side: bool | None = None
        self._side_wanted = False  # the pane last asked for: the tab shown when the panes become tabs
        self._arranging = False
        self.tabs.currentChanged.connect(self._on_tab)
        self._arrange(True)
        # A pane's minimum can grow without this widget being resized (a longer text, e.g. the
        # 投票计票 tab's 登记选民 761 人 filled after the page was laid out): arrange again then.
        main.installEventFilter(self)
        side.installEventFilter(self)

    # --- the arrangement ----------------------------------------------------------

    def side_by_side(self) -> bool:
        """Whether the panes are shown next to each other (False: as two tabs)."""
        return bool(self._side_by_side)

    def needed_width(self) -> int:
        """The width under which the panes become tabs: both minimums and the splitter handle."""
        return (self._min_width(self.main) + self._min_width(self.side)
                + self.splitter.handleWidth() + 2)

    def show_side(self) -> None:
        """Bring the side pane into view (its tab, when the panes are tabs — now or later)."""
        self._side_wanted = True
        if not self.side_by_side():
            self.tabs.setCurrentWidget(self.side)

    def show_main(self) -> None:
        """Bring the main pane into view (its tab, when the panes are tabs — now or later)."""
        self._side_wanted = False
        if not self.side_by_side():
            self.tabs.setCurrentWidget(self.main)

    def set_tab_titles(self, main_title: str, side_title: str) -> None:
        """Change what the two tabs are called (shown in the tab arrangement)."""
        self._titles = (main_title, side_title)
        if not self.side_by_side():
            self.tabs.setTabText(0, main_title)
            self.tabs.setTabText(1, side_title)

    def _on_tab(self, index: int) -> None:
        """A tab the person picked is the pane they want (kept if the panes go side by side and back)."""
        if not self._arranging and index >= 0:
            self._side_wanted = self.tabs.widget(index) is self.side

    def _arrange(self, side_by_side: bool) -> None:
        if side_by_side == self._side_by_side:
            return
        self._arranging = True
        try:
            self._rearrange(side_by_side)
        finally:
            self._arranging = False
        self.arranged.emit(side_by_side)

    def _rearrange(self, side_by_side: bool) -> None:
        self._side_by_side = side_by_side
        if side_by_side:
            self._layout.removeWidget(self.tabs)
            self.tabs.hide()
            while self.tabs.count():
                self.tabs.removeTab(0)
            self.splitter.addWidget(self.main)
            self.splitter.addWidget(self.side)
            self.splitter.setStretchFactor(0, self._stretch[0])
            self.splitter.setStretchFactor(1, self._stretch[1])
            self.main.show()
            self.side.show()
            self._layout.addWidget(self.splitter)
            self.splitter.show()
        else:
            self._layout.removeWidget(self.splitter)
            self.splitter.hide()
            self.tabs.addTab(self.main, self._titles[0])
            self.tabs.addTab(self.side, self._titles[1])
            # A pane shown side by side and then squeezed into tabs stays in view (a matter opened
            # beside its list, whose buttons then made the panes too wide, keeps its card shown).
            self.tabs.setCurrentWidget(self.side if self._side_wanted else self.main)
            self._layout.addWidget(self.tabs)
            self.tabs.show()

    @staticmethod
    def _min_width(widget: QWidget) -> int:
        return widget.minimumSizeHint().expandedTo(widget.minimumSize()).width()

    # --- Qt ------------------------------------------------------------------------

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """The tab arrangement's minimum (the wider pane, the tab bar's height): what a narrow window must give."""
        bar = self.tabs.tabBar().sizeHint().height()
        width = max(self._min_width(self.main), self._min_width(self.side)) + 4
        height = max(self.main.minimumSizeHint().height(), self.side.minimumSizeHint().height()) + bar + 4
        return QSize(width, height)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Both panes side by side (at least `needed_width`), as a window opening with room asks."""
        main, side = self.main.sizeHint(), self.side.sizeHint()
        width = max(main.width() + side.width() + self.splitter.handleWidth(), self.needed_width())
        return QSize(width, max(main.height(), side.height()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Side by side from `needed_width` on, tabs below it."""
        super().resizeEvent(event)
        self._arrange(event.size().width() >= self.needed_width())

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        """A pane asked for a new layout (its minimum may have grown): side by side only if both still fit."""
        if (event.type() == QEvent.Type.LayoutRequest and watched in (self.main, self.side)
                and self.isVisible() and self._side_by_side and self.width() < self.needed_width()):
            self._arrange(False)
        return super().eventFilter(watched, event)
