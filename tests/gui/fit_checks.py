"""What "fits" means, for `test_fit.py`: buttons at their size hint, readable labels, dialogs on screen.

A person on a 1024×600 netbook with the 大 font must still read every button
and every sentence and reach every dialog's 保存/关闭. These checks walk the
visible widgets of a window and return one line per problem, so the test can
report them all at once (and the before/after counts can be compared).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QScrollBar,
    QStyleOptionViewItem,
    QTabBar,
    QTableView,
    QTabWidget,
    QToolButton,
    QWidget,
)

from ui.widgets.elided_label import ElidedLabel  # noqa: E402

#: Room a window manager takes from the screen: the task bar and the title bar.
TASKBAR = 40
TITLE_BAR = 30


def available_height(screen_height: int) -> int:
    """The height a window's contents may use on a screen `screen_height` pixels tall."""
    return screen_height - TASKBAR - TITLE_BAR


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QAbstractButton, QLabel)):
        text = widget.text().replace("\n", " ")
    elif isinstance(widget, QTableView) and widget.model() is not None:  # name a table by its headers
        text = "/".join(str(widget.model().headerData(c, Qt.Orientation.Horizontal) or "")
                        for c in range(min(3, widget.model().columnCount())))
    owner = widget.window()
    return f"{type(owner).__name__}/{type(widget).__name__} {text[:24]!r}"


