"""Walking every page and tab of the main window, for the tests that check what each screen shows.

Two sweeps share it: `tests/gui/test_attack_outside_text.py` (outside HTML is
never rendered) and `tests/gui/test_own_markup.py` (our own HTML always is).
Each hands in a `check(name, root)` that looks at one screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTabWidget, QWidget

Check = Callable[[str, QWidget], None]


def visit_pages(qtbot, window, check: Check, areas: Iterable[str], rows: bool = False) -> None:
    """Show each area of `window` and each tab of its page in turn, `check` each one.

    With `rows`, the first, middle and last row of every visible list or table
    is also made current in turn (detail panes fill from the selection) and the
    screen checked again.
    """
    for key in areas:
        window.show_area(key)
        page = window.current_page()
        qtbot.waitUntil(lambda p=page: not getattr(p, "_cards_pending", False), timeout=10_000)  # 首页 fills after paint
        if key == "compliance":  # the board is computed on a worker thread: sweep what it shows, not the empty table
            qtbot.waitUntil(lambda p=page: p.model.rowCount() > 0 and not p.jobs.is_busy(), timeout=20_000)
        tabs = page.findChildren(QTabWidget)
        check(key, page)
        if rows:
            select_rows(page, check, key)
        for tab in tabs:  # each tab shown in turn: hidden tabs may fill their views on showing
            for i in range(tab.count()):
                tab.setCurrentIndex(i)
                name = f"{key}/{tab.tabText(i)}"
                check(name, tab.widget(i))
                if rows:
                    select_rows(tab.widget(i), check, name)


def select_rows(root: QWidget, check: Check, name: str) -> None:
    """Make the first, middle and last row of each visible view under `root` current, checking `root` after each."""
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if isinstance(view, QHeaderView) or model is None or not view.isVisible():
            continue
        count = model.rowCount()
        for row in sorted({0, count // 2, count - 1} - {-1}):
            view.setCurrentIndex(model.index(row, 0))
            check(f"{name} ({type(view).__name__} row {row})", root)