def _internal(widget: QWidget) -> bool:
    """Parts of Qt's own composite widgets (tab scrollers, calendar, spin boxes)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QTabBar, QCalendarWidget, QScrollBar, QAbstractSpinBox, QComboBox)):
            return True
        parent = parent.parentWidget()
    return widget.objectName().startswith("qt_")


def _shown_on_window(widget: QWidget) -> bool:
    """Visible and not clipped away entirely (e.g. a widget of a hidden tab page)."""
    return widget.isVisible() and widget.width() > 0 and not widget.visibleRegion().isEmpty()


def button_problems(root: QWidget) -> list[str]:
    """Visible buttons narrower than their own size hint (their text is cut)."""
    problems = []
    for button in root.findChildren(QAbstractButton):
        if not isinstance(button, (QPushButton, QToolButton)) or _internal(button):
            continue
        if not _shown_on_window(button) or not button.text():
            continue
        need = button.sizeHint().width()
        if button.width() < need:
            problems.append(f"button {_name(button)} {button.width()}<{need}")
    return problems


def label_problems(root: QWidget) -> list[str]:
    """Visible labels whose text is cut: too narrow, or wrapped into too little height."""
    problems = []
    for label in root.findChildren(QLabel):
        if _internal(label) or not _shown_on_window(label) or not label.text().strip():
            continue
        if isinstance(label, ElidedLabel):  # shortened by design; the tooltip has the whole text
            continue
        if label.pixmap() is not None and not label.pixmap().isNull():
            continue
        if label.wordWrap():
            need = label.heightForWidth(label.width())
            if need > label.height() + 1:
                problems.append(f"label {_name(label)} height {label.height()}<{need}")
        else:
            need = label.sizeHint().width()
            if label.width() + 1 < need:
                problems.append(f"label {_name(label)} width {label.width()}<{need}")
    return problems


def cell_problems(root: QWidget) -> list[str]:
    """Cells made for several lines (a calendar grid) whose lines do not fit: text drawn over text.

    One-line cells of long registers elide on purpose (the whole text is in
    the detail pane and the tooltip), so only rows at least two lines tall
    are measured, in small tables.
    """
    problems = []
    for table in root.findChildren(QTableView):
        model = table.model()
        if model is None or not _shown_on_window(table) or not table.wordWrap() or model.rowCount() > 40:
            continue
        line = table.fontMetrics().height()
        for row in range(model.rowCount()):
            if table.rowHeight(row) < 2 * line:
                continue
            for column in range(model.columnCount()):
                index = model.index(row, column)
                text = index.data(Qt.ItemDataRole.DisplayRole)
                if not isinstance(text, str) or not text or table.isIndexHidden(index):
                    continue
                span = table.visualRect(index)
                if span.width() <= 0:
                    continue
                option = QStyleOptionViewItem()
                table.initViewItemOption(option)
                option.rect = span
                option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
                need = table.itemDelegateForIndex(index).sizeHint(option, index)
                if need.height() > span.height():
                    problems.append(f"cell {type(table.window()).__name__}/{type(table).__name__} "
                                    f"{text.splitlines()[0][:16]!r} {span.width()}x{span.height()}"
                                    f"<{need.width()}x{need.height()}")
                    break
    return problems


def window_problems(window: QWidget, screen_width: int, screen_height: int, opened: bool = True) -> list[str]:
    """A top-level window that cannot be made small enough for the screen (its bottom buttons out of reach).

    Its minimum size is measured against the simulated screen; the size it
    opens at against the real screen of the test platform (the code must
    clamp it, see `ui.widgets.screen_fit.resize_within_screen`); `opened`
    False skips that for a window the test sized itself.
    """
    from ui.widgets.screen_fit import screen_room

    room = available_height(screen_height)
    problems = []
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    if window.layout() is not None:
        minimum = minimum.expandedTo(window.layout().totalMinimumSize())
    name = type(window).__name__
    if minimum.height() > room:
        problems.append(f"window {name} minimum height {minimum.height()}>{room}")
    if minimum.width() > screen_width:
        problems.append(f"window {name} minimum width {minimum.width()}>{screen_width}")
    real = screen_room(window)  # the test platform's screen: as tall as 768, narrower than 1024
    if opened and (window.height() > real.height() or window.width() > screen_width):
        problems.append(f"window {name} opens at {window.width()}x{window.height()}, "
                        f"larger than the screen")
    return problems


#: A data view must show at least this many rows, or it reads as an empty header.
VIEW_ROWS = 3
#: A line edit narrower than this many characters shows "…" instead of what was typed.
EDIT_CHARS = 6
#: The first text column of a table (the row's name) must show this many Chinese characters.
KEY_COLUMN_EMS = 4
#: Any other text column this narrow shows one character per line, or just "…".
SLIVER_EMS = 2


def _em(widget: QWidget) -> int:
    return widget.fontMetrics().horizontalAdvance("中")


def _row_height(view: QAbstractItemView) -> int:
    model = view.model()
    if isinstance(view, QTableView):
        return view.verticalHeader().defaultSectionSize()
    if model is not None and model.rowCount() > 0:
        hint = view.sizeHintForRow(0)
        if hint > 0:
            return hint
    return view.fontMetrics().height() + 4


def view_problems(root: QWidget) -> list[str]:
    """Visible tables, lists and trees too short to show `VIEW_ROWS` rows: collapsed to their header.

    A person sees an empty table and thinks there is nothing in it.
    """
    problems = []
    for view in root.findChildren(QAbstractItemView):
        if isinstance(view, QHeaderView) or _internal(view) or not _shown_on_window(view):
            continue
        if view.parentWidget() is not None and isinstance(view.parentWidget().parentWidget(), QComboBox):
            continue
        row = _row_height(view)
        rows = VIEW_ROWS if view.model() is None else min(VIEW_ROWS, max(1, view.model().rowCount()))
        need = rows * row
        if isinstance(view, QTableView) and view.model() is not None and view.model().rowCount() >= rows:
            need = sum(view.rowHeight(r) for r in range(rows))  # the rows it has, as tall as they are
        room = view.viewport().height()
        if room + 2 < need:
            problems.append(f"view {_name(view)} shows {room}px < {rows} rows ({need}px)")
    return problems


def edit_problems(root: QWidget) -> list[str]:
    """Visible line edits narrower than `EDIT_CHARS` characters (or their own minimum): text shows as "…"."""
    problems = []
    for edit in root.findChildren(QLineEdit):
        if _internal(edit) or not _shown_on_window(edit) or edit.isReadOnly() and not edit.text():
            continue
        need = max(EDIT_CHARS * edit.fontMetrics().horizontalAdvance("0"), edit.minimumSizeHint().width())
        if edit.width() < need:
            hint = (edit.placeholderText() or edit.text())[:12]
            problems.append(f"edit {_name(edit)} {hint!r} {edit.width()}<{need}")
    return problems


def overlap_problems(root: QWidget) -> list[str]:
    """Visible buttons drawn over a sibling button (a layout squeezed below its minimum)."""
    problems = []
    parents: dict[int, list[QWidget]] = {}
    for button in root.findChildren(QAbstractButton):
        if not isinstance(button, (QPushButton, QToolButton)) or _internal(button):
            continue
        if _shown_on_window(button) and button.parentWidget() is not None:
            parents.setdefault(id(button.parentWidget()), []).append(button)
    for buttons in parents.values():
        for i, first in enumerate(buttons):
            for second in buttons[i + 1:]:
                common = first.geometry().intersected(second.geometry())
                if common.width() > 1 and common.height() > 1:
                    problems.append(f"overlap {_name(first)} / {second.text()[:16]!r}")
    return problems


def _reachable(widget: QWidget) -> bool:
    """Whether a scroll area around `widget` shows a scroll bar towards the part of it out of view."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            viewport = parent.viewport().rect()
            rect = QRect(widget.mapTo(parent.viewport(), QPoint(0, 0)), widget.size())
            out_tall = rect.top() < viewport.top() or rect.bottom() > viewport.bottom()
            out_wide = rect.left() < viewport.left() or rect.right() > viewport.right()
            for out, bar in ((out_tall, parent.verticalScrollBar()), (out_wide, parent.horizontalScrollBar())):
                if out and bar.isVisible() and bar.maximum() > 0:
                    return True
        parent = parent.parentWidget()
    return False


def clip_problems(root: QWidget) -> list[str]:
    """Visible buttons cut off (partly or wholly) by the edge of their window or pane with no scroll bar to reach them.

    A splitter or a window squeezed below its content's wrapped height pushes
    its bottom row (保存/提交) out of sight; a scroll bar is fine, nothing is not.
    """
    problems = []
    for button in root.findChildren(QAbstractButton):
        if not isinstance(button, (QPushButton, QToolButton)) or _internal(button):
            continue
        if not button.isVisible() or button.width() <= 0 or button.height() <= 0:
            continue
        seen = button.visibleRegion().boundingRect()
        cut = seen.height() < button.height() - 1 or seen.width() < button.width() - 1
        if cut and not _reachable(button):
            problems.append(f"clipped {_name(button)} shows {seen.width()}x{seen.height()} "
                            f"of {button.width()}x{button.height()}")
    return problems


def column_problems(root: QWidget) -> list[str]:
    """Tables whose key column (the first text column) is under `KEY_COLUMN_EMS` characters wide,
    or any text column under `SLIVER_EMS` (one character per line, or a lone "…")."""
    problems = []
    for table in root.findChildren(QTableView):
        model = table.model()
        if model is None or _internal(table) or not _shown_on_window(table) or model.rowCount() == 0:
            continue
        em = _em(table)
        row_name = model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole)
        key_seen = isinstance(row_name, str) and not row_name.isdigit()  # the row header names the row
        for column in range(model.columnCount()):
            if table.isColumnHidden(column) or table.columnWidth(column) <= 0:
                continue
            text = model.index(0, column).data(Qt.ItemDataRole.DisplayRole)
            if not isinstance(text, str) or not text.strip():
                continue
            width = table.columnWidth(column)
            header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            where = f"column {type(table.window()).__name__}/{type(table).__name__} {str(header)[:12]!r}"
            if not key_seen:
                key_seen = True
                if width < KEY_COLUMN_EMS * em and table.fontMetrics().horizontalAdvance(text) > width:
                    problems.append(f"{where} key {width}<{KEY_COLUMN_EMS * em}")
                    continue
            if len(text) > SLIVER_EMS and width < SLIVER_EMS * em:
                problems.append(f"{where} sliver {width}<{SLIVER_EMS * em}")
    return problems


def sideways_problems(root: QWidget, views: tuple[type, ...] = ()) -> list[str]:
    """Scroll areas of `root` (a dialog's body, a pane) that scroll sideways: part of the window is off its edge.

    A vertical scroll bar on a short screen is fine; a sideways one means a
    column of the window is cut at the screen's edge (the 村务公开 editor's
    review column at 1024×600). Item views scroll sideways by design (a wide
    register), so only those of the classes in `views` are checked.
    """
    problems = []
    for area in root.findChildren(QAbstractScrollArea):
        if _internal(area) or not _shown_on_window(area):
            continue
        if isinstance(area, QAbstractItemView) and not isinstance(area, views):
            continue
        if not isinstance(area, (QScrollArea, QAbstractItemView)):
            continue  # text edits wrap their lines
        bar = area.horizontalScrollBar()
        if bar.isVisible() and bar.maximum() > 0:
            inner = area.widget() if isinstance(area, QScrollArea) else area
            problems.append(f"sideways {_name(inner or area)} scrolls {bar.maximum()}px at width {area.width()}")
    return problems


def page_width_problems(page: QWidget) -> list[str]:
    """A page of the main window whose minimum width is more than the room its window gives it.

    The main window keeps each page in a scroll area (`ui.widgets.screen_fit.ScrollingStack`),
    so such a page does not squeeze: it scrolls sideways, and its right-hand column (the search,
    the 户 of a group) is off the screen's edge until the person finds the bar at the bottom
    (the 人员名册 at 1024×600 with the 特大 font needed 860 px of 815). Measured on the page
    itself, not on its widgets: a tab that is not shown widens the page too.
    """
    area = page.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    if area is None:
        return []
    need = page.minimumSizeHint().expandedTo(page.minimumSize()).width()
    if page.layout() is not None:
        need = max(need, page.layout().totalMinimumSize().width())
    room = area.viewport().width()
    bar = area.horizontalScrollBar()
    if need > room or (bar.isVisible() and bar.maximum() > 0):
        return [f"page {type(page).__name__} minimum width {need}>{room}: scrolls sideways"]
    return []


def painted_problems(root: QWidget) -> list[str]:
    """Widgets that paint their own text (the 合规看板 chart) and say it does not fit (`labels_fit()`)."""
    problems = []
    for widget in root.findChildren(QWidget):
        check = getattr(widget, "labels_fit", None)
        if callable(check) and _shown_on_window(widget) and not check():
            problems.append(f"painted {_name(widget)} labels run together at width {widget.width()}")
    return problems


def settle() -> None:
    """Let layouts and deferred loads run."""
    for _ in range(3):
        QApplication.processEvents()


def every_tab(root: QWidget):
    """Yield once per tab page reachable in `root` (nested tab widgets too), showing it.

    Yields after each switch; the original tabs are restored afterwards.
    """
    yield
    seen: set[int] = set()
    for tabs in root.findChildren(QTabWidget):
        if id(tabs) in seen or not tabs.isVisible():
            continue
        seen.add(id(tabs))
        original = tabs.currentIndex()
        for index in range(tabs.count()):
            if index == original or not tabs.isTabEnabled(index) or not tabs.isTabVisible(index):
                continue
            tabs.setCurrentIndex(index)
            settle()
            yield
        tabs.setCurrentIndex(original)
        settle()


def widget_problems(root: QWidget) -> list[str]:
    """Buttons, labels, cells, views, edits and columns of `root` that do not fit, after layouts settled."""
    settle()
    return (button_problems(root) + label_problems(root) + cell_problems(root) + view_problems(root)
            + edit_problems(root) + overlap_problems(root) + column_problems(root) + clip_problems(root)
            + painted_problems(root))


def opened_size(screen_width: int, screen_height: int) -> tuple[int, int]:
    """The size the main window really opens at on a screen this large (`resize_within_screen`):
    1008×520 on a 1024×600 netbook, less than the walk's `available_height` room."""
    from ui.widgets.screen_fit import screen_margin

    margin = screen_margin()
    return screen_width - margin.width(), screen_height - margin.height()
